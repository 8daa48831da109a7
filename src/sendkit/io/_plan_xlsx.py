"""The ``.xlsx`` tracker: a workbook an officer can open, filter and edit.

Sheets, in order:

* **Summary**: counts by RAG on the as-at date, overdue and due-soon counts,
  the plan's deadlines and the exception report (written, never read).
* **Actions**: the column schema (`ACTION_COLUMNS` without the list columns),
  one row per action; real date cells, a frozen header and id column, filters,
  drop-down lists and RAG colours.
* **Progress log**, **Milestones**, **KPI actuals**: the lists, one row per
  entry, keyed by ``action_id``.
* **Sections**, **Plan**, **Deadlines**: the plan's sections in order, its
  settings (``field``/``value`` rows) and its own deadlines.

openpyxl is imported here only, so the rest of sendkit works without it.
"""

from __future__ import annotations

import datetime as dt
import pathlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import attrs

from ..errors import InvalidInputError
from ..plans._enums import AreaKind, Partner, Rag, Status
from ..plans._model import ActionPlan, Measurement, Milestone, ProgressUpdate
from ..plans._result import PlanStatus
from ..plans._schema import (
    DERIVED,
    PLAN_FIELDS,
    XLSX_COLUMNS,
    Problems,
    action_from_row,
    action_to_row,
    cell_date,
    cell_number,
    cell_text,
    extra_columns,
    parse_choice,
)
from ._cells import needs_guard, xlsx_escape, xlsx_unescape
from ._files import save_atomic
from ._plans import (
    PlanFileError,
    PlanParts,
    assemble,
    plan_field_values,
    unreadable_reason,
)

__all__ = ["read_xlsx", "write_xlsx"]

SUMMARY = "Summary"
ACTIONS = "Actions"
LOG = "Progress log"
MILESTONES = "Milestones"
ACTUALS = "KPI actuals"
SECTIONS = "Sections"
PLAN = "Plan"
DEADLINES = "Deadlines"

_LOG_COLUMNS = ("action_id", "date", "status", "note", "by")
_MILESTONE_COLUMNS = ("action_id", "due_date", "milestone", "achieved_date")
_ACTUAL_COLUMNS = ("action_id", "kpi_id", "date", "value")
_SECTION_COLUMNS = ("section_id", "priority_area", "area_type")
_DEADLINE_COLUMNS = ("name", "due", "rule", "confirmed", "source")
_PLAN_COLUMNS = ("field", "value")

_DATE_FORMAT = "dd/mm/yyyy"
_HEADER_FILL = "1F4E78"
#: Header fill of derived columns (grey: written by sendkit, never read).
_DERIVED_FILL = "7F7F7F"
_DERIVED_NOTE = (
    "Derived by sendkit; edits here are ignored. To change the rating, use "
    "rag_override with a reason in rag_override_reason; to add a note, add a "
    "row to the Progress log sheet."
)
_LAST_ROW = 1_048_576

#: Column widths in characters (others get 14).
_WIDTHS = {
    "action_id": 10,
    "section_id": 9,
    "priority_area": 36,
    "action": 48,
    "owner": 20,
    "lead_partner": 18,
    "status": 15,
    "rag": 15,
    "rag_override_reason": 30,
    "success_measure": 36,
    "kpi": 28,
    "evidence": 30,
    "board": 22,
    "latest_note": 40,
    "note": 60,
    "milestone": 50,
    "source": 60,
    "value": 40,
    "field": 22,
}


def _openpyxl() -> Any:
    try:
        import openpyxl  # noqa: PLC0415 - lazy: only the xlsx format needs it
    except ImportError:  # pragma: no cover - openpyxl is a dependency
        msg = "reading or writing .xlsx trackers needs openpyxl: pip install openpyxl"
        raise InvalidInputError(msg) from None
    return openpyxl


# -- writing ------------------------------------------------------------------


