"""add_working_days_many refuses a start that is not a date, as add_working_days does.

An object with a ``toordinal()`` method is not a date: ``arrow.Arrow`` has
one, for instance, and ``datetime.date.toordinal`` is what the calendar's
tables are indexed by. The batch call must name such a start by its
position, whatever the shape of *days*, and never answer for it.
"""

from __future__ import annotations

import datetime as dt

import pytest

from sendkit import InvalidTypeError, WorkingCalendar


class _DateLike:
    """Quacks like a date for toordinal() alone."""

    def toordinal(self) -> int:
        return dt.date(2024, 3, 4).toordinal()


DAY = dt.date(2024, 3, 4)  # a Monday, a working day in England and Wales


@pytest.mark.parametrize("days", [5, -3, 0, [5, 5], [-3, -3], [0, 0], [5, -3]])
def test_a_date_like_start_is_refused_by_position(days: int | list[int]) -> None:
    with pytest.raises(InvalidTypeError, match=r"starts\[1\] must be a datetime\.date"):
        WorkingCalendar().add_working_days_many([DAY, _DateLike()], days)


@pytest.mark.parametrize("days", [5, -3, [5], [-3]])
def test_a_date_like_start_on_its_own_is_refused(days: int | list[int]) -> None:
    with pytest.raises(
        InvalidTypeError, match=r"^starts\[0\] must be a datetime\.date, got "
    ):
        WorkingCalendar().add_working_days_many([_DateLike()], days)


def test_a_date_like_start_is_refused_like_the_scalar_call() -> None:
    with pytest.raises(InvalidTypeError, match=r"must be a datetime\.date"):
        WorkingCalendar().add_working_days(_DateLike(), 5)  # type: ignore[arg-type]


@pytest.mark.parametrize("days", [5, -3, 0, [5, -3]])
def test_datetime_starts_still_mean_their_date(days: int | list[int]) -> None:
    """A datetime is a date (a subclass): the batch call answers as the scalar one."""
    cal = WorkingCalendar()
    stamps = [dt.datetime(2024, 3, 3, 12), dt.datetime(2024, 3, 4, 9)]
    counts = days if isinstance(days, list) else [days, days]
    expected = [
        cal.add_working_days(stamp, n) for stamp, n in zip(stamps, counts, strict=True)
    ]
    assert cal.add_working_days_many(stamps, days) == expected


def test_zero_days_from_a_datetime_gives_its_date() -> None:
    stamps = [dt.datetime(2024, 3, 3, 12), dt.datetime(2024, 3, 4, 9)]
    assert WorkingCalendar().add_working_days_many(stamps, 0) == [
        dt.date(2024, 3, 3),
        dt.date(2024, 3, 4),
    ]
