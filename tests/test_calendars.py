"""Known dates and properties of sendkit.calendars (Excel WORKDAY/NETWORKDAYS)."""

from __future__ import annotations

import datetime as dt
import itertools
import warnings
from collections.abc import Sequence

import holidays
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import sendkit
from sendkit import (
    HolidayHorizonWarning,
    InvalidInputError,
    InvalidTypeError,
    OutsideCalendarError,
    Reason,
    UnknownRegionError,
    WorkingCalendar,
    add_working_days,
    count_working_days,
    is_working_day,
)
from sendkit.calendars import _REACH, REGIONS, calendar_for

D = dt.date
ENG = WorkingCalendar()
CALENDARS = {region: WorkingCalendar(region) for region in REGIONS}
SUBDIV = {"england-and-wales": "ENG", "scotland": "SCT", "northern-ireland": "NIR"}

_HOLIDAYS = {
    region: sorted(
        holidays.country_holidays("GB", subdiv=code, years=range(2000, 2028))
    )
    for region, code in SUBDIV.items()
}

# Dates inside the announced window, biased toward the awkward ones.
plain_dates = st.dates(min_value=D(2000, 1, 1), max_value=D(2027, 12, 31))
awkward_dates = st.one_of(
    plain_dates,
    st.sampled_from(_HOLIDAYS["england-and-wales"]),
    st.sampled_from(_HOLIDAYS["scotland"]),
    st.sampled_from(_HOLIDAYS["northern-ireland"]),
)
regions = st.sampled_from(REGIONS)
counts = st.integers(min_value=-120, max_value=120)


def naive_add(cal: WorkingCalendar, start: dt.date, days: int) -> dt.date:
    """Walk day by day: the textbook definition of WORKDAY."""
    if days == 0:
        return start
    step = dt.timedelta(days=1 if days > 0 else -1)
    day, left = start, abs(days)
    while left:
        day += step
        if day.weekday() < 5 and cal.why_not_working(day) is None:
            left -= 1
    return day


def naive_count(cal: WorkingCalendar, start: dt.date, end: dt.date) -> int:
    """Count working days in the closed range, negative when reversed."""
    lo, hi = min(start, end), max(start, end)
    total = sum(
        1
        for offset in range((hi - lo).days + 1)
        if cal.is_working_day(lo + dt.timedelta(days=offset))
    )
    return total if start <= end else -total


class TestKnownDates:
    """Dates an officer would check by hand."""

    @pytest.mark.parametrize(
        ("start", "days", "expected"),
        [
            # The seed: Nottinghamshire's report received Tue 16 May 2023; the
            # Spring bank holiday (29 May) falls inside the 35 working days.
            (D(2023, 5, 16), 35, D(2023, 7, 5)),
            (D(2023, 5, 16), 70, D(2023, 8, 23)),
            # Easter 2025: Good Friday 18 April and Easter Monday 21 April.
            (D(2025, 4, 17), 1, D(2025, 4, 22)),
            (D(2025, 4, 17), 35, D(2025, 6, 11)),
            # VE Day 2020 moved the May bank holiday to Friday 8 May.
            (D(2020, 5, 7), 1, D(2020, 5, 11)),
            (D(2020, 5, 4), 4, D(2020, 5, 11)),
            # Platinum Jubilee: Spring bank holiday Thu 2 June, Jubilee Fri 3 June.
            (D(2022, 6, 1), 1, D(2022, 6, 6)),
            # Queen's funeral, Mon 19 September 2022.
            (D(2022, 9, 16), 1, D(2022, 9, 20)),
            # Christmas 2021 fell on a Saturday: substitutes Mon 27 and Tue 28.
            (D(2021, 12, 24), 1, D(2021, 12, 29)),
            (D(2021, 12, 29), -1, D(2021, 12, 24)),
            # Zero keeps the start, even on a weekend or a holiday.
            (D(2024, 1, 6), 0, D(2024, 1, 6)),
            (D(2023, 5, 8), 0, D(2023, 5, 8)),
            # A weekend start counts from the next working day in the direction of travel.
            (D(2024, 1, 6), 1, D(2024, 1, 8)),
            (D(2024, 1, 6), -1, D(2024, 1, 5)),
        ],
    )
    def test_add_working_days(self, start, days, expected):
        """WORKDAY answers for England and Wales."""
        assert add_working_days(start, days) == expected

    @pytest.mark.parametrize(
        ("region", "start", "days", "expected"),
        [
            # 2 January is a bank holiday in Scotland only.
            ("scotland", D(2024, 12, 31), 1, D(2025, 1, 3)),
            ("england-and-wales", D(2024, 12, 31), 1, D(2025, 1, 2)),
            # St Patrick's Day (Mon 17 March 2025) in Northern Ireland only.
            ("northern-ireland", D(2025, 3, 14), 1, D(2025, 3, 18)),
            ("england-and-wales", D(2025, 3, 14), 1, D(2025, 3, 17)),
            # Battle of the Boyne, Mon 14 July 2025 in Northern Ireland.
            ("northern-ireland", D(2025, 7, 11), 1, D(2025, 7, 15)),
            # Scotland's summer bank holiday is the first Monday of August.
            ("scotland", D(2025, 8, 1), 1, D(2025, 8, 5)),
            # ... and it keeps Easter Monday out.
            ("scotland", D(2025, 4, 17), 1, D(2025, 4, 21)),
        ],
    )
    def test_regions_differ(self, region, start, days, expected):
        """Each region uses its own bank holidays."""
        assert add_working_days(start, days, region=region) == expected

    @pytest.mark.parametrize(
        ("start", "end", "expected"),
        [
            (D(2023, 5, 16), D(2023, 7, 5), 36),
            (D(2023, 7, 5), D(2023, 5, 16), -36),
            (D(2024, 1, 8), D(2024, 1, 8), 1),
            (D(2024, 1, 6), D(2024, 1, 6), 0),
            (D(2023, 5, 8), D(2023, 5, 8), 0),
            (D(2021, 12, 24), D(2022, 1, 4), 5),
            (D(2012, 10, 1), D(2013, 3, 1), 107),
        ],
    )
    def test_count_working_days(self, start, end, expected):
        """NETWORKDAYS answers for England and Wales."""
        assert count_working_days(start, end) == expected

    def test_coronation_is_not_a_working_day(self):
        """The one-off 2023 Coronation bank holiday is in every region."""
        for region in REGIONS:
            assert not is_working_day(D(2023, 5, 8), region=region)

    def test_easter_monday_and_august_holiday_are_present(self):
        """England's set is not the UK-wide common set, which lacks these."""
        assert not is_working_day(D(2024, 4, 1))
        assert not is_working_day(D(2024, 8, 26))
        assert is_working_day(D(2024, 8, 26), region="scotland")

    def test_datetime_means_its_date(self):
        """A datetime start is read as its date."""
        assert add_working_days(dt.datetime(2023, 5, 16, 17, 30), 35) == D(2023, 7, 5)


