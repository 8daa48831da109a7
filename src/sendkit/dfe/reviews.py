"""DfE's annual-review measure, computed from a council's own review dates.

DfE publishes (``annual_reviews.csv``, from 2024) the annual-review decisions
notified within 4 weeks of the review meeting (``number_decsion_4weeks``),
those notified later (``number_decision_gt_4weeks``) and the share within
(``pc_decsion_4weeks``). The SEND Regulations 2014, reg 20(10), give the
council 4 weeks from the meeting to notify its decision
(https://www.legislation.gov.uk/uksi/2014/1530/regulation/20/made).

Conventions, each unconfirmed [U] (DfE's file does not say):

* the meeting day is day 0 and a decision on day 28 is within 4 weeks;
* a review belongs to the calendar year of its meeting;
* a review with a meeting but no decision yet is counted as outstanding,
  outside both counts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, Final

import attrs

from ..dates import as_date
from ..errors import InvalidInputError

__all__ = ["FOUR_WEEKS", "ReviewDecisions", "review_decisions"]

#: Four weeks in days (reg 20(10)).
FOUR_WEEKS: Final = 28


@attrs.frozen(kw_only=True)
class ReviewDecisions:
    """Annual-review decisions for one calendar year, as DfE counts them.

    Attributes:
        year: The calendar year of the review meetings.
        meetings: Review meetings held in the year.
        within_4_weeks: Decisions notified within 4 weeks of the meeting.
        over_4_weeks: Decisions notified later.
        outstanding: Meetings with no decision recorded.
    """

    year: int
    meetings: int
    within_4_weeks: int
    over_4_weeks: int
    outstanding: int

    @property
    def percent_within_4_weeks(self) -> float | None:
        """Within 4 weeks as a percentage of decisions made; ``None`` if none."""
        made = self.within_4_weeks + self.over_4_weeks
        return None if made == 0 else 100.0 * self.within_4_weeks / made

    def to_dict(self) -> dict[str, Any]:
        """Return the counts and the rate (1 decimal place) as JSON-ready values."""
        rate = self.percent_within_4_weeks
        return {
            **attrs.asdict(self),
            "percent_within_4_weeks": None if rate is None else round(rate, 1),
        }


def review_decisions(
    reviews: Iterable[tuple[dt.date, dt.date | None]], *, year: int
) -> ReviewDecisions:
    """Count annual-review decisions within 4 weeks of the meeting.

    Args:
        reviews: (meeting date, decision date or ``None``) per review.
        year: The calendar year of the meetings to count.

    Raises:
        InvalidInputError: A decision is dated before its meeting.
        InvalidTypeError: A date is not a date.

    Examples:
        >>> import datetime as dt
        >>> meeting = dt.date(2024, 3, 1)
        >>> result = review_decisions(
        ...     [(meeting, dt.date(2024, 3, 29)), (meeting, dt.date(2024, 3, 30)),
        ...      (meeting, None), (dt.date(2023, 12, 1), dt.date(2024, 1, 2))],
        ...     year=2024)
        >>> result.within_4_weeks, result.over_4_weeks, result.outstanding
        (1, 1, 1)
        >>> result.percent_within_4_weeks
        50.0
    """
    meetings = within = over = outstanding = 0
    for number, (meeting_value, decision_value) in enumerate(reviews, start=1):
        meeting = as_date(meeting_value, "meeting")
        if meeting.year != year:
            continue
        meetings += 1
        if decision_value is None:
            outstanding += 1
            continue
        decision = as_date(decision_value, "decision")
        days = (decision - meeting).days
        if days < 0:
            msg = f"review {number}: the decision is dated before the meeting"
            raise InvalidInputError(msg)
        if days <= FOUR_WEEKS:
            within += 1
        else:
            over += 1
    return ReviewDecisions(
        year=year,
        meetings=meetings,
        within_4_weeks=within,
        over_4_weeks=over,
        outstanding=outstanding,
    )
