"""The action-plan model: derived RAG, status reports, review schedule, skeletons."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import sendkit
from sendkit import add_working_days
from sendkit.errors import InvalidInputError, InvalidTypeError, SendkitError
from sendkit.inspections import (
    EXAMPLES,
    Framework,
    Inspection,
    Outcome,
    RevisitOutcome,
    WsoaOutcome,
)
from sendkit.plans import (
    Action,
    ActionPlan,
    AreaKind,
    Kpi,
    Measurement,
    Milestone,
    PlanDeadline,
    PlanKind,
    ProgressUpdate,
    Rag,
    RagOverride,
    Section,
    Status,
    plan_from_inspection,
    plan_status,
    rag_history,
    review_schedule,
)

from .strategies import plan_days, plan_days_with_room

DAYS = plan_days_with_room  # later +400 days stays announced
MON = dt.date(2024, 3, 4)  # a Monday, no holidays near


def one(action: Action) -> ActionPlan:
    return ActionPlan(sections=[Section(id="S1", actions=[action])])


# -- RAG rules, one by one ------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "start", "due", "as_of", "rag"),
    [
        (Status.COMPLETE, None, dt.date(2020, 1, 1), MON, Rag.COMPLETE),
        (Status.CLOSED_EVIDENCED, None, dt.date(2020, 1, 1), MON, Rag.COMPLETE),
        (Status.ON_TRACK, None, MON - dt.timedelta(days=1), MON, Rag.RED),  # overdue
        (Status.ON_TRACK, None, MON, MON, Rag.GREEN),  # due today: not overdue
        (Status.NOT_STARTED, MON - dt.timedelta(days=1), None, MON, Rag.RED),
        (Status.NOT_STARTED, MON, None, MON, Rag.GREEN),  # starts today
        (Status.OFF_TRACK, None, None, MON, Rag.AMBER),
        (Status.AT_RISK, None, dt.date(2024, 3, 18), MON, Rag.AMBER),  # 10 wd later
        (Status.AT_RISK, None, dt.date(2024, 3, 19), MON, Rag.GREEN),  # 11 wd later
        (Status.NOT_STARTED, None, dt.date(2024, 3, 18), MON, Rag.AMBER),
        (Status.ON_TRACK, None, dt.date(2024, 3, 5), MON, Rag.GREEN),
        (Status.AT_RISK, None, None, MON, Rag.GREEN),
    ],
)
def test_rag_is_derived_from_status_and_dates(
    status: Status, start: dt.date | None, due: dt.date | None, as_of: dt.date, rag: Rag
) -> None:
    action = Action(id="A", status=status, start=start, due=due)
    assert action.assess(as_of).rag is rag


def test_amber_window_counts_working_days_over_easter() -> None:
    # Thursday 28 March 2024; Good Friday and Easter Monday are not working days.
    as_of = dt.date(2024, 3, 28)
    action = Action(id="A", status=Status.AT_RISK, due=dt.date(2024, 4, 3))
    assert action.assess(as_of, due_soon_working_days=2).rag is Rag.AMBER
    assert action.assess(as_of, due_soon_working_days=1).rag is Rag.GREEN
    # Scotland has Easter Monday as a working day, so 2 working days reach 2 April only.
    assert (
        action.assess(as_of, due_soon_working_days=2, region="scotland").rag
        is Rag.GREEN
    )


@given(
    status=st.sampled_from(Status),
    start=st.none() | DAYS,
    due=st.none() | DAYS,
    as_of=DAYS,
    window=st.integers(0, 30),
)
def test_rag_matches_the_documented_table(
    status: Status,
    start: dt.date | None,
    due: dt.date | None,
    as_of: dt.date,
    window: int,
) -> None:
    if start is not None and due is not None and due < start:
        start, due = due, start
    action = Action(id="A", status=status, start=start, due=due)
    rag = action.assess(as_of, due_soon_working_days=window).rag
    soon_until = add_working_days(as_of, window)
    if status.done:
        expected = Rag.COMPLETE
    elif (due is not None and due < as_of) or (
        status is Status.NOT_STARTED and start is not None and start < as_of
    ):
        expected = Rag.RED
    elif status is Status.OFF_TRACK or (
        status is not Status.ON_TRACK and due is not None and due <= soon_until
    ):
        expected = Rag.AMBER
    else:
        expected = Rag.GREEN
    assert rag is expected
    # Moving as_of later never makes an unfinished, dated action less urgent.
    if not status.done and due is not None and status is not Status.NOT_STARTED:
        later = action.assess(
            as_of + dt.timedelta(days=400), due_soon_working_days=window
        ).rag
        order = [Rag.GREEN, Rag.AMBER, Rag.RED]
        assert order.index(later) >= order.index(rag)


def test_override_replaces_and_keeps_the_derived_rating() -> None:
    action = Action(
        id="A",
        due=dt.date(2024, 1, 1),
        override=RagOverride(rag=Rag.GREEN, reason="DfE agreed a new date", by="Chair"),
    )
    result = action.assess(MON)
    assert (result.rag, result.derived, result.overridden) == (Rag.GREEN, Rag.RED, True)
    assert result.reason == "override: DfE agreed a new date"


def test_override_needs_a_reason() -> None:
    with pytest.raises(InvalidInputError, match="reason must not be blank"):
        RagOverride(rag=Rag.GREEN, reason="  ")


def test_updates_out_of_date_order_and_other_invalid_models_are_refused() -> None:
    with pytest.raises(InvalidInputError, match="date order"):
        Action(
            id="A",
            updates=[
                ProgressUpdate(on=MON),
                ProgressUpdate(on=MON - dt.timedelta(days=1)),
            ],
        )
    with pytest.raises(InvalidInputError, match="before its start date"):
        Action(id="A", start=MON, due=MON - dt.timedelta(days=1))
    with pytest.raises(InvalidInputError, match="used twice"):
        ActionPlan(
            sections=[Section(id="S1", actions=[Action(id="A"), Action(id="A")])]
        )
    with pytest.raises(InvalidInputError, match="finite"):
        Kpi(id="K", baseline=float("nan"))
    with pytest.raises(InvalidTypeError, match=r"as_of must be a datetime\.date"):
        one(Action(id="A")).status("2024-01-01")  # type: ignore[arg-type]


def test_progress_log_is_append_only_and_sets_status() -> None:
    action = Action(id="A")
    updated = action.with_update(
        ProgressUpdate(on=MON, note="kick-off", status=Status.ON_TRACK)
    )
    assert action.updates == ()  # the original is unchanged
    assert updated.status is Status.ON_TRACK
    assert updated.latest_update().note == "kick-off"
    with pytest.raises(InvalidInputError):
        updated.with_update(ProgressUpdate(on=MON - dt.timedelta(days=7)))


def test_status_on_replays_the_log() -> None:
    action = Action(
        id="A",
        status=Status.COMPLETE,
        updates=[
            ProgressUpdate(on=dt.date(2024, 1, 10), status=Status.ON_TRACK),
            ProgressUpdate(on=dt.date(2024, 2, 10), note="no status"),
            ProgressUpdate(on=dt.date(2024, 3, 10), status=Status.COMPLETE),
        ],
    )
    assert action.status_on(dt.date(2024, 1, 1)) is Status.NOT_STARTED
    assert action.status_on(dt.date(2024, 2, 20)) is Status.ON_TRACK
    assert action.status_on(dt.date(2024, 3, 10)) is Status.COMPLETE
    assert Action(id="B", status=Status.AT_RISK).status_on(MON) is Status.AT_RISK


# -- status report --------------------------------------------------------------


def sample_plan() -> ActionPlan:
    return ActionPlan(
        partnership="Example",
        report_received=dt.date(2023, 5, 16),
        sections=[
            Section(
                id="PA1",
                title="Timeliness",
                actions=[
                    Action(
                        id="PA1.1",
                        description="Recruit educational psychologists",
                        owner="Head of SEND",
                        due=dt.date(2024, 2, 16),
                        status=Status.AT_RISK,
                        updates=[
                            ProgressUpdate(
                                on=dt.date(2024, 1, 5), note="two posts filled"
                            )
                        ],
                    ),
                    Action(
                        id="PA1.2",
                        due=dt.date(2024, 3, 11),
                        status=Status.AT_RISK,
                        last_updated=dt.date(2024, 2, 26),
                    ),
                    Action(
                        id="PA1.3",
                        due=dt.date(2024, 9, 30),
                        status=Status.ON_TRACK,
                        last_updated=dt.date(2024, 3, 1),
                    ),
                    Action(id="PA1.4", status=Status.COMPLETE),
                    Action(
                        id="PA1.5", start=dt.date(2024, 1, 8), due=dt.date(2024, 6, 28)
                    ),
                ],
            )
        ],
    )


def test_status_report_counts_ratings_and_lists_exceptions() -> None:
    report = sample_plan().status(MON)
    data = report.to_dict()
    assert data["counts"] == {"red": 2, "amber": 1, "green": 1, "complete": 1}
    assert data["overdue"] == ["PA1.1"]
    assert data["due_soon"] == ["PA1.2"]
    assert data["stale"] == ["PA1.1", "PA1.5"]  # 8 weeks, and never
    [late, unstarted] = report.exceptions
    assert late.action_id == "PA1.1"
    assert late.owner == "Head of SEND"
    assert late.days_late == 17  # 16 Feb to 4 Mar 2024
    assert late.working_days_late == 11  # 19 Feb .. 4 Mar, both counted
    assert late.latest_note == "two posts filled"
    assert unstarted.action_id == "PA1.5"
    assert unstarted.days_late == 0
    assert unstarted.reason.startswith("not started")
    assert data["next_review"] == "2024-05-16"


def test_status_settings_change_the_windows() -> None:
    report = sample_plan().status(MON, due_soon_working_days=0, stale_after_weeks=10)
    assert report.due_soon == ()
    assert report.stale == ("PA1.5",)
    with pytest.raises(
        InvalidInputError, match="due_soon_working_days must be zero or more"
    ):
        sample_plan().status(MON, due_soon_working_days=-1)


def test_review_schedule_cycle_and_board_dates() -> None:
    plan = ActionPlan(review_from=dt.date(2023, 8, 31), review_every_months=6)
    days = [r.on for r in review_schedule(plan, dt.date(2024, 3, 1))]
    assert days == [dt.date(2024, 2, 29), dt.date(2024, 8, 31)]  # month end kept
    boards = attrs.evolve(plan, board_dates=[dt.date(2024, 6, 1), dt.date(2024, 1, 10)])
    report = boards.status(dt.date(2024, 3, 1))
    assert [r.on for r in report.reviews] == [dt.date(2024, 1, 10), dt.date(2024, 6, 1)]
    assert report.next_review == dt.date(2024, 6, 1)
    assert ActionPlan().status(MON).reviews == ()


def test_rag_history_replays_statuses() -> None:
    action = Action(
        id="A",
        due=dt.date(2024, 6, 28),
        status=Status.COMPLETE,
        updates=[
            ProgressUpdate(on=dt.date(2024, 1, 5), status=Status.OFF_TRACK),
            ProgressUpdate(on=dt.date(2024, 4, 5), status=Status.COMPLETE),
        ],
    )
    history = rag_history(
        one(action), [dt.date(2024, 1, 1), dt.date(2024, 2, 1), dt.date(2024, 5, 1)]
    )
    assert [max(c, key=lambda r: c[r]) for _, c in history] == [
        Rag.GREEN,
        Rag.AMBER,
        Rag.COMPLETE,
    ]


def test_kpi_latest_is_the_most_recent_measurement() -> None:
    kpi = Kpi(
        id="K",
        actuals=[
            Measurement(on=MON, value=50),
            Measurement(on=dt.date(2024, 1, 1), value=40),
        ],
    )
    assert kpi.latest() == Measurement(on=MON, value=50.0)


# -- skeletons from inspections -------------------------------------------------


def test_plan_from_nottinghamshire_has_its_two_priority_areas_and_deadlines() -> None:
    plan = plan_from_inspection(EXAMPLES["nottinghamshire-2023"])
    assert plan.kind is PlanKind.PRIORITY_ACTION_PLAN
    assert plan.partnership == "Nottinghamshire"
    assert [(s.id, s.kind) for s in plan.sections] == [
        ("PA1", AreaKind.PRIORITY_ACTION),
        ("PA2", AreaKind.PRIORITY_ACTION),
    ]
    submit, publish = plan.deadlines
    # 35 and 70 working days from 16 May 2023 (Nottinghamshire, May 2023, [S]).
    assert (submit.rule, submit.due, submit.confirmed) == (
        "area-send.pap.submit",
        dt.date(2023, 7, 5),
        False,
    )
    assert (publish.rule, publish.due) == (
        "area-send.pap.publish",
        dt.date(2023, 8, 23),
    )
    assert "publication date" in submit.source


def test_plan_from_inspection_uses_the_reports_words() -> None:
    inspection = Inspection(
        local_area="Somewhere",
        framework=Framework.AREA_SEND_2023,
        outcome=Outcome.SYSTEMIC,
        report_received=dt.date(2024, 11, 20),
        areas_for_priority_action=("Leaders' oversight of EHC plans", "Health waits"),
        areas_for_improvement=("Preparation for adulthood",),
    )
    plan = plan_from_inspection(inspection, title="Priority Impact Plan")
    assert [s.title for s in plan.sections] == [
        "Leaders' oversight of EHC plans",
        "Health waits",
        "Preparation for adulthood",
    ]
    assert plan.sections[2].id == "AFI1"
    assert plan.title == "Priority Impact Plan"
    assert "publication date" not in plan.deadlines[0].source


@pytest.mark.parametrize(
    ("fields", "kind", "rules"),
    [
        (
            {"framework": Framework.AREA_SEND_2023, "outcome": Outcome.INCONSISTENT},
            PlanKind.STRATEGIC_PLAN,
            [],
        ),
        (
            {"framework": Framework.AREA_SEND_2023, "outcome": Outcome.POSITIVE},
            PlanKind.STRATEGIC_PLAN,
            [],
        ),
        (
            {
                "framework": Framework.LOCAL_AREA_SEND_2016,
                "outcome": WsoaOutcome.REQUIRED,
                "wsoa_weaknesses": 3,
            },
            PlanKind.WRITTEN_STATEMENT_OF_ACTION,
            ["legacy.wsoa.submit"],
        ),
        (
            {
                "framework": Framework.LOCAL_AREA_SEND_2016,
                "outcome": WsoaOutcome.REQUIRED,
                "revisit_outcome": RevisitOutcome.SOME,
                "revisit_start": dt.date(2021, 9, 1),
                "revisit_published": dt.date(2021, 10, 20),
            },
            PlanKind.ACCELERATED_PROGRESS_PLAN,
            ["legacy.app.review"],
        ),
    ],
)
def test_plan_kind_follows_the_outcome(
    fields: dict[str, object], kind: PlanKind, rules: list[str]
) -> None:
    inspection = Inspection(
        local_area="X",
        published=dt.date(2019, 6, 3)
        if fields["framework"] is Framework.LOCAL_AREA_SEND_2016
        else dt.date(2024, 6, 3),
        **fields,
    )  # type: ignore[arg-type]
    plan = plan_from_inspection(inspection)
    assert plan.kind is kind
    assert [d.rule for d in plan.deadlines] == rules
    if kind is PlanKind.WRITTEN_STATEMENT_OF_ACTION:
        assert [s.id for s in plan.sections] == ["SW1", "SW2", "SW3"]


def test_plan_from_inspection_needs_an_outcome() -> None:
    with pytest.raises(InvalidInputError, match="has no outcome"):
        plan_from_inspection(
            Inspection(local_area="X", framework=Framework.AREA_SEND_2023)
        )


def test_public_names_are_exported() -> None:
    for name in ("ActionPlan", "plan_from_inspection", "Rag", "PlanStatus"):
        assert hasattr(sendkit.plans, name)


def test_trackers_are_read_and_written_by_the_io_layer_only() -> None:
    import sendkit.io

    for name in ("read_plan", "write_plan", "PlanFileError"):
        assert not hasattr(sendkit.plans, name)
        assert getattr(sendkit, name) is getattr(sendkit.io, name)


def test_plans_and_reports_pickle_and_hash() -> None:
    import pickle

    def again(value: object) -> object:
        return pickle.loads(pickle.dumps(value))  # noqa: S301 - our own objects

    plan = attrs.evolve(sample_plan(), extra={"x-chair": "Independent"})
    assert again(plan) == plan
    assert hash(plan) == hash(again(plan))
    report = plan.status(MON)
    assert again(report).to_dict() == report.to_dict()  # type: ignore[attr-defined]


# -- status on a past day agrees with the progress log ------------------------


def test_status_on_a_past_day_uses_the_log() -> None:
    """Completed (per the log) on 20 September: not complete on 10 September."""
    action = Action(
        id="A",
        due=dt.date(2023, 12, 1),
        status=Status.COMPLETE,
        updates=[
            ProgressUpdate(on=dt.date(2023, 6, 1), status=Status.ON_TRACK),
            ProgressUpdate(on=dt.date(2023, 9, 20), status=Status.COMPLETE, note="x"),
        ],
        override=RagOverride(
            rag=Rag.RED, reason="evidence weak", on=dt.date(2023, 10, 2)
        ),
    )
    plan = one(action)
    before = plan.status(dt.date(2023, 9, 10))
    assert before.counts[Rag.COMPLETE] == 0
    assert before.counts[Rag.GREEN] == 1
    assert before.overridden == ()
    assert action.assess(dt.date(2023, 9, 10)).rag is Rag.GREEN
    after = plan.status(dt.date(2023, 9, 25))
    assert after.counts[Rag.COMPLETE] == 1
    overridden = plan.status(dt.date(2023, 10, 2))
    assert overridden.counts[Rag.RED] == 1
    assert overridden.overridden == ("A",)
    assert overridden.exceptions[0].latest_note == "x"
    # an update after the report date is not seen: the action was stale then
    late = Action(id="B", updates=[ProgressUpdate(on=dt.date(2023, 9, 20))])
    assert one(late).status(dt.date(2023, 9, 10)).stale == ("B",)


def test_status_column_is_the_latest_word() -> None:
    """Changed to complete in the status column without a log entry."""
    action = Action(
        id="A",
        due=dt.date(2024, 6, 1),
        status=Status.COMPLETE,
        updates=[ProgressUpdate(on=dt.date(2024, 1, 5), status=Status.OFF_TRACK)],
    )
    assert action.status_on(dt.date(2024, 1, 4)) is Status.NOT_STARTED
    assert action.status_on(dt.date(2024, 1, 5)) is Status.COMPLETE
    assert one(action).status(dt.date(2024, 3, 1)).counts[Rag.COMPLETE] == 1


@st.composite
def logged_actions(draw: st.DrawFn, action_id: str) -> Action:
    start = draw(st.none() | DAYS)
    due = draw(st.none() | DAYS.filter(lambda d: start is None or d >= start))
    days = sorted(draw(st.lists(DAYS, max_size=4)))
    updates = [
        ProgressUpdate(on=day, status=draw(st.none() | st.sampled_from(Status)))
        for day in days
    ]
    override = draw(
        st.none()
        | st.builds(
            RagOverride,
            rag=st.sampled_from(Rag),
            reason=st.just("agreed"),
            on=st.none() | DAYS,
        )
    )
    return Action(
        id=action_id,
        start=start,
        due=due,
        status=draw(st.sampled_from(Status)),
        updates=updates,
        override=override,
        last_updated=draw(st.none() | DAYS),
    )


@given(
    actions=st.lists(
        st.integers(0, 10**6).flatmap(lambda n: logged_actions(f"A{n}")),
        max_size=6,
        unique_by=lambda a: a.id,
    ),
    day=DAYS,
    window=st.integers(0, 30),
)
def test_status_counts_equal_the_chart_for_that_day(
    actions: list[Action], day: dt.date, window: int
) -> None:
    plan = ActionPlan(sections=[Section(id="S1", actions=actions)])
    report = plan.status(day, due_soon_working_days=window)
    ((_, chart),) = rag_history(plan, [day], due_soon_working_days=window)
    assert report.counts == chart
    for action in actions:
        done = action.status_on(day).done
        assert (report.ratings[action.id].derived is Rag.COMPLETE) == done
        if done:
            assert action.id not in report.overdue + report.due_soon + report.stale
        in_force = action.override_on(day)
        assert report.ratings[action.id].overridden == (in_force is not None)


D = dt.date
NOTTS = EXAMPLES["nottinghamshire-2023"]


TIMES = st.times()


def _at(day: dt.date, time: dt.time) -> dt.datetime:
    return dt.datetime.combine(day, time)


@st.composite
def actions(draw: st.DrawFn) -> tuple[dict[str, object], dict[str, object]]:
    """Keyword arguments for one action, with dates and with datetimes."""
    start = draw(st.none() | plan_days)
    due = draw(st.none() | plan_days)
    if start is not None and due is not None and due < start:
        start, due = due, start
    updates = sorted(draw(st.lists(plan_days, max_size=3)))
    statuses = draw(
        st.lists(st.none() | st.sampled_from(list(Status)), min_size=3, max_size=3)
    )
    override_on = draw(st.none() | plan_days)
    override = draw(st.booleans())
    time = draw(TIMES)
    status_now = draw(st.sampled_from(list(Status)))

    def build(as_datetime: bool) -> dict[str, object]:
        def day(value: dt.date | None) -> object:
            return _at(value, time) if as_datetime and value else value

        return {
            "id": "A1",
            "start": day(start),
            "due": day(due),
            "status": status_now,
            "updates": [
                ProgressUpdate(on=day(on), status=status)  # type: ignore[arg-type]
                for on, status in zip(updates, statuses, strict=False)
            ],
            "override": RagOverride(rag=Rag.RED, reason="board", on=day(override_on))  # type: ignore[arg-type]
            if override
            else None,
        }

    return build(as_datetime=False), build(as_datetime=True)


class TestClosuresFromAGenerator:
    """Closures given as a one-shot generator count for every plan deadline."""

    def test_generator_closures_reach_every_plan_deadline(self) -> None:
        """Both PAP deadlines skip the closures, from a generator as from a tuple."""
        closed = (D(2023, 6, 1), D(2023, 6, 2))  # Thursday and Friday, before both
        plain = plan_from_inspection(NOTTS)
        listed = plan_from_inspection(NOTTS, closures=closed)
        generated = plan_from_inspection(NOTTS, closures=(day for day in closed))
        assert generated.deadlines == listed.deadlines
        by_name = {d.name: d.due for d in generated.deadlines}
        assert by_name == {"submission": D(2023, 7, 7), "publication": D(2023, 8, 25)}
        assert all(
            late.due == early.due + dt.timedelta(days=2)
            for late, early in zip(generated.deadlines, plain.deadlines, strict=True)
        )
        assert by_name["publication"] > by_name["submission"]


class TestDatetimesMeanTheirDay:
    """A datetime given for a date means its day, everywhere in a plan."""

    @given(pair=actions(), as_of=plan_days, time=TIMES, received=st.none() | plan_days)
    def test_datetimes_give_the_same_answers_as_dates(
        self,
        pair: tuple[dict[str, object], dict[str, object]],
        as_of: dt.date,
        time: dt.time,
        received: dt.date | None,
    ) -> None:
        """Datetimes in fields and arguments rate, count and schedule like their days."""
        by_date = Action(**pair[0])  # type: ignore[arg-type]
        by_time = Action(**pair[1])  # type: ignore[arg-type]
        assert by_time == by_date
        moment = _at(as_of, time)
        assert by_date.assess(moment) == by_date.assess(as_of)  # type: ignore[arg-type]
        assert by_date.status_on(moment) == by_date.status_on(as_of)  # type: ignore[arg-type]
        stamped = (
            None if received is None else _at(received, time)  # type: ignore[arg-type]
        )
        plan = ActionPlan(
            report_received=received, sections=[Section(id="S", actions=[by_date])]
        )
        plan_with_times = ActionPlan(
            report_received=stamped,  # type: ignore[arg-type]
            sections=[Section(id="S", actions=[by_time])],
        )
        assert plan_with_times == plan
        assert rag_history(plan, [moment]) == rag_history(plan, [as_of])  # type: ignore[list-item]
        assert review_schedule(plan, moment) == review_schedule(plan, as_of)  # type: ignore[arg-type]
        assert plan_status(plan, moment) == plan_status(plan, as_of)  # type: ignore[arg-type]

    def test_datetime_fields_are_stored_as_dates(self) -> None:
        """Every date field of the plan model keeps the day of a datetime."""
        noon = dt.datetime(2024, 3, 28, 12, 30)
        day = D(2024, 3, 28)
        assert Action(id="A", start=noon, due=noon).due == day  # type: ignore[arg-type]
        assert Milestone(due=noon, achieved=noon).achieved == day  # type: ignore[arg-type]
        assert Measurement(on=noon, value=3).on == day  # type: ignore[arg-type]
        assert Kpi(id="K", baseline_on=noon, target_on=noon).target_on == day  # type: ignore[arg-type]
        assert PlanDeadline(name="submission", due=noon).due == day  # type: ignore[arg-type]
        plan = ActionPlan(review_from=noon, board_dates=[noon])  # type: ignore[arg-type, list-item]
        assert (plan.review_from, plan.board_dates) == (day, (day,))
        assert type(plan.board_dates[0]) is dt.date


class TestWrongTypesAreRefusedByName:
    """A value of the wrong type is refused with an error naming the field."""

    @pytest.mark.parametrize(
        ("make", "field"),
        [
            (lambda: Action(id="A", due="2024-03-28"), "Action.due"),
            (lambda: Action(id="A", start=20240328), "Action.start"),
            (lambda: Action(id="A", next_review="soon"), "Action.next_review"),
            (lambda: Milestone(due=None), "Milestone.due"),
            (lambda: ProgressUpdate(on="28/03/2024"), "ProgressUpdate.on"),
            (lambda: RagOverride(rag=Rag.RED, reason="x", on="x"), "RagOverride.on"),
            (lambda: Measurement(on=D(2024, 1, 1), value="12"), "Measurement.value"),
            (lambda: Kpi(id="K", baseline="high"), "Kpi.baseline"),
            (
                lambda: ActionPlan(report_received="2023-05-16"),
                "ActionPlan.report_received",
            ),
            (lambda: ActionPlan(board_dates=["2024-01-01"]), "board_dates"),
            (lambda: ActionPlan(board_dates="2024-01-01"), "board_dates"),
            (lambda: Action(id=7), "id"),
        ],
    )
    def test_wrong_types_are_refused_by_name(self, make, field: str) -> None:
        """A wrong type fails when the value is made, naming the field."""
        with pytest.raises(InvalidTypeError, match=field.replace(".", r"\.")):
            make()

    def test_text_date_points_to_parse_date(self) -> None:
        """Text is never guessed at: the message says how to read it."""
        with pytest.raises(InvalidTypeError, match="parse_date"):
            Action(id="A", due="2024-03-28")  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        "call",
        [
            lambda a: a.assess("2024-03-28"),
            lambda a: a.status_on(None),
            lambda a: a.override_on("today"),
            lambda a: a.latest_update("x"),
            lambda a: rag_history(ActionPlan(), ["2024-01-01"]),
            lambda a: rag_history(ActionPlan(), D(2024, 1, 1)),
            lambda a: review_schedule(ActionPlan(), "2024-01-01"),
        ],
    )
    def test_wrong_date_arguments_are_type_errors(self, call) -> None:
        """Date arguments that are not dates give InvalidTypeError, not a bare TypeError."""
        with pytest.raises(InvalidTypeError):
            call(Action(id="A", due=D(2024, 3, 28)))

    def test_assess_window_is_checked(self) -> None:
        """The amber window is a whole number of working days, zero or more."""
        action = Action(id="A", due=D(2024, 3, 28))
        with pytest.raises(InvalidInputError, match="due_soon_working_days"):
            action.assess(D(2024, 3, 1), due_soon_working_days=-1)
        with pytest.raises(InvalidTypeError, match="due_soon_working_days"):
            action.assess(D(2024, 3, 1), due_soon_working_days=2.5)  # type: ignore[arg-type]


class TestValidatorsRaiseSendkitErrors:
    """Every validator raises a SendkitError subclass, never a bare ValueError."""

    @pytest.mark.parametrize("months", [0, -6, 61])
    def test_review_cycle_out_of_range_is_an_input_error(self, months: int) -> None:
        """The CLI and Excel catch SendkitError: the cycle check raises one."""
        with pytest.raises(InvalidInputError, match=r"review_every_months .* 1 to 60"):
            ActionPlan(review_every_months=months)

    @pytest.mark.parametrize("months", ["6", 6.0, True])
    def test_review_cycle_must_be_an_int(self, months: object) -> None:
        """A cycle that is not a whole number is a SendkitError naming the field."""
        with pytest.raises(SendkitError, match="review_every_months"):
            ActionPlan(review_every_months=months)  # type: ignore[arg-type]

    def test_other_validators_raise_sendkit_errors(self) -> None:
        """Blank ids, non-finite values and out-of-order logs are SendkitErrors."""
        cases = [
            lambda: Action(id=" "),
            lambda: Measurement(on=D(2024, 1, 1), value=float("nan")),
            lambda: Action(
                id="A",
                updates=[
                    ProgressUpdate(on=D(2024, 2, 1)),
                    ProgressUpdate(on=D(2024, 1, 1)),
                ],
            ),
            lambda: Action(id="A", start=D(2024, 2, 1), due=D(2024, 1, 1)),
        ]
        for make in cases:
            with pytest.raises(SendkitError):
                make()
