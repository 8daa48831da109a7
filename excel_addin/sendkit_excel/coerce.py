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

* Serial numbers are read by `sendkit.dates.excel_serial_to_date`, the one
  converter: Excel's 1900 date system, Lotus bug included (serial 60, the
  29 February 1900 that never was, is refused), or the 1904 system when the
  workbook uses it (`date_system`). The time of day (the fraction) is dropped.
* Text dates are ISO ``YYYY-MM-DD`` or UK ``DD/MM/YYYY`` only, never US order.
* Error cells: the formulas ask xlwings for error cells as text
  (``err_to_str``), so ``#N/A`` arrives as the string ``"#N/A"`` (Office.js may
  also hand over ``{"type": "Error", "basicValue": "#N/A"}``). Either one
  raises `ErrorCellError`, which carries the error code so that the formula
  can answer with the same error, as Excel's own functions do.
* Empty (None, ``""`` or blanks) means "use the default"; a required value
  that is empty is an error. ``0`` is never a date and never a text: for date
  and text arguments it reads as empty (``VLOOKUP`` of an empty cell gives 0,
  and an empty cell may reach xlwings Lite as 0). For numbers and yes/no, 0 is
  the number 0 and FALSE.
* Booleans are refused wherever a number or a date is expected.
* Messages name the argument and what is accepted, never the cell's value
  (a cell may hold children's data): ``start_date is not a date``, ``days
  must be a whole number, got text``.
* Whole-number arguments are truncated toward zero, as Excel's ``WORKDAY``
  truncates its *days* argument (``1.9`` -> 1, ``-1.5`` -> -1).
"""

from __future__ import annotations

import contextvars
import datetime as dt
import math
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Final, TypeVar

import attrs

from sendkit.dates import (
    ACCEPTED_DATE_FORMS,
    date_to_excel_serial,
    excel_serial_to_date,
    parse_date,
)
from sendkit.errors import InvalidInputError, OutsideCalendarError, SendkitError

__all__ = [
    "CELL_ERRORS",
    "ERROR_CODES",
    "REQUIRED",
    "CellError",
    "ErrorCellError",
    "ExcelInputError",
    "as_grid",
    "broadcast",
    "cell_error",
    "date1904",
    "date_system",
    "date_to_serial",
    "dates_in",
    "each",
    "error_code",
    "is_blank",
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

#: Excel's error values as text, as ``err_to_str`` hands them over. The first
#: seven exist in every Excel; the others are newer (dynamic arrays, data
#: types, Python in Excel) and reach Office.js add-ins as error objects too.
ERROR_CODES: Final = frozenset(
    {
        "#NULL!",
        "#DIV/0!",
        "#VALUE!",
        "#REF!",
        "#NAME?",
        "#NUM!",
        "#N/A",
        "#GETTING_DATA",
        "#SPILL!",
        "#CALC!",
        "#FIELD!",
        "#BLOCKED!",
        "#CONNECT!",
        "#UNKNOWN!",
        "#BUSY!",
        "#PYTHON!",
        "#TIMEOUT!",
        "#EXTERNAL!",
    }
)

#: Errors that mean "this input cannot be answered", shown as an error in the
#: cell. OverflowError: date arithmetic past 9999-12-31 (a start date near
#: Excel's last date), which the core does not turn into its own error.
CELL_ERRORS: Final = (SendkitError, OverflowError)

# -- the workbook's date system ------------------------------------------------

_DATE1904: contextvars.ContextVar[bool | None] = contextvars.ContextVar(
    "sendkit_excel_date1904", default=False
)


def date1904() -> bool | None:
    """Whether serial numbers are read in the 1904 date system (None: unknown)."""
    return _DATE1904.get()


@contextmanager
def date_system(*, use1904: bool | None) -> Iterator[None]:
    """Read (and write) serial numbers in the workbook's date system inside the block.

    ``use1904=None`` means the system is unknown: a serial number is then
    refused rather than read in a system that may be wrong by four years.
    The formulas set this per call from what the runtime says about the
    workbook (classic xlwings: ``Workbook.Date1904``).
    """
    token = _DATE1904.set(use1904)
    try:
        yield
    finally:
        _DATE1904.reset(token)


# -- what a cell can be ----------------------------------------------------------


_ISO_DAY: Final = r"\d{4}-\d{2}-\d{2}"
#: sendkit's own messages name the dates they were given ("start 2100-12-20 is
#: outside ..."); in a cell those dates are a child's, so the add-in says
#: which date it was without the date itself.
_GIVEN_DATES: Final = (
    (re.compile(rf"\bfrom {_ISO_DAY} leaves"), "from the date given leaves"),
    (
        re.compile(rf"\bday {_ISO_DAY} is outside"),
        "a date in the calculation is outside",
    ),
    (re.compile(rf"\b(\w+) {_ISO_DAY} is outside"), r"the \1 date is outside"),
    (re.compile(rf"(^|; ){_ISO_DAY} is outside"), r"\1the date is outside"),
    (re.compile(rf" \({_ISO_DAY}\)"), ""),  # "... was received (2024-01-08)"
)
#: Any other date after a word ("plan_issued 2023-10-01 is before ..."); a
#: rule's own years ("starting from 2014-09-01 to now") are kept.
_NAMED_DATE: Final = re.compile(rf"\b(\w+) {_ISO_DAY}\b(?! to\b)")


def message(error: BaseException) -> str:
    """The short text to show for one of `CELL_ERRORS`, without the dates given.

    The add-in's own messages never hold a cell's value; sendkit's messages
    about a date outside the calendar or a rule's years name the date, which
    is replaced here by which date it was.

    Examples:
        >>> from sendkit.errors import OutsideCalendarError
        >>> message(OutsideCalendarError("start 1800-01-01 is outside the years (1872-2100)"))
        'the start date is outside the years (1872-2100)'
    """
    if isinstance(error, OverflowError):
        return f"a date in the calculation is beyond what dates can hold ({error})"
    text = str(error)
    if isinstance(error, ExcelInputError):
        return text
    for pattern, words in _GIVEN_DATES:
        text = pattern.sub(words, text)
    return _NAMED_DATE.sub(r"\1", text)


class ExcelInputError(InvalidInputError):
    """A cell value that cannot be read as the argument needs.

    The message names the argument as the formula spells it and says what is
    accepted; it is short enough for a cell.
    """


class ErrorCellError(ExcelInputError):
    """An argument is an Excel error value (``#N/A``, ``#VALUE!``, ...).

    Attributes:
        code: The error as Excel writes it, such as ``"#N/A"``.
    """

    def __init__(self, name: str, code: str) -> None:
        super().__init__(f"{name} is the Excel error {code}")
        self.code = code


@attrs.frozen
class CellError:
    """An error value for one cell of an answer (a bad row of a range).

    The formula layer turns it into what the runtime can show: a real Excel
    error value where xlwings can return one.

    Attributes:
        code: The Excel error to show, such as ``"#VALUE!"`` or ``"#N/A"``.
        message: Why, in a sentence.
    """

    code: str
    message: str


def error_code(error: BaseException) -> str:
    """The Excel error value that stands for *error*, as Excel would choose it.

    An error cell in the input gives the same error (``#N/A`` in, ``#N/A``
    out, as ``WORKDAY`` does); a date beyond what the calendar or Excel can
    hold (the holiday data's years, 9999-12-31) gives ``#NUM!``, as Excel's
    date functions do; any other bad input gives ``#VALUE!``.

    Examples:
        >>> error_code(ErrorCellError("start_date", "#N/A"))
        '#N/A'
        >>> error_code(ExcelInputError("days must be a whole number"))
        '#VALUE!'
    """
    if isinstance(error, ErrorCellError):
        return error.code
    if isinstance(error, (OverflowError, OutsideCalendarError)):
        return "#NUM!"
    return "#VALUE!"


def cell_error(error: BaseException) -> CellError:
    """The `CellError` for one of `CELL_ERRORS`."""
    return CellError(error_code(error), message(error))


# -- single values -------------------------------------------------------------


def _error_text(value: str) -> str | None:
    code = value.strip().upper()
    return code if code in ERROR_CODES else None


def scalar(value: object, name: str = "value") -> object:
    """Return the single value inside *value*, unwrapping ``[[x]]`` and ``[x]``.

    An Office.js rich value (``{"type": "FormattedNumber", "basicValue": 45000}``)
    gives its ``basicValue``.

    Raises:
        ErrorCellError: *value* is an Excel error value: the text ``"#N/A"``
            (and the other codes in `ERROR_CODES`), or an Office.js error
            object.
        ExcelInputError: *value* holds several cells.

    Examples:
        >>> scalar([[45000]])
        45000
        >>> scalar([["#N/A"]], "start_date")
        Traceback (most recent call last):
        ...
        sendkit_excel.coerce.ErrorCellError: start_date is the Excel error #N/A
    """
    while isinstance(value, (list, tuple)):
        if len(value) != 1:
            msg = f"{name} must be one cell, got {len(value)} values"
            raise ExcelInputError(msg)
        value = value[0]
    if isinstance(value, str):
        if value.lstrip().startswith("#") and (code := _error_text(value)):
            raise ErrorCellError(name, code)
        return value
    if isinstance(value, dict):
        if value.get("type") == "Error":
            shown = value.get("basicValue") or value.get("errorType") or "#VALUE!"
            raise ErrorCellError(name, _error_text(str(shown)) or str(shown))
        if "basicValue" in value:
            return scalar(value["basicValue"], name)
        msg = f"{name} is not a cell value"
        raise ExcelInputError(msg)
    return value


def is_empty(value: object) -> bool:
    """Return whether *value* is an empty cell: None, ``""`` or only blanks."""
    return value is None or (isinstance(value, str) and not value.strip())


def _is_zero(value: object) -> bool:
    return type(value) in {int, float} and value == 0


def is_blank(value: object) -> bool:
    """Return whether *value* is empty or 0: no date and no text.

    Dates and text read 0 as empty, because Excel gives 0 for an empty cell
    in many places (``=A1``, ``VLOOKUP``) and xlwings Lite may pass one as 0.
    ``FALSE`` is not 0 here.

    Examples:
        >>> is_blank(None), is_blank(" "), is_blank(0), is_blank(0.0), is_blank(False)
        (True, True, True, True, False)
    """
    return is_empty(value) or _is_zero(value)


def _blank_cell(value: object) -> bool:
    """`is_blank` for a cell that may be an error (which is not blank)."""
    try:
        return is_blank(scalar(value))
    except ErrorCellError:
        return False


def serial_to_date(serial: float, name: str = "date") -> dt.date:
    """Return the date of an Excel serial number in the workbook's date system.

    A thin wrapper over `sendkit.dates.excel_serial_to_date` (the one
    converter) that reads the date system from `date_system` and turns its
    errors into `ExcelInputError`. The fraction (time of day) is dropped.

    Raises:
        ExcelInputError: *serial* is below 1 (0 is no date), is 60 in the
            1900 system (29 February 1900, which did not exist), is beyond
            9999-12-31, or is not a finite number.

    Examples:
        >>> serial_to_date(45062)
        datetime.date(2023, 5, 16)
        >>> serial_to_date(59.75)
        datetime.date(1900, 2, 28)
        >>> with date_system(use1904=True):
        ...     serial_to_date(43600)
        datetime.date(2023, 5, 16)
    """
    use1904 = _DATE1904.get()
    if use1904 is None:
        msg = (
            f"{name} is a number, and Excel did not say whether this workbook uses "
            "the 1900 or the 1904 date system; format the cell as a date or type "
            "the date as text (15/04/2025)"
        )
        raise ExcelInputError(msg)
    try:
        return excel_serial_to_date(serial, date1904=use1904, field=name)
    except SendkitError as exc:
        raise ExcelInputError(str(exc)) from None


def date_to_serial(day: dt.date) -> int:
    """Return Excel's serial number for *day* in the workbook's date system.

    Examples:
        >>> import datetime as dt
        >>> date_to_serial(dt.date(2023, 5, 16))
        45062
    """
    if isinstance(day, dt.datetime):
        day = day.date()
    return date_to_excel_serial(day, date1904=bool(_DATE1904.get()))


def _kind(value: object) -> str:
    """What kind of value a cell holds, for a message that must not repeat the value.

    Cells may hold children's data, so messages say ``got text`` or ``got a
    date``, never the cell's contents.
    """
    if isinstance(value, bool):
        return "TRUE or FALSE"
    if isinstance(value, dt.date):
        return "a date"
    if isinstance(value, str):
        return "text"
    if isinstance(value, float) and not math.isfinite(value):
        return "a number that is not finite"
    if isinstance(value, (int, float)):
        return "a number"
    return type(value).__name__


def _default_or_error(
    default: object, name: str, what: str, empty: str = "empty"
) -> Any:
    if isinstance(default, _Required):
        msg = f"{name} is {empty}; expected {what}"
        raise ExcelInputError(msg)
    return default


def to_date(value: object, name: str = "date", default: object = REQUIRED) -> Any:
    """Read one cell as a date.

    Accepts a date or datetime (its date), a serial number (int or float, see
    `serial_to_date`), or text in ISO ``YYYY-MM-DD`` or UK ``DD/MM/YYYY``.
    An empty cell and 0 both mean "no date".

    Args:
        value: The argument as Excel gave it; ``[[x]]`` is unwrapped.
        name: The argument's name in the formula, for messages.
        default: Returned for an empty cell or 0; `REQUIRED` makes them an error.

    Returns:
        A `datetime.date`, or *default* for an empty cell or 0.

    Raises:
        ErrorCellError: The cell holds an Excel error value.
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
    if is_blank(value):
        return _default_or_error(
            default, name, f"a date ({ACCEPTED_DATE_FORMS})", empty="empty or 0"
        )
    return _read_date(value, name)


def _read_date(value: object, name: str) -> dt.date:
    """Read one non-empty, unwrapped cell value as a date."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return dt.date(value.year, value.month, value.day)
    if isinstance(value, bool):
        msg = f"{name} must be a date, got {_kind(value)}"
        raise ExcelInputError(msg)
    if isinstance(value, (int, float)):
        return serial_to_date(value, name)
    if isinstance(value, str):
        try:
            return parse_date(value, field=name)
        except InvalidInputError as exc:
            raise ExcelInputError(str(exc)) from None
    msg = f"{name} must be a date, got {_kind(value)}"
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
        msg = f"{name} must be a whole number, got {_kind(value)}"
        raise ExcelInputError(msg)
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        try:
            value = float(value.strip().replace(",", ""))
        except ValueError:
            msg = f"{name} must be a whole number, got {_kind(value)}"
            raise ExcelInputError(msg) from None
    if isinstance(value, float):
        if not math.isfinite(value):
            msg = f"{name} must be a whole number, got {_kind(value)}"
            raise ExcelInputError(msg)
        return math.trunc(value)
    msg = f"{name} must be a whole number, got {_kind(value)}"
    raise ExcelInputError(msg)


def to_text(value: object, name: str = "text", default: object = REQUIRED) -> Any:
    """Read one cell as text, without surrounding blanks.

    A whole number is written without a decimal point (``6.0`` -> ``"6"``), so
    a code typed into a number cell still reads as typed. 0 reads as empty:
    no code, region or status is 0.

    Raises:
        ExcelInputError: The value is a boolean, a date or a fractional number.

    Examples:
        >>> to_text([["  England and Wales "]], "region"), to_text(6.0, "code")
        ('England and Wales', '6')
    """
    value = scalar(value, name)
    if is_blank(value):
        return _default_or_error(default, name, "text")
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    msg = f"{name} must be text, got {_kind(value)}"
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
    msg = f"{name} must be yes or no (TRUE/FALSE, 1/0, Y/N), got {_kind(value)}"
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

    Plain cells are datetimes (classic date cells) and serial numbers the
    date system can read (Office.js dates, formula results). Anything else,
    including an empty cell, 0 or an error, gives None, and the caller reads
    the cells with `to_date`, which has the messages.

    Examples:
        >>> import datetime as dt
        >>> quick_dates([45062, dt.datetime(2023, 5, 17, 9, 30), 45064.5])
        [datetime.date(2023, 5, 16), datetime.date(2023, 5, 17), datetime.date(2023, 5, 18)]
        >>> quick_dates([45062, None]) is None
        True
    """
    out: list[dt.date] = []
    append = out.append
    use1904 = _DATE1904.get()
    if use1904 is None:
        return None
    convert = excel_serial_to_date
    for cell in cells:
        kind = type(cell)
        if kind is dt.datetime:
            append(cell.date())  # type: ignore[attr-defined]
        elif kind is int or kind is float:
            try:
                append(convert(cell, date1904=use1904))  # type: ignore[arg-type]
            except SendkitError:
                return None
        else:
            return None
    return out


def dates_in(value: object, name: str = "closures") -> tuple[dt.date, ...]:
    """Read every date in a range (for a list of closure days).

    Empty cells and 0 are skipped, so a whole column can be referenced.
    An empty or omitted argument gives no dates. An error cell anywhere in
    the range is an error: a closure list with ``#N/A`` in it is not a list
    to count working days with.

    Raises:
        ErrorCellError: A cell holds an Excel error value.
        ExcelInputError: A cell is not a date; the message gives its place.

    Examples:
        >>> dates_in([[45062], [None], [0], ["2023-05-17"]])
        (datetime.date(2023, 5, 16), datetime.date(2023, 5, 17))
    """
    if is_empty(value):
        return ()
    out = []
    for r, row in enumerate(as_grid(value), start=1):
        for c, cell in enumerate(row, start=1):
            place = (
                f"{name} (row {r}, column {c})" if len(row) > 1 else f"{name} (row {r})"
            )
            if not is_blank(scalar(cell, place)):
                out.append(to_date(cell, place))
    return tuple(out)


def each(
    function: Callable[..., T], columns: Sequence[Sequence[object]]
) -> list[T | str | CellError]:
    """Apply *function* to each row of *columns*; a bad row gives a `CellError`.

    A row whose first cell is empty or 0 gives ``""`` (an empty cell in
    Excel), so a formula over a column with gaps leaves the gaps empty. A row
    that fails gives a `CellError` in its place (``#N/A`` when an input cell
    is ``#N/A``, ``#VALUE!`` for a value that cannot be read); the other rows
    still compute.
    """
    out: list[T | str | CellError] = []
    for row in zip(*columns, strict=True):
        try:
            if _blank_cell(row[0]):
                out.append("")
            else:
                out.append(function(*row))
        except CELL_ERRORS as exc:
            out.append(cell_error(exc))
    return out
