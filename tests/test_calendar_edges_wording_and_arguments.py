"""Behaviour of the working-day calendar that mutation testing found unpinned.

Each class pins one public behaviour that a surviving mutant of
``sendkit/calendars.py`` changed without any test noticing. Only the public
API is used, so the tests hold whatever the calendar's internals become.
"""

from __future__ import annotations

import datetime as dt
import itertools
import warnings

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sendkit import (
    ANNOUNCED_THROUGH,
    HolidayHorizonWarning,
    InvalidInputError,
    InvalidTypeError,
    OutsideCalendarError,
    UnknownRegionError,
    WorkingCalendar,
    add_working_days,
    count_working_days,
    is_working_day,
)
from sendkit.calendars import NonWorkingDay, Reason, calendar_for

from .strategies import days_2023_2024

D = dt.date
CAL = WorkingCalendar()
FIRST = CAL.first_day  # 1 January 1872, a Monday
LAST = CAL.last_day  # 31 December 2100, a Friday


def _no_warnings():
    """A context that turns any warning into a failure."""
    context = warnings.catch_warnings()
    context.__enter__()
    warnings.simplefilter("error")
    return context


class TestExplanationWording:
    """The lines of `explain` are a promise to users: they are pinned word for word."""

    def test_forward_count_with_a_bank_holiday(self):
        why = CAL.explain(D(2023, 5, 16), 35)
        lines = why.lines()
        assert lines[:3] == [
            "35 working days after Tuesday 16 May 2023 (england-and-wales) is Wednesday 5 July 2023.",
            "The start day is not counted.",
            "Non-working days skipped (15):",
        ]
        assert "  Mon 29 May 2023  bank holiday: Spring Bank Holiday" in lines
        assert "  Sat 20 May 2023  weekend" in lines
        assert lines[-1] == f"Holiday data: {CAL.data_source}."
        assert len(lines) == 3 + 15 + 1
        assert str(why) == "\n".join(lines)

    def test_backward_count_from_a_weekend(self):
        assert CAL.explain(D(2024, 1, 6), -1).lines() == [
            "1 working days before Saturday 6 January 2024 (england-and-wales) is Friday 5 January 2024.",
            "The start day is not counted.",
            "The start is not a working day, so counting begins from the next working day.",
            "No non-working days were skipped.",
            f"Holiday data: {CAL.data_source}.",
        ]

    def test_zero_days_from_a_weekend(self):
        """Zero days says so, and does not claim counting began on the next day."""
        assert CAL.explain(D(2024, 1, 6), 0).lines() == [
            "0 working days after Saturday 6 January 2024 (england-and-wales) is Saturday 6 January 2024.",
            "The start day is not counted.",
            "Zero days returns the start date unchanged, as WORKDAY does.",
            "No non-working days were skipped.",
            f"Holiday data: {CAL.data_source}.",
        ]

    def test_forward_count_from_a_working_day_without_skips(self):
        lines = CAL.explain(D(2024, 1, 8), 1).lines()
        assert lines == [
            "1 working days after Monday 8 January 2024 (england-and-wales) is Tuesday 9 January 2024.",
            "The start day is not counted.",
            "No non-working days were skipped.",
            f"Holiday data: {CAL.data_source}.",
        ]

    def test_a_local_closure_is_labelled_and_flagged(self):
        cal = WorkingCalendar(closures=[D(2024, 12, 24)])
        assert cal.explain(D(2024, 12, 23), 2).lines() == [
            "2 working days after Monday 23 December 2024 (england-and-wales) is Monday 30 December 2024.",
            "The start day is not counted.",
            "Non-working days skipped (5):",
            "  Tue 24 Dec 2024  local closure (not a statutory non-working day)",
            "  Wed 25 Dec 2024  bank holiday: Christmas Day",
            "  Thu 26 Dec 2024  bank holiday: Boxing Day",
            "  Sat 28 Dec 2024  weekend",
            "  Sun 29 Dec 2024  weekend",
            "Local closures are not statutory non-working days; a statutory deadline computed without them may be earlier.",
            f"Holiday data: {cal.data_source}.",
        ]

    def test_skipped_days_counting_back_are_in_the_order_met(self):
        why = CAL.explain(D(2024, 1, 2), -2)
        assert why.due == D(2023, 12, 28)
        assert [day.day for day in why.skipped] == [
            D(2024, 1, 1),
            D(2023, 12, 31),
            D(2023, 12, 30),
        ]

    def test_a_non_working_day_prints_its_reason(self):
        assert str(NonWorkingDay(D(2024, 1, 6), Reason.WEEKEND, "Saturday")) == (
            "Sat 6 Jan 2024  weekend"
        )
        closure = NonWorkingDay(D(2024, 12, 24), Reason.LOCAL_CLOSURE, "local closure")
        assert str(closure) == (
            "Tue 24 Dec 2024  local closure (not a statutory non-working day)"
        )
        assert not closure.statutory


