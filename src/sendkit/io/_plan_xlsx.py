"""The ``.xlsx`` tracker: a workbook an officer can open, filter and edit.

Sheets, in order:

* **Summary**: counts by RAG on the as-at date, overdue and due-soon counts,
  the plan's deadlines and the exception report (written, never read).
* **Guidance**: how to fill the tracker in, and every column with its
  readable label, its machine name, what it holds and what is accepted
  (written, never read).
* **Actions**: the column schema (`ACTION_COLUMNS` without the list columns),
  one row per action; real date cells, a frozen header and id column, filters,
  drop-down lists and RAG colours. A new tracker (no actions yet) has one
  example row whose id is ``EXAMPLE``; the reader skips it.
* **Print**: the columns a board reads (id, area, action, owner, lead
  partner, due date, status, RAG, success measure, latest note, next
  review), each cell a formula showing the Actions cell, with room for
  more actions added by hand; it prints one landscape A4 page wide at about
  8.8 pt (the Actions sheet, with every column, prints four pages across
  with the id column repeated). Written, never read.
* **Progress log**, **Milestones**, **KPI actuals**: the lists, one row per
  entry, keyed by ``action_id``.
* **Sections**, **Plan**, **Deadlines**: the plan's sections in order, its
  settings (``field``/``value`` rows) and its own deadlines.

Every table sheet has two header rows: readable labels for people
("Due date") above the machine names the reader uses (``due_date``, small
and grey), so that a workbook written and read back loses nothing; the
reader also takes a sheet with the machine names alone in row 1. Printed,
each sheet is A4 landscape, one page wide (the Actions sheet: as many
pages across as keep its type legible), both header rows repeated on every
page; long text wraps in its column rather than spilling past the page.
Drop-down and date cells refuse a bad entry with a message and show a
prompt when selected.

openpyxl is imported here only, so the rest of sendkit works without it.
"""

from __future__ import annotations

import datetime as dt
import math
import pathlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, Final

import attrs

