"""Behaviour of the deadline engine that mutation testing found unpinned.

Each class pins one public behaviour that a surviving mutant of
``sendkit/rules/_engine.py`` changed without any test noticing: the tribunal's
rule 12 at its boundaries, the ``closures`` and ``rules`` arguments of
`due_date` and `get_rule`, the next-working-day roll, the region a deadline
records, and the wording of trails, which users read as the justification of
a date.
"""

from __future__ import annotations

import datetime as dt
import pickle
import warnings

import attrs
import pytest

from sendkit import (
    RULES,
    HolidayHorizonWarning,
    InvalidInputError,
    InvalidTypeError,
    OutsideCalendarError,
    UnknownRuleError,
    add_working_days,
    deadline,
    due_date,
    get_rule,
    load_rules,
)
from sendkit.calendars import calendar_for
from sendkit.rules import (
    AlternativeClock,
    Counting,
    Direction,
    Period,
    Roll,
    Uncounted,
    Unit,
)

D = dt.date
RULE_12 = "(rule 12(3)(a))."


def _roll_lines(result):
    return [
        line
        for line in result.trail
        if " falls " in line or "is not a working day" in line
    ]


class TestTribunalRule12Boundaries:
    """Rule 12(3)(a) covers 25 December to 1 January and August, and no day more."""

    @pytest.mark.parametrize(
        ("start", "due"),
        [
            (D(2024, 10, 24), D(2024, 12, 24)),  # 24 Dec: a working day, kept
            (D(2024, 10, 25), D(2025, 1, 2)),  # 25 Dec: the first closed day
            (D(2024, 10, 26), D(2025, 1, 2)),  # 26 Dec
            (D(2024, 11, 1), D(2025, 1, 2)),  # 1 Jan: the last closed day
            (D(2024, 11, 2), D(2025, 1, 2)),  # 2 Jan: open, a working day, kept
            (D(2024, 12, 1), D(2025, 2, 3)),  # Sat 1 Feb: rule 12(2) only
            (D(2025, 5, 31), D(2025, 7, 31)),  # 31 Jul: kept
            (D(2025, 6, 1), D(2025, 9, 1)),  # 1 Aug: the first August day
            (D(2025, 6, 30), D(2025, 9, 1)),  # Sat 30 Aug
        ],
    )
    def test_due_dates_around_the_closed_periods(self, start, due):
        assert deadline("tribunal.appeal", start).due == due
        assert due_date("tribunal.appeal", start) == due

    def test_due_on_christmas_day_is_explained(self):
        result = deadline("tribunal.appeal", D(2024, 10, 25))
        assert _roll_lines(result) == [
            "Wednesday 25 December 2024 falls from 25 December to 1 January, so the "
            "appeal is in time on the first working day after 1 January: Thursday "
            "2 January 2025 " + RULE_12
        ]

    def test_due_on_new_years_day_is_explained(self):
        result = deadline("tribunal.appeal", D(2024, 11, 1))
        assert _roll_lines(result) == [
            "Wednesday 1 January 2025 falls from 25 December to 1 January, so the "
            "appeal is in time on the first working day after 1 January: Thursday "
            "2 January 2025 " + RULE_12
        ]

    def test_due_in_august_is_explained(self):
        result = deadline("tribunal.appeal", D(2025, 6, 1))
        assert _roll_lines(result) == [
            "Friday 1 August 2025 falls in August, so the appeal is in time on the "
            "first working day after 31 August: Monday 1 September 2025 " + RULE_12
        ]

    def test_due_on_a_weekend_outside_the_periods_is_explained(self):
        (line,) = _roll_lines(deadline("tribunal.appeal", D(2024, 12, 1)))
        assert line.startswith(
            "Saturday 1 February 2025 is not a working day (Saturday), so it moves "
            "to the next working day, Monday 3 February 2025. First-tier Tribunal "
            "(HESC) Rules 2008 rule 12:"
        )

    def test_a_working_due_day_outside_the_periods_has_no_roll_line(self):
        assert _roll_lines(deadline("tribunal.appeal", D(2024, 11, 2))) == []
        assert _roll_lines(deadline("tribunal.appeal", D(2024, 10, 24))) == []

    def test_the_tribunal_calendar_is_noted_when_another_is_given(self):
        result = deadline("tribunal.appeal", D(2024, 10, 25), closures=[D(2025, 1, 2)])
        assert result.due == D(2025, 1, 2)
        assert (
            "The tribunal's own working days are used for this step: England and "
            "Wales bank holidays, without local closures."
        ) in result.trail
        plain = deadline("tribunal.appeal", D(2024, 10, 25))
        assert not any("tribunal's own working days" in line for line in plain.trail)


