"""Reading EHC caseloads from CSV, XLSX and SEN2 XML files.

The tabular layout uses SEN2's own field names (DfE's SEN2 person-level
technical specification, https://www.gov.uk/government/publications/special-educational-needs-person-level-survey-technical-specification), one row per
request for an EHC needs assessment.
Column names are matched ignoring case, spaces and underscores, so COLLECT's
lower-case export names (``receiveddate``) work too.
Columns sendkit does not use are ignored and listed by name only: their
contents (names, dates of birth, postcodes...) are never read into a case and
never printed.
Problems and queries name the row and column but never show a cell's value:
a name or a birth date typed into the wrong column must not be printed back.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import gc
import itertools
import pathlib
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import compress, islice, repeat
from operator import is_, lt
from types import MappingProxyType
from typing import Any, Final

import attrs

from ..dates import ACCEPTED_DATE_FORMS, as_date, excel_serial_to_date, parse_date
from ..ehc._model import CaseException, EhcCase, ExceptionReason
from ..ehc._timeline import Step
from ..errors import InvalidInputError, RowError, SendkitError
from ._case_file import NOT_SHOWN, CaseFile, Problem, case_queries
from ._cells import guard_formula, unguard_formula
from ._files import FileError, atomic_write, check_input, csv_rows, cut
from ._progress import counted
from ._sen2xml import read_sen2_xml
from ._sheets import ODS_NULL_DATE, Row, stream_sheets

__all__ = [
    "COLUMNS",
    "REQUIRED_COLUMNS",
    "STEP_COLUMNS",
    "CaseFile",
    "Problem",
    "case_queries",
    "cases_from_rows",
    "read_cases",
    "write_cases",
    "write_steps",
]

#: Every column sendkit reads, in file order, with the `EhcCase` field it fills.
#: The first seven are SEN2 names; the rest are sendkit's own additions.
COLUMNS: Final = MappingProxyType(
    {
        "CaseId": "case_id",
        "ReceivedDate": "received",
        "RequestOutcomeDate": "request_outcome_date",
        "AssessmentOutcomeDate": "assessment_outcome_date",
        "StartDate": "plan_issued",
        "Week20": "week20",
        "DecidedToAssess": "decided_to_assess",
        "AdviceRequestedDate": "advice_requested",
        "AdviceReceivedDate": "advice_received",
        "DecidedToIssue": "decided_to_issue",
        "DraftPlanDate": "draft_issued",
        "ExceptionReason": "exceptions",
        "ExceptionNote": "exception_note",
    }
)
#: Columns a file must have.
REQUIRED_COLUMNS: Final = ("CaseId", "ReceivedDate")

_DATE_FIELDS: Final = frozenset(
    {
        "received",
        "request_outcome_date",
        "assessment_outcome_date",
        "plan_issued",
        "advice_requested",
        "advice_received",
        "draft_issued",
    }
)
_FLAG_FIELDS: Final = frozenset({"week20", "decided_to_assess", "decided_to_issue"})
_TRUE: Final = frozenset({"1", "y", "yes", "true"})
_FALSE: Final = frozenset({"0", "n", "no", "false"})
_FLAG_FORMS: Final = "1 or 0 (also Y/N, yes/no, true/false), or blank"
#: The reason given for a date cell that cannot be read.
_NOT_A_DATE: Final = (
    f"is not a real date in an accepted form ({ACCEPTED_DATE_FORMS}, "
    "or COLLECT's 2022-Sep-28)"
)

#: Accepted spellings of each exception reason: the enum value, the limb letter
#: of reg 10(4), or the limb written out.
_REASONS: Final = MappingProxyType(
    {
        **{reason.value: reason for reason in ExceptionReason},
        **{
            spelling: reason
            for letter, reason in zip("abcd", ExceptionReason, strict=True)
            for spelling in (letter, f"10(4)({letter})", f"reg 10(4)({letter})")
        },
    }
)


def _squash(name: str) -> str:
    return "".join(name.split()).replace("_", "").lower()


_BY_SQUASHED: Final = MappingProxyType({_squash(name): name for name in COLUMNS})


class _CellError(Exception):
    """A cell that cannot be read; the message is safe to print."""


def _text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


#: COLLECT's "Blade" CSV export writes dates as ``2022-Sep-28 00:00:00`` (as read
#: by Mastodon C's witan.sen2, https://github.com/MastodonC/witan.sen2).
_COLLECT_DATE: Final = re.compile(r"(\d{4})-([A-Za-z]{3})-(\d{1,2})(?: 00:00:00)?")
_MONTHS: Final = MappingProxyType(
    {
        name: number
        for number, name in enumerate(
            [
                "jan",
                "feb",
                "mar",
                "apr",
                "may",
                "jun",
                "jul",
                "aug",
                "sep",
                "oct",
                "nov",
                "dec",
            ],
            start=1,
        )
    }
)


#: The serials a caseload's date column may hold (1900 system): 61 is
#: 1 March 1900 (60 stands for 29 February 1900, which did not exist, and
#: nothing in a caseload is older), 2958465 is 31 December 9999.
_FIRST_SERIAL: Final = 61
_LAST_SERIAL: Final = 2_958_465


def _excel_serial(value: float, column: str, *, serials: bool | dt.date) -> dt.date:
    """Read a number from a workbook's date column as a date serial.

    *serials* is True for Excel's 1900 system, the file's own day 0 for
    another system (1 January 1904 for Excel's 1904 system, an ODS file's
    ``table:null-date``), or False to refuse numbers.
    """
    if serials is False:
        msg = (
            f"{column} is a number, and this workbook uses the 1904 date system, "
            "whose serials sendkit does not read; format the column as dates or "
            f"write them as text ({ACCEPTED_DATE_FORMS}); {NOT_SHOWN}"
        )
        raise _CellError(msg)
    if not float(value).is_integer():
        msg = (
            f"{column} is a number with a fraction of a day; a date serial must be "
            f"a whole number; {NOT_SHOWN}"
        )
        raise _CellError(msg)
    serial = int(value)
    if serials is not True:
        return _serial_from(serials, serial, column)
    if serial == _FIRST_SERIAL - 1:
        msg = (
            f"{column} is the Excel date serial 60, which stands for 29 February "
            "1900, a day that did not exist; enter the real date"
        )
        raise _CellError(msg)
    if not _FIRST_SERIAL <= serial <= _LAST_SERIAL:
        msg = (
            f"{column} is a number outside the Excel date serials sendkit reads "
            f"({_FIRST_SERIAL}, 1 March 1900, to {_LAST_SERIAL}, 31 December 9999); "
            f"{NOT_SHOWN}"
        )
        raise _CellError(msg)
    return excel_serial_to_date(serial, field=column)


def _serial_from(day0: dt.date, serial: int, column: str) -> dt.date:
    """The day *serial* days after *day0*, a file's own day 0 (1904 system, ODS)."""
    try:
        day = day0 + dt.timedelta(days=serial)
    except OverflowError:
        day = dt.date.min
    if serial < 1 or day == dt.date.min:
        msg = (
            f"{column} is a number outside the date serials of this file's date "
            f"system (1 to 31 December 9999); {NOT_SHOWN}"
        )
        raise _CellError(msg)
    return day