class TestClosures:
    """Local closures are skipped but labelled as not statutory."""

    christmas = (D(2024, 12, 24), D(2024, 12, 27), D(2024, 12, 30), D(2024, 12, 31))

    def test_closures_are_skipped(self):
        """A council shutdown moves a local date past the closure days."""
        assert add_working_days(D(2024, 12, 23), 1) == D(2024, 12, 24)
        assert add_working_days(D(2024, 12, 23), 1, closures=self.christmas) == D(
            2025, 1, 2
        )

    def test_explain_labels_closures(self):
        """explain() says which skipped days are only local closures."""
        why = WorkingCalendar(closures=self.christmas).explain(D(2024, 12, 23), 1)
        reasons = {day.day: day.reason for day in why.skipped}
        assert reasons[D(2024, 12, 24)] is Reason.LOCAL_CLOSURE
        assert reasons[D(2024, 12, 25)] is Reason.BANK_HOLIDAY
        assert not next(d for d in why.skipped if d.day == D(2024, 12, 24)).statutory
        assert any("not statutory" in line for line in why.lines())

    def test_closure_on_a_bank_holiday_is_reported_as_the_holiday(self):
        """The statutory reason wins when a closure repeats a bank holiday."""
        cal = WorkingCalendar(closures=[D(2024, 12, 25)])
        reason = cal.why_not_working(D(2024, 12, 25))
        assert reason is not None
        assert reason.reason is Reason.BANK_HOLIDAY

    def test_calendars_are_values(self):
        """Two calendars with the same region and closures are equal."""
        assert WorkingCalendar(closures=[D(2024, 12, 24)]) == WorkingCalendar(
            "england-and-wales", frozenset({D(2024, 12, 24)})
        )
        assert WorkingCalendar() != WorkingCalendar("scotland")
        assert hash(WorkingCalendar()) == hash(WorkingCalendar())


class TestExplain:
    """explain() lists every skipped day and why."""

    def test_seed_case(self):
        """The PAP case skips 14 weekend days and the Spring bank holiday."""
        why = ENG.explain(D(2023, 5, 16), 35)
        assert why.due == D(2023, 7, 5)
        kinds = [day.reason for day in why.skipped]
        assert kinds.count(Reason.WEEKEND) == 14
        holidays_named = [
            d.name for d in why.skipped if d.reason is Reason.BANK_HOLIDAY
        ]
        assert holidays_named == ["Spring Bank Holiday"]
        assert "Wednesday 5 July 2023" in str(why)
        assert why.data_source.startswith("holidays ")

    def test_zero_days_skips_nothing(self):
        """Zero days explains that the start is returned unchanged."""
        why = ENG.explain(D(2024, 1, 6), 0)
        assert why.skipped == ()
        assert why.due == D(2024, 1, 6)
        assert not why.start_is_working_day
        assert any("unchanged" in line for line in why.lines())

    @given(start=awkward_dates, days=counts, region=regions)
    def test_explanation_accounts_for_every_day(self, start, days, region):
        """Counted days plus skipped days cover the whole span exactly."""
        why = CALENDARS[region].explain(start, days)
        span = abs((why.due - start).days)
        assert len(why.skipped) + abs(days) == span
        for day in why.skipped:
            assert not CALENDARS[region].is_working_day(day.day)


