"""The tracker column schema, shared by the ``.csv`` and ``.xlsx`` formats.

This module is the one place that knows column names. It turns a row (a
mapping from column name to cell value) into an `Action` and back, parses the
enumerations leniently (``"On track"``, ``"on_track"`` and ``"on-track"`` are
the same status) (the formula guard and XML escapes live in ``sendkit.io``).
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import math
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Final, TypeVar

import attrs

from ..dates import excel_serial_to_date, parse_date
from ..errors import InvalidInputError, RowError
from ._enums import AreaKind, Partner, PlanKind, Rag, Status
from ._model import (
    Action,
    Kpi,
    Measurement,
    Milestone,
    ProgressUpdate,
    RagAssessment,
    RagOverride,
)

__all__ = ["ACTION_COLUMNS", "Column"]


@attrs.frozen(kw_only=True)
class Column:
    """One column of the tracker's Actions table.

    Attributes:
        name: The header, exactly as written in row 1.
        kind: ``text``, ``date``, ``number``, ``choice``, ``yes/no``,
            ``list`` (JSON in CSV, its own sheet in xlsx) or ``derived``
            (written for people to read, ignored when reading).
        meaning: What the column holds.
        required: Whether a row must have a value.
        csv_only: Whether the column appears only in CSV (lists have their
            own sheets in a workbook).
    """

    name: str
    kind: str
    meaning: str
    required: bool = False
    csv_only: bool = False


_C = Column

#: The Actions table, in the order written (docs/action-plans.md, "The column schema").
ACTION_COLUMNS: Final = (
    _C(
        name="action_id",
        kind="text",
        meaning="Unique id, such as PA1.2.",
        required=True,
    ),
    _C(
        name="section_id",
        kind="text",
        meaning="Id of the plan section (PA1, AFI2, ...).",
    ),
    _C(
        name="priority_area",
        kind="text",
        meaning="The area the section answers, verbatim.",
    ),
    _C(
        name="area_type",
        kind="choice",
        meaning="priority-action, improvement, significant-weakness or local.",
    ),
    _C(name="action", kind="text", meaning="What will be done."),
    _C(
        name="owner", kind="text", meaning="The role responsible (not a person's name)."
    ),
    _C(
        name="lead_partner",
        kind="choice",
        meaning="local-authority, icb, provider-trust, parent-carer-forum, school-or-setting or other.",
    ),
    _C(name="start_date", kind="date", meaning="When work should start."),
    _C(name="due_date", kind="date", meaning="When the action should be complete."),
    _C(
        name="status",
        kind="choice",
        meaning="not-started, on-track, at-risk, off-track, complete or closed-evidenced (blank: not-started).",
    ),
    _C(
        name="rag",
        kind="derived",
        meaning="The RAG rating on the workbook's as-at date (override shown as 'red (override)').",
    ),
    _C(
        name="rag_override",
        kind="choice",
        meaning="A manual rating: red, amber, green or complete; blank for none.",
    ),
    _C(
        name="rag_override_reason",
        kind="text",
        meaning="Why the rating was overridden; required with an override.",
    ),
    _C(name="rag_override_by", kind="text", meaning="Who overrode it (a role)."),
    _C(name="rag_override_on", kind="date", meaning="When it was overridden."),
    _C(
        name="success_measure",
        kind="text",
        meaning="How the partnership will know it worked.",
    ),
    _C(
        name="kpi_id",
        kind="text",
        meaning="Id of the KPI series the action is measured by.",
    ),
    _C(name="kpi", kind="text", meaning="What the KPI measures."),
    _C(name="kpi_unit", kind="text", meaning="The KPI's unit, such as %."),
    _C(name="baseline", kind="number", meaning="The KPI's starting value."),
    _C(name="baseline_date", kind="date", meaning="The date the baseline describes."),
    _C(name="target", kind="number", meaning="The KPI value aimed for."),
    _C(name="target_date", kind="date", meaning="When the target should be met."),
    _C(name="evidence", kind="text", meaning="Links or notes on evidence of impact."),
    _C(
        name="last_updated",
        kind="date",
        meaning="When the row was last reviewed (besides the progress log).",
    ),
    _C(
        name="next_review_date",
        kind="date",
        meaning="When the action is next reviewed.",
    ),
    _C(name="board", kind="text", meaning="Where progress is reported."),
    _C(
        name="co_production",
        kind="yes/no",
        meaning="Whether parents, carers or young people helped shape it.",
    ),
    _C(
        name="latest_note",
        kind="derived",
        meaning="The latest progress note, with its date.",
    ),
    _C(
        name="milestones",
        kind="list",
        meaning="JSON list of {due, description, achieved}.",
        csv_only=True,
    ),
    _C(
        name="actuals",
        kind="list",
        meaning="JSON list of KPI actuals {on, value}.",
        csv_only=True,
    ),
    _C(
        name="progress_log",
        kind="list",
        meaning="JSON list of {on, status, note, by}, oldest first.",
        csv_only=True,
    ),
)

KNOWN: Final = frozenset(c.name for c in ACTION_COLUMNS)
DERIVED: Final = frozenset(c.name for c in ACTION_COLUMNS if c.kind == "derived")
XLSX_COLUMNS: Final = tuple(c.name for c in ACTION_COLUMNS if not c.csv_only)
CSV_COLUMNS: Final = tuple(c.name for c in ACTION_COLUMNS)

#: Plan-level fields (the "Plan" sheet, or ``#key,value`` lines in CSV).
PLAN_FIELDS: Final = (
    "kind",
    "partnership",
    "title",
    "inspection",
    "report_received",
    "review_from",
    "review_every_months",
)

# -- lenient parsing of choices -------------------------------------------------

E = TypeVar("E", bound=enum.Enum)


def _key(text: str) -> str:
    return re.sub(r"[\s_/]+", "-", text.strip().lower()).strip("-")


def _aliases(kind: type[E], extra: Mapping[str, E]) -> Mapping[str, E]:
    table: dict[str, E] = {_key(member.value): member for member in kind}
    table.update({_key(k): v for k, v in extra.items()})
    return table


_PARTNERS: Final = _aliases(
    Partner,
    {
        "la": Partner.LOCAL_AUTHORITY,
        "council": Partner.LOCAL_AUTHORITY,
        "local authority": Partner.LOCAL_AUTHORITY,
        "integrated care board": Partner.ICB,
        "nhs": Partner.ICB,
        "provider": Partner.PROVIDER_TRUST,
        "trust": Partner.PROVIDER_TRUST,
        "pcf": Partner.PARENT_CARER_FORUM,
        "school": Partner.SCHOOL_OR_SETTING,
        "setting": Partner.SCHOOL_OR_SETTING,
        "school setting": Partner.SCHOOL_OR_SETTING,
    },
)
_STATUSES: Final = _aliases(
    Status,
    {
        "completed": Status.COMPLETE,
        "done": Status.COMPLETE,
        "closed": Status.CLOSED_EVIDENCED,
        "closed - evidenced": Status.CLOSED_EVIDENCED,
        "not yet started": Status.NOT_STARTED,
    },
)
_RAGS: Final = _aliases(
    Rag,
    {
        "r": Rag.RED,
        "a": Rag.AMBER,
        "g": Rag.GREEN,
        "b": Rag.COMPLETE,
        "blue": Rag.COMPLETE,
    },
)
_KINDS: Final = _aliases(
    PlanKind,
    {
        "pap": PlanKind.PRIORITY_ACTION_PLAN,
        "wsoa": PlanKind.WRITTEN_STATEMENT_OF_ACTION,
        "app": PlanKind.ACCELERATED_PROGRESS_PLAN,
        "strategic": PlanKind.STRATEGIC_PLAN,
    },
)
_AREAS: Final = _aliases(
    AreaKind,
    {
        "area for priority action": AreaKind.PRIORITY_ACTION,
        "area for improvement": AreaKind.IMPROVEMENT,
        "afi": AreaKind.IMPROVEMENT,
        "significant weakness": AreaKind.SIGNIFICANT_WEAKNESS,
    },
)
_CHOICES: Final[Mapping[type[enum.Enum], Mapping[str, Any]]] = {
    Partner: _PARTNERS,
    Status: _STATUSES,
    Rag: _RAGS,
    PlanKind: _KINDS,
    AreaKind: _AREAS,
}


def parse_choice(kind: type[E], text: str) -> E:
    """Read a choice leniently: case, spaces, ``_`` and ``/`` do not matter.

    Used for the tracker's status, partner and plan-kind cells, and by the
    Excel add-in for the same columns.

    Examples:
        >>> from sendkit.plans import Status, parse_choice
        >>> parse_choice(Status, "On Track")
        <Status.ON_TRACK: 'on-track'>

    Raises:
        InvalidInputError: *text* is none of the choices.
    """
    found = _CHOICES[kind].get(_key(text))
    if found is None:
        accepted = ", ".join(member.value for member in kind)
        msg = f"{text!r} is not one of: {accepted}"
        raise InvalidInputError(msg)
    result: E = found
    return result


# -- cells ----------------------------------------------------------------------


def cell_text(value: object) -> str:
    """Return a cell's value as text ("" for an empty cell)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, dt.datetime):
        return (
            value.date().isoformat() if value.time() == dt.time() else value.isoformat()
        )
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def cell_date(value: object) -> dt.date | None:
    """Read a date cell: a real date, ISO or DD/MM/YYYY text, or blank.

    A number (only a workbook gives one: a date column Excel reformatted as
    "General" shows serials such as 45646) is read as an Excel 1900-system
    date serial by `sendkit.dates.excel_serial_to_date`; digits in text are
    never read as a serial.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return excel_serial_to_date(value, field="the date serial")
    text = cell_text(value).strip()
    if not text:
        return None
    return parse_date(text, field="value")


def cell_number(value: object) -> float | None:
    """Read a number cell: a number, number text, or blank."""
    if value is None:
        return None
    if isinstance(value, bool):
        msg = f"{value!r} is not a number"
        raise InvalidInputError(msg)
    if isinstance(value, int | float):
        number = float(value)
    else:
        text = cell_text(value).strip()
        if not text:
            return None
        try:
            number = float(text)
        except ValueError:
            msg = f"{text!r} is not a number"
            raise InvalidInputError(msg) from None
    if not math.isfinite(number):
        msg = f"{value!r} is not a finite number"
        raise InvalidInputError(msg)
    return number


_YES: Final = frozenset({"yes", "y", "true", "1"})
_NO: Final = frozenset({"no", "n", "false", "0", ""})


def cell_bool(value: object) -> bool:
    """Read a yes/no cell (blank is no)."""
    if isinstance(value, bool):
        return value
    text = cell_text(value).strip().lower()
    if text in _YES:
        return True
    if text in _NO:
        return False
    msg = f"{cell_text(value)!r} is not yes or no"
    raise InvalidInputError(msg)


def number_text(value: float | None) -> str:
    """Write a number for CSV so that it reads back exactly."""
    if value is None:
        return ""
    return str(int(value)) if value.is_integer() and abs(value) < 2**53 else repr(value)


def date_text(value: dt.date | None) -> str:
    """Write a date for CSV (ISO)."""
    return "" if value is None else value.isoformat()


# -- rows -----------------------------------------------------------------------


class Problems:
    """Collects every problem in a file, so all are reported at once."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.items: list[RowError] = []

    def add(self, reason: str, *, row: int | None, column: str | None) -> None:
        """Record one problem."""
        self.items.append(RowError(reason, row=row, column=column, source=self.source))

    def read(
        self,
        parse: Callable[[object], Any],
        value: object,
        *,
        row: int,
        column: str,
        default: Any = None,
    ) -> Any:
        """Apply *parse* to *value*; on failure record it and return *default*."""
        try:
            return parse(value)
        except (InvalidInputError, ValueError, TypeError) as exc:
            self.add(str(exc), row=row, column=column)
            return default