def _read_date(
    value: object, column: str, *, serials: bool | dt.date = True
) -> dt.date | None:
    if isinstance(value, dt.date):
        return as_date(value, column)
    if isinstance(value, bool):
        msg = f"{column} is TRUE or FALSE, not a date; {NOT_SHOWN}"
        raise _CellError(msg)
    if isinstance(value, int | float):
        # Only a workbook gives numbers: a CSV cell is always text, and text
        # digits are never read as a serial.
        return _excel_serial(value, column, serials=serials)
    text = _text(value)
    if not text:
        return None
    if (match := _COLLECT_DATE.fullmatch(text)) and (
        month := _MONTHS.get(match[2].lower())
    ):
        try:
            return dt.date(int(match[1]), month, int(match[3]))
        except ValueError:
            msg = f"{column} {_NOT_A_DATE}; {NOT_SHOWN}"
            raise _CellError(msg) from None
    try:
        return parse_date(text, field=column)
    except SendkitError:
        # parse_date shows the text; a cell may hold a name, so say why only.
        msg = f"{column} {_NOT_A_DATE}; {NOT_SHOWN}"
        raise _CellError(msg) from None


def _read_flag(value: object, column: str) -> bool | None:
    if isinstance(value, bool):
        return value
    text = _text(value).lower()
    if not text:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    msg = f"{column} must be {_FLAG_FORMS}; {NOT_SHOWN}"
    raise _CellError(msg)


def _read_reasons(value: object, column: str) -> tuple[ExceptionReason, ...]:
    text = _text(value).lower()
    reasons = []
    for part in filter(None, (p.strip() for p in text.replace(",", ";").split(";"))):
        reason = _REASONS.get(part)
        if reason is None:
            accepted = ", ".join(r.value for r in ExceptionReason)
            msg = (
                f"{column} holds something that is not an exception reason; "
                f"expected one of {accepted} or the reg 10(4) limb letter a-d, "
                f"separated by ';'; {NOT_SHOWN}"
            )
            raise _CellError(msg)
        reasons.append(reason)
    return tuple(reasons)


def _map_header(
    header: Sequence[object],
) -> tuple[dict[int, str], list[str], list[str]]:
    """Return {position: column name}, the ignored names and duplicate names."""
    used: dict[int, str] = {}
    ignored: list[str] = []
    duplicates: list[str] = []
    seen: set[str] = set()
    for position, raw in enumerate(header):
        name = _text(raw) if raw is not None else ""
        column = _BY_SQUASHED.get(_squash(name))
        if column is None:
            if name:
                ignored.append(cut(name))
        elif column in seen:
            duplicates.append(column)
        else:
            seen.add(column)
            used[position] = column
    return used, ignored, duplicates


def _read_cell(
    field: str, value: object, column: str, *, serials: bool | dt.date, guarded: bool
) -> object:
    """Convert one non-empty cell for *field*; raise `_CellError` if unreadable."""
    if field in _DATE_FIELDS:
        return _read_date(value, column, serials=serials)
    if field in _FLAG_FIELDS:
        return _read_flag(value, column)
    if field == "exceptions":
        return _read_reasons(value, column)
    # The case id, or the free-text note (kept, never echoed); in a CSV file,
    # undo the formula guard that write_cases adds.
    text = _text(value)
    return unguard_formula(text) if guarded else text


def _case_from_cells(
    cells: Mapping[str, object], *, serials: bool | dt.date, guarded: bool = False
) -> EhcCase:
    """Build a case from named cells, raising `_CellError` with a column name."""
    values: dict[str, Any] = {}
    for column, value in cells.items():
        if value is None:
            continue
        try:
            values[COLUMNS[column]] = _read_cell(
                COLUMNS[column], value, column, serials=serials, guarded=guarded
            )
        except _CellError as exc:
            raise _CellError(column, str(exc)) from None
    return EhcCase(**_finish_case(values))


def _finish_case(values: dict[str, Any]) -> dict[str, Any]:
    """Check the converted *values* of one row; return the case's fields.

    Raises:
        _CellError: ``(column, reason)`` for the first check that fails.
    """
    get = values.get
    if not get("case_id"):
        raise _CellError("CaseId", "CaseId is empty; every row needs an opaque case id")
    received = get("received")
    if received is None:
        raise _CellError("ReceivedDate", "ReceivedDate is empty")
    for column, field in _DATE_COLUMNS:
        later = get(field)
        if later is not None and later < received:
            msg = f"{column} is before ReceivedDate; the row was left out"
            raise _CellError(column, msg)
    note = values.pop("exception_note", "")
    reasons = get("exceptions", ())
    if reasons:
        if get("week20") is False:
            msg = "ExceptionReason is given but Week20 is 0"
            raise _CellError("ExceptionReason", msg)
        values["exceptions"] = tuple(
            CaseException(reason=reason, note=note) for reason in reasons
        )
    else:
        values["exceptions"] = ()
    return values


