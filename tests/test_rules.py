"""The rule catalogue and the deadline engine."""

from __future__ import annotations

import calendar as pycal
import csv
import datetime as dt
import json
import pickle

import attrs
import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

import sendkit
from sendkit import (
    RULES,
    AlternativeClock,
    Basis,
    Confidence,
    Counting,
    Deadline,
    Direction,
    InvalidInputError,
    InvalidTypeError,
    Period,
    Roll,
    Rule,
    RuleBook,
    Unit,
    UnknownRuleError,
    add_working_days,
    deadline,
    due_date,
    get_rule,
    is_working_day,
)
from sendkit.rules import CODE_PATTERN, ROLL_CONVENTIONS, UNIT_CONVENTIONS
from sendkit.rules._catalogue import CATALOGUE

from .conftest import DATA

GOLDEN = DATA / "deadline_examples.csv"


def _golden_rows() -> list[dict[str, str]]:
    with GOLDEN.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _inputs(text: str) -> dict[str, dt.date]:
    out = {}
    for part in filter(None, text.split(";")):
        name, value = part.split("=")
        out[name.strip()] = dt.date.fromisoformat(value.strip())
    return out


# -- golden examples ------------------------------------------------------------


@pytest.mark.parametrize(
    "row", _golden_rows(), ids=lambda row: f"{row['rule']}@{row['start']}"
)
def test_every_hand_counted_example_gives_its_due_date(row: dict[str, str]) -> None:
    result = deadline(
        row["rule"],
        dt.date.fromisoformat(row["start"]),
        region=row["region"],
        **_inputs(row["inputs"]),
    )
    assert result.due == dt.date.fromisoformat(row["due"])
    assert row["checked_by"].strip()
    assert row["note"].strip()


def test_golden_examples_cover_every_rule() -> None:
    covered = {row["rule"] for row in _golden_rows()}
    assert covered == set(RULES)


def test_seed_example_trail_names_the_spring_bank_holiday_only() -> None:
    result = deadline("area-send.pap.submit", dt.date(2023, 5, 16))
    assert result.due == dt.date(2023, 7, 5)
    holidays = [line for line in result.trail if "bank holiday" in line]
    assert holidays == ["  Mon 29 May 2023  bank holiday: Spring Bank Holiday"]
    assert "The start day is not counted." in result.trail


# -- the catalogue as data ----------------------------------------------------------


@pytest.mark.parametrize("rule", CATALOGUE, ids=lambda rule: rule.code)
def test_every_rule_is_cited(rule: Rule) -> None:
    assert CODE_PATTERN.fullmatch(rule.code)
    assert rule.source.strip()
    assert rule.url.startswith(("https://", "http://"))
    assert rule.summary.strip()
    assert rule.clock_starts.strip()
    assert isinstance(rule.confidence, Confidence)
    assert rule.overridden is None
    assert rule.confirmed is (rule.confidence is Confidence.PRIMARY)


def test_required_codes_are_present() -> None:
    required = {
        "area-send.pap.submit",
        "area-send.pap.publish",
        "area-send.monitoring-inspection",
        "legacy.wsoa.submit",
        "ehc.decision-to-assess",
        "ehc.advice",
        "ehc.decision-not-to-issue",
        "ehc.draft-representations",
        "ehc.final-plan",
        "tribunal.appeal",
    }
    assert required <= set(RULES)
    assert any(code.startswith("area-send.full-inspection") for code in RULES)


def test_unconfirmed_figures_are_flagged() -> None:
    for code in (
        "area-send.pap.submit",
        "area-send.pap.publish",
        "legacy.wsoa.submit",
    ):  # reg 4 text unread
        assert not RULES[code].confirmed
    assert RULES["legacy.revisit.report"].confidence is Confidence.UNCONFIRMED
    assert RULES["ehc.final-plan"].confirmed


def test_framework_rules_are_valid_only_for_their_framework_years() -> None:
    assert RULES["legacy.wsoa.submit"].valid_until == dt.date(2022, 12, 31)
    assert RULES["area-send.pap.submit"].valid_from == dt.date(2023, 1, 1)