class TestProperties:
    """Working-day properties: a naive walk, shape, count-back, composition, monotonicity, round trip."""

    @given(start=awkward_dates, days=counts, region=regions)
    def test_agrees_with_the_naive_walk(self, start, days, region):
        """The table look-up equals a day-by-day walk."""
        cal = CALENDARS[region]
        assert cal.add_working_days(start, days) == naive_add(cal, start, days)

    @given(start=awkward_dates, offset=st.integers(-800, 800), region=regions)
    def test_count_agrees_with_the_naive_count(self, start, offset, region):
        """count_working_days equals counting each day."""
        end = min(start + dt.timedelta(days=offset), D(2028, 12, 31))
        cal = CALENDARS[region]
        assert cal.count_working_days(start, end) == naive_count(cal, start, end)

    @given(start=awkward_dates, days=counts, region=regions)
    def test_moves_land_on_working_days(self, start, days, region):
        """Any non-zero move lands on a working day on the right side."""
        assume(days != 0)
        cal = CALENDARS[region]
        due = cal.add_working_days(start, days)
        assert cal.is_working_day(due)
        assert (due > start) if days > 0 else (due < start)

    @given(start=awkward_dates, a=counts, b=counts, region=regions)
    def test_composition(self, start, a, b, region):
        """add(add(s, a), b) == add(s, a + b) for same-sign moves or a working start."""
        cal = CALENDARS[region]
        same_sign = (a > 0 and b > 0) or (a < 0 and b < 0)
        assume(same_sign or cal.is_working_day(start))
        two_steps = cal.add_working_days(cal.add_working_days(start, a), b)
        assert two_steps == cal.add_working_days(start, a + b)

    @given(start=awkward_dates, a=st.integers(1, 60))
    def test_composition_fails_across_signs_from_a_weekend(self, start, a):
        """From a non-working start, there and back differs (why the rule is scoped)."""
        while ENG.is_working_day(start):
            start += dt.timedelta(days=1)
        assert ENG.add_working_days(ENG.add_working_days(start, a), -a) != start

    @given(start=awkward_dates, days=st.integers(1, 120), region=regions)
    def test_strictly_monotonic(self, start, days, region):
        """One more working day always gives a later date."""
        cal = CALENDARS[region]
        assert cal.add_working_days(start, days) < cal.add_working_days(start, days + 1)
        assert cal.add_working_days(start, -days) > cal.add_working_days(
            start, -days - 1
        )

    @given(start=awkward_dates, days=st.integers(1, 120), region=regions)
    def test_count_inverts_add(self, start, days, region):
        """count(s, add(s, n)) == n + [s is a working day], for n >= 1."""
        cal = CALENDARS[region]
        due = cal.add_working_days(start, days)
        assert cal.count_working_days(start, due) == days + cal.is_working_day(start)
        back = cal.add_working_days(start, -days)
        assert cal.count_working_days(start, back) == -(
            days + cal.is_working_day(start)
        )

    @given(start=awkward_dates, days=st.integers(1, 120), region=regions)
    def test_round_trip_iff_working_start(self, start, days, region):
        """Forward then back returns the start exactly when it is a working day."""
        cal = CALENDARS[region]
        there_and_back = cal.add_working_days(cal.add_working_days(start, days), -days)
        assert (there_and_back == start) == cal.is_working_day(start)

    @given(start=awkward_dates, end=awkward_dates, region=regions)
    def test_count_is_antisymmetric(self, start, end, region):
        """Reversing the ends negates the count, except on a single day."""
        cal = CALENDARS[region]
        if start != end:
            assert cal.count_working_days(start, end) == -cal.count_working_days(
                end, start
            )
        else:
            assert cal.count_working_days(start, end) == int(cal.is_working_day(start))

    @given(start=awkward_dates, days=st.integers(-20, 20))
    def test_regions_agree_where_their_holidays_agree(self, start, days):
        """Two regions give the same answer when no differing holiday is crossed."""
        eng, sct = CALENDARS["england-and-wales"], CALENDARS["scotland"]
        due = eng.add_working_days(start, days)
        lo, hi = min(start, due), max(start, due)
        lo -= dt.timedelta(days=7)
        hi += dt.timedelta(days=7)
        differ = any(
            eng.is_working_day(d) != sct.is_working_day(d)
            for d in (lo + dt.timedelta(days=i) for i in range((hi - lo).days + 1))
        )
        assume(not differ)
        assert sct.add_working_days(start, days) == due

    @given(
        starts=st.lists(awkward_dates, max_size=50),
        data=st.data(),
        region=regions,
    )
    def test_many_equals_one_at_a_time(self, starts, data, region):
        """The batch form gives the scalar answers, for one count or many."""
        cal = CALENDARS[region]
        single = data.draw(counts)
        assert cal.add_working_days_many(starts, single) == [
            cal.add_working_days(s, single) for s in starts
        ]
        each = data.draw(st.lists(counts, min_size=len(starts), max_size=len(starts)))
        assert cal.add_working_days_many(starts, each) == [
            cal.add_working_days(s, n) for s, n in zip(starts, each, strict=True)
        ]


