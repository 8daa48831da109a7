"""SK_NEXT_REVIEW, SK_PHASE_TRANSFER_DUE, SK_REVIEW_NOTICE_BY through the plain-Python path.

Here xlwings' decorators are no-ops (Linux), so the formulas answer as xlwings
Lite and Server would: a bad single call raises `xlwings.XlwingsError` (Excel
shows ``#VALUE!`` and the message on hover) and an error value is its text,
which xlwings turns into the error. xlwings' own Lite call path and the
classic path are in tests/test_excel_errors.py and tests/test_excel_functions.py.
"""

from __future__ import annotations

import datetime as dt

import pytest
import xlwings as xw
from hypothesis import given
from hypothesis import strategies as st

import sendkit
from sendkit_excel import caseload, functions
from sendkit_excel.coerce import date_to_serial


def test_next_review_is_the_day_before_the_anniversary() -> None:
    assert caseload.sk_next_review("15/03/2024") == dt.date(2025, 3, 14)
    assert caseload.sk_next_review("2024-02-29") == dt.date(2025, 2, 28)


def test_next_review_counts_from_the_last_review_in_office_js_cells() -> None:
    got = caseload.sk_next_review(
        [[date_to_serial(dt.date(2022, 5, 1))]],
        [[date_to_serial(dt.date(2025, 1, 20))]],
    )
    assert got == dt.date(2026, 1, 19)


def test_next_review_spills_over_a_range_with_an_error_value_per_bad_row() -> None:
    got = caseload.sk_next_review(
        [["2024-03-15"], ["2024-01-31"], ["2024-05-01"], [None], ["#N/A"]],
        [[None], [None], ["2023-01-01"], [None], [None]],
    )
    assert got[0] == [dt.date(2025, 3, 14)]
    assert got[1] == [dt.date(2025, 1, 30)]
    assert got[2] == ["#VALUE!"]  # Lite and Server turn this text into the error value
    assert got[3] == [""]  # a gap stays empty
    assert got[4] == ["#N/A"]  # an error cell gives the same error back
    assert functions.sk_why(
        "SK_NEXT_REVIEW",
        [["2024-03-15"], ["2024-05-01"]],
        [[None], ["2023-01-01"]],
    ) == ("row 2: last_review is before plan_date")


def test_review_before_plan_is_refused_with_a_message() -> None:
    with pytest.raises(xw.XlwingsError, match=r"^last_review is before plan_date$"):
        caseload.sk_next_review("2024-05-01", "2023-01-01")


def test_an_error_cell_gives_the_same_error_back() -> None:
    assert caseload.sk_next_review([["#N/A"]]) == "#N/A"
    assert caseload.sk_next_review("2024-05-01", [["#REF!"]]) == "#REF!"
    assert caseload.sk_phase_transfer_due([["#DIV/0!"]]) == "#DIV/0!"
    assert caseload.sk_phase_transfer_due(2026, "#N/A") == "#N/A"
    assert (
        caseload.sk_review_notice_by({"type": "Error", "basicValue": "#N/A"}) == "#N/A"
    )


def test_an_empty_or_0_first_argument_gives_an_empty_cell() -> None:
    for blank in (None, "", [[None]], [[0]], 0.0):
        assert caseload.sk_next_review(blank) == ""
        assert caseload.sk_phase_transfer_due(blank) == ""
        assert caseload.sk_review_notice_by(blank) == ""


@pytest.mark.parametrize(
    ("function", "args", "words"),
    [
        (caseload.sk_next_review, ("soon",), "plan_date is not a date"),
        (caseload.sk_next_review, (45000, "later"), "last_review is not a date"),
        (
            caseload.sk_phase_transfer_due,
            ("next year",),
            "transfer_year must be a whole",
        ),
        (caseload.sk_phase_transfer_due, (2026, "maybe"), "post_16 must be yes or no"),
        (caseload.sk_review_notice_by, (True,), "meeting_date must be a date"),
    ],
)
def test_a_bad_value_is_refused_naming_the_argument_not_the_value(
    function, args, words
) -> None:
    with pytest.raises(xw.XlwingsError) as caught:
        function(*args)
    assert str(caught.value).startswith(words)
    for typed in ("soon", "later", "next year", "maybe"):
        assert typed not in str(caught.value)


def test_phase_transfer_dates() -> None:
    assert caseload.sk_phase_transfer_due(2026) == dt.date(2026, 2, 14)
    assert caseload.sk_phase_transfer_due(2026.0, True) == dt.date(2026, 3, 30)


def test_phase_transfer_refuses_a_year_before_the_regulations() -> None:
    with pytest.raises(xw.XlwingsError, match="transfer_year must be a year from 2015"):
        caseload.sk_phase_transfer_due(1999)
    with pytest.raises(xw.XlwingsError, match="to 9998"):
        caseload.sk_phase_transfer_due(9999)


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


@given(st.lists(st.integers(2015, 2100), min_size=1, max_size=5), st.booleans())
def test_phase_transfer_over_a_range_is_the_day_before_the_regulations_date(
    years: list[int], post_16: bool
) -> None:
    got = caseload.sk_phase_transfer_due([[float(year)] for year in years], post_16)
    last = (3, 30) if post_16 else (2, 14)
    expected = [dt.date(year, *last) for year in years]
    assert got == ([[day] for day in expected] if len(years) > 1 else expected[0])


def test_a_transfer_year_past_the_calendar_is_num_in_classic(monkeypatch) -> None:
    import sys
    import types

    class Variant:
        def __init__(self, kind, value):
            self.kind, self.value = kind, value

    client = types.ModuleType("win32com.client")
    client.VARIANT = Variant
    pythoncom = types.ModuleType("pythoncom")
    pythoncom.VT_ERROR = 10
    monkeypatch.setitem(sys.modules, "win32com", types.ModuleType("win32com"))
    monkeypatch.setitem(sys.modules, "win32com.client", client)
    monkeypatch.setitem(sys.modules, "pythoncom", pythoncom)
    monkeypatch.setattr(functions, "CLASSIC", True)
    monkeypatch.setattr(functions, "_classic_date1904", lambda: False)
    got = caseload.sk_phase_transfer_due(2101.0)
    assert (got.kind, got.value) == (10, functions.BASIC_ERRORS["#NUM!"])
    got = caseload.sk_phase_transfer_due(1999.0)
    assert (got.kind, got.value) == (10, functions.BASIC_ERRORS["#VALUE!"])
