"""Review fixes for plans: closures given once, datetimes, typed fields, SendkitErrors."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sendkit.errors import InvalidInputError, InvalidTypeError, SendkitError
from sendkit.inspections import EXAMPLES
from sendkit.plans import (
    Action,
    ActionPlan,
    Kpi,
    Measurement,
    Milestone,
    PlanDeadline,
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

D = dt.date
NOTTS = EXAMPLES["nottinghamshire-2023"]
DAYS = st.dates(D(2021, 1, 1), D(2026, 6, 30))
TIMES = st.times()


def _at(day: dt.date, time: dt.time) -> dt.datetime:
    return dt.datetime.combine(day, time)


# -- 1. closures given as a generator count for every deadline -------------------


def test_generator_closures_reach_every_plan_deadline() -> None:
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


# -- 2. datetimes mean their day; other values are refused by name ----------------


@st.composite
def actions(draw: st.DrawFn) -> tuple[dict[str, object], dict[str, object]]:
    """Keyword arguments for one action, with dates and with datetimes."""
    start = draw(st.none() | DAYS)
    due = draw(st.none() | DAYS)
    if start is not None and due is not None and due < start:
        start, due = due, start
    updates = sorted(draw(st.lists(DAYS, max_size=3)))
    statuses = draw(
        st.lists(st.none() | st.sampled_from(list(Status)), min_size=3, max_size=3)
    )
    override_on = draw(st.none() | DAYS)
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


@given(pair=actions(), as_of=DAYS, time=TIMES, received=st.none() | DAYS)
def test_datetimes_give_the_same_answers_as_dates(
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


def test_datetime_fields_are_stored_as_dates() -> None:
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
def test_wrong_types_are_refused_by_name(make, field: str) -> None:
    """A wrong type fails when the value is made, naming the field."""
    with pytest.raises(InvalidTypeError, match=field.replace(".", r"\.")):
        make()


def test_text_date_points_to_parse_date() -> None:
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
def test_wrong_date_arguments_are_type_errors(call) -> None:
    """Date arguments that are not dates give InvalidTypeError, not a bare TypeError."""
    with pytest.raises(InvalidTypeError):
        call(Action(id="A", due=D(2024, 3, 28)))


def test_assess_window_is_checked() -> None:
    """The amber window is a whole number of working days, zero or more."""
    action = Action(id="A", due=D(2024, 3, 28))
    with pytest.raises(InvalidInputError, match="due_soon_working_days"):
        action.assess(D(2024, 3, 1), due_soon_working_days=-1)
    with pytest.raises(InvalidTypeError, match="due_soon_working_days"):
        action.assess(D(2024, 3, 1), due_soon_working_days=2.5)  # type: ignore[arg-type]


# -- 3. validators raise SendkitErrors -------------------------------------------


@pytest.mark.parametrize("months", [0, -6, 61])
def test_review_cycle_out_of_range_is_an_input_error(months: int) -> None:
    """The CLI and Excel catch SendkitError: the cycle check raises one."""
    with pytest.raises(InvalidInputError, match=r"review_every_months .* 1 to 60"):
        ActionPlan(review_every_months=months)


@pytest.mark.parametrize("months", ["6", 6.0, True])
def test_review_cycle_must_be_an_int(months: object) -> None:
    """A cycle that is not a whole number is a SendkitError naming the field."""
    with pytest.raises(SendkitError, match="review_every_months"):
        ActionPlan(review_every_months=months)  # type: ignore[arg-type]


def test_other_validators_raise_sendkit_errors() -> None:
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