def _build_checked(values: dict[str, Any]) -> EhcCase:
    """Build a case from values `_finish_case` has checked, without re-checking.

    The reader has already done everything `EhcCase`'s validators do: the
    id is non-empty text, every date is a `datetime.date` (never a datetime)
    on or after ``received``, and reasons never come with ``Week20 = 0``.
    Setting the slots directly costs half of the validated constructor, which
    matters on a 200,000-row file. If `EhcCase` gains a field this module
    does not know, the validated constructor is used instead.
    """
    if not _FAST:  # pragma: no cover - a field this reader does not know
        return EhcCase(**values)
    get = values.get
    case = _NEW(EhcCase)
    _SET(case, "case_id", values["case_id"])
    _SET(case, "received", values["received"])
    _SET(case, "request_outcome_date", get("request_outcome_date"))
    _SET(case, "decided_to_assess", get("decided_to_assess"))
    _SET(case, "advice_requested", get("advice_requested"))
    _SET(case, "advice_received", get("advice_received"))
    _SET(case, "assessment_outcome_date", get("assessment_outcome_date"))
    _SET(case, "decided_to_issue", get("decided_to_issue"))
    _SET(case, "draft_issued", get("draft_issued"))
    _SET(case, "plan_issued", get("plan_issued"))
    _SET(case, "week20", get("week20"))
    _SET(case, "exceptions", values["exceptions"])
    return case


_NEW: Final = object.__new__
_SET: Final = object.__setattr__
_FIELDS: Final = attrs.fields(EhcCase)
#: Whether `_build_checked` knows every field of `EhcCase` and its default
#: (``None``, or ``()`` for the exceptions, always set by the reader).
_FAST: Final = [field.name for field in _FIELDS] == [
    "case_id",
    "received",
    "request_outcome_date",
    "decided_to_assess",
    "advice_requested",
    "advice_received",
    "assessment_outcome_date",
    "decided_to_issue",
    "draft_issued",
    "plan_issued",
    "week20",
    "exceptions",
] and all(field.default in {None, attrs.NOTHING, ()} for field in _FIELDS)
#: The validators and converters of `EhcCase`'s fields that `_build_block`'s
#: checks stand in for, by function name (``None``: no validator).
_CHECKED_BY_THE_READER: Final = {
    "case_id": ("_non_empty", None),
    "received": ("_check_date", "to_day"),
    **dict.fromkeys(
        (
            "request_outcome_date",
            "advice_requested",
            "advice_received",
            "assessment_outcome_date",
            "draft_issued",
            "plan_issued",
        ),
        ("_later_date", "to_day"),
    ),
    **dict.fromkeys(("decided_to_assess", "decided_to_issue", "week20"), (None, None)),
    "exceptions": ("_consistent_exceptions", "_to_exceptions"),
}
#: Whether `cases_from_rows` may convert blocks of text rows column by column
#: (`_read_blocks`): only while `EhcCase` checks exactly what the reader checks.
#: Tests turn it off to compare with the plain path.
_COLUMNWISE = (
    _FAST
    and {
        field.name: (
            getattr(field.validator, "__name__", None),
            getattr(field.converter, "__name__", None),
        )
        for field in _FIELDS
    }
    == _CHECKED_BY_THE_READER
)


#: The date columns, in `COLUMNS` order, with their fields.
_DATE_COLUMNS: Final = tuple(
    (column, field) for column, field in COLUMNS.items() if field in _DATE_FIELDS
)
#: Distinct texts remembered per column; past this a hostile file with a
#: different text in every cell is converted without memory growing.
_MEMO_LIMIT: Final = 50_000


class _Failure:
    """A cell that could not be converted: the reason, safe to print."""

    __slots__ = ("reason",)

    def __init__(self, reason: str) -> None:
        self.reason = reason


class _Column:
    """How to convert one used column: its place, name, field and memory.

    *memo* remembers the result for each distinct text of a date, flag or
    exception-reason column (``None`` for text columns, which are not
    repeated): a caseload of 200,000 rows holds only a few thousand distinct
    dates, so each is parsed once.
    """

    __slots__ = ("column", "convert", "field", "guarded", "memo", "position")

    def __init__(
        self, position: int, column: str, *, serials: bool | dt.date, guarded: bool
    ) -> None:
        self.position = position
        self.column = column
        self.guarded = guarded
        self.field = field = COLUMNS[column]
        self.memo: dict[str, object] | None = (
            {}
            if field in _DATE_FIELDS or field in _FLAG_FIELDS or field == "exceptions"
            else None
        )

        def convert(value: object) -> object:
            try:
                return _read_cell(
                    field, value, column, serials=serials, guarded=guarded
                )
            except _CellError as exc:
                return _Failure(str(exc))

        self.convert = convert


_MISSING: Final = object()


#: One used column as `_convert_row` wants it: position, name, field, memo
#: (or ``None`` for the text columns), converter, and whether text is guarded.
_Spec = tuple[
    int, str, str, "dict[str, object] | None", Callable[[object], object], bool
]


def _specs(columns: Sequence[_Column]) -> list[_Spec]:
    return [
        (c.position, c.column, c.field, c.memo, c.convert, c.guarded) for c in columns
    ]


