"""The 20-week measure: counts, boundary convention, exceptions, national data."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sendkit.ehc import (
    NATIONAL,
    EhcCase,
    measure_definition,
    synthetic_caseload,
    timeliness,
)
from sendkit.ehc.strategies import caseloads
from sendkit.errors import InvalidInputError, InvalidTypeError
from sendkit.io import read_cases
from sendkit.rules import RULES, deadline

from .conftest import DATA
from .strategies import sen2_received_days

D = dt.date


def case(
    received: D, days: int | None, *, week20: bool | None = False, cid: str = "X"
) -> EhcCase:
    issued = None if days is None else received + dt.timedelta(days=days)
    return EhcCase(case_id=cid, received=received, plan_issued=issued, week20=week20)


def naive(cases, year, inclusive=True):
    """A plain restatement of the definition, one case at a time."""
    limit = 140 if inclusive else 139
    year_limit = 364 if inclusive else 363
    out = {
        "n": 0,
        "ok": 0,
        "mid": 0,
        "long": 0,
        "days": 0,
        "n_ex": 0,
        "ok_ex": 0,
        "mid_ex": 0,
        "long_ex": 0,
        "days_ex": 0,
    }
    for c in cases:
        if c.plan_issued is None or c.plan_issued.year != year:
            continue
        days = (c.plan_issued - c.received).days
        band = "ok" if days <= limit else "mid" if days <= year_limit else "long"
        out["n"] += 1
        out[band] += 1
        out["days"] += days
        if not c.excepted:
            out["n_ex"] += 1
            out[band + "_ex"] += 1
            out["days_ex"] += days
    return out


class TestFixtureFile:
    def test_counts_match_hand_worked_answers(self):
        """The CSV fixture gives the counts worked out by hand in its comments."""
        result = timeliness(read_cases(DATA / "ehc_cases.csv").cases, year=2024)
        assert (result.issued, result.within_20_weeks) == (7, 2)
        assert (result.over_20_to_52_weeks, result.over_52_weeks) == (4, 1)
        assert result.exceptions == 2
        assert (
            result.issued_excluding_exceptions,
            result.within_20_weeks_excluding_exceptions,
        ) == (5, 2)
        assert result.to_dict()["percent"] == 28.6
        assert result.to_dict()["percent_excluding_exceptions"] == 40.0
        # 140 + 141 + 153 + 378 + 98 + 244 + 364 days over 7 plans
        assert result.average_weeks == pytest.approx(1518 / 7 / 7)

    def test_other_year_only_counts_its_own_plans(self):
        """C006 was issued in 2023, so it is 2023's only plan."""
        result = timeliness(read_cases(DATA / "ehc_cases.csv").cases, year=2023)
        assert (result.issued, result.within_20_weeks) == (1, 1)


class TestBoundary:
    @pytest.mark.parametrize(
        ("days", "inclusive", "band"),
        [
            (0, True, "in"),
            (139, True, "in"),
            (140, True, "in"),
            (141, True, "mid"),
            (139, False, "in"),
            (140, False, "mid"),
            (364, True, "mid"),
            (365, True, "long"),
            (363, False, "mid"),
            (364, False, "long"),
        ],
    )
    def test_bands_at_the_edges(self, days, inclusive, band):
        """Day 140 is in time by default and late with boundary_inclusive=False."""
        received = D(2024, 12, 31) - dt.timedelta(days=days)
        result = timeliness(
            [case(received, days)], year=2024, boundary_inclusive=inclusive
        )
        got = (result.within_20_weeks, result.over_20_to_52_weeks, result.over_52_weeks)
        assert got == {"in": (1, 0, 0), "mid": (0, 1, 0), "long": (0, 0, 1)}[band]

    def test_limit_is_the_catalogue_due_date(self):
        """The plan issued on deadline('ehc.final-plan').due is exactly the last day in time."""
        received = D(2024, 1, 8)
        due = deadline("ehc.final-plan", received).due
        on_due = EhcCase(case_id="A", received=received, plan_issued=due)
        after = EhcCase(
            case_id="B", received=received, plan_issued=due + dt.timedelta(days=1)
        )
        result = timeliness([on_due, after], year=2024)
        assert result.within_20_weeks == 1
        assert result.limit_days == (due - received).days == 140

    def test_convention_is_stated_and_flagged_unconfirmed(self):
        """The output says day 0, day 140 and [U]."""
        text = timeliness([], year=2024).to_dict()["convention"]
        assert "Day 0" in text
        assert "day 140" in text
        assert "[U]" in text
        other = timeliness([], year=2024, boundary_inclusive=False).convention
        assert "late" in other
        assert "[U]" in other

    def test_a_local_rule_book_changes_the_limit(self):
        """The period is read from the rule, so an override moves the measure."""
        book = RULES.with_period("ehc.final-plan", "18 weeks")
        received = D(2024, 1, 1)
        cases = [case(received, 126, cid="A"), case(received, 127, cid="B")]
        result = timeliness(cases, year=2024, rules=book)
        assert result.limit_days == 126
        assert result.within_20_weeks == 1
        assert result.to_dict()["rule"]["overridden"]

    def test_a_rule_without_a_fixed_length_is_refused(self):
        """Working-day periods vary by start date, so the measure refuses them."""
        book = RULES.with_period("ehc.final-plan", "100 working days")
        with pytest.raises(InvalidInputError, match="fixed length"):
            timeliness([], year=2024, rules=book)