@attrs.frozen(kw_only=True)
class ActionRow:
    """An action read from one row, with the section it belongs to."""

    action: Action
    section_id: str
    section_title: str
    area_kind: AreaKind | None


def action_from_row(  # noqa: C901, PLR0915 - one branch per column group
    cells: Mapping[str, object],
    *,
    row: int,
    problems: Problems,
    text: Callable[[object], str],
    lists: Mapping[str, Any] | None = None,
) -> ActionRow | None:
    """Build an action from one row; record problems and return ``None`` on error.

    Args:
        cells: Column name to raw cell value.
        row: The row number, for problems.
        problems: Where problems go.
        text: Turns a raw cell into text, undoing the format's escaping.
        lists: Milestones, actuals and updates from separate sheets (xlsx);
            when ``None`` they are read from the JSON list columns (CSV).
    """
    before = len(problems.items)

    def get_text(name: str) -> str:
        return text(cells.get(name))

    def get(parse: Callable[[object], Any], name: str, default: Any = None) -> Any:
        raw = cells.get(name)
        if isinstance(raw, str):
            raw = text(raw)
        return problems.read(parse, raw, row=row, column=name, default=default)

    def choice(kind: type[E], name: str) -> E | None:
        raw = get_text(name)
        if not raw.strip():
            return None
        result: E | None = problems.read(
            lambda v: parse_choice(kind, str(v)), raw, row=row, column=name
        )
        return result

    action_id = get_text("action_id")
    if not action_id.strip():
        problems.add(
            "action_id is blank; every action needs an id", row=row, column="action_id"
        )
    lead_partner = choice(Partner, "lead_partner")
    status = choice(Status, "status") or Status.NOT_STARTED
    start = get(cell_date, "start_date")
    due = get(cell_date, "due_date")
    if start is not None and due is not None and due < start:
        problems.add(
            f"due date {due.isoformat()} is before the start date {start.isoformat()}",
            row=row,
            column="due_date",
        )
    override_rag = choice(Rag, "rag_override")
    reason = get_text("rag_override_reason")
    override_by = get_text("rag_override_by")
    override_on = get(cell_date, "rag_override_on")
    override = None
    if override_rag is not None:
        if not reason.strip():
            problems.add(
                "a RAG override needs a reason in rag_override_reason",
                row=row,
                column="rag_override_reason",
            )
        else:
            override = RagOverride(
                rag=override_rag, reason=reason, by=override_by, on=override_on
            )
    elif reason or override_by or override_on is not None:
        problems.add(
            "override details are given but rag_override is blank",
            row=row,
            column="rag_override",
        )

    if lists is None:
        milestones = get(_json_milestones, "milestones", ())
        actuals = get(_json_actuals, "actuals", ())
        updates = get(_json_updates, "progress_log", ())
    else:
        milestones = lists.get("milestones", ())
        actuals = lists.get("actuals", ())
        updates = lists.get("updates", ())

    kpi_id = get_text("kpi_id")
    kpi_fields = {
        "description": get_text("kpi"),
        "unit": get_text("kpi_unit"),
        "baseline": get(cell_number, "baseline"),
        "baseline_on": get(cell_date, "baseline_date"),
        "target": get(cell_number, "target"),
        "target_on": get(cell_date, "target_date"),
    }
    kpi = None
    if kpi_id.strip():
        kpi = Kpi(id=kpi_id, actuals=actuals, **kpi_fields)
    elif any(v not in (None, "") for v in kpi_fields.values()) or actuals:
        problems.add(
            "KPI details (or actuals) are given but kpi_id is blank",
            row=row,
            column="kpi_id",
        )
    co_produced = get(cell_bool, "co_production", default=False)
    area_kind = choice(AreaKind, "area_type")
    extra = {
        name: text(value)
        for name, value in cells.items()
        if name not in KNOWN and text(value) != ""
    }
    fields = {
        "description": get_text("action"),
        "owner": get_text("owner"),
        "success_measure": get_text("success_measure"),
        "evidence": get_text("evidence"),
        "last_updated": get(cell_date, "last_updated"),
        "next_review": get(cell_date, "next_review_date"),
        "board": get_text("board"),
    }
    if len(problems.items) > before:
        return None
    try:
        action = Action(
            id=action_id,
            lead_partner=lead_partner,
            start=start,
            due=due,
            status=status,
            milestones=milestones,
            kpi=kpi,
            updates=sorted(updates, key=lambda u: u.on),
            override=override,
            co_produced=co_produced,
            extra=extra,
            **fields,
        )
    except (InvalidInputError, ValueError) as exc:  # pragma: no cover - checked above
        problems.add(str(exc), row=row, column=None)
        return None
    return ActionRow(
        action=action,
        section_id=get_text("section_id"),
        section_title=get_text("priority_area"),
        area_kind=area_kind,
    )