def test_basis_decides_hard_limits() -> None:
    assert Basis.LAW.is_hard_limit
    assert Basis.FRAMEWORK.is_hard_limit
    assert not Basis.USUAL_PRACTICE.is_hard_limit
    assert not RULES["area-send.monitoring-inspection"].is_hard_limit


def test_enum_values_are_stable_lowercase() -> None:
    for enum_type in (Unit, Basis, Confidence, Direction, Counting, Roll):
        for member in enum_type:
            assert member.value == member.value.lower()
    assert [c.value for c in Confidence] == [
        "primary",
        "primary-partial",
        "secondary",
        "secondary-weak",
        "unconfirmed",
    ]


def test_conventions_cover_every_unit_and_roll() -> None:
    assert set(UNIT_CONVENTIONS) == set(Unit)
    assert set(ROLL_CONVENTIONS) == set(Roll)


def test_rules_is_immutable() -> None:
    with pytest.raises(TypeError):
        RULES["x.y"] = RULES["ehc.final-plan"]  # type: ignore[index]
    with pytest.raises(AttributeError):
        RULES._rules = {}  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        RULES["ehc.final-plan"].code = "ehc.other"  # type: ignore[misc]


def test_books_and_deadlines_pickle() -> None:
    book = RULES.with_period("area-send.pap.submit", "40 working days")
    assert pickle.loads(pickle.dumps(book)) == book  # noqa: S301 - our own bytes
    result = deadline(
        "tribunal.appeal", dt.date(2024, 3, 4), certificate_issued=dt.date(2024, 4, 29)
    )
    again = pickle.loads(pickle.dumps(result))  # noqa: S301 - our own bytes
    assert again == result
    assert hash(again) == hash(result)


def test_duplicate_codes_are_rejected() -> None:
    rule = RULES["ehc.final-plan"]
    with pytest.raises(
        InvalidInputError, match=r"duplicate rule code 'ehc\.final-plan'"
    ):
        RuleBook([rule, rule])


def test_public_names_are_exported() -> None:
    for name in ("Rule", "RULES", "get_rule", "deadline", "Deadline", "Period", "Unit"):
        assert name in sendkit.__all__


# -- looking rules up --------------------------------------------------------------


def test_get_rule_by_code() -> None:
    assert get_rule("ehc.final-plan") is RULES["ehc.final-plan"]
    assert "ehc.final-plan" in RULES
    assert "nope" not in RULES
    assert RULES.get("nope") is None


def test_unknown_rule_suggests_nearest() -> None:
    with pytest.raises(UnknownRuleError) as info:
        get_rule("ehc.final-plna")
    assert info.value.code == "ehc.final-plna"
    assert info.value.suggestions[0] == "ehc.final-plan"
    assert "did you mean 'ehc.final-plan'" in str(info.value)
    assert isinstance(info.value, LookupError)


def test_unknown_family_prefix_suggests_its_members() -> None:
    with pytest.raises(UnknownRuleError) as info:
        deadline("area-send.full-inspection", dt.date(2024, 1, 1))
    assert set(info.value.suggestions) >= {
        "area-send.full-inspection.after-positive",
        "area-send.full-inspection.after-inconsistent",
        "area-send.full-inspection.after-systemic",
    }


def test_hopeless_code_points_to_the_list() -> None:
    with pytest.raises(UnknownRuleError, match="sendkit rules"):
        get_rule("zzzz")


# -- the engine -----------------------------------------------------------------------


def test_deadline_accepts_a_rule_value() -> None:
    rule = RULES["ehc.final-plan"]
    assert deadline(rule, dt.date(2025, 1, 6)).due == dt.date(2025, 5, 26)


def test_deadline_carries_the_rules_basis_confidence_and_source() -> None:
    result = deadline("ehc.final-plan", dt.date(2025, 1, 6))
    assert isinstance(result, Deadline)
    assert result.rule is RULES["ehc.final-plan"]
    assert result.basis is Basis.LAW
    assert result.is_hard_limit
    assert result.confirmed
    assert result.confidence is Confidence.PRIMARY
    assert result.source == "SEND Regulations 2014, reg 13(2); exceptions reg 13(3)"
    assert result.url.startswith("http://www.legislation.gov.uk/")
    assert str(result) == "ehc.final-plan: due 2025-05-26"


