"""Generate ``acceptance.xlsx``: the workbook a person checks the add-in with in Excel.

Nothing here has run in real Excel; the workbook is how a person finds out.
Each sheet holds cases with their inputs, the answer sendkit gives (computed
here, by the library), Excel's own ``WORKDAY``/``NETWORKDAYS`` over an embedded
bank-holiday list as an independent cross-check where Excel has one, an
empty column for the add-in's formula, and a check column showing ``OK``,
``MISMATCH`` or ``not run``. ``CHECKLIST.md`` says how to use it.

    python excel_addin/acceptance/make_workbook.py [--out PATH]

The cells are reproducible: the same sendkit and holiday data give the same
values and formulas, which a test checks against the committed file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import importlib.metadata
import pathlib
import re
import sys
import warnings
from collections.abc import Callable, Sequence
from typing import Any, Final, Literal

import openpyxl
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

import sendkit
from sendkit import inspections, plans
from sendkit_excel import FORMULA_MODULES, formulas

HERE = pathlib.Path(__file__).resolve().parent
OUT = HERE / "acceptance.xlsx"
FIXED_TIME: Final = dt.datetime(2025, 1, 1)  # noqa: DTZ001 - openpyxl wants naive
HOLIDAY_YEARS: Final = range(2020, 2029)
DATE_FORMAT: Final = "dd/mm/yyyy"
HEADER = Font(bold=True)
ADDIN_FILL = PatternFill("solid", fgColor="FFF2CC")

#: Holiday sheet columns, one per region, for Excel's own WORKDAY.
REGION_COLUMNS: Final = {
    "england-and-wales": "A",
    "scotland": "B",
    "northern-ireland": "C",
}


def _holiday_range(region: str) -> str:
    column = REGION_COLUMNS[region]
    last = 1 + len(_holidays(region))
    return f"Holidays!${column}$2:${column}${last}"


def _holidays(region: str) -> list[dt.date]:
    cal = sendkit.calendar_for(region)
    first = dt.date(HOLIDAY_YEARS[0], 1, 1)
    last = dt.date(HOLIDAY_YEARS[-1], 12, 31)
    return [item.day for item in cal.holidays_between(first, last)]


def _d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


# -- cases -----------------------------------------------------------------------
# (what it checks, start, days, region or "")
WORKDAY_CASES: Final = (
    ("ordinary fortnight", "2025-02-05", 10, ""),
    ("over Easter 2025", "2025-04-15", 5, ""),
    ("over Christmas and New Year", "2025-12-19", 5, ""),
    ("over the 2023 Coronation", "2023-05-03", 5, ""),
    ("over the late-May 2026 bank holiday", "2026-05-22", 3, ""),
    ("start on a Saturday", "2024-01-06", 1, ""),
    ("zero days on a Sunday keeps the start", "2024-01-07", 0, ""),
    ("counting back over Easter", "2025-04-24", -5, ""),
    ("priority action plan, 35 working days", "2023-05-16", 35, ""),
    ("100 working days", "2025-01-06", 100, ""),
    ("Scotland: first Monday of August", "2025-08-01", 1, "scotland"),
    ("Scotland: St Andrew's Day substitute", "2025-11-28", 1, "scotland"),
    ("Northern Ireland: St Patrick's Day", "2025-03-14", 1, "northern-ireland"),
    ("Northern Ireland: the Twelfth", "2025-07-11", 1, "northern-ireland"),
    (
        "England and Wales on the same Scottish day",
        "2025-08-01",
        1,
        "england-and-wales",
    ),
)
# (what it checks, start, end, region or "")
NETWORKDAYS_CASES: Final = (
    ("both ends counted", "2025-02-05", "2025-02-19", ""),
    ("same working day counts 1", "2025-02-05", "2025-02-05", ""),
    ("same weekend day counts 0", "2025-02-08", "2025-02-08", ""),
    ("reversed dates are negative", "2025-02-19", "2025-02-05", ""),
    ("a year with 8 bank holidays", "2025-01-01", "2025-12-31", ""),
    ("priority action plan window", "2023-05-16", "2023-07-05", ""),
    ("Scotland's year", "2025-01-01", "2025-12-31", "scotland"),
    ("Northern Ireland's year", "2025-01-01", "2025-12-31", "northern-ireland"),
)
# (what it checks, date, region or "")
ISWORKDAY_CASES: Final = (
    ("Good Friday 2025", "2025-04-18", ""),
    ("Tuesday after Easter", "2025-04-22", ""),
    ("a Saturday", "2025-02-08", ""),
    ("Coronation 2023", "2023-05-08", ""),
    ("Scotland: 2 January", "2025-01-02", "scotland"),
    ("England: 2 January", "2025-01-02", ""),
)
# (what it checks, value typed into the input cell, what the add-in cell should show)
INPUT_CASES: Final = (
    ("UK text date", "15/04/2025", "24/04/2025 (a date)"),
    ("ISO text date", "2025-04-15", "24/04/2025 (a date)"),
    ("US order is refused", "04/15/2025", "#VALUE!: the month is not 1-12"),
    ("not a date", "next tuesday", "#VALUE!: is not a date"),
    ("empty start gives an empty cell", None, "an empty cell"),
)

#: ERROR.TYPE's number for each error value Excel has always had.
ERROR_TYPES: Final = {
    "#NULL!": 1,
    "#DIV/0!": 2,
    "#VALUE!": 3,
    "#REF!": 4,
    "#NAME?": 5,
    "#NUM!": 6,
    "#N/A": 7,
}
APR15: Final = dt.date(2025, 4, 15)
APR24: Final = dt.date(2025, 4, 24)
APR16: Final = dt.date(2025, 4, 16)
# (what it checks, B, C, D, E (argument cells; "=NA()" is an error cell),
#  formula (refers to B-E of row {r}), what it should show: a date, "" for an
#  empty cell, or an error value such as "#N/A")
ERROR_CASES: Final = (
    (
        "#N/A as the start gives #N/A, as WORKDAY does",
        "=NA()",
        5,
        None,
        None,
        "SK_WORKDAY(B{r}, C{r})",
        "#N/A",
    ),
    (
        "#N/A as the days gives #N/A",
        APR15,
        "=NA()",
        None,
        None,
        "SK_WORKDAY(B{r}, C{r})",
        "#N/A",
    ),
    (
        "#N/A as the region gives #N/A",
        APR15,
        5,
        "=NA()",
        None,
        "SK_WORKDAY(B{r}, C{r}, D{r})",
        "#N/A",
    ),
    (
        "#N/A in the closures range gives #N/A, not a date",
        APR15,
        5,
        None,
        "=NA()",
        "SK_WORKDAY(B{r}, C{r}, , D{r}:E{r})",
        "#N/A",
    ),
    (
        "a 1/0 error as the start gives #DIV/0!",
        "=1/0",
        5,
        None,
        None,
        "SK_WORKDAY(B{r}, C{r})",
        "#DIV/0!",
    ),
    (
        "text that is no date gives #VALUE!",
        "soon",
        5,
        None,
        None,
        "SK_WORKDAY(B{r}, C{r})",
        "#VALUE!",
    ),
    (
        "SK_WHY says why",
        "SK_WORKDAY",
        "soon",
        5,
        None,
        "SK_WHY(B{r}, C{r}, D{r})",
        "start_date is not a date; expected YYYY-MM-DD or DD/MM/YYYY",
    ),
    (
        "an empty start gives an empty cell",
        None,
        5,
        None,
        None,
        "SK_WORKDAY(B{r}, C{r})",
        "",
    ),
    (
        "0 as the start is no date: an empty cell",
        0,
        5,
        None,
        None,
        "SK_WORKDAY(B{r}, C{r})",
        "",
    ),
    (
        "an empty region is England and Wales",
        APR15,
        5,
        None,
        None,
        "SK_WORKDAY(B{r}, C{r}, D{r})",
        APR24,
    ),
    (
        "0 as the region is England and Wales",
        APR15,
        5,
        0,
        None,
        "SK_WORKDAY(B{r}, C{r}, D{r})",
        APR24,
    ),
    (
        "0 and empty cells in the closures are skipped",
        APR15,
        5,
        0,
        APR16,
        "SK_WORKDAY(B{r}, C{r}, , D{r}:E{r})",
        dt.date(2025, 4, 25),
    ),
    (
        "0 days gives the start, as WORKDAY does",
        APR15,
        0,
        None,
        None,
        "SK_WORKDAY(B{r}, C{r})",
        APR15,
    ),
    (
        "an empty end date gives #VALUE!",
        APR15,
        None,
        None,
        None,
        "SK_NETWORKDAYS(B{r}, C{r})",
        "#VALUE!",
    ),
    (
        "a detail row with an #N/A start is #N/A in every column",
        "ehc.final-plan",
        "=NA()",
        None,
        True,
        "INDEX(SK_DUE_DATE(B{r}, C{r}, , , D{r}, E{r}), 1, 5)",
        "#N/A",
    ),
)


# -- writing -------------------------------------------------------------------


def _write_table(
    sheet: Worksheet,
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    date_columns: Sequence[int] = (),
) -> None:
    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font = HEADER
    for row in rows:
        sheet.append(list(row))
    for column in date_columns:
        for (cell,) in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
            cell.number_format = DATE_FORMAT
    for index, header in enumerate(headers, start=1):
        shown = [header] + [
            str(row[index - 1])
            for row in rows
            if index <= len(row) and row[index - 1] is not None
        ]
        # Formulas (=IF(...)) show a short answer, not their text.
        longest = max(len(text) for text in shown if not text.startswith("="))
        width = max(12, min(45, longest + 2))
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"


def _format_dates(sheet: Worksheet, *, max_col: int) -> None:
    """Show every date cell below the header, up to column *max_col*, as a date."""
    for row in sheet.iter_rows(min_row=2, max_col=max_col):
        for cell in row:
            if isinstance(cell.value, dt.date):
                cell.number_format = DATE_FORMAT


def _addin_column(sheet: Worksheet, column: int, rows: int, *, dates: bool) -> None:
    for r in range(2, rows + 2):
        cell = sheet.cell(row=r, column=column)
        cell.fill = ADDIN_FILL
        if dates:
            cell.number_format = DATE_FORMAT


def _check(addin: str, expected: str) -> str:
    return f'=IF({addin}="","not run",IF({addin}={expected},"OK","MISMATCH"))'


def _cross_check(excel: str, expected: str) -> str:
    return f'=IF({excel}={expected},"OK","MISMATCH")'


def _workday_sheet(book: openpyxl.Workbook) -> None:
    sheet = book.create_sheet("WORKDAY")
    rows = []
    for i, (what, start, days, region) in enumerate(WORKDAY_CASES, start=2):
        expected = sendkit.add_working_days(
            _d(start), days, region=region or sendkit.DEFAULT_REGION
        )
        holidays = _holiday_range(region or sendkit.DEFAULT_REGION)
        region_arg = f", D{i}" if region else ""
        rows.append(
            (
                what,
                _d(start),
                days,
                region,
                expected,
                f"=WORKDAY(B{i},C{i},{holidays})",
                _cross_check(f"F{i}", f"E{i}"),
                None,
                _check(f"H{i}", f"E{i}"),
                f"SK_WORKDAY(B{i}, C{i}{region_arg})",
            )
        )
    headers = (
        "What it checks",
        "Start",
        "Days",
        "Region",
        "sendkit expects",
        "Excel WORKDAY",
        "Excel agrees",
        "Add-in (type the formula)",
        "Add-in agrees",
        "Formula to type (after =)",
    )
    _write_table(sheet, headers, rows, date_columns=(2, 5, 6))
    _addin_column(sheet, 8, len(rows), dates=True)


def _networkdays_sheet(book: openpyxl.Workbook) -> None:
    sheet = book.create_sheet("NETWORKDAYS")
    rows = []
    for i, (what, start, end, region) in enumerate(NETWORKDAYS_CASES, start=2):
        expected = sendkit.count_working_days(
            _d(start), _d(end), region=region or sendkit.DEFAULT_REGION
        )
        holidays = _holiday_range(region or sendkit.DEFAULT_REGION)
        region_arg = f", D{i}" if region else ""
        rows.append(
            (
                what,
                _d(start),
                _d(end),
                region,
                expected,
                f"=NETWORKDAYS(B{i},C{i},{holidays})",
                _cross_check(f"F{i}", f"E{i}"),
                None,
                _check(f"H{i}", f"E{i}"),
                f"SK_NETWORKDAYS(B{i}, C{i}{region_arg})",
            )
        )
    headers = (
        "What it checks",
        "Start",
        "End",
        "Region",
        "sendkit expects",
        "Excel NETWORKDAYS",
        "Excel agrees",
        "Add-in (type the formula)",
        "Add-in agrees",
        "Formula to type (after =)",
    )
    _write_table(sheet, headers, rows, date_columns=(2, 3))
    _addin_column(sheet, 8, len(rows), dates=False)


def _isworkday_sheet(book: openpyxl.Workbook) -> None:
    sheet = book.create_sheet("ISWORKDAY")
    rows = []
    for i, (what, day, region) in enumerate(ISWORKDAY_CASES, start=2):
        expected = sendkit.is_working_day(
            _d(day), region=region or sendkit.DEFAULT_REGION
        )
        holidays = _holiday_range(region or sendkit.DEFAULT_REGION)
        region_arg = f", C{i}" if region else ""
        rows.append(
            (
                what,
                _d(day),
                region,
                expected,
                f"=NETWORKDAYS(B{i},B{i},{holidays})=1",
                _cross_check(f"E{i}", f"D{i}"),
                None,
                _check(f"G{i}", f"D{i}"),
                f"SK_ISWORKDAY(B{i}{region_arg})",
            )
        )
    headers = (
        "What it checks",
        "Date",
        "Region",
        "sendkit expects",
        "Excel (NETWORKDAYS=1)",
        "Excel agrees",
        "Add-in (type the formula)",
        "Add-in agrees",
        "Formula to type (after =)",
    )
    _write_table(sheet, headers, rows, date_columns=(2,))
    _addin_column(sheet, 7, len(rows), dates=False)


def _inputs_sheet(book: openpyxl.Workbook) -> None:
    sheet = book.create_sheet("Inputs")
    rows = [
        (what, value, 5, None, shows, f"SK_WORKDAY(B{i}, C{i})")
        for i, (what, value, shows) in enumerate(INPUT_CASES, start=2)
    ]
    headers = (
        "What it checks",
        "Start as typed (text)",
        "Days",
        "Add-in (type the formula)",
        "The add-in cell should show",
        "Formula to type (after =)",
    )
    _write_table(sheet, headers, rows)
    for (cell,) in sheet.iter_rows(min_row=2, min_col=2, max_col=2):
        cell.number_format = "@"  # keep typed dates as text, as the case needs
    _addin_column(sheet, 4, len(rows), dates=True)


def _error_check(addin: str, shows: object) -> str:
    """The check formula for one ERROR_CASES row: OK, MISMATCH or not run."""
    if isinstance(shows, str) and shows in ERROR_TYPES:
        test = f"IFERROR(ERROR.TYPE({addin})={ERROR_TYPES[shows]},FALSE)"
    elif isinstance(shows, dt.date):
        test = f"IFERROR({addin}=DATE({shows.year},{shows.month},{shows.day}),FALSE)"
    else:
        text = str(shows).replace('"', '""')
        test = f'IFERROR({addin}="{text}",FALSE)'
    # ISFORMULA came with Excel 2013: the file must spell it _xlfn.ISFORMULA, or
    # Excel (and LibreOffice) show #NAME? until the cell is typed again.
    return f'=IF(NOT(_xlfn.ISFORMULA({addin})),"not run",IF({test},"OK","MISMATCH"))'


def error_cases() -> list[tuple[Any, ...]]:
    """`ERROR_CASES`, then each registered module's ``EXCEL_ERROR_CASES``.

    A module's cases have the shape of `ERROR_CASES`' rows: an error cell,
    a blank and a bad value per formula, with what the cell should show.
    """
    found: list[tuple[Any, ...]] = list(ERROR_CASES)
    for name in FORMULA_MODULES:
        module = importlib.import_module(name)
        found.extend(tuple(case) for case in getattr(module, "EXCEL_ERROR_CASES", ()))
    return found


def _errors_sheet(book: openpyxl.Workbook) -> None:
    sheet = book.create_sheet("Errors and blanks")
    rows = []
    for r, (what, b, c, d, e, formula, shows) in enumerate(error_cases(), start=2):
        rows.append(
            (
                what,
                b,
                c,
                d,
                e,
                None,
                shows.strftime("%d/%m/%Y") if isinstance(shows, dt.date) else shows,
                _error_check(f"F{r}", shows),
                formula.format(r=r),
            )
        )
    headers = (
        "What it checks",
        "Argument 1",
        "Argument 2",
        "Argument 3",
        "Argument 4",
        "Add-in (type the formula)",
        "It should show",
        "Add-in agrees",
        "Formula to type (after =)",
    )
    _write_table(sheet, headers, rows)
    _format_dates(sheet, max_col=5)
    _addin_column(sheet, 6, len(rows), dates=True)


# (what it checks, formula, arguments B-E, Excel cross-check or None)
# The formula refers to the argument cells; {r} is the row. The expected value
# is computed by sendkit itself in `_expected`.
MORE_CASES: Final = (
    (
        "priority action plan: submit (35 working days)",
        "SK_DUE_DATE(B{r}, C{r})",
        ("area-send.pap.submit", _d("2023-05-16")),
        "WORKDAY(C{r},35,{hol})",
    ),
    (
        "priority action plan: publish (70 working days)",
        "SK_DUE_DATE(B{r}, C{r})",
        ("area-send.pap.publish", _d("2023-05-16")),
        "WORKDAY(C{r},70,{hol})",
    ),
    (
        "final EHC plan: 20 weeks",
        "SK_DUE_DATE(B{r}, C{r})",
        ("ehc.final-plan", _d("2025-01-06")),
        "C{r}+140",
    ),
    (
        "decision whether to assess: 6 weeks",
        "SK_DUE_DATE(B{r}, C{r})",
        ("ehc.decision-to-assess", _d("2025-01-06")),
        "C{r}+42",
    ),
    (
        "tribunal appeal with a mediation certificate",
        "SK_DUE_DATE(B{r}, C{r}, , , D{r})",
        ("tribunal.appeal", _d("2024-03-04"), _d("2024-04-29")),
        None,
    ),
    (
        "priority action plan flagged: 35 days is not from a primary source",
        "INDEX(SK_DUE_DATE(B{r}, C{r}, , , D{r}, E{r}), 1, 2)",
        ("area-send.pap.submit", _d("2023-05-16"), None, True),
        None,
    ),
    (
        "detail TRUE: the due date comes first",
        "INDEX(SK_DUE_DATE(B{r}, C{r}, , , D{r}, E{r}), 1, 1)",
        ("area-send.pap.submit", _d("2023-05-16"), None, True),
        "WORKDAY(C{r},35,{hol})",
    ),
    (
        "final EHC plan flagged confirmed (regulation read)",
        "INDEX(SK_DUE_DATE(B{r}, C{r}, , , D{r}, E{r}), 1, 2)",
        ("ehc.final-plan", _d("2025-01-06"), None, True),
        None,
    ),
    (
        "rule status: priority action plan",
        "SK_RULE_STATUS(B{r})",
        ("area-send.pap.submit",),
        None,
    ),
    ("rule status: final EHC plan", "SK_RULE_STATUS(B{r})", ("ehc.final-plan",), None),
    (
        "EHC step from the received date",
        "SK_EHC_DUE(B{r}, C{r})",
        (_d("2024-01-08"), "final-plan"),
        "B{r}+140",
    ),
    (
        "outcome from Ofsted's label",
        "SK_PARSE_OUTCOME(B{r})",
        ("Widespread and/or systemic failings",),
        None,
    ),
    ("outcome number", "SK_PARSE_OUTCOME(B{r}, C{r})", ("outcome 2", "number"), None),
    (
        "RAG: at risk, due within 10 working days",
        "SK_RAG(B{r}, C{r}, D{r}, E{r})",
        ("at risk", None, _d("2024-03-28"), _d("2024-03-20")),
        None,
    ),
    (
        "RAG: not started after its start date",
        "SK_RAG(B{r}, C{r}, D{r}, E{r})",
        ("not started", _d("2024-01-01"), _d("2024-06-30"), _d("2024-03-20")),
        None,
    ),
    ("SK_RULES spills the catalogue (rows incl. header)", "ROWS(SK_RULES())", (), None),
    (
        "SK_TIMELINE spills: first milestone's date",
        "INDEX(SK_TIMELINE(B{r}, C{r}), 2, 2)",
        (3, _d("2023-05-16")),
        "WORKDAY(C{r},35,{hol})",
    ),
    (
        "SK_CALENDAR_INFO: the last announced year of bank holidays",
        "INDEX(SK_CALENDAR_INFO(), 6, 2)",
        (),
        None,
    ),
    (
        "a due date past the announced holidays is flagged in the detail",
        "INDEX(SK_DUE_DATE(B{r}, C{r}, , , D{r}, E{r}), 1, 5)",
        ("ehc.final-plan", _d("2028-10-02"), None, True),
        None,
    ),
    (
        "SK_EHC_TIMELINESS spills (rows incl. header)",
        "ROWS(SK_EHC_TIMELINESS(B{r}, C{r}, D{r}, E{r}))",
        (_d("2024-01-08"), _d("2024-05-27"), None, 2024),
        None,
    ),
)


def _flag(confidence: sendkit.Confidence) -> str:
    word = "confirmed" if confidence.confirmed else "UNCONFIRMED"
    return f"{word} {confidence.tag}"


def _firmness(formula: str, args: Sequence[Any]) -> Any:
    """The answer to a detail or status row: how firm a rule's figure is."""
    if formula.startswith("SK_RULE_STATUS"):
        return _flag(sendkit.get_rule(args[0]).confidence)
    if formula.startswith("INDEX(SK_DUE_DATE"):
        found = sendkit.deadline(args[0], args[1])
        if formula.endswith(", 1, 5)"):
            return (
                f"PAST ANNOUNCED HOLIDAYS (after {sendkit.ANNOUNCED_THROUGH:%d/%m/%Y})"
            )
        return found.due if formula.endswith(", 1, 1)") else _flag(found.confidence)
    return None