def _convert_row(  # noqa: C901, PLR0912 - the hot loop, kept flat for speed
    row: Sequence[object], specs: Sequence[_Spec]
) -> tuple[bool, dict[str, Any], tuple[str, str] | None]:
    """Convert one row's used cells: ``(blank, values, first failure)``."""
    size = len(row)
    values: dict[str, Any] = {}
    failure: tuple[str, str] | None = None
    blank = True
    for position, name, field, memo, convert, guarded in specs:
        if position >= size:
            continue
        value = row[position]
        if value is None:
            continue
        if isinstance(value, str):
            if blank and value and not value.isspace():
                blank = False
            if memo is not None:
                result = memo.get(value, _MISSING)
                if result is _MISSING:
                    result = convert(value)
                    if len(memo) < _MEMO_LIMIT:
                        memo[value] = result
            else:  # the case id or the note: `_read_cell`'s text path, inlined
                result = value.strip()
                if guarded and result.startswith("'"):
                    result = result[1:]
        else:
            blank = False
            result = convert(value)
        if isinstance(result, _Failure):
            if failure is None:
                failure = (name, result.reason)
        else:
            values[field] = result
    return blank, values, failure


def _row_case(values: dict[str, Any], failure: tuple[str, str] | None) -> EhcCase:
    """Build the row's case, or raise `_CellError` for its first bad cell."""
    if failure is not None:
        raise _CellError(*failure)
    return _build_checked(_finish_case(values))


def _add_queries(
    queries: list[Problem], case: EhcCase, number: int, source: str | None
) -> None:
    """Append a `Problem` for each sendkit check *case* does not pass."""
    if found := case_queries(case):
        queries.extend(
            Problem(reason=reason, row=number, column=column, source=source)
            for column, reason in found
        )


@contextlib.contextmanager
def _cycle_collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector (`gc`) while a caseload is read.

    Reading makes no reference cycles: every object it drops is freed at
    once by reference counting, so the collector has nothing to find. But
    each case kept is a new container it would walk, again and again, as the
    caseload grows: about a fifth of the reading time on 200,000 rows. The
    collector is switched back on (if it was on) however reading ends.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


class _Collector:
    """What `cases_from_rows` has gathered so far, fed a row or a case at a time.

    `row` is the plain path: one row's cells converted and checked, the case
    built or the row's first problem recorded. `case` takes a case the
    column-wise path has built and checked; `block` takes many at once.
    Every path gives the same cases, problems and queries in file order.
    """

    __slots__ = ("cases", "first_seen", "problems", "queries", "source", "strict")

    def __init__(
        self, source: str | None, *, strict: bool, problems: list[Problem]
    ) -> None:
        self.source = source
        self.strict = strict
        self.problems = problems
        self.queries: list[Problem] = []
        self.cases: list[EhcCase] = []
        self.first_seen: dict[str, int] = {}

    def row(self, number: int, row: Sequence[object], specs: Sequence[_Spec]) -> None:
        """Read one row by the plain path."""
        blank, values, failure = _convert_row(row, specs)
        if blank:
            return
        try:
            case = _row_case(values, failure)
        except _CellError as exc:
            column, reason = exc.args
            problem = Problem(
                reason=reason, row=number, column=column, source=self.source
            )
        except InvalidInputError as exc:  # a model invariant; message has no PII
            problem = Problem(reason=str(exc), row=number, source=self.source)
        else:
            self.case(number, case)
            return
        self.problem(problem)

    def case(self, number: int, case: EhcCase) -> None:
        """Keep a built case, unless its id repeats an earlier row's."""
        first = self.first_seen.get(case.case_id)
        if first is None:
            self.first_seen[case.case_id] = number
            self.cases.append(case)
            _add_queries(self.queries, case, number, self.source)
            return
        self.problem(
            Problem(
                reason=(
                    f"CaseId {cut(case.case_id)!r} repeats row {first}; "
                    "this row is left out"
                ),
                row=number,
                column="CaseId",
                source=self.source,
            )
        )

    def problem(self, problem: Problem) -> None:
        """Record a row's problem, or raise it when reading strictly."""
        if self.strict:
            raise problem.to_error()
        self.problems.append(problem)

    def block(
        self,
        first: int,
        built: _Built,
        rows: Sequence[Sequence[object]],
        specs: Sequence[_Spec],
    ) -> None:
        """Take a block of rows the column-wise path has built, in file order.

        *built* holds the cases of the rows it could check; the others (and
        every case whose id is not new) go through `row` and `case`, so the
        problems are exactly the plain path's.
        """
        cases, kept, ids, asked = built
        seen = self.first_seen
        fresh = len(kept) == len(rows) and seen.keys().isdisjoint(ids)
        if fresh:
            before = len(seen)
            seen.update(zip(ids, range(first, first + len(ids)), strict=True))
            if len(seen) - before < len(ids):  # an id repeats within the block
                for case_id in ids:  # take them out again; the rows decide
                    seen.pop(case_id, None)
                fresh = False
        if fresh:
            # The common block: every row read, every id new.
            self.cases.extend(cases)
            queries, source = self.queries, self.source
            for index in asked:
                _add_queries(queries, cases[index], first + index, source)
            return
        built_at = dict(zip(kept, cases, strict=True))
        for offset, row in enumerate(rows):
            case = built_at.get(offset)
            if case is None:
                self.row(first + offset, row, specs)
            else:
                self.case(first + offset, case)


#: Rows read together by the column-wise path: large enough that the
#: per-block work is small, small enough that memory follows one block.
_BLOCK = 512
#: The cases one block built, the block offsets they come from, their ids,
#: and the indices of the cases `case_queries` may question.
_Built = tuple[list[EhcCase], "Sequence[int]", list[str], list[int]]
#: The date fields after ``received``, which must not be before it.
_LATER: Final = tuple(field for _, field in _DATE_COLUMNS if field != "received")
#: Runs an iterator to its end, keeping nothing (a C-level loop).
_CONSUME: Final = deque[object](maxlen=0).extend
#: Each `EhcCase` field with its slot, in `attrs` order.
_SLOTS: Final = tuple((field.name, vars(EhcCase)[field.name]) for field in _FIELDS)