def test_kept_bank_holiday_is_explained() -> None:
    result = deadline("ehc.final-plan", dt.date(2025, 1, 6))
    assert any(
        "Monday 26 May 2025 is not a working day (Spring Bank Holiday)" in line
        and "kept" in line
        for line in result.trail
    )
    assert not any(line.startswith("Caveat") for line in result.trail)


def test_to_dict_is_json_ready() -> None:
    result = deadline("area-send.pap.submit", dt.date(2023, 5, 16)).to_dict()
    assert {
        "rule",
        "start",
        "due",
        "basis",
        "source",
        "url",
        "confirmed",
        "confidence",
        "summary",
        "trail",
    } <= set(result)
    assert result["rule"] == "area-send.pap.submit"
    assert result["start"] == "2023-05-16"
    assert result["due"] == "2023-07-05"
    assert result["basis"] == "framework"
    assert result["confirmed"] is False
    assert result["confidence"] == "secondary"
    assert json.loads(json.dumps(result)) == result


def test_unconfirmed_rule_has_caveat_and_no_warning() -> None:
    # filterwarnings=error: a warning here would fail the test.
    result = deadline("area-send.pap.publish", dt.date(2023, 5, 16))
    assert not result.confirmed
    assert any(
        line.startswith("Caveat: this figure is not confirmed") for line in result.trail
    )
    assert str(result).endswith("(unconfirmed)")


def test_usual_practice_gives_an_expected_date() -> None:
    result = deadline("area-send.monitoring-inspection", dt.date(2023, 5, 16))
    assert not result.is_hard_limit
    assert (
        str(result)
        == "area-send.monitoring-inspection: expected 2024-11-16 (unconfirmed)"
    )
    assert any("not a deadline" in line for line in result.trail)


def test_whichever_is_later_trail_names_the_clock_used() -> None:
    result = deadline(
        "tribunal.appeal", dt.date(2024, 3, 4), certificate_issued=dt.date(2024, 4, 29)
    )
    assert result.due == dt.date(2024, 5, 29)
    assert result.inputs == {"certificate_issued": dt.date(2024, 4, 29)}
    assert any("from certificate_issued" in line for line in result.trail)
    assert result.to_dict()["inputs"] == {"certificate_issued": "2024-04-29"}
    assert len({result, attrs.evolve(result)}) == 1
    with pytest.raises(TypeError):
        result.inputs["certificate_issued"] = dt.date(2024, 5, 1)  # type: ignore[index]


def test_missing_optional_input_is_said() -> None:
    result = deadline("tribunal.appeal", dt.date(2025, 1, 31), certificate_issued=None)
    assert result.due == dt.date(2025, 3, 31)
    assert any("No certificate_issued date was given" in line for line in result.trail)


def test_unknown_input_is_refused() -> None:
    with pytest.raises(
        InvalidInputError,
        match="has no input 'certificate'; it accepts 'certificate_issued'",
    ):
        deadline(
            "tribunal.appeal", dt.date(2025, 1, 31), certificate=dt.date(2025, 2, 1)
        )
    with pytest.raises(InvalidInputError, match="takes no extra dates"):
        deadline("ehc.final-plan", dt.date(2025, 1, 31), other=dt.date(2025, 2, 1))


def test_input_must_be_a_date() -> None:
    with pytest.raises(
        InvalidTypeError, match=r"certificate_issued must be a datetime\.date"
    ):
        deadline(
            "tribunal.appeal", dt.date(2025, 1, 31), certificate_issued="2025-02-01"
        )  # type: ignore[arg-type]


def test_start_must_be_a_date() -> None:
    with pytest.raises(InvalidTypeError, match=r"start must be a datetime\.date"):
        deadline("ehc.final-plan", "2025-01-06")  # type: ignore[arg-type]
    assert deadline("ehc.final-plan", dt.datetime(2025, 1, 6, 9, 30)).start == dt.date(
        2025, 1, 6
    )


