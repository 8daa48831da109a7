"""Progress reporting: RAG counts, overdue and stale actions, exceptions, reviews."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from dateutil.relativedelta import relativedelta

from ..calendars import DEFAULT_REGION, calendar_for
from ..dates import as_date, as_int
from ..errors import InvalidInputError, InvalidTypeError
from ._enums import Rag
from ._model import DEFAULT_DUE_SOON_WORKING_DAYS, ActionPlan, RagAssessment
from ._result import ExceptionItem, PlanStatus, Review

__all__ = ["plan_status", "rag_history", "review_schedule"]

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