class TestHolidaysBetweenIncludesBothEnds:
    """`holidays_between` lists weekday holidays and closures, both ends included."""

    def test_ending_on_a_holiday_includes_it(self):
        days = CAL.holidays_between(D(2024, 12, 20), D(2024, 12, 25))
        assert [(d.day, d.name) for d in days] == [(D(2024, 12, 25), "Christmas Day")]

    def test_starting_and_ending_on_the_same_holiday(self):
        (only,) = CAL.holidays_between(D(2024, 12, 26), D(2024, 12, 26))
        assert (only.day, only.reason) == (D(2024, 12, 26), Reason.BANK_HOLIDAY)

    def test_closures_are_listed_as_closures_and_weekends_left_out(self):
        cal = WorkingCalendar(closures=[D(2024, 12, 24), D(2024, 12, 28)])
        days = cal.holidays_between(D(2024, 12, 24), D(2024, 12, 31))
        assert [(d.day, d.reason) for d in days] == [
            (D(2024, 12, 24), Reason.LOCAL_CLOSURE),
            (D(2024, 12, 25), Reason.BANK_HOLIDAY),
            (D(2024, 12, 26), Reason.BANK_HOLIDAY),
        ]

    def test_an_empty_range_and_a_reversed_range_list_nothing(self):
        assert CAL.holidays_between(D(2024, 1, 2), D(2024, 1, 12)) == []
        assert CAL.holidays_between(D(2024, 12, 26), D(2024, 12, 25)) == []

    def test_ends_outside_the_data_are_refused_by_name(self):
        with pytest.raises(OutsideCalendarError, match=r"^end "):
            CAL.holidays_between(D(2100, 12, 1), D(2101, 1, 1))
        with pytest.raises(OutsideCalendarError, match=r"^start "):
            CAL.holidays_between(D(1871, 12, 31), D(1872, 1, 5))


class TestClosuresArguments:
    """`closures` is a collection of dates; anything else is refused clearly."""

    def test_is_working_day_honours_closures(self):
        day = D(2024, 12, 24)
        assert is_working_day(day)
        assert not is_working_day(day, closures=[day])
        assert not is_working_day(day, closures=frozenset({day}))
        assert is_working_day(D(2024, 12, 23), closures=[day])

    def test_closures_and_region_together(self):
        """A Scottish calendar with a closure skips both."""
        scot = {"region": "scotland", "closures": [D(2024, 8, 6)]}
        assert not is_working_day(D(2024, 8, 5), **scot)  # Summer bank holiday there
        assert not is_working_day(D(2024, 8, 6), **scot)
        assert add_working_days(D(2024, 8, 2), 1, **scot) == D(2024, 8, 7)
        assert count_working_days(D(2024, 8, 5), D(2024, 8, 9), **scot) == 3

    @pytest.mark.parametrize("bad", ["2024-12-24", b"x", D(2024, 12, 24)])
    def test_text_or_one_date_is_refused(self, bad):
        with pytest.raises(
            InvalidTypeError, match=r"^closures must be a collection of dates, got "
        ):
            is_working_day(D(2024, 12, 23), closures=bad)

    def test_a_non_collection_is_refused(self):
        with pytest.raises(
            InvalidTypeError, match=r"^closures must be a collection of dates, got 5$"
        ):
            WorkingCalendar(closures=5)  # type: ignore[arg-type]

    def test_an_item_that_is_not_a_date_is_named(self):
        with pytest.raises(InvalidTypeError, match="closures item"):
            WorkingCalendar(closures=[D(2024, 1, 2), "2024-01-03"])  # type: ignore[list-item]

    def test_closures_from_a_generator_are_kept(self):
        cal = WorkingCalendar(
            closures=(D(2024, 1, 2) + dt.timedelta(n) for n in (0, 1))
        )
        assert cal.closures == frozenset({D(2024, 1, 2), D(2024, 1, 3)})
        assert calendar_for(closures=iter([D(2024, 1, 2)])).closures == frozenset(
            {D(2024, 1, 2)}
        )