def test_rule_must_be_code_or_rule() -> None:
    with pytest.raises(InvalidTypeError, match="rule must be a rule code or a Rule"):
        deadline(42, dt.date(2025, 1, 6))  # type: ignore[arg-type]


def test_a_start_outside_the_rules_validity_is_refused() -> None:
    with pytest.raises(InvalidInputError, match="from 2016-05-01 to 2022-12-31"):
        deadline("legacy.wsoa.submit", dt.date(2023, 1, 2))
    with pytest.raises(InvalidInputError, match="from 2023-01-01 to now"):
        deadline("area-send.pap.submit", dt.date(2022, 12, 30))
    assert deadline("legacy.wsoa.submit", dt.date(2022, 12, 30)).due > dt.date(
        2023, 1, 1
    )


def test_closures_are_skipped_and_labelled() -> None:
    plain = deadline("mediation.certificate", dt.date(2025, 12, 22))
    closed = deadline(
        "mediation.certificate",
        dt.date(2025, 12, 22),
        closures=[dt.date(2025, 12, 23), dt.date(2025, 12, 24)],
    )
    assert plain.due == dt.date(2025, 12, 29)
    assert closed.due == dt.date(2025, 12, 31)
    assert any("local closure" in line for line in closed.trail)


def test_day_one_counting_for_working_days() -> None:
    # No catalogue rule counts working days from day one; the engine still must.
    rule = Rule(
        code="local.day-one",
        summary="Test rule",
        clock_starts="an event",
        period=Period(3, Unit.WORKING_DAYS),
        basis=Basis.USUAL_PRACTICE,
        counting=Counting.START_IS_DAY_ONE,
        source="a test",
        url="https://example.org/",
        confidence=Confidence.UNCONFIRMED,
    )
    assert deadline(rule, dt.date(2025, 3, 3)).due == dt.date(2025, 3, 5)
    assert deadline(rule, dt.date(2025, 3, 1)).due == dt.date(2025, 3, 5)  # Saturday


def test_next_working_day_roll_moves_a_bank_holiday_due_date() -> None:
    rule = attrs.evolve(
        RULES["ehc.final-plan"], code="local.rolled", roll=Roll.NEXT_WORKING_DAY
    )
    result = deadline(rule, dt.date(2025, 1, 6))
    assert result.due == dt.date(2025, 5, 27)
    assert any(
        "moves to the next working day, Tuesday 27 May 2025" in line
        for line in result.trail
    )


def test_tribunal_rule_12_on_new_years_day() -> None:
    # 1 Nov + 2 months = 1 Jan 2025: in time on the first working day after 1 Jan.
    assert deadline("tribunal.appeal", dt.date(2024, 11, 1)).due == dt.date(2025, 1, 2)


# -- the model ---------------------------------------------------------------------------


def test_periods_print_and_parse_as_plain_english() -> None:
    assert str(Period(1, Unit.WEEKS)) == "1 week"
    assert str(Period(31, Unit.FIXED_DATE, month=3)) == "31 March"
    assert Period.parse(" 40  Working Days ") == Period(40, Unit.WORKING_DAYS)
    assert Period.parse("15 days") == Period(15, Unit.CALENDAR_DAYS)
    assert Period.parse("15 february") == Period(15, Unit.FIXED_DATE, month=2)


@pytest.mark.parametrize(
    "text", ["", "six weeks", "6 fortnights", "30 February", "0 weeks"]
)
def test_unreadable_period_text_is_refused(text: str) -> None:
    with pytest.raises(InvalidInputError):
        Period.parse(text)


def test_impossible_periods_are_refused() -> None:
    with pytest.raises(InvalidInputError, match="whole number from 1"):
        Period(0, Unit.WEEKS)
    with pytest.raises(InvalidInputError, match="fixed-date period"):
        Period(29, Unit.FIXED_DATE, month=2)
    with pytest.raises(InvalidInputError, match="only a fixed-date period has a month"):
        Period(3, Unit.WEEKS, month=2)