class TestInputs:
    """Bad input gets a clear error naming the argument."""

    def test_text_start_is_a_type_error(self):
        """A string is refused with a hint to parse it first."""
        with pytest.raises(
            InvalidTypeError, match=r"start must be a datetime.date, got '2023-05-16'"
        ):
            add_working_days("2023-05-16", 35)  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            add_working_days("2023-05-16", 35)  # type: ignore[arg-type]

    @pytest.mark.parametrize("days", [1.5, 35.0, "35", None, True])
    def test_days_must_be_an_int(self, days):
        """Floats, text, None and booleans are refused for days."""
        with pytest.raises(InvalidTypeError, match="days must be a whole number"):
            add_working_days(D(2023, 5, 16), days)

    def test_unknown_region_lists_the_valid_ones(self):
        """An unknown region names the three GOV.UK regions."""
        with pytest.raises(UnknownRegionError, match="england-and-wales") as info:
            add_working_days(D(2023, 5, 16), 1, region="uk")
        assert "'uk'" in str(info.value)
        assert isinstance(info.value, ValueError)

    def test_region_spelling_is_forgiving(self):
        """Case, spaces and '&' are normalised to GOV.UK's names."""
        assert WorkingCalendar("England & Wales").region == "england-and-wales"
        assert WorkingCalendar("Northern Ireland").region == "northern-ireland"

    def test_closures_must_be_dates(self):
        """A closure that is not a date is refused, naming closures."""
        with pytest.raises(InvalidTypeError, match="closures"):
            WorkingCalendar(closures=["2024-12-24"])  # type: ignore[list-item]
        with pytest.raises(InvalidTypeError, match="closures"):
            WorkingCalendar(closures=D(2024, 12, 24))  # type: ignore[arg-type]

    def test_many_reports_the_position(self):
        """A bad item in a batch is named by its position."""
        with pytest.raises(InvalidTypeError, match=r"starts\[1\]"):
            ENG.add_working_days_many([D(2023, 5, 16), "x"], 3)  # type: ignore[list-item]
        with pytest.raises(InvalidTypeError, match=r"days\[0\]"):
            ENG.add_working_days_many([D(2023, 5, 16)], [1.5])  # type: ignore[list-item]
        with pytest.raises(InvalidInputError, match="as long as starts"):
            ENG.add_working_days_many([D(2023, 5, 16)], [1, 2])

    def test_many_accepts_datetimes(self):
        """Datetimes in a batch mean their dates."""
        assert ENG.add_working_days_many([dt.datetime(2023, 5, 16, 9)], 35) == [
            D(2023, 7, 5)
        ]

    def test_many_of_nothing(self):
        """An empty batch gives an empty list."""
        assert ENG.add_working_days_many([], 5) == []