class TestNextWorkingDayRoll:
    """A next-working-day rule keeps a working due day and moves a non-working one."""

    RULE = attrs.evolve(get_rule("ehc.final-plan"), roll=Roll.NEXT_WORKING_DAY)

    def test_a_working_due_day_is_kept_without_a_roll_line(self):
        result = deadline(self.RULE, D(2025, 1, 7))  # 20 weeks: Tue 27 May 2025
        assert result.due == D(2025, 5, 27)
        assert _roll_lines(result) == []
        assert due_date(self.RULE, D(2025, 1, 7)) == D(2025, 5, 27)

    def test_a_bank_holiday_moves_to_the_next_working_day(self):
        result = deadline(self.RULE, D(2025, 1, 6))  # Mon 26 May 2025
        assert result.due == D(2025, 5, 27)
        assert _roll_lines(result) == [
            (
                "Monday 26 May 2025 is not a working day (Spring Bank Holiday), so it "
                "moves to the next working day, Tuesday 27 May 2025. A due date on a "
                "non-working day moves to the next working day."
            )
        ]

    def test_a_weekend_moves_past_the_weekend(self):
        assert due_date(self.RULE, D(2025, 1, 11)) == D(2025, 6, 2)  # Sat 31 May

    def test_a_closure_moves_it_on_when_closures_are_given(self):
        assert due_date(self.RULE, D(2025, 1, 7), closures=[D(2025, 5, 27)]) == D(
            2025, 5, 28
        )

    def test_a_kept_non_working_day_says_so(self):
        result = deadline("ehc.final-plan", D(2025, 1, 6))
        assert result.due == D(2025, 5, 26)
        assert _roll_lines(result) == [
            (
                "Monday 26 May 2025 is not a working day (Spring Bank Holiday). A due "
                "date on a weekend or bank holiday is kept: the source has no rule "
                "moving it, and sendkit does not invent one."
            )
        ]


class TestDueDateArguments:
    """`due_date` takes the same region, closures, rules and inputs as `deadline`."""

    def test_closures_move_a_working_day_deadline(self):
        closed = [D(2023, 6, 1), D(2023, 6, 2)]
        plain = due_date("area-send.pap.submit", D(2023, 5, 16))
        moved = due_date("area-send.pap.submit", D(2023, 5, 16), closures=closed)
        assert (plain, moved) == (D(2023, 7, 5), D(2023, 7, 7))
        assert (
            moved
            == deadline("area-send.pap.submit", D(2023, 5, 16), closures=closed).due
        )

    def test_region_moves_a_working_day_deadline(self):
        # Scotland's Summer bank holiday is Mon 5 Aug 2024; England's is 26 Aug.
        start = D(2024, 7, 22)
        assert due_date("area-send.on-site", start) == D(2024, 8, 5)
        assert due_date("area-send.on-site", start, region="scotland") == D(2024, 8, 6)

    def test_a_local_rule_book_is_used(self, rule_file):
        book = load_rules(rule_file)
        start = D(2023, 5, 16)
        assert due_date("area-send.pap.submit", start, rules=book) == D(2023, 7, 12)
        assert deadline("area-send.pap.submit", start, rules=book).due == D(2023, 7, 12)
        assert due_date("area-send.pap.submit", start) == D(2023, 7, 5)

    def test_inputs_choose_the_later_clock(self):
        assert due_date(
            "tribunal.appeal", D(2024, 3, 4), certificate_issued=D(2024, 4, 29)
        ) == D(2024, 5, 29)
        assert due_date("tribunal.appeal", D(2024, 3, 4), certificate_issued=None) == D(
            2024, 5, 7
        )

    def test_a_rule_object_is_accepted(self):
        rule = get_rule("ehc.final-plan")
        assert due_date(rule, D(2023, 5, 16)) == D(2023, 10, 3)


