"""What both tracker formats share: the file error, the plan builder, the plan fields.

`sendkit.io._plan_csv` and `sendkit.io._plan_xlsx` build on this module;
`sendkit.io._plans` (`read_plan`, `write_plan`) sits above all three.
"""

from __future__ import annotations

import pathlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import attrs

from ..errors import InvalidInputError, RowError
from ..plans._enums import AreaKind, PlanKind
from ..plans._model import (
    ActionPlan,
    PlanDeadline,
    Section,
)
from ..plans._schema import (
    KNOWN,
    ActionRow,
    Problems,
    cell_bool,
    cell_date,
    cell_text,
    parse_choice,
)

__all__ = [
    "PlanFileError",
    "PlanParts",
    "assemble",
    "plan_field_values",
    "rows_of",
    "unreadable_reason",
]

#: Plan-sheet and CSV ``#`` keys with a meaning of their own.
_RESERVED = frozenset(
    {
        "as_of",
        "board_date",
        "deadline",
        "section",
        "sendkit-plan",
        "kind",
        "partnership",
        "title",
        "inspection",
        "report_received",
        "review_from",
        "review_every_months",
    }
)


class PlanFileError(InvalidInputError):
    """A tracker file had problems, or could not be read at all.

    Attributes:
        problems: One `RowError` per problem, each naming its row and column;
            empty when the file could not be read at all.
    """

    def __init__(
        self,
        source: str,
        problems: Sequence[RowError] = (),
        *,
        reason: str | None = None,
    ) -> None:
        if reason is not None:
            super().__init__(f"{source!r} {reason}; {_ACCEPTED}")
        else:
            lines = "\n".join(f"  {problem}" for problem in problems)
            count = len(problems)
            noun = "problem" if count == 1 else "problems"
            super().__init__(f"{source}: {count} {noun}; nothing was read:\n{lines}")
        self.problems = tuple(problems)

    @classmethod
    def unreadable(cls, path: pathlib.Path, reason: str) -> PlanFileError:
        """Return the one-line error for a file that cannot be read at all.

        Args:
            path: The file.
            reason: What is wrong with it, such as "does not exist".
        """
        return cls(str(path), reason=reason)


#: What `read_plan` accepts, for the end of every "cannot read" message.
_ACCEPTED = (
    "expected a tracker: an .xlsx workbook or a .csv file (UTF-8, UTF-16 with a "
    "byte-order mark, or Windows-1252 "
    "as older Excel saves it) written by sendkit or laid out to its column schema"
)


def unreadable_reason(exc: OSError) -> str:
    """Say in words why the operating system could not read a file."""
    if isinstance(exc, FileNotFoundError):
        return "does not exist"
    if isinstance(exc, IsADirectoryError):
        return "is a folder, not a file"
    if isinstance(exc, PermissionError):
        return "cannot be read (permission denied)"
    return f"cannot be read ({exc.strerror or type(exc).__name__})"


@attrs.define
class PlanParts:
    """What a reader collects before the plan is assembled (mutable builder)."""

    fields: dict[str, object] = attrs.field(factory=dict)
    field_rows: dict[str, int] = attrs.field(factory=dict)
    board_dates: list[tuple[int, object]] = attrs.field(factory=list)
    deadlines: list[tuple[int, Mapping[str, object]]] = attrs.field(factory=list)
    sections: list[tuple[int, Mapping[str, object]]] = attrs.field(factory=list)
    extra: dict[str, str] = attrs.field(factory=dict)
    columns: list[str] = attrs.field(factory=list)
    rows: list[tuple[int, ActionRow]] = attrs.field(factory=list)
    ids: list[tuple[int, str]] = attrs.field(factory=list)


