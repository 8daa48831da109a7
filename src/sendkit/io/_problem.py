"""The one problem type of ``sendkit.io``: a place in a file and a reason.

Every reader (EHC case files, SEN2 XML, Ofsted's files, caseloads) reports a
row or element it could not read as a `Problem`. It names the place, never
the value: the files hold children's data.
"""

from __future__ import annotations

from typing import Any

import attrs

from ..errors import RowError

__all__ = ["Problem"]


@attrs.frozen(kw_only=True)
class Problem:
    """Something in an input file that sendkit could not read.

    It names the place, never the child: the row and column, and a reason that
    contains no personal field.

    Attributes:
        reason: What was wrong; several reasons are joined by ``"; "``.
        row: The 1-based row in a CSV, XLSX or ODS file, as a spreadsheet
            shows it (header included).
        column: The column name, as the file names it, when known.
        element: The element path in an XML file, such as
            ``Person[2]/Requests[1]/ReceivedDate`` (positions count from 1).
        source: The file name, when the reader records it.
    """

    reason: str
    row: int | None = None
    column: str | None = None
    element: str | None = None
    source: str | None = None

    def to_error(self) -> RowError:
        """Return this problem as a `RowError`, for strict reading."""
        return RowError(
            self.reason,
            row=self.row,
            column=self.column or self.element,
            source=self.source,
        )

    def to_dict(self) -> dict[str, Any]:
        """Return the problem as a JSON-ready dict.

        ``row``, ``column`` and ``reason`` are always there; ``element`` and
        ``source`` only when set.
        """
        out: dict[str, Any] = {
            "row": self.row,
            "column": self.column,
            "reason": self.reason,
        }
        if self.element:
            out["element"] = self.element
        if self.source:
            out["source"] = self.source
        return out

    def __str__(self) -> str:
        where = [part for part in (self.source,) if part]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column {self.column!r}")
        if self.element:
            where.append(f"element {self.element}")
        return f"{', '.join(where)}: {self.reason}" if where else self.reason
