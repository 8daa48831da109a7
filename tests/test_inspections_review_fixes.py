"""Review fixes for inspections: closures held once, datetimes, typed fields, --rules."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sendkit import add_working_days, is_working_day
from sendkit.cli import main
from sendkit.errors import InvalidInputError, InvalidTypeError
from sendkit.inspections import (
    EXAMPLES,
    Framework,
    Inspection,
    Outcome,
    RevisitOutcome,
    Status,
    WsoaOutcome,
    follow_up,
)
from sendkit.plans import read_plan
from sendkit.reports import inspection_report, render_text, timeline_svg

D = dt.date
NOTTS = EXAMPLES["nottinghamshire-2023"]
REGIONS = st.sampled_from(["england-and-wales", "scotland", "northern-ireland"])
LOCAL_RULES = """\
[rules."area-send.pap.submit"]
period = "40 working days"
reason = "Confirmed by our DfE adviser"
"""


def _on(milestones, rule):
    return next(m.on for m in milestones if m.rule == rule)


def _keyed(milestones):
    return {(m.rule, m.label): m.on for m in milestones}


# -- 1. closures given as a generator count for every deadline -------------------


def test_generator_closures_reach_both_priority_action_plan_deadlines():
    """Publication skips the closures too, so it never comes out before submission."""
    closed = (D(2023, 6, 1), D(2023, 6, 2))
    listed = follow_up(NOTTS, closures=closed)
    generated = follow_up(NOTTS, closures=(day for day in closed))
    assert generated == listed
    assert _on(generated, "area-send.pap.submit") == D(2023, 7, 7)
    assert _on(generated, "area-send.pap.publish") == D(2023, 8, 25)


def test_generator_closures_reach_the_legacy_statement_and_revisit():
    """The written statement and the revisit counted from it both see the closures."""
    area = Inspection(
        local_area="X",
        framework=Framework.LOCAL_AREA_SEND_2016,
        outcome=WsoaOutcome.REQUIRED,
        published=D(2019, 3, 1),
    )
    closed = [D(2019, 3, 4), D(2019, 3, 5)]
    assert follow_up(area, closures=iter(closed)) == follow_up(area, closures=closed)


# -- 2. datetimes mean their day; other values are refused by name ----------------


@given(
    published=st.dates(D(2016, 6, 1), D(2027, 6, 30)),
    time=st.times(),
    as_of=st.dates(D(2016, 6, 1), D(2032, 12, 31)),
    legacy=st.booleans(),
)
def test_datetimes_give_the_same_answers_as_dates(published, time, as_of, legacy):
    """An inspection published at a datetime follows up exactly as on its day."""
    framework, outcome = (
        (Framework.LOCAL_AREA_SEND_2016, WsoaOutcome.REQUIRED)
        if legacy
        else (Framework.AREA_SEND_2023, Outcome.SYSTEMIC)
    )
    by_date = Inspection(
        local_area="X", framework=framework, outcome=outcome, published=published
    )
    by_time = Inspection(
        local_area="X",
        framework=framework,
        outcome=outcome,
        published=dt.datetime.combine(published, time),
    )
    assert by_time == by_date
    assert type(by_time.published) is dt.date
    milestones = follow_up(by_time)
    assert milestones == follow_up(by_date)
    moment = dt.datetime.combine(as_of, time)
    for m in milestones:
        assert m.status(as_of=moment) == m.status(as_of=as_of)
    assert inspection_report(by_date, milestones, as_of=moment) == inspection_report(
        by_date, milestones, as_of=as_of
    )
    assert timeline_svg(by_date, milestones, as_of=moment) == timeline_svg(
        by_date, milestones, as_of=as_of
    )


@pytest.mark.parametrize(
    "field",
    [
        "start",
        "end",
        "published",
        "report_received",
        "wsoa_accepted",
        "revisit_start",
        "revisit_published",
    ],
)
def test_text_in_a_date_field_is_refused_by_name(field):
    """Inspection(published='2023-05-16') fails at once, naming the field."""
    with pytest.raises(InvalidTypeError, match=rf"Inspection\.{field} .*parse_date"):
        Inspection(
            local_area="X",
            framework=Framework.LOCAL_AREA_SEND_2016,
            **{field: "2023-05-16"},
        )


def test_other_fields_raise_sendkit_errors():
    """Names and counts of the wrong type or value are SendkitErrors naming the field."""
    with pytest.raises(InvalidInputError, match="local_area"):
        Inspection(local_area=" ", framework=Framework.AREA_SEND_2023)
    with pytest.raises(InvalidTypeError, match="local_area"):
        Inspection(local_area=None, framework=Framework.AREA_SEND_2023)
    with pytest.raises(InvalidTypeError, match="priority_action_count"):
        Inspection(
            local_area="X",
            framework=Framework.AREA_SEND_2023,
            priority_action_count="2",
        )
    with pytest.raises(InvalidInputError, match="improvement_count"):
        Inspection(
            local_area="X", framework=Framework.AREA_SEND_2023, improvement_count=-1
        )


def test_status_refuses_a_non_date():
    """Milestone.status(as_of='...') is an InvalidTypeError, not a bare TypeError."""
    with pytest.raises(InvalidTypeError, match="as_of"):
        follow_up(NOTTS)[0].status(as_of="2024-01-01")


# -- 4. a local rule file reaches the inspection commands --------------------------


@pytest.fixture
def rule_file(tmp_path):
    path = tmp_path / "local.toml"
    path.write_text(LOCAL_RULES, encoding="utf-8")
    return path


def test_follow_up_marks_locally_overridden_milestones(rule_file):
    """Milestones from a rule file carry how the rule was changed; others None."""
    from sendkit import load_rules

    milestones = follow_up(NOTTS, rules=load_rules(rule_file))
    pap = next(m for m in milestones if m.rule == "area-send.pap.submit")
    assert pap.on == add_working_days(D(2023, 5, 16), 40)
    assert pap.overridden == "local rule file local.toml: Confirmed by our DfE adviser"
    assert pap.to_dict()["overridden"] == pap.overridden
    assert all(m.overridden is None for m in milestones if m is not pap)
    text = render_text("T", inspection_report(NOTTS, milestones))
    assert "UNCONFIRMED [U], LOCAL RULE" in text
    assert "LOCAL RULE = dated by a locally overridden rule" in text
    assert "LOCAL RULE" not in render_text(
        "T", inspection_report(NOTTS, follow_up(NOTTS))
    )


def test_timeline_rules(capsys, rule_file):
    """sendkit timeline --rules dates with the file and says which rule it changed."""
    argv = ["timeline", "--outcome", "3", "--report-received", "2023-05-16"]
    assert main([*argv, "--rules", str(rule_file)]) == 0
    out = capsys.readouterr().out
    assert (
        "Locally overridden rule area-send.pap.submit: local rule file local.toml"
        in out
    )
    assert "2023-07-12  deadline  Submit the priority action plan" in out
    assert "LOCAL RULE" in out
    assert main([*argv, "--rules", str(rule_file), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data[0]["date"] == "2023-07-12"
    assert data[0]["overridden"].startswith("local rule file local.toml")
    assert data[1]["overridden"] is None


def test_inspections_rules(capsys, rule_file, ofsted_dir):
    """sendkit inspections --rules: every outcome-3 submission moves and is marked."""
    mi_csv = ofsted_dir / "mi_area_send_jan_to_aug_2023.csv"
    assert main(["inspections", str(mi_csv), "--rules", str(rule_file), "--json"]) == 0
    entries = json.loads(capsys.readouterr().out)
    submits = [
        m
        for entry in entries
        for m in entry["milestones"]
        if m["rule"] == "area-send.pap.submit"
    ]
    assert submits
    assert all(m["overridden"] and m["period"] == "40 working days" for m in submits)
    assert main(["inspections", str(mi_csv), "--rules", str(rule_file)]) == 0
    out = capsys.readouterr().out
    assert "Locally overridden rule area-send.pap.submit" in out
    assert "(LOCAL RULE)" in out


def test_demo_rules(capsys, rule_file):
    """sendkit demo --rules: the walkthrough and its plan skeleton use the file."""
    assert main(["demo", "--rules", str(rule_file)]) == 0
    out = capsys.readouterr().out
    assert "Locally overridden rule area-send.pap.submit" in out
    assert "UNCONFIRMED [U], LOCAL RULE" in out
    assert (
        "submission: due 2023-07-12 (area-send.pap.submit, UNCONFIRMED, LOCAL RULE)"
        in out
    )
    assert "--rules FILE" in out


def test_plan_new_rules(capsys, rule_file, tmp_path):
    """sendkit plan new --rules: the submission deadline and its source are local."""
    out = tmp_path / "pap.csv"
    argv = ["plan", "new", "--outcome", "3", "--report-received", "2023-05-16"]
    argv += ["--area", "EHC plans", "-o", str(out), "--rules", str(rule_file)]
    assert main(argv) == 0
    text = capsys.readouterr().out
    assert "submission: due 2023-07-12 [area-send.pap.submit]" in text
    assert "(LOCAL RULE: local rule file local.toml" in text
    assert (
        "publication: due 2023-08-23 [area-send.pap.publish]  (UNCONFIRMED)\n" in text
    )
    submission = read_plan(out).deadlines[0]
    assert submission.due == D(2023, 7, 12)
    assert "Locally overridden: local rule file local.toml" in submission.source


@pytest.mark.parametrize(
    "argv",
    [
        ["timeline", "--outcome", "3", "--report-received", "2023-05-16"],
        ["demo"],
        [
            "plan",
            "new",
            "--outcome",
            "3",
            "--report-received",
            "2023-05-16",
            "--area",
            "A",
            "-o",
            "never.csv",
        ],
    ],
)
def test_a_bad_rule_file_is_one_line_and_exit_2(capsys, tmp_path, argv):
    """A missing or broken rule file is reported in one line, exit 2."""
    argv = [a.replace("never.csv", str(tmp_path / "never.csv")) for a in argv]
    assert main([*argv, "--rules", str(tmp_path / "missing.toml")]) == 2
    err = capsys.readouterr().err
    assert "missing.toml" in err
    assert len(err.strip().splitlines()) == 1
    bad = tmp_path / "bad.toml"
    bad.write_text(
        '[rules."area-send.pap.submit"]\nperiod = "soon"\n', encoding="utf-8"
    )
    assert main([*argv, "--rules", str(bad)]) == 2
    assert "bad.toml" in capsys.readouterr().err


# -- 5. properties of follow_up across every path ----------------------------------


def _check_common(milestones, closures, region, received):
    dated = [m.on for m in milestones if m.on is not None]
    assert dated == sorted(dated)
    assert all(m.on is not None for m in milestones[: len(dated)])
    for m in milestones:
        if m.kind == "deadline":
            assert m.start == received
            assert is_working_day(m.on, region=region)
            assert m.on not in closures
            assert m.on == add_working_days(
                received, int(m.period.split()[0]), region=region, closures=closures
            )


@st.composite
def closure_days(draw, start):
    days = draw(st.lists(st.integers(0, 150), max_size=6))
    return sorted({start + dt.timedelta(days=n) for n in days})


@given(
    received=st.dates(D(2023, 1, 1), D(2027, 12, 31)),
    outcome=st.sampled_from(list(Outcome)),
    region=REGIONS,
    data=st.data(),
)
def test_2023_framework_with_closures(received, outcome, region, data):
    """Closures never bring a date forward; publication always follows submission."""
    closures = data.draw(closure_days(received))
    case = Inspection(
        local_area="X",
        framework=Framework.AREA_SEND_2023,
        outcome=outcome,
        report_received=received,
    )
    without = follow_up(case, region=region)
    with_closures = follow_up(case, region=region, closures=iter(closures))
    assert with_closures == follow_up(case, region=region, closures=closures)
    _check_common(with_closures, closures, region, received)
    before = _keyed(without)
    after = _keyed(with_closures)
    assert before.keys() == after.keys()
    assert all(after[key] >= before[key] for key in before if before[key] is not None)
    if outcome is Outcome.SYSTEMIC:
        submit = _on(with_closures, "area-send.pap.submit")
        publish = _on(with_closures, "area-send.pap.publish")
        assert received < submit < publish


@st.composite
def legacy_inspections(draw):
    published = draw(st.dates(D(2016, 6, 1), D(2022, 12, 31)))
    required = draw(st.booleans())
    fields = {}
    if draw(st.booleans()):
        fields["report_received"] = published - dt.timedelta(
            days=draw(st.integers(0, 20))
        )
    if required:
        if draw(st.booleans()):
            fields["wsoa_accepted"] = published + dt.timedelta(
                days=draw(st.integers(60, 200))
            )
        if draw(st.booleans()):  # revisited
            revisit = published + dt.timedelta(days=draw(st.integers(300, 900)))
            fields |= {
                "revisit_start": revisit,
                "revisit_published": revisit
                + dt.timedelta(days=draw(st.integers(0, 60))),
                "revisit_outcome": draw(st.sampled_from(list(RevisitOutcome))),
            }
    return Inspection(
        local_area="X",
        framework=Framework.LOCAL_AREA_SEND_2016,
        outcome=WsoaOutcome.REQUIRED if required else WsoaOutcome.NOT_REQUIRED,
        published=published,
        **fields,
    )


@given(case=legacy_inspections(), region=REGIONS, data=st.data())
def test_2016_framework_with_and_without_revisits(case, region, data):
    """The statement comes before its revisit, the revisit before the plan review;
    closures never bring a date forward; a revisit done is never lapsed."""
    received = case.received
    closures = data.draw(closure_days(received))
    without = follow_up(case, region=region)
    with_closures = follow_up(case, region=region, closures=iter(closures))
    assert with_closures == follow_up(case, region=region, closures=closures)
    _check_common(with_closures, closures, region, received)
    before = _keyed(without)
    after = _keyed(with_closures)
    assert before.keys() == after.keys()
    assert all(
        after[key] >= before[key]
        for key in before
        if before[key] is not None and after[key] is not None
    )
    rules = [m.rule for m in with_closures]
    if case.outcome is WsoaOutcome.NOT_REQUIRED:
        assert [m.on for m in with_closures] == [None]
        return
    assert "legacy.wsoa.submit" in rules
    assert "legacy.revisit" in rules
    submit = _on(with_closures, "legacy.wsoa.submit")
    revisit = next(m for m in with_closures if m.rule == "legacy.revisit")
    if submit is not None:
        assert submit > received
    if case.wsoa_accepted is None and submit is not None and revisit.on is not None:
        assert revisit.on > submit
        assert revisit.start == submit
    if case.revisit_start is None:
        assert "area-send.full-inspection.legacy-wsoa" in rules
        assert revisit.status(as_of=D(2023, 1, 1)) == Status.LAPSED
    else:
        assert "area-send.full-inspection.legacy-wsoa" not in rules
        assert revisit.status(as_of=case.revisit_start) == Status.DONE
        assert revisit.status(as_of=D(2030, 1, 1)) == Status.DONE
    if case.revisit_outcome in {RevisitOutcome.SOME, RevisitOutcome.NONE}:
        review = _on(with_closures, "legacy.app.review")
        assert review is not None
        assert review > case.revisit_published
    if case.revisit_outcome is RevisitOutcome.ALL:
        assert with_closures[-1].on is None
        assert with_closures[-1].label.endswith("ends")


def test_revisit_date_shifts_with_a_statement_closure():
    """A closure inside the statement's 70 working days moves the revisit too."""
    case = Inspection(
        local_area="X",
        framework=Framework.LOCAL_AREA_SEND_2016,
        outcome=WsoaOutcome.REQUIRED,
        published=D(2019, 3, 1),
    )
    plain = follow_up(case)
    closed = follow_up(
        case, closures=(D(2019, 3, 4) + dt.timedelta(days=n) for n in (0, 1))
    )
    submit = _on(plain, "legacy.wsoa.submit")
    assert _on(closed, "legacy.wsoa.submit") == add_working_days(submit, 2)
    assert _on(closed, "legacy.revisit") > _on(plain, "legacy.revisit")
