"""The acceptance workbook: up to date, internally consistent, and passed by the add-in.

No Excel runs here. These tests check what can be checked without it: the
committed ``acceptance.xlsx`` matches its generator; the embedded holiday
lists make Excel's own WORKDAY/NETWORKDAYS agree with sendkit (emulated here
day by day, by the definition of those functions); and each "formula to type"
gives the expected answer when the add-in's function is called with the
sheet's cells as classic xlwings would pass them.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import pathlib
import re

import openpyxl
import pytest
import xlwings as xw

from sendkit_excel import formulas, functions

ROOT = pathlib.Path(__file__).resolve().parent.parent
FOLDER = ROOT / "excel_addin" / "acceptance"
COMMITTED = FOLDER / "acceptance.xlsx"


def _load_generator():
    spec = importlib.util.spec_from_file_location(
        "sendkit_acceptance_workbook", FOLDER / "make_workbook.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def book():
    return openpyxl.load_workbook(COMMITTED)


def _values(workbook):
    return {
        sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)]
        for sheet in workbook
    }


def test_committed_workbook_matches_the_generator(tmp_path):
    generator = _load_generator()
    fresh = tmp_path / "acceptance.xlsx"
    assert generator.main(["--out", str(fresh)]) == 0
    assert _values(openpyxl.load_workbook(fresh)) == _values(
        openpyxl.load_workbook(COMMITTED)
    ), "run python excel_addin/acceptance/make_workbook.py and commit the result"


# -- Excel's own functions, emulated by their definition --------------------------


def _holidays(book, range_text):
    match = re.fullmatch(r"Holidays!\$([A-C])\$2:\$\1\$(\d+)", range_text)
    assert match, range_text
    column, last = match.group(1), int(match.group(2))
    cells = book["Holidays"][f"{column}2:{column}{last}"]
    days = {cell.value.date() for (cell,) in cells if cell.value is not None}
    assert len(days) == last - 1  # the range covers the list exactly
    return days


def _working(day, holidays):
    return day.weekday() < 5 and day not in holidays


def excel_workday(start, days, holidays):
    """WORKDAY by its definition: step over weekends and listed holidays."""
    day, step = start, (1 if days > 0 else -1)
    for _ in range(abs(days)):
        day += dt.timedelta(days=step)
        while not _working(day, holidays):
            day += dt.timedelta(days=step)
    return day


def excel_networkdays(start, end, holidays):
    sign = 1 if start <= end else -1
    low, high = min(start, end), max(start, end)
    count = sum(
        _working(low + dt.timedelta(days=i), holidays)
        for i in range((high - low).days + 1)
    )
    return sign * count


def _rows(sheet):
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert rows
    return rows


def test_excel_workday_cross_check_agrees(book):
    for row in _rows(book["WORKDAY"]):
        _what, start, days, _region, expected, formula = row[:6]
        holidays = _holidays(book, re.search(r",(Holidays![^)]+)\)", formula).group(1))
        assert excel_workday(start.date(), days, holidays) == expected.date(), row


def test_excel_networkdays_cross_check_agrees(book):
    for row in _rows(book["NETWORKDAYS"]):
        _what, start, end, _region, expected, formula = row[:6]
        holidays = _holidays(book, re.search(r",(Holidays![^)]+)\)", formula).group(1))
        assert excel_networkdays(start.date(), end.date(), holidays) == expected, row


def test_excel_isworkday_cross_check_agrees(book):
    for row in _rows(book["ISWORKDAY"]):
        _what, day, _region, expected, formula = row[:5]
        holidays = _holidays(
            book, re.search(r",(Holidays![^)]+)\)=1", formula).group(1)
        )
        assert _working(day.date(), holidays) is expected, row


# -- the add-in's formula, called as classic xlwings would call it -----------------


def _call(sheet, formula):
    """Evaluate ``SK_NAME(B2, , C2)``, also inside ``ROWS(...)`` or ``INDEX(..., r, c)``.

    Cell references give the cell's value; an omitted argument gives None, as
    classic xlwings passes a missing optional.
    """
    if match := re.fullmatch(r"ROWS\((.*)\)", formula):
        return len(_call(sheet, match.group(1)))
    if match := re.fullmatch(r"INDEX\((.*), (\d+), (\d+)\)", formula):
        table = _call(sheet, match.group(1))
        if isinstance(table, str) and table.startswith("#"):
            return table  # INDEX of an error value is that error
        return table[int(match.group(2)) - 1][int(match.group(3)) - 1]
    match = re.fullmatch(r"(SK_\w+)\(([^)]*)\)", formula)
    assert match, formula
    function = getattr(formulas, match.group(1).lower())
    refs = [ref.strip() for ref in match.group(2).split(",")] if match.group(2) else []
    try:
        return function(*(_argument(sheet, ref) for ref in refs))
    except xw.XlwingsError:
        return "#VALUE!"  # what Lite shows, with the message on hover


#: What classic xlwings hands over (err_to_str) for the error formulas used.
_ERROR_FORMULAS = {"=NA()": "#N/A", "=1/0": "#DIV/0!"}


def _argument(sheet, ref):
    """A cell or range as classic xlwings passes it; an omitted argument is None."""
    if not ref:
        return None
    if ":" in ref:
        return [[_cell(cell.value) for cell in row] for row in sheet[ref]]
    return _cell(sheet[ref].value)


def _cell(value):
    return _ERROR_FORMULAS.get(value, value) if isinstance(value, str) else value


def _as_date(value):
    return value.date() if isinstance(value, dt.datetime) else value


@pytest.mark.parametrize(
    ("sheet_name", "expected_column"),
    [("WORKDAY", 5), ("NETWORKDAYS", 5), ("ISWORKDAY", 4)],
)
def test_every_formula_to_type_gives_the_expected_value(
    book, sheet_name, expected_column
):
    sheet = book[sheet_name]
    for row in sheet.iter_rows(min_row=2):
        formula = row[-1].value
        expected = _as_date(row[expected_column - 1].value)
        assert _call(sheet, formula) == expected, formula


def test_check_columns_compare_the_right_cells(book):
    sheet = book["WORKDAY"]
    for r in range(2, sheet.max_row + 1):
        assert (
            sheet[f"I{r}"].value
            == f'=IF(H{r}="","not run",IF(H{r}=E{r},"OK","MISMATCH"))'
        )
        assert sheet[f"H{r}"].value is None  # left for the person to fill


def test_inputs_sheet_cases_behave_as_described(book):
    sheet = book["Inputs"]
    for row in sheet.iter_rows(min_row=2):
        formula, shows = row[-1].value, row[-2].value
        got = _call(sheet, formula)
        if shows.startswith("24/04/2025"):
            assert got == dt.date(2025, 4, 24)
        elif shows == "an empty cell":
            assert got == ""
        else:
            code, words = shows.split(": ", 1)
            assert code == "#VALUE!"
            refs = re.fullmatch(r"SK_WORKDAY\((.*)\)", formula).group(1).split(", ")
            message = functions.sk_why("SK_WORKDAY", *(sheet[r].value for r in refs))
            assert words in message


def _shown(value):
    """What a cell shows for an answer of the add-in in the no-op runtime."""
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return value


def test_errors_and_blanks_sheet_cases_behave_as_described(book):
    sheet = book["Errors and blanks"]
    assert sheet.max_row > 10
    for row in sheet.iter_rows(min_row=2):
        formula, shows = row[-1].value, row[-3].value
        assert _shown(_call(sheet, formula)) == (shows or ""), formula


def test_every_registered_formula_is_in_the_workbook(book):
    typed = " ".join(
        str(row[-1].value)
        for sheet in book
        for row in sheet.iter_rows(min_row=2)
        if row and row[-1].value
    )
    missing = [name for name in formulas.__all__ if name.upper() + "(" not in typed]
    assert missing == []


def test_more_formulas_give_the_expected_values(book):
    sheet = book["More formulas"]
    for row in sheet.iter_rows(min_row=2):
        formula, expected = row[-1].value, _as_date(row[5].value)
        assert _call(sheet, formula) == expected, formula


def test_more_formulas_cross_checks_agree(book):
    sheet = book["More formulas"]
    for row in sheet.iter_rows(min_row=2):
        cross, expected = row[6].value, _as_date(row[5].value)
        if cross is None:
            assert row[7].value == "no Excel equivalent"
            continue
        if match := re.fullmatch(r"=WORKDAY\((C\d+),(\d+),(Holidays![^)]+)\)", cross):
            start = sheet[match.group(1)].value.date()
            holidays = _holidays(book, match.group(3))
            assert excel_workday(start, int(match.group(2)), holidays) == expected
        else:
            match = re.fullmatch(r"=([BC]\d+)\+(\d+)", cross)
            assert match, cross
            start = sheet[match.group(1)].value.date()
            assert start + dt.timedelta(days=int(match.group(2))) == expected


REGISTER = """
import datetime as dt, json, pathlib, sys, types
import sendkit_excel