class TestCoverage:
    """The holiday data's limits are refused or warned about, never ignored."""

    def test_before_the_data_is_an_error(self):
        """1871 is before the Bank Holidays Act data starts."""
        with pytest.raises(OutsideCalendarError, match="1872-2100"):
            add_working_days(D(1871, 12, 1), 5)
        with pytest.raises(OutsideCalendarError):
            is_working_day(D(2101, 1, 3))
        with pytest.raises(OutsideCalendarError):
            count_working_days(D(2023, 1, 1), D(2101, 1, 3))

    def test_moving_off_the_end_is_an_error(self):
        """A move past 2100 or before 1872 is refused, even for a batch."""
        with pytest.raises(OutsideCalendarError, match="leaves the years"):
            add_working_days(D(1872, 1, 5), -10)
        with pytest.raises(OutsideCalendarError, match="leaves the years"):
            add_working_days(D(2023, 1, 1), 10**9)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", HolidayHorizonWarning)
            with pytest.raises(OutsideCalendarError):
                ENG.add_working_days_many([D(2023, 1, 1), D(2100, 12, 20)], 30)
        with pytest.raises(OutsideCalendarError):
            ENG.add_working_days_many([D(1872, 1, 5)], [-10])

    def test_beyond_announced_years_warns(self):
        """Dates past GOV.UK's announced list come with a HolidayHorizonWarning."""
        with pytest.warns(HolidayHorizonWarning, match="dates after 2028-12-31"):
            add_working_days(D(2028, 12, 20), 20)
        with pytest.warns(HolidayHorizonWarning):
            count_working_days(D(2028, 1, 1), D(2030, 1, 1))
        with pytest.warns(HolidayHorizonWarning):
            ENG.add_working_days_many([D(2030, 1, 1)], -3)
        with pytest.warns(HolidayHorizonWarning):
            ENG.add_working_days_many([D(2030, 1, 1)], [1])

    def test_within_announced_years_is_silent(self):
        """No warning inside the announced window."""
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            add_working_days(D(2028, 12, 1), 10)

    def test_data_source_names_the_package_version(self):
        """The calendar says which holiday data it used."""
        assert holidays.__version__ in ENG.data_source
        assert "SCT" in CALENDARS["scotland"].data_source
        assert ENG.first_day == D(1872, 1, 1)
        assert ENG.last_day == D(2100, 12, 31)


def test_holidays_between_lists_weekday_holidays():
    """holidays_between gives the days GOV.UK would list for 2023."""
    names = [day.name for day in ENG.holidays_between(D(2023, 1, 1), D(2023, 12, 31))]
    assert "Coronation of Charles III" in names
    assert len(names) == 9


def test_calendar_for_reuses_instances():
    """calendar_for hands back the same shared calendar."""
    assert calendar_for() is calendar_for("england-and-wales")
    assert calendar_for("Scotland") is calendar_for("scotland")
    closures = [D(2024, 12, 24)]
    assert calendar_for(closures=closures) is calendar_for(closures=tuple(closures))
    assert sendkit.calendar_for is calendar_for


class TestBatchInputs:
    """Odd but reasonable inputs to the batch and to calendar_for."""

    def test_numpy_counts(self):
        """A numpy array of counts is read like a list."""
        np = pytest.importorskip("numpy")
        starts = [D(2023, 5, 16), D(2024, 1, 6)]
        assert ENG.add_working_days_many(starts, np.array([35, -1])) == [
            D(2023, 7, 5),
            D(2024, 1, 5),
        ]

    def test_zero_days_returns_plain_dates(self):
        """days=0 gives each start back, a datetime as its date."""
        assert ENG.add_working_days_many(
            [D(2024, 1, 6), dt.datetime(2024, 1, 6, 9)], 0
        ) == [D(2024, 1, 6), D(2024, 1, 6)]
        assert ENG.add_working_days_many([dt.datetime(2024, 1, 6, 9)], [0]) == [
            D(2024, 1, 6)
        ]

    def test_unhashable_region(self):
        """A list as region is a clear type error, not 'unhashable type'."""
        with pytest.raises(InvalidTypeError, match="region must be text"):
            calendar_for(["scotland"])  # type: ignore[arg-type]

    def test_frozenset_closures_are_cached(self):
        """The same frozenset of closures gives the same calendar."""
        shut = frozenset({D(2024, 12, 24)})
        assert calendar_for(closures=shut) is calendar_for(closures=shut)
        assert add_working_days(D(2024, 12, 23), 1, closures=shut) == D(2024, 12, 27)

    def test_one_horizon_message_per_calendar(self):
        """The horizon warning's text does not depend on the date."""
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            add_working_days(D(2030, 1, 1), 1)
            add_working_days(D(2031, 1, 1), 1)
        assert len({str(w.message) for w in caught}) == 1


# -- the shipped bank-holiday table and the tables built on demand ----------------


@pytest.mark.parametrize("region", REGIONS)
def test_the_shipped_table_equals_the_holidays_package_for_every_year(region):
    from sendkit import _bank_holidays

    if holidays.__version__ != _bank_holidays.HOLIDAYS_VERSION:
        pytest.skip("the table is for another holidays version (then it is unused)")
    first, last = _bank_holidays.FIRST_YEAR, _bank_holidays.LAST_YEAR
    data = holidays.country_holidays(
        "GB", subdiv=SUBDIV[region], years=range(first, last + 1)
    )
    ordinals, which = _bank_holidays.TABLES[region]
    shipped = {
        dt.date.fromordinal(o): _bank_holidays.NAMES[i]
        for o, i in zip(ordinals, which, strict=True)
    }
    assert shipped == {day: str(name) for day, name in data.items()}
    probe = holidays.country_holidays("GB", subdiv=SUBDIV[region])
    assert (probe.start_year, probe.end_year) == (first, last)


