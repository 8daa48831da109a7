"""Properties of timeline step statuses and of the end-day switch, over random cases."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from sendkit.ehc import EhcCase, StepStatus, case_timeline, timeliness
from sendkit.ehc.strategies import caseloads, durations, ehc_cases

from .strategies import days_2023_2024, ehc_era_days

D = dt.date

#: The "within N weeks" steps and the case field that records each one happening.
#: (The parent's window on the draft is a minimum, not a limit; it has its own tests.)
EVENT_OF = {
    "ehc.decision-to-assess": "request_outcome_date",
    "ehc.advice": "advice_received",
    "ehc.decision-not-to-issue": "assessment_outcome_date",
    "ehc.final-plan": "plan_issued",
}

as_of_dates = ehc_era_days
#: Days from the request to as_of: most land while the case is live, where
#: every status occurs.
as_of_offsets = st.integers(min_value=-7, max_value=420)
soon = st.integers(min_value=0, max_value=60)


@given(ehc_cases(), as_of_offsets, st.booleans(), soon)
def test_step_status_follows_from_event_due_and_as_of(
    case, offset, inclusive, soon_days
):
    """met iff done by the due day; missed, overdue and due-in counts are day differences."""
    check_statuses(
        case, case.received + dt.timedelta(days=offset), inclusive, soon_days
    )


@st.composite
def cases_at_the_edge(draw: st.DrawFn) -> tuple[EhcCase, dt.date]:
    """A case whose events fall within 2 days of their limits, and an as_of near one.

    Drawing as_of within 3 days of a step's limit makes "due today", "overdue
    by 1 day" and "met on the last day" common rather than rare.
    """
    received = draw(st.dates(D(2015, 1, 1), D(2029, 12, 31)))

    def near(start: dt.date, limit: int) -> dt.date:
        return start + dt.timedelta(days=limit + draw(st.integers(-2, 2)))

    asked = received + dt.timedelta(days=draw(st.integers(0, 30)))
    if draw(st.booleans()):  # the plan path
        case = EhcCase(
            case_id="E1",
            received=received,
            request_outcome_date=near(received, 42),
            decided_to_assess=True,
            advice_requested=asked,
            advice_received=near(asked, 42),
            decided_to_issue=True,
            plan_issued=near(received, 140),
            week20=False,
        )
        limits = [(received, 42), (asked, 42), (received, 140)]
    else:  # the decision-not-to-issue path
        case = EhcCase(
            case_id="E2",
            received=received,
            request_outcome_date=near(received, 42),
            decided_to_assess=True,
            assessment_outcome_date=near(received, 112),
            decided_to_issue=False,
            week20=False,
        )
        limits = [(received, 42), (received, 112)]
    start, limit = draw(st.sampled_from(limits))
    as_of = start + dt.timedelta(days=limit + draw(st.integers(-3, 3)))
    return case, as_of


@given(cases_at_the_edge(), st.booleans(), soon)
def test_step_status_on_the_due_day_and_either_side(edge, inclusive, soon_days):
    """The same rules where they are easiest to get wrong: a day either side of due."""
    case, as_of = edge
    check_statuses(case, as_of, inclusive, soon_days)


def check_statuses(
    case: EhcCase, as_of: dt.date, inclusive: bool, soon_days: int
) -> None:
    """Assert each "within N weeks" step's status from first principles."""
    timeline = case_timeline(
        case, as_of=as_of, boundary_inclusive=inclusive, soon_days=soon_days
    )
    for step in timeline.steps:
        field = EVENT_OF.get(step.code)
        if field is None or step.due is None:
            continue
        event = getattr(case, field)
        if event is not None and event > as_of:
            event = None  # not yet happened on as_of
        if event is not None:
            assert step.done == event
            assert (step.status is StepStatus.MET) == (event <= step.due)
            if step.status is StepStatus.MISSED:
                assert step.days == (event - step.due).days > 0
                assert step.status_text == (
                    f"missed by {step.days} day{'s' if step.days != 1 else ''}"
                )
            else:
                assert step.status is StepStatus.MET
            continue
        assert step.done is None
        if step.status is StepStatus.NOT_RECORDED:
            continue  # a later step is recorded, so this one's date is missing
        assert (step.status is StepStatus.OVERDUE) == (as_of > step.due)
        if step.status is StepStatus.OVERDUE:
            assert step.days == (as_of - step.due).days > 0
        else:
            assert step.status in {StepStatus.DUE_SOON, StepStatus.NOT_YET_DUE}
            assert step.days == (step.due - as_of).days >= 0
            assert (step.status is StepStatus.DUE_SOON) == (step.days <= soon_days)
            expected = (
                "due today"
                if step.days == 0
                else f"due in {step.days} day{'s' if step.days != 1 else ''}"
            )
            assert step.status_text == expected


@given(ehc_cases(), as_of_dates)
def test_day_140_late_moves_every_due_day_back_by_exactly_one(case, as_of):
    """With boundary_inclusive=False the last day in time is the day before."""
    inclusive = case_timeline(case, as_of=as_of).steps
    exclusive = case_timeline(case, as_of=as_of, boundary_inclusive=False).steps
    for wide, narrow in zip(inclusive, exclusive, strict=True):
        if wide.code in EVENT_OF and wide.due is not None:
            assert narrow.due == wide.due - dt.timedelta(days=1)
        else:
            assert narrow.due == wide.due


@given(days_2023_2024, durations())
def test_the_last_in_time_day_of_the_measure(received, days):
    """One plan: in time up to day 140 by default, up to day 139 with the switch."""
    issued = received + dt.timedelta(days=days)
    case = EhcCase(case_id="R1", received=received, plan_issued=issued, week20=False)
    wide = timeliness([case], year=issued.year)
    narrow = timeliness([case], year=issued.year, boundary_inclusive=False)
    assert wide.within_20_weeks == (days <= 140)
    assert narrow.within_20_weeks == (days <= 139)
    assert wide.over_52_weeks == (days > 364)
    assert narrow.over_52_weeks == (days > 363)


@given(caseloads(max_size=40, received=days_2023_2024))
def test_the_switch_moves_exactly_the_day_140_plans(cases):
    """Across a caseload, the switch takes out exactly the plans issued on day 140."""
    for year in (2024, 2025):
        wide = timeliness(cases, year=year)
        narrow = timeliness(cases, year=year, boundary_inclusive=False)
        issued = [c for c in cases if c.plan_issued and c.plan_issued.year == year]
        on_140 = sum((c.plan_issued - c.received).days == 140 for c in issued)
        on_364 = sum((c.plan_issued - c.received).days == 364 for c in issued)
        assert wide.issued == narrow.issued == len(issued)
        assert wide.within_20_weeks - narrow.within_20_weeks == on_140
        assert narrow.over_52_weeks - wide.over_52_weeks == on_364
        ex_140 = sum(
            (c.plan_issued - c.received).days == 140 and not c.excepted for c in issued
        )
        assert (
            wide.within_20_weeks_excluding_exceptions
            - narrow.within_20_weeks_excluding_exceptions
            == ex_140
        )
