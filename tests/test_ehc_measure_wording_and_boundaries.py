"""Behaviour of the EHC 20-week measure that mutation testing found unpinned.

Each class pins one public behaviour of ``sendkit/ehc/_measure.py`` that a
surviving mutant changed without any test noticing: the measure's definition
and convention texts (they travel with every published figure, so they are a
promise to users, pinned word for word), the day-140 and 52-week boundaries,
the months plans are counted in, and the JSON form.
"""

from __future__ import annotations

import datetime as dt

import pytest

from sendkit import get_rule
from sendkit.ehc import (
    EhcCase,
    convention_text,
    measure_definition,
    timeliness,
)
from sendkit.errors import InvalidInputError, InvalidTypeError

D = dt.date
EES = (
    "https://explore-education-statistics.service.gov.uk/find-statistics/"
    "education-health-and-care-plans"
)
REG_13 = "https://www.legislation.gov.uk/uksi/2014/1530/regulation/13/made"

UNIT = (
    "Counted: every new EHC plan issued in the calendar year (SEN2 StartDate), one "
    "per request; its time is StartDate - ReceivedDate in days. A plan recorded "
    "after a decision not to assess or not to issue still counts, as DfE counts the "
    "plans issued (plans_issued_den in DfE's timeliness_20_week.csv, "
    f"{EES}), and sendkit queries the row."
)
EXCLUSION = (
    "Excluding exceptions: cases with Week20 = 1 leave both the numerator and the "
    "denominator. DfE does not state this; it is inferred from the counts DfE "
    f"publishes in timeliness_20_week.csv ({EES}): Gateshead 2024 has 266 plans, "
    "219 in time, and 245 and 198 without its 21 exception cases."
)
WEEK20_BLANK = (
    "A plan with Week20 blank counts as an exception only if an exception reason is "
    "recorded (sendkit's rule; SEN2 expects Week20 on every issued plan, so such "
    "rows are queried)."
)
DAY_140_IN_TIME = (
    "Day 0 is the day the request was received (SEN2 ReceivedDate). A plan issued "
    "on day 140 (received + 20 weeks) counts as within 20 weeks. This end-day "
    "convention is sendkit's assumption [U]: neither the SEND Regulations 2014 reg "
    f"13(2) ({REG_13}) nor DfE's statistics say whether day 140 is in time. Use "
    "boundary_inclusive=False (command line: --day-140-late) to count day 140 as "
    "late."
)
DAY_140_LATE = (
    "The day the request was received is day 1 (the Regulations' reading). A plan "
    "issued on received + 140 days is late; the last day in time is received + 139 "
    "days. This end-day convention is unconfirmed [U]: neither the SEND Regulations "
    f"2014 reg 13(2) ({REG_13}) nor DfE's statistics settle it; sendkit's default "
    "(boundary_inclusive=True) counts that day as in time."
)


def _band_52(days: int) -> str:
    return (
        f"Over 52 weeks: more than {days} days. Whether DfE's plans_issued_gt_1_year "
        "starts after 52 weeks (364 days) or after 365 days is unconfirmed (DfE's "
        "timeliness_20_week.csv does not say)."
    )


LIMIT = (
    "Within 20 weeks: 140 days, from the ehc.final-plan rule (SEND Regulations "
    "2014, reg 13(2))."
)


class TestDefinitionWording:
    """Every part of the measure's definition, word for word, with its confidence."""

    def test_day_140_in_time(self):
        parts = measure_definition(
            limit_days=140, boundary_inclusive=True, rule=get_rule("ehc.final-plan")
        )
        assert [(p.item, p.confidence, p.text) for p in parts] == [
            ("unit", "[S]", UNIT),
            ("limit", get_rule("ehc.final-plan").confidence.tag, LIMIT),
            ("exclusion", "[INFERRED]", EXCLUSION),
            ("week20_blank", "[U]", WEEK20_BLANK),
            ("day_140", "[U]", DAY_140_IN_TIME),
            ("band_52_weeks", "[U]", _band_52(364)),
        ]

    def test_day_140_late(self):
        parts = measure_definition(limit_days=140, boundary_inclusive=False)
        assert [(p.item, p.confidence, p.text) for p in parts] == [
            ("unit", "[S]", UNIT),
            ("limit", "[U]", LIMIT),
            ("exclusion", "[INFERRED]", EXCLUSION),
            ("week20_blank", "[U]", WEEK20_BLANK),
            ("day_140", "[U]", DAY_140_LATE),
            ("band_52_weeks", "[U]", _band_52(363)),
        ]

    def test_items_as_json(self):
        part = measure_definition(limit_days=140, boundary_inclusive=True)[3]
        assert part.to_dict() == {
            "item": "week20_blank",
            "text": WEEK20_BLANK,
            "confidence": "[U]",
        }

    def test_convention_follows_the_limit(self):
        assert convention_text(limit_days=140, boundary_inclusive=True) == (
            DAY_140_IN_TIME
        )
        assert convention_text(limit_days=140, boundary_inclusive=False) == (
            DAY_140_LATE
        )
        seventy = convention_text(limit_days=70, boundary_inclusive=True)
        assert "day 70 (received + 10 weeks) counts as within 10 weeks" in seventy
        assert "to count day 70 as late." in seventy
        late = convention_text(limit_days=70, boundary_inclusive=False)
        assert "received + 70 days is late; the last day in time is received + 69" in (
            late
        )