class _Sheet:
    """Appends rows to a worksheet, guarding text and formatting dates."""

    def __init__(self, ws: Any, header: Sequence[str]) -> None:
        self.ws = ws
        self.header = list(header)
        self.rows = 0  # ws.max_row scans every cell: too slow to ask per row
        if self.header:
            self.append(header, header=True)

    def append(self, values: Iterable[object], *, header: bool = False) -> None:
        row: list[object] = []
        for value in values:
            if isinstance(value, str):
                row.append(xlsx_escape(value))
            elif isinstance(value, bool):
                row.append("yes" if value else "no")
            else:
                row.append(value)
        self.ws.append(row)
        self.rows += 1
        number = self.rows
        for col, value in enumerate(row, start=1):
            if isinstance(value, str) and needs_guard(value):
                cell = self.ws.cell(number, col)
                cell.data_type = "s"  # never a formula
                cell.quotePrefix = True
            elif isinstance(value, dt.date) and not header:
                self.ws.cell(number, col).number_format = _DATE_FORMAT

    def finish(self, *, freeze: str = "A2") -> None:
        openpyxl = _openpyxl()
        font = openpyxl.styles.Font(bold=True, color="FFFFFF")
        fill = openpyxl.styles.PatternFill("solid", fgColor=_HEADER_FILL)
        wrap = openpyxl.styles.Alignment(wrap_text=True, vertical="top")
        for cell in self.ws[1]:
            cell.font = font
            cell.fill = fill
            cell.alignment = wrap
        letter = openpyxl.utils.get_column_letter
        for col, name in enumerate(self.header, start=1):
            self.ws.column_dimensions[letter(col)].width = _WIDTHS.get(name, 14)
        self.ws.freeze_panes = freeze
        if self.rows > 1:
            last = letter(len(self.header))
            self.ws.auto_filter.ref = f"A1:{last}{self.rows}"
        _printable(self.ws)
        self.ws.print_title_rows = "1:1"


