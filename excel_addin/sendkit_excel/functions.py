"""sendkit's Excel formulas, for classic xlwings and xlwings Lite alike.

Each formula is thin: read the cells with `sendkit_excel.coerce`, call
sendkit, return the answer. Python names are ``sk_...``, so Excel shows
``=SK_WORKDAY(A2, 35)`` in every runtime (Excel function names ignore case).
Every formula module is listed in `sendkit_excel.FORMULA_MODULES` and
reaches Excel through `sendkit_excel.formulas`.

Conventions for every formula:

* Parameters are unannotated (xlwings would turn hints into converters that
  differ between runtimes); coercion happens inside. Every parameter asks
  xlwings for error cells as text (``err_to_str``), so an error cell is never
  read as an empty one.
* An argument may be one cell or a range. Ranges of the same size are paired
  cell by cell, a single cell is used for every row, and the answer spills
  as a range of the same shape. In a range, an empty (or 0) first argument
  gives an empty cell and a bad row gives an Excel error value in its cell
  (`coerce.CellError`: the input's own error, such as ``#N/A``, or
  ``#VALUE!``), without stopping the other rows.
* A bad single-cell call is an error Excel can detect (``ISERROR``,
  ``IFERROR``): an error cell in any argument gives that error back (as
  Excel's ``WORKDAY`` does); other bad input gives ``#VALUE!``. xlwings Lite
  and Server show the message on hover (`xlwings.XlwingsError`); classic
  xlwings returns the error value itself (a COM ``VT_ERROR``).
* Dates come back as dates. Classic Excel shows a date's serial number until
  the cell is formatted as a date; Lite formats it for you.
* Loading the formulas (xlwings Lite's restart, classic's first call) loads
  only sendkit's calendar; the rules, EHC, plans, inspections and DfE parts are
  imported inside the formulas that need them, on their first call.
* Messages name the argument and what it accepts, never a cell's value (a
  cell may hold children's data); `coerce.message` also takes the dates out
  of sendkit's own messages.
* The 1904 date system: classic reads ``Workbook.Date1904`` of the calling
  workbook and converts; xlwings Lite cannot tell, so a workbook in that
  system declares it with `set_date_system` in its ``main.py``.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib.metadata
import inspect
import math
from collections.abc import Callable
from types import MappingProxyType
from typing import Any, Final, TypeVar

import xlwings as xw
from xlwings import arg as xw_arg
from xlwings import func

import sendkit
from sendkit.dates import date_to_excel_serial
from sendkit.errors import SendkitError

from . import coerce

__all__ = [
    "sk_calendar_info",
    "sk_due_date",
    "sk_ehc_due",
    "sk_ehc_timeliness",
    "sk_isworkday",
    "sk_networkdays",
    "sk_parse_outcome",
    "sk_rag",
    "sk_rule_status",
    "sk_rules",
    "sk_timeline",
    "sk_why",
    "sk_workday",
]

F = TypeVar("F", bound=Callable[..., Any])

#: Which runtime bound the decorators: "xlwings.udfs" (classic, Windows),
#: "xlwings.pro.udfs_officejs" (Lite and Server) or "xlwings" (no-op: plain
#: Python, as on Linux).
RUNTIME: Final[str] = xw.func.__module__
CLASSIC: bool = RUNTIME == "xlwings.udfs"
_MAX_MESSAGE: Final = 255
#: The error values every Excel has, and that both xlwings runtimes can return.
BASIC_ERRORS: Final = MappingProxyType(
    {
        "#NULL!": -2146826288,
        "#DIV/0!": -2146826281,
        "#VALUE!": -2146826273,
        "#REF!": -2146826265,
        "#NAME?": -2146826259,
        "#NUM!": -2146826252,
        "#N/A": -2146826246,
    }
)
#: Number format of dates sent back in the 1904 system (xlwings Lite).
_DATE_FORMAT: Final = "dd/mm/yyyy"
#: DATE(2000,1,1) in each date system, for SK_CALENDAR_INFO's check_date.
_CHECK_DAY: Final = dt.date(2000, 1, 1)

#: SK_RAG's amber window when due_soon_days is empty: sendkit.plans'
#: DEFAULT_DUE_SOON_WORKING_DAYS, written here so that loading the formulas
#: does not load sendkit.plans (a test keeps the two equal).
DUE_SOON_DEFAULT: Final = 10

_REGION_DOC: Final = (
    "Bank-holiday region: england-and-wales (default when empty), scotland "
    "or northern-ireland."
)
_CLOSURES_DOC: Final = (
    "Optional range of local closure dates to skip as well (not statutory); "
    "empty cells are ignored."
)


def arg(name: str, **options: Any) -> Callable[[F], F]:
    """`xlwings.arg` with error cells read as their text (``"#N/A"``), never as empty."""
    return xw_arg(name, err_to_str=True, **options)


# -- the workbook's date system ---------------------------------------------------

_lite_date1904 = False


def set_date_system(year: int) -> None:
    """Declare the workbook's date system, 1900 (the default) or 1904.

    For xlwings Lite, which does not tell Python which system a workbook
    uses: a workbook in the 1904 system (File > Options > Advanced) puts
    ``functions.set_date_system(1904)`` in its ``main.py``. Classic xlwings
    reads the workbook's own setting and ignores this.

    Raises:
        ValueError: *year* is not 1900 or 1904.
    """
    global _lite_date1904  # noqa: PLW0603 - one setting per Python, as a workbook has one
    if year not in {1900, 1904}:
        msg = f"the date system is 1900 or 1904, not {year!r}"
        raise ValueError(msg)
    _lite_date1904 = year == 1904  # noqa: PLR2004


def _classic_date1904() -> bool | None:
    """Classic: the calling workbook's ``Date1904``, or None if it cannot be read."""
    try:
        return bool(xw.Book.caller().api.Date1904)
    except Exception:  # noqa: BLE001 - any COM failure means "unknown", said in the cell
        return None


