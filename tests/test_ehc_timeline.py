"""Per-case timelines: due dates from the catalogue and each step's status."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given

from sendkit.ehc import (
    CaseException,
    EhcCase,
    ExceptionReason,
    StepStatus,
    case_timeline,
    open_steps,
)
from sendkit.ehc.strategies import ehc_cases
from sendkit.errors import InvalidInputError
from sendkit.rules import RULES, deadline

from .strategies import ehc_era_days

D = dt.date
RECEIVED = D(2024, 1, 8)  # a Monday; 6 weeks 19 Feb, 16 weeks 29 Apr, 20 weeks 27 May


def steps(case, as_of, **kw):
    return {s.code: s for s in case_timeline(case, as_of=as_of, **kw).steps}


class TestStatuses:
    def test_met_missed_and_due(self):
        """A decision 7 days late is missed by 7 days; the plan is due in 7 days."""
        case = EhcCase(
            case_id="A", received=RECEIVED, request_outcome_date=D(2024, 2, 26)
        )
        got = steps(case, D(2024, 5, 20))
        assess = got["ehc.decision-to-assess"]
        assert (assess.status, assess.days, assess.due) == (
            StepStatus.MISSED,
            7,
            D(2024, 2, 19),
        )
        assert "reg 5(1)" in assess.explanation
        assert assess.status_text == "missed by 7 days"
        plan = got["ehc.final-plan"]
        assert (plan.status, plan.days) == (StepStatus.DUE_SOON, 7)
        assert plan.status_text == "due in 7 days"

    def test_not_yet_due_and_overdue(self):
        """Beyond the horizon a step is not yet due; after its last day it is overdue."""
        case = EhcCase(case_id="A", received=RECEIVED)
        assert (
            steps(case, D(2024, 1, 9))["ehc.final-plan"].status
            is StepStatus.NOT_YET_DUE
        )
        late = steps(case, D(2024, 6, 3))["ehc.final-plan"]
        assert (late.status, late.days) == (StepStatus.OVERDUE, 7)
        assert "reg 13(2)" in late.explanation

    def test_day_140_is_in_time_by_default_only(self):
        """A plan on day 140 is met; with boundary_inclusive=False it is missed by 1 day."""
        case = EhcCase(case_id="A", received=RECEIVED, plan_issued=D(2024, 5, 27))
        assert steps(case, D(2024, 6, 1))["ehc.final-plan"].status is StepStatus.MET
        strict = steps(case, D(2024, 6, 1), boundary_inclusive=False)["ehc.final-plan"]
        assert (strict.status, strict.days, strict.due) == (
            StepStatus.MISSED,
            1,
            D(2024, 5, 26),
        )

    def test_refused_assessment_closes_the_later_steps(self):
        """After a decision not to assess, the later steps do not apply."""
        case = EhcCase(
            case_id="A",
            received=RECEIVED,
            request_outcome_date=D(2024, 2, 1),
            decided_to_assess=False,
        )
        got = steps(case, D(2024, 9, 1))
        assert got["ehc.decision-to-assess"].status is StepStatus.MET
        for code in ("ehc.advice", "ehc.decision-not-to-issue", "ehc.final-plan"):
            assert got[code].status is StepStatus.NOT_APPLICABLE

    def test_decision_not_to_issue_path(self):
        """Not issuing: the 16-week step is judged, the 20-week step does not apply."""
        case = EhcCase(
            case_id="A",
            received=RECEIVED,
            request_outcome_date=D(2024, 2, 1),
            decided_to_assess=True,
            assessment_outcome_date=D(2024, 5, 1),
            decided_to_issue=False,
        )
        got = steps(case, D(2024, 9, 1))
        sixteen = got["ehc.decision-not-to-issue"]
        assert (sixteen.status, sixteen.days) == (StepStatus.MISSED, 2)
        assert "reg 10(1)" in sixteen.explanation
        assert got["ehc.final-plan"].status is StepStatus.NOT_APPLICABLE

    def test_issuing_makes_the_16_week_step_not_apply(self):
        """When a plan is issued, the limit for a decision not to issue does not apply."""
        case = EhcCase(case_id="A", received=RECEIVED, plan_issued=D(2024, 5, 1))
        got = steps(case, D(2024, 9, 1))
        assert got["ehc.decision-not-to-issue"].status is StepStatus.NOT_APPLICABLE
        assert got["ehc.decision-to-assess"].status is StepStatus.NOT_RECORDED

    def test_advice_runs_from_its_own_request(self):
        """Advice is due 6 weeks after it was requested, not after the request."""
        case = EhcCase(case_id="A", received=RECEIVED, advice_requested=D(2024, 2, 20))
        advice = steps(case, D(2024, 3, 1))["ehc.advice"]
        assert advice.due == D(2024, 4, 2)
        assert advice.status is StepStatus.NOT_YET_DUE

    def test_draft_window(self):
        """A plan issued inside the 15-day window breaches reg 13(1); after it, fine."""
        early = EhcCase(
            case_id="A",
            received=RECEIVED,
            draft_issued=D(2024, 5, 1),
            plan_issued=D(2024, 5, 10),
        )
        window = steps(early, D(2024, 6, 1))["ehc.draft-representations"]
        assert window.due == D(2024, 5, 15)
        assert (window.status, window.days) == (StepStatus.MISSED, 6)
        assert "reg 13(1)" in window.explanation
        later = EhcCase(
            case_id="B",
            received=RECEIVED,
            draft_issued=D(2024, 5, 1),
            plan_issued=D(2024, 5, 16),
        )
        assert (
            steps(later, D(2024, 6, 1))["ehc.draft-representations"].status
            is StepStatus.MET
        )
        pending = EhcCase(case_id="C", received=RECEIVED, draft_issued=D(2024, 5, 1))
        assert (
            steps(pending, D(2024, 5, 10))["ehc.draft-representations"].status
            is StepStatus.DUE_SOON
        )


class TestExceptions:
    def test_recorded_reason_excuses_a_late_plan(self):
        """A late plan with a reg 10(4) reason is missed but excused, citing reg 13(3)."""
        case = EhcCase(
            case_id="A",
            received=RECEIVED,
            plan_issued=D(2024, 7, 1),
            week20=True,
            exceptions=[
                CaseException(reason=ExceptionReason.ABSENCE_FROM_AREA, note="private")
            ],
        )
        plan = steps(case, D(2024, 8, 1))["ehc.final-plan"]
        assert plan.status is StepStatus.MISSED
        assert plan.excepted
        assert "reg 13(3)" in plan.explanation
        assert "absent from the area" in plan.explanation
        assert "private" not in plan.explanation

    def test_week20_alone_excuses_the_plan_but_not_the_6_week_decision(self):
        """Week20 = 1 excuses 20 weeks; reg 5(4) is narrower, so the decision stays a breach."""
        case = EhcCase(
            case_id="A",
            received=RECEIVED,
            request_outcome_date=D(2024, 3, 1),
            plan_issued=D(2024, 7, 1),
            week20=True,
        )
        got = steps(case, D(2024, 8, 1))
        assert got["ehc.final-plan"].excepted
        assert not got["ehc.decision-to-assess"].excepted

    def test_school_closure_excuses_the_6_week_decision(self):
        """A school-closure exception also excuses the decision whether to assess (reg 5(4))."""
        case = EhcCase(
            case_id="A",
            received=RECEIVED,
            request_outcome_date=D(2024, 3, 1),
            exceptions=[CaseException(reason=ExceptionReason.SCHOOL_CLOSURE)],
        )
        assess = steps(case, D(2024, 3, 2))["ehc.decision-to-assess"]
        assert assess.excepted
        assert "reg 5(4)" in assess.explanation


class TestCatalogue:
    @given(ehc_cases(), ehc_era_days)
    def test_due_dates_come_from_the_catalogue(self, case, as_of):
        """Every dated step's due date is the catalogue's deadline for its clock."""
        starts = {
            "ehc.decision-to-assess": case.received,
            "ehc.advice": case.advice_requested,
            "ehc.decision-not-to-issue": case.received,
            "ehc.draft-representations": case.draft_issued,
            "ehc.final-plan": case.received,
        }
        timeline = case_timeline(case, as_of=as_of)
        assert [s.code for s in timeline.steps] == list(starts)
        for step in timeline.steps:
            if step.due is not None:
                assert step.due == deadline(step.code, starts[step.code]).due
                assert step.deadline is not None
            if step.status in {StepStatus.MISSED, StepStatus.OVERDUE}:
                assert step.days > 0
                assert "reg" in step.explanation
            if step.is_open:
                assert step.days >= 0

    def test_a_local_rule_book_moves_the_due_date(self):
        """An overridden period changes the step's due date and is shown as unconfirmed."""
        book = RULES.with_period("ehc.final-plan", "18 weeks")
        step = steps(EhcCase(case_id="A", received=RECEIVED), RECEIVED, rules=book)[
            "ehc.final-plan"
        ]
        assert step.due == RECEIVED + dt.timedelta(weeks=18)
        assert step.to_dict()["confirmed"] is False


