"""`follow_up`: what follows each outcome, dated by the rule catalogue; and the report."""

from __future__ import annotations

import datetime as dt
import re

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sendkit import add_working_days, is_working_day
from sendkit.errors import InvalidTypeError
from sendkit.inspections import (
    EXAMPLES,
    FOLLOW_UP,
    REVISIT_FOLLOW_UP,
    REVISITS_ENDED,
    Framework,
    Inspection,
    Outcome,
    RevisitOutcome,
    Status,
    WsoaOutcome,
    follow_up,
)
from sendkit.io import read_inspections
from sendkit.reports import inspection_report, render_html, render_text, timeline_svg
from sendkit.rules import RULES

from .strategies import framework_2016_days, framework_2023_days

D = dt.date
NOTTS = EXAMPLES["nottinghamshire-2023"]
DERBYS = EXAMPLES["derbyshire-2024"]


def _dates(milestones):
    return {(m.rule, m.label): m.on for m in milestones}


def _by_rule(milestones):
    out = {}
    for m in milestones:
        out.setdefault(m.rule, m)
    return out


class TestNottinghamshire:
    def test_every_milestone_and_date(self):
        """Outcome 3 from 16 May 2023: PAP 5 July and 23 August, then expected dates."""
        found = [(m.on, m.rule, m.kind) for m in follow_up(NOTTS)]
        assert found == [
            (D(2023, 7, 5), "area-send.pap.submit", "deadline"),
            (D(2023, 8, 23), "area-send.pap.publish", "deadline"),
            (D(2023, 11, 16), "dfe.stocktake", "expected"),
            (D(2024, 5, 16), "area-send.engagement-meeting", "expected"),
            (D(2024, 11, 16), "area-send.monitoring-inspection", "expected"),
            (D(2025, 5, 16), "area-send.engagement-meeting", "expected"),
            (D(2026, 5, 16), "area-send.full-inspection.after-systemic", "expected"),
        ]

    def test_assumed_receipt_is_stated(self):
        """The publication date stands in for receipt, and each milestone says so."""
        for m in follow_up(NOTTS):
            if "(2nd)" in m.label:
                assert m.assumptions[0].startswith(
                    "Counted from the previous engagement"
                )
            else:
                assert (
                    "publication date, 2023-05-16, is used instead" in m.assumptions[0]
                )

    def test_known_receipt_moves_the_dates_and_drops_the_assumption(self):
        """With the receipt date known, dates count from it and nothing is assumed."""
        known = attrs.evolve(NOTTS, report_received=D(2023, 5, 9))
        pap = _by_rule(follow_up(known))["area-send.pap.submit"]
        assert pap.on == add_working_days(D(2023, 5, 9), 35)
        assert pap.on < D(2023, 7, 5)
        assert pap.assumptions == ()

    def test_milestones_carry_rule_source_and_confidence(self):
        """Each milestone repeats its rule's basis, source, URL and confidence."""
        for m in follow_up(NOTTS):
            rule = RULES[m.rule]
            assert m.is_hard_limit is rule.is_hard_limit
            assert m.basis == rule.basis.value
            assert m.source == rule.source
            assert m.url == rule.url
            assert m.confidence == rule.confidence.tag
            assert m.confirmed is rule.confirmed is False
            assert m.trail[0].startswith(m.rule)

    def test_to_dict(self):
        """The JSON shape: ISO date, rule, basis, confirmed, label; status with as_of."""
        first = follow_up(NOTTS)[0].to_dict(as_of=D(2023, 7, 6))
        assert first["date"] == "2023-07-05"
        assert first["rule"] == "area-send.pap.submit"
        assert first["basis"] == "framework"
        assert first["confirmed"] is False
        assert first["label"] == "Submit the priority action plan to Ofsted and CQC"
        assert first["status"] == Status.PASSED
        assert "status" not in follow_up(NOTTS)[0].to_dict()

    def test_local_figures(self):
        """A rule book with a local period changes the date and says so in the trail."""
        book = RULES.with_period("area-send.pap.submit", "30 working days")
        pap = _by_rule(follow_up(NOTTS, rules=book))["area-send.pap.submit"]
        assert pap.on == add_working_days(D(2023, 5, 16), 30)
        assert any("Locally overridden" in line for line in pap.trail)


