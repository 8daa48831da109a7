"""The ``.csv`` tracker: ``#key,value`` lines for the plan, then the Actions table.

Layout (one file, UTF-8 with a byte-order mark so Excel reads accents;
reading also accepts UTF-8 without the mark, and Windows-1252)::

    #sendkit-plan,1
    #kind,priority-action-plan
    #partnership,Nottinghamshire
    ...                                  (other plan fields, one per line)
    #board_date,2024-01-10               (one line per board date)
    #deadline,submission,2023-07-05,area-send.pap.submit,no,<source>
    #section,PA1,priority-action,<area text>
    action_id,section_id,priority_area,...   (the header row)
    PA1.1,PA1,...                        (one row per action)

Lists (milestones, KPI actuals, progress log) are JSON in their own column.
Text that could run as a formula is prefixed with an apostrophe, and a text
that starts with an apostrophe gets one more, so reading gives back exactly
what was written.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import pathlib
from collections.abc import Iterator, Mapping

from ..plans._model import ActionPlan
from ..plans._schema import (
    CSV_COLUMNS,
    PLAN_FIELDS,
    Problems,
    action_from_row,
    action_to_row,
    date_text,
    extra_columns,
    number_text,
)
from ._cells import guard_formula, unguard_formula
from ._files import FileError, atomic_write, csv_rows
from ._plan_parts import (
    PlanFileError,
    PlanParts,
    assemble,
    plan_field_values,
)

__all__ = ["read_csv", "write_csv"]

_MAGIC = "#sendkit-plan"
_VERSION = "1"
_DEADLINE_FIELDS = ("name", "due", "rule", "confirmed", "source")
_SECTION_FIELDS = ("section_id", "area_type", "priority_area")


def _cell(value: object) -> str:  # noqa: PLR0911 - one return per cell type
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return date_text(value)
    if isinstance(value, float):
        return number_text(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False) if value else ""
    return guard_formula(str(value))


def write_csv(
    plan: ActionPlan,
    path: pathlib.Path,
    *,
    as_of: dt.date | None,
    due_soon_working_days: int,
    region: str,
) -> None:
    """Write *plan* as a CSV tracker (see the module docstring)."""
    day = as_of or plan.latest_date()
    ratings = (
        plan.status(
            day, due_soon_working_days=due_soon_working_days, region=region
        ).ratings
        if day is not None
        else {}
    )
    extras = extra_columns(plan.actions, plan.extra_columns)
    header = [*CSV_COLUMNS, *extras]
    fields = plan_field_values(plan)  # checked before the file is touched
    with atomic_write(path, encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow([_MAGIC, _VERSION])
        if day is not None:
            writer.writerow(["#as_of", day.isoformat()])
        for name, value in fields:
            writer.writerow([f"#{name}", _cell(value)])
        for deadline in plan.deadlines:
            writer.writerow(
                [
                    "#deadline",
                    _cell(deadline.name),
                    _cell(deadline.due),
                    _cell(deadline.rule),
                    _cell(deadline.confirmed),
                    _cell(deadline.source),
                ]
            )
        for section in plan.sections:
            writer.writerow(
                [
                    "#section",
                    _cell(section.id),
                    section.kind.value,
                    _cell(section.title),
                ]
            )
        writer.writerow([guard_formula(name) for name in header])
        for section in plan.sections:
            for action in section.actions:
                row = action_to_row(
                    action,
                    section_id=section.id,
                    section_title=section.title,
                    area_kind=section.kind,
                    rating=ratings.get(action.id),
                )
                writer.writerow([_cell(row.get(name, "")) for name in header])


def _text(value: object) -> str:
    return "" if value is None else unguard_formula(str(value))


def read_csv(path: pathlib.Path) -> ActionPlan:
    """Read a CSV tracker (see the module docstring)."""
    problems = Problems(path.name)
    parts = PlanParts()
    header: list[str] | None = None
    for number, record in enumerate(_records(path), start=1):
        if not any(cell.strip() for cell in record):
            continue  # a blank line carries nothing
        if header is None and record[0].startswith("#"):
            _read_meta(record, number, parts, problems)
            continue
        if header is None:
            header = [_text(cell) for cell in record]
            _check_header(header, number, problems)
            parts.columns = header
            continue
        cells: Mapping[str, object] = dict(zip(header, record, strict=False))
        if len(record) > len(header):
            problems.add(
                f"has {len(record)} cells but the header has {len(header)}",
                row=number,
                column=None,
            )
            continue
        parts.ids.append((number, _text(cells.get("action_id"))))
        item = action_from_row(cells, row=number, problems=problems, text=_text)
        if item is not None:
            parts.rows.append((number, item))
    if header is None and not parts.fields and not parts.sections:
        reason = "is empty: it has no header row (action_id, ...)"
        raise PlanFileError.unreadable(path, reason)
    if header is None:
        problems.add("no header row (action_id, ...) was found", row=None, column=None)
    return assemble(parts, problems)


def _records(path: pathlib.Path) -> Iterator[list[str]]:
    """Yield the file's records, decoded by `sendkit.io` (UTF-8, UTF-16, cp1252).

    Excel for Windows saves "CSV (Comma delimited)" in the machine's code page,
    cp1252 in the UK, so a curly apostrophe or a pound sign is not UTF-8 there.
    """
    try:
        yield from csv_rows(path)
    except FileError as exc:
        raise PlanFileError.unreadable(path, exc.reason) from None


def _check_header(header: list[str], row: int, problems: Problems) -> None:
    if "action_id" not in header:
        problems.add(
            "the header row has no action_id column",
            row=row,
            column=header[0] if header else None,
        )
    seen: set[str] = set()
    for name in header:
        if name in seen:
            problems.add("column appears twice in the header", row=row, column=name)
        seen.add(name)


def _read_meta(
    record: list[str], row: int, parts: PlanParts, problems: Problems
) -> None:
    key = record[0][1:]
    values = [_text(cell) for cell in record[1:]]
    value = values[0] if values else ""
    if record[0] == _MAGIC:
        if value != _VERSION:
            problems.add(
                f"tracker format version {value!r} is not supported (expected {_VERSION})",
                row=row,
                column=None,
            )
    elif key == "as_of":
        pass  # the date the derived rag column describes; recomputed, not read
    elif key == "board_date":
        parts.board_dates.append((row, value))
    elif key == "deadline":
        parts.deadlines.append((row, dict(zip(_DEADLINE_FIELDS, values, strict=False))))
    elif key == "section":
        parts.sections.append((row, dict(zip(_SECTION_FIELDS, values, strict=False))))
    elif key in PLAN_FIELDS:
        parts.fields[key] = value
        parts.field_rows[key] = row
    else:
        parts.extra[key] = value