def _expected(formula: str, args: Sequence[Any]) -> Any:  # noqa: C901, PLR0911
    """The answer sendkit gives for one MORE_CASES row."""
    name = (
        formula.split("(", maxsplit=1)[0]
        if not formula.startswith(("ROWS", "INDEX"))
        else ""
    )
    if name == "SK_DUE_DATE":
        inputs = {}
        if len(args) > 2:  # noqa: PLR2004
            inputs = {sendkit.get_rule(args[0]).inputs[0]: args[2]}
        return sendkit.deadline(args[0], args[1], **inputs).due
    if (firmness := _firmness(formula, args)) is not None:
        return firmness
    if name == "SK_EHC_DUE":
        return sendkit.deadline(f"ehc.{args[1]}", args[0]).due
    if name == "SK_PARSE_OUTCOME":
        outcome = inspections.parse_outcome(args[0])
        return outcome.number if len(args) > 1 else outcome.value
    if name == "SK_RAG":
        status, start, due, as_of = args
        action = plans.Action(
            id="row",
            status=plans.Status(status.replace(" ", "-")),
            start=start,
            due=due,
        )
        return action.assess(as_of).rag.value
    if formula == "ROWS(SK_RULES())":
        return len(sendkit.RULES) + 1
    if formula == "INDEX(SK_CALENDAR_INFO(), 6, 2)":
        return sendkit.ANNOUNCED_THROUGH.year
    if formula.startswith("INDEX(SK_TIMELINE"):
        inspection = inspections.Inspection(
            local_area="x",
            framework=inspections.Framework.AREA_SEND_2023,
            outcome=inspections.parse_outcome(str(args[0])),
            report_received=args[1],
        )
        return inspections.follow_up(inspection)[0].on
    if formula.startswith("ROWS(SK_EHC_TIMELINESS"):
        return 14  # the header and 13 measures (SK_EHC_TIMELINESS's rows)
    msg = f"no expected value for {formula}"
    raise ValueError(msg)


