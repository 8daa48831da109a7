"""Property tests for the engine's clear-days and beginning-with counting conventions."""

from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from sendkit import calendar_for
from sendkit.rules import RULES, Confidence, Counting, Uncounted, deadline, due_date

DAYS = st.dates(dt.date(2015, 1, 1), dt.date(2026, 6, 30))
ONE = dt.timedelta(days=1)


def _next_period_start(start: dt.date, months: int) -> dt.date:
    following = start + relativedelta(months=months)
    return following + ONE if following.day != start.day else following


@given(DAYS)
def test_annual_review_ends_the_day_before_the_next_period(start: dt.date) -> None:
    due = due_date("ehc.review.annual", start)
    assert due + ONE == _next_period_start(start, 12)
    assert 364 <= (due - start).days <= 365


@given(DAYS)
def test_twelve_months_starting_with_a_day_is_a_day_shorter_than_from_it(
    start: dt.date,
) -> None:
    from_it = start + relativedelta(months=12)
    assert due_date("ehc.review.annual", start) in {from_it - ONE, from_it}


@given(st.dates(dt.date(2015, 1, 20), dt.date(2026, 12, 31)))
def test_clear_day_notice_is_15_days_before(meeting: dt.date) -> None:
    assert due_date("ehc.review.meeting-notice", meeting) == meeting - 15 * ONE
    assert due_date("ehc.review.advice-circulated", meeting) == meeting - 15 * ONE


def _closed(day: dt.date) -> bool:
    return (
        day.month == 8
        or (day.month, day.day) >= (12, 25)
        or (
            day.month,
            day.day,
        )
        == (1, 1)
    )


@given(st.dates(dt.date(2016, 1, 1), dt.date(2026, 6, 30)))
def test_tribunal_response_counts_30_open_working_days(start: dt.date) -> None:
    due = due_date("tribunal.response", start)
    calendar = calendar_for()
    assert not _closed(due)
    assert calendar.is_working_day(due)
    counted = 0
    day = start
    while day < due:
        day += ONE
        if not _closed(day) and calendar.is_working_day(day):
            counted += 1
    assert counted == 30


def test_uncounted_and_clear_day_rules_are_flagged() -> None:
    assert RULES["tribunal.response"].uncounted is Uncounted.TRIBUNAL_CLOSED
    for code in ("ehc.review.meeting-notice", "ehc.review.advice-circulated"):
        rule = RULES[code]
        assert rule.counting is Counting.CLEAR_DAYS
        assert not rule.confirmed
        assert "unsettled" in rule.note


def test_unconfirmed_order_limbs_are_configurable() -> None:
    book = RULES.with_period("tribunal.order.name-school", "3 weeks")
    start = dt.date(2025, 6, 2)
    assert deadline("tribunal.order.name-school", start, rules=book).due == (
        dt.date(2025, 6, 23)
    )
    assert RULES["tribunal.order.name-school"].confidence is Confidence.UNCONFIRMED


def test_trail_explains_the_clear_days_and_the_uncounted_days() -> None:
    notice = deadline("ehc.review.meeting-notice", dt.date(2025, 6, 18))
    assert any("clear" in line for line in notice.trail)
    response = deadline("tribunal.response", dt.date(2025, 7, 15))
    assert any("12(3)(b)" in line for line in response.trail)
