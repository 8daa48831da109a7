"""Turn values as Excel hands them over into the values sendkit takes.

Plain Python with no xlwings import, so every rule here is tested on Linux.
Excel delivers the same cell differently in each runtime (see the project's
Excel notes):

* classic xlwings (Windows, COM): a date cell arrives as `datetime.datetime`,
  a date made by a formula (``DATE()``, ``A1+7``) as a float serial, every
  number as a float, an empty cell as None, a range as a list of lists;
* Office.js (xlwings Lite and Server): every argument is a 2-D list (one cell
  is ``[[v]]``), dates arrive as serial numbers, whole numbers as ints, an
  empty cell as None or ``""``, and an error cell may arrive as a dict such as
  ``{"type": "Error", "basicValue": "#N/A"}``.

Conventions:

* Serial numbers use Excel's 1900 date system, Lotus bug included: serial 1 is
  1900-01-01, serial 60 is the 29 February 1900 that never was (refused), and
  from serial 61 (1900-03-01) on, the date is 1899-12-30 plus the serial.
  The time of day (the fraction) is dropped. The 1904 date system is not
  supported: Office.js does not say which system a workbook uses.
* Text dates are ISO ``YYYY-MM-DD`` or UK ``DD/MM/YYYY`` only, never US order.
* Empty (None, ``""`` or blanks) means "use the default"; a required value
  that is empty is an error. ``0`` is never a date.
* Booleans are refused wherever a number or a date is expected.
* Whole-number arguments are truncated toward zero, as Excel's ``WORKDAY``
  truncates its *days* argument (``1.9`` -> 1, ``-1.5`` -> -1).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from typing import Any, Final, TypeVar

from sendkit.dates import ACCEPTED_DATE_FORMS, parse_date
from sendkit.errors import InvalidInputError, SendkitError

__all__ = [
    "CELL_ERRORS",
    "REQUIRED",
    "ExcelInputError",
    "as_grid",
    "broadcast",
    "date_to_serial",
    "dates_in",
    "each",
    "is_empty",
    "message",
    "quick_dates",
    "reshape",
    "scalar",
    "serial_to_date",
    "to_date",
    "to_flag",
    "to_int",
    "to_text",
]

T = TypeVar("T")


class _Required:
    """Marker for "no default": an empty value is an error."""

    def __repr__(self) -> str:
        return "REQUIRED"


#: Pass as *default* when an argument must not be empty.
REQUIRED: Final = _Required()

#: Serial 60 is 29 February 1900, a day Excel counts but the calendar lacks.
_LEAP_BUG_SERIAL: Final = 60
#: The last serial Excel accepts: 9999-12-31.
_MAX_SERIAL: Final = 2_958_465
_EPOCH_BEFORE_BUG: Final = dt.date(1899, 12, 31)
_EPOCH: Final = dt.date(1899, 12, 30)
_FIRST_AFTER_BUG: Final = dt.date(1900, 3, 1)
_EPOCH_ORDINAL: Final = _EPOCH.toordinal()


def _after_bug(whole: int) -> dt.date:
    return dt.date.fromordinal(_EPOCH_ORDINAL + whole)


#: Errors that mean "this input cannot be answered", shown as a message in the
#: cell. OverflowError: date arithmetic past 9999-12-31 (a start date near
#: Excel's last date), which the core does not turn into its own error.
CELL_ERRORS: Final = (SendkitError, OverflowError)


def message(error: BaseException) -> str:
    """The short text to show in a cell for one of `CELL_ERRORS`."""
    if isinstance(error, OverflowError):
        return f"a date in the calculation is beyond what dates can hold ({error})"
    return str(error)


class ExcelInputError(InvalidInputError):
    """A cell value that cannot be read as the argument needs.

    The message names the argument as the formula spells it, shows the
    value and says what is accepted; it is short enough for a cell.
    """


# -- single values -------------------------------------------------------------


def scalar(value: object, name: str = "value") -> object:
    """Return the single value inside *value*, unwrapping ``[[x]]`` and ``[x]``.

    An Office.js rich value (``{"type": "FormattedNumber", "basicValue": 45000}``)
    gives its ``basicValue``.

    Raises:
        ExcelInputError: *value* holds several cells, or is an Excel error
            value (``#N/A``, ``#VALUE!``, ...).

    Examples:
        >>> scalar([[45000]])
        45000
    """
    while isinstance(value, (list, tuple)):
        if len(value) != 1:
            msg = f"{name} must be one cell, got {len(value)} values"
            raise ExcelInputError(msg)
        value = value[0]
    if isinstance(value, dict):
        if value.get("type") == "Error":
            shown = value.get("basicValue") or value.get("errorType") or "an error"
            msg = f"{name} is an Excel error value ({shown})"
            raise ExcelInputError(msg)
        if "basicValue" in value:
            return value["basicValue"]
        msg = f"{name} is not a cell value: {value!r}"
        raise ExcelInputError(msg)
    return value


def is_empty(value: object) -> bool:
    """Return whether *value* is an empty cell: None, ``""`` or only blanks."""
    return value is None or (isinstance(value, str) and not value.strip())


def serial_to_date(serial: float, name: str = "date") -> dt.date:
    """Return the date of an Excel serial number (1900 date system).

    The fraction (time of day) is dropped.

    Raises:
        ExcelInputError: *serial* is below 1, is 60 (29 February 1900, which
            did not exist), is beyond 9999-12-31, or is not finite.

    Examples:
        >>> serial_to_date(45062)
        datetime.date(2023, 5, 16)
        >>> serial_to_date(59.75)
        datetime.date(1900, 2, 28)
    """
    if isinstance(serial, bool) or not isinstance(serial, (int, float)):
        msg = f"{name} must be a serial number, got {serial!r}"
        raise ExcelInputError(msg)
    if not math.isfinite(serial):
        msg = f"{name} {serial!r} is not a date"
        raise ExcelInputError(msg)
    whole = math.floor(serial)
    if _LEAP_BUG_SERIAL < whole <= _MAX_SERIAL:
        return _after_bug(whole)
    if whole < 1 or whole > _MAX_SERIAL:
        msg = (
            f"{name} {serial!r} is not a date: Excel date serials run from 1 "
            f"(1900-01-01) to {_MAX_SERIAL} (9999-12-31)"
        )
        raise ExcelInputError(msg)
    if whole == _LEAP_BUG_SERIAL:
        msg = (
            f"{name} {serial!r} is 29/02/1900, a day Excel shows but which "
            "did not exist"
        )
        raise ExcelInputError(msg)
    base = _EPOCH_BEFORE_BUG if whole < _LEAP_BUG_SERIAL else _EPOCH
    return base + dt.timedelta(days=whole)


def date_to_serial(day: dt.date) -> int:
    """Return Excel's serial number for *day* (1900 date system).

    Examples:
        >>> import datetime as dt
        >>> date_to_serial(dt.date(2023, 5, 16))
        45062
    """
    if isinstance(day, dt.datetime):
        day = day.date()
    if day < _FIRST_AFTER_BUG:
        return (day - _EPOCH_BEFORE_BUG).days
    return (day - _EPOCH).days


def _default_or_error(default: object, name: str, what: str) -> Any:
    if isinstance(default, _Required):
        msg = f"{name} is empty; expected {what}"
        raise ExcelInputError(msg)
    return default


def to_date(value: object, name: str = "date", default: object = REQUIRED) -> Any:
    """Read one cell as a date.

    Accepts a date or datetime (its date), a serial number (int or float, see
    `serial_to_date`), or text in ISO ``YYYY-MM-DD`` or UK ``DD/MM/YYYY``.

    Args:
        value: The argument as Excel gave it; ``[[x]]`` is unwrapped.
        name: The argument's name in the formula, for messages.
        default: Returned for an empty cell; `REQUIRED` makes empty an error.

    Returns:
        A `datetime.date`, or *default* for an empty cell.

    Raises:
        ExcelInputError: The value is not a date in an accepted form.

    Examples:
        >>> to_date([["16/05/2023"]], "start_date")
        datetime.date(2023, 5, 16)
        >>> to_date(45062.5, "start_date")
        datetime.date(2023, 5, 16)
    """
    kind = type(value)
    if kind is dt.datetime:  # the common cases first: a column can be long
        return value.date()  # type: ignore[attr-defined]
    if (kind is float or kind is int) and value:
        return serial_to_date(value, name)  # type: ignore[arg-type]
    value = scalar(value, name)
    if is_empty(value):
        return _default_or_error(default, name, f"a date ({ACCEPTED_DATE_FORMS})")
    return _read_date(value, name)


def _read_date(value: object, name: str) -> dt.date:
    """Read one non-empty, unwrapped cell value as a date."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return dt.date(value.year, value.month, value.day)
    if isinstance(value, bool):
        msg = f"{name} must be a date, got {value!r}"
        raise ExcelInputError(msg)
    if isinstance(value, (int, float)):
        if value == 0:
            msg = f"{name} is 0, which is not a date (is the cell empty?)"
            raise ExcelInputError(msg)
        return serial_to_date(value, name)
    if isinstance(value, str):
        try:
            return parse_date(value, field=name)
        except InvalidInputError as exc:
            raise ExcelInputError(str(exc)) from None
    msg = f"{name} must be a date, got {value!r} ({type(value).__name__})"
    raise ExcelInputError(msg)


def to_int(value: object, name: str = "number", default: object = REQUIRED) -> Any:
    """Read one cell as a whole number, truncating toward zero like ``WORKDAY``.

    Accepts an int, a float (``1.9`` -> 1, ``-1.5`` -> -1) or text holding a
    number (``"35"``).

    Raises:
        ExcelInputError: The value is a boolean, a date, non-numeric text, or
            not finite.

    Examples:
        >>> to_int([[35.0]], "days"), to_int(-1.5, "days"), to_int(" 20 ", "days")
        (35, -1, 20)
    """
    value = scalar(value, name)
    if is_empty(value):
        return _default_or_error(default, name, "a whole number")
    if isinstance(value, (bool, dt.date)):
        msg = f"{name} must be a whole number, got {value!r}"
        raise ExcelInputError(msg)
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        try:
            value = float(value.strip().replace(",", ""))
        except ValueError:
            msg = f"{name} must be a whole number, got {value!r}"
            raise ExcelInputError(msg) from None
    if isinstance(value, float):
        if not math.isfinite(value):
            msg = f"{name} must be a whole number, got {value!r}"
            raise ExcelInputError(msg)
        return math.trunc(value)
    msg = f"{name} must be a whole number, got {value!r} ({type(value).__name__})"
    raise ExcelInputError(msg)


def to_text(value: object, name: str = "text", default: object = REQUIRED) -> Any:
    """Read one cell as text, without surrounding blanks.

    A whole number is written without a decimal point (``6.0`` -> ``"6"``), so
    a code typed into a number cell still reads as typed.

    Raises:
        ExcelInputError: The value is a boolean, a date or a fractional number.

    Examples:
        >>> to_text([["  England and Wales "]], "region"), to_text(6.0, "code")
        ('England and Wales', '6')
    """
    value = scalar(value, name)
    if is_empty(value):
        return _default_or_error(default, name, "text")
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    msg = f"{name} must be text, got {value!r}"
    raise ExcelInputError(msg)


_TRUE_TEXT: Final = frozenset({"true", "yes", "y", "1"})
_FALSE_TEXT: Final = frozenset({"false", "no", "n", "0"})


def to_flag(value: object, name: str = "flag", default: object = REQUIRED) -> Any:
    """Read one cell as yes or no.

    Accepts TRUE/FALSE, 1/0 and the text yes/no, y/n, true/false, 1/0 (any
    case).

    Raises:
        ExcelInputError: Anything else, such as 2 or "maybe".

    Examples:
        >>> to_flag(True, "week20"), to_flag([["Y"]], "week20"), to_flag(0.0, "week20")
        (True, True, False)
        >>> to_flag("", "week20", None) is None
        True
    """
    value = scalar(value, name)
    if is_empty(value):
        return _default_or_error(default, name, "yes or no")
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in {0, 1}:
        return bool(value)
    if isinstance(value, str):
        key = value.strip().lower()
        if key in _TRUE_TEXT:
            return True
        if key in _FALSE_TEXT:
            return False
    msg = f"{name} must be yes or no (TRUE/FALSE, 1/0, Y/N), got {value!r}"
    raise ExcelInputError(msg)


# -- ranges --------------------------------------------------------------------


def as_grid(value: object) -> list[list[Any]]:
    """Return *value* as a 2-D list of rows.

    One value becomes ``[[value]]``; a flat list (classic xlwings gives one
    for a single row or column) becomes a column; a 2-D list is copied as is.
    Every row must have the same length.

    Raises:
        ExcelInputError: The rows have different lengths or there are none.

    Examples:
        >>> as_grid(5), as_grid([1, 2]), as_grid([[1, 2]])
        ([[5]], [[1], [2]], [[1, 2]])
    """
    if not isinstance(value, (list, tuple)):
        return [[value]]
    if not value:
        msg = "the range is empty"
        raise ExcelInputError(msg)
    if not any(isinstance(row, (list, tuple)) for row in value):
        return [[item] for item in value]
    rows = [
        row if type(row) is list else list(row) if isinstance(row, tuple) else [row]
        for row in value
    ]
    width = len(rows[0])
    if width == 0 or any(len(row) != width for row in rows):
        msg = "the range must be a rectangle of cells"
        raise ExcelInputError(msg)
    return rows


def broadcast(
    values: Sequence[object], names: Sequence[str]
) -> tuple[int, int, list[list[Any]]]:
    """Line up arguments that are each one cell or a range of one common size.

    Args:
        values: The arguments as Excel gave them.
        names: Their names in the formula, for messages.

    Returns:
        ``(rows, columns, cells)``: the common shape, and for each argument its
        cells in row-major order (a single cell repeated to fill the shape).

    Raises:
        ExcelInputError: Two ranges have different sizes.

    Examples:
        >>> broadcast([[[1], [2]], 5], ["start_date", "days"])
        (2, 1, [[1, 2], [5, 5]])
    """
    grids = [as_grid(value) for value in values]
    rows, cols = 1, 1
    for grid, name in zip(grids, names, strict=True):
        shape = (len(grid), len(grid[0]))
        if shape == (1, 1):
            continue
        if (rows, cols) == (1, 1):
            rows, cols = shape
        elif shape != (rows, cols):
            msg = (
                f"{name} is a range of {shape[0]}x{shape[1]} cells; it must be one "
                f"cell or the same size as the other ranges ({rows}x{cols})"
            )
            raise ExcelInputError(msg)
    size = rows * cols
    cells = []
    for grid in grids:
        if cols == 1:
            flat = [row[0] for row in grid]
        else:
            flat = [cell for row in grid for cell in row]
        cells.append(flat * size if len(flat) == 1 else flat)
    return rows, cols, cells


def reshape(flat: Sequence[T], rows: int, cols: int) -> list[list[T]]:
    """Return the row-major list *flat* as *rows* rows of *cols* cells.

    Examples:
        >>> reshape([1, 2, 3, 4], 2, 2)
        [[1, 2], [3, 4]]
    """
    if cols == 1:  # the usual column: no slicing
        return [[item] for item in flat]
    return [list(flat[r * cols : (r + 1) * cols]) for r in range(rows)]


def quick_dates(cells: Sequence[object]) -> list[dt.date] | None:
    """Read a column of plain date cells fast, or return None to read it cell by cell.

    Plain cells are datetimes (classic date cells) and serial numbers after
    29/02/1900 (Office.js dates, formula results). Anything else, including
    an empty cell, gives None, and the caller reads the cells with `to_date`,
    which has the messages.

    Examples:
        >>> import datetime as dt
        >>> quick_dates([45062, dt.datetime(2023, 5, 17, 9, 30), 45064.5])
        [datetime.date(2023, 5, 16), datetime.date(2023, 5, 17), datetime.date(2023, 5, 18)]
        >>> quick_dates([45062, None]) is None
        True
    """
    out: list[dt.date] = []
    append = out.append
    for cell in cells:
        if isinstance(cell, dt.datetime):
            append(cell.date())
        elif (
            isinstance(cell, (int, float))
            and not isinstance(cell, bool)
            and _LEAP_BUG_SERIAL < cell < _MAX_SERIAL + 1
        ):
            append(_after_bug(math.floor(cell)))
        else:
            return None
    return out


def dates_in(value: object, name: str = "closures") -> tuple[dt.date, ...]:
    """Read every non-empty cell of a range as a date (for a holiday list).

    Empty cells are skipped, so a whole column can be referenced.
    An empty or omitted argument gives no dates.

    Raises:
        ExcelInputError: A cell is not a date; the message gives its place.

    Examples:
        >>> dates_in([[45062], [None], ["2023-05-17"]])
        (datetime.date(2023, 5, 16), datetime.date(2023, 5, 17))
    """
    if is_empty(value):
        return ()
    out = []
    for r, row in enumerate(as_grid(value), start=1):
        for c, cell in enumerate(row, start=1):
            if not is_empty(scalar(cell, name)):
                place = (
                    f"{name} (row {r}, column {c})"
                    if len(row) > 1
                    else f"{name} (row {r})"
                )
                out.append(to_date(cell, place))
    return tuple(out)


def each(
    function: Callable[..., T], columns: Sequence[Sequence[object]]
) -> list[T | str]:
    """Apply *function* to each row of *columns*, turning sendkit errors into text.

    A row whose first cell is empty gives ``""`` (an empty cell in Excel), so a
    formula over a column with gaps leaves the gaps empty. A row that fails
    gives a text starting ``"ERROR: "`` in its cell; the other rows still
    compute.
    """
    out: list[T | str] = []
    for row in zip(*columns, strict=True):
        try:
            if is_empty(scalar(row[0])):
                out.append("")
            else:
                out.append(function(*row))
        except CELL_ERRORS as exc:
            out.append(f"ERROR: {message(exc)}")
    return out