def test_the_shipped_table_is_used_only_for_its_own_holidays_version(monkeypatch):
    from sendkit import _bank_holidays, calendars

    assert calendars._installed_holidays_version() == holidays.__version__
    monkeypatch.setattr(_bank_holidays, "HOLIDAYS_VERSION", "0.0-not-installed")
    assert not calendars._table_is_current()


@given(
    start=st.dates(D(1872, 1, 1), D(2100, 12, 31)),
    days=st.integers(-300, 300),
    region=st.sampled_from(REGIONS),
)
def test_the_table_and_the_holidays_package_give_the_same_calendar(start, days, region):
    from sendkit import calendars

    table_names, _ = calendars._holiday_names(region, start.year, start.year)
    original = calendars._table_is_current
    try:
        calendars._table_is_current = lambda: False
        direct, source = calendars._holiday_names(region, start.year, start.year)
    finally:
        calendars._table_is_current = original
    assert table_names == direct
    assert source == CALENDARS[region].data_source
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", HolidayHorizonWarning)
        try:
            expected = WorkingCalendar(region).add_working_days(start, days)
        except OutsideCalendarError:
            return
        fresh = WorkingCalendar(region)
        object.__setattr__(
            fresh, "_t", calendars._build_tables(fresh.region, frozenset(), full=True)
        )
        assert fresh.add_working_days(start, days) == expected