def _workbook_date1904() -> bool | None:
    """Whether the workbook uses the 1904 system; None when it cannot be known."""
    if CLASSIC:
        return _classic_date1904()
    return _lite_date1904


# -- answers and errors as the runtime can show them ------------------------------


def _classic_error(code: str) -> Any:
    """A COM error value (``VT_ERROR``) that Excel shows as *code*.

    pywin32 turns a `win32com.client.VARIANT` into that VARIANT, and the
    VBA wrapper that xlwings writes passes it on as the function's value,
    as ``CVErr`` would.
    """
    import pythoncom
    from win32com.client import VARIANT

    return VARIANT(pythoncom.VT_ERROR, BASIC_ERRORS.get(code, BASIC_ERRORS["#VALUE!"]))


def _error_value(code: str) -> Any:
    """The value a cell gets for the Excel error *code* in this runtime."""
    if CLASSIC:
        return _classic_error(code)
    # xlwings Lite and Server turn these texts into real error values.
    return code if code in BASIC_ERRORS else "#VALUE!"


def _fail(error: BaseException) -> Any:
    """Report a bad call the way the runtime can show it."""
    code = coerce.error_code(error)
    if CLASSIC:
        return _classic_error(code)
    if isinstance(error, coerce.ErrorCellError) and code in BASIC_ERRORS:
        return code  # an error cell gives the same error back, as WORKDAY does
    text = coerce.message(error)
    if len(text) > _MAX_MESSAGE:
        text = text[: _MAX_MESSAGE - 3] + "..."
    raise xw.XlwingsError(text)


def _shown(value: Any, *, use1904: bool) -> Any:
    """*value* with its error cells (and, in the 1904 system, dates) as Excel takes them."""
    if isinstance(value, coerce.CellError):
        return _error_value(value.code)
    if use1904 and isinstance(value, dt.date):
        serial = coerce.date_to_serial(value)
        if CLASSIC:
            return float(serial)
        return {
            "type": "FormattedNumber",
            "basicValue": serial,
            "numberFormat": _DATE_FORMAT,
        }
    if isinstance(value, list):
        return [_shown(item, use1904=use1904) for item in value]
    return value


def _excel_errors(function: F) -> F:
    """Run a formula in the workbook's date system; errors become Excel errors.

    Every formula of every module in `sendkit_excel.FORMULA_MODULES` wears
    this decorator (under ``@func``), so that all of them read error cells,
    blanks and the date system the same way.
    """

    @functools.wraps(function)
    def wrapper(*args: Any) -> Any:
        use1904 = _workbook_date1904()  # None: classic, and Excel would not say
        try:
            with coerce.date_system(use1904=use1904):
                answer = _shown(function(*args), use1904=bool(use1904))
        except coerce.CELL_ERRORS as exc:
            return _fail(exc)
        # xlwings reads a lone dict as a table of keys: send it as one cell.
        return [[answer]] if isinstance(answer, dict) else answer

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
        if coerce.is_blank(coerce.scalar(columns[0][0], names[0])):
            return ""
        return function(*(column[0] for column in columns))
    return coerce.reshape(coerce.each(function, columns), rows, cols)


