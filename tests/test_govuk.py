"""sendkit's bank holidays against GOV.UK's own published list.

GOV.UK publishes https://www.gov.uk/bank-holidays.json; the govuk-bank-holidays
package (a test dependency) ships a copy of it, which is what these tests read,
never the network. GOV.UK lists only the day off actually taken (the substitute
Monday, not the Saturday), which is exactly sendkit's set of weekday
non-working days with no local closures.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import holidays
import pytest
from govuk_bank_holidays import bank_holidays as govuk_module
from govuk_bank_holidays.bank_holidays import BankHolidays

from sendkit.calendars import ANNOUNCED_THROUGH, REGIONS, Reason, calendar_for

D = dt.date

# Days where sendkit (from the ``holidays`` package) and the bundled GOV.UK list
# are known to differ, with the reason. Each one is checked explicitly below.
KNOWN_DIFFERENCES = {
    # Scotland's bank holiday for the men's team in the 2026 FIFA World Cup
    # (Monday 15 June 2026) was made by royal proclamation in February 2026.
    # `holidays` 0.109 has it ("Scotland's participation in the FIFA World Cup
    # final"); the bank-holidays.json bundled in govuk-bank-holidays 0.19 was
    # copied from GOV.UK before then. GOV.UK's live list has since been updated
    # too, so a later govuk-bank-holidays release will agree; the test then
    # simply finds no difference and still passes.
    ("scotland", D(2026, 6, 15)): "sendkit only: announced after the JSON was bundled",
}


@pytest.fixture(scope="module")
def govuk() -> Iterator[BankHolidays]:
    """GOV.UK's list as bundled in the package, with the network blocked."""

    def no_network(*args: object, **kwargs: object) -> None:
        msg = "tests must not download bank holidays"
        raise AssertionError(msg)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(govuk_module.requests, "get", no_network)
        yield BankHolidays(use_cached_holidays=True)


def govuk_dates(govuk: BankHolidays, region: str) -> dict[dt.date, dict[str, object]]:
    return {item["date"]: item for item in govuk.get_holidays(division=region)}


def govuk_years(govuk: BankHolidays) -> range:
    days = [d for region in REGIONS for d in govuk_dates(govuk, region)]
    return range(min(days).year, max(days).year + 1)


def sendkit_dates(region: str, year: int) -> set[dt.date]:
    cal = calendar_for(region)
    found = cal.holidays_between(D(year, 1, 1), D(year, 12, 31))
    assert all(item.reason is Reason.BANK_HOLIDAY for item in found)
    return {item.day for item in found}


def test_govuk_list_is_the_expected_shape(govuk: BankHolidays) -> None:
    assert set(govuk.data) == set(REGIONS)
    years = govuk_years(govuk)
    assert years.start == 2012
    assert len(years) >= 17
    for region in REGIONS:
        assert all(d.weekday() < 5 for d in govuk_dates(govuk, region))


@pytest.mark.parametrize("region", REGIONS)
def test_every_year_matches_govuk(govuk: BankHolidays, region: str) -> None:
    """Each region's weekday bank holidays, year by year, equal GOV.UK's."""
    theirs_all = govuk_dates(govuk, region)
    problems = []
    differences = set()
    for year in govuk_years(govuk):
        theirs = {d for d in theirs_all if d.year == year}
        ours = sendkit_dates(region, year)
        for day in sorted(ours ^ theirs):
            if (region, day) in KNOWN_DIFFERENCES:
                differences.add(day)
            else:
                side = "sendkit only" if day in ours else "GOV.UK only"
                problems.append(f"{region} {day} ({day:%a}): {side}")
    assert not problems, "\n".join(problems)
    # Known differences must still go the documented way: in sendkit, not GOV.UK.
    for day in differences:
        assert not calendar_for(region).is_working_day(day)
        assert day not in theirs_all


@pytest.mark.parametrize("region", REGIONS)
def test_govuk_days_are_not_working_days(govuk: BankHolidays, region: str) -> None:
    cal = calendar_for(region)
    working = [d for d in govuk_dates(govuk, region) if cal.is_working_day(d)]
    assert working == []


def test_scotland_world_cup_day_is_the_documented_difference(
    govuk: BankHolidays,
) -> None:
    day = D(2026, 6, 15)
    reason = calendar_for("scotland").why_not_working(day)
    assert reason is not None
    assert reason.reason is Reason.BANK_HOLIDAY
    assert "FIFA World Cup" in reason.name
    # Scotland only: England and Wales and Northern Ireland work that Monday.
    assert calendar_for("england-and-wales").is_working_day(day)
    assert calendar_for("northern-ireland").is_working_day(day)
    if day in govuk_dates(govuk, "scotland"):  # a newer bundled list: no difference
        return
    assert ("scotland", day) in KNOWN_DIFFERENCES


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize(
    "day", [D(2012, 6, 5), D(2022, 6, 3), D(2022, 9, 19), D(2023, 5, 8)]
)
def test_one_off_days(govuk: BankHolidays, region: str, day: dt.date) -> None:
    """Diamond Jubilee, Platinum Jubilee, State Funeral, Coronation: all regions."""
    assert day in govuk_dates(govuk, region)
    reason = calendar_for(region).why_not_working(day)
    assert reason is not None
    assert reason.reason is Reason.BANK_HOLIDAY


