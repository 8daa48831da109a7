"""sendkit.dfe.reviews: annual-review decisions within 4 weeks of the meeting."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sendkit.dfe.reviews import FOUR_WEEKS, review_decisions
from sendkit.errors import InvalidInputError

MEETINGS = st.dates(min_value=dt.date(2023, 1, 1), max_value=dt.date(2025, 12, 31))
REVIEWS = st.lists(
    st.tuples(MEETINGS, st.one_of(st.none(), st.integers(min_value=0, max_value=120))),
    max_size=40,
)


def _dated(reviews):
    return [(m, None if d is None else m + dt.timedelta(days=d)) for m, d in reviews]


def test_day_28_is_within_and_day_29_is_not():
    meeting = dt.date(2024, 5, 1)
    result = review_decisions(
        [
            (meeting, meeting + dt.timedelta(days=28)),
            (meeting, meeting + dt.timedelta(days=29)),
        ],
        year=2024,
    )
    assert (result.within_4_weeks, result.over_4_weeks) == (1, 1)


@given(REVIEWS)
def test_counts_partition_the_meetings_of_the_year(reviews):
    result = review_decisions(_dated(reviews), year=2024)
    in_year = [r for r in reviews if r[0].year == 2024]
    assert result.meetings == len(in_year)
    assert (
        result.within_4_weeks + result.over_4_weeks + result.outstanding
        == result.meetings
    )
    assert result.within_4_weeks == sum(
        1 for _, d in in_year if d is not None and d <= FOUR_WEEKS
    )


@given(REVIEWS)
def test_rate_is_between_0_and_100_or_none(reviews):
    rate = review_decisions(_dated(reviews), year=2024).percent_within_4_weeks
    assert rate is None or 0 <= rate <= 100


@given(REVIEWS, st.integers(min_value=1, max_value=30))
def test_a_later_decision_never_raises_the_count_within(reviews, delay):
    before = review_decisions(_dated(reviews), year=2024).within_4_weeks
    later = [(m, None if d is None else d + delay) for m, d in reviews]
    assert review_decisions(_dated(later), year=2024).within_4_weeks <= before


def test_a_decision_before_its_meeting_is_refused_without_its_dates():
    with pytest.raises(InvalidInputError, match="review 1") as caught:
        review_decisions([(dt.date(2024, 5, 1), dt.date(2024, 4, 1))], year=2024)
    assert "2024" not in str(caught.value)