class TestGetRuleFromABook:
    """`get_rule(rules=...)` looks the code up in the book given, not the catalogue."""

    def test_a_local_book_gives_its_own_rule(self, rule_file):
        book = load_rules(rule_file)
        local = get_rule("area-send.pap.submit", rules=book)
        assert local.period.amount == 40
        assert get_rule("area-send.pap.submit").period.amount == 35
        assert local.overridden is not None

    def test_a_book_changed_in_code(self):
        book = RULES.with_period("ehc.final-plan", "18 weeks", reason="test")
        assert get_rule("ehc.final-plan", rules=book).period.amount == 18

    def test_a_plain_mapping_without_the_code(self):
        only = {"ehc.final-plan": get_rule("ehc.final-plan")}
        assert get_rule("ehc.final-plan", rules=only) is only["ehc.final-plan"]
        with pytest.raises(UnknownRuleError):
            get_rule("ehc.advice", rules=only)


class TestDeadlineRecordsItsRegion:
    """A deadline records the region it was counted in, by GOV.UK's name."""

    def test_a_non_default_region(self):
        result = deadline("area-send.on-site", D(2024, 7, 22), region="Scotland")
        assert result.region == "scotland"
        assert result.to_dict()["region"] == "scotland"

    def test_the_default_region(self):
        assert deadline("area-send.on-site", D(2024, 7, 22)).region == (
            "england-and-wales"
        )


class TestDeadlineAsData:
    """`to_dict`, `str`, equality, hashing and pickling of a `Deadline`."""

    def test_to_dict_field_by_field(self):
        result = deadline(
            "tribunal.appeal", D(2024, 3, 4), certificate_issued=D(2024, 4, 29)
        )
        rule = result.rule
        data = result.to_dict()
        assert data == {
            "rule": "tribunal.appeal",
            "summary": rule.summary,
            "start": "2024-03-04",
            "due": "2024-05-29",
            "period": rule.describe_period(),
            "basis": rule.basis.value,
            "is_hard_limit": True,
            "source": rule.source,
            "url": rule.url,
            "confidence": "primary",
            "confirmed": True,
            "overridden": None,
            "region": "england-and-wales",
            "inputs": {"certificate_issued": "2024-04-29"},
            "trail": list(result.trail),
        }

    def test_to_dict_of_an_overridden_unconfirmed_rule(self, rule_file):
        result = deadline(
            "area-send.pap.submit", D(2023, 5, 16), rules=load_rules(rule_file)
        )
        data = result.to_dict()
        assert data["overridden"] == result.rule.overridden
        assert data["overridden"].startswith("local rule file local.toml")
        assert data["confirmed"] is False
        assert data["inputs"] == {}

    def test_str(self):
        assert str(deadline("ehc.final-plan", D(2025, 1, 6))) == (
            "ehc.final-plan: due 2025-05-26"
        )
        assert str(deadline("dfe.stocktake", D(2024, 11, 14))) == (
            "dfe.stocktake: expected 2025-05-14 (unconfirmed)"
        )

    def test_equal_deadlines_hash_equal_and_inputs_read_back(self):
        one = deadline(
            "tribunal.appeal", D(2024, 3, 4), certificate_issued=D(2024, 4, 29)
        )
        two = deadline(
            "tribunal.appeal", D(2024, 3, 4), certificate_issued=D(2024, 4, 29)
        )
        other = deadline(
            "tribunal.appeal", D(2024, 3, 4), certificate_issued=D(2024, 4, 30)
        )
        assert one == two
        assert hash(one) == hash(two)
        assert hash(one.inputs) == hash(two.inputs)
        assert one.inputs != other.inputs
        assert one.inputs == {"certificate_issued": D(2024, 4, 29)}
        assert repr(one.inputs) == "{'certificate_issued': datetime.date(2024, 4, 29)}"
        assert pickle.loads(pickle.dumps(one)) == one  # noqa: S301 - our own bytes


