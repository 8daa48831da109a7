"""The one Excel-serial converter in `sendkit.dates`, shared by readers and the add-in."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sendkit.dates import date_to_excel_serial, excel_serial_to_date
from sendkit.errors import InvalidInputError, InvalidTypeError


@pytest.mark.parametrize(
    ("serial", "day"),
    [
        (1, dt.date(1900, 1, 1)),
        (59, dt.date(1900, 2, 28)),
        (61, dt.date(1900, 3, 1)),
        (45062, dt.date(2023, 5, 16)),
        (2_958_465, dt.date(9999, 12, 31)),
    ],
)
def test_1900_serials_match_excel(serial: int, day: dt.date) -> None:
    assert excel_serial_to_date(serial) == day
    assert date_to_excel_serial(day) == serial


def test_1904_system_is_1462_days_behind_1900() -> None:
    # Microsoft documents the difference between the systems as 1,462 days.
    day = dt.date(2024, 12, 25)
    assert date_to_excel_serial(day) - date_to_excel_serial(day, date1904=True) == 1462
    assert excel_serial_to_date(1, date1904=True) == dt.date(1904, 1, 2)


@pytest.mark.parametrize("serial", [0, -1, 60, 2_958_466, float("nan"), float("inf")])
def test_no_date_serials_are_refused(serial: float) -> None:
    with pytest.raises(InvalidInputError):
        excel_serial_to_date(serial)


@pytest.mark.parametrize("value", [True, "45062", None])
def test_non_numbers_are_refused(value: object) -> None:
    with pytest.raises(InvalidTypeError):
        excel_serial_to_date(value)  # type: ignore[arg-type]


def test_time_of_day_is_dropped() -> None:
    assert excel_serial_to_date(45062.99) == dt.date(2023, 5, 16)


@given(st.dates(dt.date(1900, 1, 1), dt.date(9999, 12, 31)), st.booleans())
def test_round_trip_for_every_showable_day(day: dt.date, date1904: bool) -> None:
    if date1904 and day <= dt.date(1904, 1, 1):
        with pytest.raises(InvalidInputError):
            date_to_excel_serial(day, date1904=True)
        return
    serial = date_to_excel_serial(day, date1904=date1904)
    assert excel_serial_to_date(serial, date1904=date1904) == day