@given(
    start=st.dates(D(1872, 1, 1), D(2100, 12, 31)),
    end=st.dates(D(1872, 1, 1), D(2100, 12, 31)),
)
def test_tables_built_on_demand_answer_as_the_full_tables(start, end):
    from sendkit import calendars

    fresh = WorkingCalendar("scotland", [D(2024, 12, 24)])
    full = WorkingCalendar("scotland", [D(2024, 12, 24)])
    object.__setattr__(
        full, "_t", calendars._build_tables(full.region, full.closures, full=True)
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", HolidayHorizonWarning)
        assert fresh.count_working_days(start, end) == full.count_working_days(
            start, end
        )
        assert fresh.is_working_day(start) == full.is_working_day(start)
        try:
            expected = [full.add_working_days(start, 5), full.add_working_days(end, -5)]
        except OutsideCalendarError:
            return
        assert fresh.add_working_days_many([start, end], [5, -5]) == expected


def test_the_first_tables_cover_the_usual_years_and_grow_on_a_miss():
    fresh = WorkingCalendar("northern-ireland")
    assert not fresh._t.full
    assert fresh.add_working_days(D(2025, 3, 14), 1) == D(2025, 3, 18)  # St Patrick
    assert not fresh._t.full
    answer = fresh.add_working_days(D(1900, 3, 16), 1)
    assert fresh._t.full
    assert answer == WorkingCalendar("northern-ireland").add_working_days(
        D(1900, 3, 16), 1
    )
    assert fresh == WorkingCalendar("northern-ireland")


# -- the batch fast path for caseload-shaped input ----------------------------------

np = pytest.importorskip("numpy")

_WORKING_2015_2026 = [
    d
    for d in (D(2015, 1, 1) + dt.timedelta(days=i) for i in range(4200))
    if ENG.is_working_day(d) and d <= D(2026, 6, 30)
]


def _numpy_calendar():
    hols = [
        d
        for d in holidays.country_holidays("GB", subdiv="ENG", years=range(2010, 2032))
        if d.weekday() < 5
    ]
    return np.busdaycalendar(
        weekmask="1111100", holidays=np.array(sorted(hols), "datetime64[D]")
    )


_NPCAL = _numpy_calendar()


@given(
    pairs=st.lists(
        st.tuples(st.sampled_from(_WORKING_2015_2026), st.integers(-140, 140)),
        max_size=200,
    )
)
def test_the_fast_path_agrees_with_numpy_and_the_general_path(pairs):
    starts = [s for s, _ in pairs]
    days = [n for _, n in pairs]
    fast = ENG._many_interior(starts, days)
    assert fast is not None  # caseload-shaped input takes the fast path
    expected = np.busday_offset(
        np.array(starts, "datetime64[D]"),
        np.array(days, np.int64),
        roll="forward",
        busdaycal=_NPCAL,
    ).tolist()
    assert fast == expected
    assert fast == ENG._many_slowly(starts, days)
    assert fast == [ENG.add_working_days(s, n) for s, n in pairs]
    assert ENG.add_working_days_many(starts, days) == fast


@given(
    pairs=st.lists(
        st.tuples(
            st.sampled_from(_WORKING_2015_2026), st.integers(-140, 140), st.booleans()
        ),
        max_size=100,
    )
)
def test_the_fast_path_answers_alike_for_shared_and_fresh_date_objects(pairs):
    # The fast path keys a per-call dict by the caller's own date objects, so
    # a start met again as the same object is found by identity and an equal
    # but separate object by ==. Both must give the same answer, and the
    # calendar's own table of starts must not take in the caller's objects.
    starts = [dt.date(s.year, s.month, s.day) if fresh else s for s, _, fresh in pairs]
    days = [n for _, n, _ in pairs]
    table = ENG._interior()[0]
    keys_before = [id(k) for k in table]
    fast = ENG._many_interior(starts * 2, days * 2)
    assert fast == [ENG.add_working_days(s, n) for s, n, _ in pairs] * 2
    assert [id(k) for k in table] == keys_before


def test_add_working_days_many_takes_the_fast_path_for_a_caseload(monkeypatch):
    starts = _WORKING_2015_2026[::7]
    days = [(i % 281) - 140 for i in range(len(starts))]
    expected = [ENG.add_working_days(s, n) for s, n in zip(starts, days, strict=True)]

    def no_general_path(*args):
        raise AssertionError("the general path was used")

    cal = WorkingCalendar()
    monkeypatch.setattr(WorkingCalendar, "_many_fast_each", no_general_path)
    monkeypatch.setattr(WorkingCalendar, "_many_fast_single", no_general_path)
    monkeypatch.setattr(WorkingCalendar, "_many_slowly", no_general_path)
    assert cal.add_working_days_many(starts, days) == expected
    assert cal.add_working_days_many(starts, 35) == [
        ENG.add_working_days(s, 35) for s in starts
    ]


#: Horizons no calendar has had before, one per call, so that the batch table
#: is built afresh even in a process forked from one that ran these tests
#: (mutmut's workers are), and the code that builds it is the code under test.
_UNSEEN_HORIZONS = itertools.count(300)


def test_a_calendar_with_a_horizon_of_its_own_takes_the_fast_path(monkeypatch):
    horizon = sendkit.ANNOUNCED_THROUGH - dt.timedelta(days=next(_UNSEEN_HORIZONS))
    assert horizon > D(2027, 9, 1)  # after every answer below: no warning
    starts = _WORKING_2015_2026[::7]
    days = [(i % 281) - 140 for i in range(len(starts))]
    expected = [ENG.add_working_days(s, n) for s, n in zip(starts, days, strict=True)]

    def no_general_path(*args):
        raise AssertionError("the general path was used")

    cal = WorkingCalendar(announced_through=horizon)
    monkeypatch.setattr(WorkingCalendar, "_many_fast_each", no_general_path)
    monkeypatch.setattr(WorkingCalendar, "_many_fast_single", no_general_path)
    monkeypatch.setattr(WorkingCalendar, "_many_slowly", no_general_path)
    assert cal.add_working_days_many(starts, days) == expected


@pytest.mark.parametrize(
    ("starts", "days"),
    [
        ([D(2025, 4, 19)], [5]),  # a Saturday: not a working-day start
        ([dt.datetime(2025, 4, 15, 9, 0)], [5]),  # a datetime, not a date
        ([D(2028, 12, 1)], [40]),  # ends past the announced years: warns
        ([D(2025, 4, 15)], [5.0]),  # a float count is refused, not rounded
        ([D(2025, 4, 15)], [-5000]),  # beyond the fast path's reach back
        ([D(1872, 2, 1)], [5]),  # at the very start of the data
    ],
)
def test_the_fast_path_steps_aside_for_anything_else(starts, days):
    assert ENG._many_interior(starts, days) is None


def test_the_fast_path_reaches_back_exactly_reach_working_days():
    # The table of starts begins _REACH working days into the tables, so a
    # count of -_REACH from its first start lands on the tables' first working
    # day: the fast path answers it. One working day further back would wrap
    # round to the end of the list, so there the fast path steps aside.
    starts_at, day_at = ENG._interior()
    first = min(starts_at, key=starts_at.__getitem__)
    assert ENG._many_interior([first], -_REACH) == [day_at[0]]
    assert ENG._many_interior([first, first], [3, -_REACH]) == [
        day_at[_REACH + 3],
        day_at[0],
    ]
    assert ENG._many_interior([first], -_REACH - 1) is None
    assert ENG._many_interior([first, first], [3, -_REACH - 1]) is None
    assert day_at[0] == ENG.add_working_days(first, -_REACH)
    assert day_at[_REACH + 3] == ENG.add_working_days(first, 3)


class _CountsShorterThanTheirLen(Sequence):
    """A sequence of counts whose len() claims one more count than it yields."""

    def __init__(self, counts):
        self._counts = counts

    def __len__(self):
        return len(self._counts) + 1

    def __getitem__(self, i):
        return self._counts[i]


def test_the_fast_path_never_cuts_a_batch_short():
    # Every start gets its answer or the fast path steps aside: counts that
    # run out before the starts (or outlast them) must not give a shorter list.
    a, b = D(2025, 4, 15), D(2025, 4, 16)
    assert ENG._many_interior([a, b], [5]) is None
    assert ENG._many_interior([a], [5, 6]) is None
    assert ENG._many_interior([a, b], [5, 6]) == [
        ENG.add_working_days(a, 5),
        ENG.add_working_days(b, 6),
    ]
    # Through the public call, a sequence whose len() passes the length check
    # but which yields a count too few is refused, not answered for fewer starts.
    with pytest.raises(ValueError):
        ENG.add_working_days_many([a, b], _CountsShorterThanTheirLen([5]))


@pytest.mark.parametrize("dtype", [np.int8, np.int16, np.uint16, np.int64])
def test_numpy_counts_of_any_integer_type_give_the_answers_of_python_ints(dtype):
    # numpy's own integer types overflow (int8) or wrap round (unsigned)
    # when added to a table index; they must give the same answers as ints.
    starts = [D(2025, 4, 15), D(2025, 4, 16), D(2025, 4, 19)]
    counts = [5, 100, 0]
    expected = [ENG.add_working_days(s, n) for s, n in zip(starts, counts, strict=True)]
    assert ENG.add_working_days_many(starts, np.array(counts, dtype)) == expected
    assert ENG.add_working_days_many(starts, [dtype(n) for n in counts]) == expected


@pytest.mark.parametrize("as_list", [False, True])
def test_a_huge_unsigned_numpy_count_leaves_the_data_rather_than_wrapping_round(
    as_list,
):
    # 2**64 - 5 as uint64 wraps round to a small index when added to one.
    counts = np.array([2**64 - 5], np.uint64)
    with pytest.raises(OutsideCalendarError):
        ENG.add_working_days_many([D(2025, 4, 15)], list(counts) if as_list else counts)


def test_starts_from_an_iterator_are_all_answered():
    starts = [D(2025, 4, 15), D(2025, 4, 19), D(2025, 4, 16)]  # a Saturday between
    expected = [ENG.add_working_days(s, 1) for s in starts]
    assert ENG.add_working_days_many(iter(starts), 1) == expected
    assert ENG.add_working_days_many((s for s in starts), [1, 1, 1]) == expected


def test_a_float_count_in_a_batch_is_still_an_error():
    with pytest.raises(InvalidTypeError, match=r"days\[0\]"):
        ENG.add_working_days_many([D(2025, 4, 15)], [5.0])


# -- the calendar as a value: calendar-taking paths equal the public ones ------------

_CLOSURE_DAYS = st.lists(st.dates(D(2024, 1, 1), D(2026, 12, 31)), max_size=8)


@given(
    start=st.dates(D(2023, 1, 1), D(2026, 6, 30)),
    region=st.sampled_from(REGIONS),
    closures=_CLOSURE_DAYS,
    code=st.sampled_from(["ehc.final-plan", "area-send.pap.submit", "ehc.advice"]),
)
def test_deadline_on_a_calendar_equals_deadline_with_region_and_closures(
    start, region, closures, code
):
    from sendkit.rules import deadline, due_date
    from sendkit.rules._engine import deadline_on, due_date_on

    calendar = calendar_for(region, closures)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", HolidayHorizonWarning)
        public = deadline(code, start, region=region, closures=iter(closures))
        assert deadline_on(code, start, calendar) == public
        assert due_date_on(code, start, calendar) == public.due
        assert due_date(code, start, region=region, closures=closures) == public.due


@given(
    received=st.dates(D(2022, 1, 1), D(2025, 12, 31)),
    region=st.sampled_from(REGIONS),
    closures=_CLOSURE_DAYS,
)
def test_open_steps_reads_a_generator_of_closures_once_for_every_case(
    received, region, closures
):
    from sendkit.ehc import EhcCase, case_timeline, open_steps
    from sendkit.ehc._timeline import timeline_on

    cases = [
        EhcCase(case_id=f"C{i}", received=received + dt.timedelta(days=i))
        for i in range(3)
    ]
    as_of = received + dt.timedelta(days=60)
    calendar = calendar_for(region, closures)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", HolidayHorizonWarning)
        from_generator = open_steps(
            cases, as_of=as_of, region=region, closures=(d for d in closures)
        )
        from_list = open_steps(cases, as_of=as_of, region=region, closures=closures)
        assert from_generator == from_list
        for case in cases:
            assert timeline_on(case, calendar, as_of=as_of) == case_timeline(
                case, as_of=as_of, region=region, closures=closures
            )


def test_a_calendar_is_an_immutable_value_with_its_closures_read_once():
    days = [D(2025, 12, 24), D(2025, 12, 29)]
    cal = WorkingCalendar("scotland", (d for d in days))
    assert cal.closures == frozenset(days)
    assert cal == WorkingCalendar("scotland", days)
    assert hash(cal) == hash(WorkingCalendar("scotland", days))
    with pytest.raises(AttributeError):
        cal.region = "england-and-wales"  # type: ignore[misc]