def _printable(ws: Any) -> None:
    """Print landscape on A4, one page wide."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0


def _fit_rows(ws: Any, widths: Mapping[int, float], first: int = 2) -> None:
    """Set row heights for wrapped text (spreadsheets do not always recompute them)."""
    for number in range(first, ws.max_row + 1):
        lines = 1
        for col, width in widths.items():
            value = ws.cell(number, col).value
            if isinstance(value, str) and value:
                chars = max(int(width * 1.15), 1)
                wanted = sum(
                    -(-max(len(part), 1) // chars) for part in value.split("\n")
                )
                lines = max(lines, wanted)
        if lines > 1:
            ws.row_dimensions[number].height = 15 * min(lines, 12)


def _list_rule(choices: Iterable[str], title: str) -> Any:
    openpyxl = _openpyxl()
    values = ",".join(choices)
    rule = openpyxl.worksheet.datavalidation.DataValidation(
        type="list", formula1=f'"{values}"', allow_blank=True
    )
    rule.error = f"Choose one of: {values.replace(',', ', ')}"
    rule.errorTitle = f"Not a {title}"
    rule.prompt = f"Choose a {title} from the list"
    return rule


def write_xlsx(  # noqa: C901 - one loop per list sheet
    plan: ActionPlan,
    path: pathlib.Path,
    *,
    as_of: dt.date | None,
    due_soon_working_days: int,
    region: str,
) -> None:
    """Write *plan* as a workbook (see the module docstring)."""
    openpyxl = _openpyxl()
    day = as_of or plan.latest_date()
    status = (
        plan.status(day, due_soon_working_days=due_soon_working_days, region=region)
        if day is not None
        else None
    )
    book = openpyxl.Workbook()
    summary_ws = book.active
    summary_ws.title = SUMMARY
    extras = extra_columns(plan.actions, plan.extra_columns)
    header = [*XLSX_COLUMNS, *extras]
    actions = _Sheet(book.create_sheet(ACTIONS), header)
    log = _Sheet(book.create_sheet(LOG), _LOG_COLUMNS)
    milestones = _Sheet(book.create_sheet(MILESTONES), _MILESTONE_COLUMNS)
    actuals = _Sheet(book.create_sheet(ACTUALS), _ACTUAL_COLUMNS)
    ratings = status.ratings if status is not None else {}
    overridden_rows = []
    for section in plan.sections:
        for action in section.actions:
            row = action_to_row(
                action,
                section_id=section.id,
                section_title=section.title,
                area_kind=section.kind,
                rating=ratings.get(action.id),
            )
            actions.append(row.get(name, "") for name in header)
            rating = ratings.get(action.id)
            if rating is not None and rating.overridden:
                overridden_rows.append(actions.rows)
            for update in action.updates:
                status_text = update.status.value if update.status else ""
                log.append((action.id, update.on, status_text, update.note, update.by))
            for milestone in action.milestones:
                milestones.append(
                    (
                        action.id,
                        milestone.due,
                        milestone.description,
                        milestone.achieved,
                    )
                )
            if action.kpi is not None:
                for measurement in action.kpi.actuals:
                    actuals.append(
                        (action.id, action.kpi.id, measurement.on, measurement.value)
                    )
    _style_actions(actions, overridden_rows)
    for sheet in (log, milestones, actuals):
        sheet.finish(freeze="B2")

    sections = _Sheet(book.create_sheet(SECTIONS), _SECTION_COLUMNS)
    for section in plan.sections:
        sections.append((section.id, section.title, section.kind.value))
    sections.finish()
    settings = _Sheet(book.create_sheet(PLAN), _PLAN_COLUMNS)
    if day is not None:
        settings.append(("as_of", day))
    for name, value in plan_field_values(plan):
        settings.append((name, value))
    settings.finish()
    deadlines = _Sheet(book.create_sheet(DEADLINES), _DEADLINE_COLUMNS)
    for deadline in plan.deadlines:
        deadlines.append(
            (
                deadline.name,
                deadline.due,
                deadline.rule,
                deadline.confirmed,
                deadline.source,
            )
        )
    deadlines.finish()
    _write_summary(summary_ws, plan, status)
    book.active = 0
    save_atomic(path, book.save)


def _style_actions(sheet: _Sheet, overridden_rows: Sequence[int]) -> None:
    openpyxl = _openpyxl()
    ws = sheet.ws
    sheet.finish(freeze="B2")
    letter = openpyxl.utils.get_column_letter
    column = {name: letter(i) for i, name in enumerate(sheet.header, start=1)}
    choices: Mapping[str, tuple[Iterable[str], str]] = {
        "status": ((s.value for s in Status), "status"),
        "lead_partner": ((p.value for p in Partner), "partner"),
        "rag_override": ((r.value for r in Rag), "RAG rating"),
        "area_type": ((k.value for k in AreaKind), "area type"),
        "co_production": (("yes", "no"), "yes or no"),
    }
    for name, (values, title) in choices.items():
        rule = _list_rule(values, title)
        ws.add_data_validation(rule)
        rule.add(f"{column[name]}2:{column[name]}{_LAST_ROW}")
    rag = column["rag"]
    styles = openpyxl.styles
    for value in Rag:
        fill = styles.PatternFill(
            "solid", fgColor=value.colour.lstrip("#"), bgColor=value.colour.lstrip("#")
        )
        font = styles.Font(
            bold=True, color="000000" if value is Rag.AMBER else "FFFFFF"
        )
        formula = f'LEFT(${rag}2,{len(value.value)})="{value.value}"'
        ws.conditional_formatting.add(
            f"{rag}2:{rag}{_LAST_ROW}",
            openpyxl.formatting.rule.FormulaRule(
                formula=[formula], fill=fill, font=font
            ),
        )
    _mark_derived(ws, sheet.header)
    italic = styles.Font(italic=True, bold=True)
    for number in overridden_rows:
        ws[f"{rag}{number}"].font = italic
        ws[f"{column['rag_override']}{number}"].font = italic
    top = styles.Alignment(vertical="top", wrap_text=True)
    wrapped = ("priority_area", "action", "success_measure", "latest_note")
    for name in wrapped:
        for cell in ws[column[name]][1:]:
            cell.alignment = top
    _fit_rows(ws, {sheet.header.index(n) + 1: _WIDTHS[n] for n in wrapped})


def _mark_derived(ws: Any, header: Sequence[str]) -> None:
    """Grey the headers of derived columns and say, in a note, that edits are lost."""
    openpyxl = _openpyxl()
    fill = openpyxl.styles.PatternFill("solid", fgColor=_DERIVED_FILL)
    font = openpyxl.styles.Font(bold=True, italic=True, color="FFFFFF")
    for col, name in enumerate(header, start=1):
        if name not in DERIVED:
            continue
        cell = ws.cell(1, col)
        cell.fill = fill
        cell.font = font
        note = openpyxl.comments.Comment(_DERIVED_NOTE, "sendkit")
        note.width, note.height = 260, 90
        cell.comment = note


def _write_summary(  # noqa: C901 - one block per summary table
    ws: Any, plan: ActionPlan, status: PlanStatus | None
) -> None:
    openpyxl = _openpyxl()
    styles = openpyxl.styles
    bold = styles.Font(bold=True)
    _printable(ws)
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 16
    ws.column_dimensions["C"].width = 50
    ws.column_dimensions["D"].width = 20
    ws.column_dimensions["E"].width = 40
    title = plan.title or plan.kind.value.replace("-", " ").capitalize()
    heading = f"{plan.partnership}: {title}" if plan.partnership else title
    sheet = _Sheet(ws, ())
    sheet.append((heading,))
    ws["A1"].font = styles.Font(bold=True, size=14)
    if status is None:
        sheet.append(("No dates recorded yet: RAG ratings need an as-at date.",))
        return
    sheet.append(("RAG as at", status.as_of))
    ws.cell(ws.max_row, 1).font = bold
    sheet.append(
        (
            "Amber window (working days)",
            status.due_soon_working_days,
            "region " + status.region,
        )
    )
    sheet.append(())
    sheet.append(("Rating", "Actions"))
    for cell in ws[ws.max_row]:
        cell.font = bold
    for rag in Rag:
        sheet.append((rag.value, status.counts[rag]))
        cell = ws.cell(ws.max_row, 1)
        cell.fill = styles.PatternFill("solid", fgColor=rag.colour.lstrip("#"))
        cell.font = styles.Font(
            bold=True, color="000000" if rag is Rag.AMBER else "FFFFFF"
        )
    sheet.append(("Total", status.total))
    sheet.append(("Overdue", len(status.overdue)))
    sheet.append(("Due soon", len(status.due_soon)))
    sheet.append((f"No update for {status.stale_after_weeks} weeks", len(status.stale)))
    sheet.append(("RAG overridden by hand", len(status.overridden)))
    sheet.append(("Next review", status.next_review))
    if plan.deadlines:
        sheet.append(())
        sheet.append(("Plan deadline", "Due", "Rule", "Confirmed"))
        for cell in ws[ws.max_row]:
            cell.font = bold
        for deadline in plan.deadlines:
            confirmed = (
                "yes"
                if deadline.confirmed
                else "NO - not confirmed by a primary source"
            )
            sheet.append((deadline.name, deadline.due, deadline.rule, confirmed))
    sheet.append(())
    sheet.append(
        ("Exception report: red actions", "Due", "What", "Owner", "Latest note")
    )
    for cell in ws[ws.max_row]:
        cell.font = bold
    if not status.exceptions:
        sheet.append(("(none)",))
    for item in status.exceptions:
        late = f"{item.days_late} days late" if item.days_late else item.reason
        sheet.append(
            (
                f"{item.action_id} ({late})",
                item.due,
                item.description,
                item.owner,
                item.latest_note,
            )
        )
        for cell in ws[ws.max_row]:
            cell.alignment = styles.Alignment(vertical="top", wrap_text=True)
    _fit_rows(
        ws, {1: 30, 3: 50, 4: 20, 5: 40}, first=ws.max_row - len(status.exceptions) + 1
    )


# -- reading ------------------------------------------------------------------


def _text(value: object) -> str:
    if isinstance(value, str):
        return xlsx_unescape(value)
    return cell_text(value)


#: Sheets `read_xlsx` reads (the Summary sheet is derived, never read).
_READ_SHEETS = (ACTIONS, LOG, MILESTONES, ACTUALS, SECTIONS, PLAN, DEADLINES)

_Rows = list[tuple[int, tuple[object, ...]]]


@attrs.define
class _Book:
    """A workbook's cell values, read into memory (mutable builder)."""

    sheetnames: list[str]
    sheets: dict[str, _Rows] = attrs.field(factory=dict)
    #: ``(sheet, row, column index)`` of formula cells, to resolve.
    formulas: list[tuple[str, int, int]] = attrs.field(factory=list)
    #: Formula cells with no saved value, per sheet: ``(row, column index)``.
    unsaved: dict[str, list[tuple[int, int]]] = attrs.field(factory=dict)