# -- why a cell shows an error ------------------------------------------------------

_WHY_DOC: Final = "An argument of that formula, in order; leave the rest empty."


def _first_problem(value: Any) -> str | None:
    """The message of the first `coerce.CellError` in an answer, with its row."""
    if isinstance(value, coerce.CellError):
        return value.message
    if isinstance(value, list):
        for r, row in enumerate(value, start=1):
            cells = row if isinstance(row, list) else [row]
            for cell in cells:
                if isinstance(cell, coerce.CellError):
                    where = f"row {r}: " if len(value) > 1 else ""
                    return where + cell.message
    return None


@func
@_excel_errors
@arg("formula", doc="The formula's name, such as SK_WORKDAY.")
@arg("arg1", ndim=2, doc=_WHY_DOC)
@arg("arg2", ndim=2, doc=_WHY_DOC)
@arg("arg3", ndim=2, doc=_WHY_DOC)
@arg("arg4", ndim=2, doc=_WHY_DOC)
@arg("arg5", ndim=2, doc=_WHY_DOC)
@arg("arg6", ndim=2, doc=_WHY_DOC)
@arg("arg7", ndim=2, doc=_WHY_DOC)
def sk_why(  # noqa: PLR0917 - Excel passes every argument by position
    formula, arg1=None, arg2=None, arg3=None, arg4=None, arg5=None, arg6=None, arg7=None
):
    """Why a formula gives an error value: its message as text, or OK."""
    from . import formulas

    name = str(coerce.to_text(formula, "formula")).lower().removeprefix("=")
    name = name.split("(", 1)[0].strip()
    target = getattr(formulas, name if name.startswith("sk_") else f"sk_{name}", None)
    if target is None or target is sk_why:
        msg = f"formula {name.upper()!r} is not a sendkit formula"
        raise coerce.ExcelInputError(msg)
    raw = inspect.unwrap(target)
    given = [arg1, arg2, arg3, arg4, arg5, arg6, arg7]
    width = len(inspect.signature(raw).parameters)
    if any(value is not None for value in given[width:]):
        msg = f"{name.upper()} takes {width} arguments"
        raise coerce.ExcelInputError(msg)
    try:
        answer = raw(*given[:width])
    except coerce.CELL_ERRORS as exc:
        return coerce.message(exc)
    return _first_problem(answer) or "OK"


# -- the calendar's horizon --------------------------------------------------------

#: What the "holidays" column of a detail view says of a date past the horizon.
BEYOND_WORDS: Final = "PAST ANNOUNCED HOLIDAYS"


def _horizon(day: object) -> str:
    """``announced``, or a flag for a date after the last announced bank holidays."""
    if not isinstance(day, dt.date):
        return ""
    if day > sendkit.ANNOUNCED_THROUGH:
        return f"{BEYOND_WORDS} (after {sendkit.ANNOUNCED_THROUGH:%d/%m/%Y})"
    return "announced"


def _date_system_row(check_date: object) -> str:
    """What the add-in knows of the workbook's date system."""
    use1904 = coerce.date1904()
    if not coerce.is_blank(coerce.scalar(check_date, "check_date")):
        seen = coerce.scalar(check_date, "check_date")
        if isinstance(seen, (int, float)) and not isinstance(seen, bool):
            whole = int(seen) if math.isfinite(seen) else -1
            found = {
                date_to_excel_serial(_CHECK_DAY): "1900",
                date_to_excel_serial(_CHECK_DAY, date1904=True): "1904",
            }.get(whole)
            assumed = "1904" if use1904 else "1900"
            if found is None:
                msg = "check_date must be DATE(2000,1,1)"
                raise coerce.ExcelInputError(msg)
            if found != assumed:
                msg = (
                    f"this workbook uses the {found} date system but the add-in reads "
                    f"{assumed}: in xlwings Lite, put functions.set_date_system({found}) "
                    "in main.py"
                )
                raise coerce.ExcelInputError(msg)
            return f"{found} (checked with DATE(2000,1,1))"
    if use1904 is None:
        return "unknown: Excel did not say; numbers are not read as dates"
    where = "read from the workbook" if CLASSIC else "as set in main.py; not checked"
    return f"{'1904' if use1904 else '1900'} ({where})"


