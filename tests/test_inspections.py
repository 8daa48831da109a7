"""The inspection model and `parse_outcome`."""

from __future__ import annotations

import contextlib
import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sendkit.errors import InvalidInputError, InvalidTypeError
from sendkit.inspections import (
    OUTCOME_FORMS,
    OUTCOME_KEY_PHRASES,
    OUTCOME_LABELS,
    Framework,
    Inspection,
    MonitoringOutcome,
    Outcome,
    RevisitOutcome,
    WsoaOutcome,
    follow_up,
    normalise_phrase,
    parse_monitoring_outcome,
    parse_outcome,
)
from sendkit.reports import inspection_report, timeline_svg

D = dt.date


class TestOutcome:
    def test_values_are_stable_codes(self):
        """The codes used in files and JSON never change."""
        assert [outcome.value for outcome in Outcome] == [
            "positive",
            "inconsistent",
            "systemic",
        ]

    def test_numbers_labels_and_statements(self):
        """Each outcome has its number, Ofsted's MI label and a report statement."""
        assert [outcome.number for outcome in Outcome] == [1, 2, 3]
        assert Outcome.SYSTEMIC.label == "Widespread and/or systemic failings"
        assert Outcome.POSITIVE.label == "Typically positive experiences and outcomes"
        assert Outcome.INCONSISTENT.label == "Inconsistent experiences and outcomes"
        assert "must address urgently" in Outcome.SYSTEMIC.statement
        assert (
            "must work jointly to make improvements" in Outcome.INCONSISTENT.statement
        )
        assert (
            "taking action where improvements are needed" in Outcome.POSITIVE.statement
        )

    def test_only_systemic_requires_a_priority_action_plan(self):
        """Only outcome 3 identifies areas for priority action."""
        assert [o.requires_priority_action_plan for o in Outcome] == [
            False,
            False,
            True,
        ]

    def test_frameworks_have_separate_types(self):
        """No value of one framework's outcome equals another framework's."""
        codes = [
            {member.value for member in enum}
            for enum in (Outcome, MonitoringOutcome, WsoaOutcome, RevisitOutcome)
        ]
        for i, first in enumerate(codes):
            for second in codes[i + 1 :]:
                assert not first & second

    def test_labels(self):
        """Every outcome type can be shown in words."""
        assert MonitoringOutcome.EFFECTIVE_ACTION.label == "Effective action"
        assert WsoaOutcome.REQUIRED.label == "Written statement of action required"
        assert RevisitOutcome.NONE.label.startswith("Insufficient progress")
        assert Framework.AREA_SEND_2023.title == "Area SEND framework (2023)"


