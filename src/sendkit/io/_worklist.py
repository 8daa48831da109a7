"""Writing a worklist (``sendkit ehc due --csv/--xlsx``): one row per open step.

Cases are named by their opaque ids only. Text a spreadsheet would run as a
formula gets the one formula guard (`sendkit.io._cells`); both files are
written atomically (`sendkit.io._files`), so a failed write leaves the old
file whole.
"""

from __future__ import annotations

import csv
import os
from typing import Any, Final

from ..ehc import Worklist
from ._cells import guard_formula
from ._files import atomic_write, save_atomic
from ._sheet_print import fit_rows, print_landscape

__all__ = ["WORKLIST_COLUMNS", "write_worklist_csv", "write_worklist_xlsx"]

#: The columns written, in order (the keys of `sendkit.ehc.WorkItem.to_dict`).
WORKLIST_COLUMNS: Final = (
    "due",
    "case",
    "rule",
    "summary",
    "status",
    "days",
    "basis",
    "confidence",
    "source",
    "note",
)
_FILLS: Final = {"overdue": "F4CCCC", "due-soon": "FFE599", "upcoming": "D9EAD3"}


def _cells(work: Worklist) -> list[list[str]]:
    rows = []
    for item in work.items:
        values = item.to_dict()
        # days is an int (negative when overdue), never text that could run.
        rows.append(
            [
                str(values[column])
                if column == "days"
                else guard_formula(str(values[column]))
                for column in WORKLIST_COLUMNS
            ]
        )
    return rows


def write_worklist_csv(work: Worklist, path: str | os.PathLike[str]) -> None:
    """Write *work* as CSV: a header row, then one row per step, soonest first.

    Raises:
        FileError: The file cannot be written; an old file is left unchanged.
    """
    with atomic_write(path) as handle:
        writer = csv.writer(handle)
        writer.writerow(WORKLIST_COLUMNS)
        writer.writerows(_cells(work))


#: Column widths in characters for the workbook, chosen so that one A4
#: landscape page holds every column at about 9 pt (long text wraps).
_WIDTHS: Final = {
    "due": 12,
    "case": 12,
    "rule": 24,
    "summary": 30,
    "status": 10,
    "days": 6,
    "basis": 22,
    "confidence": 12,
    "source": 26,
    "note": 24,
}


def write_worklist_xlsx(work: Worklist, path: str | os.PathLike[str]) -> None:
    """Write *work* as a workbook for a team: one row per step, soonest first.

    ``due`` is a real date cell (shown dd/mm/yyyy) and ``days`` a number, so
    the sheet sorts and filters as people expect; every text cell is
    formula-safe. Status colours, filters, a frozen header, and a print setup
    of A4 landscape, one page wide, with the header row on every page.

    Raises:
        FileError: The file cannot be written; an old file is left unchanged.
    """
    import openpyxl  # noqa: PLC0415 - only when a workbook is asked for
    from openpyxl.styles import Alignment, Font, PatternFill  # noqa: PLC0415
    from openpyxl.utils import get_column_letter  # noqa: PLC0415

    book = openpyxl.Workbook()
    # openpyxl's stubs type print settings as optional; a new sheet has them.
    sheet: Any = book.active
    sheet.title = "Worklist"
    sheet.append(list(WORKLIST_COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    status_at = WORKLIST_COLUMNS.index("status")
    wrap = Alignment(wrap_text=True, vertical="top")
    for item, row in zip(work.items, _cells(work), strict=True):
        cells: list[object] = list(row)
        cells[WORKLIST_COLUMNS.index("due")] = item.due
        cells[WORKLIST_COLUMNS.index("days")] = item.days
        sheet.append(cells)
        line = sheet[sheet.max_row]
        line[0].number_format = "dd/mm/yyyy"
        for cell in line:
            cell.alignment = wrap
        fill = _FILLS.get(row[status_at])
        if fill:
            line[status_at].fill = PatternFill("solid", fgColor=fill)
    widths = {n: _WIDTHS[name] for n, name in enumerate(WORKLIST_COLUMNS, start=1)}
    for number, width in widths.items():
        sheet.column_dimensions[get_column_letter(number)].width = width
    fit_rows(sheet, widths)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    sheet.print_title_rows = "1:1"
    print_landscape(sheet)
    sheet.print_options.gridLines = True
    sheet.oddFooter.center.text = "Page &P of &N"
    save_atomic(path, book.save)