def _counting_lines(result):
    """The trail without its source, caveat, skipped-day and note lines."""
    return [
        line
        for line in result.trail
        if not line.startswith(("Source", "Caveat", "  ", "Note:"))
    ]


class TestTrailWording:
    """How a date was counted is spelled out in the trail, word for word."""

    def test_weeks_notice_before_a_meeting_count_as_clear_days(self):
        """Regs 20/21 'at least two weeks' notice' reads as clear days: one day earlier."""
        result = deadline("ehc.review.meeting-notice", D(2025, 6, 18))
        assert _counting_lines(result) == [
            "ehc.review.meeting-notice: Give notice of an EHC plan review meeting.",
            "Clock starts: the review meeting: Wednesday 18 June 2025.",
            "2 weeks clear of Wednesday 18 June 2025 (neither end day counted): the last day before it in time is Tuesday 3 June 2025.",
            "Calendar weeks, as in the SEND Regulations 2014: the start day is day 0, so N weeks after a Monday ends on a Monday.",
            "Read as clear days: neither the day of the act nor the day of the event counts, so the period needs one more day than its length. A reading, not a settled rule; override the rule if you read it otherwise.",
            "Due: Tuesday 3 June 2025. A hard limit (law).",
        ]

    def test_twelve_months_beginning_with_a_leap_day_end_on_28_february(self):
        """The annual review: 12 months beginning with 29 February end on 28 February."""
        result = deadline("ehc.review.annual", D(2024, 2, 29))
        assert _counting_lines(result) == [
            "ehc.review.annual: Review the EHC plan.",
            "Clock starts: the plan was first made, then the previous review: Thursday 29 February 2024.",
            "12 months beginning with Thursday 29 February 2024 end on Friday 28 February 2025.",
            "Calendar months (dateutil relativedelta): the same day of the month, clipped to the month's last day, so 31 January + 1 month is the last day of February. The start day is day 0.",
            "The period begins with the start day (it is day 1) and ends the day before the next such period would begin: 12 months beginning with 15 March 2024 end on 14 March 2025, and 12 months beginning with 29 February 2024 on 28 February 2025.",
            "Due: Friday 28 February 2025. A hard limit (law).",
        ]

    def test_before_a_fixed_date_is_the_day_before(self):
        result = deadline("ehc.phase-transfer", D(2026, 9, 1))
        assert _counting_lines(result) == [
            "ehc.phase-transfer: Review and amend the plan before a transfer between phases (not to post-16).",
            "Clock starts: the transfer (its calendar year sets the date): Tuesday 1 September 2026.",
            "15 February in the calendar year of the event (2026) is Sunday 15 February 2026; the date is Saturday 14 February 2026.",
            "A fixed day of the year, in the calendar year of the clock's event.",
            "The act must happen before the named date, so the last day in time is the day before it.",
            "Saturday 14 February 2026 is not a working day (Saturday). A due date on a weekend or bank holiday is kept: the source has no rule moving it, and sendkit does not invent one.",
            "Due: Saturday 14 February 2026. A hard limit (law).",
        ]

    def test_beginning_with_the_start_day_ends_a_day_sooner(self):
        result = deadline("ehc.draft-representations", D(2025, 4, 1))
        assert _counting_lines(result) == [
            "ehc.draft-representations: Last day of the parent's or young person's window to respond to a draft plan.",
            "Clock starts: the draft EHC plan is served: Tuesday 1 April 2025.",
            "15 calendar days beginning with Tuesday 1 April 2025 end on Tuesday 15 April 2025.",
            "Calendar days: every day counts, weekends and bank holidays included. The start day is day 0 unless the rule says 'beginning with' it.",
            "The period begins with the start day (it is day 1) and ends the day before the next such period would begin: 12 months beginning with 15 March 2024 end on 14 March 2025, and 12 months beginning with 29 February 2024 on 28 February 2025.",
            "Due: Tuesday 15 April 2025. A hard limit (law).",
        ]

    def test_whichever_is_later_names_the_first_clock(self):
        result = deadline(
            "tribunal.appeal", D(2025, 1, 31), certificate_issued=D(2025, 2, 10)
        )
        assert _counting_lines(result) == [
            "tribunal.appeal: Appeal to the First-tier Tribunal (SEND).",
            "Clock starts: written notice of the decision being appealed is sent: Friday 31 January 2025.",
            "2 months after Friday 31 January 2025 is Monday 31 March 2025.",
            "Calendar months (dateutil relativedelta): the same day of the month, clipped to the month's last day, so 31 January + 1 month is the last day of February. The start day is day 0.",
            "Alternative clock: the mediation certificate is issued: Monday 10 February 2025.",
            "1 month after Monday 10 February 2025 is Monday 10 March 2025.",
            "Whichever is later: Monday 31 March 2025, from the first clock.",
            "Due: Monday 31 March 2025. A hard limit (law).",
        ]

    def test_months_before_an_event_clip_too(self):
        result = deadline("ehc.phase-transfer.between-post-16", D(2026, 7, 31))
        assert _counting_lines(result) == [
            "ehc.phase-transfer.between-post-16: Review and amend the plan before a transfer between post-16 institutions.",
            "Clock starts: the transfer: Friday 31 July 2026.",
            "5 months before Friday 31 July 2026 is Saturday 28 February 2026.",
            "That month has no day 31, so the date is clipped to its last day.",
            "Calendar months (dateutil relativedelta): the same day of the month, clipped to the month's last day, so 31 January + 1 month is the last day of February. The start day is day 0.",
            "Saturday 28 February 2026 is not a working day (Saturday). A due date on a weekend or bank holiday is kept: the source has no rule moving it, and sendkit does not invent one.",
            "Due: Saturday 28 February 2026. A hard limit (law).",
        ]

    def test_whichever_is_later_names_the_alternative_clock(self):
        result = deadline(
            "tribunal.appeal", D(2024, 3, 4), certificate_issued=D(2024, 4, 29)
        )
        assert _counting_lines(result) == [
            "tribunal.appeal: Appeal to the First-tier Tribunal (SEND).",
            "Clock starts: written notice of the decision being appealed is sent: Monday 4 March 2024.",
            "2 months after Monday 4 March 2024 is Saturday 4 May 2024.",
            "Calendar months (dateutil relativedelta): the same day of the month, clipped to the month's last day, so 31 January + 1 month is the last day of February. The start day is day 0.",
            "Alternative clock: the mediation certificate is issued: Monday 29 April 2024.",
            "1 month after Monday 29 April 2024 is Wednesday 29 May 2024.",
            "Whichever is later: Wednesday 29 May 2024, from certificate_issued.",
            "Due: Wednesday 29 May 2024. A hard limit (law).",
        ]


