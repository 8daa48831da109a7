"""Annual-review measures from a council's own case file, as DfE publishes them.

DfE's *Education, health and care plans* release (``annual_reviews.csv``,
from calendar year 2024) counts, for one calendar year and the SEN2 census
that follows it: the plans maintained, the reviews expected in the year, the
review meetings held, the decisions after them (by year, not yet due,
outstanding), the decisions notified within 4 weeks of the meeting, and the
outcomes. DfE's file gives column names, not full definitions, so each
measure here says how it is computed from `PlanRecord` dates and how sure
that is:

* ``[P]`` straight from the law (Children and Families Act 2014 s44(1), the
  12-month limit; SEND Regulations 2014 reg 20(10), the 4 weeks);
* ``[INFERRED]`` worked out from DfE's column names and England's totals
  (2024: ``review_expected`` 524,654 + ``review_not_expected`` 114,091 =
  ``total_ehc_plans`` 638,745; ``total_review_meeting`` 453,761 =
  ``outcome_amend`` + ``outcome_cease`` + ``outcome_maintan`` + ``no_outcome``;
  ``number_decsion_4weeks`` + ``number_decision_gt_4weeks`` = 348,759, the
  decisions made in 2025 before the census, in 2024 and before, give or
  take 3);
* ``[U]`` a convention DfE does not state (day 28 after the meeting counts
  as within 4 weeks; the census as the third Thursday of January).

One record holds one review cycle (SEN2's latest ``ReviewMeeting`` and its
decision), so a plan reviewed twice counts once, as in SEN2.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from types import MappingProxyType
from typing import Any, Final

import attrs

from ..dates import as_date, as_int
from ..rules import due_date
from ._worklist import PlanRecord

__all__ = [
    "REVIEW_DEFINITIONS",
    "ReviewMeasures",
    "census_day",
    "review_measures",
]

_DECISION_DAYS: Final = 28  # 4 weeks from the meeting (reg 20(10))
_THURSDAY: Final = 3
_THIRD_WEEK: Final = 14

#: Each measure: (definition, confidence tag). DfE's column in brackets.
REVIEW_DEFINITIONS: Final = MappingProxyType(
    {
        "plans": (
            (
                "plans maintained on the census day: made on or before it and not "
                "ceased by it (total_ehc_plans)"
            ),
            "[INFERRED]",
        ),
        "reviews_expected": (
            (
                "of those, plans made before 1 January of the year, so that a "
                "12-month limit falls in the year or before (review_expected)"
            ),
            "[INFERRED]",
        ),
        "review_meetings": (
            (
                "of reviews expected, those with a review meeting held on or before "
                "the census day, whatever its year (total_review_meeting)"
            ),
            "[INFERRED]",
        ),
        "review_decisions": (
            (
                "of those meetings, those whose decision was notified on or after the "
                "meeting and on or before the census day (review_decision25 + 24 + "
                "prior24)"
            ),
            "[INFERRED]",
        ),
        "decisions_not_due": (
            (
                "meetings with no decision whose 4 weeks had not passed on the "
                "census day (review_decision_not_due)"
            ),
            "[INFERRED]",
        ),
        "decisions_outstanding": (
            (
                "meetings with no decision and the 4 weeks passed "
                "(review_decision_outstanding)"
            ),
            "[INFERRED]",
        ),
        "decisions_within_4_weeks": (
            (
                "decisions notified within 4 weeks of their meeting (reg 20(10)); "
                "day 28 counts as within, a convention DfE does not state "
                "(number_decsion_4weeks)"
            ),
            "[P] limit, [U] day 28",
        ),
        "decisions_over_4_weeks": (
            "decisions notified later (number_decision_gt_4weeks)",
            "[P] limit, [U] day 28",
        ),
        "outcome_amend": (
            "meetings whose decision was to amend the plan (outcome_amend)",
            "[INFERRED]",
        ),
        "outcome_no_amend": (
            (
                "meetings whose decision was to maintain or cease the plan "
                "(outcome_maintan + outcome_cease; sendkit does not tell them apart)"
            ),
            "[INFERRED]",
        ),
        "no_outcome": (
            "meetings with no decision, or no outcome recorded (no_outcome)",
            "[INFERRED]",
        ),
        "reviews_overdue": (
            (
                "plans maintained on 31 December whose 12-month limit (s44(1), from "
                "the plan's date or the last concluded review) had passed by then; "
                "DfE does not publish this"
            ),
            "[P]",
        ),
    }
)


def census_day(year: int) -> dt.date:
    """The SEN2 census after calendar *year*: the third Thursday of January.

    DfE names a Thursday in mid-January each year (16 January 2025, 15 January
    2026, 21 January 2027: each the third Thursday); the rule is sendkit's
    reading of those dates [U]; give the return's reference date instead when
    known.

    Examples:
        >>> census_day(2024), census_day(2025), census_day(2026)
        (datetime.date(2025, 1, 16), datetime.date(2026, 1, 15), datetime.date(2027, 1, 21))
    """
    first = dt.date(as_int(year, "year") + 1, 1, 1)
    return first + dt.timedelta(days=(_THURSDAY - first.weekday()) % 7 + _THIRD_WEEK)


@attrs.frozen(kw_only=True)
class ReviewMeasures:
    """Counts for one calendar year and census day; see `REVIEW_DEFINITIONS`.

    ``meetings_by_year`` and ``decisions_by_year`` split the meetings and
    decisions as DfE does: ``"before"`` the year, ``"in"`` it and ``"after"``
    it (up to the census).
    """

    year: int
    census: dt.date
    plans: int
    reviews_expected: int
    review_meetings: int
    review_decisions: int
    decisions_not_due: int
    decisions_outstanding: int
    decisions_within_4_weeks: int
    decisions_over_4_weeks: int
    outcome_amend: int
    outcome_no_amend: int
    no_outcome: int
    reviews_overdue: int
    meetings_by_year: dict[str, int] = attrs.field(factory=dict)
    decisions_by_year: dict[str, int] = attrs.field(factory=dict)

    @property
    def percent_within_4_weeks(self) -> float | None:
        """Decisions within 4 weeks as a percentage of decisions, 1 decimal."""
        if not self.review_decisions:
            return None
        return round(100 * self.decisions_within_4_weeks / self.review_decisions, 1)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready values, with each definition and its confidence."""
        values = attrs.asdict(self)
        values["census"] = self.census.isoformat()
        return {
            **values,
            "percent_within_4_weeks": self.percent_within_4_weeks,
            "definitions": {
                key: {"definition": text, "confidence": tag}
                for key, (text, tag) in REVIEW_DEFINITIONS.items()
            },
        }


