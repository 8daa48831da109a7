"""EhcCase's fields: datetimes become dates, other types are refused, notes stay private."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sendkit.ehc import (
    CaseException,
    EhcCase,
    ExceptionReason,
    case_timeline,
    open_steps,
    timeliness,
)
from sendkit.ehc.strategies import caseloads, ehc_cases
from sendkit.errors import InvalidInputError, InvalidTypeError
from sendkit.io import read_cases

from .strategies import sen2_received_days

D = dt.date

#: Every date field of a case.
DATE_FIELDS = (
    "received",
    "request_outcome_date",
    "advice_requested",
    "advice_received",
    "assessment_outcome_date",
    "draft_issued",
    "plan_issued",
)

times = st.times()


class _Timestamp(dt.datetime):
    """Stands in for a pandas ``Timestamp``: a datetime subclass."""


def as_datetimes(case: EhcCase, time: dt.time, kind: type[dt.datetime]) -> EhcCase:
    """The same case with every recorded date given as a datetime at *time*."""
    changes = {
        name: kind.combine(day, time)
        for name in DATE_FIELDS
        if (day := getattr(case, name)) is not None
    }
    return attrs.evolve(case, **changes)


class TestDatetimes:
    def test_a_datetime_is_stored_as_its_date(self):
        case = EhcCase(
            case_id="A",
            received=dt.datetime(2024, 1, 8, 16, 30),
            plan_issued=_Timestamp(2024, 5, 27, 9, 0),
        )
        assert type(case.received) is dt.date
        assert type(case.plan_issued) is dt.date
        assert case == EhcCase(
            case_id="A", received=D(2024, 1, 8), plan_issued=D(2024, 5, 27)
        )

    def test_same_day_datetime_is_not_before_received(self):
        """A decision at 09:00 on the day a 17:00 request arrived is not 'before' it."""
        case = EhcCase(
            case_id="A",
            received=dt.datetime(2024, 1, 8, 17),
            request_outcome_date=dt.datetime(2024, 1, 8, 9),
        )
        assert case.request_outcome_date == case.received

    @given(
        caseloads(max_size=30, received=sen2_received_days),
        times,
        st.sampled_from([dt.datetime, _Timestamp]),
        st.dates(D(2022, 6, 1), D(2025, 12, 31)),
    )
    def test_dates_and_datetimes_give_identical_results(self, cases, time, kind, as_of):
        """The same caseload as dates and as datetimes measures the same."""
        timed = [as_datetimes(case, time, kind) for case in cases]
        assert timed == cases
        for year in (2023, 2024):
            assert (
                timeliness(timed, year=year).to_dict()
                == timeliness(cases, year=year).to_dict()
            )
        assert open_steps(timed, as_of=as_of) == open_steps(cases, as_of=as_of)
        for plain, dated in zip(cases, timed, strict=True):
            assert case_timeline(dated, as_of=as_of) == case_timeline(
                plain, as_of=as_of
            )

    def test_timeliness_counts_datetime_cases(self):
        """The review's blocker: datetimes were silently left out of the measure."""
        case = EhcCase(
            case_id="A",
            received=dt.datetime(2024, 1, 8),
            plan_issued=dt.datetime(2024, 5, 27),
            week20=False,
        )
        result = timeliness([case], year=2024)
        assert (result.issued, result.within_20_weeks) == (1, 1)


class TestTypes:
    @pytest.mark.parametrize("name", DATE_FIELDS)
    @pytest.mark.parametrize("value", ["2024-03-01", 20240301, 45352.0])
    def test_non_dates_are_refused_naming_the_field_not_the_value(self, name, value):
        fields = {"received": D(2024, 1, 8), name: value}
        with pytest.raises(InvalidTypeError) as caught:
            EhcCase(case_id="R9", **fields)
        message = str(caught.value)
        assert message.startswith(f"{name} must be a datetime.date")
        assert type(value).__name__ in message
        assert str(value) not in message
        assert "'R9'" in message

    def test_text_gets_a_hint(self):
        with pytest.raises(InvalidTypeError, match=r"sendkit\.parse_date"):
            EhcCase(case_id="A", received="08/01/2024")

    def test_received_is_required_to_be_a_date(self):
        with pytest.raises(InvalidTypeError, match="received must be"):
            EhcCase(case_id="A", received=None)

    def test_later_dates_may_be_none(self):
        case = EhcCase(case_id="A", received=D(2024, 1, 8), plan_issued=None)
        assert case.plan_issued is None

    def test_case_id_must_be_text(self):
        with pytest.raises(InvalidTypeError, match="case_id must be text"):
            EhcCase(case_id=17, received=D(2024, 1, 8))

    def test_order_is_still_checked_after_conversion(self):
        with pytest.raises(InvalidInputError, match="plan_issued 2024-01-07"):
            EhcCase(
                case_id="A",
                received=dt.datetime(2024, 1, 8),
                plan_issued=dt.datetime(2024, 1, 7, 23, 59),
            )


class TestFreeText:
    NOTE = "Spoke to Jane Doe (mum) about the move"

    def _case(self) -> EhcCase:
        return EhcCase(
            case_id="A",
            received=D(2024, 1, 8),
            exceptions=[
                CaseException(
                    reason=ExceptionReason.PERSONAL_CIRCUMSTANCES, note=self.NOTE
                )
            ],
        )

    def test_note_is_kept_but_not_in_repr(self):
        case = self._case()
        assert case.exceptions[0].note == self.NOTE
        assert "Jane" not in repr(case.exceptions[0])
        assert "Jane" not in repr(case)
        assert "personal_circumstances" in repr(case)

    def test_note_is_not_in_the_repr_of_what_read_cases_returns(self, tmp_path):
        from sendkit.io import write_cases

        path = tmp_path / "cases.csv"
        write_cases([self._case()], path)
        read = read_cases(path)
        assert read.cases[0].exceptions[0].note == self.NOTE
        assert "Jane" not in repr(read)

    @given(ehc_cases(), st.text(min_size=1))
    def test_no_note_reaches_the_timeline(self, case, note):
        """Timelines and their explanations never carry the note."""
        noted = attrs.evolve(
            case,
            exceptions=[attrs.evolve(e, note=note) for e in case.exceptions],
        )
        plain = case_timeline(case, as_of=D(2031, 1, 1))
        assert case_timeline(noted, as_of=D(2031, 1, 1)) == plain
