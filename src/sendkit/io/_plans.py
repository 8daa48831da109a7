"""Reading and writing trackers: the format is chosen from the file suffix.

This module sits above the two formats (`sendkit.io._plan_csv`,
`sendkit.io._plan_xlsx`), which share `sendkit.io._plan_parts`; openpyxl is
imported only when a workbook is read or written.
"""

from __future__ import annotations

import datetime as dt
import os
import pathlib

from ..calendars import DEFAULT_REGION
from ..errors import InvalidInputError
from ..plans._model import DEFAULT_DUE_SOON_WORKING_DAYS, ActionPlan
from ._plan_csv import read_csv, write_csv
from ._plan_parts import PlanFileError
from ._plan_xlsx import read_xlsx, write_xlsx

__all__ = ["PlanFileError", "read_plan", "write_plan"]

_SUFFIXES = (".csv", ".xlsx")


def read_plan(path: str | os.PathLike[str]) -> ActionPlan:
    """Read a tracker written by `write_plan`, or by hand to the same columns.

    The format comes from the suffix: ``.xlsx`` or ``.csv``. Every problem in
    the file is collected, and one `PlanFileError` lists them all with row
    and column; no row is ever dropped silently. Columns sendkit does not
    know are kept (`Action.extra`, `ActionPlan.extra_columns`) so writing the
    plan back loses nothing. Derived columns (``rag``, ``latest_note``) and
    the Summary sheet are ignored: RAG is recomputed from the data.

    Args:
        path: The tracker file.

    Returns:
        The plan.

    A ``.csv`` file is read as UTF-8 (a byte-order mark is allowed); when
    its bytes are not valid UTF-8 it is read as Windows-1252, the encoding
    older Excel for Windows uses for "CSV" (so curly quotes and ``£`` survive).
    Formula cells in a workbook are read as the value the spreadsheet last
    saved for them; a formula with no saved value is reported as a problem.

    Raises:
        PlanFileError: The file has bad rows or cells, or cannot be read at
            all (missing, a folder, damaged, not a workbook, not text); the
            message names the file and what is accepted.
        InvalidInputError: The suffix is not ``.xlsx`` or ``.csv``.
    """
    file = pathlib.Path(path)
    suffix = _suffix(file)
    if not file.exists():
        raise PlanFileError.unreadable(file, "does not exist")
    if file.is_dir():
        raise PlanFileError.unreadable(file, "is a folder, not a file")
    if suffix == ".csv":
        return read_csv(file)
    return read_xlsx(file)


def write_plan(
    plan: ActionPlan,
    path: str | os.PathLike[str],
    *,
    as_of: dt.date | None = None,
    due_soon_working_days: int = DEFAULT_DUE_SOON_WORKING_DAYS,
    region: str = DEFAULT_REGION,
) -> None:
    """Write *plan* as a tracker; the format comes from the suffix.

    ``.xlsx`` gives a workbook with a Summary sheet, the Actions table (real
    date cells, a frozen header, drop-down lists, RAG colours) and one sheet
    per list (progress log, milestones, KPI actuals) and for the plan's
    sections, settings and deadlines. ``.csv`` gives one file: ``#key,value``
    lines for the plan, then the Actions table with lists as JSON cells.
    No text cell can run as a formula: text starting with ``=``, ``+``,
    ``-``, ``@``, tab or carriage return is written as text (an apostrophe
    prefix in CSV; a text cell with Excel's quote prefix in xlsx), and
    `read_plan` gives back exactly the original text.

    Args:
        plan: The plan.
        path: Where to write; an existing file is replaced atomically
            (written whole to a temporary file in the same folder, then
            renamed), so a failed write leaves it unchanged.
        as_of: The date the derived ``rag`` column and the summary describe;
            by default the plan's latest recorded update
            (`ActionPlan.latest_date`), never the clock.
        due_soon_working_days: The amber window for the ``rag`` column.
        region: Bank-holiday region for working days.

    Raises:
        InvalidInputError: The suffix is not ``.xlsx`` or ``.csv``.
    """
    file = pathlib.Path(path)
    suffix = _suffix(file)
    if suffix == ".csv":
        write_csv(
            plan,
            file,
            as_of=as_of,
            due_soon_working_days=due_soon_working_days,
            region=region,
        )
        return
    write_xlsx(
        plan,
        file,
        as_of=as_of,
        due_soon_working_days=due_soon_working_days,
        region=region,
    )


def _suffix(path: pathlib.Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in _SUFFIXES:
        msg = (
            f"tracker file {path.name!r} has suffix {path.suffix!r}; "
            f"expected one of {', '.join(_SUFFIXES)}"
        )
        raise InvalidInputError(msg)
    return suffix
