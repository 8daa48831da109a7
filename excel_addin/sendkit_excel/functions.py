"""sendkit's Excel formulas, for classic xlwings and xlwings Lite alike.

The only module of the add-in that imports xlwings. Each formula is thin:
read the cells with `sendkit_excel.coerce`, call sendkit, return the answer.
Python names are ``sk_...``, so Excel shows ``=SK_WORKDAY(A2, 35)`` in every
runtime (Excel function names ignore case).

Conventions for every formula:

* Parameters are unannotated (xlwings would turn hints into converters that
  differ between runtimes); coercion happens inside.
* An argument may be one cell or a range. Ranges of the same size are paired
  cell by cell, a single cell is used for every row, and the answer spills
  as a range of the same shape. In a range, an empty first argument gives an
  empty cell and a bad row gives a text starting ``ERROR:`` in its cell,
  without stopping the other rows.
* A bad single-cell call is an error: classic xlwings shows the short
  message as the cell's text (``ERROR: ...``); xlwings Lite and Server show
  ``#VALUE!`` with the message on hover (`xlwings.XlwingsError`).
* Dates come back as dates. Classic Excel shows a date's serial number until
  the cell is formatted as a date; Lite formats it for you.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from types import MappingProxyType
from typing import Any, Final, TypeVar

import xlwings as xw
from xlwings import arg, func

import sendkit
from sendkit import inspections
from sendkit.errors import SendkitError

from . import coerce

__all__ = [
    "sk_isworkday",
    "sk_networkdays",
    "sk_parse_outcome",
    "sk_workday",
]

F = TypeVar("F", bound=Callable[..., Any])

#: Which runtime bound the decorators: "xlwings.udfs" (classic, Windows),
#: "xlwings.pro.udfs_officejs" (Lite and Server) or "xlwings" (no-op: plain
#: Python, as on Linux).
RUNTIME: Final[str] = xw.func.__module__
CLASSIC: Final = RUNTIME == "xlwings.udfs"
_MAX_MESSAGE: Final = 255

_REGION_DOC: Final = (
    "Bank-holiday region: england-and-wales (default when empty), scotland "
    "or northern-ireland."
)
_CLOSURES_DOC: Final = (
    "Optional range of local closure dates to skip as well (not statutory); "
    "empty cells are ignored."
)


def _fail(message: str) -> str:
    """Report a bad call the way the runtime can show it."""
    if len(message) > _MAX_MESSAGE:
        message = message[: _MAX_MESSAGE - 3] + "..."
    if CLASSIC:
        return f"ERROR: {message}"
    raise xw.XlwingsError(message)


def _excel_errors(function: F) -> F:
    """Turn sendkit's errors into a short message instead of a traceback."""

    @functools.wraps(function)
    def wrapper(*args: Any) -> Any:
        try:
            return function(*args)
        except SendkitError as exc:
            return _fail(str(exc))

    return wrapper  # type: ignore[return-value]


def _calendar(region: object, closures: object) -> sendkit.WorkingCalendar:
    return sendkit.calendar_for(
        coerce.to_text(region, "region", sendkit.DEFAULT_REGION),
        coerce.dates_in(closures, "closures"),
    )


def _cells(function: Callable[..., Any], values: list[object], names: list[str]) -> Any:
    """Apply *function* to one cell (errors raised) or to ranges (errors per cell)."""
    rows, cols, columns = coerce.broadcast(values, names)
    if rows * cols == 1:
        if coerce.is_empty(coerce.scalar(columns[0][0], names[0])):
            return ""
        return function(*(column[0] for column in columns))
    return coerce.reshape(coerce.each(function, columns), rows, cols)


# -- working days --------------------------------------------------------------