@func
@_excel_errors
@arg("region", doc=_REGION_DOC)
@arg("check_date", doc="Optional: DATE(2000,1,1), to check the workbook's date system.")
def sk_calendar_info(region=None, check_date=None):
    """Where the bank holidays come from, which version, and the last announced year."""
    region_name = coerce.to_text(region, "region", sendkit.DEFAULT_REGION)
    cal = sendkit.calendar_for(region_name)
    horizon = sendkit.ANNOUNCED_THROUGH
    return [
        ["item", "value"],
        ["region", cal.region],
        ["holiday data", cal.data_source],
        ["holidays package version", importlib.metadata.version("holidays")],
        ["years covered", f"{cal.first_day.year}-{cal.last_day.year}"],
        ["last announced year", horizon.year],
        [
            "after that",
            (
                f"dates after {horizon:%d/%m/%Y} use holidays computed by rule; "
                f"detail views flag them {BEYOND_WORDS}"
            ),
        ],
        ["sendkit version", importlib.metadata.version("sendkit-england")],
        ["date system", _date_system_row(check_date)],
    ]


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
        if coerce.is_blank(coerce.scalar(starts[0], "start_date")):
            return ""
        return cal.add_working_days(*read(starts[0], counts[0]))
    # One call for the whole range: each answer is two table look-ups.
    days_grid = coerce.as_grid(days)
    if len(days_grid) == 1 and len(days_grid[0]) == 1:
        n = coerce.to_int(days, "days")  # one count for every row: read it once
        plain = coerce.quick_dates(starts)
        if plain is not None:
            try:
                return coerce.reshape(cal.add_working_days_many(plain, n), rows, cols)
            except SendkitError:
                pass  # a row leaves the data: the cell-by-cell path below says which
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
    from sendkit import inspections  # on first use: a faster start

    show = coerce.to_text(part, "part", "code").lower()
    if show not in _OUTCOME_PARTS:
        msg = f"part {show!r} is not one of {', '.join(_OUTCOME_PARTS)}"
        raise coerce.ExcelInputError(msg)
    pick = _OUTCOME_PARTS[show]

    def parse(cell: object) -> Any:
        return pick(inspections.parse_outcome(coerce.to_text(cell, "outcome_text")))

    return _cells(parse, [outcome_text], ["outcome_text"])


#: SK_TIMELINE columns: header and how to read each from a milestone.
_MILESTONE_COLUMNS: Final = (
    ("milestone", lambda m: m.label),
    ("date", lambda m: m.on or ""),
    ("kind", lambda m: m.kind),
    ("rule", lambda m: m.rule or ""),
    ("period", lambda m: m.period),
    ("confidence", lambda m: m.confidence),
    ("confirmed", lambda m: m.confirmed),
    ("source", lambda m: m.source),
    ("holidays", lambda m: _horizon(m.on)),
)


@func
@_excel_errors
@arg("outcome_text", doc="The 2023-framework outcome: 1-3, a code, label or sentence.")
@arg("report_received", doc="The day the partnership received the final report.")
@arg("region", doc=_REGION_DOC)
@arg("closures", ndim=2, doc=_CLOSURES_DOC)
def sk_timeline(outcome_text, report_received, region=None, closures=None):
    """What follows an area SEND inspection, dated by the rule catalogue (spills)."""
    from sendkit import inspections  # on first use: a faster start

    inspection = inspections.Inspection(
        local_area="this partnership",
        framework=inspections.Framework.AREA_SEND_2023,
        outcome=inspections.parse_outcome(coerce.to_text(outcome_text, "outcome_text")),
        report_received=coerce.to_date(report_received, "report_received"),
    )
    milestones = inspections.follow_up(
        inspection,
        region=coerce.to_text(region, "region", sendkit.DEFAULT_REGION),
        closures=coerce.dates_in(closures, "closures"),
    )
    rows: list[list[Any]] = [[header for header, _ in _MILESTONE_COLUMNS]]
    rows.extend([read(m) for _, read in _MILESTONE_COLUMNS] for m in milestones)
    return rows


# -- action plans ----------------------------------------------------------------