def test_derbyshire_seed():
    """Derbyshire (14 Nov 2024): stocktake after six months, monitoring 18 months, full 3 years."""
    milestones = _by_rule(follow_up(DERBYS))
    assert DERBYS.priority_actions == 6
    assert DERBYS.improvement_count == 5
    assert milestones["area-send.pap.submit"].on == add_working_days(
        D(2024, 11, 14), 35
    )
    assert milestones["dfe.stocktake"].on == D(2025, 5, 14)
    assert milestones["area-send.monitoring-inspection"].on == D(2026, 5, 14)
    assert milestones["area-send.full-inspection.after-systemic"].on == D(2027, 11, 14)


class TestOtherOutcomes:
    def _case(self, outcome):
        return Inspection(
            local_area="X",
            framework=Framework.AREA_SEND_2023,
            outcome=outcome,
            published=D(2023, 5, 31),
        )

    def test_inconsistent(self):
        """Outcome 2: engagement, full inspection in 3 years, and an undated strategic plan."""
        milestones = follow_up(self._case(Outcome.INCONSISTENT))
        assert [m.rule for m in milestones] == [
            "area-send.engagement-meeting",
            "area-send.engagement-meeting",
            "area-send.full-inspection.after-inconsistent",
            None,
        ]
        assert milestones[2].on == D(2026, 5, 31)
        plan = milestones[-1]
        assert plan.on is None
        assert plan.kind == "undated"
        assert plan.confidence == "[U]"
        assert "no deadline" in plan.trail[0]
        assert plan.status(as_of=D(2030, 1, 1)) == Status.UNDATED

    def test_positive(self):
        """Outcome 1: four annual engagement meetings, then a full inspection in 5 years."""
        milestones = follow_up(self._case(Outcome.POSITIVE))
        assert [m.on for m in milestones] == [
            D(2024, 5, 31),
            D(2025, 5, 31),
            D(2026, 5, 31),
            D(2027, 5, 31),
            D(2028, 5, 31),
        ]
        assert milestones[-1].rule == "area-send.full-inspection.after-positive"
        assert [m.label[-5:] for m in milestones[:4]] == [
            "(1st)",
            "(2nd)",
            "(3rd)",
            "(4th)",
        ]

    def test_unknown_outcome_has_no_milestones(self):
        """Nothing follows an outcome that is not known."""
        assert follow_up(self._case(None)) == ()

    def test_no_date_means_undated_milestones_with_a_reason(self):
        """Without a publication or receipt date every milestone is undated, and says why."""
        bare = attrs.evolve(self._case(Outcome.SYSTEMIC), published=None)
        milestones = follow_up(bare)
        assert milestones
        assert all(m.on is None for m in milestones)
        assert all("not known" in m.trail[0] for m in milestones)

    def test_every_plan_rule_exists(self):
        """Every rule code in the plans is in the catalogue."""
        steps = [step for plan in FOLLOW_UP.values() for step in plan]
        steps += [step for plan in REVISIT_FOLLOW_UP.values() for step in plan]
        for step in steps:
            if step.rule is not None:
                assert step.rule in RULES
            else:
                assert step.note
                assert step.url.startswith("https://")