class TestParseOutcome:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("positive", Outcome.POSITIVE),
            ("Inconsistent", Outcome.INCONSISTENT),
            (" SYSTEMIC ", Outcome.SYSTEMIC),
            ("1", Outcome.POSITIVE),
            ("2", Outcome.INCONSISTENT),
            ("3", Outcome.SYSTEMIC),
            ("Outcome 3", Outcome.SYSTEMIC),
            ("outcome  two", Outcome.INCONSISTENT),
            ("Typically positive experiences and outcomes", Outcome.POSITIVE),
            ("Inconsistent experiences and outcomes", Outcome.INCONSISTENT),
            ("Widespread and/or systemic failings", Outcome.SYSTEMIC),
            (
                "widespread and or systemic failings",
                Outcome.SYSTEMIC,
            ),  # Derbyshire press
            ("Widespread & systemic failings.", Outcome.SYSTEMIC),
            ("'widespread failings'", Outcome.SYSTEMIC),  # Nottinghamshire press
            (
                (
                    "There are widespread and/or systemic failings leading to significant "
                    "concerns about the experiences and outcomes of children and young "
                    "people with SEND, which the local area partnership must address urgently."
                ),
                Outcome.SYSTEMIC,
            ),
            (
                (
                    "The local area partnership's SEND arrangements typically lead to "
                    "positive experiences and outcomes for children and young people with SEND."
                ),
                Outcome.POSITIVE,
            ),
            (
                (
                    "The local area partnership's SEND arrangements lead to inconsistent "
                    "experiences and outcomes for children and young people with SEND."
                ),
                Outcome.INCONSISTENT,
            ),
            (
                # Nottinghamshire's cabinet papers (seed), with "judgement" wording.
                (
                    "there are two priority areas for action, meaning a judgement of "
                    "widespread and/or systemic failings leading to significant concerns"
                ),
                Outcome.SYSTEMIC,
            ),
        ],
    )
    def test_accepted_forms(self, text, expected):
        """Codes, numbers, labels, press variants and full sentences are read."""
        assert parse_outcome(text) is expected

    @pytest.mark.parametrize(
        "text",
        [
            "",
            "good",
            "outstanding",
            "4",
            "outcome 4",
            "requires improvement",
            "failings",
        ],
    )
    def test_unrecognised_text_is_an_error_listing_accepted_forms(self, text):
        """Text naming no outcome is refused, and the message lists what is accepted."""
        with pytest.raises(InvalidInputError) as caught:
            parse_outcome(text)
        message = str(caught.value)
        assert repr(text) in message
        assert "positive, inconsistent, systemic" in message
        assert "Widespread and/or systemic failings" in message

    def test_phrases_of_two_outcomes_are_refused(self):
        """A text with two outcomes' phrases is not guessed."""
        with pytest.raises(InvalidInputError, match="more than one outcome"):
            parse_outcome(
                "not widespread and/or systemic failings but inconsistent experiences "
                "and outcomes"
            )

    def test_a_number_contradicting_the_words_is_refused(self):
        """'Outcome 1' with outcome 2's words is not guessed; matching ones are read."""
        with pytest.raises(InvalidInputError, match="more than one outcome"):
            parse_outcome("Outcome 1: Inconsistent experiences and outcomes")
        assert (
            parse_outcome("Outcome 3 - Widespread and/or systemic failings")
            is Outcome.SYSTEMIC
        )

    def test_non_text_is_a_type_error(self):
        """Numbers must be given as text (the CLI and readers do so)."""
        with pytest.raises(InvalidTypeError):
            parse_outcome(3)

    def test_every_label_and_code_round_trips(self):
        """Every outcome's code, number and label parse back to it."""
        for outcome in Outcome:
            assert parse_outcome(outcome.value) is outcome
            assert parse_outcome(str(outcome.number)) is outcome
            assert parse_outcome(OUTCOME_LABELS[outcome]) is outcome
            assert parse_outcome(outcome.statement) is outcome

    def test_tables_are_normalised(self):
        """Every table entry is already in normalised form, so it can match."""
        for form in OUTCOME_FORMS:
            assert normalise_phrase(form) == form
        for phrase, _ in OUTCOME_KEY_PHRASES:
            assert normalise_phrase(phrase) == phrase

    @given(
        outcome=st.sampled_from(list(Outcome)),
        case=st.sampled_from([str.lower, str.upper, str.title, str.swapcase]),
        pad=st.text(alphabet=" \t.,;:!?-()'\"", max_size=4),
    )
    def test_case_spacing_and_punctuation_do_not_matter(self, outcome, case, pad):
        """Any casing of a label, wrapped in punctuation, reads the same."""
        assert parse_outcome(pad + case(outcome.label) + pad) is outcome

    @given(st.text(max_size=40))
    def test_never_crashes(self, text):
        """Any text gives an outcome or an InvalidInputError, nothing else."""
        with contextlib.suppress(InvalidInputError):
            parse_outcome(text)


class TestParseMonitoringOutcome:
    def test_forms(self):
        """Both monitoring outcomes are read, in any case."""
        assert (
            parse_monitoring_outcome("Effective action")
            is MonitoringOutcome.EFFECTIVE_ACTION
        )
        assert (
            parse_monitoring_outcome("ineffective_action")
            is MonitoringOutcome.INEFFECTIVE_ACTION
        )

    def test_unknown(self):
        """Other text is refused with the accepted forms."""
        with pytest.raises(InvalidInputError, match="effective action"):
            parse_monitoring_outcome("good progress")


def _notts(**changes):
    values = {
        "local_area": "Nottinghamshire",
        "framework": Framework.AREA_SEND_2023,
        "outcome": Outcome.SYSTEMIC,
        "ofsted_region": "East Midlands",
        "start": D(2023, 1, 30),
        "end": D(2023, 2, 3),
        "published": D(2023, 5, 16),
        "priority_action_count": 2,
    }
    values.update(changes)
    return Inspection(**values)


