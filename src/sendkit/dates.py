"""Reading and checking dates as officers write them.

sendkit's core takes `datetime.date` values.
This module is the one place that turns text into dates, for the command line,
the file readers and the Excel add-in:
ISO ``YYYY-MM-DD`` and UK ``DD/MM/YYYY`` are accepted; US month-first order never is.
"""

from __future__ import annotations

import datetime as dt
import math
import re

import attrs

from .errors import InvalidInputError, InvalidTypeError

__all__ = [
    "as_date",
    "as_int",
    "check_day",
    "check_optional_day",
    "date_to_excel_serial",
    "excel_serial_to_date",
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

    Error messages name *field* and say what is accepted, but never repeat
    the text: it may come from a cell of children's data.

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
        sendkit.errors.InvalidInputError: date is not a real date (that month has no such day)
    """
    if not isinstance(text, str):
        msg = f"{field} must be text, got {type(text).__name__}"
        raise InvalidTypeError(msg)
    value = text.strip()
    for suffix in (" 00:00:00", "T00:00:00"):
        value = value.removesuffix(suffix)
    if match := _ISO.fullmatch(value):
        year, month, day = (int(part) for part in match.groups())
    elif match := _UK.fullmatch(value):
        day, month, year = (int(part) for part in match.groups())
    else:
        msg = f"{field} is not a date; expected {ACCEPTED_DATE_FORMS}"
        raise InvalidInputError(msg)
    try:
        return dt.date(year, month, day)
    except ValueError:
        if not 1 <= month <= 12:  # noqa: PLR2004
            why = "the month is not 1-12"
            if match.re is _UK and 1 <= day <= 12:  # noqa: PLR2004
                why += "; dates are read day first (DD/MM/YYYY)"
        elif year < 1:
            why = "there is no year 0"
        else:
            why = "that month has no such day"
        msg = f"{field} is not a real date ({why})"
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
        try:
            return int(value.__index__())  # numpy integers
        except (TypeError, ValueError):
            pass  # an array of one or more numbers has __index__ but refuses it
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


# Excel's 1900 date system counts days from 31 December 1899 = serial 0, and
# keeps Lotus 1-2-3's phantom 29 February 1900 as serial 60, so from 1 March
# 1900 (serial 61) a serial is the days since 30 December 1899. The 1904
# system (old Mac workbooks) counts from 1 January 1904 = serial 0 with no
# phantom day. Source: Microsoft, "Date systems in Excel",
# https://support.microsoft.com/en-gb/office/date-systems-in-excel-e7fe7167-48a9-4b96-bb53-5612a800b487
_SERIAL_EPOCH_1900 = dt.date(1899, 12, 30)
_SERIAL_EPOCH_1904 = dt.date(1904, 1, 1)
_PHANTOM_SERIAL = 60
_LAST_SERIAL_1900 = (dt.date(9999, 12, 31) - _SERIAL_EPOCH_1900).days
_LAST_SERIAL_1904 = (dt.date(9999, 12, 31) - _SERIAL_EPOCH_1904).days


def excel_serial_to_date(
    serial: float, *, date1904: bool = False, field: str = "date"
) -> dt.date:
    """Return the date an Excel serial number stands for.

    The one converter for every reader and the Excel add-in. A fraction
    (time of day) is dropped. Serial 0 is refused: a blank cell often arrives
    as 0, and "no date" must never become 31 December 1899.

    Args:
        serial: The cell's number.
        date1904: The workbook uses the 1904 date system (serial 0 is
            1 January 1904) instead of the default 1900 system.
        field: The value's name for the error message.

    Raises:
        InvalidInputError: *serial* is not finite, below 1, beyond 31 December
            9999, or is 60 in the 1900 system (29 February 1900, a day Excel
            shows but which did not exist).
        InvalidTypeError: *serial* is not a number (a bool is not a number).

    Examples:
        >>> excel_serial_to_date(45062)
        datetime.date(2023, 5, 16)
        >>> excel_serial_to_date(59.75)
        datetime.date(1900, 2, 28)
        >>> excel_serial_to_date(43600, date1904=True)
        datetime.date(2023, 5, 16)
    """
    if isinstance(serial, bool) or not isinstance(serial, (int, float)):
        msg = f"{field} must be a date serial number, got {type(serial).__name__}"
        raise InvalidTypeError(msg)
    if not math.isfinite(serial):
        msg = f"{field} is not a date: an Excel date serial must be a finite number"
        raise InvalidInputError(msg)
    whole = math.floor(serial)
    last = _LAST_SERIAL_1904 if date1904 else _LAST_SERIAL_1900
    if not 1 <= whole <= last:
        msg = (
            f"{field} is not a date: Excel date serials run from 1 to {last} "
            "(31 December 9999); 0 or a blank is no date"
        )
        raise InvalidInputError(msg)
    if date1904:
        return _SERIAL_EPOCH_1904 + dt.timedelta(days=whole)
    if whole == _PHANTOM_SERIAL:
        msg = (
            f"{field} is the Excel date serial 60, 29 February 1900, a day Excel "
            "shows but which did not exist"
        )
        raise InvalidInputError(msg)
    if whole < _PHANTOM_SERIAL:
        return _SERIAL_EPOCH_1900 + dt.timedelta(days=whole + 1)
    return _SERIAL_EPOCH_1900 + dt.timedelta(days=whole)


def date_to_excel_serial(day: dt.date, *, date1904: bool = False) -> int:
    """Return the Excel serial number of *day*; the inverse of `excel_serial_to_date`.

    Raises:
        InvalidInputError: *day* is before the first day the date system can
            show (1 January 1900, or 2 January 1904 in the 1904 system).

    Examples:
        >>> date_to_excel_serial(dt.date(2023, 5, 16))
        45062
        >>> date_to_excel_serial(dt.date(2023, 5, 16), date1904=True)
        43600
    """
    day = as_date(day, "day")
    if date1904:
        serial = (day - _SERIAL_EPOCH_1904).days
    elif day < dt.date(1900, 3, 1):
        serial = (day - _SERIAL_EPOCH_1900).days - 1
    else:
        serial = (day - _SERIAL_EPOCH_1900).days
    if serial < 1:
        msg = f"{day.isoformat()} is before the first date Excel can show"
        raise InvalidInputError(msg)
    return serial
