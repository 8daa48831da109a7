"""Behaviour of the plan RAG derivation that mutation testing found unpinned.

Each class pins one public behaviour of the rating and progress functions in
``sendkit/plans/_model.py`` (`Action.assess`, `ActionPlan.status`,
`rag_history`) that a surviving mutant changed without any test noticing:
the settings each passes on (closures, region, a status to rate with), the
default stale window, and the argument named in an error.
"""

from __future__ import annotations

import datetime as dt

import pytest

from sendkit.errors import InvalidTypeError
from sendkit.plans import Action, ActionPlan, Rag, Section, Status, rag_history

D = dt.date
MON = D(2024, 3, 4)  # Monday 4 March 2024
CLOSED = [D(2024, 3, 5)]  # a local closure day inside the amber window


def _plan(*actions: Action) -> ActionPlan:
    return ActionPlan(sections=[Section(id="S", actions=list(actions))])


def _at_risk() -> Action:
    # Due Monday 18 March: 10 working days after MON, or 9 with one closure.
    return Action(id="A", status=Status.AT_RISK, due=D(2024, 3, 18))


class TestClosuresWidenTheAmberWindow:
    """Closures are skipped when counting the due-soon window, everywhere it is counted."""

    def test_assess(self):
        action = _at_risk()
        assert action.assess(MON, due_soon_working_days=9).rag is Rag.GREEN
        assert (
            action.assess(MON, due_soon_working_days=9, closures=CLOSED).rag
            is Rag.AMBER
        )

    def test_plan_status(self):
        plan = _plan(_at_risk())
        assert plan.status(MON, due_soon_working_days=9).due_soon == ()
        assert plan.status(MON, due_soon_working_days=9, closures=CLOSED).due_soon == (
            "A",
        )

    def test_rag_history(self):
        plan = _plan(_at_risk())
        [(_, plain)] = rag_history(plan, [MON], due_soon_working_days=9)
        [(_, closed)] = rag_history(
            plan, [MON], due_soon_working_days=9, closures=CLOSED
        )
        assert (plain[Rag.GREEN], plain[Rag.AMBER]) == (1, 0)
        assert (closed[Rag.GREEN], closed[Rag.AMBER]) == (0, 1)


class TestPlanStatusSettings:
    """`ActionPlan.status` passes its settings on and has a six-week stale window."""

    def test_region_is_recorded(self):
        assert _plan(_at_risk()).status(MON, region="scotland").region == "scotland"
        assert _plan(_at_risk()).status(MON).region == "england-and-wales"

    def test_six_weeks_without_an_update_is_stale_by_default(self):
        def touched(days_ago: int, action_id: str) -> Action:
            return Action(
                id=action_id,
                status=Status.ON_TRACK,
                due=D(2024, 6, 28),
                last_updated=MON - dt.timedelta(days=days_ago),
            )

        report = _plan(touched(43, "A"), touched(42, "B")).status(MON)
        assert report.stale == ("A",)


class TestAssessSettings:
    """`Action.assess` rates with the status given, and names a bad argument."""

    def test_a_status_given_replaces_the_logged_one(self):
        action = Action(id="B", status=Status.ON_TRACK, due=D(2024, 3, 6))
        assert action.assess(MON).rag is Rag.GREEN
        rated = action.assess(MON, status=Status.AT_RISK)
        assert rated.rag is Rag.AMBER
        assert rated.reason == "at-risk, due soon (2024-03-06)"

    def test_a_text_day_is_refused_by_name(self):
        with pytest.raises(InvalidTypeError) as caught:
            _at_risk().assess("2024-03-04")  # type: ignore[arg-type]
        assert str(caught.value) == (
            "as_of must be a datetime.date, got '2024-03-04' (str) (read text with "
            "sendkit.parse_date first)"
        )

    def test_a_text_window_is_refused_by_name(self):
        with pytest.raises(InvalidTypeError) as caught:
            _at_risk().assess(MON, due_soon_working_days="5")  # type: ignore[arg-type]
        assert str(caught.value) == (
            "due_soon_working_days must be a whole number (int), got '5' (str)"
        )