def action_to_row(
    action: Action,
    *,
    section_id: str,
    section_title: str,
    area_kind: AreaKind,
    rating: RagAssessment | None,
) -> dict[str, object]:
    """Return the Actions-table cells for *action*, as Python values.

    Dates stay dates and numbers stay numbers; each format writes them its
    own way. List columns hold Python lists of dicts (JSON-ready).
    """
    kpi = action.kpi
    override = action.override
    latest = action.latest_update()
    rag = ""
    if rating is not None:
        rag = (
            f"{rating.rag.value} (override)" if rating.overridden else rating.rag.value
        )
    row: dict[str, object] = {
        "action_id": action.id,
        "section_id": section_id,
        "priority_area": section_title,
        "area_type": area_kind.value,
        "action": action.description,
        "owner": action.owner,
        "lead_partner": action.lead_partner.value if action.lead_partner else "",
        "start_date": action.start,
        "due_date": action.due,
        "status": action.status.value,
        "rag": rag,
        "rag_override": override.rag.value if override else "",
        "rag_override_reason": override.reason if override else "",
        "rag_override_by": override.by if override else "",
        "rag_override_on": override.on if override else None,
        "success_measure": action.success_measure,
        "kpi_id": kpi.id if kpi else "",
        "kpi": kpi.description if kpi else "",
        "kpi_unit": kpi.unit if kpi else "",
        "baseline": kpi.baseline if kpi else None,
        "baseline_date": kpi.baseline_on if kpi else None,
        "target": kpi.target if kpi else None,
        "target_date": kpi.target_on if kpi else None,
        "evidence": action.evidence,
        "last_updated": action.last_updated,
        "next_review_date": action.next_review,
        "board": action.board,
        "co_production": "yes" if action.co_produced else "no",
        "latest_note": f"{latest.on.isoformat()}: {latest.note}" if latest else "",
        "milestones": [
            {
                "due": m.due.isoformat(),
                "description": m.description,
                "achieved": date_text(m.achieved) or None,
            }
            for m in action.milestones
        ],
        "actuals": [
            {"on": m.on.isoformat(), "value": m.value}
            for m in (kpi.actuals if kpi else ())
        ],
        "progress_log": [
            {
                "on": u.on.isoformat(),
                "status": u.status.value if u.status else None,
                "note": u.note,
                "by": u.by,
            }
            for u in action.updates
        ],
    }
    row.update(action.extra)
    return row