def _load(path: pathlib.Path) -> _Book:
    """Read the values of the tracker's sheets; formulas give their saved value.

    The workbook is read once with formulas visible (so a formula is never
    mistaken for an empty cell, and text starting with ``=`` stays text);
    only if it has formulas is it read again for the values the spreadsheet
    saved for them.

    Raises:
        PlanFileError: The file is not a readable .xlsx workbook.
    """
    openpyxl = _openpyxl()
    try:
        book = _open(openpyxl, path, data_only=False)
        try:
            loaded = _Book(sheetnames=list(book.sheetnames))
            for name in _READ_SHEETS:
                if name in loaded.sheetnames:
                    loaded.sheets[name] = _rows(book[name], loaded.formulas)
        finally:
            book.close()
        if loaded.formulas:
            _saved_values(openpyxl, path, loaded)
    except PlanFileError:
        raise
    except Exception:  # noqa: BLE001 - a damaged workbook fails anywhere in openpyxl
        reason = "is not a readable .xlsx workbook (damaged, or another kind of file)"
        raise PlanFileError.unreadable(path, reason) from None
    return loaded


def _open(openpyxl: Any, path: pathlib.Path, *, data_only: bool) -> Any:
    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=data_only)
    except OSError as exc:
        raise PlanFileError.unreadable(path, unreadable_reason(exc)) from None