def assemble(  # noqa: C901, PLR0912, PLR0915 - one branch per plan field
    parts: PlanParts, problems: Problems
) -> ActionPlan:
    """Build the plan from what a reader collected; raise if there were problems.

    Args:
        parts: The collected pieces.
        problems: Problems found so far; more may be added here.
    """

    def field(name: str, parse: Callable[[object], Any], default: object = None) -> Any:
        if name not in parts.fields:
            return default
        row = parts.field_rows[name]
        return problems.read(
            parse, parts.fields[name], row=row, column=name, default=default
        )

    def read_kind(value: object) -> PlanKind:
        text = cell_text(value)
        return (
            parse_choice(PlanKind, text)
            if text.strip()
            else PlanKind.PRIORITY_ACTION_PLAN
        )

    def read_months(value: object) -> int:
        text = cell_text(value).strip()
        if not text:
            return 6
        if not text.isdigit() or not 1 <= int(text) <= 60:  # noqa: PLR2004
            msg = f"review_every_months {text!r} is not a whole number from 1 to 60"
            raise InvalidInputError(msg)
        return int(text)

    kind = field("kind", read_kind, PlanKind.PRIORITY_ACTION_PLAN)
    months = field("review_every_months", read_months, 6)
    report_received = field("report_received", cell_date)
    review_from = field("review_from", cell_date)
    board_dates = []
    for row, value in parts.board_dates:
        day = problems.read(cell_date, value, row=row, column="board_date")
        if day is not None:
            board_dates.append(day)
    deadlines = []
    for row, cells in parts.deadlines:
        due = problems.read(cell_date, cells.get("due"), row=row, column="due")
        confirmed = problems.read(
            cell_bool, cells.get("confirmed"), row=row, column="confirmed"
        )
        name = cell_text(cells.get("name"))
        if not name.strip():
            problems.add("a deadline needs a name", row=row, column="name")
        elif due is None:
            problems.add("a deadline needs a due date", row=row, column="due")
        elif confirmed is not None:
            deadlines.append(
                PlanDeadline(
                    name=name,
                    due=due,
                    rule=cell_text(cells.get("rule")),
                    confirmed=confirmed,
                    source=cell_text(cells.get("source")),
                )
            )

    order: list[str] = []
    titles: dict[str, str] = {}
    kinds: dict[str, AreaKind] = {}
    for row, cells in parts.sections:
        section_id = cell_text(cells.get("section_id"))
        if not section_id.strip():
            problems.add("section_id is blank", row=row, column="section_id")
            continue
        if section_id in titles:
            problems.add(
                f"section id {section_id!r} is used twice", row=row, column="section_id"
            )
            continue
        area = cell_text(cells.get("area_type"))
        area_kind = problems.read(
            lambda v: (
                parse_choice(AreaKind, str(v))
                if str(v).strip()
                else AreaKind.PRIORITY_ACTION
            ),
            area,
            row=row,
            column="area_type",
            default=AreaKind.PRIORITY_ACTION,
        )
        order.append(section_id)
        titles[section_id] = cell_text(cells.get("priority_area"))
        kinds[section_id] = area_kind

    by_section: dict[str, list[object]] = {sid: [] for sid in order}
    seen_ids: dict[str, int] = {}
    by_title = {title: sid for sid, title in titles.items() if title}
    for row, action_id in parts.ids:
        if not action_id.strip():
            continue
        if action_id in seen_ids:
            problems.add(
                f"action id {action_id!r} is used twice (first in row {seen_ids[action_id]})",
                row=row,
                column="action_id",
            )
        else:
            seen_ids[action_id] = row
    for row, item in parts.rows:
        action = item.action
        if seen_ids[action.id] != row:
            continue  # a repeated id, reported above
        section_id = item.section_id
        if not section_id.strip():
            section_id = by_title.get(item.section_title) or f"S{len(order) + 1}"
        if section_id not in by_section:
            order.append(section_id)
            by_section[section_id] = []
            titles[section_id] = item.section_title
            kinds[section_id] = item.area_kind or AreaKind.PRIORITY_ACTION
            if item.section_title:
                by_title.setdefault(item.section_title, section_id)
        by_section[section_id].append(action)

    if problems.items:
        raise PlanFileError(problems.source, problems.items)
    sections = [
        Section(id=sid, title=titles[sid], kind=kinds[sid], actions=by_section[sid])  # type: ignore[arg-type]
        for sid in order
    ]
    return ActionPlan(
        kind=kind,
        partnership=cell_text(parts.fields.get("partnership")),
        title=cell_text(parts.fields.get("title")),
        inspection=cell_text(parts.fields.get("inspection")),
        report_received=report_received,
        deadlines=deadlines,
        sections=sections,
        review_from=review_from,
        review_every_months=months,
        board_dates=board_dates,
        extra=parts.extra,
        extra_columns=[c for c in parts.columns if c not in KNOWN],
    )


def plan_field_values(plan: ActionPlan) -> list[tuple[str, object]]:
    """Return the plan-level fields to write, as ``(name, value)`` pairs."""
    pairs: list[tuple[str, object]] = [
        ("kind", plan.kind.value),
        ("partnership", plan.partnership),
        ("title", plan.title),
        ("inspection", plan.inspection),
        ("report_received", plan.report_received),
        ("review_from", plan.review_from),
        ("review_every_months", plan.review_every_months),
    ]
    pairs.extend(("board_date", day) for day in plan.board_dates)
    reserved = {name for name, _ in pairs} | _RESERVED
    for name in plan.extra:
        if name in reserved or not name.strip():
            msg = f"plan setting {name!r} clashes with a tracker field; rename it"
            raise InvalidInputError(msg)
    pairs.extend(plan.extra.items())
    return pairs


def rows_of(plan: ActionPlan) -> Iterable[tuple[Section, object]]:
    """Yield ``(section, action)`` pairs in plan order."""
    for section in plan.sections:
        for action in section.actions:
            yield section, action
