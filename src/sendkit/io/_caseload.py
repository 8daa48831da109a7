"""Reading a whole caseload: requests and the plans a council maintains, one file.

One row per child (``CaseId``). The request columns are those of
`sendkit.io.CASE_COLUMNS` (SEN2's field names); the plan columns are `PLAN_COLUMNS`
(SEN2's names where the return holds the item: ``StartDate``, ``CeaseDate``,
``ReviewMeeting``, ``LastReview``, ``PhaseTransferFinalDate``; sendkit's own
names for what it does not, such as tribunal orders), and `PLAN_COLUMNS_READ`
adds the names read but not written. A row with a ``ReceivedDate`` is a
request; a row with a ``StartDate``, ``LastReview``, ``TribunalOrderDate`` or
``TransferInDate`` is also a plan record.

Problems name the file, row and column, never a cell's value (children's
data); every row left out is counted and its reason kept.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import itertools
import pathlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import Final

import attrs

from ..ehc._model import EhcCase
from ..ehc._worklist import OrderKind, PlanRecord, settle_review, transfer_from_due
from ..errors import InvalidInputError
from ._case_file import NOT_SHOWN
from ._cells import guard_formula, unguard_formula
from ._ehc import (
    COLUMNS,
    Problem,
    _CellError,
    _cells,
    _read_date,
    _read_flag,
    _squash,
    _text,
    cases_from_rows,
)
from ._files import atomic_write, check_output
from ._sheets import stream_sheets

__all__ = [
    "PLAN_COLUMNS",
    "PLAN_COLUMNS_READ",
    "Caseload",
    "caseload_header",
    "read_caseload",
    "write_caseload",
]

#: The plan columns sendkit reads and writes, with the `PlanRecord` field each
#: fills. SEN2's field names (person-level technical specification, module 4a
#: named plan and module 5a active plans, as in the 2025 return) where SEN2
#: holds the item; sendkit's own names otherwise (see docs/caseload.md).
PLAN_COLUMNS: Final = MappingProxyType(
    {
        "StartDate": "plan_issued",  # SEN2 4a
        "CeaseDate": "ceased",  # SEN2 4a
        "ReviewMeeting": "review_meeting",  # SEN2 5a
        "LastReview": "last_review",  # SEN2 5a: the decision after the meeting
        "ReviewDecisionDate": "review_decision",
        "DecidedToAmend": "decided_to_amend",
        "AmendedPlanDate": "amended_plan",
        "Under5": "under_5",
        "TransferYear": "transfer_year",
        "TransferToPost16": "transfer_post_16",
        "NcYear": "nc_year",
        "PhaseTransferFinalDate": "transfer_amended",  # SEN2 5a
        "TribunalOrderDate": "order_date",
        "TribunalOrderKind": "order_kind",
        "TribunalOrderCompliedDate": "order_complied",
        "TransferInDate": "transfer_in",
        "TransferNotifiedDate": "transfer_notified",
    }
)
#: Columns read but not written: SEN2 items that fill a field another way, and
#: the names sendkit used before it took SEN2's.
PLAN_COLUMNS_READ: Final = MappingProxyType(
    {
        **PLAN_COLUMNS,
        "ReviewOutcome": "decided_to_amend",  # SEN2 5a: A amend, M maintain, C cease
        "PhaseTransferDueDate": "transfer_due",  # SEN2 5a: gives TransferYear
        "LastReviewDate": "last_review",
        "ReviewMeetingDate": "review_meeting",
        "TransferAmendedDate": "transfer_amended",
    }
)
_DATES: Final = frozenset(
    {
        "plan_issued",
        "ceased",
        "last_review",
        "review_meeting",
        "review_decision",
        "amended_plan",
        "transfer_amended",
        "transfer_due",
        "order_date",
        "order_complied",
        "transfer_in",
        "transfer_notified",
    }
)
_FLAGS: Final = frozenset({"decided_to_amend", "under_5", "transfer_post_16"})
_YEARS: Final = frozenset({"transfer_year", "nc_year"})
_REVIEW_OUTCOMES: Final = MappingProxyType({"a": True, "m": False, "c": False})
_AFTER_PLAN: Final = (
    "ceased",
    "last_review",
    "review_meeting",
    "review_decision",
    "amended_plan",
)
_PLAN_MARKERS: Final = ("plan_issued", "order_date", "transfer_in", "last_review")
_BY_SQUASHED: Final = MappingProxyType(
    {_squash(name): name for name in PLAN_COLUMNS_READ}
)
_KINDS: Final = ", ".join(kind.value for kind in OrderKind)
_LOWEST_NC_YEAR: Final = -2  # nursery years counted below reception (0)
_HIGHEST_NC_YEAR: Final = 14


@attrs.frozen(kw_only=True)
class Caseload:
    """The requests and plans read from one file, and what was left out.

    Attributes:
        cases: Requests for an assessment (rows with a ``ReceivedDate``).
        plans: Plan records (rows with a plan's date, an order or a move in).
        problems: One entry per row (or cell) left out, by row and column.
        queries: Rows kept but questioned by a sendkit check.
        rows_left_out: How many rows were left out altogether.
        source: The file name.
        reference: A SEN2 return's census day (its header's ``ReferenceDate``).
    """

    cases: tuple[EhcCase, ...]
    plans: tuple[PlanRecord, ...]
    problems: tuple[Problem, ...] = ()
    queries: tuple[Problem, ...] = ()
    rows_left_out: int = 0
    source: str = ""
    reference: dt.date | None = None


def _plan_cell(field: str, value: object, column: str) -> object:
    if field in _DATES:
        return _read_date(value, column)
    if _squash(column) == "reviewoutcome":
        code = _text(value).lower()
        if code not in _REVIEW_OUTCOMES:
            msg = f"{column} must be A, M or C (SEN2's codes); {NOT_SHOWN}"
            raise _CellError(msg)
        return _REVIEW_OUTCOMES[code]
    if field in _FLAGS:
        return _read_flag(value, column)
    text = _text(value)
    if field in _YEARS:
        try:
            return int(text)
        except ValueError:
            msg = f"{column} must be a whole number; {NOT_SHOWN}"
            raise _CellError(msg) from None
    try:
        return OrderKind(text.lower())
    except ValueError:
        msg = (
            f"{column} is not a known order kind; expected one of {_KINDS}; {NOT_SHOWN}"
        )
        raise _CellError(msg) from None


def _check_plan(
    values: Mapping[str, object], names: Mapping[str, str], as_of: dt.date | None
) -> None:
    """Cross-field checks; raise `_CellError` with the column at fault.

    *names* gives, for each field, the column name as the file spells it.
    """

    def name(field: str, default: str) -> str:
        return names.get(field, default)

    made = values.get("plan_issued")
    for field in _AFTER_PLAN:
        day = values.get(field)
        if isinstance(day, dt.date) and isinstance(made, dt.date) and day < made:
            column = name(field, field)
            msg = (
                f"{column} is before StartDate (the plan's date); the row was left out"
            )
            raise _CellError(column, msg)
    order_date = name("order_date", "TribunalOrderDate")
    order_kind = name("order_kind", "TribunalOrderKind")
    if values.get("order_kind") is not None and values.get("order_date") is None:
        msg = f"{order_kind} is given but {order_date} is empty"
        raise _CellError(order_date, msg)
    if values.get("order_date") is not None and values.get("order_kind") is None:
        msg = (
            f"{order_date} is given but {order_kind} is empty; expected one of {_KINDS}"
        )
        raise _CellError(order_kind, msg)
    year = values.get("transfer_year")
    if (
        isinstance(year, int)
        and "transfer_year" in names
        and as_of is not None
        and year < as_of.year
    ):
        column = names["transfer_year"]
        msg = f"{column} is in the past on the report date; the row was left out"
        raise _CellError(column, msg)
    nc_year = values.get("nc_year")
    if isinstance(nc_year, int) and not _LOWEST_NC_YEAR <= nc_year <= _HIGHEST_NC_YEAR:
        column = name("nc_year", "NcYear")
        msg = f"{column} must be from {_LOWEST_NC_YEAR} to {_HIGHEST_NC_YEAR}"
        raise _CellError(column, msg)


def _plan_from_cells(
    case_id: str, cells: Mapping[str, object], as_of: dt.date | None
) -> PlanRecord | None:
    """*cells* maps each plan column (as the file spells it) to its value."""
    values: dict[str, object] = {}
    names: dict[str, str] = {}
    for column, value in cells.items():
        if value is None or _text(value) == "":
            continue
        field = PLAN_COLUMNS_READ[_BY_SQUASHED[_squash(column)]]
        if field in values:
            msg = (
                f"{column} repeats {names[field]} (the same item under another "
                "name); give one of them"
            )
            raise _CellError(column, msg)
        try:
            values[field] = _plan_cell(field, value, column)
        except _CellError as exc:
            raise _CellError(column, str(exc)) from None
        names[field] = column
    if not any(values.get(marker) is not None for marker in _PLAN_MARKERS):
        return None
    due = values.pop("transfer_due", None)
    if isinstance(due, dt.date) and "transfer_year" not in values:
        values["transfer_year"], post_16 = transfer_from_due(due)
        values.setdefault("transfer_post_16", post_16)
    _check_plan(values, names, as_of)
    settle_review(values)
    return PlanRecord(case_id=case_id, **values)  # type: ignore[arg-type]


def _plan_header(header: Sequence[object]) -> tuple[int | None, dict[int, str]]:
    """Return the CaseId position and {position: plan column as spelt} of *header*."""
    used: dict[int, str] = {}
    id_at: int | None = None
    for position, raw in enumerate(header):
        text = _text(raw) if raw is not None else ""
        name = _squash(text)
        if name == "caseid" and id_at is None:
            id_at = position
        if name in _BY_SQUASHED and name not in {_squash(c) for c in used.values()}:
            used[position] = text
    return id_at, used


class _PlanRows:
    """Reads the plan columns of rows as they come (one pass, nothing kept but plans)."""

    def __init__(
        self, header: Sequence[object], *, source: str, as_of: dt.date | None
    ) -> None:
        self.id_at, self.used = _plan_header(header)
        self.source = source
        self.as_of = as_of
        self.plans: list[PlanRecord] = []
        self.problems: list[Problem] = []
        self.left_out: set[int] = set()
        self._seen: set[str] = set()

    def add(self, number: int, row: Sequence[object]) -> None:
        """Read one row's plan columns; a plan, a problem, or nothing."""
        id_at, used, source = self.id_at, self.used, self.source
        if id_at is None or not used:
            return
        case_id = (
            unguard_formula(_text(row[id_at]))
            if id_at < len(row) and row[id_at] is not None
            else ""
        )
        cells = {c: row[p] if p < len(row) else None for p, c in used.items()}
        try:
            plan = _plan_from_cells(case_id, cells, self.as_of)
        except _CellError as exc:
            column, reason = exc.args
            self._leave_out(
                Problem(reason=reason, row=number, column=column, source=source)
            )
            return
        except InvalidInputError as exc:  # a model invariant; no values in it
            self._leave_out(Problem(reason=str(exc), row=number, source=source))
            return
        if plan is None:
            return
        if not case_id:
            self._leave_out(
                Problem(
                    reason="CaseId is empty; every row needs an opaque case id",
                    row=number,
                    column="CaseId",
                    source=source,
                )
            )
        elif case_id in self._seen:
            self._leave_out(
                Problem(
                    reason=f"CaseId {case_id!r} repeats an earlier plan row; this row is left out",
                    row=number,
                    column="CaseId",
                    source=source,
                )
            )
        else:
            self._seen.add(case_id)
            self.plans.append(plan)

    def _leave_out(self, problem: Problem) -> None:
        self.problems.append(problem)
        if problem.row is not None:
            self.left_out.add(problem.row)