@func
@_excel_errors
@arg("start_date", ndim=2, doc="Start date, or a range of them; not itself counted.")
@arg("days", ndim=2, doc="Working days to add (negative counts back); or a range.")
@arg("region", doc=_REGION_DOC)
@arg("closures", ndim=2, doc=_CLOSURES_DOC)
def sk_workday(start_date, days, region=None, closures=None):
    """WORKDAY with the region's bank holidays built in; the start is not counted."""
    cal = _calendar(region, closures)
    rows, cols, (starts, counts) = coerce.broadcast(
        [start_date, days], ["start_date", "days"]
    )

    def read(start: object, count: object) -> tuple[Any, int]:
        return coerce.to_date(start, "start_date"), coerce.to_int(count, "days")

    if rows * cols == 1:
        if coerce.is_empty(coerce.scalar(starts[0], "start_date")):
            return ""
        return cal.add_working_days(*read(starts[0], counts[0]))
    # One call for the whole range: each answer is two table look-ups.
    if len(coerce.as_grid(days)) * len(coerce.as_grid(days)[0]) == 1:
        n = coerce.to_int(days, "days")  # one count for every row: read it once
        cells: list[Any] = coerce.each(
            lambda start: (coerce.to_date(start, "start_date"), n), [starts]
        )
    else:
        cells = coerce.each(read, [starts, counts])
    good = [i for i, cell in enumerate(cells) if isinstance(cell, tuple)]
    good_starts = [cells[i][0] for i in good]
    good_counts = [cells[i][1] for i in good]
    try:
        answers: list[Any] = cal.add_working_days_many(good_starts, good_counts)
    except SendkitError:  # a row leaves the data: find which, row by row
        answers = coerce.each(cal.add_working_days, [good_starts, good_counts])
    for i, answer in zip(good, answers, strict=True):
        cells[i] = answer
    return coerce.reshape(cells, rows, cols)


@func
@_excel_errors
@arg("start_date", ndim=2, doc="First day, counted if it is a working day; or a range.")
@arg("end_date", ndim=2, doc="Last day, counted if it is a working day; or a range.")
@arg("region", doc=_REGION_DOC)
@arg("closures", ndim=2, doc=_CLOSURES_DOC)
def sk_networkdays(start_date, end_date, region=None, closures=None):
    """NETWORKDAYS with bank holidays built in: both ends count; negative if reversed."""
    cal = _calendar(region, closures)

    def count(start: object, end: object) -> int:
        return cal.count_working_days(
            coerce.to_date(start, "start_date"), coerce.to_date(end, "end_date")
        )

    return _cells(count, [start_date, end_date], ["start_date", "end_date"])


@func
@_excel_errors
@arg("check_date", ndim=2, doc="The date to check, or a range of dates.")
@arg("region", doc=_REGION_DOC)
@arg("closures", ndim=2, doc=_CLOSURES_DOC)
def sk_isworkday(check_date, region=None, closures=None):
    """TRUE if the date is a working day: Monday to Friday and not a holiday."""
    cal = _calendar(region, closures)

    def check(day: object) -> bool:
        return cal.is_working_day(coerce.to_date(day, "check_date"))

    return _cells(check, [check_date], ["check_date"])


# -- inspections ---------------------------------------------------------------

#: What SK_PARSE_OUTCOME can show of an outcome.
_OUTCOME_PARTS: Final = MappingProxyType(
    {
        "code": lambda outcome: outcome.value,
        "number": lambda outcome: outcome.number,
        "label": lambda outcome: outcome.label,
        "statement": lambda outcome: outcome.statement,
    }
)


@func
@_excel_errors
@arg(
    "outcome_text",
    ndim=2,
    doc="The outcome as written: 3, outcome 3, a label or a sentence.",
)
@arg("part", doc="What to show: code (default), number, label or statement.")
def sk_parse_outcome(outcome_text, part=None):
    """Reads an area SEND inspection outcome (2023 framework) as a code or number."""
    show = coerce.to_text(part, "part", "code").lower()
    if show not in _OUTCOME_PARTS:
        msg = f"part {show!r} is not one of {', '.join(_OUTCOME_PARTS)}"
        raise coerce.ExcelInputError(msg)
    pick = _OUTCOME_PARTS[show]

    def parse(cell: object) -> Any:
        return pick(inspections.parse_outcome(coerce.to_text(cell, "outcome_text")))

    return _cells(parse, [outcome_text], ["outcome_text"])