# -- list cells (CSV) -----------------------------------------------------------


def _json_list(value: object) -> list[dict[str, Any]]:
    text = cell_text(value).strip()
    if not text:
        return []
    try:
        items = json.loads(text)
    except json.JSONDecodeError as exc:
        msg = f"is not a JSON list ({exc.msg} at character {exc.pos})"
        raise InvalidInputError(msg) from None
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        msg = 'must be a JSON list of objects, such as [{"on": "2024-01-31", ...}]'
        raise InvalidInputError(msg)
    return items


def _field(item: Mapping[str, Any], name: str, parse: Callable[[object], Any]) -> Any:
    try:
        return parse(item.get(name))
    except InvalidInputError as exc:
        msg = f"item field {name!r}: {exc}"
        raise InvalidInputError(msg) from None


def _required_date(value: object) -> dt.date:
    day = cell_date(value)
    if day is None:
        msg = "a date is required"
        raise InvalidInputError(msg)
    return day


def _required_number(value: object) -> float:
    number = cell_number(value)
    if number is None:
        msg = "a number is required"
        raise InvalidInputError(msg)
    return number


def _optional_status(value: object) -> Status | None:
    text = cell_text(value)
    return parse_choice(Status, text) if text.strip() else None


def _json_milestones(value: object) -> tuple[Milestone, ...]:
    return tuple(
        Milestone(
            due=_field(item, "due", _required_date),
            description=_field(item, "description", cell_text),
            achieved=_field(item, "achieved", cell_date),
        )
        for item in _json_list(value)
    )