# A formula module as another engineer writes one: @func over @_excel_errors.
module = types.ModuleType("sendkit_excel.demo_extra")
code = '''
import datetime as dt
from xlwings import func
from sendkit_excel import coerce
from sendkit_excel.functions import _excel_errors, arg

__all__ = ["sk_next_day"]
EXCEL_EXAMPLES = [("the next day", "SK_NEXT_DAY(B{r})", (dt.date(2025, 4, 15),))]


@func
@_excel_errors
@arg("start_date", ndim=2, doc="A date.")
def sk_next_day(start_date):
    "The day after."
    return coerce.to_date(start_date, "start_date") + dt.timedelta(days=1)
'''
exec(code, module.__dict__)
sys.modules["sendkit_excel.demo_extra"] = module
# The lead's one line:
sendkit_excel.FORMULA_MODULES = (*sendkit_excel.FORMULA_MODULES, "sendkit_excel.demo_extra")

import importlib.util
from sendkit_excel import formulas

def load(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod

root = pathlib.Path(sys.argv[1])
acceptance = load(root / "excel_addin/acceptance/make_workbook.py", "acc")
starter = load(root / "excel_addin/starter/make_starter.py", "starter")
book = acceptance.build()
sheet = book["Registered formulas"]
rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
start = starter.build()["Formulas"]
names = [row[0].value for row in start.iter_rows(min_row=2)]
print(json.dumps({
    "formulas": "sk_next_day" in formulas.__all__,
    "rows": [[str(v) for v in row] for row in rows],
    "starter": "SK_NEXT_DAY" in names,
    "na": formulas.sk_next_day([["#N/A"]]),
}))
"""


def test_one_line_registers_a_new_module_everywhere(tmp_path):
    import json
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith("XLWINGS_")}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "excel_addin"), str(ROOT / "src")])
    result = subprocess.run(
        [sys.executable, "-c", REGISTER, str(ROOT)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    got = json.loads(result.stdout)
    assert got["formulas"] is True
    assert got["starter"] is True
    assert got["na"] == "#N/A"
    (row,) = [row for row in got["rows"] if row[0] == "the next day"]
    assert row[5] == "2025-04-16"
    assert re.fullmatch(r"SK_NEXT_DAY\(B(\d+)\)", row[-1])


#: Functions newer than Excel 2007: a file must name them with the _xlfn. prefix,
#: or Excel shows #NAME? until the cell is typed again (what Excel itself writes).
NEWER_FUNCTIONS = ("ISFORMULA", "IFNA", "IFS", "SWITCH", "XLOOKUP", "SEQUENCE",
                   "FILTER", "CONCAT", "TEXTJOIN", "DAYS", "FORMULATEXT")  # fmt: skip


@pytest.mark.parametrize(
    "path", [COMMITTED, ROOT / "docs" / "downloads" / "sendkit-starter.xlsx"]
)
def test_newer_excel_functions_carry_their_file_prefix(path):
    workbook = openpyxl.load_workbook(path)
    bare = re.compile(rf"(?<![._A-Z])({'|'.join(NEWER_FUNCTIONS)})\(")
    found = [
        f"{sheet.title}!{cell.coordinate}: {cell.value}"
        for sheet in workbook
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str)
        and cell.value.startswith("=")
        and bare.search(cell.value)
    ]
    assert found == []
    uses = [
        cell.value
        for row in workbook["Errors and blanks"].iter_rows(min_row=2)
        for cell in row
        if isinstance(cell.value, str) and "_xlfn.ISFORMULA(" in cell.value
    ]
    assert uses, "the Errors and blanks checks use ISFORMULA"
