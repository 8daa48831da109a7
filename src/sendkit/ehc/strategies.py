"""Hypothesis strategies for EHC cases and caseloads, for your own tests.

Install the test extra first: ``pip install sendkit-england[test]`` (Hypothesis is not
a runtime dependency; only this module imports it).

Durations lean towards the edges that matter: day 0, the 6-, 16- and 20-week
limits (days 42, 112, 140) and 52 weeks (day 364), each with its neighbours.
Every generated case is valid (no date before the request was received, no
exception reasons with ``week20=False``) and consistent: the SEN2 dates run in
order (``ReceivedDate`` <= ``RequestOutcomeDate`` <= ``AssessmentOutcomeDate``
<= ``StartDate``), advice is received after it is requested, a draft plan is
served before the final plan, and no plan, draft or later step follows a
decision not to assess or not to issue.
So `case_queries` finds nothing in a generated case except, on purpose, a
blank ``Week20`` on an issued plan (``week20=None`` is drawn, to exercise
the "Week20 not recorded" count).
Case ids are opaque (``R`` and digits); nothing personal is ever generated.

For example:

```python
from hypothesis import given
from sendkit.ehc import timeliness
from sendkit.ehc.strategies import caseloads

@given(caseloads(max_size=30))
def test_never_more_in_time_than_issued(cases):
    result = timeliness(cases, year=2024)
    assert result.within_20_weeks <= result.issued
```
"""

from __future__ import annotations

import datetime as dt
from typing import Final

try:
    from hypothesis import strategies as st
except ImportError as error:  # pragma: no cover - exercised in a subprocess test
    msg = (
        "sendkit.ehc.strategies needs Hypothesis, a test-only dependency: "
        "install the test extra with pip install 'sendkit-england[test]'"
    )
    raise ImportError(msg, name=error.name) from error

from ._model import CaseException, EhcCase, ExceptionReason

__all__ = ["EDGE_DAYS", "case_ids", "caseloads", "durations", "ehc_cases"]

#: Day counts at and either side of each statutory limit.
EDGE_DAYS: Final = (0, 1, 41, 42, 43, 111, 112, 113, 139, 140, 141, 363, 364, 365)

_FIRST: Final = dt.date(2014, 9, 1)  # EHC plans began on 1 September 2014
_LAST: Final = dt.date(2030, 12, 31)


def durations(max_days: int = 700) -> st.SearchStrategy[int]:
    """Day counts from 0 to *max_days*, biased to the statutory edges."""
    return st.one_of(
        st.sampled_from([day for day in EDGE_DAYS if day <= max_days]),
        st.integers(min_value=0, max_value=max_days),
    )


def case_ids() -> st.SearchStrategy[str]:
    """Opaque case ids such as ``R17``."""
    return st.integers(min_value=1, max_value=10**7).map(lambda n: f"R{n}")


def _maybe_between(draw: st.DrawFn, low: int, high: int) -> int | None:
    """None, or a day count from *low* to *high*, biased to the statutory edges."""
    edges = [day for day in EDGE_DAYS if low <= day <= high]
    whole = st.integers(min_value=low, max_value=max(low, high))
    return draw(st.none() | (st.sampled_from(edges) | whole if edges else whole))


def _day(start: dt.date, days: int | None) -> dt.date | None:
    return None if days is None else start + dt.timedelta(days=days)


@st.composite
def ehc_cases(
    draw: st.DrawFn,
    *,
    case_id: st.SearchStrategy[str] | None = None,
    received: st.SearchStrategy[dt.date] | None = None,
    issued: bool | None = None,
) -> EhcCase:
    """Draw one valid `EhcCase`.

    Args:
        draw: Supplied by Hypothesis.
        case_id: Ids to draw from; `case_ids` by default.
        received: Received dates to draw from; 1 September 2014 to 2030 by default.
        issued: ``True`` to always have a final plan, ``False`` never,
            ``None`` either.
    """
    received_on = draw(
        st.dates(min_value=_FIRST, max_value=_LAST) if received is None else received
    )
    # The plan is drawn first, so that its duration leans to the edges that the
    # measure tests; the earlier steps are then fitted in before it.
    if issued is None:
        plan_days = draw(st.none() | durations())
    elif issued:
        plan_days = draw(durations())
    else:
        plan_days = None
    end = 700 if plan_days is None else plan_days
    decided_to_assess = draw(
        st.sampled_from([None, True] if plan_days is not None else [None, True, False])
    )
    outcome_days = _maybe_between(draw, 0, min(120, end))
    after_outcome = outcome_days or 0
    if decided_to_assess is False:
        asked = advised = assessed = draft_days = None
        decided_to_issue = None
    else:
        asked = _maybe_between(draw, after_outcome, min(120, end))
        advised = None if asked is None else _maybe_between(draw, asked, asked + 120)
        assessed = _maybe_between(draw, after_outcome, min(300, end))
        decided_to_issue = (
            True if plan_days is not None else draw(st.sampled_from([None, False]))
        )
        draft_days = (
            None
            if decided_to_issue is False
            else _maybe_between(draw, 0, min(300, end))
        )
    week20 = draw(st.sampled_from([None, True, False]))
    reasons = (
        ()
        if week20 is False
        else draw(st.lists(st.sampled_from(ExceptionReason), max_size=2, unique=True))
    )
    return EhcCase(
        case_id=draw(case_ids() if case_id is None else case_id),
        received=received_on,
        request_outcome_date=_day(received_on, outcome_days),
        decided_to_assess=decided_to_assess,
        advice_requested=_day(received_on, asked),
        advice_received=_day(received_on, advised),
        assessment_outcome_date=_day(received_on, assessed),
        decided_to_issue=decided_to_issue,
        draft_issued=_day(received_on, draft_days),
        plan_issued=_day(received_on, plan_days),
        week20=week20,
        exceptions=tuple(CaseException(reason=reason) for reason in reasons),
    )


def caseloads(
    *,
    min_size: int = 0,
    max_size: int = 50,
    received: st.SearchStrategy[dt.date] | None = None,
) -> st.SearchStrategy[list[EhcCase]]:
    """Lists of cases with distinct ids.

    Args:
        min_size: The fewest cases.
        max_size: The most cases.
        received: Received dates to draw from (say, two years before the
            year you measure, so that plans fall in it).
    """
    return st.lists(
        ehc_cases(received=received),
        min_size=min_size,
        max_size=max_size,
        unique_by=lambda case: case.case_id,
    )