class TestExceptions:
    def test_exceptions_leave_numerator_and_denominator(self):
        """Gateshead 2024 (DfE timeliness_20_week.csv): 266/219 with, 245/198 without 21 exceptions."""
        received = D(2024, 1, 1)
        cases = [case(received, 100, cid=f"A{i}") for i in range(198)]
        cases += [case(received, 200, cid=f"B{i}") for i in range(245 - 198)]
        cases += [case(received, 100, week20=True, cid=f"C{i}") for i in range(21)]
        result = timeliness(cases, year=2024)
        assert (result.issued, result.within_20_weeks) == (266, 219)
        assert (
            result.issued_excluding_exceptions,
            result.within_20_weeks_excluding_exceptions,
        ) == (245, 198)
        assert result.to_dict()["percent"] == 82.3
        assert result.to_dict()["percent_excluding_exceptions"] == 80.8

    def test_missing_week20_is_counted(self):
        """Plans without a Week20 value are counted as such and treated as not excepted."""
        cases = [
            case(D(2024, 1, 1), 100, week20=None, cid="A"),
            case(D(2024, 1, 1), 100, cid="B"),
        ]
        result = timeliness(cases, year=2024)
        assert result.week20_not_recorded == 1
        assert result.exceptions == 0
        assert result.to_dict()["week20_not_recorded"] == 1

    def test_recorded_reasons_count_when_week20_is_blank(self):
        """Without a Week20 flag, a recorded exception reason makes the case excepted."""
        from sendkit.ehc import CaseException, ExceptionReason

        c = EhcCase(
            case_id="A",
            received=D(2024, 1, 1),
            plan_issued=D(2024, 9, 1),
            exceptions=[CaseException(reason=ExceptionReason.ABSENCE_FROM_AREA)],
        )
        assert timeliness([c], year=2024).exceptions == 1


class TestProperties:
    @given(
        caseloads(max_size=40, received=sen2_received_days),
        st.booleans(),
    )
    def test_matches_the_plain_definition(self, cases, inclusive):
        """Every count equals a one-case-at-a-time restatement of the definition."""
        result = timeliness(cases, year=2024, boundary_inclusive=inclusive)
        want = naive(cases, 2024, inclusive)
        got = {
            "n": result.issued,
            "ok": result.within_20_weeks,
            "mid": result.over_20_to_52_weeks,
            "long": result.over_52_weeks,
            "days": result.total_days,
            "n_ex": result.issued_excluding_exceptions,
            "ok_ex": result.within_20_weeks_excluding_exceptions,
            "mid_ex": result.over_20_to_52_weeks_excluding_exceptions,
            "long_ex": result.over_52_weeks_excluding_exceptions,
            "days_ex": result.total_days_excluding_exceptions,
        }
        assert got == want

    @given(caseloads(max_size=40, received=sen2_received_days))
    def test_months_add_up_and_order_does_not_matter(self, cases):
        """The twelve months sum to the year, and shuffling the cases changes nothing."""
        result = timeliness(cases, year=2024)
        assert [m.month for m in result.by_month] == list(range(1, 13))
        assert sum(m.issued for m in result.by_month) == result.issued
        assert sum(m.within_20_weeks for m in result.by_month) == result.within_20_weeks
        assert (
            sum(m.within_20_weeks_excluding_exceptions for m in result.by_month)
            == result.within_20_weeks_excluding_exceptions
        )
        shuffled = list(cases)
        random.Random(0).shuffle(shuffled)
        assert timeliness(iter(shuffled), year=2024) == result


class TestInputsAndOutput:
    def test_empty_year_has_no_percentages(self):
        """No plans: counts are 0 and percentages and averages are None."""
        result = timeliness([], year=2024)
        assert result.issued == 0
        assert result.percent is None
        assert result.average_weeks is None
        assert result.to_dict()["percent_excluding_exceptions"] is None

    @pytest.mark.parametrize("year", [0, 10_000])
    def test_impossible_year(self, year):
        """A year outside 1-9999 is refused with the value shown."""
        with pytest.raises(InvalidInputError, match=str(year)):
            timeliness([], year=year)

    def test_year_must_be_a_number(self):
        """A year as text is a type error."""
        with pytest.raises(InvalidTypeError, match="year"):
            timeliness([], year="2024")

    def test_to_dict_has_the_documented_keys(self):
        """The JSON object carries the counts, bands, months, convention and national row."""
        data = timeliness(
            synthetic_caseload(year=2024, requests_per_year=200), year=2024
        ).to_dict()
        for key in (
            "issued",
            "within_20_weeks",
            "percent",
            "issued_excluding_exceptions",
            "within_20_weeks_excluding_exceptions",
            "percent_excluding_exceptions",
            "over_20_to_52_weeks",
            "over_52_weeks",
            "average_weeks",
            "by_month",
            "convention",
            "national",
            "rule",
        ):
            assert key in data
        assert data["national"]["percent_excluding_exceptions"] == 46.4
        assert data["rule"]["code"] == "ehc.final-plan"


