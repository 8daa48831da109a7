"""Writing a worklist (``sendkit ehc due --csv/--xlsx``): one row per open step.

Cases are named by their opaque ids only. Text a spreadsheet would run as a
formula gets the one formula guard (`sendkit.io._cells`); both files are
written atomically (`sendkit.io._files`), so a failed write leaves the old
file whole.
"""

from __future__ import annotations

import csv
import os
from typing import Final

from ..ehc import Worklist
from ._cells import guard_formula
from ._files import atomic_write, save_atomic

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
        rows.append([guard_formula(str(values[column])) for column in WORKLIST_COLUMNS])
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


def write_worklist_xlsx(work: Worklist, path: str | os.PathLike[str]) -> None:
    """Write *work* as a workbook: status colours, filters, a frozen header.

    Raises:
        FileError: The file cannot be written; an old file is left unchanged.
    """
    import openpyxl  # noqa: PLC0415 - only when a workbook is asked for
    from openpyxl.styles import Font, PatternFill  # noqa: PLC0415

    book = openpyxl.Workbook()
    sheet = book.active
    if sheet is None:  # pragma: no cover - a new workbook has a sheet
        return
    sheet.title = "Worklist"
    sheet.append(list(WORKLIST_COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    status_at = WORKLIST_COLUMNS.index("status")
    for row in _cells(work):
        sheet.append(row)
        fill = _FILLS.get(row[status_at])
        if fill:
            sheet.cell(sheet.max_row, status_at + 1).fill = PatternFill(
                "solid", fgColor=fill
            )
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    save_atomic(path, book.save)
