"""The action-plan model: plans, sections, actions, milestones, KPIs and RAG.

Every value here is an immutable attrs class. RAG ratings are never stored:
they are derived from an action's status and dates on an explicit ``as_of``
date (see `Action.assess`), so the same tracker gives the same colours on the
same day wherever it is opened. A manual override is the one exception, and it
always carries a reason, who made it and when.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Final, cast

import attrs
from dateutil.relativedelta import relativedelta

from ..calendars import DEFAULT_REGION, calendar_for
from ..dates import as_date, as_int, check_day, check_optional_day, to_day
from ..errors import InvalidInputError, InvalidTypeError
from ._enums import AreaKind, FrozenMap, Partner, PlanKind, Rag, Status
from ._result import ExceptionItem, PlanStatus, Review

__all__ = [
    "DEFAULT_DUE_SOON_WORKING_DAYS",
    "Action",
    "ActionPlan",
    "Kpi",
    "Measurement",
    "Milestone",
    "PlanDeadline",
    "ProgressUpdate",
    "RagAssessment",
    "RagOverride",
    "Section",
    "plan_status",
    "rag_history",
    "review_schedule",
]

#: Working days before the due date in which an action that is not on track
#: turns amber (see `Action.assess`).
DEFAULT_DUE_SOON_WORKING_DAYS: Final = 10


def _not_blank(
    _instance: object, attribute: attrs.Attribute[str], value: object
) -> None:
    if not isinstance(value, str):
        msg = f"{attribute.name} must be text, got {value!r} ({type(value).__name__})"
        raise InvalidTypeError(msg)
    if not value.strip():
        msg = f"{attribute.name} must not be blank, got {value!r}"
        raise InvalidInputError(msg)


def _finite(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, float):
        msg = (
            f"{type(instance).__name__}.{attribute.name} must be a number, "
            f"got {value!r} ({type(value).__name__})"
        )
        raise InvalidTypeError(msg)
    if not math.isfinite(value):
        msg = f"{attribute.name} must be a finite number, got {value!r}"
        raise InvalidInputError(msg)


def _to_float(value: object) -> float | None:
    # Numbers become floats; anything else (text, bool) is refused by `_finite`.
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return cast("float | None", value)


def _to_value(value: object) -> float:
    return cast("float", _to_float(value))


@attrs.frozen(kw_only=True)
class Milestone:
    """A dated checkpoint on the way to an action's outcome.

    Attributes:
        due: When the milestone should be reached.
        description: What should be true by then.
        achieved: When it was reached; ``None`` while it has not been.
    """

    due: dt.date = attrs.field(converter=to_day, validator=check_day)
    description: str = ""
    achieved: dt.date | None = attrs.field(
        default=None, converter=to_day, validator=check_optional_day
    )


@attrs.frozen(kw_only=True)
class Measurement:
    """One actual value of a KPI.

    Attributes:
        on: The date the value describes (the period end, not the day it was
            typed in).
        value: The value, in the KPI's unit.
    """

    on: dt.date = attrs.field(converter=to_day, validator=check_day)
    value: float = attrs.field(converter=_to_value, validator=_finite)


def _to_measurements(values: Iterable[Measurement]) -> tuple[Measurement, ...]:
    return tuple(sorted(values, key=lambda m: m.on))


@attrs.frozen(kw_only=True)
class Kpi:
    """A key performance indicator an action is measured by.

    Attributes:
        id: A short id for the KPI series, such as ``"KPI-20WK"``.
        description: What is measured, such as "% new EHC plans within 20 weeks".
        unit: The unit of the values, such as ``"%"``; free text.
        baseline: The starting value; ``None`` when not yet known.
        baseline_on: The date the baseline describes.
        target: The value the plan aims for.
        target_on: When the target should be met.
        actuals: Measured values, kept in date order.
    """

    id: str = attrs.field(validator=_not_blank)
    description: str = ""
    unit: str = ""
    baseline: float | None = attrs.field(
        default=None, converter=_to_float, validator=_finite
    )
    baseline_on: dt.date | None = attrs.field(
        default=None, converter=to_day, validator=check_optional_day
    )
    target: float | None = attrs.field(
        default=None, converter=_to_float, validator=_finite
    )
    target_on: dt.date | None = attrs.field(
        default=None, converter=to_day, validator=check_optional_day
    )
    actuals: tuple[Measurement, ...] = attrs.field(
        default=(), converter=_to_measurements
    )

    def latest(self) -> Measurement | None:
        """Return the most recent actual value, or ``None`` if there is none."""
        return self.actuals[-1] if self.actuals else None


@attrs.frozen(kw_only=True)
class ProgressUpdate:
    """One dated entry in an action's append-only progress log.

    Attributes:
        on: The date of the update.
        note: What happened; free text (no personal details).
        status: The status reported with the update, if one was.
        by: Who reported it (a role, not a person's name).
    """

    on: dt.date = attrs.field(converter=to_day, validator=check_day)
    note: str = ""
    status: Status | None = None
    by: str = ""


@attrs.frozen(kw_only=True)
class RagOverride:
    """A manual RAG rating that replaces the derived one, with its reason.

    Attributes:
        rag: The rating to show.
        reason: Why the derived rating was overridden; must not be blank.
        by: Who overrode it (a role).
        on: When it was overridden.
    """

    rag: Rag
    reason: str = attrs.field(validator=_not_blank)
    by: str = ""
    on: dt.date | None = attrs.field(
        default=None, converter=to_day, validator=check_optional_day
    )


@attrs.frozen(kw_only=True)
class RagAssessment:
    """An action's RAG rating on one day, and why.

    Attributes:
        rag: The rating to show (the override's, when there is one).
        derived: The rating the rules give, ignoring any override.
        reason: Which rule decided ``derived``, in words.
        overridden: Whether a manual override replaced the derived rating.
    """

    rag: Rag
    derived: Rag
    reason: str
    overridden: bool


def _to_tuple_milestones(values: Iterable[Milestone]) -> tuple[Milestone, ...]:
    return tuple(values)


def _to_tuple_updates(values: Iterable[ProgressUpdate]) -> tuple[ProgressUpdate, ...]:
    return tuple(values)


def _in_date_order(
    instance: Action,
    _attribute: attrs.Attribute[tuple[ProgressUpdate, ...]],
    value: tuple[ProgressUpdate, ...],
) -> None:
    for earlier, later in itertools.pairwise(value):
        if later.on < earlier.on:
            msg = (
                f"progress updates for action {instance.id!r} must be in date order: "
                f"{later.on.isoformat()} comes after {earlier.on.isoformat()}"
            )
            raise InvalidInputError(msg)


def _to_extra(values: Mapping[str, str]) -> Mapping[str, str]:
    # A blank value and a missing one are the same cell in a tracker.
    return FrozenMap({k: v for k, v in values.items() if v != ""})


def _start_before_due(
    instance: Action, _attribute: attrs.Attribute[dt.date | None], value: dt.date | None
) -> None:
    if value is not None and instance.start is not None and value < instance.start:
        msg = (
            f"action {instance.id!r}: due date {value.isoformat()} is before its "
            f"start date {instance.start.isoformat()}"
        )
        raise InvalidInputError(msg)


@attrs.frozen(kw_only=True)
class Action:
    """One action in an improvement plan.

    The progress log is append-only: `with_update` returns a new action with
    one more entry. The RAG rating is derived by `assess`, never stored.

    Attributes:
        id: The action's id, such as ``"PA1.2"``; unique within a plan.
        description: What will be done.
        owner: The role responsible, such as "Head of SEND" (not a name).
        lead_partner: The partner that leads the action.
        start: When work should start; ``None`` if not set.
        due: When the action should be complete; ``None`` if not set.
        status: The latest reported status.
        success_measure: How the partnership will know it worked.
        milestones: Dated checkpoints, in the order given.
        kpi: The KPI the action is measured by, if any.
        evidence: Links or notes on the evidence of impact.
        updates: The progress log, oldest first.
        override: A manual RAG rating with its reason, if any.
        last_updated: When the row was last reviewed, if recorded apart from
            the progress log.
        next_review: When the action is next due for review.
        board: Where progress is reported, such as "SEND Improvement Board".
        co_produced: Whether parents, carers or young people helped shape it.
        extra: Columns from a tracker that sendkit does not know, kept so
            that writing the plan back loses nothing.
    """

    id: str = attrs.field(validator=_not_blank)
    description: str = ""
    owner: str = ""
    lead_partner: Partner | None = None
    start: dt.date | None = attrs.field(
        default=None, converter=to_day, validator=check_optional_day
    )
    due: dt.date | None = attrs.field(
        default=None,
        converter=to_day,
        validator=[check_optional_day, _start_before_due],
    )
    status: Status = Status.NOT_STARTED
    success_measure: str = ""
    milestones: tuple[Milestone, ...] = attrs.field(
        default=(), converter=_to_tuple_milestones
    )
    kpi: Kpi | None = None
    evidence: str = ""
    updates: tuple[ProgressUpdate, ...] = attrs.field(
        default=(), converter=_to_tuple_updates, validator=_in_date_order
    )
    override: RagOverride | None = None
    last_updated: dt.date | None = attrs.field(
        default=None, converter=to_day, validator=check_optional_day
    )
    next_review: dt.date | None = attrs.field(
        default=None, converter=to_day, validator=check_optional_day
    )
    board: str = ""
    co_produced: bool = False
    extra: Mapping[str, str] = attrs.field(factory=dict, converter=_to_extra)

    def with_update(self, update: ProgressUpdate) -> Action:
        """Return a copy with *update* appended (and its status, if it has one).

        Raises:
            InvalidInputError: *update* is dated before the latest entry.
        """
        status = update.status if update.status is not None else self.status
        return attrs.evolve(self, updates=(*self.updates, update), status=status)

    def latest_update(self, on: dt.date | None = None) -> ProgressUpdate | None:
        """Return the most recent progress update, or ``None``.

        Args:
            on: Only updates dated on or before this day count; ``None``
                means every update.
        """
        if on is not None:
            on = as_date(on, "on")
        for update in reversed(self.updates):
            if on is None or update.on <= on:
                return update
        return None

    def last_touched(self, on: dt.date | None = None) -> dt.date | None:
        """Return the later of `last_updated` and the latest progress update.

        Args:
            on: Only dates on or before this day count; ``None`` means all.
        """
        if on is not None:
            on = as_date(on, "on")
        latest = self.latest_update(on)
        dates = [
            d
            for d in (self.last_updated, latest.on if latest else None)
            if d is not None and (on is None or d <= on)
        ]
        return max(dates) if dates else None

    def status_on(self, day: dt.date) -> Status:
        """Return the action's status on *day*, replaying the progress log.

        Before the first update that reports a status, the action was not
        started. Between reported statuses, it has the status of the latest
        update on or before *day*. From the last update that reports a
        status onwards, it has the current `status` (the tracker's status
        column is the latest word, even when it was changed without a log
        entry). With no reported status in the log at all, the current
        `status` holds on every day.

        Examples:
            >>> import datetime as dt
            >>> action = Action(id="A", status=Status.COMPLETE, updates=[
            ...     ProgressUpdate(on=dt.date(2023, 6, 1), status=Status.ON_TRACK),
            ...     ProgressUpdate(on=dt.date(2023, 9, 20), status=Status.COMPLETE)])
            >>> [action.status_on(dt.date(2023, m, 10)).value for m in (5, 9, 10)]
            ['not-started', 'on-track', 'complete']
        """
        day = as_date(day, "day")
        reported = [(u.on, u.status) for u in self.updates if u.status is not None]
        if not reported or day >= reported[-1][0]:
            return self.status
        found = Status.NOT_STARTED
        for on, status in reported:
            if on > day:
                break
            found = status
        return found

    def override_on(self, day: dt.date) -> RagOverride | None:
        """Return the manual override in force on *day*, if any.

        An override counts from its own date `RagOverride.on`; one with no
        date counts on every day.
        """
        day = as_date(day, "day")
        override = self.override
        if override is None or (override.on is not None and override.on > day):
            return None
        return override

    def assess(
        self,
        as_of: dt.date,
        *,
        due_soon_working_days: int = DEFAULT_DUE_SOON_WORKING_DAYS,
        region: str = DEFAULT_REGION,
        closures: Iterable[dt.date] = (),
        status: Status | None = None,
    ) -> RagAssessment:
        """Derive the action's RAG rating on *as_of*.

        The rules, first match wins (documented in "Tracking an improvement
        plan"):

        1. status complete or closed-evidenced: ``complete`` (blue);
        2. due date before *as_of*: ``red`` (overdue);
        3. not started and start date before *as_of*: ``red``;
        4. off track: ``amber``;
        5. not started or at risk, and due within *due_soon_working_days*
           working days of *as_of* (due on or before
           ``WORKDAY(as_of, due_soon_working_days)``): ``amber``;
        6. otherwise ``green``.

        The status is the one the action had on *as_of* (`status_on`). A
        manual `override` in force on *as_of* (`override_on`) then replaces
        the rating; the derived one is kept in the result.

        Args:
            as_of: The day to rate the action on (never the clock).
            due_soon_working_days: The amber window, in working days.
            region: Bank-holiday region for the working days.
            closures: Local closure days to skip as well.
            status: Rate with this status; by default the status the
                progress log shows on *as_of* (`status_on`).

        Returns:
            The rating and the rule that gave it.

        Raises:
            InvalidTypeError: *as_of* is not a date (a datetime counts as
                its day) or the window is not a whole number.
            InvalidInputError: The window is negative.

        Examples:
            >>> import datetime as dt
            >>> action = Action(id="PA1.1", due=dt.date(2024, 3, 28),
            ...                 status=Status.AT_RISK)
            >>> action.assess(dt.date(2024, 3, 20)).rag
            <Rag.AMBER: 'amber'>
            >>> action.assess(dt.date(2024, 4, 2)).reason
            'overdue: due 2024-03-28, not complete'
        """
        as_of = as_date(as_of, "as_of")
        window = as_int(due_soon_working_days, "due_soon_working_days")
        if window < 0:
            msg = f"due_soon_working_days must be zero or more, got {window!r}"
            raise InvalidInputError(msg)
        soon_until = calendar_for(region, closures).add_working_days(as_of, window)
        return self._assess(as_of, soon_until, status)

    def _assess(
        self, as_of: dt.date, soon_until: dt.date, status: Status | None = None
    ) -> RagAssessment:
        if status is None:
            status = self.status_on(as_of)
        derived, reason = _derive(self, as_of, soon_until, status)
        override = self.override_on(as_of)
        if override is None:
            return RagAssessment(
                rag=derived, derived=derived, reason=reason, overridden=False
            )
        return RagAssessment(
            rag=override.rag,
            derived=derived,
            reason=f"override: {override.reason}",
            overridden=True,
        )


def _derive(
    action: Action, as_of: dt.date, soon_until: dt.date, status: Status
) -> tuple[Rag, str]:
    if status.done:
        return Rag.COMPLETE, f"status {status.value}"
    due = action.due
    if due is not None and due < as_of:
        return Rag.RED, f"overdue: due {due.isoformat()}, not complete"
    start = action.start
    if status is Status.NOT_STARTED and start is not None and start < as_of:
        return Rag.RED, f"not started, start date {start.isoformat()} has passed"
    if status is Status.OFF_TRACK:
        return Rag.AMBER, "status off-track"
    if status is not Status.ON_TRACK and due is not None and due <= soon_until:
        return Rag.AMBER, f"{status.value}, due soon ({due.isoformat()})"
    return Rag.GREEN, "no rule for red or amber applies"


def _to_actions(values: Iterable[Action]) -> tuple[Action, ...]:
    return tuple(values)


@attrs.frozen(kw_only=True)
class Section:
    """A part of a plan answering one area from the inspection report.

    Attributes:
        id: A short id, such as ``"PA1"`` or ``"AFI2"``; unique within a plan.
        title: The area as the report words it (verbatim where possible).
        kind: Whether it is an area for priority action, an area for
            improvement, a significant weakness or a local priority.
        actions: The actions under this area, in plan order.
    """

    id: str = attrs.field(validator=_not_blank)
    title: str = ""
    kind: AreaKind = AreaKind.PRIORITY_ACTION
    actions: tuple[Action, ...] = attrs.field(default=(), converter=_to_actions)


@attrs.frozen(kw_only=True)
class PlanDeadline:
    """One of the plan's own deadlines, such as submitting it to Ofsted.

    Attributes:
        name: What is due: ``"submission"``, ``"publication"`` or another word.
        due: The date.
        rule: The rule-catalogue code it came from, such as
            ``"area-send.pap.submit"``; empty when entered by hand.
        confirmed: Whether a primary source confirms the time limit.
        source: The citation for the time limit.
    """

    name: str = attrs.field(validator=_not_blank)
    due: dt.date = attrs.field(converter=to_day, validator=check_day)
    rule: str = ""
    confirmed: bool = False
    source: str = ""


def _to_deadlines(values: Iterable[PlanDeadline]) -> tuple[PlanDeadline, ...]:
    return tuple(values)


def _to_sections(values: Iterable[Section]) -> tuple[Section, ...]:
    return tuple(values)


def _to_names(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def _to_dates(values: Iterable[dt.date]) -> tuple[dt.date, ...]:
    if isinstance(values, str | dt.date):
        msg = f"board_dates must be a list of dates, got {values!r}"
        raise InvalidTypeError(msg)
    return tuple(sorted({as_date(day, "board_dates") for day in values}))


def _unique_ids(
    _instance: ActionPlan,
    _attribute: attrs.Attribute[tuple[Section, ...]],
    value: tuple[Section, ...],
) -> None:
    seen: set[str] = set()
    for section in value:
        if section.id in seen:
            msg = f"section id {section.id!r} is used twice"
            raise InvalidInputError(msg)
        seen.add(section.id)
    seen = set()
    for section in value:
        for action in section.actions:
            if action.id in seen:
                msg = f"action id {action.id!r} is used twice"
                raise InvalidInputError(msg)
            seen.add(action.id)


#: The longest review cycle accepted, in months (five years: an inspection
#: cycle; a longer gap is a typing slip, not a plan).
MAX_REVIEW_MONTHS: Final = 60


def _review_months(
    _instance: object, attribute: attrs.Attribute[int], value: object
) -> None:
    number = as_int(value, attribute.name)
    if not 1 <= number <= MAX_REVIEW_MONTHS:
        msg = (
            f"{attribute.name} must be a whole number of months from 1 to "
            f"{MAX_REVIEW_MONTHS}, got {value!r}"
        )
        raise InvalidInputError(msg)


@attrs.frozen(kw_only=True)
class ActionPlan:
    """An improvement plan: its kind, partnership, deadlines and sections.

    Attributes:
        kind: Priority action plan, written statement of action, accelerated
            progress plan or strategic plan.
        partnership: The local area partnership, such as "Nottinghamshire".
        title: The plan's local title, if it has one (Derbyshire's "Priority
            Impact Plan" is a priority action plan).
        inspection: A short reference to the inspection the plan answers,
            such as "Area SEND inspection, report received 2023-05-16".
        report_received: When the final inspection report was received; the
            plan's own deadlines count from it.
        deadlines: The plan's own deadlines (submission, publication).
        sections: The plan's sections, each with its actions.
        review_from: The start of the review cycle (defaults to
            *report_received* when reporting).
        review_every_months: The months between reviews when no board dates
            are given (six by default: Derbyshire's "six-monthly" progress checks, 2024).
        board_dates: Dates of the board meetings that review the plan; when
            given they are the review schedule.
        extra: Plan-level settings from a tracker that sendkit does not know.
        extra_columns: Headers of tracker columns that sendkit does not know,
            in file order, so that writing keeps them (even when blank).
    """

    kind: PlanKind = PlanKind.PRIORITY_ACTION_PLAN
    partnership: str = ""
    title: str = ""
    inspection: str = ""
    report_received: dt.date | None = attrs.field(
        default=None, converter=to_day, validator=check_optional_day
    )
    deadlines: tuple[PlanDeadline, ...] = attrs.field(
        default=(), converter=_to_deadlines
    )
    sections: tuple[Section, ...] = attrs.field(
        default=(), converter=_to_sections, validator=_unique_ids
    )
    review_from: dt.date | None = attrs.field(
        default=None, converter=to_day, validator=check_optional_day
    )
    review_every_months: int = attrs.field(default=6, validator=_review_months)
    board_dates: tuple[dt.date, ...] = attrs.field(default=(), converter=_to_dates)
    extra: Mapping[str, str] = attrs.field(factory=dict, converter=_to_extra)
    extra_columns: tuple[str, ...] = attrs.field(default=(), converter=_to_names)

    @property
    def actions(self) -> tuple[Action, ...]:
        """Every action in plan order, section by section."""
        return tuple(a for section in self.sections for a in section.actions)

    def action(self, action_id: str) -> Action:
        """Return the action with id *action_id*.

        Raises:
            InvalidInputError: No action has that id.
        """
        for action in self.actions:
            if action.id == action_id:
                return action
        msg = f"no action with id {action_id!r} in this plan"
        raise InvalidInputError(msg)

    def section_of(self, action_id: str) -> Section:
        """Return the section holding the action *action_id*.

        Raises:
            InvalidInputError: No action has that id.
        """
        for section in self.sections:
            if any(a.id == action_id for a in section.actions):
                return section
        msg = f"no action with id {action_id!r} in this plan"
        raise InvalidInputError(msg)

    def replace_action(self, action: Action) -> ActionPlan:
        """Return a copy with the action of the same id replaced by *action*."""
        section = self.section_of(action.id)
        actions = tuple(action if a.id == action.id else a for a in section.actions)
        new_section = attrs.evolve(section, actions=actions)
        return attrs.evolve(
            self,
            sections=tuple(
                new_section if s.id == section.id else s for s in self.sections
            ),
        )

    def latest_date(self) -> dt.date | None:
        """Return the latest date the plan records an update on, if any.

        Used as the "as at" date of a written workbook when none is given.
        """
        dates = [d for a in self.actions if (d := a.last_touched()) is not None]
        return max(dates) if dates else self.report_received

    def status(
        self,
        as_of: dt.date,
        *,
        due_soon_working_days: int = DEFAULT_DUE_SOON_WORKING_DAYS,
        stale_after_weeks: int = 6,
        region: str = DEFAULT_REGION,
        closures: Iterable[dt.date] = (),
    ) -> PlanStatus:
        """Report progress on *as_of*: see `sendkit.plans.plan_status`."""
        return plan_status(
            self,
            as_of,
            due_soon_working_days=due_soon_working_days,
            stale_after_weeks=stale_after_weeks,
            region=region,
            closures=closures,
        )


# -- progress reporting: RAG counts, overdue and stale actions, exceptions, reviews
# (here, beside the model, so that ActionPlan.status needs no import back)

#: How many cycle reviews past the report date are listed, at most.
_MAX_CYCLES = 240


def plan_status(
    plan: ActionPlan,
    as_of: dt.date,
    *,
    due_soon_working_days: int = DEFAULT_DUE_SOON_WORKING_DAYS,
    stale_after_weeks: int = 6,
    region: str = DEFAULT_REGION,
    closures: Iterable[dt.date] = (),
) -> PlanStatus:
    """Report a plan's progress on *as_of*.

    Everything describes the plan as it stood on *as_of*: each action has
    the status its progress log shows on that day (`Action.status_on`), an
    override counts only from its own date (`Action.override_on`), and
    updates dated after *as_of* are not seen. So the counts always equal
    the RAG-over-time chart's (`rag_history`) for the same day.

    Every action is rated by `Action.assess` with the same settings.
    Overdue means due before *as_of* and not complete (an action due on
    *as_of* is not yet overdue). Due soon means not complete and due from
    *as_of* up to ``WORKDAY(as_of, due_soon_working_days)``, both included.
    Stale means not complete and with no update (progress log entry or
    ``last_updated``) in the *stale_after_weeks* weeks up to *as_of*.

    Args:
        plan: The plan.
        as_of: The report date (never the clock).
        due_soon_working_days: The window for "due soon" and for amber.
        stale_after_weeks: Weeks without an update before an action is stale.
        region: Bank-holiday region for working days.
        closures: Local closure days to skip as well.

    Returns:
        The progress report; `PlanStatus.to_dict` gives JSON.

    Raises:
        InvalidTypeError: *as_of* is not a date or a window is not an int.
        InvalidInputError: A window is negative.

    Examples:
        >>> import datetime as dt
        >>> from sendkit.plans import Action, ActionPlan, Section, Status
        >>> plan = ActionPlan(partnership="Example", sections=[Section(
        ...     id="PA1", title="Timeliness of EHC plans", actions=[
        ...         Action(id="PA1.1", due=dt.date(2024, 1, 31)),
        ...         Action(id="PA1.2", due=dt.date(2024, 6, 28),
        ...                status=Status.ON_TRACK)])])
        >>> report = plan.status(dt.date(2024, 2, 5))
        >>> report.to_dict()["counts"]
        {'red': 1, 'amber': 0, 'green': 1, 'complete': 0}
        >>> report.overdue
        ('PA1.1',)
    """
    as_of = as_date(as_of, "as_of")
    window = _non_negative(due_soon_working_days, "due_soon_working_days")
    weeks = _non_negative(stale_after_weeks, "stale_after_weeks")
    calendar = calendar_for(region, closures)
    soon_until = calendar.add_working_days(as_of, window)
    stale_before = as_of - dt.timedelta(weeks=weeks)

    counts = dict.fromkeys(Rag, 0)
    ratings: dict[str, RagAssessment] = {}
    overdue: list[str] = []
    due_soon: list[str] = []
    stale: list[str] = []
    overridden: list[str] = []
    exceptions: list[ExceptionItem] = []
    for section in plan.sections:
        for action in section.actions:
            rating = action._assess(as_of, soon_until)  # noqa: SLF001 - same package
            ratings[action.id] = rating
            counts[rating.rag] += 1
            if rating.overridden:
                overridden.append(action.id)
            done = rating.derived is Rag.COMPLETE
            due = action.due
            late = not done and due is not None and due < as_of
            if late:
                overdue.append(action.id)
            elif not done and due is not None and due <= soon_until:
                due_soon.append(action.id)
            touched = action.last_touched(as_of)
            if not done and (touched is None or touched < stale_before):
                stale.append(action.id)
            if rating.rag is Rag.RED:
                latest = action.latest_update(as_of)
                exceptions.append(
                    ExceptionItem(
                        action_id=action.id,
                        section_id=section.id,
                        description=action.description,
                        owner=action.owner,
                        lead_partner=action.lead_partner,
                        due=due,
                        days_late=(as_of - due).days if late and due else 0,
                        working_days_late=(
                            calendar.count_working_days(
                                due + dt.timedelta(days=1), as_of
                            )
                            if late and due
                            else 0
                        ),
                        reason=rating.reason,
                        latest_note=latest.note if latest else "",
                        latest_note_on=latest.on if latest else None,
                    )
                )
    reviews = review_schedule(plan, as_of)
    upcoming = [review.on for review in reviews if review.on >= as_of]
    return PlanStatus(
        as_of=as_of,
        due_soon_working_days=window,
        stale_after_weeks=weeks,
        region=calendar.region,
        counts=counts,
        ratings=ratings,
        overdue=tuple(overdue),
        due_soon=tuple(due_soon),
        stale=tuple(stale),
        overridden=tuple(overridden),
        exceptions=tuple(exceptions),
        reviews=reviews,
        next_review=upcoming[0] if upcoming else None,
    )


def review_schedule(plan: ActionPlan, as_of: dt.date) -> tuple[Review, ...]:
    """Return the plan's reviews up to *as_of* and the next one after it.

    With ``plan.board_dates`` the schedule is exactly those dates (all of
    them, past and future). Otherwise reviews fall every
    ``plan.review_every_months`` months after ``plan.review_from`` (or after
    the date the report was received): the start itself is not a review, the
    first is one cycle later. A day that does not exist in the month (31
    August plus six months) moves back to the month's last day. With no
    start date and no board dates the schedule is empty.

    Examples:
        >>> import datetime as dt
        >>> from sendkit.plans import ActionPlan
        >>> plan = ActionPlan(report_received=dt.date(2023, 5, 16))
        >>> [r.on.isoformat() for r in review_schedule(plan, dt.date(2024, 6, 1))]
        ['2023-11-16', '2024-05-16', '2024-11-16']
    """
    as_of = as_date(as_of, "as_of")
    if plan.board_dates:
        return tuple(Review(on=day, source="board") for day in plan.board_dates)
    start = plan.review_from or plan.report_received
    if start is None:
        return ()
    reviews = []
    for cycle in range(1, _MAX_CYCLES + 1):
        day = start + relativedelta(months=cycle * plan.review_every_months)
        reviews.append(Review(on=day, source="cycle"))
        if day >= as_of:
            break
    return tuple(reviews)


def rag_history(
    plan: ActionPlan,
    days: Sequence[dt.date],
    *,
    due_soon_working_days: int = DEFAULT_DUE_SOON_WORKING_DAYS,
    region: str = DEFAULT_REGION,
    closures: Iterable[dt.date] = (),
) -> tuple[tuple[dt.date, dict[Rag, int]], ...]:
    """Count actions by RAG on each of *days*, replaying the progress log.

    On each day an action has the status its progress log shows on that
    day (`Action.status_on`) and is rated by the usual rules on that day
    (`Action.assess`); an override counts from its own date (from the start
    when it has none). These are exactly the counts `plan_status` gives for
    the same day.

    Returns:
        ``(day, counts)`` pairs in the order of *days*.
    """
    calendar = calendar_for(region, closures)
    window = _non_negative(due_soon_working_days, "due_soon_working_days")
    if isinstance(days, str | dt.date):
        msg = f"days must be a sequence of dates, got {days!r}"
        raise InvalidTypeError(msg)
    history = []
    for given in days:
        day = as_date(given, "days")
        soon_until = calendar.add_working_days(day, window)
        counts = dict.fromkeys(Rag, 0)
        for action in plan.actions:
            counts[action._assess(day, soon_until).rag] += 1  # noqa: SLF001
        history.append((day, counts))
    return tuple(history)


def _non_negative(value: object, name: str) -> int:
    number = as_int(value, name)
    if number < 0:
        msg = f"{name} must be zero or more, got {number!r}"
        raise InvalidInputError(msg)
    return number
