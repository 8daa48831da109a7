"""One worklist for a SEND team: every statutory step due across the whole caseload.

New requests (the 20-week path, from `open_steps`), and the plans a council
already maintains: annual reviews, review-meeting notice and advice, the
decision after a review and the amended plan, phase transfers, tribunal orders
and conceded appeals, and plans moving in from another council. Every date
comes from the rule catalogue (`sendkit.rules`), with its citation and how
sure it is.

Conventions:

* A step is listed only once its clock has started on or before *as_of*
  (the event that triggers it is recorded and dated by then); never before.
* ``status`` follows from ``due`` and *as_of* alone: ``overdue`` when
  ``due < as_of``, ``due-soon`` when ``0 <= due - as_of <= soon_days``,
  otherwise ``upcoming``.
* A phase transfer is assumed to happen on 1 September of the transfer year
  (an assumption, stated in each item); its step is listed from 12 months
  before (SEND Regulations 2014 reg 18(1): "within 12 months of a transfer").
"""

from __future__ import annotations

import collections
import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from typing import Any, Final

import attrs

from ..calendars import DEFAULT_REGION
from ..dates import as_date, as_int, to_day
from ..errors import InvalidInputError, InvalidTypeError
from ..rules import Rule, due_date, get_rule
from ._model import EhcCase
from ._timeline import Step, open_steps

__all__ = [
    "ORDER_RULES",
    "SERVICE_RULES",
    "ItemStatus",
    "OrderKind",
    "PlanRecord",
    "WorkItem",
    "Worklist",
    "deemed_served",
    "phase_transfer_year",
    "worklist",
]


class OrderKind(enum.Enum):
    """What a tribunal order (reg 44) or a conceded appeal (reg 45) requires."""

    ASSESS = "assess"
    MAKE_PLAN = "make-plan"
    AMEND = "amend"
    NAME_SCHOOL = "name-school"
    CONTINUE_AND_AMEND = "continue-and-amend"
    CONCEDED_ASSESS = "conceded-assess"
    CONCEDED_REFUSAL_TO_ISSUE = "conceded-refusal-to-issue"
    CONCEDED_AMEND = "conceded-amend"
    CONCEDED_NAME_SCHOOL = "conceded-name-school"


#: The catalogue rules each order kind starts, in order. After an order to
#: assess the council either decides not to issue (10 weeks) or issues a plan
#: (14 weeks); the worklist lists the final-plan limit, the later one.
ORDER_RULES: Final[Mapping[OrderKind, tuple[str, ...]]] = {
    OrderKind.ASSESS: (
        "tribunal.order.assess.notify",
        "tribunal.order.assess.final-plan",
    ),
    OrderKind.MAKE_PLAN: (
        "tribunal.order.make-plan.draft",
        "tribunal.order.make-plan.final",
    ),
    OrderKind.AMEND: ("tribunal.order.amend",),
    OrderKind.NAME_SCHOOL: ("tribunal.order.name-school",),
    OrderKind.CONTINUE_AND_AMEND: ("tribunal.order.continue-and-amend",),
    OrderKind.CONCEDED_ASSESS: (
        "tribunal.unopposed.assessment",
        "tribunal.unopposed.final-plan",
    ),
    OrderKind.CONCEDED_REFUSAL_TO_ISSUE: (
        "tribunal.unopposed.draft-plan",
        "tribunal.unopposed.plan-after-refusal",
    ),
    OrderKind.CONCEDED_AMEND: ("tribunal.unopposed.amended-plan",),
    OrderKind.CONCEDED_NAME_SCHOOL: ("tribunal.unopposed.name-school",),
}

_TRANSFER_MONTH: Final = 9  # a transfer between phases is taken as 1 September
_TO_SECONDARY: Final = 6  # national curriculum year before secondary school
_TO_POST_16: Final = 11  # national curriculum year before post-16