def _from_sen2_xml(path: pathlib.Path) -> Caseload:
    """A SEN2 person-level return: its requests, and a plan record per plan.

    See `read_sen2_return` for what the return holds (plan, cease, review
    and phase-transfer dates) and what it does not (tribunal orders, moves in).
    """
    from ._sen2xml import read_sen2_return  # noqa: PLC0415 - only for XML files

    read, plans, reference = read_sen2_return(path)
    return Caseload(
        reference=reference,
        cases=read.cases,
        plans=plans,
        problems=read.problems,
        queries=read.queries,
        rows_left_out=len(read.problems),
        source=read.source or path.name,
    )


def read_caseload(
    path: str | pathlib.Path, *, as_of: dt.date | None = None
) -> Caseload:
    """Read requests and plans from a CSV, XLSX or ODS file (first sheet), or SEN2 XML.

    Request rows (with ``ReceivedDate``) are read as `read_cases` reads them;
    plan columns are `PLAN_COLUMNS`. A row with a problem in its plan
    columns is left out of the plans (and reported); a row with a problem in
    its request columns is left out of the requests. A SEN2 XML return gives
    its requests and a plan record for each plan (`read_sen2_return`). With
    *as_of*, a
    ``TransferYear`` before *as_of*'s year is reported as in the past.

    Raises:
        InvalidInputError: The file is missing or not a CSV, XLSX or ODS file,
            or has no ``CaseId`` column.
        RowError: A request column layout problem (see `cases_from_rows`).
    """
    path = pathlib.Path(path)
    if path.suffix.lower() == ".xml":
        return _from_sen2_xml(path)
    source = path.name
    with contextlib.closing(stream_sheets(path)) as sheets:
        first_sheet = next(sheets, None)
        rows = first_sheet.rows if first_sheet is not None else iter(())
        header_row = next(rows, None)
        if header_row is None:
            msg = f"{source}: the first sheet is empty; expected a header row"
            raise InvalidInputError(msg)
        header = header_row.values
        names = {_squash(_text(cell)) for cell in header if cell is not None}
        if "caseid" not in names:
            msg = f"{source}, row {header_row.number}: the required column 'CaseId' is missing"
            raise InvalidInputError(msg)
        plan_rows = _PlanRows(header, source=source, as_of=as_of)
        first = header_row.number + 1
        received_at = next(
            (
                i
                for i, cell in enumerate(header)
                if cell is not None and _squash(_text(cell)) == "receiveddate"
            ),
            None,
        )

        def requests() -> Iterator[Sequence[object]]:
            """Every row from *first* on: a request row's cells, else ``()``.

            Plans are read from the same rows on the way, so the file is read
            once and no row is kept after it is read.
            """
            expected = first
            for row in rows:
                plan_rows.add(row.number, row.values)
                yield from itertools.repeat((), row.number - expected)
                expected = row.number + 1
                values = row.values
                has_request = (
                    received_at is not None
                    and received_at < len(values)
                    and _text(values[received_at] or "") != ""
                )
                yield values if has_request else ()

        cases: tuple[EhcCase, ...] = ()
        queries: tuple[Problem, ...] = ()
        problems = plan_rows.problems
        left_out = plan_rows.left_out
        if received_at is not None:
            read = cases_from_rows(header, requests(), source=source, first_row=first)
            cases, queries = read.cases, read.queries
            problems.extend(read.problems)
            left_out.update(
                p.row for p in read.problems if p.row is not None and p.row >= first
            )
        else:
            for _ in requests():
                pass
        plans = plan_rows.plans
    problems.sort(key=lambda problem: (problem.row or 0, problem.column or ""))
    return Caseload(
        cases=cases,
        plans=tuple(plans),
        problems=tuple(problems),
        queries=queries,
        rows_left_out=len(left_out),
        source=source,
    )