def test_malformed_rules_are_refused_by_field() -> None:
    base = RULES["ehc.final-plan"]
    with pytest.raises(InvalidInputError, match="not dotted lowercase"):
        attrs.evolve(base, code="EHC.Final")
    with pytest.raises(InvalidInputError, match="source must be non-empty"):
        attrs.evolve(base, source="  ")
    with pytest.raises(InvalidInputError, match="url must start with"):
        attrs.evolve(base, url="legislation.gov.uk")
    with pytest.raises(InvalidInputError, match="only to fixed dates"):
        attrs.evolve(base, counting=Counting.DAY_BEFORE)
    with pytest.raises(InvalidInputError, match="valid_until is before valid_from"):
        attrs.evolve(base, valid_until=dt.date(2000, 1, 1))
    clock = AlternativeClock(
        input="other", clock_starts="x", period=Period(1, Unit.WEEKS)
    )
    with pytest.raises(InvalidInputError, match="share an input name"):
        attrs.evolve(base, alternatives=(clock, clock))
    with pytest.raises(InvalidInputError, match="lowercase identifier"):
        AlternativeClock(
            input="Other-Date", clock_starts="x", period=Period(1, Unit.WEEKS)
        )


def test_describe_period_names_alternative_clocks_and_direction() -> None:
    assert RULES["tribunal.appeal"].describe_period() == (
        "2 months (or 1 month from certificate_issued, whichever is later)"
    )
    assert RULES["ehc.phase-transfer"].describe_period() == "before 15 February"
    assert RULES["ehc.review.meeting-notice"].describe_period() == (
        "2 weeks before (clear days)"
    )


# -- properties --------------------------------------------------------------------------

_FIRST = dt.date(2015, 1, 1)
_LAST = dt.date(2026, 12, 31)  # results stay inside the announced bank holidays


@st.composite
def _rule_and_start(draw: st.DrawFn) -> tuple[Rule, dt.date]:
    rule = draw(st.sampled_from(CATALOGUE))
    low = max(rule.valid_from or _FIRST, _FIRST)
    high = min(rule.valid_until or _LAST, _LAST)
    return rule, draw(st.dates(min_value=low, max_value=high))


@given(_rule_and_start())
def test_due_is_on_the_right_side_of_start(case: tuple[Rule, dt.date]) -> None:
    rule, start = case
    due = deadline(rule, start).due
    if rule.period.unit is Unit.FIXED_DATE:
        assert due.year == start.year
    elif rule.direction is Direction.AFTER:
        assert due >= start
    else:
        assert due <= start


@given(_rule_and_start(), st.dates(min_value=_FIRST, max_value=_LAST))
def test_alternative_never_brings_the_date_forward(
    case: tuple[Rule, dt.date], other: dt.date
) -> None:
    rule, start = case
    plain = deadline(rule, start).due
    for name in rule.inputs:
        assert deadline(rule, start, **{name: other}).due >= plain


_WORKING_DAY_RULES = [
    rule for rule in CATALOGUE if rule.period.unit is Unit.WORKING_DAYS
]
_MONTH_RULES = [
    rule
    for rule in CATALOGUE
    if rule.period.unit is Unit.MONTHS and rule.counting is Counting.START_IS_DAY_ZERO
]


def _starts_for(rules: list[Rule]) -> st.SearchStrategy[tuple[Rule, dt.date]]:
    return _rule_and_start().filter(lambda case: case[0] in rules)


@given(
    _starts_for(_WORKING_DAY_RULES),
    st.sampled_from(["england-and-wales", "scotland", "northern-ireland"]),
)
def test_working_day_rules_land_on_working_days(
    case: tuple[Rule, dt.date], region: str
) -> None:
    rule, start = case
    due = deadline(rule, start, region=region).due
    assert is_working_day(due, region=region)
    assert due > start


