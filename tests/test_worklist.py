"""The team worklist: every open step across requests and existing plans."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sendkit.ehc import (
    ItemStatus,
    OrderKind,
    PlanRecord,
    StepStatus,
    case_timeline,
    open_steps,
    phase_transfer_year,
    review_measures,
    worklist,
)
from sendkit.ehc._model import EhcCase
from sendkit.ehc.strategies import caseloads
from sendkit.errors import InvalidInputError
from sendkit.rules import RULES, Direction

AS_OF = dt.date(2025, 6, 2)


def _rules(plan: PlanRecord, as_of: dt.date = AS_OF) -> dict[str, dt.date]:
    return {item.rule: item.due for item in worklist(plans=[plan], as_of=as_of).items}


# -- the bug: steps before their clock started ------------------------------------


def test_a_request_received_after_as_of_has_only_waiting_steps() -> None:
    case = EhcCase(case_id="R1", received=dt.date(2024, 7, 1))
    timeline = case_timeline(case, as_of=dt.date(2024, 6, 1))
    assert {step.status for step in timeline.steps} == {StepStatus.WAITING}
    assert open_steps([case], as_of=dt.date(2024, 6, 1)) == ()


def test_a_request_received_on_as_of_is_listed() -> None:
    case = EhcCase(case_id="R1", received=dt.date(2024, 6, 1))
    assert open_steps([case], as_of=dt.date(2024, 6, 1))


# -- annual reviews -----------------------------------------------------------------


def test_annual_review_is_due_the_day_before_the_anniversary() -> None:
    plan = PlanRecord(case_id="P1", plan_issued=dt.date(2024, 3, 15))
    assert _rules(plan)["ehc.review.annual"] == dt.date(2025, 3, 14)


def test_annual_review_counts_from_the_last_review() -> None:
    plan = PlanRecord(
        case_id="P1",
        plan_issued=dt.date(2022, 5, 1),
        last_review=dt.date(2025, 1, 20),
    )
    assert _rules(plan)["ehc.review.annual"] == dt.date(2026, 1, 19)


def test_a_review_after_as_of_is_not_used() -> None:
    plan = PlanRecord(
        case_id="P1",
        plan_issued=dt.date(2024, 3, 15),
        last_review=dt.date(2025, 7, 1),
    )
    assert _rules(plan)["ehc.review.annual"] == dt.date(2025, 3, 14)


def test_a_plan_made_after_as_of_lists_nothing() -> None:
    plan = PlanRecord(case_id="P1", plan_issued=dt.date(2025, 7, 1))
    assert _rules(plan) == {}


def test_review_meeting_notice_is_15_days_before_the_meeting() -> None:
    plan = PlanRecord(
        case_id="P1",
        plan_issued=dt.date(2024, 9, 1),
        review_meeting=dt.date(2025, 6, 18),
    )
    rules = _rules(plan)
    assert rules["ehc.review.meeting-notice"] == dt.date(2025, 6, 3)
    assert rules["ehc.review.advice-circulated"] == dt.date(2025, 6, 3)


def test_held_meeting_lists_the_decision_then_the_amended_plan() -> None:
    held = PlanRecord(
        case_id="P1",
        plan_issued=dt.date(2024, 9, 1),
        review_meeting=dt.date(2025, 5, 7),
    )
    assert _rules(held)["ehc.review.decision"] == dt.date(2025, 6, 4)
    decided = PlanRecord(
        case_id="P1",
        plan_issued=dt.date(2024, 9, 1),
        review_meeting=dt.date(2025, 5, 7),
        review_decision=dt.date(2025, 5, 20),
        decided_to_amend=True,
    )
    rules = _rules(decided)
    assert "ehc.review.decision" not in rules
    assert rules["ehc.review.amended-plan-from-meeting"] == dt.date(2025, 7, 30)


def test_under_5_adds_the_guidance_review() -> None:
    plan = PlanRecord(case_id="P1", plan_issued=dt.date(2025, 1, 15), under_5=True)
    assert _rules(plan)["ehc.review.under-5"] == dt.date(2025, 7, 14)


def test_review_date_before_the_plan_is_refused_without_the_value() -> None:
    with pytest.raises(InvalidInputError, match="last_review is before the plan"):
        PlanRecord(
            case_id="P1",
            plan_issued=dt.date(2024, 3, 15),
            last_review=dt.date(2023, 1, 1),
        )


# -- phase transfers, orders, moves ----------------------------------------------------


def test_phase_transfer_is_listed_within_12_months_of_the_transfer() -> None:
    plan = PlanRecord(case_id="P1", plan_issued=dt.date(2020, 1, 1), transfer_year=2026)
    assert "ehc.phase-transfer" not in _rules(plan, dt.date(2025, 8, 31))
    assert _rules(plan, dt.date(2025, 9, 1))["ehc.phase-transfer"] == dt.date(
        2026, 2, 14
    )
    post_16 = PlanRecord(
        case_id="P2",
        plan_issued=dt.date(2020, 1, 1),
        transfer_year=2026,
        transfer_post_16=True,
    )
    assert _rules(post_16, dt.date(2025, 10, 1))["ehc.phase-transfer.post-16"] == (
        dt.date(2026, 3, 30)
    )


def test_nc_year_gives_the_transfer_year() -> None:
    assert phase_transfer_year(6, dt.date(2025, 10, 1)) == (2026, False)
    assert phase_transfer_year(11, dt.date(2026, 3, 1)) == (2026, True)
    assert phase_transfer_year(4, dt.date(2026, 3, 1)) is None
    plan = PlanRecord(case_id="P1", plan_issued=dt.date(2020, 1, 1), nc_year=6)
    assert _rules(plan, dt.date(2025, 10, 1))["ehc.phase-transfer"] == dt.date(
        2026, 2, 14
    )


def test_an_order_to_make_a_plan_lists_draft_and_final() -> None:
    plan = PlanRecord(
        case_id="P1",
        order_date=dt.date(2025, 6, 2),
        order_kind=OrderKind.MAKE_PLAN,
    )
    rules = _rules(plan)
    assert rules == {
        "tribunal.order.make-plan.draft": dt.date(2025, 7, 7),
        "tribunal.order.make-plan.final": dt.date(2025, 8, 18),
    }
    complied = PlanRecord(
        case_id="P1",
        order_date=dt.date(2025, 6, 2),
        order_kind=OrderKind.MAKE_PLAN,
        order_complied=dt.date(2025, 6, 2),
    )
    assert _rules(complied) == {}


def test_a_plan_moved_in_lists_notice_and_review() -> None:
    plan = PlanRecord(
        case_id="P1",
        plan_issued=dt.date(2024, 9, 1),
        transfer_in=dt.date(2025, 3, 3),
    )
    rules = _rules(plan)
    assert rules["ehc.transfer.notify"] == dt.date(2025, 4, 14)
    assert rules["ehc.transfer.review"] == dt.date(2025, 8, 31)


def test_within_keeps_overdue_and_soon() -> None:
    plans = [
        PlanRecord(case_id="P1", plan_issued=dt.date(2024, 3, 15)),
        PlanRecord(case_id="P2", plan_issued=dt.date(2024, 12, 1)),
    ]
    work = worklist(plans=plans, as_of=AS_OF, within=30)
    assert [item.case for item in work.items] == ["P1"]
    assert work.by_status == {"overdue": 1, "due-soon": 0, "upcoming": 0}


# -- properties -------------------------------------------------------------------------------

_DAYS = st.dates(dt.date(2015, 1, 1), dt.date(2026, 6, 30))


@st.composite
def plan_records(draw: st.DrawFn, case_id: str) -> PlanRecord:
    made = draw(_DAYS)
    later = st.one_of(st.none(), st.dates(made, dt.date(2026, 12, 31)))
    return PlanRecord(
        case_id=case_id,
        plan_issued=made,
        ceased=draw(later),
        last_review=draw(later),
        review_meeting=draw(later),
        review_decision=draw(later),
        decided_to_amend=draw(st.one_of(st.none(), st.booleans())),
        under_5=draw(st.booleans()),
        transfer_year=draw(st.one_of(st.none(), st.integers(2016, 2026))),
        transfer_post_16=draw(st.booleans()),
        order_date=draw(st.one_of(st.none(), _DAYS)),
        order_kind=draw(st.one_of(st.none(), st.sampled_from(OrderKind))),
        transfer_in=draw(st.one_of(st.none(), _DAYS)),
        transfer_amended=draw(st.one_of(st.none(), _DAYS)),
        amended_plan=draw(later),
        amended_plan_on_file=draw(st.booleans()),
    )


@st.composite
def plan_lists(draw: st.DrawFn) -> list[PlanRecord]:
    count = draw(st.integers(0, 6))
    return [draw(plan_records(f"P{number}")) for number in range(count)]


@given(
    cases=caseloads(max_size=6),
    plans=plan_lists(),
    as_of=_DAYS,
    soon=st.integers(0, 60),
)
def test_worklist_properties(
    cases: list[EhcCase], plans: list[PlanRecord], as_of: dt.date, soon: int
) -> None:
    work = worklist(cases, plans, as_of=as_of, soon_days=soon)
    keys = [(item.case, item.rule) for item in work.items]
    # Every case's steps appear once.
    assert len(keys) == len(set(keys))
    for item in work.items:
        # No step is listed before the event that starts its clock, and a
        # forward limit is never due before that event.
        assert item.trigger <= as_of
        if RULES[item.rule].direction is Direction.AFTER:
            assert item.due >= item.trigger
        # Status agrees with due and as_of.
        left = (item.due - as_of).days
        assert item.days == left
        expected = (
            ItemStatus.OVERDUE
            if left < 0
            else ItemStatus.DUE_SOON
            if left <= soon
            else ItemStatus.UPCOMING
        )
        assert item.status is expected
    # Soonest first.
    assert [item.due for item in work.items] == sorted(i.due for i in work.items)
    # Every request received by as_of with an open step is there; none after.
    listed = {item.case for item in work.items}
    for case in cases:
        if case.received > as_of:
            assert case.case_id not in listed or any(
                plan.case_id == case.case_id for plan in plans
            )


@given(cases=caseloads(max_size=6), plans=plan_lists(), as_of=_DAYS)
def test_a_plan_ceased_by_as_of_lists_only_its_tribunal_steps(
    cases: list[EhcCase], plans: list[PlanRecord], as_of: dt.date
) -> None:
    work = worklist(cases, plans, as_of=as_of)
    ended = {p.case_id for p in plans if p.ceased is not None and p.ceased <= as_of}
    for item in work.items:
        if item.case in ended and item.step is None:
            assert item.rule.startswith("tribunal.")


@given(cases=caseloads(max_size=8), as_of=_DAYS, soon=st.integers(0, 30))
def test_ehc_cases_is_the_worklist_of_requests(
    cases: list[EhcCase], as_of: dt.date, soon: int
) -> None:
    """One engine: the request items carry exactly the steps open_steps gives."""
    work = worklist(cases, as_of=as_of, soon_days=soon)
    steps = [item.step for item in work.items]
    assert None not in steps
    expected = open_steps(cases, as_of=as_of, soon_days=soon)
    assert sorted(steps, key=repr) == sorted(expected, key=repr)
    for item in work.items:
        assert item.step is not None
        assert (item.case, item.rule, item.due) == (
            item.step.case_id,
            item.step.code,
            item.step.due,
        )


# -- annual-review measures -------------------------------------------------------------


def test_review_measures_count_a_late_decision_and_an_overdue_review() -> None:
    plans = [
        PlanRecord(
            case_id="P1",
            plan_issued=dt.date(2023, 3, 15),
            last_review=dt.date(2024, 3, 1),
            review_meeting=dt.date(2024, 3, 1),
            review_decision=dt.date(2024, 4, 15),
            decided_to_amend=False,
        ),
        PlanRecord(case_id="P2", plan_issued=dt.date(2023, 1, 10)),
        PlanRecord(case_id="P3", plan_issued=dt.date(2025, 1, 10)),
    ]
    measures = review_measures(plans, year=2024)
    # P3 was made before the census (16 January 2025) but in 2025: a plan,
    # no review expected.
    assert (measures.plans, measures.reviews_expected) == (3, 2)
    assert measures.review_decisions == 1
    assert measures.decisions_within_4_weeks == 0
    assert measures.outcome_no_amend == 1
    assert measures.reviews_overdue == 1
    assert measures.percent_within_4_weeks == 0.0
    assert set(measures.to_dict()["definitions"]) >= {"reviews_overdue", "plans"}


@given(plans=plan_lists(), year=st.integers(2016, 2026))
def test_review_measures_are_consistent(plans: list[PlanRecord], year: int) -> None:
    m = review_measures(plans, year=year)
    assert m.reviews_expected <= m.plans
    assert m.review_meetings <= m.reviews_expected
    assert sum(m.meetings_by_year.values()) == m.review_meetings
    assert sum(m.decisions_by_year.values()) == m.review_decisions
    assert (
        m.review_decisions + m.decisions_not_due + m.decisions_outstanding
        == m.review_meetings
    )
    assert m.decisions_within_4_weeks + m.decisions_over_4_weeks == m.review_decisions
    assert m.outcome_amend + m.outcome_no_amend + m.no_outcome == m.review_meetings
    assert m.reviews_overdue <= len(plans)
    assert review_measures(list(reversed(plans)), year=year) == m


def test_a_late_decision_to_amend_still_counts_the_plan_from_the_meeting() -> None:
    plan = PlanRecord(
        case_id="P1",
        plan_issued=dt.date(2024, 1, 1),
        review_meeting=dt.date(2024, 11, 1),
        review_decision=dt.date(2025, 5, 1),
        decided_to_amend=True,
    )
    (item,) = (
        i
        for i in worklist(plans=[plan], as_of=AS_OF).items
        if i.rule == "ehc.review.amended-plan-from-meeting"
    )
    assert item.trigger == dt.date(2024, 11, 1)
    assert item.due == dt.date(2025, 1, 24)
    assert item.status is ItemStatus.OVERDUE