class TestRegionNames:
    """Region names are GOV.UK's, forgiving about case, spaces, '_' and '&'."""

    @pytest.mark.parametrize(
        "name",
        [
            "england-and-wales",
            "England and Wales",
            " ENGLAND & WALES ",
            "england_and_wales",
        ],
    )
    def test_spellings_of_england_and_wales(self, name):
        assert WorkingCalendar(name).region == "england-and-wales"

    def test_unknown_region_lists_the_valid_ones(self):
        with pytest.raises(
            UnknownRegionError,
            match=(
                r"^unknown region 'wales'; expected one of 'england-and-wales', "
                r"'scotland', 'northern-ireland'$"
            ),
        ):
            WorkingCalendar("wales")

    def test_region_must_be_text(self):
        with pytest.raises(
            InvalidTypeError, match=r"^region must be text, got 3 \(int\)$"
        ):
            WorkingCalendar(3)  # type: ignore[arg-type]


class TestEdgesOfTheHolidayData:
    """The first and last days of the data work; one day beyond is refused."""

    def test_first_and_last_days(self):
        assert (D(1872, 1, 1), D(2100, 12, 31)) == (FIRST, LAST)

    def test_counting_within_the_data_at_both_edges(self):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", HolidayHorizonWarning)
            assert CAL.add_working_days(LAST, 0) == LAST
            assert CAL.add_working_days(LAST, -1) == D(2100, 12, 30)
            assert CAL.count_working_days(LAST, LAST) == 1
            assert CAL.add_working_days(D(2100, 12, 30), 1) == LAST
        assert CAL.add_working_days(FIRST, 0) == FIRST
        assert CAL.add_working_days(FIRST, 1) == D(1872, 1, 2)
        assert CAL.count_working_days(FIRST, FIRST) == 1  # a Monday

    def test_moving_past_either_edge_is_refused(self):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", HolidayHorizonWarning)
            with pytest.raises(
                OutsideCalendarError,
                match=r"^moving 1 working days from 2100-12-31 leaves",
            ):
                CAL.add_working_days(LAST, 1)
        with pytest.raises(
            OutsideCalendarError,
            match=r"^moving -1 working days from 1872-01-01 leaves",
        ):
            CAL.add_working_days(FIRST, -1)

    @pytest.mark.parametrize("days", [-1, 0, 1])
    def test_a_start_outside_the_data_is_refused_by_name(self, days):
        with pytest.raises(
            OutsideCalendarError, match=r"^start 1871-12-31 is outside .*1872-2100"
        ):
            CAL.add_working_days(D(1871, 12, 31), days)

    def test_counting_outside_the_data_names_the_end(self):
        with pytest.raises(OutsideCalendarError, match=r"^end 2101-01-01"):
            CAL.count_working_days(D(2100, 12, 1), D(2101, 1, 1))
        with pytest.raises(OutsideCalendarError, match=r"^start 1871-12-31"):
            CAL.count_working_days(D(1871, 12, 31), D(1872, 1, 5))

    def test_is_working_day_outside_the_data(self):
        with pytest.raises(OutsideCalendarError, match=r"^day 2101-01-03"):
            CAL.is_working_day(D(2101, 1, 3))