def _read_blocks(
    rows: Iterable[Sequence[object]],
    specs: Sequence[_Spec],
    first_row: int,
    collect: _Collector,
) -> None:
    """Feed *rows* to *collect* a block at a time, converted column by column.

    A block whose cells are all text (every CSV file) is converted a column
    at a time with C-level loops, each distinct date text parsed once; rows
    the checks below cannot pass (a bad cell, a short row, an empty CaseId,
    a date before ReceivedDate...) go through the plain path, which names
    the problem. A block holding other cells (a workbook's numbers, dates or
    empty cells) goes through the plain path whole.
    """
    last = max(spec[0] for spec in specs)
    known = {spec[2]: _Known(spec[4]) for spec in specs if spec[3] is not None}
    source = iter(rows)
    number = first_row
    while True:
        block: list[Sequence[object]] = []
        error: Exception | None = None
        try:
            block.extend(islice(source, _BLOCK))
        except Exception as exc:  # noqa: BLE001 - raised below, after the rows before it
            error = exc
        if block:
            built = _build_block(block, specs, known, last)
            if built is None:
                for offset, row in enumerate(block):
                    collect.row(number + offset, row, specs)
            else:
                collect.block(number, built, block, specs)
            number += len(block)
        if error is not None:
            raise error
        if len(block) < _BLOCK:
            return


class _Known(dict[object, object]):
    """The converted value of each distinct text of one column that converts.

    Looking a cell up converts it the first time (`__missing__`): a column
    is then one C-level pass, ``list(map(known.__getitem__, cells))``, and a
    caseload's few thousand distinct dates are each parsed once. Up to
    `_MEMO_LIMIT` texts are remembered; past that, texts are converted
    without being kept, so memory stays bounded on a hostile file.
    A text that fails is never kept: its look-up adds it to `wrong` and
    gives ``None``, and the reader sends the rows holding it to the row path.
    A cell that is not text raises `TypeError`: the block goes row by row.
    """

    __slots__ = ("convert", "wrong")

    def __init__(self, convert: Callable[[object], object]) -> None:
        super().__init__()
        self.convert = convert
        self.wrong: set[str] = set()

    def __missing__(self, text: object) -> object:
        if not isinstance(text, str):
            raise TypeError
        result = self.convert(text)
        if isinstance(result, _Failure):
            self.wrong.add(text)
            return None
        if len(self) < _MEMO_LIMIT:
            self[text] = result
        return result


def _convert_columns(
    rows: Sequence[Sequence[object]],
    specs: Sequence[_Spec],
    known: dict[str, _Known],
    bad: set[int],
) -> dict[str, list[Any]] | None:
    """Convert each used column of *rows*; add the rows with a failing cell to *bad*.

    Returns ``None`` if a used cell is not text.
    """
    values: dict[str, list[Any]] = {}
    try:
        columns = list(zip(*rows, strict=False))  # to the shortest row; long enough
        for position, _, field, memo, _, guarded in specs:
            column = columns[position]
            if field == "exception_note":  # read only where there is a reason
                "".join(column)  # but every note must be text: TypeError if not
                values[field] = list(column)
                continue
            if memo is None:  # the case id: stripped text
                texts = list(map(str.strip, column))
                if guarded:
                    texts = list(map(str.removeprefix, texts, repeat("'")))
                values[field] = texts
                continue
            table = known[field]
            if column.count("") == len(column):  # every cell empty text
                values[field] = [table[""]] * len(column)
            else:
                values[field] = list(map(table.__getitem__, column))
            if wrong := table.wrong:
                bad.update(i for i, text in enumerate(column) if text in wrong)
                wrong.clear()
    except TypeError:  # a cell that is not text: the plain path
        for table in known.values():
            table.wrong.clear()
        return None
    return values


def _build_block(  # noqa: C901, PLR0912 - one pass over the columns, kept flat
    block: Sequence[Sequence[object]],
    specs: Sequence[_Spec],
    known: dict[str, _Known],
    last: int,
) -> _Built | None:
    """Convert and check *block* column by column; build the cases that pass.

    A row is built here only when the plain path would build the same case
    from it: every used cell present and text, none failing to convert, a
    CaseId, a ReceivedDate, no later date before it, and no exception reason
    with ``Week20 = 0``. These are the checks of `_finish_case`, and with
    them every validator of `EhcCase` holds (``case_id`` is non-blank text,
    every date a `datetime.date` on or after ``received``, reasons only when
    ``week20`` is not False), so the cases are set slot by slot without
    running the validators again; `_COLUMNWISE` is off if `EhcCase`'s
    fields or validators are not the ones this relies on. Other rows are
    left for the plain path.

    Returns ``None`` if a used cell is not text.
    """
    rows = block
    kept: Sequence[int] = range(len(block))
    if min(map(len, block)) <= last:  # a short or blank row: the plain path
        kept = [offset for offset, row in enumerate(block) if len(row) > last]
        rows = [block[offset] for offset in kept]
    if not rows:
        return [], [], [], []
    bad: set[int] = set()
    values = _convert_columns(rows, specs, known, bad)
    if values is None:
        return None
    ids, received = values["case_id"], values["received"]
    if "" in ids:
        bad.update(i for i, text in enumerate(ids) if not text)
    if None in received:
        bad.update(i for i, day in enumerate(received) if day is None)
    if bad:
        kept, ids, received = _drop(bad, kept, values)
    places = range(len(ids))
    newest = max(received, default=dt.date.min)
    for field in _LATER:
        later = values.get(field)
        if later is None or min(filter(None, later), default=newest) >= newest:
            continue  # every later date is on or after every ReceivedDate
        latest = map(_LATEST, later, later)  # a blank is never before
        bad.update(compress(places, map(lt, latest, received)))
    reasons = values.get("exceptions")
    week20 = values.get("week20")
    if reasons is not None and week20 is not None and any(reasons):
        bad.update(i for i in compress(range(len(ids)), reasons) if week20[i] is False)
    if bad:
        kept, ids, received = _drop(bad, kept, values)
    count = len(ids)
    guarded_notes = any(spec[5] for spec in specs if spec[2] == "exception_note")
    cases = list(map(_NEW, repeat(EhcCase, count)))
    for name, slot in _SLOTS:
        if name == "exceptions":
            cells = _exceptions(values, count, guarded=guarded_notes)
        else:
            cells = values.get(name, repeat(None, count))
        _CONSUME(map(slot.__set__, cases, cells))
    return cases, kept, ids, _questioned(values, count)


