"""Synthetic caseloads of a realistic shape, for examples, demos and benchmarks.

Nothing here is real data: every case is drawn from a seeded random generator.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable
from typing import Any, Final

from ..dates import as_int
from ..errors import InvalidInputError
from ._model import CaseException, EhcCase, ExceptionReason
from ._worklist import OrderKind, PlanRecord

__all__ = ["synthetic_caseload", "synthetic_plans"]

_REASONS: Final = tuple(ExceptionReason)
# The shape of the made-up caseload (shares of cases at each branch).
_DECIDED_IN_6_WEEKS: Final = 0.85
_ASSESSED: Final = 0.8
_PLAN_ISSUED: Final = 0.9
_EXCEPTION_LATE: Final = 0.7  # exception cases mostly run late
_WITHIN_A_YEAR: Final = 0.875  # of late plans, the share issued within 52 weeks


def _share(value: object, name: str) -> float:
    if not isinstance(value, int | float) or not 0 <= value <= 1:
        msg = f"{name} must be a fraction from 0 to 1, got {value!r}"
        raise InvalidInputError(msg)
    return float(value)


def synthetic_caseload(  # noqa: C901 - one generator, read top to bottom
    *,
    year: int,
    requests_per_year: int = 3_000,
    on_time: float = 0.5,
    exceptions: float = 0.07,
    seed: int = 0,
) -> tuple[EhcCase, ...]:
    """Return a made-up caseload: two years of requests, seen at the end of *year*.

    Requests arrive evenly from 1 January of the year before *year* to
    31 December of *year*, *requests_per_year* a year.
    About 80% are agreed for assessment (decision after 3-8 weeks), and 90% of
    those lead to a plan; the rest get a decision not to issue at 12-18 weeks.
    A share *on_time* of plans is issued within 20 weeks (day 100-140); the
    others take 141-364 days, and one in eight of those more than a year.
    A share *exceptions* of assessed cases has ``week20=True`` with a random
    reg 10(4) reason; they run later than the rest.
    Events after 31 December of *year* have not happened yet, so the newest
    requests are still open.

    Args:
        year: The year whose end is "now".
        requests_per_year: Requests received per year.
        on_time: The target share of plans issued within 20 weeks.
        exceptions: The share of assessed cases with an exception.
        seed: The random seed; the same arguments give the same caseload.

    Returns:
        The cases, ids ``SYN-000001`` upwards, in order of receipt.

    Examples:
        >>> cases = synthetic_caseload(year=2024, requests_per_year=100, seed=1)
        >>> len(cases), cases[0].case_id
        (200, 'SYN-000001')
    """
    year = as_int(year, "year")
    count = as_int(requests_per_year, "requests_per_year")
    if count < 0:
        msg = f"requests_per_year must be 0 or more, got {count!r}"
        raise InvalidInputError(msg)
    on_time = _share(on_time, "on_time")
    exceptions = _share(exceptions, "exceptions")
    rng = random.Random(seed)  # noqa: S311 - test data, not security
    first = dt.date(year - 1, 1, 1).toordinal()
    as_of = dt.date(year, 12, 31).toordinal()
    span = as_of - first + 1
    arrivals = sorted(first + int(rng.random() * span) for _ in range(2 * count))

    def happened(received: int, days: int) -> dt.date | None:
        day = received + days
        return dt.date.fromordinal(day) if day <= as_of else None

    def chance(share: float) -> bool:
        return rng.random() < share

    cases = []
    for number, received in enumerate(arrivals, start=1):
        decision_days = (
            rng.randint(21, 42) if chance(_DECIDED_IN_6_WEEKS) else rng.randint(43, 56)
        )
        decided = happened(received, decision_days)
        assess = chance(_ASSESSED)
        fields: dict[str, Any] = {
            "case_id": f"SYN-{number:06d}",
            "received": dt.date.fromordinal(received),
            "request_outcome_date": decided,
            "decided_to_assess": assess if decided else None,
        }
        if decided and assess:
            excepted = chance(exceptions)
            fields["advice_requested"] = happened(received, decision_days + 2)
            fields["advice_received"] = happened(
                received, decision_days + rng.randint(20, 60)
            )
            if chance(_PLAN_ISSUED):
                if chance(on_time) and not (excepted and chance(_EXCEPTION_LATE)):
                    plan_days = rng.randint(100, 140)
                elif chance(_WITHIN_A_YEAR):
                    plan_days = rng.randint(141, 364)
                else:
                    plan_days = rng.randint(365, 540)
                outcome = happened(received, max(decision_days + 1, plan_days - 35))
                fields["assessment_outcome_date"] = outcome
                fields["decided_to_issue"] = True if outcome else None
                fields["draft_issued"] = happened(
                    received, max(decision_days + 1, plan_days - 28)
                )
                fields["plan_issued"] = happened(received, plan_days)
            else:
                outcome = happened(received, rng.randint(84, 126))
                fields["assessment_outcome_date"] = outcome
                fields["decided_to_issue"] = False if outcome else None
            if excepted:
                fields["week20"] = True
                fields["exceptions"] = (CaseException(reason=rng.choice(_REASONS)),)
            elif fields.get("plan_issued"):
                fields["week20"] = False
        cases.append(EhcCase(**fields))
    return tuple(cases)


_KINDS: Final = tuple(OrderKind)
_REVIEWED_IN_TIME: Final = 0.85  # share of plans whose last review was within 12 months
_AMEND: Final = 0.5  # of decisions after a review, the share to amend
_MEETING_BOOKED: Final = 0.15
_MEETING_HELD: Final = 0.1
_TRANSFERRING: Final = 0.12
_TRANSFER_DONE: Final = 0.3  # of transfers, the plan already amended by 31 December
_TO_POST_16: Final = 0.35  # of transfers
_ORDERS: Final = 0.02
_MOVED_IN: Final = 0.02
_UNDER_5: Final = 0.08  # of plans made in the last 3 years
_UNDER_5_PLAN_DAYS: Final = 3 * 365
_UNDER_5_REVIEW_DAYS: Final = 150
_YEAR_DAYS: Final = 365


def _plan_fields(  # noqa: C901, PLR0912, PLR0915 - one generator, read top to bottom
    rng: random.Random, case_id: str, made: dt.date, year: int
) -> dict[str, Any]:
    """Review, transfer, order and move-in dates for one plan made on *made*."""
    end = dt.date(year, 12, 31)
    fields: dict[str, Any] = {"case_id": case_id, "plan_issued": made}
    age = (end - made).days
    last = made
    if age > _YEAR_DAYS - 30:
        # Reviewed at least once: the last review ended 1-11 months ago (on
        # time), or 12-16 months ago (late: the next one is overdue).
        back = (
            rng.randint(20, 330)
            if rng.random() < _REVIEWED_IN_TIME
            else rng.randint(366, 480)
        )
        review = max(made + dt.timedelta(days=300), end - dt.timedelta(days=back))
        if made < review <= end:
            # The meeting came 1-7 weeks before the decision that ended the
            # review (about half within reg 20(10)'s 4 weeks, as in England).
            meeting = max(made, review - dt.timedelta(days=rng.randint(7, 50)))
            fields["review_meeting"] = meeting
            fields["last_review"] = fields["review_decision"] = last = review
            amend = rng.random() < _AMEND
            fields["decided_to_amend"] = amend
            amended = review + dt.timedelta(days=rng.randint(14, 70))
            if amend and amended <= end:
                fields["amended_plan"] = amended
    roll = rng.random()
    if roll < _MEETING_BOOKED:
        fields["review_meeting"] = end + dt.timedelta(days=rng.randint(10, 60))
    elif roll < _MEETING_BOOKED + _MEETING_HELD:
        held = end - dt.timedelta(days=rng.randint(3, 60))
        if held > last:
            fields["review_meeting"] = held
            fields.pop("review_decision", None)
            fields.pop("decided_to_amend", None)
            fields.pop("amended_plan", None)
            if rng.random() < 0.6:  # noqa: PLR2004 - most decided already
                decided = min(end, held + dt.timedelta(days=rng.randint(7, 35)))
                fields["review_decision"] = fields["last_review"] = decided
                fields["decided_to_amend"] = rng.random() < _AMEND
    if rng.random() < _TRANSFERRING:
        fields["transfer_year"] = year + 1
        fields["transfer_post_16"] = rng.random() < _TO_POST_16
        if rng.random() < _TRANSFER_DONE:
            fields["transfer_amended"] = end - dt.timedelta(days=rng.randint(1, 60))
    if rng.random() < _ORDERS:
        order = end - dt.timedelta(days=rng.randint(0, 140))
        if order > made:
            fields["order_date"] = order
            fields["order_kind"] = rng.choice(_KINDS)
    if rng.random() < _MOVED_IN:
        moved = end - dt.timedelta(days=rng.randint(0, 120))
        if moved > made:
            fields["transfer_in"] = moved
            if rng.random() < 0.5:  # noqa: PLR2004 - half told already
                fields["transfer_notified"] = min(end, moved + dt.timedelta(days=20))
    if age < _UNDER_5_PLAN_DAYS and rng.random() < _UNDER_5:
        # Reviewed every 3-6 months (Code of Practice 9.178): lately, mostly.
        fields["under_5"] = True
        if age > _UNDER_5_REVIEW_DAYS and "review_decision" not in fields:
            back = rng.randint(20, 150 if rng.random() < _REVIEWED_IN_TIME else 240)
            fields["last_review"] = max(made, end - dt.timedelta(days=back))
    return fields


def synthetic_plans(
    *,
    year: int,
    plans: int = 10_000,
    seed: int = 0,
    cases: Iterable[EhcCase] = (),
) -> tuple[PlanRecord, ...]:
    """Return made-up existing plans, seen on 31 December of *year*.

    *plans* plans were made over the six years before (ids ``PLN-000001``
    upwards), and each of *cases* with an issued plan gets a plan record of
    its own (same id). Of plans made more than 11 months before, most (85%)
    were last reviewed within the 12 months allowed and the rest 12-16
    months ago (their next review is overdue). About 15% have a review
    meeting booked in the next weeks and 10% one held lately (most decided,
    which ends that review); about 12% transfer between phases next year (a
    third of them to post-16; 30% of those already amended), 2% have a
    tribunal order or conceded appeal in the last 20 weeks, 2% moved in from
    another council; 8% of plans under 3 years old are for a child under 5
    (reviewed in the last 5 months, mostly).

    Examples:
        >>> plans = synthetic_plans(year=2025, plans=50, seed=1)
        >>> len(plans), plans[0].case_id
        (50, 'PLN-000001')
    """
    year = as_int(year, "year")
    count = as_int(plans, "plans")
    if count < 0:
        msg = f"plans must be 0 or more, got {count!r}"
        raise InvalidInputError(msg)
    rng = random.Random(seed)  # noqa: S311 - test data, not security
    end = dt.date(year, 12, 31)
    first = dt.date(year - 6, 1, 1).toordinal()
    out = []
    for number in range(1, count + 1):
        made = dt.date.fromordinal(rng.randint(first, end.toordinal() - 30))
        out.append(PlanRecord(**_plan_fields(rng, f"PLN-{number:06d}", made, year)))
    out.extend(
        PlanRecord(**_plan_fields(rng, case.case_id, case.plan_issued, year))
        for case in cases
        if case.plan_issued is not None and case.plan_issued <= end
    )
    return tuple(out)