from ..dates import excel_serial_to_date
from ..errors import InvalidInputError
from ..plans._enums import AreaKind, Partner, Rag, Status
from ..plans._model import ActionPlan, Measurement, Milestone, ProgressUpdate
from ..plans._result import PlanStatus
from ..plans._schema import (
    ACTION_COLUMNS,
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
from ._plan_parts import (
    PlanFileError,
    PlanParts,
    assemble,
    plan_field_values,
    unreadable_reason,
)
from ._sheet_print import fit_rows, print_landscape

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
#: The font of the cells sendkit styles (the spreadsheet default).
_FONT = "Calibri"
_HEADER_FILL = "1F4E78"
#: Fill and text of the machine-name header row (row 2).
_NAME_FILL = "D9E2F3"
_NAME_FONT = "1F3864"
#: Header fill of derived columns (grey: written by sendkit, never read);
#: white on it is 7:1, above WCAG AA's 4.5:1.
_DERIVED_FILL = "595959"
#: The id of the example row in a new tracker; the reader skips it.
EXAMPLE_ID = "EXAMPLE"
GUIDANCE = "Guidance"
PRINT = "Print"
#: Rows above the data on every table sheet: labels, then machine names.
_HEAD_ROWS = 2
_FIRST_DATA_ROW = _HEAD_ROWS + 1

#: Readable labels for machine names; others are the name in words.
_LABELS = {
    "action_id": "Action id",
    "section_id": "Area id",
    "priority_area": "Priority area (report's words)",
    "area_type": "Area type",
    "action": "Action: what will be done",
    "owner": "Owner (a role)",
    "lead_partner": "Lead partner",
    "rag": "RAG (worked out by sendkit)",
    "rag_override": "RAG override",
    "rag_override_reason": "Reason for the override",
    "rag_override_by": "Override made by",
    "rag_override_on": "Override made on",
    "kpi_id": "KPI id",
    "kpi": "KPI: what it measures",
    "kpi_unit": "KPI unit",
    "next_review_date": "Next review date",
    "board": "Reported to (board)",
    "co_production": "Co-produced?",
    "latest_note": "Latest note (from the log)",
    "due_date": "Due date",
    "achieved_date": "Date achieved",
    "kpi_id_actual": "KPI id",
    "field": "Setting",
    "value": "Value",
    "name": "Deadline",
    "due": "Due",
    "confirmed": "Confirmed by a primary source?",
    "source": "Source",
    "note": "Note",
    "by": "By (a role)",
    "date": "Date",
}


def label(name: str) -> str:
    """The readable label for a machine name (``due_date`` -> ``Due date``)."""
    if name in _LABELS:
        return _LABELS[name]
    return name.replace("_", " ").capitalize()


_DERIVED_NOTE = (
    "Derived by sendkit; edits here are ignored. To change the rating, use "
    "rag_override with a reason in rag_override_reason; to add a note, add a "
    "row to the Progress log sheet."
)
_LAST_ROW = 1_048_576

#: Widths in characters of the columns that wrap their text; the others
#: fit their content (`_Sheet.finish`).
_WIDTHS = {
    "priority_area": 36,
    "action": 48,
    "rag_override_reason": 30,
    "success_measure": 36,
    "evidence": 30,
    "latest_note": 40,
    "note": 60,
    "milestone": 50,
    "source": 60,
    "value": 40,
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
    """Appends rows to a worksheet, guarding text and formatting dates.

    A sheet with a header gets two header rows: the readable labels, then
    the machine names. The longest value in each column is kept, so that
    `finish` can fit the column widths to the content.
    """

    def __init__(self, ws: Any, header: Sequence[str]) -> None:
        self.ws = ws
        self.header = list(header)
        self.rows = 0  # ws.max_row scans every cell: too slow to ask per row
        self.longest = [0] * len(self.header)
        if self.header:
            self.append([label(name) for name in header], header=True)
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
            if not header and col <= len(self.longest) and value is not None:
                size = 10 if isinstance(value, dt.date) else len(str(value))
                self.longest[col - 1] = max(self.longest[col - 1], size)

    def finish(self, *, freeze: str = "A3") -> None:
        openpyxl = _openpyxl()
        styles = openpyxl.styles
        font = styles.Font(name=_FONT, bold=True, color="FFFFFF")
        fill = styles.PatternFill("solid", fgColor=_HEADER_FILL)
        wrap = styles.Alignment(wrap_text=True, vertical="top")
        for cell in self.ws[1]:
            cell.font = font
            cell.fill = fill
            cell.alignment = wrap
        names_font = styles.Font(name=_FONT, italic=True, size=9, color=_NAME_FONT)
        names_fill = styles.PatternFill("solid", fgColor=_NAME_FILL)
        for cell in self.ws[2]:
            cell.font = names_font
            cell.fill = names_fill
        letter = openpyxl.utils.get_column_letter
        tallest = 1
        for col, name in enumerate(self.header, start=1):
            width = _WIDTHS.get(name) or _fit(label(name), name, self.longest[col - 1])
            self.ws.column_dimensions[letter(col)].width = width
            tallest = max(tallest, -(-len(label(name)) // max(int(width), 1)))
        self.ws.row_dimensions[1].height = 15 * min(tallest, 4) + 3
        wrapped = {
            col: _WIDTHS[name]
            for col, name in enumerate(self.header, start=1)
            if name in _WIDTHS
        }
        for col in wrapped:  # long text wraps, never spills past the print width
            for cell in self.ws[letter(col)][_HEAD_ROWS:]:
                cell.alignment = wrap
        fit_rows(self.ws, wrapped, first=_FIRST_DATA_ROW)
        self.ws.freeze_panes = freeze
        if self.rows > _HEAD_ROWS:
            last = letter(len(self.header))
            self.ws.auto_filter.ref = f"A{_HEAD_ROWS}:{last}{self.rows}"
        total = sum(
            self.ws.column_dimensions[letter(col)].width
            for col in range(1, len(self.header) + 1)
        )
        print_landscape(self.ws, wide=max(1, math.ceil(total / _PRINT_CHARS)))
        self.ws.print_title_rows = f"1:{_HEAD_ROWS}"


def _fit(text: str, name: str, longest: int) -> float:
    """A width that shows the content, the machine name and each label word."""
    word = max((len(w) for w in text.split()), default=0)
    return float(max(8, min(max(longest, len(name), word) + 2, 40)))


#: Characters of column width that print legibly across one landscape A4
#: page (about 8 pt type, or more); a wider sheet is spread over more pages.
_PRINT_CHARS = 175


def _list_rule(choices: Iterable[str], title: str) -> Any:
    openpyxl = _openpyxl()
    values = ",".join(choices)
    rule = openpyxl.worksheet.datavalidation.DataValidation(
        type="list",
        formula1=f'"{values}"',
        allow_blank=True,
        showErrorMessage=True,
        showInputMessage=True,
        errorStyle="stop",
    )
    rule.error = f"Choose one of: {values.replace(',', ', ')}"
    rule.errorTitle = f"Not a {title}"
    rule.promptTitle = title.capitalize()
    rule.prompt = f"Choose a {title} from the list"
    return rule


#: Data validation per column kind: (type, low, high, error title, error,
#: prompt). Dates run 2000 to 2099; numbers refuse text.
_TYPED_RULES = {
    "date": (
        "date",
        "DATE(2000,1,1)",
        "DATE(2099,12,31)",
        "Not a date",
        "Enter a date as day/month/year, such as 31/03/2025.",
        "A date, such as 31/03/2025",
    ),
    "number": (
        "decimal",
        "-1000000000",
        "1000000000",
        "Not a number",
        "Enter a number only, such as 52.5; put the unit in KPI unit.",
        "A number, such as 52.5",
    ),
}


def _typed_rule(name: str, kind: str) -> Any:
    """Refuse anything but a *kind* (``date`` or ``number``) in column *name*."""
    openpyxl = _openpyxl()
    kind_type, low, high, title, error, prompt = _TYPED_RULES[kind]
    rule = openpyxl.worksheet.datavalidation.DataValidation(
        type=kind_type,
        operator="between",
        formula1=low,
        formula2=high,
        allow_blank=True,
        showErrorMessage=True,
        showInputMessage=True,
        errorStyle="stop",
    )
    rule.errorTitle = title
    rule.error = error
    rule.promptTitle = label(name)
    rule.prompt = prompt
    return rule


def write_xlsx(  # noqa: C901, PLR0912 - one loop per list sheet
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
    _write_guidance(book.create_sheet(GUIDANCE))
    extras = extra_columns(plan.actions, plan.extra_columns)
    header = [*XLSX_COLUMNS, *extras]
    actions = _Sheet(book.create_sheet(ACTIONS), header)
    printed = book.create_sheet(PRINT)  # filled once the actions are written
    log = _Sheet(book.create_sheet(LOG), _LOG_COLUMNS)
    milestones = _Sheet(book.create_sheet(MILESTONES), _MILESTONE_COLUMNS)
    actuals = _Sheet(book.create_sheet(ACTUALS), _ACTUAL_COLUMNS)
    ratings = status.ratings if status is not None else {}
    overridden_rows = []
    example_row = None
    if not plan.actions:
        actions.append(_example_row(plan).get(name, "") for name in header)
        example_row = actions.rows
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
    _style_actions(actions, overridden_rows, example_row)
    _write_print(printed, actions, _heading(plan), day)
    for sheet in (log, milestones, actuals):
        sheet.finish(freeze="B3")

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


def _style_actions(  # noqa: C901 - one block per kind of cell rule
    sheet: _Sheet, overridden_rows: Sequence[int], example_row: int | None
) -> None:
    openpyxl = _openpyxl()
    ws = sheet.ws
    sheet.finish(freeze="B3")
    letter = openpyxl.utils.get_column_letter
    column = {name: letter(i) for i, name in enumerate(sheet.header, start=1)}
    first = _FIRST_DATA_ROW
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
        rule.add(f"{column[name]}{first}:{column[name]}{_LAST_ROW}")
    for col in ACTION_COLUMNS:
        if col.name not in column:
            continue
        if col.kind not in _TYPED_RULES:
            continue
        rule = _typed_rule(col.name, col.kind)
        ws.add_data_validation(rule)
        rule.add(f"{column[col.name]}{first}:{column[col.name]}{_LAST_ROW}")
    rag = column["rag"]
    styles = openpyxl.styles
    _rag_colours(ws, rag, first)
    _mark_derived(ws, sheet.header)
    italic = styles.Font(name=_FONT, italic=True, bold=True)
    for number in overridden_rows:
        ws[f"{rag}{number}"].font = italic
        ws[f"{column['rag_override']}{number}"].font = italic
    top = styles.Alignment(vertical="top", wrap_text=True)
    wrapped = ("priority_area", "action", "success_measure", "latest_note")
    upper = styles.Alignment(vertical="top")
    for row in ws.iter_rows(min_row=first, max_row=sheet.rows):
        for cell in row:
            cell.alignment = upper
    for name in wrapped:
        for cell in ws[column[name]][_HEAD_ROWS:]:
            cell.alignment = top
    if example_row is not None:
        grey = styles.Font(name=_FONT, italic=True, color="595959")
        for cell in ws[example_row]:
            cell.font = grey
        ws.cell(example_row, 1).comment = openpyxl.comments.Comment(
            "An example row: sendkit never reads a row whose id is EXAMPLE. "
            "Overwrite it with your first action, or leave it.",
            "sendkit",
        )
    fit_rows(ws, {sheet.header.index(n) + 1: _WIDTHS[n] for n in wrapped}, first=first)


def _rag_colours(ws: Any, rag: str, first: int) -> None:
    """Colour column *rag* from row *first* down by the rating it starts with."""
    openpyxl = _openpyxl()
    styles = openpyxl.styles
    for value in Rag:
        fill = styles.PatternFill(
            "solid", fgColor=value.colour.lstrip("#"), bgColor=value.colour.lstrip("#")
        )
        font = styles.Font(bold=True, color=_rag_text(value))
        formula = f'LEFT(${rag}{first},{len(value.value)})="{value.value}"'
        ws.conditional_formatting.add(
            f"{rag}{first}:{rag}{_LAST_ROW}",
            openpyxl.formatting.rule.FormulaRule(
                formula=[formula], fill=fill, font=font
            ),
        )


#: The Print sheet's columns: the Actions column each shows, and its width
#: in characters. Their 175 characters print one landscape A4 page wide
#: (narrow margins) at 80% of full size: 11 pt type prints at 8.8 pt.
_PRINT_COLUMNS = (
    ("action_id", 8),
    ("section_id", 6),
    ("action", 36),
    ("owner", 16),
    ("lead_partner", 14),
    ("due_date", 11),
    ("status", 11),
    ("rag", 10),
    ("success_measure", 24),
    ("latest_note", 28),
    ("next_review_date", 11),
)
#: Shorter labels where the Actions sheet's would not fit the Print sheet.
_PRINT_LABELS = {"rag": "RAG", "next_review_date": "Next review", "section_id": "Area"}
#: Rows of formulas below the last action, for actions added by hand.
_PRINT_SPARE_ROWS = 10


def _write_print(ws: Any, actions: _Sheet, heading: str, as_of: dt.date | None) -> None:
    """The Print sheet: the columns a board reads, one landscape page wide.

    Every cell is a formula over the Actions sheet (so it follows edits
    there), with room for `_PRINT_SPARE_ROWS` more actions; a row with no
    action id, or the example row, prints blank. It is never read: the
    Actions sheet holds the data.
    """
    openpyxl = _openpyxl()
    styles = openpyxl.styles
    letter = openpyxl.utils.get_column_letter
    source = {name: letter(i) for i, name in enumerate(actions.header, start=1)}
    shown = [(name, width) for name, width in _PRINT_COLUMNS if name in source]
    ws.append([_PRINT_LABELS.get(name) or label(name) for name, _ in shown])
    head_font = styles.Font(name=_FONT, bold=True, color="FFFFFF")
    head_fill = styles.PatternFill("solid", fgColor=_HEADER_FILL)
    wrap = styles.Alignment(wrap_text=True, vertical="top")
    left = styles.Alignment(horizontal="left", vertical="top")
    for cell in ws[1]:
        cell.font, cell.fill, cell.alignment = head_font, head_fill, wrap
    dates = {c.name for c in ACTION_COLUMNS if c.kind == "date"}
    last = actions.rows + _PRINT_SPARE_ROWS
    for number in range(_FIRST_DATA_ROW, last + 1):
        row = number - _HEAD_ROWS + 1
        for col, (name, _) in enumerate(shown, start=1):
            ref = f"{ACTIONS}!{source[name]}{number}"
            key = f"{ACTIONS}!${source['action_id']}{number}"  # no id or the example
            blank = f'OR({key}="",{key}="{EXAMPLE_ID}",{ref}="")'
            cell = ws.cell(row, col, f'=IF({blank},"",{ref})')
            if name in dates:
                cell.number_format = _DATE_FORMAT
                cell.alignment = left
            else:
                cell.alignment = wrap
    widths: dict[int, float] = {}
    widths_all = [width for _, width in shown]
    for col, (name, width) in enumerate(shown, start=1):
        ws.column_dimensions[letter(col)].width = width
        if name in _WIDTHS or name == "owner":
            widths[col] = width
    tallest = max(-(-len(str(c.value)) // widths_all[i]) for i, c in enumerate(ws[1]))
    ws.row_dimensions[1].height = 15 * tallest + 3
    _print_heights(ws, actions.ws, shown, source, widths)
    names = [name for name, _ in shown]
    if "rag" in names:
        _rag_colours(ws, letter(names.index("rag") + 1), 2)
    print_landscape(ws)
    ws.print_title_rows = "1:1"
    ws.freeze_panes = "B2"
    ws.print_options.gridLines = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top, ws.page_margins.bottom = 0.7, 0.6
    ws.page_margins.header = ws.page_margins.footer = 0.3
    on = f" at {as_of.strftime('%d/%m/%Y')}" if as_of else ""
    ws.oddHeader.left.text = (heading + on).replace("&", "&&")
    ws.oddHeader.left.size = 12
    ws.oddFooter.left.text = (
        "Every column is on the Actions sheet; this sheet shows it for printing."
    )
    ws.oddFooter.left.size = 10
    ws.oddFooter.right.text = "Page &P of &N"
    ws.oddFooter.right.size = 10


def _print_heights(
    ws: Any,
    actions_ws: Any,
    shown: Sequence[tuple[str, int]],
    source: Mapping[str, str],
    widths: Mapping[int, float],
) -> None:
    """Row heights for the Print sheet's wrapped text, from the Actions values."""
    for row in range(2, ws.max_row + 1):
        lines = 1
        if (
            actions_ws[f"{source['action_id']}{row + _HEAD_ROWS - 1}"].value
            == EXAMPLE_ID
        ):
            continue  # the example row prints blank
        for col, width in widths.items():
            name = shown[col - 1][0]
            value = actions_ws[f"{source[name]}{row + _HEAD_ROWS - 1}"].value
            if isinstance(value, str) and value:
                chars = max(int(width * 1.05), 1)
                lines = max(lines, -(-len(value) // chars))
        if lines > 1:
            ws.row_dimensions[row].height = 15 * min(lines, 12)


def _heading(plan: ActionPlan) -> str:
    """The plan's heading: partnership and title."""
    title = plan.title or plan.kind.value.replace("-", " ").capitalize()
    return f"{plan.partnership}: {title}" if plan.partnership else title


def _rag_text(value: Rag) -> str:
    """Black on amber and green, white on red and blue: each at least 4.5:1."""
    return "000000" if value in {Rag.AMBER, Rag.GREEN} else "FFFFFF"


def _example_row(plan: ActionPlan) -> dict[str, object]:
    """The example row of a new tracker, under its first area."""
    area = plan.sections[0] if plan.sections else None
    start = plan.report_received or dt.date(2025, 1, 6)
    return {
        "action_id": EXAMPLE_ID,
        "section_id": area.id if area else "PA1",
        "priority_area": area.title if area else "An area for priority action",
        "area_type": (area.kind if area else AreaKind.PRIORITY_ACTION).value,
        "action": (
            "Example: recruit two educational psychologists (replace this row "
            "with your first action)"
        ),
        "owner": "Principal Educational Psychologist",
        "lead_partner": Partner.LOCAL_AUTHORITY.value,
        "start_date": start,
        "due_date": start + dt.timedelta(days=180),
        "status": Status.NOT_STARTED.value,
        "success_measure": "EP advice returned within 6 weeks for 90% of requests",
        "board": "SEND Improvement Board",
        "co_production": "no",
    }


def _write_guidance(ws: Any) -> None:
    """The Guidance sheet: how to fill the tracker in, and every column."""
    openpyxl = _openpyxl()
    styles = openpyxl.styles
    lines = (
        "How to use this tracker",
        (
            "One row per action on the Actions sheet. Row 1 holds readable labels; "
            "row 2 holds the names sendkit reads: keep row 2 as it is."
        ),
        (
            "Pick from the drop-down lists; dates as day/month/year. A bad entry is "
            "refused with a message."
        ),
        (
            "Grey headers (RAG, latest note) are worked out by sendkit from the dates "
            "and the Progress log: edits there are ignored. To change a rating, fill "
            "in RAG override with a reason."
        ),
        (
            "Add a row to the Progress log for each update; Milestones and KPI actuals "
            "take one row per entry, keyed by the action id."
        ),
        (
            "To print for a board, print the Print sheet: the main columns, one "
            "page wide. It shows the Actions sheet by formulas and is never read."
        ),
        (
            "A row whose action id is EXAMPLE is never read. Then run: sendkit plan "
            "status THIS_FILE --as-of DATE --html board.html"
        ),
        "",
    )
    sheet = _Sheet(ws, ())
    for line in lines:
        sheet.append((line,))
    ws["A1"].font = styles.Font(name=_FONT, bold=True, size=14)
    header = ("Label", "Name in row 2", "What it holds", "What is accepted", "Required")
    sheet.append(header)
    for cell in ws[sheet.rows]:
        cell.font = styles.Font(name=_FONT, bold=True, color="FFFFFF")
        cell.fill = styles.PatternFill("solid", fgColor=_HEADER_FILL)
    accepted = {
        "status": ", ".join(s.value for s in Status),
        "lead_partner": ", ".join(p.value for p in Partner),
        "rag_override": ", ".join(r.value for r in Rag),
        "area_type": ", ".join(k.value for k in AreaKind),
        "co_production": "yes, no",
    }
    kinds = {
        "date": "a date (day/month/year)",
        "number": "a number",
        "text": "text",
        "derived": "worked out by sendkit; not read",
        "yes/no": "yes, no",
    }
    top = styles.Alignment(vertical="top", wrap_text=True)
    for col in ACTION_COLUMNS:
        if col.csv_only:
            continue
        sheet.append(
            (
                label(col.name),
                col.name,
                col.meaning,
                accepted.get(col.name, kinds.get(col.kind, col.kind)),
                "yes" if col.required else "",
            )
        )
        for cell in ws[sheet.rows]:
            cell.alignment = top
    for letter_, width in zip("ABCDE", (30, 22, 60, 44, 10), strict=True):
        ws.column_dimensions[letter_].width = width
    print_landscape(ws)
    fit_rows(ws, {1: 30, 3: 60, 4: 44}, first=len(lines) + 2)


def _mark_derived(ws: Any, header: Sequence[str]) -> None:
    """Grey the headers of derived columns and say, in a note, that edits are lost."""
    openpyxl = _openpyxl()
    fill = openpyxl.styles.PatternFill("solid", fgColor=_DERIVED_FILL)
    font = openpyxl.styles.Font(name=_FONT, bold=True, italic=True, color="FFFFFF")
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
    bold = styles.Font(name=_FONT, bold=True)
    print_landscape(ws)
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 16
    ws.column_dimensions["C"].width = 50
    ws.column_dimensions["D"].width = 20
    ws.column_dimensions["E"].width = 40
    heading = _heading(plan)
    sheet = _Sheet(ws, ())
    sheet.append((heading,))
    ws["A1"].font = styles.Font(name=_FONT, bold=True, size=14)
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
        cell.font = styles.Font(name=_FONT, bold=True, color=_rag_text(rag))
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
    fit_rows(
        ws, {1: 30, 3: 50, 4: 20, 5: 40}, first=ws.max_row - len(status.exceptions) + 1
    )


# -- reading ------------------------------------------------------------------


def _text(value: object) -> str:
    if isinstance(value, str):
        return xlsx_unescape(value)
    return cell_text(value)


#: The machine name in column A of each sheet's header row.
_FIRST_NAME = {
    ACTIONS: "action_id",
    LOG: "action_id",
    MILESTONES: "action_id",
    ACTUALS: "action_id",
    SECTIONS: "section_id",
    PLAN: "field",
    DEADLINES: "name",
}

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
            date1904 = book.epoch == _EPOCH_1904
            for name in _READ_SHEETS:
                if name in loaded.sheetnames:
                    loaded.sheets[name] = _rows(book[name], loaded.formulas)
        finally:
            book.close()
        for name, rows in loaded.sheets.items():  # row 1: labels above the names
            if len(rows) > 1 and _text(rows[1][1][0]) == _FIRST_NAME[name]:
                loaded.sheets[name] = rows[1:]
        if loaded.formulas:
            _saved_values(openpyxl, path, loaded)
        if date1904:
            _serials_1904(loaded)
    except PlanFileError:
        raise
    except Exception:  # noqa: BLE001 - a damaged workbook fails anywhere in openpyxl
        reason = "is not a readable .xlsx workbook (damaged, or another kind of file)"
        raise PlanFileError.unreadable(path, reason) from None
    return loaded


#: Day 0 of a workbook in Excel's 1904 date system, as openpyxl gives it.
_EPOCH_1904: Final = dt.datetime(1904, 1, 1)  # noqa: DTZ001 - a naive Excel epoch

#: Columns of the table sheets that hold dates, and Plan-sheet fields that do.
_DATE_COLUMNS: Final = frozenset(
    {column.name for column in ACTION_COLUMNS if column.kind == "date"}
    | {"date", "due", "achieved_date"}
)
_DATE_FIELDS: Final = frozenset({"board_date", "report_received", "review_from"})


def _serials_1904(loaded: _Book) -> None:
    """Read numbers in date columns of a 1904-system workbook as its serials.

    A date cell comes from openpyxl as a date already (openpyxl applies the
    workbook's epoch), but a date column reformatted as "General" gives bare
    numbers; `cell_date` reads those as 1900-system serials, four years and a
    day off for a 1904 workbook. They are turned into dates here, where the
    workbook's date system is known; a number that is no serial at all is
    left for `cell_date` to refuse.
    """
    for name, rows in loaded.sheets.items():
        if not rows:
            continue
        header = [_text(value) for value in rows[0][1]]
        if name == PLAN:
            wanted = {1} if header[:2] == ["field", "value"] else set()
            keep = _DATE_FIELDS
        else:
            wanted = {i for i, column in enumerate(header) if column in _DATE_COLUMNS}
            keep = None
        converted = [rows[0]]
        for number, values in rows[1:]:
            if keep is not None and (not values or _text(values[0]) not in keep):
                converted.append((number, values))
                continue
            converted.append(
                (
                    number,
                    tuple(
                        _from_1904(value) if index in wanted else value
                        for index, value in enumerate(values)
                    ),
                )
            )
        loaded.sheets[name] = converted


def _from_1904(value: object) -> object:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return value
    try:
        return excel_serial_to_date(value, date1904=True)
    except InvalidInputError:
        return value


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
        end = len(values)  # formatted empty cells to the sheet's edge are dropped
        while end and (values[end - 1] is None or values[end - 1] == ""):
            end -= 1
        if not end:
            continue
        for index, cell in enumerate(cells[:end]):
            if cell.data_type == "f":
                formulas.append((ws.title, number, index))
        rows.append((number, values[:end]))
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
) -> tuple[list[str], Iterator[tuple[int, dict[str, object]]]]:
    """Read a sheet as a header and row dicts, made one at a time as they are used.

    Blank rows are skipped; every header name is a key of every dict. Each
    raw row is released once its dict is made, so a sheet is read once.
    """
    if not rows:
        problems.add(
            f"sheet {title!r} is empty; it needs a header row", row=1, column=None
        )
        return [], iter(())
    first, values = rows[0]
    header = [_text(v) for v in values]
    while header and not header[-1]:
        header.pop()
    for name in required:
        if name not in header:
            problems.add(
                f"sheet {title!r} has no {name!r} column", row=first, column=name
            )
    return header, _dicts(title, header, rows, problems)


def _dicts(
    title: str, header: list[str], rows: _Rows, problems: Problems
) -> Iterator[tuple[int, dict[str, object]]]:
    for position in range(1, len(rows)):
        number, row_values = rows[position]
        rows[position] = (number, ())  # read once: memory goes to the rows kept
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
        for name in header[len(row_values) :]:
            if name:
                cells.setdefault(name, None)
        yield number, cells


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
        if action_id == EXAMPLE_ID:
            continue  # a new tracker's example row is never read
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