class TestDeadlineErrorWording:
    """Errors about a rule or its inputs say what is accepted, in one sentence."""

    def test_an_input_a_rule_does_not_take(self):
        with pytest.raises(InvalidInputError) as caught:
            deadline("ehc.final-plan", D(2025, 1, 6), foo=D(2025, 1, 1))
        assert str(caught.value) == (
            "rule 'ehc.final-plan' has no input 'foo'; it takes no extra dates"
        )

    def test_a_rule_that_is_neither_code_nor_rule(self):
        with pytest.raises(InvalidTypeError) as caught:
            deadline(5, D(2025, 1, 6))  # type: ignore[arg-type]
        assert str(caught.value) == "rule must be a rule code or a Rule, got 5 (int)"

    def test_a_rule_valid_from_the_beginning(self):
        rule = attrs.evolve(get_rule("legacy.wsoa.submit"), valid_from=None)
        with pytest.raises(InvalidInputError) as caught:
            deadline(rule, D(2023, 1, 2))
        assert str(caught.value) == (
            "rule 'legacy.wsoa.submit' applies to clocks starting from the beginning "
            "to 2022-12-31; start 2023-01-02 is outside that"
        )


class TestHorizonWarningOfDeadline:
    """The holiday-horizon warning of `deadline` is raised once, with its full text."""

    def test_warning_text_and_category(self):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            deadline("area-send.pap.submit", D(2030, 1, 31))
        (warning,) = caught
        assert warning.category is HolidayHorizonWarning
        assert str(warning.message).startswith(
            "dates after 2028-12-31 are past the end"
        )