class TestLastAnnouncedDay:
    """The last announced day itself gives no warning; the day after does."""

    def test_add_working_days_landing_on_and_after_the_last_announced_day(self):
        assert D(2028, 12, 31) == ANNOUNCED_THROUGH  # a Sunday
        context = _no_warnings()
        try:
            assert CAL.add_working_days(D(2028, 12, 28), 1) == D(2028, 12, 29)
            assert CAL.add_working_days(ANNOUNCED_THROUGH, 0) == ANNOUNCED_THROUGH
            assert CAL.count_working_days(D(2028, 12, 1), ANNOUNCED_THROUGH) == 19
        finally:
            context.__exit__(None, None, None)
        with pytest.warns(
            HolidayHorizonWarning, match=r"^dates after 2028-12-31 are past"
        ):
            assert CAL.add_working_days(D(2028, 12, 29), 1) == D(2029, 1, 2)
        with pytest.warns(HolidayHorizonWarning):
            CAL.add_working_days(D(2029, 1, 1), 0)
        with pytest.warns(HolidayHorizonWarning):
            CAL.count_working_days(D(2028, 12, 1), D(2029, 1, 1))

    def test_counting_back_from_beyond_the_horizon_still_warns(self):
        with pytest.warns(HolidayHorizonWarning):
            assert CAL.add_working_days(D(2029, 1, 2), -1) == D(2028, 12, 29)
        with pytest.warns(HolidayHorizonWarning):
            CAL.count_working_days(D(2029, 1, 2), D(2028, 12, 29))

    def test_a_calendar_with_an_earlier_horizon(self):
        cal = WorkingCalendar(announced_through=D(2024, 1, 5))
        with pytest.warns(HolidayHorizonWarning, match="dates after 2024-01-05"):
            cal.add_working_days(D(2024, 1, 5), 1)


class TestNonPlainDates:
    """A datetime means its day; text is refused, naming the argument."""

    def test_count_working_days_with_datetimes(self):
        start = dt.datetime(2023, 5, 16, 9, 30)
        end = dt.datetime(2023, 7, 5, 17, 0)
        assert count_working_days(start, end) == 36
        assert count_working_days(end, start) == -36
        assert count_working_days(D(2023, 5, 16), end) == 36

    @pytest.mark.parametrize(
        ("start", "end", "name"),
        [("2023-05-16", D(2023, 7, 5), "start"), (D(2023, 5, 16), "2023-07-05", "end")],
    )
    def test_count_working_days_refuses_text(self, start, end, name):
        with pytest.raises(InvalidTypeError, match=name):
            count_working_days(start, end)

    def test_add_working_days_with_a_datetime_and_numpy_count(self):
        assert add_working_days(dt.datetime(2023, 5, 16, 23, 59), np.int64(35)) == D(
            2023, 7, 5
        )

    @pytest.mark.parametrize("days", [True, 1.5, "1"])
    def test_add_working_days_refuses_a_non_integer_count(self, days):
        with pytest.raises(InvalidTypeError, match="days"):
            add_working_days(D(2024, 1, 5), days)