class TestInspection:
    def test_received_defaults_to_published_and_says_so(self):
        """Without a receipt date, the publication date stands in, flagged as assumed."""
        notts = _notts()
        assert notts.received == D(2023, 5, 16)
        assert notts.received_is_assumed
        known = _notts(report_received=D(2023, 5, 10))
        assert known.received == D(2023, 5, 10)
        assert not known.received_is_assumed

    def test_nothing_known(self):
        """An inspection with no dates has no received date and assumes nothing."""
        bare = Inspection(local_area="Rutland", framework=Framework.AREA_SEND_2023)
        assert bare.received is None
        assert not bare.received_is_assumed
        assert bare.outcome_label == "Outcome not known"
        assert bare.outcome_code is None

    def test_priority_actions_from_titles_or_count(self):
        """The number of areas comes from the count, else from the titles."""
        assert _notts().priority_actions == 2
        titled = _notts(
            priority_action_count=None, areas_for_priority_action=["a", "b", "c"]
        )
        assert titled.priority_actions == 3
        assert titled.areas_for_priority_action == ("a", "b", "c")

    @pytest.mark.parametrize(
        ("changes", "message"),
        [
            ({"outcome": WsoaOutcome.REQUIRED}, "belongs to another framework"),
            ({"outcome": Outcome.POSITIVE}, "only a 'systemic' outcome"),
            ({"published": D(2023, 1, 1)}, "published 2023-01-01 is before start"),
            ({"end": D(2023, 1, 1)}, "end 2023-01-01 is before start"),
            ({"la_code": "E1000002"}, "nine-character ONS code"),
            ({"priority_action_count": -1}, "must be 0 or more"),
            ({"revisit_outcome": RevisitOutcome.ALL}, "belong to the 2016 framework"),
            (
                {"areas_for_priority_action": ("only one",)},
                "does not match the 1 areas_for_priority_action",
            ),
        ],
    )
    def test_inconsistent_values_are_refused(self, changes, message):
        """Cross-field checks name the problem."""
        with pytest.raises(InvalidInputError, match=message):
            _notts(**changes)

    def test_legacy_revisit_needs_a_statement(self):
        """A revisit without a written statement of action is refused."""
        with pytest.raises(
            InvalidInputError, match="no written statement was required"
        ):
            Inspection(
                local_area="Derbyshire",
                framework=Framework.LOCAL_AREA_SEND_2016,
                outcome=WsoaOutcome.NOT_REQUIRED,
                revisit_outcome=RevisitOutcome.SOME,
            )

    def test_is_immutable(self):
        """Inspections are values."""
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            _notts().local_area = "Derbyshire"


class TestDatetimesMeanTheirDay:
    """An inspection dated with datetimes follows up, reports and draws exactly as on their days."""

    @given(
        published=st.dates(D(2016, 6, 1), D(2027, 6, 30)),
        time=st.times(),
        as_of=st.dates(D(2016, 6, 1), D(2032, 12, 31)),
        legacy=st.booleans(),
    )
    def test_datetimes_give_the_same_answers_as_dates(
        self, published, time, as_of, legacy
    ):
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
        assert inspection_report(
            by_date, milestones, as_of=moment
        ) == inspection_report(by_date, milestones, as_of=as_of)
        assert timeline_svg(by_date, milestones, as_of=moment) == timeline_svg(
            by_date, milestones, as_of=as_of
        )


class TestInspectionFieldTypes:
    """Inspection refuses a value of the wrong type or range with a SendkitError naming the field."""

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
    def test_text_in_a_date_field_is_refused_by_name(self, field):
        """Inspection(published='2023-05-16') fails at once, naming the field."""
        with pytest.raises(
            InvalidTypeError, match=rf"Inspection\.{field} .*parse_date"
        ):
            Inspection(
                local_area="X",
                framework=Framework.LOCAL_AREA_SEND_2016,
                **{field: "2023-05-16"},
            )

    def test_other_fields_raise_sendkit_errors(self):
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
