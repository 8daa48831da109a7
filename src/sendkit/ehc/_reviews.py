"""Annual-review measures from a council's own case file, in the shape DfE publishes.

DfE's annual-review statistics (plans, reviews expected in the year, review
meetings held, decisions, decisions within 4 weeks of the meeting, outcomes)
are published without a full definition that could be read; each figure here
says how it is computed from `PlanRecord` dates and how sure that is:
``[INFERRED]`` worked out from the published column names, ``[P]`` straight
from the law. One record holds one review cycle (the last review, one
meeting, one decision), so a plan reviewed twice in a year counts once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any, Final

import attrs

from ..dates import as_int
from ..rules import due_date
from ._worklist import PlanRecord

__all__ = ["REVIEW_DEFINITIONS", "ReviewMeasures", "review_measures"]

_DECISION_DAYS: Final = 28  # 4 weeks from the meeting (reg 20(10))

#: Each measure's definition and its confidence tag.
REVIEW_DEFINITIONS: Final = {
    "plans": "[INFERRED] plans made on or before 31 December of the year",
    "reviews_expected": (
        "[INFERRED] plans whose 12-month review limit (s44(1), counted from the "
        "plan or the review before the year) fell in the year"
    ),
    "review_meetings": "[INFERRED] review meetings held (dated) in the year",
    "review_decisions": "[INFERRED] decisions after a review notified in the year",
    "decisions_within_4_weeks": (
        "[P] decisions notified within 4 weeks of their meeting (reg 20(10) as "
        "reported [S]); day 28 counts as in time"
    ),
    "outcome_amend": "[INFERRED] decisions in the year to amend the plan",
    "outcome_no_amend": "[INFERRED] decisions in the year to keep or cease the plan",
    "reviews_overdue": (
        "[P] plans whose 12-month limit had passed by 31 December with no review "
        "since (not published by DfE)"
    ),
}


@attrs.frozen(kw_only=True)
class ReviewMeasures:
    """Counts for one calendar year; see `REVIEW_DEFINITIONS`."""

    year: int
    plans: int
    reviews_expected: int
    review_meetings: int
    review_decisions: int
    decisions_within_4_weeks: int
    outcome_amend: int
    outcome_no_amend: int
    reviews_overdue: int

    @property
    def percent_within_4_weeks(self) -> float | None:
        """Decisions within 4 weeks as a percentage of decisions, 1 decimal."""
        if not self.review_decisions:
            return None
        return round(100 * self.decisions_within_4_weeks / self.review_decisions, 1)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready values, with the definitions."""
        return {
            **attrs.asdict(self),
            "percent_within_4_weeks": self.percent_within_4_weeks,
            "definitions": dict(REVIEW_DEFINITIONS),
        }


def _count_decision(
    plan: PlanRecord, counts: dict[str, int], in_year: Callable[[dt.date | None], bool]
) -> None:
    """Add *plan*'s decision after review, if made in the year, to *counts*."""
    decision, meeting = plan.review_decision, plan.review_meeting
    if decision is None or not in_year(decision):
        return
    counts["review_decisions"] += 1
    if meeting is not None and 0 <= (decision - meeting).days <= _DECISION_DAYS:
        counts["decisions_within_4_weeks"] += 1
    if plan.decided_to_amend:
        counts["outcome_amend"] += 1
    elif plan.decided_to_amend is False:
        counts["outcome_no_amend"] += 1


def review_measures(plans: Iterable[PlanRecord], *, year: int) -> ReviewMeasures:
    """Compute the annual-review measures for calendar *year* from plan records.

    Examples:
        >>> import datetime as dt
        >>> plans = [
        ...     PlanRecord(case_id="P1", plan_issued=dt.date(2023, 3, 15),
        ...                review_meeting=dt.date(2024, 3, 1),
        ...                review_decision=dt.date(2024, 3, 20),
        ...                decided_to_amend=True, last_review=dt.date(2024, 3, 1)),
        ...     PlanRecord(case_id="P2", plan_issued=dt.date(2023, 1, 10)),
        ... ]
        >>> m = review_measures(plans, year=2024)
        >>> m.plans, m.reviews_expected, m.decisions_within_4_weeks, m.reviews_overdue
        (2, 2, 1, 1)
    """
    year = as_int(year, "year")
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    counts = dict.fromkeys(
        (
            "plans",
            "reviews_expected",
            "review_meetings",
            "review_decisions",
            "decisions_within_4_weeks",
            "outcome_amend",
            "outcome_no_amend",
            "reviews_overdue",
        ),
        0,
    )

    def in_year(day: dt.date | None) -> bool:
        return day is not None and first <= day <= last

    for plan in plans:
        made = plan.plan_issued
        if made is None or made > last:
            continue
        counts["plans"] += 1
        before = (
            plan.last_review if plan.last_review and plan.last_review < first else None
        )
        limit = due_date("ehc.review.annual", max(made, before) if before else made)
        if in_year(limit):
            counts["reviews_expected"] += 1
        latest = (
            plan.last_review if plan.last_review and plan.last_review <= last else None
        )
        current = due_date("ehc.review.annual", max(made, latest) if latest else made)
        if current < last:
            counts["reviews_overdue"] += 1
        if in_year(plan.review_meeting):
            counts["review_meetings"] += 1
        _count_decision(plan, counts, in_year)
    return ReviewMeasures(year=year, **counts)