class TestBatchCounts:
    """`add_working_days_many` takes one count or one per start, like the single call."""

    STARTS = (D(2023, 5, 16), D(2024, 1, 6), D(2024, 12, 24))

    def _one_by_one(self, days):
        counts = days if isinstance(days, list) else [days] * len(self.STARTS)
        return [
            CAL.add_working_days(s, n) for s, n in zip(self.STARTS, counts, strict=True)
        ]

    @pytest.mark.parametrize(
        "days", [35, -35, 0, 1, -1, [35, -1, 0], [0, 0, 0], [-3, 2, 1]]
    )
    def test_equals_the_single_call(self, days):
        assert CAL.add_working_days_many(list(self.STARTS), days) == self._one_by_one(
            days
        )

    def test_a_numpy_integer_is_one_count(self):
        assert CAL.add_working_days_many(
            list(self.STARTS), np.int64(5)
        ) == self._one_by_one(5)

    def test_a_numpy_array_is_one_count_per_start(self):
        days = np.array([35, -1, 0])
        assert CAL.add_working_days_many(list(self.STARTS), days) == self._one_by_one(
            [35, -1, 0]
        )

    @pytest.mark.parametrize("days", [True, 1.5, "3"])
    def test_a_bool_float_or_text_count_is_refused(self, days):
        with pytest.raises(InvalidTypeError, match=r"^days must be a whole number"):
            CAL.add_working_days_many(list(self.STARTS), days)

    def test_a_count_list_of_the_wrong_length(self):
        with pytest.raises(
            InvalidInputError,
            match=r"^days must be one int or a sequence as long as starts \(3\), got a sequence of 2$",
        ):
            CAL.add_working_days_many(list(self.STARTS), [1, 2])

    def test_a_bad_item_is_named_by_position(self):
        with pytest.raises(InvalidTypeError, match=r"starts\[1\]"):
            CAL.add_working_days_many([D(2024, 1, 5), "2024-01-06"], 1)  # type: ignore[list-item]
        with pytest.raises(InvalidTypeError, match=r"days\[1\]"):
            CAL.add_working_days_many([D(2024, 1, 5), D(2024, 1, 6)], [1, 1.5])  # type: ignore[list-item]
        with pytest.raises(InvalidTypeError, match=r"starts\[0\]"):
            CAL.add_working_days_many([None], 0)  # type: ignore[list-item]

    def test_datetimes_mean_their_day_for_every_count(self):
        starts = [dt.datetime(2024, 1, 6, 12), dt.datetime(2023, 5, 16, 8)]
        for days in (0, 1, [0, 35], [-1, 0]):
            got = CAL.add_working_days_many(starts, days)
            counts = days if isinstance(days, list) else [days, days]
            assert got == [
                CAL.add_working_days(s.date(), n)
                for s, n in zip(starts, counts, strict=True)
            ]
            assert all(type(day) is dt.date for day in got)

    def test_datetimes_with_one_negative_count(self):
        """Datetime starts counted back mean their dates (no bare TypeError)."""
        starts = [dt.datetime(2024, 1, 6, 12), dt.datetime(2023, 5, 16, 8)]
        assert CAL.add_working_days_many(starts, -1) == [D(2024, 1, 5), D(2023, 5, 15)]

    def test_empty_starts(self):
        assert CAL.add_working_days_many([], 5) == []
        assert CAL.add_working_days_many([], []) == []

    def test_leaving_the_data_is_refused(self):
        with pytest.raises(
            OutsideCalendarError, match=r"^moving -1 working days from 1872-01-01"
        ):
            CAL.add_working_days_many([D(2024, 1, 5), FIRST], -1)
        with pytest.raises(OutsideCalendarError):
            CAL.add_working_days_many([D(2024, 1, 5)], [-200_000])
        with pytest.raises(OutsideCalendarError):
            CAL.add_working_days_many([D(2024, 1, 5)], -200_000)
        with pytest.raises(OutsideCalendarError, match=r"^start 1871-12-31"):
            CAL.add_working_days_many([D(1871, 12, 31)], 0)
        with pytest.raises(OutsideCalendarError, match=r"^start 1871-12-31"):
            CAL.add_working_days_many([D(1871, 12, 31)], [0])

    def test_no_warning_inside_the_announced_years(self):
        context = _no_warnings()
        try:
            CAL.add_working_days_many([D(2028, 12, 1)], 18)
            CAL.add_working_days_many([ANNOUNCED_THROUGH], 0)
            CAL.add_working_days_many([ANNOUNCED_THROUGH], [-5])
        finally:
            context.__exit__(None, None, None)

    @pytest.mark.parametrize("days", [1, 0, -1, [1], [0], [-1]])
    def test_a_result_or_start_past_the_horizon_warns(self, days):
        with pytest.warns(HolidayHorizonWarning, match="dates after 2028-12-31"):
            CAL.add_working_days_many([D(2029, 1, 3)], days)

    def test_a_result_past_the_horizon_warns_once(self):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            CAL.add_working_days_many([D(2028, 12, 29)] * 3, 1)
        assert [w.category for w in caught] == [HolidayHorizonWarning]

    def test_problems_found_by_the_checked_path_also_warn_past_the_horizon(self):
        """A datetime start past the horizon with days=0 still warns."""
        with pytest.warns(HolidayHorizonWarning):
            assert CAL.add_working_days_many([dt.datetime(2029, 1, 3, 9)], 0) == [
                D(2029, 1, 3)
            ]