def _case(case_id, received, issued, **extra):
    return EhcCase(case_id=case_id, received=received, plan_issued=issued, **extra)


def _after(received, days):
    return received + dt.timedelta(days=days)


class TestBoundaries:
    """Day 140 and day 364 (52 weeks) fall on the side the convention says."""

    RECEIVED = D(2023, 6, 1)

    def _bands(self, days, *, inclusive):
        result = timeliness(
            [_case("A", self.RECEIVED, _after(self.RECEIVED, days), week20=False)],
            year=_after(self.RECEIVED, days).year,
            boundary_inclusive=inclusive,
        )
        return (
            result.within_20_weeks,
            result.over_20_to_52_weeks,
            result.over_52_weeks,
        )

    @pytest.mark.parametrize(
        ("days", "inclusive", "bands"),
        [
            (139, False, (1, 0, 0)),
            (140, True, (1, 0, 0)),
            (140, False, (0, 1, 0)),
            (141, True, (0, 1, 0)),
            (363, False, (0, 1, 0)),
            (364, True, (0, 1, 0)),
            (364, False, (0, 0, 1)),
            (365, True, (0, 0, 1)),
        ],
    )
    def test_band_of_a_plan_issued_on_day(self, days, inclusive, bands):
        assert self._bands(days, inclusive=inclusive) == bands


class TestYearsAndMonths:
    """A plan counts in the year and month it was issued, ends included."""

    def test_first_and_last_days_of_the_year_and_months(self):
        received = D(2023, 9, 1)
        cases = [
            _case("A", received, D(2024, 1, 1), week20=False),
            _case("B", received, D(2024, 1, 31), week20=True),
            _case("C", received, D(2024, 2, 1), week20=False),
            _case("D", received, D(2024, 2, 29), week20=False),
            _case("E", received, D(2024, 12, 31), week20=False),
            _case("F", received, D(2023, 12, 31), week20=False),
            _case("G", received, D(2025, 1, 1), week20=False),
            EhcCase(case_id="H", received=received),
        ]
        result = timeliness(cases, year=2024)
        assert result.issued == 5
        assert result.issued_excluding_exceptions == 4
        assert result.exceptions == 1
        issued = [m.issued for m in result.by_month]
        assert issued == [2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]
        assert [m.issued_excluding_exceptions for m in result.by_month][:2] == [1, 2]
        assert [m.month for m in result.by_month] == list(range(1, 13))

    @pytest.mark.parametrize("year", [0, 10_000, -1])
    def test_a_year_outside_1_to_9999_is_refused(self, year):
        with pytest.raises(InvalidInputError) as caught:
            timeliness([], year=year)
        assert str(caught.value) == f"year must be between 1 and 9999, got {year}"

    def test_the_first_and_last_representable_years_work(self):
        assert timeliness([], year=1).issued == 0
        assert timeliness([], year=9999).issued == 0

    def test_a_year_that_is_not_a_whole_number_is_refused(self):
        with pytest.raises(InvalidTypeError):
            timeliness([], year="2024")  # type: ignore[arg-type]