#: Pairs of date fields ``(a, b)`` where ``b`` before ``a`` draws a query:
#: SEN2's dates out of order, and a draft plan after the final plan.
_ORDERED: Final = (
    ("request_outcome_date", "assessment_outcome_date"),
    ("request_outcome_date", "plan_issued"),
    ("assessment_outcome_date", "plan_issued"),
    ("draft_issued", "plan_issued"),
)
#: Flags whose value on an issued plan draws a query.
_FLAGGED: Final = (
    ("week20", None),
    ("decided_to_assess", False),
    ("decided_to_issue", False),
)


def _questioned(values: dict[str, list[Any]], count: int) -> list[int]:
    """The rows `case_queries` may question, in order: a superset; it decides.

    Each check of `case_queries` compares two dates or looks at a flag of
    an issued plan; here each is a C-level pass over the columns. A blank
    date stands as the earliest date where it is the earlier of a pair and
    as the latest where it is the later, so a pair with a blank never counts.
    """
    rows = range(count)
    found: set[int] = set()
    earliest: dict[str, list[Any]] = {}
    latest: dict[str, list[Any]] = {}
    for earlier, later in _ORDERED:
        first, then = values.get(earlier), values.get(later)
        if first is not None and then is not None:
            if earlier not in earliest:
                earliest[earlier] = list(map(_EARLIEST, first, first))
            if later not in latest:
                latest[later] = list(map(_LATEST, then, then))
            found.update(compress(rows, map(lt, latest[later], earliest[earlier])))
    plan = values.get("plan_issued")
    if plan is not None:
        issued = list(compress(rows, plan))
        for field, flagged in _FLAGGED:
            column = values.get(field)
            if column is None:
                if flagged is None:  # no Week20 column: every issued plan is queried
                    found.update(issued)
            elif flagged in compress(column, plan):  # flags are True, False or None
                found.update(
                    compress(issued, map(is_, compress(column, plan), repeat(flagged)))
                )
    return sorted(found)


#: ``_LATEST(day, day)`` is *day*, or the latest date for a blank (``None``);
#: ``_EARLIEST`` gives the earliest. Two-argument ``dict.get`` runs in C.
_LATEST: Final[Callable[[Any, Any], Any]] = {None: dt.date.max}.get
_EARLIEST: Final[Callable[[Any, Any], Any]] = {None: dt.date.min}.get


def _drop(
    bad: set[int], kept: Sequence[int], values: dict[str, list[Any]]
) -> tuple[list[int], list[str], list[Any]]:
    """Remove the rows at *bad* from *kept* and every column; empty *bad*."""
    keep = [i not in bad for i in range(len(kept))]
    bad.clear()
    for field, column in values.items():
        values[field] = list(compress(column, keep))
    return list(compress(kept, keep)), values["case_id"], values["received"]


def _exceptions(
    values: dict[str, list[Any]], count: int, *, guarded: bool
) -> Iterable[object]:
    """The ``exceptions`` of each case: one `CaseException` per reason, with the note.

    The note column holds the cells as read: stripped (and unguarded) here,
    as `_convert_row` does, for the rows with a reason only.
    """
    reasons = values.get("exceptions")
    if reasons is None or not any(reasons):
        return repeat((), count)
    notes = values.get("exception_note")
    cells: list[object] = [()] * count
    for i in compress(range(count), reasons):
        note = "" if notes is None else notes[i].strip()
        if guarded:
            note = note.removeprefix("'")
        cells[i] = tuple(
            CaseException(reason=reason, note=note) for reason in reasons[i]
        )
    return cells


def cases_from_rows(
    header: Sequence[object],
    rows: Iterable[Sequence[object]],
    *,
    source: str = "",
    first_row: int = 2,
    strict: bool = False,
    date_serials: bool | dt.date = True,
    formula_guard: bool = False,
) -> CaseFile:
    """Read cases from a header and rows of cells (text, dates or numbers).

    This is what the CSV and XLSX readers call; use it for data already in
    memory, such as a sheet read by other means.
    A number (not text) in a date column is read as an Excel 1900-system date
    serial, as a workbook holds a date cell formatted as a number: 61 is
    1 March 1900 and 45299 is 8 January 2024. Serials below 61 are refused
    (60 stands for 29 February 1900, which did not exist), and so are
    fractions of a day. Digits in text (as a CSV file holds them) are never
    read as a serial.

    Problems and queries name the row and column; they never show a cell's
    value, since a name or birth date may sit in the wrong column.

    Args:
        header: The column names.
        rows: The data rows, each a sequence of cells in header order.
        source: A name for the data, used in problems.
        first_row: The number of the first data row (2 when a header row
            precedes it).
        strict: Raise on the first problem instead of collecting problems.
        date_serials: How numbers in date columns are read: ``True`` as
            Excel 1900-system serials; a date as days after that day 0 (the
            XLSX reader passes 1 January 1904 for a workbook in the 1904 date
            system, the ODS reader a file's own ``table:null-date``);
            ``False`` refuses them.
        formula_guard: Remove one leading apostrophe from text cells, the
            formula guard `write_cases` adds (the CSV reader passes ``True``).

    Returns:
        The cases and the problems.

    Raises:
        RowError: A required column is missing; with *strict*, any problem.

    Examples:
        >>> read = cases_from_rows(
        ...     ["CaseId", "ReceivedDate", "StartDate", "Forename"],
        ...     [["R1", "08/01/2024", "2024-05-27", "(never read)"],
        ...      ["R2", "2024-02-30", "", "(never read)"]],
        ...     source="cases.csv",
        ... )
        >>> [case.case_id for case in read.cases], read.ignored
        (['R1'], ('Forename',))
        >>> print(read.problems[0])  # doctest: +NORMALIZE_WHITESPACE
        cases.csv, row 3, column 'ReceivedDate': ReceivedDate is not a real date
        in an accepted form (YYYY-MM-DD or DD/MM/YYYY, or COLLECT's 2022-Sep-28);
        the value is not shown because case files hold children's data
        >>> cases_from_rows(["CaseId", "ReceivedDate"], [["R3", 45299]]).cases[0].received
        datetime.date(2024, 1, 8)
    """
    used, ignored, duplicates = _map_header(header)
    for column in REQUIRED_COLUMNS:
        if column not in used.values():
            msg = (
                f"the required column {column!r} is missing; the file needs "
                f"{', '.join(REQUIRED_COLUMNS)} and may have "
                f"{', '.join(c for c in COLUMNS if c not in REQUIRED_COLUMNS)}"
            )
            raise RowError(msg, row=first_row - 1, source=source or None)
    problems: list[Problem] = [
        Problem(
            reason=f"column {column!r} appears more than once; the first is used",
            row=first_row - 1,
            column=column,
            source=source or None,
        )
        for column in duplicates
    ]
    specs = _specs(
        [
            _Column(position, column, serials=date_serials, guarded=formula_guard)
            for position, column in used.items()
        ]
    )
    collect = _Collector(source or None, strict=strict, problems=problems)
    with _cycle_collector_paused():
        if _COLUMNWISE:
            _read_blocks(rows, specs, first_row, collect)
        else:
            for number, row in enumerate(rows, start=first_row):
                collect.row(number, row, specs)
    cases, queries = collect.cases, collect.queries
    return CaseFile(
        cases=tuple(cases),
        problems=tuple(problems),
        queries=tuple(queries),
        ignored=tuple(ignored),
        source=source,
    )