def _rows(ws: Any, formulas: list[tuple[str, int, int]]) -> _Rows:
    """Return the sheet's non-blank rows as ``(row number, values)``."""
    rows = []
    for number, cells in enumerate(ws.iter_rows(), start=1):
        values = tuple(cell.value for cell in cells)
        if not any(v is not None and v != "" for v in values):
            continue
        for index, cell in enumerate(cells):
            if cell.data_type == "f":
                formulas.append((ws.title, number, index))
        rows.append((number, values))
    return rows


def _saved_values(openpyxl: Any, path: pathlib.Path, loaded: _Book) -> None:
    """Replace each formula by its saved value; note those with none."""
    wanted: dict[str, dict[int, list[int]]] = {}
    for sheet, number, index in loaded.formulas:
        wanted.setdefault(sheet, {}).setdefault(number, []).append(index)
    book = _open(openpyxl, path, data_only=True)
    try:
        for sheet, by_row in wanted.items():
            rows = dict(loaded.sheets[sheet])
            first, last = min(by_row), max(by_row)
            ws = book[sheet]
            for number, values in enumerate(
                ws.iter_rows(min_row=first, max_row=last, values_only=True),
                start=first,
            ):
                if number not in by_row:
                    continue
                row = list(rows[number])
                for index in by_row[number]:
                    saved = values[index] if index < len(values) else None
                    row[index] = saved
                    if saved is None:
                        loaded.unsaved.setdefault(sheet, []).append((number, index))
                rows[number] = tuple(row)
            loaded.sheets[sheet] = list(rows.items())
    finally:
        book.close()