def _more_sheet(book: openpyxl.Workbook) -> None:
    sheet = book.create_sheet("More formulas")
    holidays = _holiday_range(sendkit.DEFAULT_REGION)
    rows = []
    for r, (what, formula, args, cross) in enumerate(MORE_CASES, start=2):
        cells = list(args) + [None] * (4 - len(args))
        expected = _expected(formula, args)
        excel = f"={cross.format(r=r, hol=holidays)}" if cross else None
        rows.append(
            (
                what,
                *cells,
                expected,
                excel,
                _cross_check(f"G{r}", f"F{r}") if cross else "no Excel equivalent",
                None,
                _check(f"I{r}", f"F{r}"),
                formula.format(r=r),
            )
        )
    headers = (
        "What it checks",
        "Argument 1",
        "Argument 2",
        "Argument 3",
        "Argument 4",
        "sendkit expects",
        "Excel cross-check",
        "Excel agrees",
        "Add-in (type the formula)",
        "Add-in agrees",
        "Formula to type (after =)",
    )
    _write_table(sheet, headers, rows)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, dt.date) or (
                isinstance(cell.value, str)
                and cell.value.startswith(("=WORKDAY", "=B", "=C"))
            ):
                cell.number_format = DATE_FORMAT
    _addin_column(sheet, 9, len(rows), dates=False)