def _json_actuals(value: object) -> tuple[Measurement, ...]:
    return tuple(
        Measurement(
            on=_field(item, "on", _required_date),
            value=_field(item, "value", _required_number),
        )
        for item in _json_list(value)
    )


def _json_updates(value: object) -> tuple[ProgressUpdate, ...]:
    return tuple(
        ProgressUpdate(
            on=_field(item, "on", _required_date),
            status=_field(item, "status", _optional_status),
            note=_field(item, "note", cell_text),
            by=_field(item, "by", cell_text),
        )
        for item in _json_list(value)
    )


def extra_columns(actions: Iterable[Action], first: Iterable[str]) -> list[str]:
    """Return the unknown columns to write: *first* in order, then any others.

    Raises:
        InvalidInputError: An extra column has the name of a schema column.
    """
    first = list(first)
    for action in actions:
        clash = sorted(KNOWN.intersection(action.extra))
        if clash:
            msg = (
                f"action {action.id!r}: extra column {clash[0]!r} has the name of a "
                "tracker column; rename it"
            )
            raise InvalidInputError(msg)
    names = [n for n in first if n not in KNOWN]
    seen = set(names)
    for action in actions:
        for name in action.extra:
            if name not in seen:
                seen.add(name)
                names.append(name)
    return names