def _report_unsaved(loaded: _Book, problems: Problems) -> None:
    """Report formula cells with no saved value (derived columns excepted)."""
    for sheet, cells in loaded.unsaved.items():
        rows = loaded.sheets[sheet]
        header = [_text(v) for v in rows[0][1]] if rows else []
        where = Problems(f"{problems.source}, sheet {sheet!r}")
        for number, index in cells:
            name = header[index] if index < len(header) else ""
            if sheet == ACTIONS and name in DERIVED:
                continue  # derived columns are recomputed, never read
            where.add(
                "the cell holds a formula with no saved value; sendkit reads "
                "values, not formulas: paste the column as values",
                row=number,
                column=name or None,
            )
        problems.items.extend(where.items)


def _table(
    title: str, rows: _Rows, problems: Problems, required: Sequence[str]
) -> tuple[list[str], list[tuple[int, dict[str, object]]]]:
    """Read a sheet as a header and row dicts; blank rows are skipped."""
    if not rows:
        problems.add(
            f"sheet {title!r} is empty; it needs a header row", row=1, column=None
        )
        return [], []
    first, values = rows[0]
    header = [_text(v) for v in values]
    while header and not header[-1]:
        header.pop()
    for name in required:
        if name not in header:
            problems.add(
                f"sheet {title!r} has no {name!r} column", row=first, column=name
            )
    table = []
    for number, row_values in rows[1:]:
        cells: dict[str, object] = {}
        for index, value in enumerate(row_values):
            name = header[index] if index < len(header) else ""
            if not name:
                if value is not None and value != "":
                    problems.add(
                        f"sheet {title!r}: a value in a column with no header",
                        row=number,
                        column=None,
                    )
                continue
            cells[name] = value
        table.append((number, cells))
    return header, table


def read_xlsx(path: pathlib.Path) -> ActionPlan:  # noqa: C901, PLR0912 - one block per sheet
    """Read a workbook tracker (see the module docstring)."""
    loaded = _load(path)
    if ACTIONS not in loaded.sheetnames:
        reason = (
            f"has no sheet named {ACTIONS!r} "
            f"(sheets: {', '.join(loaded.sheetnames) or 'none'})"
        )
        raise PlanFileError.unreadable(path, reason)
    sheets = loaded.sheets
    problems = Problems(path.name)
    _report_unsaved(loaded, problems)
    parts = PlanParts()
    lists = _read_lists(sheets, problems)
    sheet_problems = Problems(f"{path.name}, sheet {ACTIONS!r}")
    header, table = _table(ACTIONS, sheets[ACTIONS], sheet_problems, ("action_id",))
    parts.columns = header
    known_ids = set()
    for number, cells in table:
        action_id = _text(cells.get("action_id"))
        known_ids.add(action_id)
        parts.ids.append((number, action_id))
        item = action_from_row(
            cells,
            row=number,
            problems=sheet_problems,
            text=_text,
            lists=lists.get(action_id, {}),
        )
        if item is not None:
            parts.rows.append((number, item))
    for (sheet, number), action_id in _list_owners(lists).items():
        if action_id not in known_ids:
            problems.add(
                f"sheet {sheet!r}: no action with id {action_id!r} in the Actions sheet",
                row=number,
                column="action_id",
            )
    if SECTIONS in sheets:
        sections_problems = Problems(f"{path.name}, sheet {SECTIONS!r}")
        _, section_rows = _table(
            SECTIONS, sheets[SECTIONS], sections_problems, ("section_id",)
        )
        parts.sections = [
            (n, {k: _text(v) for k, v in c.items()}) for n, c in section_rows
        ]
        problems.items.extend(sections_problems.items)
    if PLAN in sheets:
        _, plan_rows = _table(PLAN, sheets[PLAN], problems, _PLAN_COLUMNS)
        for number, cells in plan_rows:
            key = _text(cells.get("field"))
            value = cells.get("value")
            if isinstance(value, str):
                value = xlsx_unescape(value)
            if key == "as_of":
                continue  # the date the derived columns describe
            if key == "board_date":
                parts.board_dates.append((number, value))
            elif key in PLAN_FIELDS:
                parts.fields[key] = value
                parts.field_rows[key] = number
            elif key:
                parts.extra[key] = cell_text(value)
    if DEADLINES in sheets:
        _, deadline_rows = _table(
            DEADLINES, sheets[DEADLINES], problems, ("name", "due")
        )
        parts.deadlines = [
            (
                n,
                {
                    k: (xlsx_unescape(v) if isinstance(v, str) else v)
                    for k, v in c.items()
                },
            )
            for n, c in deadline_rows
        ]
    problems.items[:0] = sheet_problems.items
    return assemble(parts, problems)


