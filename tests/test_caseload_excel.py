"""SK_NEXT_REVIEW, SK_PHASE_TRANSFER_DUE, SK_REVIEW_NOTICE_BY through the plain-Python path."""

from __future__ import annotations

import datetime as dt

import pytest
import xlwings as xw
from hypothesis import given
from hypothesis import strategies as st

import sendkit
from sendkit_excel import caseload, functions
from sendkit_excel.coerce import date_to_serial


@pytest.fixture
def classic(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(functions, "CLASSIC", True)


def test_next_review_is_the_day_before_the_anniversary() -> None:
    assert caseload.sk_next_review("15/03/2024") == dt.date(2025, 3, 14)
    assert caseload.sk_next_review("2024-02-29") == dt.date(2025, 2, 28)


def test_next_review_counts_from_the_last_review_in_office_js_cells() -> None:
    got = caseload.sk_next_review(
        [[date_to_serial(dt.date(2022, 5, 1))]],
        [[date_to_serial(dt.date(2025, 1, 20))]],
    )
    assert got == dt.date(2026, 1, 19)


@pytest.mark.xfail(
    reason="written before the add-in returned error values; caseload formulas not yet registered with the error decorator",
    strict=False,
)
def test_next_review_spills_over_a_range_with_errors_per_row() -> None:
    got = caseload.sk_next_review(
        [["2024-03-15"], ["2024-01-31"], ["2024-05-01"]],
        [[None], [None], ["2023-01-01"]],
    )
    assert got[0] == [dt.date(2025, 3, 14)]
    assert got[1] == [dt.date(2025, 1, 30)]
    assert str(got[2][0]).startswith("ERROR:")


@pytest.mark.xfail(
    reason="written before the add-in returned error values; caseload formulas not yet registered with the error decorator",
    strict=False,
)
def test_review_before_plan_is_refused(classic: None) -> None:
    del classic
    got = caseload.sk_next_review("2024-05-01", "2023-01-01")
    assert got == "ERROR: last_review is before plan_date"


def test_phase_transfer_dates() -> None:
    assert caseload.sk_phase_transfer_due(2026) == dt.date(2026, 2, 14)
    assert caseload.sk_phase_transfer_due(2026.0, True) == dt.date(2026, 3, 30)


def test_phase_transfer_refuses_a_year_before_the_regulations() -> None:
    with pytest.raises(xw.XlwingsError, match="transfer_year must be a year from 2015"):
        caseload.sk_phase_transfer_due(1999)


def test_review_notice_by_is_15_days_before() -> None:
    assert caseload.sk_review_notice_by("18/06/2025") == dt.date(2025, 6, 3)


@given(st.dates(dt.date(2015, 1, 1), dt.date(2030, 12, 31)))
def test_next_review_matches_the_library(made: dt.date) -> None:
    expected = sendkit.deadline("ehc.review.annual", made).due
    assert caseload.sk_next_review([[date_to_serial(made)]]) == expected
    assert made < expected <= made + dt.timedelta(days=365)


@given(st.dates(dt.date(2015, 1, 20), dt.date(2030, 12, 31)))
def test_notice_is_always_15_days_before_the_meeting(meeting: dt.date) -> None:
    assert caseload.sk_review_notice_by(meeting) == meeting - dt.timedelta(days=15)
