"""Reading and checking dates as officers write them.

sendkit's core takes `datetime.date` values.
This module is the one place that turns text into dates, for the command line,
the file readers and the Excel add-in:
ISO ``YYYY-MM-DD`` and UK ``DD/MM/YYYY`` are accepted; US month-first order never is.
"""

from __future__ import annotations

import datetime as dt
import re

import attrs

from .errors import InvalidInputError, InvalidTypeError

__all__ = [
    "as_date",
    "as_int",
    "check_day",
    "check_optional_day",
    "long_date",
    "parse_date",
    "to_day",
]

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_UK = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")

ACCEPTED_DATE_FORMS = "YYYY-MM-DD or DD/MM/YYYY"

# English names, not the machine's locale: reports read the same everywhere.
WEEKDAY_NAMES = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def long_date(day: dt.date) -> str:
    """Write *day* as officers read it in a report, whatever the locale.

    Examples:
        >>> long_date(dt.date(2023, 7, 5))
        'Wednesday 5 July 2023'
    """
    return f"{WEEKDAY_NAMES[day.weekday()]} {day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def parse_date(text: object, *, field: str = "date") -> dt.date:
    """Read a date written as ``YYYY-MM-DD`` or UK ``DD/MM/YYYY``.

    Surrounding spaces are ignored, and an ISO date with a midnight time
    (``2023-05-16 00:00:00``, as spreadsheets export it) is accepted.
    Two-digit years and US month-first order are refused, never guessed.

    Args:
        text: The text to read.
        field: The name to use for the value in an error message.

    Returns:
        The date.

    Raises:
        InvalidInputError: The text is not a real date in an accepted form.
        InvalidTypeError: *text* is not a string.

    Examples:
        >>> parse_date("16/05/2023")
        datetime.date(2023, 5, 16)
        >>> parse_date("2023-02-30")
        Traceback (most recent call last):
        ...
        sendkit.errors.InvalidInputError: date '2023-02-30' is not a real date (there is no day 30 in February 2023)
    """
    if not isinstance(text, str):
        msg = f"{field} must be text, got {text!r} ({type(text).__name__})"
        raise InvalidTypeError(msg)
    value = text.strip()
    for suffix in (" 00:00:00", "T00:00:00"):
        value = value.removesuffix(suffix)
    if match := _ISO.fullmatch(value):
        year, month, day = (int(part) for part in match.groups())
    elif match := _UK.fullmatch(value):
        day, month, year = (int(part) for part in match.groups())
    else:
        msg = f"{field} {text!r} is not a date; expected {ACCEPTED_DATE_FORMS}"
        raise InvalidInputError(msg)
    try:
        return dt.date(year, month, day)
    except ValueError:
        if not 1 <= month <= 12:  # noqa: PLR2004
            why = f"there is no month {month}"
            if match.re is _UK and 1 <= day <= 12:  # noqa: PLR2004
                why += "; dates are read day first (DD/MM/YYYY)"
        else:
            month_name = dt.date(2000, month, 1).strftime("%B")
            why = f"there is no day {day} in {month_name} {year}"
        msg = f"{field} {text!r} is not a real date ({why})"
        raise InvalidInputError(msg) from None


def as_date(value: object, name: str) -> dt.date:
    """Check that *value* is a date; a `datetime.datetime` means its date.

    Args:
        value: The argument as given.
        name: The argument's name, for the error message.

    Returns:
        The date.

    Raises:
        InvalidTypeError: *value* is not a `datetime.date`.
    """
    if type(value) is dt.date:
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return dt.date(value.year, value.month, value.day)
    hint = (
        " (read text with sendkit.parse_date first)" if isinstance(value, str) else ""
    )
    msg = (
        f"{name} must be a datetime.date, got {value!r} ({type(value).__name__}){hint}"
    )
    raise InvalidTypeError(msg)


def as_int(value: object, name: str) -> int:
    """Check that *value* is a whole number (not a bool, not a float).

    Raises:
        InvalidTypeError: *value* is not an integer.
    """
    if type(value) is int:
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return int(value)
    if not isinstance(value, bool) and hasattr(value, "__index__"):
        return int(value.__index__())  # numpy integers
    msg = f"{name} must be a whole number (int), got {value!r} ({type(value).__name__})"
    raise InvalidTypeError(msg)


def to_day(value: dt.date | None) -> dt.date | None:
    """Turn a `datetime.datetime` (or a pandas ``Timestamp``) into its date.

    An attrs converter for date fields: a spreadsheet or pandas datetime means
    its day. Anything else, ``None`` included, passes through for the field's
    validator to judge by name.

    Examples:
        >>> to_day(dt.datetime(2024, 1, 8, 9, 30)), to_day(None)
        (datetime.date(2024, 1, 8), None)
    """
    return value.date() if isinstance(value, dt.datetime) else value


def check_day(
    instance: object, attribute: attrs.Attribute[dt.date], value: object
) -> None:
    """An attrs validator: *value* must be a date; the error names the field."""
    as_date(value, f"{type(instance).__name__}.{attribute.name}")


def check_optional_day(
    instance: object, attribute: attrs.Attribute[dt.date | None], value: object
) -> None:
    """Like `check_day`, letting ``None`` (not recorded) through."""
    if value is not None:
        as_date(value, f"{type(instance).__name__}.{attribute.name}")
