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
from sendkit.plans import (
    Action,
    ActionPlan,
    Partner,
    ProgressUpdate,
    Rag,
    Section,
    Status,
    plan_status,
    rag_history,
)

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


class TestDayArgumentsAreNamedInErrors:
    """A text where a day is expected is refused naming the argument."""

    @pytest.mark.parametrize(
        ("call", "name"),
        [
            (lambda a: a.status_on("2024-03-04"), "day"),
            (lambda a: a.override_on("2024-03-04"), "day"),
            (lambda a: a.latest_update("2024-03-04"), "on"),
            (lambda a: a.last_touched("2024-03-04"), "on"),
        ],
    )
    def test_action_methods(self, call, name):
        with pytest.raises(InvalidTypeError) as caught:
            call(_at_risk())
        assert str(caught.value).startswith(f"{name} must be a datetime.date, got ")

    def test_report_windows(self):
        with pytest.raises(InvalidTypeError) as caught:
            plan_status(_plan(_at_risk()), MON, stale_after_weeks="6")  # type: ignore[arg-type]
        assert str(caught.value).startswith("stale_after_weeks must be a whole number")
        with pytest.raises(InvalidTypeError) as caught:
            rag_history(_plan(_at_risk()), [MON], due_soon_working_days="5")  # type: ignore[arg-type]
        assert str(caught.value).startswith(
            "due_soon_working_days must be a whole number"
        )


def _logged() -> Action:
    return Action(
        id="L",
        status=Status.OFF_TRACK,
        due=D(2024, 6, 28),
        updates=[
            ProgressUpdate(on=D(2024, 1, 10), status=Status.ON_TRACK, note="first"),
            ProgressUpdate(on=D(2024, 2, 10), status=Status.AT_RISK, note="second"),
            ProgressUpdate(on=D(2024, 3, 10), status=Status.OFF_TRACK, note="third"),
        ],
    )


class TestTheLogOnTheDayOfAnEntry:
    """An entry counts from its own day, and entries after the day are not seen."""

    def test_status_on_the_day_of_an_earlier_entry(self):
        assert _logged().status_on(D(2024, 1, 10)) is Status.ON_TRACK
        assert _logged().status_on(D(2024, 2, 10)) is Status.AT_RISK

    def test_latest_update_on_its_day(self):
        latest = _logged().latest_update(D(2024, 2, 10))
        assert latest is not None
        assert latest.note == "second"

    def test_last_touched_between_entries_and_on_the_review_day(self):
        assert _logged().last_touched(D(2024, 2, 20)) == D(2024, 2, 10)
        reviewed = Action(id="R", last_updated=D(2024, 2, 20))
        assert reviewed.last_touched(D(2024, 2, 20)) == D(2024, 2, 20)
        assert reviewed.last_touched(D(2024, 2, 19)) is None


class TestReasonsInWords:
    """The reason given with a rating is a promise to users: pinned word for word."""

    def test_off_track_and_green(self):
        assert Action(id="A", status=Status.OFF_TRACK).assess(MON).reason == (
            "status off-track"
        )
        assert Action(id="A", status=Status.ON_TRACK).assess(MON).reason == (
            "no rule for red or amber applies"
        )


class TestProgressReportDetails:
    """`plan_status` on the report day: defaults, boundaries and each exception field."""

    def test_default_stale_window_is_six_weeks(self):
        def touched(days_ago: int, action_id: str) -> Action:
            return Action(
                id=action_id,
                status=Status.ON_TRACK,
                due=D(2024, 6, 28),
                last_updated=MON - dt.timedelta(days=days_ago),
            )

        report = plan_status(_plan(touched(43, "A"), touched(42, "B")), MON)
        assert report.stale == ("A",)
        assert report.stale_after_weeks == 6
        assert report.due_soon_working_days == 10

    def test_due_on_the_report_day_is_due_soon_not_overdue(self):
        report = plan_status(_plan(Action(id="A", status=Status.AT_RISK, due=MON)), MON)
        assert report.overdue == ()
        assert report.due_soon == ("A",)

    def test_an_exception_line_in_full(self):
        late = Action(
            id="PA1.1",
            description="Recruit two caseworkers",
            owner="Head of SEND",
            lead_partner=Partner.LOCAL_AUTHORITY,
            status=Status.AT_RISK,
            due=D(2024, 2, 26),  # Monday: 4 March is 5 working days later
            updates=[
                ProgressUpdate(on=D(2024, 2, 1), note="advert out"),
                ProgressUpdate(on=D(2024, 3, 8), note="after the report day"),
            ],
        )
        plan = ActionPlan(sections=[Section(id="PA1", actions=[late])])
        [item] = plan_status(plan, MON).exceptions
        assert item.section_id == "PA1"
        assert item.description == "Recruit two caseworkers"
        assert item.lead_partner is Partner.LOCAL_AUTHORITY
        assert item.due == D(2024, 2, 26)
        assert item.days_late == 7
        assert item.working_days_late == 5
        assert item.latest_note == "advert out"
        assert item.latest_note_on == D(2024, 2, 1)

    def test_a_red_action_not_yet_due_has_no_lateness_and_no_note(self):
        unstarted = Action(
            id="B", status=Status.NOT_STARTED, start=D(2024, 2, 1), due=D(2024, 6, 28)
        )
        [item] = plan_status(_plan(unstarted), MON).exceptions
        assert (item.days_late, item.working_days_late) == (0, 0)
        assert item.latest_note == ""
        assert item.latest_note_on is None

    def test_a_review_on_the_report_day_is_the_next_review(self):
        plan = ActionPlan(board_dates=[MON, D(2024, 6, 3)])
        assert plan_status(plan, MON).next_review == MON


class TestRagHistoryDays:
    """`rag_history` wants a sequence of dates and names a bad one."""

    def test_one_date_instead_of_a_sequence(self):
        with pytest.raises(InvalidTypeError) as caught:
            rag_history(ActionPlan(), MON)  # type: ignore[arg-type]
        assert str(caught.value) == (
            "days must be a sequence of dates, got datetime.date(2024, 3, 4)"
        )

    def test_a_text_day_in_the_sequence(self):
        with pytest.raises(InvalidTypeError) as caught:
            rag_history(ActionPlan(), ["2024-03-04"])  # type: ignore[list-item]
        assert str(caught.value).startswith(
            "days must be a datetime.date, got '2024-03-04' (str)"
        )