class TestLegacy:
    @pytest.fixture
    def legacy(self, ofsted_dir):
        path = (
            ofsted_dir / "Area_SEND_inspection_data_01_May_2016_to_31_August_2022.ods"
        )
        return {one.local_area: one for one in read_inspections(path).inspections}

    def test_devon_no_progress(self, legacy):
        """Devon: statement due 70 working days after the letter; revisit done; APP review."""
        milestones = follow_up(legacy["Devon"])
        assert [m.rule for m in milestones] == [
            "legacy.wsoa.submit",
            "legacy.revisit",
            "legacy.app.review",
        ]
        submit, revisit, review = milestones
        assert submit.on == add_working_days(D(2019, 2, 5), 70)
        assert submit.kind == "deadline"
        assert revisit.happened == D(2022, 5, 23)
        assert revisit.status(as_of=D(2022, 8, 31)) == Status.DONE
        assert "its submission deadline" in revisit.assumptions[0]
        assert review.on == D(2023, 1, 11)
        assert "assumes one was required" in review.assumptions[-1]

    def test_not_revisited(self, legacy):
        """Barnsley: revisit expected, lapsed when revisits ended; then the promised inspection."""
        milestones = follow_up(legacy["Barnsley"])
        revisit = _by_rule(milestones)["legacy.revisit"]
        assert revisit.happened is None
        assert revisit.on == D(2023, 9, 7)
        assert revisit.status(as_of=D(2022, 12, 31)) == Status.UPCOMING
        assert revisit.status(as_of=D(2024, 1, 1)) == Status.LAPSED
        assert revisit.ended == REVISITS_ENDED
        assert "revisits ended December 2022; not revisited" in revisit.trail[-1]
        full = milestones[-1]
        assert full.rule == "area-send.full-inspection.legacy-wsoa"
        assert (full.on, full.kind, full.confidence) == (
            D(2025, 12, 31),
            "expected",
            "[S]",
        )
        assert full.start == D(2023, 1, 1)
        assert "parallelparliament.co.uk/question/43359" in full.url
        assert full.status(as_of=D(2025, 6, 1)) == Status.UPCOMING
        assert full.status(as_of=D(2026, 1, 1)) == Status.OVERDUE
        assert "management-information file" in full.assumptions[-1]

    def test_overdue_revisit_before_the_end(self, legacy):
        """Bristol in August 2022: the revisit was overdue, revisits had not ended."""
        revisit = _by_rule(follow_up(legacy["Bristol"]))["legacy.revisit"]
        assert revisit.on == D(2021, 10, 2)
        assert revisit.status(as_of=D(2022, 8, 31)) == Status.OVERDUE
        assert revisit.status(as_of=D(2023, 1, 1)) == Status.LAPSED
        assert revisit.to_dict(as_of=D(2023, 1, 1))["status"] == "lapsed"

    def test_no_revisit_lapses_in_the_real_file(self, legacy):
        """From 2023 no area's revisit is overdue: 36 never revisited, all lapsed."""
        statuses = [
            m.status(as_of=D(2024, 6, 1))
            for one in legacy.values()
            for m in follow_up(one)
            if m.rule == "legacy.revisit"
        ]
        assert Status.OVERDUE not in statuses
        assert statuses.count(Status.LAPSED) == 36
        assert statuses.count(Status.DONE) == 46

    def test_a_revisit_done_is_never_lapsed(self, legacy):
        """Devon, revisited in May 2022, stays done after revisits ended."""
        revisit = _by_rule(follow_up(legacy["Devon"]))["legacy.revisit"]
        assert revisit.status(as_of=D(2030, 1, 1)) == Status.DONE

    def test_sufficient_progress_and_no_statement(self, legacy):
        """Bedford (Yes) ends monitoring; Barnet (no statement) has one undated item."""
        assert follow_up(legacy["Bedford"])[-1].label.endswith("ends")
        (only,) = follow_up(legacy["Barnet"])
        assert only.on is None
        assert "2023 framework" in only.label

    def test_acceptance_date_when_known(self):
        """With the acceptance date given, the revisit counts 18 months from it."""
        area = Inspection(
            local_area="Darlington",
            framework=Framework.LOCAL_AREA_SEND_2016,
            outcome=WsoaOutcome.REQUIRED,
            published=D(2022, 4, 13),
            wsoa_accepted=D(2022, 9, 9),
        )
        revisit = _by_rule(follow_up(area))["legacy.revisit"]
        assert revisit.on == D(2024, 3, 9)
        assert revisit.assumptions == ()

    def test_outside_the_rule_s_validity(self):
        """A 2016-framework clock starting in 2023 is outside the rule: undated, explained."""
        late = Inspection(
            local_area="Late",
            framework=Framework.LOCAL_AREA_SEND_2016,
            outcome=WsoaOutcome.REQUIRED,
            published=D(2023, 2, 1),
            revisit_outcome=RevisitOutcome.SOME,
            revisit_published=D(2023, 3, 1),
            revisit_start=D(2023, 2, 20),
        )
        submit = _by_rule(follow_up(late))["legacy.wsoa.submit"]
        assert submit.on is None
        assert "2022-12-31" in submit.trail[0]