class TestArgumentErrorsNameTheArgument:
    """A bad argument's error names that argument, as users read it."""

    @pytest.mark.parametrize(
        ("call", "message"),
        [
            (
                lambda: CAL.is_working_day("x"),
                "day must be a datetime.date, got 'x' (str)",
            ),
            (
                lambda: CAL.why_not_working("x"),
                "day must be a datetime.date, got 'x' (str)",
            ),
            (
                lambda: CAL.holidays_between("x", D(2024, 1, 1)),
                "start must be a datetime.date",
            ),
            (
                lambda: CAL.holidays_between(D(2024, 1, 1), "x"),
                "end must be a datetime.date",
            ),
            (
                lambda: CAL.count_working_days("x", D(2024, 1, 1)),
                "start must be a datetime.date",
            ),
            (
                lambda: CAL.count_working_days(D(2024, 1, 1), "x"),
                "end must be a datetime.date",
            ),
            (lambda: CAL.add_working_days("x", 1), "start must be a datetime.date"),
            (lambda: CAL.explain("x", 1), "start must be a datetime.date"),
            (
                lambda: CAL.explain(D(2024, 1, 1), "1"),
                "days must be a whole number (int), got '1' (str)",
            ),
            (
                lambda: WorkingCalendar(closures=["x"]),
                "closures item must be a datetime.date",
            ),
            (
                lambda: WorkingCalendar(closures="x"),
                "closures must be a collection of dates, got 'x' (str)",
            ),
        ],
    )
    def test_type_errors(self, call, message):
        with pytest.raises(InvalidTypeError) as caught:
            call()
        assert str(caught.value).startswith(message)

    def test_why_not_working_outside_the_data_names_the_day(self):
        with pytest.raises(OutsideCalendarError) as caught:
            CAL.why_not_working(D(2101, 1, 1))
        assert str(caught.value) == (
            "day 2101-01-01 is outside the years the bank-holiday data covers (1872-2100)"
        )

    def test_a_closure_is_named_as_a_local_closure(self):
        cal = WorkingCalendar(closures=[D(2024, 12, 24)])
        why = cal.why_not_working(D(2024, 12, 24))
        assert (why.reason, why.name) == (Reason.LOCAL_CLOSURE, "local closure")
        assert cal.why_not_working(D(2024, 12, 23)) is None
        assert CAL.why_not_working(D(2024, 12, 25)).name == "Christmas Day"
        assert CAL.why_not_working(D(2024, 12, 28)).name == "Saturday"


class TestCountsThatLeaveTheData:
    """Every count that runs past either end of the data is an OutsideCalendarError."""

    def test_counting_back_to_the_very_first_working_day(self):
        assert CAL.is_working_day(FIRST)
        assert CAL.add_working_days(D(1872, 1, 2), -1) == FIRST

    def test_every_overlong_count_forward_is_refused_cleanly(self):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", HolidayHorizonWarning)
            total = CAL.count_working_days(FIRST, LAST)
            assert CAL.add_working_days(FIRST, total - 1) == LAST
            for days in range(total, total + 130_000):
                with pytest.raises(OutsideCalendarError):
                    CAL.add_working_days(FIRST, days)

    def test_every_overlong_count_back_is_refused_cleanly(self):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", HolidayHorizonWarning)
            total = CAL.count_working_days(FIRST, LAST)
            assert CAL.add_working_days(LAST, -(total - 1)) == FIRST
            for days in range(total, total + 130_000):
                with pytest.raises(OutsideCalendarError):
                    CAL.add_working_days(LAST, -days)


class TestHorizonWarningText:
    """The holiday-horizon warning says what is uncertain, in full."""

    def test_full_text(self):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            CAL.add_working_days(D(2029, 1, 2), 1)
        (warning,) = caught
        assert str(warning.message) == (
            "dates after 2028-12-31 are past the end of the bank holidays GOV.UK has "
            "announced; holidays after that are computed by rule, and a one-off "
            "holiday announced later would change such answers"
        )


