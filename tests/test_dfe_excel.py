"""SK_DFE and SK_NEIGHBOURS through the plain-Python path (no Excel).

Here xlwings' decorators are no-ops, so a bad call raises `xlwings.XlwingsError`
as in xlwings Lite; xlwings' own Lite call path is in tests/test_excel_errors.py
and the classic path (a COM error value) in tests/test_excel_functions.py.
"""

from __future__ import annotations

import re

import pytest
import xlwings as xw
from hypothesis import given
from hypothesis import strategies as st

from sendkit_excel import dfe, functions


def test_sk_dfe_gives_the_seed_figures():
    assert dfe.sk_dfe("Derbyshire", "pc_within_20_weeks", 2024) == 35.7
    assert dfe.sk_dfe("E10000007", "plans_issued", 2024) == 1253
    assert dfe.sk_dfe("England", "pc_within_20_weeks", 2024) == 45.9
    assert dfe.sk_dfe("nottinghamshire", "pc_within_20_weeks", 2022) == 4.5


def test_sk_dfe_accepts_excel_shapes():
    assert dfe.sk_dfe([["830"]], [["plans_issued"]], 2024.0) == 1253


def test_sk_dfe_never_returns_zero_for_a_suppressed_figure():
    assert dfe.sk_dfe("England", "assessments_issued", 2019) == 53899
    assert dfe.sk_dfe("830", "pc_assessments_not_issued", 2019) == "not published (x)"


@pytest.mark.parametrize(
    ("la", "measure", "year", "text"),
    [
        ("Derbyshyre", "plans_issued", 2024, "Derbyshire (830)"),
        ("830", "nonsense", 2024, "unknown measure; one of: pc_within_20_weeks"),
        ("830", "plans_issued", 2031, "no DfE figures for 2031"),
    ],
)
def test_sk_dfe_bad_call_is_a_short_message(la, measure, year, text):
    with pytest.raises(xw.XlwingsError, match=re.escape(text)):
        dfe.sk_dfe(la, measure, year)


def test_sk_neighbours_spills_ten_names_nearest_first():
    names = dfe.sk_neighbours("Derbyshire")
    assert len(names) == 10
    assert names[0] == ["Nottinghamshire"]


def test_sk_dfe_gives_the_doc_examples():
    assert dfe.sk_dfe("830", "plans_issued", 2024) == 1253.0
    assert dfe.sk_dfe("England", "pc_requests_refused", 2019) == "22.8%*"
    assert dfe.sk_neighbours("Derbyshire")[:2] == [["Nottinghamshire"], ["Somerset"]]


def test_sk_dfe_over_a_range_of_councils_answers_row_by_row():
    councils = [["Derbyshire"], ["Nottinghamshire"], [None], ["#N/A"], ["Nowhere"]]
    got = dfe.sk_dfe(councils, "pc_within_20_weeks", 2022)
    assert got[:3] == [[31.3], [4.5], [""]]
    assert got[3:] == [["#N/A"], ["#VALUE!"]]  # Lite turns these texts into errors


def test_sk_dfe_of_the_neighbours_spills_a_figure_each():
    names = dfe.sk_neighbours("Derbyshire")
    got = dfe.sk_dfe(names, "plans_issued", 2024)
    assert len(got) == len(names) == 10
    assert all(isinstance(row[0], (float, str)) for row in got)


def test_an_empty_or_0_council_gives_an_empty_cell():
    assert dfe.sk_dfe(None, "plans_issued", 2024) == ""
    assert dfe.sk_dfe([[0]], "plans_issued", 2024) == ""
    assert dfe.sk_neighbours([[None]]) == ""


def test_an_empty_or_0_year_is_the_latest_year():
    latest = dfe.sk_dfe("830", "plans_issued", 2024)
    assert dfe.sk_dfe("830", "plans_issued") == latest
    assert dfe.sk_dfe("830", "plans_issued", [[0]]) == latest


def test_an_error_cell_gives_the_same_error_back():
    assert dfe.sk_dfe([["#N/A"]], "plans_issued", 2024) == "#N/A"
    assert dfe.sk_dfe("830", "#REF!", 2024) == "#REF!"
    assert (
        dfe.sk_dfe("830", "plans_issued", {"type": "Error", "basicValue": "#N/A"})
        == "#N/A"
    )
    assert dfe.sk_neighbours("#DIV/0!") == "#DIV/0!"


def test_why_says_which_row_and_why():
    assert functions.sk_why(
        "SK_DFE", [["830"], ["Nowhere"]], "plans_issued", 2024
    ).startswith("row 2: no council matches 'Nowhere'")


def _table():
    from sendkit import dfe as core

    return core, core.shipped_table()


@given(st.data())
def test_sk_dfe_is_the_shipped_figure_never_a_zero_for_a_symbol(data):
    core, table = _table()
    area = data.draw(st.sampled_from(sorted(table.areas)))
    measure = data.draw(st.sampled_from(list(core.MEASURES)))
    year = data.draw(st.sampled_from(table.years))
    figure = table.figure(area, measure, year)
    name = table.areas[area].name
    got = dfe.sk_dfe(name if area == core.ENGLAND else area, measure, float(year))
    if figure.value is None or figure.computed:
        assert got == figure.text
        assert isinstance(got, str)
    else:
        assert got == figure.value