class TestSyntheticCaseload:
    def test_realistic_shape(self):
        """About 3,000 requests a year give ~2,100 plans, ~half in time, ~6% exceptions."""
        result = timeliness(synthetic_caseload(year=2024, seed=3), year=2024)
        assert 1_900 < result.issued < 2_400
        assert 40 < result.percent_excluding_exceptions < 60
        assert 0.03 < result.exceptions / result.issued < 0.10

    def test_same_seed_same_caseload(self):
        """The generator is deterministic for a seed."""
        assert synthetic_caseload(
            year=2024, requests_per_year=50, seed=9
        ) == synthetic_caseload(year=2024, requests_per_year=50, seed=9)

    @pytest.mark.parametrize(
        "bad", [{"on_time": 1.5}, {"exceptions": -0.1}, {"requests_per_year": -1}]
    )
    def test_bad_arguments(self, bad):
        """Shares outside 0-1 and negative counts are refused."""
        with pytest.raises(InvalidInputError):
            synthetic_caseload(year=2024, **bad)


class TestNational:
    def test_every_year_2014_to_2024(self):
        """The table covers 2014-2024, with a source and a tag on each row."""
        assert sorted(NATIONAL) == list(range(2014, 2025))
        for year, figure in NATIONAL.items():
            assert figure.year == year
            assert figure.source
            assert figure.confidence in {"P", "S", "U"}

    def test_2022_carries_its_revision(self):
        """2022 is the corrected 49.2%, with the first-published 50.7% in the note."""
        figure = NATIONAL[2022]
        assert figure.percent_excluding_exceptions == 49.2
        assert "50.7" in figure.note

    @pytest.mark.parametrize("year", [2023, 2024])
    def test_counts_agree_with_rates(self, year):
        """The published counts reproduce the published rates to 1 decimal place."""
        f = NATIONAL[year]
        assert round(
            100
            * f.within_20_weeks_excluding_exceptions
            / f.issued_excluding_exceptions,
            1,
        ) == (f.percent_excluding_exceptions)
        assert (
            round(100 * f.within_20_weeks / f.issued, 1)
            == f.percent_including_exceptions
        )


class TestDocsTable:
    def test_guide_table_matches_the_data(self):
        """The national table in docs/ehc-timeliness.md is the NATIONAL data, row for row."""
        from .conftest import ROOT

        text = (ROOT / "docs" / "ehc-timeliness.md").read_text(encoding="utf-8")
        rows = {}
        for line in text.splitlines():
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            if len(cells) == 6 and cells[0].isdigit():
                rows[int(cells[0])] = cells
        assert sorted(rows) == sorted(NATIONAL)
        for year, figure in NATIONAL.items():
            cells = rows[year]
            assert float(cells[1]) == figure.percent_excluding_exceptions
            assert float(cells[2]) == figure.percent_including_exceptions
            assert int(cells[3].replace(",", "")) == figure.issued_excluding_exceptions
            assert cells[4] == f"{figure.confidence} / {figure.detail_confidence}"


def test_public_names_resolve():
    """Every name in sendkit.ehc.__all__ exists, once."""
    import sendkit.ehc

    assert len(set(sendkit.ehc.__all__)) == len(sendkit.ehc.__all__)
    for name in sendkit.ehc.__all__:
        assert getattr(sendkit.ehc, name) is not None


class TestMeasureDefinitionIsTagged:
    """The 20-week measure states each part of its definition with a confidence tag."""

    def test_every_part_is_tagged(self):
        """The definition states each part with a confidence tag."""
        parts = measure_definition(limit_days=140, boundary_inclusive=False)
        assert {p.item: p.confidence for p in parts}["exclusion"] == "[INFERRED]"
        band = next(p for p in parts if p.item == "band_52_weeks")
        assert "more than 363 days" in band.text
        day = next(p for p in parts if p.item == "day_140")
        assert "late" in day.text

    def test_definition_is_carried_in_to_dict(self):
        """Timeliness.to_dict carries the definition, with the rule's own tag for the limit."""
        data = timeliness([], year=2024).to_dict()
        tags = {part["item"]: part["confidence"] for part in data["definition"]}
        assert tags["limit"] == "[P]"
        assert set(tags) == {
            "unit",
            "limit",
            "exclusion",
            "week20_blank",
            "day_140",
            "band_52_weeks",
        }