class TestSharedCalendars:
    """`calendar_for` gives one shared calendar per region, whatever the spelling."""

    def test_a_new_spelling_gives_the_shared_calendar(self):
        odd = calendar_for("  NoRtHeRn_IrElAnD ")
        assert isinstance(odd, WorkingCalendar)
        assert odd.region == "northern-ireland"
        assert odd is calendar_for("northern-ireland")
        assert calendar_for("  NoRtHeRn_IrElAnD ") is odd

    def test_closures_give_an_equal_calendar_each_time(self):
        closed = frozenset({D(2024, 12, 24)})
        assert calendar_for(closures=closed) == WorkingCalendar(closures=closed)
        assert calendar_for(closures=[D(2024, 12, 24)]) == calendar_for(closures=closed)


class TestBatchDatetimesMeanTheirDate:
    """In the batch method a datetime start means its date, as in `add_working_days`."""

    @given(
        starts=st.lists(
            st.one_of(
                days_2023_2024,
                st.builds(dt.datetime.combine, days_2023_2024, st.times()),
            ),
            max_size=8,
        ),
        counts=st.data(),
    )
    def test_batch_agrees_with_one_call_per_start(self, starts, counts):
        one = counts.draw(st.integers(-40, 40), label="one count")
        each = counts.draw(
            st.lists(st.integers(-40, 40), min_size=len(starts), max_size=len(starts)),
            label="a count each",
        )
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            assert CAL.add_working_days_many(starts, one) == [
                add_working_days(as_day(start), one) for start in starts
            ]
            assert CAL.add_working_days_many(starts, each) == [
                add_working_days(as_day(start), n)
                for start, n in zip(starts, each, strict=True)
            ]


def as_day(value: dt.date) -> dt.date:
    """The date a start means: a datetime's date, a date itself."""
    return value.date() if isinstance(value, dt.datetime) else value


#: Each call gets a horizon no calendar has had before, so that nothing cached
#: for an earlier horizon (in this process or the one it was forked from) is
#: reused: the batch table is built afresh.
_HORIZONS = itertools.count(1)


def _fresh_calendar() -> WorkingCalendar:
    horizon = ANNOUNCED_THROUGH - dt.timedelta(days=next(_HORIZONS))
    return WorkingCalendar(announced_through=horizon)


class TestBatchCountingBackNearTheStartOfItsTables:
    """Counting back in a batch from the first weeks of 1990 or 1872 matches single calls.

    A new calendar first builds its tables from 1990 and widens them to 1872
    on the first question outside; a batch counted back from just after either
    start must cross it correctly, not wrap round to a date years away.
    """

    def test_counting_back_across_1_january_1990(self):
        days = [D(1990, 1, 1) + dt.timedelta(days=i) for i in range(40)]
        # Working days only, which a batch serves by its quickest route, and then
        # every day (a weekend or 1 January among them takes the general route).
        for starts in ([day for day in days if is_working_day(day)], days):
            self._agrees_with_single_calls(starts)

    @staticmethod
    def _agrees_with_single_calls(starts):
        for n in (-1, -3, -25):
            cal = _fresh_calendar()
            assert cal.add_working_days_many(starts, n) == [
                add_working_days(start, n) for start in starts
            ], n
            cal = _fresh_calendar()
            assert cal.add_working_days_many(starts, [n] * len(starts)) == [
                add_working_days(start, n) for start in starts
            ], n

    def test_counting_back_past_1_january_1872_is_refused(self):
        cal = _fresh_calendar()
        assert cal.add_working_days(D(1872, 2, 1), 0) == D(1872, 2, 1)  # every year now
        assert cal.add_working_days_many([D(1872, 1, 5)], -2) == [D(1872, 1, 3)]
        with pytest.raises(OutsideCalendarError):
            cal.add_working_days_many([D(1872, 1, 5)], -5)
        with pytest.raises(OutsideCalendarError):
            cal.add_working_days_many([D(1872, 1, 5), D(2024, 1, 5)], [-5, -1])


class TestDataSourceNamesTheHolidayData:
    """`data_source` names the holidays package version and GOV.UK region it reads."""

    @pytest.mark.parametrize(
        ("region", "code"),
        [
            ("england-and-wales", "ENG"),
            ("scotland", "SCT"),
            ("northern-ireland", "NIR"),
        ],
    )
    def test_package_version_and_subdivision(self, region, code):
        import holidays

        assert WorkingCalendar(region).data_source == (
            f"holidays {holidays.__version__}, GB subdivision {code}"
        )