def _plan_text(plan: PlanRecord, field: str) -> str:
    value = getattr(plan, field)
    if isinstance(value, bool):
        return str(int(value)) if value or field == "decided_to_amend" else ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, OrderKind):
        return value.value
    return "" if value is None else str(value)


def _write_rows(path: pathlib.Path, rows: Iterable[Sequence[str]]) -> int:
    """Write CSV rows atomically (`atomic_write`); return the rows after the header."""
    count = -1
    with atomic_write(path) as handle:
        writer = csv.writer(handle)
        for row in rows:
            writer.writerow(row)
            count += 1
    return count


def caseload_header() -> list[str]:
    """The columns `write_caseload` writes: request columns, then plan columns."""
    return [*COLUMNS, *(c for c in PLAN_COLUMNS if c not in COLUMNS)]


def write_caseload(
    cases: Iterable[EhcCase],
    plans: Iterable[PlanRecord],
    path: str | pathlib.Path,
    *,
    force: bool = False,
) -> int:
    """Write requests and plans to one CSV file that `read_caseload` reads.

    Requests first (the `sendkit.io.CASE_COLUMNS` cells; a plan with the
    request's id and plan date shares its row), then one row per other plan.
    Text a spreadsheet would run as a formula gets a leading apostrophe. The
    file is written beside *path* and moved into place, so a failed write
    leaves no half file.

    Raises:
        InvalidInputError: *path* exists and *force* is False, does not end in
            ``.csv``, or cannot be written.
    """
    path = pathlib.Path(path)
    if path.suffix.lower() != ".csv":
        msg = f"write_caseload writes .csv files, got {path.name!r}"
        raise InvalidInputError(msg)
    check_output(path, force=force)
    header = caseload_header()
    extra = [c for c in PLAN_COLUMNS if c not in COLUMNS]
    blank_plan = [""] * len(extra)
    blank_request = dict.fromkeys(COLUMNS, "")
    plans = list(plans)
    by_id = {plan.case_id: plan for plan in plans}

    def plan_cells(plan: PlanRecord) -> list[str]:
        return [guard_formula(_plan_text(plan, PLAN_COLUMNS[c])) for c in extra]

    def rows() -> Iterable[list[str]]:
        yield header
        merged: set[str] = set()
        for case in cases:
            plan = by_id.get(case.case_id)
            if plan is not None and plan.plan_issued == case.plan_issued:
                merged.add(case.case_id)  # one row: the request and its plan
                yield [*_cells(case), *plan_cells(plan)]
            else:
                yield [*_cells(case), *blank_plan]
        for plan in plans:
            if plan.case_id in merged:
                continue
            request = dict(blank_request)
            request["CaseId"] = guard_formula(plan.case_id)
            request["StartDate"] = _plan_text(plan, "plan_issued")
            yield [*request.values(), *plan_cells(plan)]

    return _write_rows(path, rows())