class TestDueDateAgreesWithDeadline:
    """`due_date` (no trail) gives the same date as `deadline` for every rule and convention."""

    STARTS = (D(2024, 2, 29), D(2024, 12, 20), D(2025, 4, 17), D(2025, 8, 1))

    def test_every_rule_every_counting_convention(self):
        checked = 0
        for rule in RULES.values():
            for counting in Counting:
                try:
                    variant = attrs.evolve(rule, counting=counting)
                except InvalidInputError:
                    continue
                for start in self.STARTS:
                    try:
                        expected = deadline(variant, start).due
                    except InvalidInputError:
                        continue
                    assert due_date(variant, start) == expected, (
                        rule.code,
                        counting,
                        start,
                    )
                    checked += 1
        assert checked > 100


class TestDaysTheTribunalLeavesOut:
    """Rule 12(3)(b) leaves August and 25 December-1 January out of any count.

    The shipped rule counts working days, where 25 December and 1 January are
    bank holidays anyway; a council that overrides the period to calendar days,
    or the direction, still gets those days left out, and a trail that says so.
    """

    CALENDAR_DAYS = RULES.override("tribunal.response", period="20 days")

    def test_christmas_day_to_new_years_day_are_not_counted(self):
        # 21-24 Dec are days 1-4; 25 Dec-1 Jan are left out; 2 Jan is day 5.
        assert due_date(
            "tribunal.response", D(2025, 12, 20), rules=self.CALENDAR_DAYS
        ) == D(2026, 1, 17)
        assert due_date(
            "tribunal.response", D(2025, 12, 24), rules=self.CALENDAR_DAYS
        ) == D(2026, 1, 21)

    def test_the_rest_of_the_year_counts(self):
        # 26 Jan-14 Feb: 1 February is an ordinary day.
        assert due_date(
            "tribunal.response", D(2026, 1, 25), rules=self.CALENDAR_DAYS
        ) == D(2026, 2, 14)
        assert due_date(
            "tribunal.response", D(2026, 12, 1), rules=self.CALENDAR_DAYS
        ) == D(2026, 12, 21)

    def test_counting_back_leaves_august_out_too(self):
        book = RULES.override("tribunal.response", direction="before")
        # 30 working days back from 10 September: 1-9 September (7), no August,
        # then July back to Tuesday 1 July (day 30).
        assert due_date("tribunal.response", D(2025, 9, 10), rules=book) == D(
            2025, 7, 1
        )

    def test_trail_says_which_days_were_left_out_and_why(self):
        book = RULES.override("tribunal.response", direction="before")
        result = deadline("tribunal.response", D(2025, 9, 10), rules=book)
        assert _counting_lines(result)[2:4] == [
            (
                "30 working days before Wednesday 10 September 2025, not counting "
                "days in August or from 25 December to 1 January, is Tuesday "
                "1 July 2025."
            ),
            (
                "First-tier Tribunal (HESC) Rules 2008 rule 12(3)(b): those days are "
                "left out of the count altogether, not rolled over as an appeal "
                "deadline is under rule 12(3)(a)."
            ),
        ]
        forward = deadline(
            "tribunal.response", D(2025, 12, 20), rules=self.CALENDAR_DAYS
        )
        assert _counting_lines(forward)[2] == (
            "20 calendar days after Saturday 20 December 2025, not counting days in "
            "August or from 25 December to 1 January, is Saturday 17 January 2026."
        )

    def test_a_count_past_year_9999_is_refused_in_one_sentence(self):
        with pytest.raises(OutsideCalendarError) as caught:
            due_date("tribunal.response", D(9999, 12, 20), rules=self.CALENDAR_DAYS)
        assert str(caught.value) == (
            "20 calendar days from 9999-12-20 leaves the range of dates Python can "
            "represent (years 1 to 9999)"
        )


