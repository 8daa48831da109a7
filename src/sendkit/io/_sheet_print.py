"""Print layout for the workbooks sendkit writes: A4 landscape and wrapped rows.

One place for the page setup and the row heights that every writer of a
workbook (tracker, worklist, DfE benchmark) gives its sheets, so a printed
sheet reads the same whichever command wrote it. Sheets are openpyxl
worksheets, typed ``Any`` because openpyxl's stubs make print settings
optional.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["fit_rows", "print_landscape"]


def print_landscape(ws: Any, *, wide: int = 1) -> None:
    """Print landscape on A4, *wide* pages across, as many down as needed.

    A sheet wider than one page (the tracker's Actions sheet) is spread over
    *wide* pages, left to right, with column A (the id) repeated on each,
    rather than shrunk to unreadable type on one.
    """
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = wide
    ws.page_setup.fitToHeight = 0
    if wide > 1:
        ws.page_setup.pageOrder = "overThenDown"
        ws.print_title_cols = "A:A"


def fit_rows(ws: Any, widths: Mapping[int, float], first: int = 2) -> None:
    """Set row heights for wrapped text (spreadsheets do not always recompute them).

    *widths* maps a column number (1 = A) to its width in characters; rows
    from *first* down get the height of their longest wrapped text cell,
    up to 12 lines.
    """
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