def evaluate(formula: str, args: Sequence[Any]) -> Any:
    """The add-in's answer to ``SK_NAME(B{r}, ...)`` or ``INDEX(SK_NAME(...), r, c)``.

    *args* are the values of the cells B, C, D, E of the row; an omitted
    argument is None, as classic xlwings passes it.
    """
    index = re.fullmatch(r"INDEX\((.*), (\d+), (\d+)\)", formula)
    inner = index.group(1) if index else formula
    match = re.fullmatch(r"(SK_\w+)\((.*)\)", inner)
    if match is None:
        msg = f"cannot evaluate {formula}"
        raise ValueError(msg)
    function = getattr(formulas, match.group(1).lower())
    refs = [ref.strip() for ref in match.group(2).split(",")] if match.group(2) else []
    cells = dict(zip("BCDE", args, strict=False))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", sendkit.HolidayHorizonWarning)
        answer = function(*(cells.get(ref[:1]) if ref else None for ref in refs))
    if index:
        answer = answer[int(index.group(2)) - 1][int(index.group(3)) - 1]
    return answer


def module_examples() -> list[tuple[str, str, tuple[Any, ...]]]:
    """Worked examples that registered formula modules carry themselves.

    A module in `FORMULA_MODULES` may define ``EXCEL_EXAMPLES``: a sequence of
    ``(what it checks, formula with {r} for the row and B-E for the cells,
    values of B-E)``, such as ``("review due", "SK_NEXT_REVIEW(B{r})",
    (dt.date(2025, 1, 6),))``. The workbooks compute the expected answer by
    calling the formula.
    """
    found: list[tuple[str, str, Sequence[Any]]] = []
    for name in FORMULA_MODULES:
        module = importlib.import_module(name)
        found.extend(getattr(module, "EXCEL_EXAMPLES", ()))
    return [(what, formula, tuple(args)) for what, formula, args in found]