def _period(day: dt.date, year: int) -> str:
    return "before" if day.year < year else ("in" if day.year == year else "after")


def _decision(plan: PlanRecord, meeting: dt.date, census: dt.date) -> dt.date | None:
    """The decision after *meeting*: ``review_decision``, else SEN2's ``LastReview``."""
    for day in (plan.review_decision, plan.last_review):
        if day is not None and meeting <= day <= census:
            return day
    return None


def _active(plan: PlanRecord, day: dt.date) -> bool:
    made = plan.plan_issued
    return (
        made is not None and made <= day and (plan.ceased is None or plan.ceased > day)
    )


def _overdue(plan: PlanRecord, end: dt.date) -> bool:
    made = plan.plan_issued
    if made is None:  # pragma: no cover - only called on active plans
        return False
    concluded = [made]
    if plan.last_review is not None and plan.last_review <= end:
        concluded.append(plan.last_review)
    if plan.review_meeting is not None and plan.review_meeting <= end:
        decision = _decision(plan, plan.review_meeting, end)
        if decision is not None:
            concluded.append(decision)
    return due_date("ehc.review.annual", max(concluded)) < end


def review_measures(
    plans: Iterable[PlanRecord], *, year: int, census: dt.date | None = None
) -> ReviewMeasures:
    """Compute the annual-review measures for calendar *year* from plan records.

    Args:
        plans: The plans (a plan without its date is not counted).
        year: The calendar year DfE's figures are for.
        census: The SEN2 census day after it (the return's reference date);
            `census_day` by default.

    Examples:
        >>> import datetime as dt
        >>> plans = [
        ...     PlanRecord(case_id="P1", plan_issued=dt.date(2023, 3, 15),
        ...                review_meeting=dt.date(2024, 3, 1),
        ...                last_review=dt.date(2024, 3, 20),
        ...                decided_to_amend=True),
        ...     PlanRecord(case_id="P2", plan_issued=dt.date(2023, 1, 10)),
        ... ]
        >>> m = review_measures(plans, year=2024)
        >>> m.plans, m.reviews_expected, m.decisions_within_4_weeks, m.reviews_overdue
        (2, 2, 1, 1)
    """
    year = as_int(year, "year")
    census = census_day(year) if census is None else as_date(census, "census")
    first, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    counts = dict.fromkeys(
        (
            "plans",
            "reviews_expected",
            "review_meetings",
            "review_decisions",
            "decisions_not_due",
            "decisions_outstanding",
            "decisions_within_4_weeks",
            "decisions_over_4_weeks",
            "outcome_amend",
            "outcome_no_amend",
            "no_outcome",
            "reviews_overdue",
        ),
        0,
    )
    meetings = dict.fromkeys(("before", "in", "after"), 0)
    decisions = dict.fromkeys(("before", "in", "after"), 0)
    for plan in plans:
        if _active(plan, end) and _overdue(plan, end):
            counts["reviews_overdue"] += 1
        if not _active(plan, census):
            continue
        counts["plans"] += 1
        made = plan.plan_issued
        if made is None or made >= first:
            continue
        counts["reviews_expected"] += 1
        meeting = plan.review_meeting
        if meeting is None or meeting > census:
            continue
        counts["review_meetings"] += 1
        meetings[_period(meeting, year)] += 1
        decision = _decision(plan, meeting, census)
        if decision is None:
            late = (census - meeting).days > _DECISION_DAYS
            counts["decisions_outstanding" if late else "decisions_not_due"] += 1
            counts["no_outcome"] += 1
            continue
        counts["review_decisions"] += 1
        decisions[_period(decision, year)] += 1
        in_time = (decision - meeting).days <= _DECISION_DAYS
        counts["decisions_within_4_weeks" if in_time else "decisions_over_4_weeks"] += 1
        if plan.decided_to_amend is None:
            counts["no_outcome"] += 1
        else:
            counts[
                "outcome_amend" if plan.decided_to_amend else "outcome_no_amend"
            ] += 1
    return ReviewMeasures(
        year=year,
        census=census,
        meetings_by_year=meetings,
        decisions_by_year=decisions,
        **counts,
    )