def _date_or_none(
    instance: PlanRecord, attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is not None and not isinstance(value, dt.date):
        msg = (
            f"{attribute.name} must be a datetime.date, got a {type(value).__name__} "
            f"in case {instance.case_id!r}"
        )
        raise InvalidTypeError(msg)


def _not_before_plan(
    instance: PlanRecord, attribute: attrs.Attribute[Any], value: dt.date | None
) -> None:
    _date_or_none(instance, attribute, value)
    plan = instance.plan_issued
    if value is not None and plan is not None and value < plan:
        msg = f"{attribute.name} is before the plan's date in case {instance.case_id!r}"
        raise InvalidInputError(msg)


@attrs.frozen(kw_only=True)
class PlanRecord:
    """What a case file holds about one EHC plan the council maintains.

    Every field but *case_id* is optional; a step is listed only when the
    dates that start its clock are recorded. No personal data belongs here.

    Attributes:
        case_id: Opaque reference (the same id as the request, if any).
        plan_issued: When the plan was first made (SEN2 ``StartDate``).
        ceased: When the plan ended (SEN2 ``CeaseDate``); a plan ceased by
            *as_of* lists no review, transfer or move-in steps.
        last_review: When the last review concluded (SEN2 ``LastReview``:
            the day the decision after the review meeting was notified).
        review_meeting: The latest (planned or held) review meeting (SEN2
            ``ReviewMeeting``).
        review_decision: When the decision after that meeting was notified
            (taken from SEN2 ``LastReview`` when that is on or after the
            meeting).
        decided_to_amend: Whether that decision was to amend the plan.
        amended_plan: When the amended plan was issued.
        amended_plan_on_file: False when the source has no place for the
            amended plan's date (a SEN2 return holds none after an annual
            review): then the amended-plan step is not listed, since it could
            never be shown as done.
        under_5: The child is under 5 (Code of Practice 9.178 reviews).
        transfer_year: Calendar year of a transfer between phases.
        transfer_post_16: The transfer is from secondary school to post-16.
        nc_year: National curriculum year on *as_of* (6 or 11 imply a transfer).
        transfer_amended: When the plan was amended for the transfer.
        order_date: Date of a tribunal order, or of telling the Tribunal
            that an appeal is not opposed.
        order_kind: What the order or concession requires.
        order_complied: When the council complied.
        transfer_in: When the plan was transferred in from another council.
        transfer_notified: When the family was told about the transfer (reg 15(4)).
    """

    case_id: str
    plan_issued: dt.date | None = attrs.field(
        default=None, converter=to_day, validator=_date_or_none
    )
    ceased: dt.date | None = attrs.field(
        default=None, converter=to_day, validator=_not_before_plan
    )
    last_review: dt.date | None = attrs.field(
        default=None, converter=to_day, validator=_not_before_plan
    )
    review_meeting: dt.date | None = attrs.field(
        default=None, converter=to_day, validator=_not_before_plan
    )
    review_decision: dt.date | None = attrs.field(
        default=None, converter=to_day, validator=_not_before_plan
    )
    decided_to_amend: bool | None = None
    amended_plan: dt.date | None = attrs.field(
        default=None, converter=to_day, validator=_not_before_plan
    )
    amended_plan_on_file: bool = True
    under_5: bool = False
    transfer_year: int | None = None
    transfer_post_16: bool = False
    nc_year: int | None = None
    transfer_amended: dt.date | None = attrs.field(
        default=None, converter=to_day, validator=_date_or_none
    )
    order_date: dt.date | None = attrs.field(
        default=None, converter=to_day, validator=_date_or_none
    )
    order_kind: OrderKind | None = None
    order_complied: dt.date | None = attrs.field(
        default=None, converter=to_day, validator=_date_or_none
    )
    transfer_in: dt.date | None = attrs.field(
        default=None, converter=to_day, validator=_date_or_none
    )
    transfer_notified: dt.date | None = attrs.field(
        default=None, converter=to_day, validator=_date_or_none
    )


class ItemStatus(enum.Enum):
    """An open step's status on *as_of*."""

    OVERDUE = "overdue"
    DUE_SOON = "due-soon"
    UPCOMING = "upcoming"


def _status(due: dt.date, as_of: dt.date, soon_days: int) -> ItemStatus:
    left = (due - as_of).days
    if left < 0:
        return ItemStatus.OVERDUE
    return ItemStatus.DUE_SOON if left <= soon_days else ItemStatus.UPCOMING


@attrs.frozen(kw_only=True)
class WorkItem:
    """One open statutory step of one case.

    Attributes:
        case: The case's opaque id.
        rule: The catalogue rule's code.
        summary: What must happen.
        trigger: The recorded date that started the step's clock.
        due: The last day in time (or the expected date, for usual practice).
        status: ``overdue``, ``due-soon`` or ``upcoming`` on *as_of*.
        days: Days left (negative when overdue).
        basis: Law, framework or usual practice.
        confidence: How well the figure is sourced.
        source: The citation.
        url: Where to read it.
        note: An assumption this item rests on, if any.
        step: For a request's step, the timeline `Step` it comes from
            (``ehc cases`` prints it); None for a plan's step.
    """

    case: str
    rule: str
    summary: str
    trigger: dt.date
    due: dt.date
    status: ItemStatus
    days: int
    basis: str
    confidence: str
    source: str
    url: str
    note: str = ""
    step: Step | None = attrs.field(default=None, repr=False, eq=False)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready values: ISO dates, enum values as text."""
        return {
            "case": self.case,
            "rule": self.rule,
            "summary": self.summary,
            "trigger": self.trigger.isoformat(),
            "due": self.due.isoformat(),
            "status": self.status.value,
            "days": self.days,
            "basis": self.basis,
            "confidence": self.confidence,
            "source": self.source,
            "url": self.url,
            "note": self.note,
        }


@attrs.frozen(kw_only=True)
class Worklist:
    """Every open step across a caseload, soonest due first.

    Attributes:
        as_of: The day the statuses describe.
        items: The open steps, by due date, then case id, then rule.
    """

    as_of: dt.date
    items: tuple[WorkItem, ...]

    @property
    def by_status(self) -> dict[str, int]:
        """How many items have each status (every status listed)."""
        counts = collections.Counter(item.status.value for item in self.items)
        return {status.value: counts.get(status.value, 0) for status in ItemStatus}

    @property
    def by_rule(self) -> dict[str, int]:
        """How many items each rule has, by code."""
        return dict(sorted(collections.Counter(i.rule for i in self.items).items()))

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready values."""
        return {
            "as_of": self.as_of.isoformat(),
            "items": [item.to_dict() for item in self.items],
            "counts": {"by_status": self.by_status, "by_rule": self.by_rule},
        }


_POST_16_DUE_MONTH: Final = 3  # reg 18(1)(a): before 31 March, a post-16 transfer


def transfer_from_due(due: dt.date) -> tuple[int, bool]:
    """(transfer year, to post-16) from SEN2's ``PhaseTransferDueDate``.

    The transfer is taken as the next 1 September on or after the due date,
    and as a move to post-16 when the due date is in March (reg 18(1)(a):
    before 31 March; the other phases, reg 18(1)(b), before 15 February);
    both are sendkit's readings [INFERRED], not SEN2 definitions.

    Examples:
        >>> import datetime as dt
        >>> transfer_from_due(dt.date(2026, 2, 15))
        (2026, False)
        >>> transfer_from_due(dt.date(2026, 3, 31))
        (2026, True)
    """
    year = due.year + (1 if due.month >= _TRANSFER_MONTH else 0)
    return year, due.month == _POST_16_DUE_MONTH


def settle_review(values: dict[str, object]) -> None:
    """Fill the decision after the latest review from SEN2's ``LastReview``.

    SEN2 defines ``LastReview`` as the day the decision after the review
    meeting was notified, so a ``LastReview`` on or after ``ReviewMeeting``
    is that meeting's decision when no ``ReviewDecisionDate`` is given.
    """
    last, meeting = values.get("last_review"), values.get("review_meeting")
    if (
        values.get("review_decision") is None
        and isinstance(last, dt.date)
        and isinstance(meeting, dt.date)
        and last >= meeting
    ):
        values["review_decision"] = last


def phase_transfer_year(nc_year: int, as_of: dt.date) -> tuple[int, bool] | None:
    """Return (transfer year, to post-16) for a national curriculum year on *as_of*.

    A child in year 6 moves to secondary school, and a young person in year
    11 to post-16, at the end of the academic year (taken as 1 September):
    in the same calendar year when *as_of* is January to August, the next
    one from September. Other years return None (an infant-to-junior move
    depends on the school, so it needs a transfer year).

    Examples:
        >>> import datetime as dt
        >>> phase_transfer_year(6, dt.date(2025, 10, 1))
        (2026, False)
        >>> phase_transfer_year(11, dt.date(2026, 3, 1))
        (2026, True)
    """
    if nc_year not in {_TO_SECONDARY, _TO_POST_16}:
        return None
    year = as_of.year + (1 if as_of.month >= _TRANSFER_MONTH else 0)
    return year, nc_year == _TO_POST_16


@attrs.frozen(kw_only=True)
class _Ctx:
    as_of: dt.date
    soon_days: int
    region: str
    closures: tuple[dt.date, ...]
    rules: Mapping[str, Rule] | None


def _item(
    ctx: _Ctx,
    case: str,
    code: str,
    trigger: dt.date,
    *,
    start: dt.date | None = None,
    note: str = "",
    **inputs: dt.date | None,
) -> WorkItem:
    rule = get_rule(code, rules=ctx.rules)
    due = due_date(
        rule,
        trigger if start is None else start,
        region=ctx.region,
        closures=ctx.closures,
        rules=ctx.rules,
        **inputs,
    )
    return WorkItem(
        case=case,
        rule=rule.code,
        summary=rule.summary,
        trigger=trigger,
        due=due,
        status=_status(due, ctx.as_of, ctx.soon_days),
        days=(due - ctx.as_of).days,
        basis=rule.basis.value,
        confidence=rule.confidence.value,
        source=rule.source,
        url=rule.url,
        note=note,
    )


def _known(day: dt.date | None, as_of: dt.date) -> dt.date | None:
    """A recorded date, if it had happened (or been recorded) by *as_of*."""
    return day if day is not None and day <= as_of else None


def _decision_after(plan: PlanRecord, as_of: dt.date) -> dt.date | None:
    """The decision after the latest review meeting, if notified by *as_of*.

    ``review_decision`` when on or after the meeting; otherwise a last review
    on or after the meeting, which SEN2 defines as that decision's date.
    """
    meeting = _known(plan.review_meeting, as_of)
    if meeting is None:
        return None
    for day in (plan.review_decision, plan.last_review):
        known = _known(day, as_of)
        if known is not None and known >= meeting:
            return known
    return None


def _review_items(ctx: _Ctx, plan: PlanRecord) -> list[WorkItem]:
    as_of = ctx.as_of
    decision = _decision_after(plan, as_of)
    # The review concludes with the decision after its meeting (reg 20(10)).
    known = [
        day
        for day in (
            _known(plan.plan_issued, as_of),
            _known(plan.last_review, as_of),
            decision,
        )
        if day is not None
    ]
    items: list[WorkItem] = []
    if not known:
        return items
    base = max(known)
    items.append(_item(ctx, plan.case_id, "ehc.review.annual", base))
    if plan.under_5:
        items.append(_item(ctx, plan.case_id, "ehc.review.under-5", base))
    meeting = plan.review_meeting
    if meeting is None:
        return items
    if meeting >= as_of:
        # A meeting on the file is known now; notice runs back from it.
        items.extend(
            _item(ctx, plan.case_id, code, as_of, start=meeting)
            for code in ("ehc.review.meeting-notice", "ehc.review.advice-circulated")
        )
    elif decision is None:
        items.append(_item(ctx, plan.case_id, "ehc.review.decision", meeting))
    elif plan.decided_to_amend and plan.amended_plan_on_file:
        amended = _known(plan.amended_plan, as_of)
        if amended is None or amended < meeting:
            items.append(
                _item(
                    ctx, plan.case_id, "ehc.review.amended-plan-from-meeting", meeting
                )
            )
    return items


def _transfer_items(ctx: _Ctx, plan: PlanRecord) -> list[WorkItem]:
    as_of = ctx.as_of
    year, post_16 = plan.transfer_year, plan.transfer_post_16
    if year is None and plan.nc_year is not None:
        derived = phase_transfer_year(plan.nc_year, as_of)
        if derived is not None:
            year, post_16 = derived
    if year is None:
        return []
    transfer = dt.date(year, _TRANSFER_MONTH, 1)
    listed_from = dt.date(year - 1, _TRANSFER_MONTH, 1)
    done = _known(plan.transfer_amended, as_of)
    if as_of < listed_from or as_of >= transfer or (done and done >= listed_from):
        return []
    code = "ehc.phase-transfer.post-16" if post_16 else "ehc.phase-transfer"
    note = (
        f"Transfer taken as 1 September {year}; listed from 12 months before "
        "(reg 18(1))."
    )
    return [_item(ctx, plan.case_id, code, listed_from, start=transfer, note=note)]


def _order_items(ctx: _Ctx, plan: PlanRecord) -> list[WorkItem]:
    order = _known(plan.order_date, ctx.as_of)
    if order is None or plan.order_kind is None:
        return []
    if _known(plan.order_complied, ctx.as_of) is not None:
        return []
    return [
        _item(ctx, plan.case_id, code, order) for code in ORDER_RULES[plan.order_kind]
    ]


def _moved_in_items(ctx: _Ctx, plan: PlanRecord) -> list[WorkItem]:
    moved = _known(plan.transfer_in, ctx.as_of)
    if moved is None:
        return []
    items = []
    if _known(plan.transfer_notified, ctx.as_of) is None:
        items.append(_item(ctx, plan.case_id, "ehc.transfer.notify", moved))
    last = _known(plan.last_review, ctx.as_of)
    if last is None or last < moved:
        previous = last or _known(plan.plan_issued, ctx.as_of)
        items.append(
            _item(ctx, plan.case_id, "ehc.transfer.review", moved, last_review=previous)
        )
    return items


def worklist(
    cases: Iterable[EhcCase] = (),
    plans: Iterable[PlanRecord] = (),
    *,
    as_of: dt.date,
    within: int | None = None,
    soon_days: int = 14,
    region: str = DEFAULT_REGION,
    closures: Iterable[dt.date] = (),
    rules: Mapping[str, Rule] | None = None,
) -> Worklist:
    """Return every open statutory step across a caseload, soonest due first.

    *cases* are requests for an assessment (their steps come from
    `open_steps`); *plans* are the plans the council maintains. A step
    appears once its clock has started by *as_of*, and at most once per case
    and rule. An annual review is due within the 12 months starting with the
    plan's date or the last review (``ehc.review.annual``); a review meeting
    on file adds its notice and advice (clear days, an unsettled reading), a
    held meeting the decision (4 weeks) and, when the decision is to amend,
    the amended plan (12 weeks from the meeting). Where the request's
    id repeats a plan's id (one child, both files), the request's final-plan
    step and the plan's items both appear; they are different rules.

    Args:
        cases: Requests for an assessment.
        plans: Plans maintained.
        as_of: The day to report on (never read from the clock).
        within: Keep only items overdue (whatever *within* is) or due
            within this many days.
        soon_days: Items due within this many days are ``due-soon``.
        region: Bank-holiday region for working days.
        closures: Local non-working days.
        rules: A rule book with local figures; the catalogue by default.

    Returns:
        The `Worklist`.

    Examples:
        >>> import datetime as dt
        >>> plan = PlanRecord(case_id="P1", plan_issued=dt.date(2024, 3, 15))
        >>> work = worklist(plans=[plan], as_of=dt.date(2025, 3, 20))
        >>> [(i.rule, i.due.isoformat(), i.status.value) for i in work.items]
        [('ehc.review.annual', '2025-03-14', 'overdue')]
    """
    as_of = as_date(as_of, "as_of")
    soon_days = as_int(soon_days, "soon_days")
    if soon_days < 0:
        msg = f"soon_days must be 0 or more, got {soon_days!r}"
        raise InvalidInputError(msg)
    if within is not None:
        within = as_int(within, "within")
    ctx = _Ctx(
        as_of=as_of,
        soon_days=soon_days,
        region=region,
        closures=tuple(closures),
        rules=rules,
    )
    items: list[WorkItem] = []
    for step in open_steps(
        cases,
        as_of=as_of,
        region=region,
        closures=ctx.closures,
        soon_days=soon_days,
        rules=rules,
    ):
        limit = step.deadline
        if limit is None or step.due is None:  # pragma: no cover - open steps have both
            continue
        rule = limit.rule
        items.append(
            WorkItem(
                case=step.case_id,
                rule=rule.code,
                summary=rule.summary,
                trigger=limit.start,
                due=step.due,
                status=_status(step.due, as_of, soon_days),
                days=(step.due - as_of).days,
                basis=rule.basis.value,
                confidence=rule.confidence.value,
                source=rule.source,
                url=rule.url,
                note="excepted: an exception is recorded" if step.excepted else "",
                step=step,
            )
        )
    for plan in plans:
        items.extend(_order_items(ctx, plan))
        if _known(plan.ceased, as_of) is not None:
            continue  # an ended plan is neither reviewed nor transferred
        items.extend(_review_items(ctx, plan))
        items.extend(_transfer_items(ctx, plan))
        items.extend(_moved_in_items(ctx, plan))
    if within is not None:  # overdue items are always kept
        items = [i for i in items if i.days < 0 or i.days <= within]
    items.sort(key=lambda item: (item.due, item.case, item.rule))
    return Worklist(as_of=as_of, items=tuple(items))


#: How a notice was sent, and the rule for the day it is deemed served
#: (None: served the day it is sent).
SERVICE_RULES: Final[Mapping[str, str | None]] = {
    "hand": None,
    "email": None,
    "first-class-post": "service.first-class-post",
    "second-class-post": "service.second-class-post",
}


def deemed_served(
    sent: dt.date,
    method: str,
    *,
    region: str = DEFAULT_REGION,
    rules: Mapping[str, Rule] | None = None,
) -> dt.date:
    """The day a draft plan (reg 13) or amendment notice (reg 22) is deemed served.

    The SEND Regulations 2014 have no deemed-service rule of their own, so
    this applies the catalogue's ``service.*`` rules (Interpretation Act 1978
    s7, read as the courts read first class post: the second working day
    after posting, [S]; second class: the fourth, [U]). By hand or agreed
    email, the sending day. Start the 15-day window (``ehc.draft-
    representations``) from the returned day.

    Raises:
        InvalidInputError: *method* is not one of `SERVICE_RULES`.

    Examples:
        >>> import datetime as dt
        >>> deemed_served(dt.date(2025, 3, 7), "first-class-post")
        datetime.date(2025, 3, 11)
        >>> deemed_served(dt.date(2025, 3, 7), "email")
        datetime.date(2025, 3, 7)
    """
    sent = as_date(sent, "sent")
    if method not in SERVICE_RULES:
        msg = (
            f"method of service {method!r} is not known; expected one of "
            f"{', '.join(SERVICE_RULES)}"
        )
        raise InvalidInputError(msg)
    code = SERVICE_RULES[method]
    if code is None:
        return sent
    return due_date(code, sent, region=region, rules=rules)