@given(
    received=framework_2023_days,
    outcome=st.sampled_from(list(Outcome)),
    region=st.sampled_from(["england-and-wales", "scotland", "northern-ireland"]),
)
def test_properties(received, outcome, region):
    """Milestones are in date order, after receipt; deadlines are WORKDAY results."""
    case = Inspection(
        local_area="X",
        framework=Framework.AREA_SEND_2023,
        outcome=outcome,
        report_received=received,
    )
    milestones = follow_up(case, region=region)
    dated = [m.on for m in milestones if m.on is not None]
    assert dated == sorted(dated)
    assert all(day > received for day in dated)
    assert all(m.on is not None for m in milestones[: len(dated)])
    for m in milestones:
        if m.kind == "deadline":
            assert is_working_day(m.on, region=region)
            assert m.on == add_working_days(
                received, int(m.period.split()[0]), region=region
            )
        if m.on is not None:
            assert m.status(as_of=received) == Status.UPCOMING
            later = m.on + dt.timedelta(days=1)
            assert m.status(as_of=later) == (
                Status.PASSED if m.is_hard_limit else Status.OVERDUE
            )


class TestReport:
    def test_text_report(self):
        """The text has the outcome statement, key dates and visible flags."""
        text = render_text("T", inspection_report(NOTTS, follow_up(NOTTS)))
        assert "Outcome 3: Widespread and/or systemic failings" in text
        assert "2023-07-05  deadline  Submit the priority action plan" in text
        assert "UNCONFIRMED [S]" in text
        assert "ASSUMED" in text
        assert "Mon 29 May 2023  bank holiday: Spring Bank Holiday" in text
        assert "and 14 weekend days" in text

    def test_status_column_only_with_as_of(self):
        """Statuses appear only when a date is given."""
        without = render_text("T", inspection_report(NOTTS, follow_up(NOTTS)))
        with_as_of = render_text(
            "T", inspection_report(NOTTS, follow_up(NOTTS), as_of=D(2025, 1, 1))
        )
        assert "Status on" not in without
        assert "Status on 2025-01-01" in with_as_of
        assert "overdue" in with_as_of

    def test_chart_marks_overdue_events_with_as_of(self):
        """With as_of the chart has the day's line and overdue expected events in red."""
        svg = timeline_svg(NOTTS, follow_up(NOTTS), as_of=D(2025, 1, 1))
        assert "as of 1 January 2025" in svg
        assert svg.count(" overdue</text>") == 3
        assert " overdue" not in timeline_svg(NOTTS, follow_up(NOTTS))

    def test_chart_without_dates_is_empty(self):
        """An inspection with nothing dated has no chart."""
        bare = Inspection(local_area="X", framework=Framework.AREA_SEND_2023)
        assert timeline_svg(bare, ()) == ""

    def test_html_is_self_contained_and_escaped(self):
        """One page: inline CSS and SVG, no scripts or external references, text escaped."""
        hostile = attrs.evolve(NOTTS, local_area="<script>alert(1)</script> & Co")
        page = render_html(
            "<b>title</b>", inspection_report(hostile, follow_up(hostile))
        )
        assert page.startswith("<!DOCTYPE html>")
        assert "<script" not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in page
        assert "&lt;b&gt;title&lt;/b&gt;" in page
        assert "<svg" in page
        assert "<style>" in page
        assert not re.search(r"\bsrc\s*=", page)
        assert all(
            h.startswith("https://") for h in re.findall(r'href="([^"]*)"', page)
        )
        assert "url(" not in page
        assert "@import" not in page