def _read_csv(path: pathlib.Path, *, strict: bool) -> CaseFile:
    rows = csv_rows(path)
    header = next(rows, None)
    if header is None:
        raise FileError(
            path, "is empty; expected a header row (CaseId, ReceivedDate, ...)"
        )
    return cases_from_rows(
        header, rows, source=path.name, strict=strict, formula_guard=True
    )


#: openpyxl's epoch for a workbook in Excel's (default) 1900 date system.
_EXCEL_1900: Final = dt.datetime(1899, 12, 30)  # noqa: DTZ001 - a naive Excel epoch


_NOT_A_WORKBOOK: Final = (
    "is not a readable .xlsx workbook (damaged, cut short, or another kind of "
    "file saved with an .xlsx name)"
)


def _read_xlsx(path: pathlib.Path, *, strict: bool) -> CaseFile:
    try:
        import openpyxl  # noqa: PLC0415 - only needed for workbooks
    except ImportError as exc:  # pragma: no cover - a runtime dependency
        msg = "reading .xlsx files needs openpyxl: pip install openpyxl"
        raise InvalidInputError(msg) from exc
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - openpyxl and zipfile raise many kinds
        raise FileError(path, _NOT_A_WORKBOOK) from None
    try:
        if not workbook.worksheets:
            raise FileError(path, "has no sheet; expected a header row on the first")
        rows = iter(
            counted(
                _guarded(path, workbook.worksheets[0].iter_rows(values_only=True)),
                f"reading {path.name}",
            )
        )
        serials = True if workbook.epoch == _EXCEL_1900 else workbook.epoch.date()
        header = next(rows, None)
        return _sheet_cases(path, header, rows, strict=strict, date_serials=serials)
    finally:
        workbook.close()


def _sheet_cases(
    path: pathlib.Path,
    header: Sequence[object] | None,
    rows: Iterable[Sequence[object]],
    *,
    strict: bool,
    date_serials: bool | dt.date,
) -> CaseFile:
    """Read cases from a sheet's rows below its *header* (None: the sheet is empty)."""
    if header is None:
        raise RowError(
            "the first sheet is empty; expected a header row", source=path.name
        )
    return cases_from_rows(
        header, rows, source=path.name, strict=strict, date_serials=date_serials
    )


def _guarded(
    path: pathlib.Path, rows: Iterator[tuple[object, ...]]
) -> Iterator[tuple[object, ...]]:
    """Yield *rows*, turning a failure inside a damaged sheet into a `FileError`."""
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except Exception:  # noqa: BLE001 - a damaged sheet fails as it is read
            raise FileError(path, _NOT_A_WORKBOOK) from None
        yield row


def _read_ods(path: pathlib.Path, *, strict: bool) -> CaseFile:
    """Read the first sheet of an OpenDocument spreadsheet, one row at a time."""
    with contextlib.closing(stream_sheets(path)) as sheets:
        first = next(sheets, None)
        if first is None:
            raise FileError(path, "has no sheet; expected a header row on the first")
        rows = _numbered(first.rows)
        header = next(rows, None)
        serials = True if first.null_date in {None, ODS_NULL_DATE} else first.null_date
        reading = counted(rows, f"reading {path.name}")
        return _sheet_cases(path, header, reading, strict=strict, date_serials=serials)


def _numbered(rows: Iterator[Row]) -> Iterator[tuple[object, ...]]:
    """Yield the cells of every row from the first non-empty one, blanks included.

    `stream_sheets` leaves empty rows out; an empty tuple stands in for each,
    so `cases_from_rows` numbers rows as the spreadsheet does.
    """
    last = None
    for row in rows:
        if last is not None:
            yield from itertools.repeat((), row.number - last - 1)
        last = row.number
        yield row.values


def _read_xml(path: pathlib.Path, *, strict: bool) -> CaseFile:
    return read_sen2_xml(path, strict=strict)


_READERS: Final[Mapping[str, Callable[..., CaseFile]]] = MappingProxyType(
    {
        ".csv": _read_csv,
        ".xlsx": _read_xlsx,
        ".xlsm": _read_xlsx,
        ".ods": _read_ods,
        ".xml": _read_xml,
    }
)


