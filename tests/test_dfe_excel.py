"""SK_DFE and SK_NEIGHBOURS through the plain-Python path (no Excel)."""

from __future__ import annotations

import re

import pytest
import xlwings as xw

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
        ("830", "nonsense", 2024, "unknown measure"),
        ("830", "plans_issued", 2031, "no DfE figures for 2031"),
    ],
)
def test_sk_dfe_bad_call_is_a_short_message(la, measure, year, text):
    if functions.CLASSIC:  # pragma: no cover - Windows with classic xlwings
        assert text in dfe.sk_dfe(la, measure, year)
        return
    with pytest.raises(xw.XlwingsError, match=re.escape(text)):
        dfe.sk_dfe(la, measure, year)


def test_sk_neighbours_spills_ten_names_nearest_first():
    names = dfe.sk_neighbours("Derbyshire")
    assert len(names) == 10
    assert names[0] == ["Nottinghamshire"]
