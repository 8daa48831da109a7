"""Behaviour of the plan model that mutation testing found unpinned.

Each class pins one public behaviour of ``sendkit/plans/_model.py`` that a
surviving mutant changed without any test noticing. The first ones are about
the rating and progress functions (`Action.assess`, `ActionPlan.status`,
`rag_history`): the settings each passes on (closures, region, a status to
rate with), the default stale window, and the argument named in an error.
The last ones are about the plain data classes, their validators and the
plan's look-ups (`ActionPlan.action`, `section_of`, `replace_action`,
`latest_date`, `review_schedule`).
"""

from __future__ import annotations

import datetime as dt

import pytest
from dateutil.relativedelta import relativedelta

from sendkit.errors import InvalidInputError, InvalidTypeError
from sendkit.plans import (
    Action,
    ActionPlan,
    Kpi,
    Measurement,
    Partner,
    ProgressUpdate,
    Rag,
    Section,
    Status,
    plan_status,
    rag_history,
    review_schedule,
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


class TestWrongValuesAreRefusedInFull:
    """A refused field value gets a message naming the field, the value and its type."""

    def test_an_id_that_is_not_text(self):
        with pytest.raises(InvalidTypeError) as caught:
            Action(id=7)  # type: ignore[arg-type]
        assert str(caught.value) == "id must be text, got 7 (int)"

    def test_a_measurement_that_is_not_a_number(self):
        with pytest.raises(InvalidTypeError) as caught:
            Measurement(on=MON, value="12")  # type: ignore[arg-type]
        assert str(caught.value) == (
            "Measurement.value must be a number, got '12' (str)"
        )

    def test_a_board_date_that_is_text(self):
        with pytest.raises(InvalidTypeError) as caught:
            ActionPlan(board_dates=["2024-01-01"])  # type: ignore[list-item]
        assert str(caught.value).startswith(
            "board_dates must be a datetime.date, got '2024-01-01' (str)"
        )

    def test_a_section_id_used_twice(self):
        with pytest.raises(InvalidInputError) as caught:
            ActionPlan(sections=[Section(id="S"), Section(id="T"), Section(id="S")])
        assert str(caught.value) == "section id 'S' is used twice"


class TestReviewCycleBounds:
    """A review cycle of 1 and of 60 months (both ends of the range) is accepted."""

    @pytest.mark.parametrize("months", [1, 60])
    def test_both_ends_are_accepted(self, months: int):
        plan = ActionPlan(review_from=D(2024, 1, 15), review_every_months=months)
        assert plan.review_every_months == months
        [first, *_] = review_schedule(plan, D(2024, 1, 15))
        assert first.on == D(2024, 1, 15) + relativedelta(months=months)


class TestKpiLatest:
    """`Kpi.latest` is the actual with the latest date, or None without actuals."""

    def test_no_actuals(self):
        assert Kpi(id="K").latest() is None

    def test_the_latest_of_three_given_out_of_order(self):
        kpi = Kpi(
            id="K",
            actuals=[
                Measurement(on=D(2024, 3, 31), value=61),
                Measurement(on=D(2023, 9, 30), value=48),
                Measurement(on=D(2023, 12, 31), value=55),
            ],
        )
        assert kpi.latest() == Measurement(on=D(2024, 3, 31), value=61.0)


class TestBlankExtraCellsAreDropped:
    """An unknown tracker column with a blank cell is the same as no column."""

    def test_action_and_plan_extra(self):
        extra = {"Notes": "", "RAG comment": "waiting on health"}
        assert Action(id="A", extra=extra).extra == {"RAG comment": "waiting on health"}
        assert ActionPlan(extra=extra).extra == {"RAG comment": "waiting on health"}
        assert Action(id="A", extra={"Notes": ""}) == Action(id="A")


class TestWithUpdate:
    """An update without a status leaves the action's status as it was."""

    def test_an_update_without_a_status_keeps_the_status(self):
        action = Action(id="A", status=Status.AT_RISK)
        updated = action.with_update(ProgressUpdate(on=MON, note="chased"))
        assert updated.status is Status.AT_RISK
        assert updated.updates == (ProgressUpdate(on=MON, note="chased"),)


def _two_sections() -> ActionPlan:
    return ActionPlan(
        partnership="Example",
        sections=[
            Section(id="PA1", actions=[Action(id="A1"), Action(id="A2")]),
            Section(id="PA2", actions=[Action(id="B1")]),
        ],
    )


class TestPlanLookUps:
    """`ActionPlan.action`, `section_of` and `replace_action` find actions by id."""

    def test_action_by_id(self):
        assert _two_sections().action("A2") == Action(id="A2")
        assert _two_sections().action("B1") == Action(id="B1")

    def test_section_of_an_action(self):
        assert _two_sections().section_of("B1").id == "PA2"
        assert _two_sections().section_of("A2").id == "PA1"

    @pytest.mark.parametrize("look_up", ["action", "section_of"])
    def test_an_unknown_id(self, look_up: str):
        with pytest.raises(InvalidInputError) as caught:
            getattr(_two_sections(), look_up)("Z9")
        assert str(caught.value) == "no action with id 'Z9' in this plan"

    def test_replace_an_action(self):
        plan = _two_sections()
        done = Action(id="A2", status=Status.COMPLETE)
        replaced = plan.replace_action(done)
        assert replaced == ActionPlan(
            partnership="Example",
            sections=[
                Section(id="PA1", actions=[Action(id="A1"), done]),
                Section(id="PA2", actions=[Action(id="B1")]),
            ],
        )
        assert plan == _two_sections()  # the original is unchanged

    def test_replace_an_action_of_the_second_section(self):
        done = Action(id="B1", status=Status.COMPLETE)
        replaced = _two_sections().replace_action(done)
        assert replaced.sections[0] == _two_sections().sections[0]
        assert replaced.sections[1].actions == (done,)

    def test_replace_an_unknown_action(self):
        with pytest.raises(InvalidInputError, match="no action with id 'Z9'"):
            _two_sections().replace_action(Action(id="Z9"))


class TestLatestDate:
    """`ActionPlan.latest_date`: the latest update of any action, else the report date."""

    def test_the_latest_update_of_any_action(self):
        plan = ActionPlan(
            report_received=D(2023, 5, 16),
            sections=[
                Section(
                    id="S",
                    actions=[
                        Action(id="A", last_updated=D(2024, 2, 1)),
                        Action(id="B"),
                        Action(id="C", updates=[ProgressUpdate(on=D(2024, 3, 1))]),
                    ],
                )
            ],
        )
        assert plan.latest_date() == D(2024, 3, 1)

    def test_no_updates_gives_the_report_date(self):
        plan = ActionPlan(
            report_received=D(2023, 5, 16),
            sections=[Section(id="S", actions=[Action(id="A")])],
        )
        assert plan.latest_date() == D(2023, 5, 16)
        assert ActionPlan().latest_date() is None


class TestReviewSchedule:
    """`review_schedule`: sources, the review on the report day, the cap, errors."""

    def test_sources(self):
        cycle = ActionPlan(report_received=D(2023, 5, 16))
        assert {r.source for r in review_schedule(cycle, MON)} == {"cycle"}
        boards = ActionPlan(board_dates=[D(2024, 1, 10), D(2024, 6, 1)])
        assert {r.source for r in review_schedule(boards, MON)} == {"board"}

    def test_a_review_on_the_report_day_ends_the_schedule(self):
        plan = ActionPlan(report_received=D(2023, 5, 16))
        days = [r.on for r in review_schedule(plan, D(2024, 5, 16))]
        assert days == [D(2023, 11, 16), D(2024, 5, 16)]

    def test_at_most_240_cycle_reviews(self):
        plan = ActionPlan(review_from=D(2000, 1, 1), review_every_months=1)
        reviews = review_schedule(plan, D(2100, 1, 1))
        assert len(reviews) == 240
        assert reviews[-1].on == D(2020, 1, 1)

    def test_a_text_report_day_is_refused_by_name(self):
        with pytest.raises(InvalidTypeError) as caught:
            review_schedule(ActionPlan(), "2024-03-04")  # type: ignore[arg-type]
        assert str(caught.value).startswith(
            "as_of must be a datetime.date, got '2024-03-04' (str)"
        )