def read_cases(path: str | pathlib.Path, *, strict: bool = False) -> CaseFile:
    """Read a caseload from a CSV, XLSX, ODS or SEN2 XML file, chosen by suffix.

    CSV, XLSX and ODS files have a header row with the `CASE_COLUMNS` names (SEN2's field
    names; ``CaseId`` and ``ReceivedDate`` are required); dates are
    ``YYYY-MM-DD`` or UK ``DD/MM/YYYY`` (or, in a workbook, date cells, or
    numbers read as date serials of the file's own date system; see
    `cases_from_rows`). An XLSX or ODS file is read from its first sheet. A
    number in a date column counts from the file's day 0: Excel's 1900
    system (and Calc's default day 0, 30 December 1899) or, for a workbook
    saved in Excel's 1904 system, 1 January 1904, or an ODS file's own
    ``table:null-date``, so it is never read four years off.
    XML files are SEN2 person-level returns (see `read_sen2_xml`).

    Unreadable rows are left out and listed in `CaseFile.problems` by row and
    column, never by the child's details and never with the cell's value.

    Args:
        path: The file.
        strict: Raise `RowError` at the first problem instead.

    Returns:
        The cases read and the problems found.

    Raises:
        InvalidInputError: The suffix is not one sendkit reads, or the file is
            missing.
        RowError: A required column is missing; with *strict*, any problem.
    """
    path = pathlib.Path(path)
    reader = _READERS.get(path.suffix.lower())
    if reader is None:
        msg = (
            f"cannot read {path.name!r}: expected a file ending in "
            f"{', '.join(_READERS)}"
        )
        raise InvalidInputError(msg)
    check_input(path, accepted=".csv, .xlsx, .ods or SEN2 .xml file")
    return reader(path, strict=strict)


def _cells(case: EhcCase) -> list[str]:
    """Return *case* as text cells in `COLUMNS` order."""
    cells = []
    for field in COLUMNS.values():
        if field == "exceptions":
            text = ";".join(exception.reason.value for exception in case.exceptions)
        elif field == "exception_note":
            text = " | ".join(e.note for e in case.exceptions if e.note)
        else:
            value = getattr(case, field)
            if isinstance(value, bool):
                text = str(int(value))
            elif isinstance(value, dt.date):
                text = value.isoformat()
            else:
                text = "" if value is None else str(value)
        cells.append(guard_formula(text))
    return cells


def write_cases(cases: Iterable[EhcCase], path: str | pathlib.Path) -> int:
    """Write *cases* to a CSV file in the layout `read_cases` reads.

    All of `CASE_COLUMNS` are written, dates as ``YYYY-MM-DD``, flags as ``1``/``0``.
    Text that a spreadsheet would run as a formula (starting with ``=``,
    ``+``, ``-``, ``@``, a tab or a carriage return) gets a leading apostrophe,
    which `read_cases` removes again.
    Exception notes are written too: the file is the council's own record.

    Args:
        cases: The cases.
        path: The ``.csv`` file to write; an existing file is replaced
            atomically (written whole to a temporary file, then renamed).

    Returns:
        The number of cases written.

    Raises:
        InvalidInputError: *path* does not end in ``.csv``, or cannot be
            written (a missing folder, no permission); the message is one line.

    Examples:
        >>> import datetime as dt, pathlib, tempfile
        >>> case = EhcCase(case_id="=1+1", received=dt.date(2024, 1, 8))
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     path = pathlib.Path(folder) / "cases.csv"
        ...     written = write_cases([case], path)
        ...     first_row = path.read_text().splitlines()[1]
        ...     same = read_cases(path).cases == (case,)
        >>> written, first_row[:16], same
        (1, "'=1+1,2024-01-08", True)
    """
    return _write_csv(path, COLUMNS, (_cells(case) for case in cases), "write_cases")


def _write_csv(
    path: str | pathlib.Path,
    header: Iterable[str],
    rows: Iterable[Sequence[str]],
    writer_name: str,
) -> int:
    """Write *header* and *rows* to a .csv file; return the number of rows.

    A path that is not .csv, or cannot be written (a missing folder, no
    permission), is a one-line `InvalidInputError`, never a traceback.
    """
    path = pathlib.Path(path)
    if path.suffix.lower() != ".csv":
        msg = f"{writer_name} writes .csv files, got {path.name!r}"
        raise InvalidInputError(msg)
    count = 0
    with atomic_write(path, encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(list(header))
        for row in rows:
            writer.writerow(row)
            count += 1
    return count


#: The columns `write_steps` writes, in order.
STEP_COLUMNS: Final = (
    "due",
    "case_id",
    "step",
    "name",
    "status",
    "status_text",
    "days",
    "excepted",
    "explanation",
    "source",
)


def write_steps(steps: Iterable[Step], path: str | pathlib.Path) -> int:
    """Write timeline steps (say, from `open_steps`) to a CSV file for a spreadsheet.

    Columns are `STEP_COLUMNS`; dates are ``YYYY-MM-DD``; text a spreadsheet
    would run as a formula gets a leading apostrophe.
    Cases are named by their opaque id only.

    Args:
        steps: The steps, in the order to write them.
        path: The ``.csv`` file to write; an existing file is replaced
            atomically (written whole to a temporary file, then renamed).

    Returns:
        The number of steps written.

    Raises:
        InvalidInputError: *path* does not end in ``.csv``, or cannot be
            written (a missing folder, no permission); the message is one line.
    """
    return _write_csv(
        path, STEP_COLUMNS, (_step_cells(step) for step in steps), "write_steps"
    )


def _step_cells(step: Step) -> list[str]:
    row = step.to_dict()
    cells = []
    for column in STEP_COLUMNS:
        value = row[column]
        if isinstance(value, bool):
            value = int(value)
        cells.append(guard_formula("" if value is None else str(value)))
    return cells