class TestFiguresAndJson:
    """Counts, percentages (1 decimal place), averages and months in the JSON form."""

    def test_a_small_year_in_full(self):
        received = D(2024, 1, 8)
        cases = [
            _case("A", received, _after(received, 140), week20=False),
            _case("B", received, _after(received, 141), week20=False),
            _case("C", received, _after(received, 100), week20=True),
            _case("D", received, _after(received, 370), exceptions=("X",)),
            _case("E", received, _after(received, 10)),
        ]
        result = timeliness(cases, year=_after(received, 140).year)
        assert result.year == 2024
        data = result.to_dict()
        assert {k: data[k] for k in list(data)[:16]} == {
            "year": 2024,
            "issued": 4,
            "within_20_weeks": 3,
            "percent": 75.0,
            "issued_excluding_exceptions": 3,
            "within_20_weeks_excluding_exceptions": 2,
            "percent_excluding_exceptions": 66.7,
            "exceptions": 1,
            "week20_not_recorded": 1,
            "over_20_to_52_weeks": 1,
            "over_52_weeks": 0,
            "over_20_to_52_weeks_excluding_exceptions": 1,
            "over_52_weeks_excluding_exceptions": 0,
            "average_weeks": round((140 + 141 + 100 + 10) / 4 / 7, 1),
            "average_weeks_excluding_exceptions": round((140 + 141 + 10) / 3 / 7, 1),
            "by_month": data["by_month"],
        }
        assert data["limit_days"] == 140
        assert data["boundary_inclusive"] is True
        assert data["convention"] == DAY_140_IN_TIME
        assert [part["item"] for part in data["definition"]] == [
            "unit",
            "limit",
            "exclusion",
            "week20_blank",
            "day_140",
            "band_52_weeks",
        ]
        assert data["rule"]["code"] == "ehc.final-plan"
        assert data["national"] == (
            None if result.national is None else result.national.to_dict()
        )

    def test_month_figures_as_json(self):
        received = D(2024, 1, 8)
        cases = [
            _case("A", received, D(2024, 5, 27), week20=False),
            _case("B", received, D(2024, 5, 28), week20=False),
            _case("C", received, D(2024, 5, 29), week20=True),
        ]
        may = timeliness(cases, year=2024).by_month[4]
        assert may.to_dict() == {
            "month": 5,
            "issued": 3,
            "within_20_weeks": 1,
            "issued_excluding_exceptions": 2,
            "within_20_weeks_excluding_exceptions": 1,
            "percent": 33.3,
            "percent_excluding_exceptions": 50.0,
        }
        june = timeliness(cases, year=2024).by_month[5]
        assert june.to_dict()["percent"] is None
        assert june.to_dict()["percent_excluding_exceptions"] is None

    def test_a_year_with_no_plans_has_no_percentages_or_averages(self):
        data = timeliness([], year=2024).to_dict()
        assert data["percent"] is None
        assert data["percent_excluding_exceptions"] is None
        assert data["average_weeks"] is None
        assert data["average_weeks_excluding_exceptions"] is None


class TestExceptionCasesByMonth:
    """An exception case is counted on its own day of issue, in time or not."""

    def test_on_the_first_and_last_days_of_a_month(self):
        received = D(2023, 11, 1)
        cases = [
            _case("A", received, D(2024, 1, 31), week20=True),  # day 91: in time
            _case("B", received, D(2024, 2, 1), week20=True),  # day 92: in time
            _case("C", D(2023, 1, 2), D(2024, 3, 1), week20=True),  # over 52 weeks
        ]
        months = timeliness(cases, year=2024).by_month
        assert [(m.issued, m.within_20_weeks) for m in months[:3]] == [
            (1, 1),
            (1, 1),
            (1, 0),
        ]
        assert [m.issued_excluding_exceptions for m in months[:3]] == [0, 0, 0]

    def test_every_blank_week20_is_counted(self):
        received = D(2024, 1, 8)
        cases = [
            _case(f"B{n}", received, D(2024, 5, 1) + dt.timedelta(days=n))
            for n in range(3)
        ]
        assert timeliness(cases, year=2024).week20_not_recorded == 3


class TestYearArgumentAndNationalFigure:
    """The year is named in a type error; a year sendkit has no national figure for gives None."""

    def test_a_text_year_is_refused_by_name(self):
        with pytest.raises(InvalidTypeError) as caught:
            timeliness([], year="2024")  # type: ignore[arg-type]
        assert str(caught.value) == (
            "year must be a whole number (int), got '2024' (str)"
        )

    def test_no_national_figure(self):
        result = timeliness([], year=2010)
        assert result.national is None
        assert result.to_dict()["national"] is None