def formula_name(formula: str) -> str:
    """The sendkit formula a typed formula calls: ``SK_NEIGHBOURS`` in ``INDEX(SK_NEIGHBOURS(B2), 1, 1)``."""
    found = re.search(r"SK_\w+", formula)
    return found.group(0) if found else formula.split("(", maxsplit=1)[0]


def _typed_formulas(book: openpyxl.Workbook, *, errors: bool = True) -> str:
    """Every formula the sheets ask for; ``errors=False`` leaves out the error checks."""
    return " ".join(
        str(row[-1].value)
        for sheet in book
        if errors or sheet.title != "Errors and blanks"
        for row in sheet.iter_rows(min_row=2)
        if row and row[-1].value
    )


def _registered_sheet(book: openpyxl.Workbook) -> None:
    """Every registered formula no other sheet works an example of: its own examples, or a gap."""
    worked = _typed_formulas(book, errors=False)
    examples = [
        case for case in module_examples() if f"{formula_name(case[1])}(" not in worked
    ]
    covered = _typed_formulas(book) + " " + " ".join(f for _, f, _ in examples)
    missing = [
        name.upper() for name in formulas.__all__ if f"{name.upper()}(" not in covered
    ]
    sheet = book.create_sheet("Registered formulas")
    rows = []
    for r, (what, formula, args) in enumerate(examples, start=2):
        text = formula.format(r=r)
        cells = list(args) + [None] * (4 - len(args))
        rows.append(
            (what, *cells, evaluate(text, args), None, _check(f"G{r}", f"F{r}"), text)
        )
    gap = "no worked example yet (add EXCEL_EXAMPLES to its module)"
    rows.extend((f"{name}: {gap}", *[None] * 7, f"{name}()") for name in missing)
    headers = (
        "What it checks",
        "Argument 1",
        "Argument 2",
        "Argument 3",
        "Argument 4",
        "sendkit expects",
        "Add-in (type the formula)",
        "Add-in agrees",
        "Formula to type (after =)",
    )
    _write_table(sheet, headers, rows)
    _format_dates(sheet, max_col=6)
    _addin_column(sheet, 7, len(rows), dates=False)


