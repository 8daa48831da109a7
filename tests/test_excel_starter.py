"""The officers' starter workbook: generated, current, and complete."""

from __future__ import annotations

import importlib.util
import pathlib

import openpyxl
import pytest

from sendkit_excel import formulas

ROOT = pathlib.Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "excel_addin" / "starter" / "make_starter.py"
COMMITTED = ROOT / "docs" / "downloads" / "sendkit-starter.xlsx"


def _generator():
    spec = importlib.util.spec_from_file_location("sendkit_starter_workbook", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _values(path):
    book = openpyxl.load_workbook(path)
    return {
        sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)]
        for sheet in book
    }


@pytest.fixture(scope="module")
def committed():
    return _values(COMMITTED)


def test_regenerating_gives_the_committed_workbook(tmp_path, committed):
    fresh = tmp_path / "starter.xlsx"
    assert _generator().main(["--out", str(fresh)]) == 0
    assert _values(fresh) == committed, (
        "run python excel_addin/starter/make_starter.py and commit the result"
    )


def test_it_has_guidance_every_formula_and_the_acceptance_checks(committed):
    assert list(committed)[:2] == ["Start here", "Formulas"]
    guidance = " ".join(str(row[0]) for row in committed["Start here"] if row[0])
    for words in ("#N/A", "SK_WHY", "SK_CALENDAR_INFO", "#BUSY!", "Not yet verified"):
        assert words in guidance
    rows = committed["Formulas"][1:]
    assert [row[0] for row in rows] == [name.upper() for name in formulas.__all__]
    assert all(row[5] for row in rows), "every formula has a worked example"
    for sheet in ("WORKDAY", "NETWORKDAYS", "Errors and blanks", "Holidays"):
        assert sheet in committed


def test_each_worked_example_gives_the_answer_shown(committed):
    acceptance = _generator()._load_acceptance()
    for row in committed["Formulas"][1:]:
        formula, args, shown = row[5], row[1:5], row[6]
        got = acceptance.evaluate(formula, args)
        if hasattr(got, "year") and hasattr(shown, "date"):
            shown = shown.date()
        assert got == shown, formula