class TestMonthsBeginningWithCountedBack:
    """Months 'beginning with' an event, counted back: the mirror image of forwards."""

    def test_five_months_ending_with_31_july_begin_on_1_march(self):
        book = RULES.override(
            "ehc.phase-transfer.between-post-16", counting="start_is_day_one"
        )
        assert due_date(
            "ehc.phase-transfer.between-post-16", D(2026, 7, 31), rules=book
        ) == D(2026, 3, 1)
        assert due_date(
            "ehc.phase-transfer.between-post-16", D(2026, 7, 15), rules=book
        ) == D(2026, 2, 16)


class TestClearWorkingDays:
    """A working-day period read as clear days needs one working day more."""

    def test_every_working_day_rule_read_as_clear_days_moves_one_more_day(self):
        start = D(2025, 3, 3)
        checked = 0
        for code, rule in RULES.items():
            if (
                rule.period.unit is not Unit.WORKING_DAYS
                or rule.uncounted is not Uncounted.NONE
                or rule.alternatives
                or rule.roll is not Roll.KEEP
                or rule.valid_until is not None
            ):
                continue
            book = RULES.override(code, counting="clear_days")
            sign = 1 if rule.direction is Direction.AFTER else -1
            expected = add_working_days(start, sign * (rule.period.amount + 1))
            assert due_date(code, start, rules=book) == expected, code
            checked += 1
        assert checked >= 5


class TestCountingOverridesOnMonthsWeeksAndFixedDates:
    """A council's counting override moves months, weeks and fixed dates as documented."""

    def test_months_before_read_as_clear_days_end_a_day_sooner(self):
        book = RULES.override(
            "ehc.phase-transfer.between-post-16", counting="clear_days"
        )
        result = deadline(
            "ehc.phase-transfer.between-post-16", D(2026, 7, 31), rules=book
        )
        assert result.due == D(2026, 2, 27)
        assert _counting_lines(result)[2] == (
            "5 months clear of Friday 31 July 2026 (neither end day counted): the "
            "last day before it in time is Friday 27 February 2026."
        )

    def test_weeks_after_read_as_clear_days_end_a_day_later(self):
        book = RULES.override("ehc.final-plan", counting="clear_days")
        result = deadline("ehc.final-plan", D(2025, 1, 6), rules=book)
        assert result.due == D(2025, 5, 27)
        assert _counting_lines(result)[2] == (
            "20 weeks clear of Monday 6 January 2025 (neither end day counted): the "
            "last day after it in time is Tuesday 27 May 2025."
        )

    def test_a_fixed_date_counted_from_day_zero_is_the_date_itself(self):
        book = RULES.override("ehc.phase-transfer", counting="start_is_day_zero")
        result = deadline("ehc.phase-transfer", D(2026, 9, 1), rules=book)
        assert result.due == D(2026, 2, 15)
        assert _counting_lines(result)[2] == (
            "15 February in the calendar year of the event (2026) is Sunday "
            "15 February 2026; the date is Sunday 15 February 2026."
        )