@func
@_excel_errors
@arg(
    "status",
    ndim=2,
    doc="Reported status: not started, on track, at risk, off track...",
)
@arg("start_date", ndim=2, doc="When work should start; may be empty.")
@arg("due_date", ndim=2, doc="When the action should be complete; may be empty.")
@arg("as_of", doc="The day to rate on, such as the board date (not TODAY()).")
@arg(
    "due_soon_days",
    doc=f"Amber window in working days (default {DUE_SOON_DEFAULT}).",
)
@arg("region", doc=_REGION_DOC)
@arg("part", doc="What to show: rag (default) or reason.")
def sk_rag(  # noqa: PLR0917 - Excel passes every argument by position
    status, start_date, due_date, as_of, due_soon_days=None, region=None, part=None
):
    """RAG rating of an action plan row on a given day, derived from its dates."""
    from sendkit import plans  # on first use: a faster start

    day = coerce.to_date(as_of, "as_of")
    window = coerce.to_int(
        due_soon_days, "due_soon_days", plans.DEFAULT_DUE_SOON_WORKING_DAYS
    )
    region_name = coerce.to_text(region, "region", sendkit.DEFAULT_REGION)
    show = str(coerce.to_text(part, "part", "rag")).lower()
    if show not in {"rag", "reason"}:
        msg = f"part {show!r} is not one of rag, reason"
        raise coerce.ExcelInputError(msg)

    def rate(text: object, start: object, due: object) -> str:
        action = plans.Action(
            id="row",
            status=plans.parse_choice(plans.Status, coerce.to_text(text, "status")),
            start=coerce.to_date(start, "start_date", None),
            due=coerce.to_date(due, "due_date", None),
        )
        result = action.assess(day, due_soon_working_days=window, region=region_name)
        return result.rag.value if show == "rag" else result.reason

    return _cells(
        rate, [status, start_date, due_date], ["status", "start_date", "due_date"]
    )


# -- time-limit rules --------------------------------------------------------------


def _rule_code(value: object, name: str = "rule_code") -> str:
    return str(coerce.to_text(value, name)).lower()


def _status(confidence: sendkit.Confidence) -> str:
    """``confirmed [P]`` or ``UNCONFIRMED [S]``: the words of sendkit's reports."""
    word = "confirmed" if confidence.confirmed else "UNCONFIRMED"
    return f"{word} {confidence.tag}"


#: SK_DUE_DATE(..., detail=TRUE) spills these for each start date, in one row.
_DETAIL_COLUMNS: Final = (
    ("due", lambda d: d.due),
    ("status", lambda d: _status(d.confidence)),
    ("kind", lambda d: "deadline" if d.is_hard_limit else "expected"),
    ("source", lambda d: d.source),
    ("holidays", lambda d: _horizon(d.due)),
)


@func
@_excel_errors
@arg("rule_code", ndim=2, doc="A rule code from SK_RULES(), such as ehc.final-plan.")
@arg("start_date", ndim=2, doc="The date the clock starts (the rule's start event).")
@arg("region", doc=_REGION_DOC)
@arg("closures", ndim=2, doc=_CLOSURES_DOC)
@arg("other_date", ndim=2, doc="Second clock's date, if the rule has one (SK_RULES).")
@arg(
    "detail",
    doc="TRUE: spill due date, confirmed or UNCONFIRMED, deadline or expected, source.",
)
def sk_due_date(  # noqa: PLR0917 - Excel passes every argument by position
    rule_code, start_date, region=None, closures=None, other_date=None, detail=None
):
    """Due date of a statutory or framework time limit; detail TRUE adds how firm it is."""
    region_name = coerce.to_text(region, "region", sendkit.DEFAULT_REGION)
    closure_days = coerce.dates_in(closures, "closures")
    detailed = coerce.to_flag(detail, "detail", default=False)

    def due(start: object, code: object, other: object) -> Any:
        rule = sendkit.get_rule(_rule_code(code))
        extra = coerce.to_date(other, "other_date", None)
        inputs = {}
        if extra is not None:
            if len(rule.inputs) != 1:
                msg = f"rule {rule.code!r} takes no other_date"
                raise coerce.ExcelInputError(msg)
            inputs[rule.inputs[0]] = extra
        found = sendkit.deadline(
            rule,
            coerce.to_date(start, "start_date"),
            region=region_name,
            closures=closure_days,
            **inputs,
        )
        if detailed:
            return [read(found) for _, read in _DETAIL_COLUMNS]
        return found.due

    values = [start_date, rule_code, other_date]
    names = ["start_date", "rule_code", "other_date"]
    if not detailed:
        return _cells(due, values, names)
    # One row per start date, so the ranges must be a single column.
    rows, cols, columns = coerce.broadcast(values, names)
    if cols != 1:
        msg = "with detail TRUE, give the start dates and rule codes as one column"
        raise coerce.ExcelInputError(msg)
    if rows == 1:
        if coerce.is_blank(coerce.scalar(columns[0][0], names[0])):
            return ""
        return [due(*(column[0] for column in columns))]
    width = len(_DETAIL_COLUMNS)
    return [
        cell
        if isinstance(cell, list)
        else [cell] * width  # a bad row is an error in every column; a gap is empty
        for cell in coerce.each(due, columns)
    ]


