"""Calendar arithmetic at the end of Python's dates is a sendkit error."""

from __future__ import annotations

import datetime as dt

import pytest

from sendkit import OutsideCalendarError, deadline, due_date


@pytest.mark.parametrize(
    "code", ["ehc.final-plan", "ehc.review.annual", "tribunal.appeal"]
)
def test_overflow_is_outside_calendar(code):
    """A due date past 9999-12-31 raises OutsideCalendarError, not OverflowError."""
    with pytest.raises(OutsideCalendarError, match="years 1 to 9999"):
        deadline(code, dt.date(9999, 11, 18))
    with pytest.raises(OutsideCalendarError, match="years 1 to 9999"):
        due_date(code, dt.date(9999, 11, 18))