class TestOpenSteps:
    def test_soonest_first_by_case_id(self):
        """Open steps across cases are listed soonest due first, overdue at the top."""
        cases = [
            EhcCase(case_id="B", received=D(2024, 3, 1)),
            EhcCase(case_id="A", received=RECEIVED, request_outcome_date=D(2024, 2, 1)),
        ]
        listed = open_steps(cases, as_of=D(2024, 5, 1))
        assert [(s.case_id, s.code) for s in listed] == [
            ("B", "ehc.decision-to-assess"),
            ("A", "ehc.decision-not-to-issue"),
            ("A", "ehc.final-plan"),
            ("B", "ehc.decision-not-to-issue"),
            ("B", "ehc.final-plan"),
        ]
        assert listed[0].status is StepStatus.OVERDUE
        assert [s.due for s in listed] == sorted(s.due for s in listed)

    def test_next_due_and_breaches(self):
        """The timeline's next_due is its earliest open step; breaches lists the late ones."""
        case = EhcCase(
            case_id="A", received=RECEIVED, request_outcome_date=D(2024, 2, 26)
        )
        timeline = case_timeline(case, as_of=D(2024, 3, 1))
        assert timeline.next_due.code == "ehc.decision-not-to-issue"
        assert [s.code for s in timeline.breaches] == ["ehc.decision-to-assess"]
        assert timeline.to_dict()["steps"][0]["status"] == "missed"

    def test_negative_horizon_is_refused(self):
        """soon_days must not be negative."""
        with pytest.raises(InvalidInputError, match="soon_days"):
            case_timeline(
                EhcCase(case_id="A", received=RECEIVED), as_of=RECEIVED, soon_days=-1
            )


class TestAsOf:
    def test_events_after_as_of_are_left_out(self):
        """On 1 March the decision of 26 February stands; on 20 February it had not happened."""
        case = EhcCase(
            case_id="A",
            received=RECEIVED,
            request_outcome_date=D(2024, 2, 26),
            decided_to_assess=True,
            plan_issued=D(2024, 5, 20),
        )
        before = steps(case, D(2024, 2, 20))
        assert before["ehc.decision-to-assess"].status is StepStatus.OVERDUE
        assert before["ehc.final-plan"].status is StepStatus.NOT_YET_DUE
        assert before["ehc.decision-not-to-issue"].status is StepStatus.NOT_YET_DUE
        after = steps(case, D(2024, 6, 1))
        assert after["ehc.decision-to-assess"].status is StepStatus.MISSED
        assert after["ehc.final-plan"].status is StepStatus.MET

    @given(ehc_cases(), ehc_era_days)
    def test_nothing_is_done_after_as_of(self, case, as_of):
        """No step is recorded as done on a day after the day asked about."""
        for step in case_timeline(case, as_of=as_of).steps:
            assert step.done is None or step.done <= as_of