@func
@_excel_errors
@arg("rule_code", ndim=2, doc="A rule code from SK_RULES(), or a range of them.")
def sk_rule_status(rule_code):
    """Is a rule's figure confirmed by a primary source? confirmed [P] or UNCONFIRMED [S]..."""

    def status(code: object) -> str:
        return _status(sendkit.get_rule(_rule_code(code)).confidence)

    return _cells(status, [rule_code], ["rule_code"])


#: SK_RULES columns: header and how to read each from a rule.
_RULE_COLUMNS: Final = (
    ("code", lambda rule: rule.code),
    ("summary", lambda rule: rule.summary),
    ("clock starts", lambda rule: rule.clock_starts),
    ("period", lambda rule: rule.describe_period()),
    ("basis", lambda rule: rule.basis.value),
    ("hard limit", lambda rule: rule.is_hard_limit),
    ("confidence", lambda rule: rule.confidence.tag),
    ("confirmed", lambda rule: rule.confirmed),
    ("other date", lambda rule: ", ".join(rule.inputs)),
    ("source", lambda rule: rule.source),
    ("url", lambda rule: rule.url),
    ("note", lambda rule: rule.note),
)


@func
@_excel_errors
@arg("family", doc="Optional: only rules whose code starts with this, e.g. ehc.")
def sk_rules(family=None):
    """The time-limit rules with sources and confidence, as a table that spills."""
    prefix = str(coerce.to_text(family, "family", "")).lower()
    rows: list[list[Any]] = [[header for header, _ in _RULE_COLUMNS]]
    for code in sendkit.RULES:
        if code.startswith(prefix):
            rule = sendkit.RULES[code]
            rows.append([read(rule) for _, read in _RULE_COLUMNS])
    if len(rows) == 1:
        msg = f"no rule code starts with {prefix!r}"
        raise coerce.ExcelInputError(msg)
    return rows


# -- EHC needs assessments ---------------------------------------------------------


#: Any received date: which steps it dates does not depend on the day.
_PROBE_RECEIVED: Final = dt.date(2024, 1, 8)


@functools.cache
def _steps_from_receipt() -> frozenset[str]:
    """The EHC steps whose clock starts the day the request is received.

    Asked of the per-case timeline itself rather than listed here: given a
    case with only its received date, the steps the timeline can already date
    are exactly those (advice waits for the request for advice, the parent's
    window for the draft plan).
    """
    from sendkit import ehc  # on first use: a faster start

    case = ehc.EhcCase(case_id="probe", received=_PROBE_RECEIVED)
    timeline = ehc.case_timeline(case, as_of=_PROBE_RECEIVED)
    return frozenset(step.code for step in timeline.steps if step.due is not None)


def _ehc_step(value: object) -> str:
    """The rule code of a step counted from the request's receipt, or an error."""
    code = _rule_code(value, "step_code")
    code = code if code.startswith("ehc.") else f"ehc.{code}"
    rule = sendkit.get_rule(code)  # an unknown code says so, with suggestions
    if code not in _steps_from_receipt():
        msg = (
            f"{code} does not count from the request's receipt (its clock starts: "
            f'{rule.clock_starts}); use =SK_DUE_DATE("{code}", that date) instead'
        )
        raise coerce.ExcelInputError(msg)
    return code


#: SK_EHC_DUE's table: header and how to read each from a case-timeline step.
_EHC_STEP_COLUMNS: Final = (
    ("step", lambda step: step.code),
    ("what", lambda step: step.name),
    ("due", lambda step: step.due or ""),
    ("confidence", lambda step: sendkit.get_rule(step.code).confidence.tag),
    ("confirmed", lambda step: sendkit.get_rule(step.code).confirmed),
    ("holidays", lambda step: _horizon(step.due)),
)


