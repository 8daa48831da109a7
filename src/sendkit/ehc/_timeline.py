"""Per-case statutory timelines: each step's due date and status on a given day."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any, Final

import attrs

from ..calendars import DEFAULT_REGION, WorkingCalendar, calendar_for
from ..dates import as_date, as_int
from ..errors import InvalidInputError
from ..rules import Deadline, Rule
from ..rules._engine import deadline_on
from ._catalogue import (
    ADVICE,
    DECISION_NOT_TO_ISSUE,
    DECISION_TO_ASSESS,
    DRAFT_REPRESENTATIONS,
    FINAL_PLAN,
)
from ._model import EXCEPTION_REASON_TEXT, EhcCase, ExceptionReason

__all__ = ["CaseTimeline", "Step", "StepStatus", "case_timeline", "open_steps"]


class StepStatus(enum.Enum):
    """Where a step stands on the day asked about.

    * ``met``: done in time.
    * ``missed``: done, but late (by `Step.days` days).
    * ``overdue``: not done and past its last day (by `Step.days` days).
    * ``due_soon``: not done; due within the horizon (in `Step.days` days).
    * ``not_yet_due``: not done; due later than the horizon.
    * ``waiting``: the step's clock has not started (say, no draft plan yet).
    * ``not_recorded``: later steps are recorded but this step's date is not.
    * ``not_applicable``: the case took another path (say, no assessment).
    """

    MET = "met"
    MISSED = "missed"
    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    NOT_YET_DUE = "not_yet_due"
    WAITING = "waiting"
    NOT_RECORDED = "not_recorded"
    NOT_APPLICABLE = "not_applicable"


#: Statuses of a step that still has to happen.
_OPEN: Final = frozenset(
    {StepStatus.OVERDUE, StepStatus.DUE_SOON, StepStatus.NOT_YET_DUE}
)

#: Which recorded exception reasons excuse each step, and the regulation that says so.
_EXCUSED_BY: Final = MappingProxyType(
    {
        DECISION_TO_ASSESS: (
            frozenset(
                {ExceptionReason.SCHOOL_CLOSURE, ExceptionReason.EARLY_YEARS_CLOSURE}
            ),
            "reg 5(4)",
        ),
        DECISION_NOT_TO_ISSUE: (frozenset(ExceptionReason), "reg 10(4)"),
        FINAL_PLAN: (frozenset(ExceptionReason), "reg 13(3)"),
    }
)

_NAMES: Final = MappingProxyType(
    {
        DECISION_TO_ASSESS: "decision whether to assess",
        ADVICE: "advice for the assessment",
        DECISION_NOT_TO_ISSUE: "decision not to issue a plan",
        DRAFT_REPRESENTATIONS: "parent's window on the draft plan",
        FINAL_PLAN: "final EHC plan",
    }
)


def _days(count: int) -> str:
    return f"{count} day" if count == 1 else f"{count} days"


@attrs.frozen(kw_only=True)
class Step:
    """One statutory step of one case.

    Attributes:
        case_id: The case's opaque id.
        code: The catalogue rule that sets the step's time limit.
        name: What the step is, in words.
        status: Where it stands on the day asked about.
        due: The last day in time (``None`` while the clock has not started).
        done: When it happened, if recorded.
        days: Days late (missed, overdue) or days left (due soon, not yet due);
            ``None`` otherwise.
        excepted: An exception recorded on the case excuses a late step.
        explanation: One or two sentences, citing the regulation for a breach.
        deadline: The catalogue's `Deadline`, with its counting trail.
    """

    case_id: str
    code: str
    name: str
    status: StepStatus
    due: dt.date | None = None
    done: dt.date | None = None
    days: int | None = None
    excepted: bool = False
    explanation: str = ""
    deadline: Deadline | None = attrs.field(default=None, repr=False)

    @property
    def is_open(self) -> bool:
        """Whether the step still has to happen and has a due date."""
        return self.status in _OPEN

    @property
    def status_text(self) -> str:
        """The status in words: ``missed by 3 days``, ``due in 5 days``..."""
        days = self.days or 0
        match self.status:
            case StepStatus.MISSED:
                return f"missed by {_days(days)}"
            case StepStatus.OVERDUE:
                return f"overdue by {_days(days)}"
            case StepStatus.DUE_SOON | StepStatus.NOT_YET_DUE:
                return "due today" if days == 0 else f"due in {_days(days)}"
            case _:
                return str(self.status.value).replace("_", " ")

    def to_dict(self) -> dict[str, Any]:
        """Return the step as JSON-ready values (ISO dates, enum values)."""
        rule = self.deadline.rule if self.deadline else None
        return {
            "case_id": self.case_id,
            "step": self.code,
            "name": self.name,
            "status": self.status.value,
            "status_text": self.status_text,
            "due": self.due.isoformat() if self.due else None,
            "done": self.done.isoformat() if self.done else None,
            "days": self.days,
            "excepted": self.excepted,
            "explanation": self.explanation,
            "source": rule.source if rule else None,
            "url": rule.url if rule else None,
            "confirmed": rule.confirmed if rule else None,
        }


@attrs.frozen(kw_only=True)
class CaseTimeline:
    """Every statutory step of one case, as of one day.

    Attributes:
        case_id: The case's opaque id.
        as_of: The day the statuses describe.
        steps: The steps in statutory order.
    """

    case_id: str
    as_of: dt.date
    steps: tuple[Step, ...]

    @property
    def next_due(self) -> Step | None:
        """The open step with the earliest due date, if any."""
        open_ = [step for step in self.steps if step.is_open]
        return min(open_, key=lambda step: step.due or dt.date.max, default=None)

    @property
    def breaches(self) -> tuple[Step, ...]:
        """The steps missed or overdue (including excused ones)."""
        return tuple(
            step
            for step in self.steps
            if step.status in {StepStatus.MISSED, StepStatus.OVERDUE}
        )

    def to_dict(self) -> dict[str, Any]:
        """Return the timeline as JSON-ready values."""
        return {
            "case_id": self.case_id,
            "as_of": self.as_of.isoformat(),
            "steps": [step.to_dict() for step in self.steps],
        }


@attrs.frozen(kw_only=True)
class _Context:
    case: EhcCase
    as_of: dt.date
    calendar: WorkingCalendar
    soon_days: int
    inclusive: bool
    rules: Mapping[str, Rule] | None


def _excuse(ctx: _Context, code: str) -> str | None:
    """Return why an exception excuses step *code*, or None."""
    excusing = _EXCUSED_BY.get(code)
    if excusing is None or not ctx.case.excepted:
        return None
    reasons, regulation = excusing
    recorded = [e.reason for e in ctx.case.exceptions if e.reason in reasons]
    if ctx.case.exceptions and not recorded:
        return None
    if recorded:
        why = "; ".join(EXCEPTION_REASON_TEXT[reason] for reason in recorded)
        return f"An exception is recorded ({why}), so under {regulation} this is not a breach."
    if code == DECISION_TO_ASSESS:
        return None  # Week20 alone does not say which limb, and reg 5(4) is narrower
    return (
        f"An exception is recorded (Week20 = 1), so under {regulation} "
        "this is not a breach."
    )


def _step(  # noqa: PLR0911 - one return per status reads best
    ctx: _Context,
    code: str,
    *,
    start: dt.date | None,
    done: dt.date | None,
    later_recorded: bool,
    not_applicable: str = "",
    waiting: str = "",
    note: str = "",
) -> Step:
    """Build one forward "within N weeks" step."""
    case = ctx.case
    name = _NAMES[code]
    base = Step(case_id=case.case_id, code=code, name=name, status=StepStatus.WAITING)
    if not_applicable:
        return attrs.evolve(
            base, status=StepStatus.NOT_APPLICABLE, explanation=not_applicable
        )
    if start is None:
        return attrs.evolve(base, status=StepStatus.WAITING, explanation=waiting)
    limit = deadline_on(code, start, ctx.calendar, rules=ctx.rules)
    last = limit.due if ctx.inclusive else limit.due - dt.timedelta(days=1)
    rule = limit.rule
    cite = f"{rule.describe_period()} under {rule.source}"
    base = attrs.evolve(base, due=last, deadline=limit)
    excuse = _excuse(ctx, code)
    tail = " ".join(part for part in (note, excuse or "") if part)
    if done is not None:
        late = (done - last).days
        if late <= 0:
            text = f"Done on {done.isoformat()}, in time (last day {last.isoformat()})."
            return attrs.evolve(
                base, status=StepStatus.MET, done=done, explanation=_join(text, note)
            )
        text = (
            f"Missed by {_days(late)}: done on {done.isoformat()}, after the last day "
            f"{last.isoformat()} ({cite})."
        )
        return attrs.evolve(
            base,
            status=StepStatus.MISSED,
            done=done,
            days=late,
            excepted=excuse is not None,
            explanation=_join(text, tail),
        )
    if later_recorded:
        text = "Not recorded, although later steps are; add the date to check it."
        return attrs.evolve(
            base, status=StepStatus.NOT_RECORDED, explanation=_join(text, note)
        )
    left = (last - ctx.as_of).days
    if left < 0:
        text = (
            f"Overdue by {_days(-left)}: the last day was {last.isoformat()} ({cite})."
        )
        return attrs.evolve(
            base,
            status=StepStatus.OVERDUE,
            days=-left,
            excepted=excuse is not None,
            explanation=_join(text, tail),
        )
    status = StepStatus.DUE_SOON if left <= ctx.soon_days else StepStatus.NOT_YET_DUE
    text = f"Due by {last.isoformat()} ({cite})."
    return attrs.evolve(base, status=status, days=left, explanation=_join(text, note))


def _join(*parts: str) -> str:
    return " ".join(part for part in parts if part)


def _draft_window(ctx: _Context, *, declined: str) -> Step:
    """The 15-day representations window: a minimum the council must allow."""
    case = ctx.case
    code = DRAFT_REPRESENTATIONS
    base = Step(
        case_id=case.case_id, code=code, name=_NAMES[code], status=StepStatus.WAITING
    )
    if declined:
        return attrs.evolve(
            base, status=StepStatus.NOT_APPLICABLE, explanation=declined
        )
    if case.draft_issued is None:
        text = (
            "No draft plan recorded yet."
            if case.plan_issued is None
            else ("The draft plan's date is not recorded.")
        )
        status = (
            StepStatus.WAITING if case.plan_issued is None else StepStatus.NOT_RECORDED
        )
        return attrs.evolve(base, status=status, explanation=text)
    limit = deadline_on(code, case.draft_issued, ctx.calendar, rules=ctx.rules)
    rule = limit.rule
    closes = limit.due
    base = attrs.evolve(base, due=closes, deadline=limit)
    cite = f"{rule.describe_period()} under {rule.source}"
    issued = case.plan_issued
    if issued is not None:
        if issued > closes:
            text = (
                f"The window closed on {closes.isoformat()} before the plan was issued."
            )
            return attrs.evolve(
                base, status=StepStatus.MET, done=issued, explanation=text
            )
        early = (closes - issued).days + 1
        text = (
            f"Missed: the final plan was issued on {issued.isoformat()}, "
            f"{_days(early)} before the parent's window closed on "
            f"{closes.isoformat()} ({cite})."
        )
        return attrs.evolve(
            base, status=StepStatus.MISSED, done=issued, days=early, explanation=text
        )
    left = (closes - ctx.as_of).days
    if left < 0:
        text = f"The window closed on {closes.isoformat()}; the plan may be finalised."
        return attrs.evolve(base, status=StepStatus.MET, explanation=text)
    status = StepStatus.DUE_SOON if left <= ctx.soon_days else StepStatus.NOT_YET_DUE
    text = (
        f"The parent may make representations until {closes.isoformat()} ({cite}); "
        "do not finalise the plan before then."
    )
    return attrs.evolve(base, status=status, days=left, explanation=text)


_EVENT_DATES: Final = (
    "request_outcome_date",
    "advice_requested",
    "advice_received",
    "assessment_outcome_date",
    "draft_issued",
    "plan_issued",
)


def _as_it_stood(case: EhcCase, as_of: dt.date) -> EhcCase:
    """Return *case* without the events dated after *as_of* (and decisions they carry)."""
    later = {
        name: None
        for name in _EVENT_DATES
        if (day := getattr(case, name)) is not None and day > as_of
    }
    if not later:
        return case
    changes: dict[str, Any] = dict(later)
    if "request_outcome_date" in later:
        changes["decided_to_assess"] = None
    issuing_known = any(
        getattr(case, name) is not None and name not in later
        for name in ("assessment_outcome_date", "draft_issued", "plan_issued")
    )
    if not issuing_known:
        changes["decided_to_issue"] = None
    return attrs.evolve(case, **changes)


def _sixteen_week_note(case: EhcCase) -> str:
    """Say when the reg 10(1) limit may not apply, as the case stands."""
    if case.decided_to_issue is False:
        return ""
    if case.assessment_outcome_date is not None:
        return (
            "The kind of decision is not recorded; this limit applies only to a "
            "decision not to issue."
        )
    return "If the council decides to issue a plan instead, this limit does not apply."


def _not_yet_received(case: EhcCase, as_of: dt.date) -> CaseTimeline:
    """Every step waits: no clock had started, as the request was not yet received."""
    text = (
        f"The request was received after {as_of.isoformat()}, so no clock had "
        "started on that day."
    )
    steps = tuple(
        Step(
            case_id=case.case_id,
            code=code,
            name=_NAMES[code],
            status=StepStatus.WAITING,
            explanation=text,
        )
        for code in _NAMES
    )
    return CaseTimeline(case_id=case.case_id, as_of=as_of, steps=steps)


def case_timeline(
    case: EhcCase,
    *,
    as_of: dt.date,
    region: str = DEFAULT_REGION,
    closures: Iterable[dt.date] = (),
    soon_days: int = 14,
    boundary_inclusive: bool = True,
    rules: Mapping[str, Rule] | None = None,
) -> CaseTimeline:
    """Return every statutory step of *case* with its due date and status on *as_of*.

    Due dates come from the rule catalogue (`sendkit.rules.deadline`): the
    decision whether to assess (``ehc.decision-to-assess``, 6 weeks from the
    request), advice (``ehc.advice``, 6 weeks from the request for advice), a
    decision not to issue (``ehc.decision-not-to-issue``, 16 weeks), the
    parent's window on the draft (``ehc.draft-representations``, at least 15
    days) and the final plan (``ehc.final-plan``, 20 weeks).
    The request's received date is day 0; with ``boundary_inclusive=True``
    (an unconfirmed assumption, [U]) a step done on the catalogue's due date
    is in time, with ``False`` the last day in time is the day before.
    A recorded exception (reg 10(4)) excuses a late 16- or 20-week step: it
    still shows as missed or overdue, with ``excepted=True`` and the reason.
    Events dated after *as_of* are left out, so the timeline shows the case
    as it stood on that day; a request received after *as_of* has every step
    ``waiting``, since no clock had started.

    Args:
        case: The case.
        as_of: The day to describe ("today"; never read from the clock).
        region: Bank-holiday region (for rules counted in working days).
        closures: Local non-working days.
        soon_days: Open steps due within this many days are ``due_soon``.
        boundary_inclusive: Whether the catalogue's due date itself is in time.
        rules: A rule book with local figures; the catalogue by default.

    Returns:
        The timeline, steps in statutory order.

    Raises:
        InvalidTypeError: *as_of* is not a date or *soon_days* not a number.
        InvalidInputError: *soon_days* is negative.

    Examples:
        >>> import datetime as dt
        >>> case = EhcCase(case_id="R1", received=dt.date(2024, 1, 8),
        ...                request_outcome_date=dt.date(2024, 2, 26))
        >>> timeline = case_timeline(case, as_of=dt.date(2024, 5, 20))
        >>> for step in timeline.steps:
        ...     print(step.code, step.due, step.status_text)
        ehc.decision-to-assess 2024-02-19 missed by 7 days
        ehc.advice None waiting
        ehc.decision-not-to-issue 2024-04-29 overdue by 21 days
        ehc.draft-representations None waiting
        ehc.final-plan 2024-05-27 due in 7 days
    """
    return timeline_on(
        case,
        calendar_for(region, closures),
        as_of=as_of,
        soon_days=soon_days,
        boundary_inclusive=boundary_inclusive,
        rules=rules,
    )


def timeline_on(
    case: EhcCase,
    calendar: WorkingCalendar,
    *,
    as_of: dt.date,
    soon_days: int = 14,
    boundary_inclusive: bool = True,
    rules: Mapping[str, Rule] | None = None,
) -> CaseTimeline:
    """`case_timeline` on a `WorkingCalendar` value (what code below the API calls)."""
    as_of = as_date(as_of, "as_of")
    soon_days = as_int(soon_days, "soon_days")
    if soon_days < 0:
        msg = f"soon_days must be 0 or more, got {soon_days!r}"
        raise InvalidInputError(msg)
    if case.received > as_of:
        return _not_yet_received(case, as_of)
    case = _as_it_stood(case, as_of)
    ctx = _Context(
        case=case,
        as_of=as_of,
        calendar=calendar,
        soon_days=soon_days,
        inclusive=boundary_inclusive,
        rules=rules,
    )
    refused = (
        "The council decided not to assess, so this step does not apply."
        if case.decided_to_assess is False
        else ""
    )
    no_plan = refused or (
        "The council decided not to issue a plan, so this step does not apply."
        if case.decided_to_issue is False
        else ""
    )
    issuing = case.decided_to_issue is True or case.plan_issued is not None
    after_assessment = (
        case.assessment_outcome_date,
        case.draft_issued,
        case.plan_issued,
    )
    steps = (
        _step(
            ctx,
            DECISION_TO_ASSESS,
            start=case.received,
            done=case.request_outcome_date,
            later_recorded=any(
                day is not None for day in (case.advice_requested, *after_assessment)
            ),
        ),
        _step(
            ctx,
            ADVICE,
            start=case.advice_requested,
            done=case.advice_received,
            later_recorded=any(day is not None for day in after_assessment),
            not_applicable=refused,
            waiting="No request for advice is recorded yet.",
            note="Reg 8 does not require advice if an appointment was missed.",
        ),
        _step(
            ctx,
            DECISION_NOT_TO_ISSUE,
            start=case.received,
            done=case.assessment_outcome_date,
            later_recorded=False,
            not_applicable=refused
            or (
                "The council is issuing a plan, so the limit for a decision not "
                "to issue does not apply."
                if issuing
                else ""
            ),
            note=_sixteen_week_note(case),
        ),
        _draft_window(ctx, declined=no_plan),
        _step(
            ctx,
            FINAL_PLAN,
            start=case.received,
            done=case.plan_issued,
            later_recorded=False,
            not_applicable=no_plan,
        ),
    )
    return CaseTimeline(case_id=case.case_id, as_of=as_of, steps=steps)


def open_steps(
    cases: Iterable[EhcCase],
    *,
    as_of: dt.date,
    region: str = DEFAULT_REGION,
    closures: Iterable[dt.date] = (),
    soon_days: int = 14,
    boundary_inclusive: bool = True,
    rules: Mapping[str, Rule] | None = None,
) -> tuple[Step, ...]:
    """Return every step still to happen across *cases*, soonest due first.

    Overdue steps come first (their due dates are earliest); ties are broken
    by case id. Arguments are as for `case_timeline`.
    """
    calendar = calendar_for(region, closures)  # closures are read once, here
    steps = [
        step
        for case in cases
        for step in timeline_on(
            case,
            calendar,
            as_of=as_of,
            soon_days=soon_days,
            boundary_inclusive=boundary_inclusive,
            rules=rules,
        ).steps
        if step.is_open
    ]
    steps.sort(key=lambda step: (step.due or dt.date.max, step.case_id, step.code))
    return tuple(steps)