def test_one_off_bank_holidays_are_named() -> None:
    """The jubilees, the State Funeral and the Coronation are non-working days named after the occasion."""
    names = {
        D(2012, 6, 5): "Diamond Jubilee",
        D(2022, 6, 3): "Platinum Jubilee",
        D(2022, 9, 19): "State Funeral",
        D(2023, 5, 8): "Coronation",
    }
    for day, fragment in names.items():
        reason = calendar_for("england-and-wales").why_not_working(day)
        assert reason is not None
        assert fragment in reason.name


def test_diamond_jubilee_is_govuks_extra_bank_holiday(govuk: BankHolidays) -> None:
    for region in REGIONS:
        assert (
            govuk_dates(govuk, region)[D(2012, 6, 5)]["notes"] == "Extra bank holiday"
        )


# Substitute days: GOV.UK marks them "Substitute day"; sendkit must skip them,
# while the weekend day the holiday fell on is reported as a weekend.
SUBSTITUTES = [
    # (region, substitute day, the weekend day it replaces)
    ("england-and-wales", D(2021, 12, 27), D(2021, 12, 25)),
    ("england-and-wales", D(2021, 12, 28), D(2021, 12, 26)),
    ("england-and-wales", D(2022, 1, 3), D(2022, 1, 1)),
    ("england-and-wales", D(2022, 12, 27), D(2022, 12, 25)),
    ("scotland", D(2022, 1, 4), D(2022, 1, 2)),
    ("scotland", D(2025, 12, 1), D(2025, 11, 30)),
    ("northern-ireland", D(2024, 3, 18), D(2024, 3, 17)),
    ("northern-ireland", D(2026, 7, 13), D(2026, 7, 12)),
]


@pytest.mark.parametrize(("region", "substitute", "weekend_day"), SUBSTITUTES)
def test_substitute_day_is_a_bank_holiday_and_the_day_it_replaces_a_weekend(
    govuk: BankHolidays, region: str, substitute: dt.date, weekend_day: dt.date
) -> None:
    """A GOV.UK substitute day is a bank holiday; the weekend day it replaces is reported as a weekend."""
    assert govuk_dates(govuk, region)[substitute]["notes"] == "Substitute day"
    cal = calendar_for(region)
    reason = cal.why_not_working(substitute)
    assert reason is not None
    assert reason.reason is Reason.BANK_HOLIDAY
    weekend = cal.why_not_working(weekend_day)
    assert weekend is not None
    assert weekend.reason is Reason.WEEKEND
    assert weekend_day not in govuk_dates(govuk, region)


def test_substitute_days_move_deadlines() -> None:
    """Friday 24 Dec 2021 plus one working day is Wednesday 29 Dec (E&W)."""
    assert calendar_for().add_working_days(D(2021, 12, 24), 1) == D(2021, 12, 29)
    assert calendar_for().add_working_days(D(2022, 12, 23), 1) == D(2022, 12, 28)


def test_substitute_day_counts_match_govuk(govuk: BankHolidays) -> None:
    """Every substitute day GOV.UK lists is a sendkit non-working weekday."""
    for region in REGIONS:
        cal = calendar_for(region)
        subs = [
            d
            for d, item in govuk_dates(govuk, region).items()
            if item["notes"] == "Substitute day"
        ]
        assert len(subs) > 10
        assert not [d for d in subs if cal.is_working_day(d)]


def test_announced_horizon_is_govuks_last_year(govuk: BankHolidays) -> None:
    """ANNOUNCED_THROUGH must move with GOV.UK's list when the package updates."""
    assert ANNOUNCED_THROUGH.year == govuk_years(govuk)[-1]
    assert D(ANNOUNCED_THROUGH.year, 12, 31) == ANNOUNCED_THROUGH


def test_bare_gb_calendar_lacks_easter_monday() -> None:
    """The trap sendkit avoids: `holidays` with no subdivision gives only the
    days common to the whole UK, without Easter Monday or the August holiday."""
    bare = holidays.country_holidays("GB", years=2024)
    easter_monday, august = D(2024, 4, 1), D(2024, 8, 26)
    assert easter_monday not in bare
    assert august not in bare
    cal = calendar_for("england-and-wales")
    assert not cal.is_working_day(easter_monday)
    assert not cal.is_working_day(august)
    assert not calendar_for("northern-ireland").is_working_day(easter_monday)
    # Scotland has no Easter Monday bank holiday and takes the first Monday
    # of August instead of the last.
    assert calendar_for("scotland").is_working_day(easter_monday)
    assert not calendar_for("scotland").is_working_day(D(2024, 8, 5))