class TestANewCalendarAnswersForEveryYearOfTheData:
    """A new calendar answers at the very ends of the data and across 1990 and 2045.

    A calendar first builds its tables over 1990-2045 and widens them on the
    first question outside; the answers must not depend on which it holds.
    """

    def test_the_first_and_last_days_of_the_data(self):
        assert WorkingCalendar().is_working_day(FIRST)
        assert WorkingCalendar().is_working_day(LAST)
        assert WorkingCalendar().count_working_days(FIRST, D(1872, 1, 31)) == 23
        assert WorkingCalendar().why_not_working(LAST) is None

    def test_moves_that_leave_1990_to_2045(self):
        assert WorkingCalendar().add_working_days(D(1990, 1, 2), -5) == D(1989, 12, 21)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", HolidayHorizonWarning)
            assert WorkingCalendar().add_working_days(D(2045, 12, 28), 5) == D(
                2046, 1, 5
            )


#: A new spelling of a region on each call, so that the shared-calendar cache
#: has never seen it (in any process, whatever ran before).
_SPELLINGS = itertools.count(1)


class TestSharedCalendarsForNewSpellings:
    """A spelling `calendar_for` has not seen yet still gives the region's shared calendar."""

    def test_an_unseen_spelling_gives_the_shared_calendar(self):
        canonical = calendar_for("scotland")
        spelling = " " * next(_SPELLINGS) + "ScOtLaNd"
        found = calendar_for(spelling)
        assert isinstance(found, WorkingCalendar)
        assert found is canonical
        assert calendar_for(spelling) is canonical
        assert calendar_for("scotland") is canonical


class TestBatchCountingBackFromPastTheHorizon:
    """A batch start after the last announced day warns, even when the answer is before it."""

    LATE = ANNOUNCED_THROUGH + dt.timedelta(days=3)

    def _single(self, start, days):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", HolidayHorizonWarning)
            return add_working_days(start, days)

    def test_one_count_back(self):
        expected = self._single(self.LATE, -5)
        assert expected <= ANNOUNCED_THROUGH
        with pytest.warns(HolidayHorizonWarning):
            assert WorkingCalendar().add_working_days_many([self.LATE], -5) == [
                expected
            ]

    def test_a_count_each(self):
        expected = [self._single(self.LATE, -5), D(2024, 1, 8)]
        with pytest.warns(HolidayHorizonWarning):
            assert (
                WorkingCalendar().add_working_days_many(
                    [self.LATE, D(2024, 1, 5)], [-5, 1]
                )
                == expected
            )


class TestBatchCountsOfOtherKinds:
    """Counts that are not a list, in the batch method.

    (Starts that are not dates: tests/test_batch_refuses_non_dates.py.)

    A sized iterable of counts (``len()`` and iteration, not indexing) is read
    in order, as a list would be; a numpy array is read as Python values with
    ``tolist()`` (https://numpy.org/doc/stable/reference/generated/numpy.ndarray.tolist.html),
    so a bad count is named by its position, as in a list.
    """

    STARTS = (D(2023, 5, 16), D(2024, 1, 6), D(2024, 12, 24))

    def test_counts_from_a_dict_view_are_read_in_order(self):
        # A dict's values() has len() and iteration but is not a Sequence
        # (https://docs.python.org/3/library/stdtypes.html#dictionary-view-objects).
        by_case = {"A1": 35, "B2": -1, "C3": 0}
        assert CAL.add_working_days_many(list(self.STARTS), by_case.values()) == [
            CAL.add_working_days(s, n)
            for s, n in zip(self.STARTS, by_case.values(), strict=True)
        ]

    def test_a_column_shaped_numpy_array_is_refused_naming_the_position(self):
        # A one-column table's values are a 2-D array, (n, 1): each row is a
        # list, not a count, and the error says which row, like a list's would.
        days = np.array([[35], [-1], [0]])
        with pytest.raises(
            InvalidTypeError,
            match=r"^days\[0\] must be a whole number \(int\), got \[35\]",
        ):
            CAL.add_working_days_many(list(self.STARTS), days)