#: Sheets for the other formula families, added in order after the working days.
EXTRA_SHEETS: dict[str, Callable[[openpyxl.Workbook], None]] = {
    "More formulas": _more_sheet,
    "Errors and blanks": _errors_sheet,
}


def _holidays_sheet(book: openpyxl.Workbook) -> None:
    sheet = book.create_sheet("Holidays")
    columns = [_holidays(region) for region in REGION_COLUMNS]
    longest = max(len(column) for column in columns)
    rows = [
        tuple(column[i] if i < len(column) else None for column in columns)
        for i in range(longest)
    ]
    _write_table(sheet, tuple(REGION_COLUMNS), rows, date_columns=(1, 2, 3))


def _about_sheet(book: openpyxl.Workbook) -> None:
    sheet = book.active
    assert sheet is not None  # noqa: S101 - a new workbook has one sheet
    sheet.title = "About"
    lines = [
        "sendkit Excel add-in: acceptance workbook",
        "",
        "Generated by excel_addin/acceptance/make_workbook.py; do not edit by hand.",
        (
            f"sendkit {importlib.metadata.version('sendkit-england')}; "
            f"holiday data: {sendkit.calendar_for().data_source}."
        ),
        (
            f"Holidays sheet: weekday bank holidays {HOLIDAY_YEARS[0]}-"
            f"{HOLIDAY_YEARS[-1]} for Excel's own WORKDAY and NETWORKDAYS."
        ),
        "",
        (
            "On each sheet: 'sendkit expects' is the library's answer; 'Excel agrees' "
            "compares it with Excel's own function (no add-in needed)."
        ),
        (
            "Type the formula shown in the last column into the yellow column "
            "(after =); 'Add-in agrees' then shows OK or MISMATCH."
        ),
        "Follow excel_addin/acceptance/CHECKLIST.md and record the run in RESULTS.md.",
        "",
        "Status: NOT verified in Excel until a run is recorded in RESULTS.md.",
    ]
    for line in lines:
        sheet.append([line])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.column_dimensions["A"].width = 110