REGIONS = st.sampled_from(["england-and-wales", "scotland", "northern-ireland"])


def _on(milestones, rule):
    return next(m.on for m in milestones if m.rule == rule)


def _keyed(milestones):
    return {(m.rule, m.label): m.on for m in milestones}


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


@st.composite
def legacy_inspections(draw):
    published = draw(framework_2016_days)
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


class TestClosuresFromAGenerator:
    """Closures given as a one-shot generator reach every deadline counted from them."""

    def test_generator_closures_reach_both_priority_action_plan_deadlines(self):
        """Publication skips the closures too, so it never comes out before submission."""
        closed = (D(2023, 6, 1), D(2023, 6, 2))
        listed = follow_up(NOTTS, closures=closed)
        generated = follow_up(NOTTS, closures=(day for day in closed))
        assert generated == listed
        assert _on(generated, "area-send.pap.submit") == D(2023, 7, 7)
        assert _on(generated, "area-send.pap.publish") == D(2023, 8, 25)

    def test_generator_closures_reach_the_legacy_statement_and_revisit(self):
        """The written statement and the revisit counted from it both see the closures."""
        area = Inspection(
            local_area="X",
            framework=Framework.LOCAL_AREA_SEND_2016,
            outcome=WsoaOutcome.REQUIRED,
            published=D(2019, 3, 1),
        )
        closed = [D(2019, 3, 4), D(2019, 3, 5)]
        assert follow_up(area, closures=iter(closed)) == follow_up(
            area, closures=closed
        )

    def test_revisit_date_shifts_with_a_statement_closure(self):
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


class TestMilestoneStatusTypes:
    """Milestone.status takes a date or datetime only."""

    def test_status_refuses_a_non_date(self):
        """Milestone.status(as_of='...') is an InvalidTypeError, not a bare TypeError."""
        with pytest.raises(InvalidTypeError, match="as_of"):
            follow_up(NOTTS)[0].status(as_of="2024-01-01")


class TestLocalRuleOverridesInFollowUp:
    """Milestones dated by a locally overridden rule say so, in objects and reports."""

    def test_follow_up_marks_locally_overridden_milestones(self, rule_file):
        """Milestones from a rule file carry how the rule was changed; others None."""
        from sendkit import load_rules

        milestones = follow_up(NOTTS, rules=load_rules(rule_file))
        pap = next(m for m in milestones if m.rule == "area-send.pap.submit")
        assert pap.on == add_working_days(D(2023, 5, 16), 40)
        assert (
            pap.overridden == "local rule file local.toml: Confirmed by our DfE adviser"
        )
        assert pap.to_dict()["overridden"] == pap.overridden
        assert all(m.overridden is None for m in milestones if m is not pap)
        text = render_text("T", inspection_report(NOTTS, milestones))
        assert "UNCONFIRMED [U], LOCAL RULE" in text
        assert "LOCAL RULE = dated by a locally overridden rule" in text
        assert "LOCAL RULE" not in render_text(
            "T", inspection_report(NOTTS, follow_up(NOTTS))
        )


class TestFollowUpPropertiesWithClosures:
    """Across both frameworks, closures never bring a date forward and dates stay in order."""

    @given(
        received=framework_2023_days,
        outcome=st.sampled_from(list(Outcome)),
        region=REGIONS,
        data=st.data(),
    )
    def test_2023_framework_closures_never_bring_a_date_forward(
        self, received, outcome, region, data
    ):
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
        assert all(
            after[key] >= before[key] for key in before if before[key] is not None
        )
        if outcome is Outcome.SYSTEMIC:
            submit = _on(with_closures, "area-send.pap.submit")
            publish = _on(with_closures, "area-send.pap.publish")
            assert received < submit < publish

    @given(case=legacy_inspections(), region=REGIONS, data=st.data())
    def test_2016_framework_dates_stay_in_order_with_closures(self, case, region, data):
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