@func
@_excel_errors
@arg("received_date", ndim=2, doc="The date the request for assessment was received.")
@arg(
    "step_code",
    ndim=2,
    doc="A step counted from the request, such as final-plan; empty lists every step.",
)
@arg("region", doc=_REGION_DOC)
def sk_ehc_due(received_date, step_code=None, region=None):
    """Due date of an EHC step counted from the request; no step: every step spills."""
    from sendkit import ehc  # on first use: a faster start

    region_name = coerce.to_text(region, "region", sendkit.DEFAULT_REGION)
    steps = coerce.as_grid(step_code)
    if (
        len(steps) == 1
        and len(steps[0]) == 1
        and coerce.is_blank(coerce.scalar(steps[0][0], "step_code"))
    ):
        received = coerce.to_date(received_date, "received_date")
        case = ehc.EhcCase(case_id="excel", received=received)
        timeline = ehc.case_timeline(case, as_of=received, region=region_name)
        rows: list[list[Any]] = [[header for header, _ in _EHC_STEP_COLUMNS]]
        rows.extend([read(s) for _, read in _EHC_STEP_COLUMNS] for s in timeline.steps)
        return rows

    def due(received: object, code: object) -> Any:
        return sendkit.deadline(
            _ehc_step(code),
            coerce.to_date(received, "received_date"),
            region=region_name,
        ).due

    return _cells(due, [received_date, step_code], ["received_date", "step_code"])


#: SK_EHC_TIMELINESS rows: label and the key of `Timeliness.to_dict`.
_TIMELINESS_ROWS: Final = (
    ("year", "year"),
    ("plans issued", "issued"),
    ("within 20 weeks", "within_20_weeks"),
    ("% within 20 weeks", "percent"),
    ("plans issued, exceptions removed", "issued_excluding_exceptions"),
    ("within 20 weeks, exceptions removed", "within_20_weeks_excluding_exceptions"),
    ("% within 20 weeks, exceptions removed", "percent_excluding_exceptions"),
    ("exception cases", "exceptions"),
    ("over 20 up to 52 weeks", "over_20_to_52_weeks"),
    ("over 52 weeks", "over_52_weeks"),
    ("average weeks", "average_weeks"),
    ("limit in days", "limit_days"),
    ("how the limit is counted", "convention"),
)


@func
@_excel_errors
@arg("received_dates", ndim=2, doc="Range of request received dates, one per case.")
@arg("issued_dates", ndim=2, doc="Range of final plan issue dates (empty: none yet).")
@arg("exceptions", ndim=2, doc="Range of Week20 exception flags (TRUE/1/Y); or empty.")
@arg("issue_year", doc="Calendar year of issue to measure, e.g. 2024.")
@arg("boundary_inclusive", doc="Is day 140 itself in time? TRUE (default) or FALSE.")
def sk_ehc_timeliness(
    received_dates, issued_dates, exceptions, issue_year, boundary_inclusive=None
):
    """The 20-week measure for plans issued in a year, as DfE counts it (spills)."""
    from sendkit import ehc  # on first use: a faster start

    rows, cols, (received, issued, flags) = coerce.broadcast(
        [received_dates, issued_dates, exceptions],
        ["received_dates", "issued_dates", "exceptions"],
    )
    cases = []
    for i in range(rows * cols):
        where = f" (row {i + 1})"
        if coerce.is_blank(coerce.scalar(received[i], "received_dates" + where)):
            continue
        cases.append(
            ehc.EhcCase(
                case_id=f"row {i + 1}",
                received=coerce.to_date(received[i], "received_dates" + where),
                plan_issued=coerce.to_date(issued[i], "issued_dates" + where, None),
                week20=coerce.to_flag(flags[i], "exceptions" + where, None),
            )
        )
    result = ehc.timeliness(
        cases,
        year=coerce.to_int(issue_year, "issue_year"),
        boundary_inclusive=coerce.to_flag(
            boundary_inclusive, "boundary_inclusive", default=True
        ),
    ).to_dict()
    table: list[list[Any]] = [["measure", "value"]]
    table.extend(
        [label, "" if result[key] is None else result[key]]
        for label, key in _TIMELINESS_ROWS
    )
    return table
