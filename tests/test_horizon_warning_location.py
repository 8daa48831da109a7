"""A HolidayHorizonWarning names the caller's own line, not a line inside sendkit.

Python prints a warning with the file and line that ``stacklevel`` picks
(https://docs.python.org/3/library/warnings.html#warnings.warn). An officer's
script or notebook that asks for a date past the announced bank holidays
should be told which of its own lines did so, however many sendkit functions
lie between.
"""

from __future__ import annotations

import datetime as dt
import inspect
import warnings
from collections.abc import Callable
from typing import Any

import pytest

import sendkit
from sendkit import HolidayHorizonWarning, WorkingCalendar
from sendkit.calendars import ANNOUNCED_THROUGH
from sendkit.inspections import Framework, Inspection, Outcome, follow_up

LATE = ANNOUNCED_THROUGH - dt.timedelta(days=3)  # a few days before the horizon
PAST = ANNOUNCED_THROUGH + dt.timedelta(days=10)


def _warned_from(call: Callable[[], Any]) -> list[str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        call()
    return [w.filename for w in caught if w.category is HolidayHorizonWarning]


CALLS: dict[str, Callable[[], Any]] = {
    "WorkingCalendar.add_working_days": lambda: WorkingCalendar().add_working_days(
        LATE, 5
    ),
    "add_working_days": lambda: sendkit.add_working_days(
        LATE, 5, region="england-and-wales"
    ),
    "count_working_days": lambda: sendkit.count_working_days(
        LATE, PAST, region="england-and-wales"
    ),
    "add_working_days_many, working-day starts": lambda: (
        WorkingCalendar().add_working_days_many([LATE, LATE], 5)
    ),
    "add_working_days_many, a start on a bank holiday": lambda: (
        WorkingCalendar().add_working_days_many([dt.date(2028, 12, 25)], 5)
    ),
    "add_working_days_many, counting back from past the horizon": lambda: (
        WorkingCalendar().add_working_days_many([PAST], [-20])
    ),
    "deadline": lambda: sendkit.deadline("area-send.pap.submit", LATE),
    "follow_up": lambda: follow_up(
        Inspection(
            local_area="Rutland",
            framework=Framework.AREA_SEND_2023,
            outcome=Outcome.SYSTEMIC,
            published=LATE,
        )
    ),
}


@pytest.mark.parametrize("name", CALLS)
def test_horizon_warning_names_the_callers_file(name: str) -> None:
    """The warning's file is this test file for every public way in."""
    files = _warned_from(CALLS[name])
    assert files, f"{name} gave no HolidayHorizonWarning"
    assert set(files) == {__file__}


def test_horizon_warning_names_the_line_that_asked() -> None:
    """The line number is the caller's line, so a notebook cell shows it."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        line = _line_of_next_statement()
        sendkit.add_working_days(LATE, 5, region="england-and-wales")
    assert [w.lineno for w in caught] == [line + 1]


def _line_of_next_statement() -> int:
    frame = inspect.currentframe()
    assert frame is not None
    assert frame.f_back is not None
    return frame.f_back.f_lineno