class TestWorkingDayTrailsNameTheirCountingConvention:
    """A working-day count says how the start day was counted, only when it is not day 0."""

    BEGINNING_WITH = (
        "The period begins with the start day (it is day 1) and ends the day before "
        "the next such period would begin: 12 months beginning with 15 March 2024 "
        "end on 14 March 2025, and 12 months beginning with 29 February 2024 on "
        "28 February 2025."
    )

    def test_a_period_beginning_with_the_start_day_says_so(self):
        lines = _counting_lines(deadline("ehc.transfer.plan", D(2025, 3, 3)))
        assert lines[2] == (
            "14 working days after Monday 3 March 2025 (england-and-wales) is Friday "
            "21 March 2025."
        )
        assert lines[-2:] == [
            self.BEGINNING_WITH,
            "Due: Friday 21 March 2025. A hard limit (law).",
        ]

    def test_a_period_from_day_zero_adds_no_convention_line(self):
        lines = _counting_lines(deadline("area-send.pap.submit", D(2025, 3, 3)))
        assert lines[-2:] == [
            f"Holiday data: {calendar_for().data_source}.",
            "Due: Wednesday 23 April 2025. A hard limit (framework).",
        ]


def _appeal_with_a_mediation_clock():
    """tribunal.appeal with a second alternative clock, in working days, listed first."""
    appeal = get_rule("tribunal.appeal")
    mediation = AlternativeClock(
        input="mediation_ended",
        clock_starts="mediation ends",
        period=Period.parse("30 working days"),
    )
    return attrs.evolve(appeal, alternatives=(mediation, *appeal.alternatives))


class TestSeveralAlternativeClocks:
    """Every alternative clock given is counted; the later date wins and is named."""

    def test_an_unknown_input_error_lists_every_accepted_input(self):
        with pytest.raises(InvalidInputError) as caught:
            deadline(_appeal_with_a_mediation_clock(), D(2025, 1, 6), foo=D(2025, 1, 1))
        assert str(caught.value) == (
            "rule 'tribunal.appeal' has no input 'foo'; it accepts "
            "'mediation_ended', 'certificate_issued'"
        )

    def test_a_missing_first_clock_does_not_stop_the_second(self):
        result = deadline(
            _appeal_with_a_mediation_clock(),
            D(2025, 1, 6),
            certificate_issued=D(2025, 3, 3),
        )
        assert result.due == D(2025, 4, 3)
        assert (
            "Whichever is later: Thursday 3 April 2025, from certificate_issued."
            in result.trail
        )

    def test_a_working_day_clock_is_counted_on_the_calendar(self):
        result = deadline(
            _appeal_with_a_mediation_clock(),
            D(2025, 1, 6),
            mediation_ended=D(2025, 3, 3),
        )
        # 30 working days after Monday 3 March 2025, over Easter (18 and 21 April).
        assert result.due == D(2025, 4, 14)
        assert (
            "Whichever is later: Monday 14 April 2025, from mediation_ended."
            in result.trail
        )

    def test_a_tie_is_credited_to_the_first_clock(self):
        result = deadline(
            "tribunal.appeal", D(2024, 3, 4), certificate_issued=D(2024, 4, 4)
        )
        assert (
            "Whichever is later: Saturday 4 May 2024, from the first clock."
            in result.trail
        )


class TestCalendarArithmeticPastYear9999:
    """Weeks and months past the year 9999 are refused in one sentence."""

    TAIL = " leaves the range of dates Python can represent (years 1 to 9999)"

    @pytest.mark.parametrize(
        ("code", "start", "period"),
        [
            ("ehc.review.annual", D(9999, 6, 1), "12 months from 9999-06-01"),
            ("ehc.final-plan", D(9999, 12, 1), "20 weeks from 9999-12-01"),
        ],
    )
    def test_the_message(self, code, start, period):
        with pytest.raises(OutsideCalendarError) as caught:
            due_date(code, start)
        assert str(caught.value) == period + self.TAIL