def _list_owners(lists: Mapping[str, Mapping[str, Any]]) -> dict[tuple[str, int], str]:
    owners = {}
    for action_id, groups in lists.items():
        for key in groups.get("rows", ()):
            owners[key] = action_id
    return owners


def _read_lists(
    sheets: Mapping[str, _Rows], problems: Problems
) -> dict[str, dict[str, Any]]:
    """Read the list sheets into ``{action_id: {"updates": [...], ...}}``."""
    lists: dict[str, dict[str, Any]] = {}

    def group(action_id: str, key: str) -> list[Any]:
        entry = lists.setdefault(action_id, {"rows": []})
        items: list[Any] = entry.setdefault(key, [])
        return items

    specs: Sequence[tuple[str, Sequence[str], str, Callable[..., Any]]] = (
        (LOG, ("action_id", "date"), "updates", _update_from),
        (MILESTONES, ("action_id", "due_date"), "milestones", _milestone_from),
        (ACTUALS, ("action_id", "date", "value"), "actuals", _actual_from),
    )
    for sheet, required, key, build in specs:
        if sheet not in sheets:
            continue
        sheet_problems = Problems(f"{problems.source}, sheet {sheet!r}")
        _, rows = _table(sheet, sheets[sheet], sheet_problems, required)
        for number, cells in rows:
            action_id = _text(cells.get("action_id"))
            if not action_id.strip():
                sheet_problems.add("action_id is blank", row=number, column="action_id")
                continue
            before = len(sheet_problems.items)
            item = build(cells, number, sheet_problems)
            if len(sheet_problems.items) == before:
                group(action_id, key).append(item)
                lists[action_id]["rows"].append((sheet, number))
        problems.items.extend(sheet_problems.items)
    return lists


def _required(
    problems: Problems,
    parse: Callable[[object], Any],
    cells: Mapping[str, object],
    name: str,
    row: int,
) -> Any:
    value = problems.read(parse, cells.get(name), row=row, column=name)
    if value is None and not any(
        p.row == row and p.column == name for p in problems.items
    ):
        problems.add(f"{name} is required", row=row, column=name)
    return value


def _update_from(
    cells: Mapping[str, object], row: int, problems: Problems
) -> ProgressUpdate | None:
    on = _required(problems, cell_date, cells, "date", row)
    status_text = _text(cells.get("status"))
    status = (
        problems.read(
            lambda v: parse_choice(Status, str(v)),
            status_text,
            row=row,
            column="status",
        )
        if status_text.strip()
        else None
    )
    if on is None:
        return None
    return ProgressUpdate(
        on=on, status=status, note=_text(cells.get("note")), by=_text(cells.get("by"))
    )


def _milestone_from(
    cells: Mapping[str, object], row: int, problems: Problems
) -> Milestone | None:
    due = _required(problems, cell_date, cells, "due_date", row)
    achieved = problems.read(
        cell_date, cells.get("achieved_date"), row=row, column="achieved_date"
    )
    if due is None:
        return None
    return Milestone(
        due=due, description=_text(cells.get("milestone")), achieved=achieved
    )


def _actual_from(
    cells: Mapping[str, object], row: int, problems: Problems
) -> Measurement | None:
    on = _required(problems, cell_date, cells, "date", row)
    value = _required(problems, cell_number, cells, "value", row)
    if on is None or value is None:
        return None
    return Measurement(on=on, value=value)