@given(_starts_for(_MONTH_RULES))
def test_months_never_overflow_a_month(case: tuple[Rule, dt.date]) -> None:
    rule, start = case
    result = deadline(rule, start)
    sign = 1 if rule.direction is Direction.AFTER else -1
    months = start.year * 12 + start.month - 1 + sign * rule.period.amount
    year, month = divmod(months, 12)
    last = pycal.monthrange(year, month + 1)[1]
    if rule.roll is Roll.KEEP:
        assert (result.due.year, result.due.month) == (year, month + 1)
        assert result.due.day == min(start.day, last)


@given(
    st.integers(min_value=1, max_value=400), st.dates(min_value=_FIRST, max_value=_LAST)
)
def test_weeks_are_seven_days(weeks: int, start: dt.date) -> None:
    rule = attrs.evolve(
        RULES["ehc.final-plan"], period=Period(weeks, Unit.WEEKS), valid_from=None
    )
    due = deadline(rule, start).due
    assert (due - start).days == 7 * weeks
    assert due.weekday() == start.weekday()


@given(st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2026, 10, 1)))
def test_tribunal_appeal_follows_rule_12(start: dt.date) -> None:
    ends = start + relativedelta(months=2)
    due = deadline("tribunal.appeal", start).due
    assert is_working_day(due)
    assert due >= ends
    if ends.month == 8:
        assert due > dt.date(ends.year, 8, 31)
    elif (ends.month, ends.day) >= (12, 25):
        assert due > dt.date(ends.year + 1, 1, 1)
    elif (ends.month, ends.day) == (1, 1):
        assert due > ends
    elif is_working_day(ends):
        assert due == ends
    else:
        # Rule 12(2) only: the next working day, even if that is in August.
        assert due == add_working_days(ends, 1)


@given(_rule_and_start(), st.dates(min_value=_FIRST, max_value=_LAST))
def test_due_date_agrees_with_deadline(
    case: tuple[Rule, dt.date], other: dt.date
) -> None:
    rule, start = case
    inputs = dict.fromkeys(rule.inputs, other)
    assert (
        due_date(rule.code, start, **inputs) == deadline(rule.code, start, **inputs).due
    )


def test_due_date_errors_like_deadline() -> None:
    with pytest.raises(UnknownRuleError):
        due_date("ehc.nope", dt.date(2025, 1, 6))
    with pytest.raises(InvalidInputError, match="is outside that"):
        due_date("legacy.wsoa.submit", dt.date(2024, 1, 2))


class TestTribunalAppealIgnoresLocalCalendars:
    """A tribunal appeal is counted on the statutory England and Wales calendar only."""

    def test_tribunal_ignores_local_closures_and_other_regions(self):
        """A council closure or a Scottish holiday does not move a tribunal deadline."""
        start = dt.date(2023, 9, 30)  # 2 months later is Thu 30 November 2023
        plain = deadline("tribunal.appeal", start).due
        assert plain == dt.date(2023, 11, 30)
        assert deadline("tribunal.appeal", start, closures=[plain]).due == plain
        assert deadline("tribunal.appeal", start, region="scotland").due == plain

    def test_tribunal_still_rolls_off_statutory_holidays(self):
        """Rule 12(2): due on a bank holiday, in time on the next working day."""
        # 2 months after 27 March 2023 is Saturday 27 May 2023; Monday 29 May is the
        # Spring bank holiday, so the appeal is in time on Tuesday 30 May.
        assert deadline("tribunal.appeal", dt.date(2023, 3, 27)).due == dt.date(
            2023, 5, 30
        )


class TestHolidayHorizonCaveat:
    """A deadline past GOV.UK's announced years carries a caveat and warns once."""

    def test_horizon_caveat_is_in_the_trail_and_warned_once(self):
        """A deadline past GOV.UK's announced years says so in its trail and JSON."""
        import warnings

        from sendkit import HolidayHorizonWarning

        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            result = deadline("area-send.pap.submit", dt.date(2030, 1, 31))
        assert [w.category for w in caught] == [HolidayHorizonWarning]
        assert any(
            line.startswith("Caveat: dates after 2028-12-31") for line in result.trail
        )
        assert any("2028-12-31" in line for line in result.to_dict()["trail"])