def print_wide(
    sheet: Worksheet, orientation: Literal["portrait", "landscape"] = "landscape"
) -> None:
    """Print *sheet* one page wide, as a person would print a wide table."""
    sheet.page_setup.orientation = orientation
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)


def add_check_sheets(book: openpyxl.Workbook) -> None:
    """Add the acceptance checks, in order, after the sheets *book* already has.

    The one list of check sheets: this workbook and the starter workbook
    (``excel_addin/starter/make_starter.py``) both add them with this. Each
    prints one page wide.
    """
    first = len(book.worksheets)
    _workday_sheet(book)
    _networkdays_sheet(book)
    _isworkday_sheet(book)
    _inputs_sheet(book)
    for add in EXTRA_SHEETS.values():
        add(book)
    _registered_sheet(book)
    _holidays_sheet(book)
    for sheet in book.worksheets[first:]:
        print_wide(sheet)


def stamp(book: openpyxl.Workbook, creator: str) -> None:
    """Fix the workbook's dates and creator, so that regenerating gives the same file."""
    book.properties.created = FIXED_TIME
    book.properties.modified = FIXED_TIME
    book.properties.creator = creator


def build() -> openpyxl.Workbook:
    """Return the acceptance workbook."""
    book = openpyxl.Workbook()
    _about_sheet(book)
    add_check_sheets(book)
    stamp(book, "sendkit make_workbook.py")
    return book


def main(argv: list[str] | None = None) -> int:
    """Write the workbook."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=pathlib.Path, default=OUT)
    args = parser.parse_args(argv)
    build().save(args.out)
    print(f"wrote {args.out}")  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
