"""Generate the officers' starter workbook, ``docs/downloads/sendkit-starter.xlsx``.

Sheets: *Start here* (what the workbook is, how to install the add-in, how
errors, blanks and the holiday horizon show), *Formulas* (every registered
formula with a worked example: its inputs, the formula to type and the answer
sendkit gives), then the acceptance checks of ``excel_addin/acceptance``.
The answers are computed here by the add-in's own Python functions, so the
workbook shows what the formulas must give once the add-in runs.

    python excel_addin/starter/make_starter.py [--out PATH]

Reproducible: the same sendkit, holiday data and formulas give the same cells,
which a test checks against the committed file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata
import importlib.util
import inspect
import pathlib
import sys
from types import ModuleType
from typing import Any, Final

import openpyxl
from openpyxl.styles import Alignment, Font, PatternFill

import sendkit
from sendkit_excel import formulas

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
OUT = ROOT / "docs" / "downloads" / "sendkit-starter.xlsx"
DATE_FORMAT: Final = "dd/mm/yyyy"
TRY_FILL: Final = PatternFill("solid", fgColor="FFF2CC")
HEAD_FILL: Final = PatternFill("solid", fgColor="DDEBF7")
BOLD: Final = Font(bold=True)
WRAP: Final = Alignment(wrap_text=True, vertical="top")


def _d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


#: formula name -> (arguments for cells B-E, formula to type with {r} for the row).
EXAMPLES: Final[dict[str, tuple[tuple[Any, ...], str]]] = {
    "sk_workday": ((_d("2025-04-15"), 5), "SK_WORKDAY(B{r}, C{r})"),
    "sk_networkdays": (
        (_d("2025-02-05"), _d("2025-02-19")),
        "SK_NETWORKDAYS(B{r}, C{r})",
    ),
    "sk_isworkday": ((_d("2025-04-18"),), "SK_ISWORKDAY(B{r})"),
    "sk_due_date": (("ehc.final-plan", _d("2025-01-06")), "SK_DUE_DATE(B{r}, C{r})"),
    "sk_rule_status": (("area-send.pap.submit",), "SK_RULE_STATUS(B{r})"),
    "sk_rules": (("ehc",), "INDEX(SK_RULES(B{r}), 2, 1)"),
    "sk_parse_outcome": (
        ("Widespread and/or systemic failings", "number"),
        "SK_PARSE_OUTCOME(B{r}, C{r})",
    ),
    "sk_timeline": ((3, _d("2023-05-16")), "INDEX(SK_TIMELINE(B{r}, C{r}), 2, 2)"),
    "sk_rag": (
        ("at risk", None, _d("2024-03-28"), _d("2024-03-20")),
        "SK_RAG(B{r}, C{r}, D{r}, E{r})",
    ),
    "sk_ehc_due": ((_d("2024-01-08"), "final-plan"), "SK_EHC_DUE(B{r}, C{r})"),
    "sk_ehc_timeliness": (
        (_d("2024-01-08"), _d("2024-05-27"), None, 2024),
        "INDEX(SK_EHC_TIMELINESS(B{r}, C{r}, D{r}, E{r}), 3, 2)",
    ),
    "sk_calendar_info": ((), "INDEX(SK_CALENDAR_INFO(), 6, 2)"),
    "sk_why": (("SK_WORKDAY", "soon", 5), "SK_WHY(B{r}, C{r}, D{r})"),
}

GUIDANCE: Final = (
    ("sendkit starter workbook", "title"),
    ("", ""),
    ("What this is", "head"),
    (
        (
            "sendkit's SEND deadlines as Excel formulas: working days with the bank "
            "holidays built in (=SK_WORKDAY(A2, 35)), statutory and framework time "
            'limits (=SK_DUE_DATE("ehc.final-plan", A2)), inspection follow-up, RAG '
            "ratings, the EHC 20-week measure, annual reviews, phase transfers and "
            "DfE's published figures (=SK_DFE, =SK_NEIGHBOURS). "
            "The sheet Formulas has one worked "
            "example of every formula; type the formula into the yellow cell and the "
            "next column says OK when the add-in agrees."
        ),
        "",
    ),
    ("", ""),
    ("Install the add-in first", "head"),
    (
        (
            "xlwings Lite (Excel 365, Excel on the web): Home > Add-ins > xlwings Lite; "
            "paste sendkit's requirements.txt and main.py (see the docs page 'Install: "
            "xlwings Lite'). Classic xlwings (Windows desktop Excel with Python): see "
            "'Install: classic xlwings'. sendkit is not on PyPI yet: both pages say how "
            "to install the wheel."
        ),
        "",
    ),
    ("", ""),
    ("Errors, blanks and 0", "head"),
    (
        (
            "An error cell in any argument gives an error back (#N/A in, #N/A out, as "
            "WORKDAY does); a value the formula cannot read gives #VALUE!. Over a range, "
            "the good rows keep their answers and a bad row is an error value, so "
            'IFERROR, ISERROR and conditional formatting find it. =SK_WHY("SK_WORKDAY", '
            "A5, B5) says why in words. An empty date or text cell, and 0, mean 'none': "
            "an empty start gives an empty answer, an empty region means England and "
            "Wales. For numbers and yes/no, 0 is 0 and FALSE."
        ),
        "",
    ),
    ("", ""),
    ("How far ahead the bank holidays are known", "head"),
    (
        (
            "The formula =SK_CALENDAR_INFO() shows where the holidays come from (the holidays "
            "package and its version) and the last year GOV.UK has announced. Dates "
            "after that use holidays computed by rule; SK_DUE_DATE(..., TRUE), "
            "SK_TIMELINE and SK_EHC_DUE flag them PAST ANNOUNCED HOLIDAYS."
        ),
        "",
    ),
    ("", ""),
    ("After Excel or xlwings Lite starts", "head"),
    (
        (
            "xlwings Lite shows #BUSY! while Python starts and sendkit loads; the cells "
            "fill in by themselves when it is ready. Classic xlwings starts Python on the "
            "first formula, which takes a few seconds once per Excel session."
        ),
        "",
    ),
    ("", ""),
    ("Status", "head"),
    (
        (
            "Not yet verified in real Excel: every answer here was checked on Linux "
            "without Excel. The acceptance sheets after Formulas are the checks a person "
            "runs in Excel (see the docs page 'Acceptance in Excel')."
        ),
        "",
    ),
    ("", ""),
    ("Use made-up dates and opaque case references only: no child's details.", "head"),
)


def _load_acceptance() -> ModuleType:
    path = HERE.parent / "acceptance" / "make_workbook.py"
    spec = importlib.util.spec_from_file_location("sendkit_acceptance_workbook", path)
    assert spec is not None  # noqa: S101 - the file is in this repository
    assert spec.loader is not None  # noqa: S101
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _guidance_sheet(book: openpyxl.Workbook) -> None:
    sheet = book.active
    assert sheet is not None  # noqa: S101 - a new workbook has one sheet
    sheet.title = "Start here"
    sheet.column_dimensions["A"].width = 80
    for text, kind in GUIDANCE:
        sheet.append([text])
        cell = sheet.cell(row=sheet.max_row, column=1)
        cell.alignment = WRAP
        # Row heights are not computed by every program: set them for ~85 characters
        # a line (LibreOffice fits about 95 of this prose in the 80-wide column).
        lines = max(1, -(-len(text) // 85))
        height = 15 * lines + 2 if text else 8  # a thin gap between sections
        sheet.row_dimensions[sheet.max_row].height = height
        if kind == "title":
            cell.font = Font(bold=True, size=16)
        elif kind == "head":
            cell.font = BOLD
    version = importlib.metadata.version("sendkit-england")
    source = sendkit.calendar_for().data_source
    sheet.append([f"Made with sendkit {version}; holiday data: {source}."])


def _formulas_sheet(book: openpyxl.Workbook) -> None:
    sheet = book.create_sheet("Formulas")
    headers = (
        "Formula",
        "Argument 1",
        "Argument 2",
        "Argument 3",
        "Argument 4",
        "Type this (after =)",
        "sendkit's answer",
        "Your Excel (type here)",
        "Add-in agrees",
        "What it does",
    )
    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font = BOLD
        cell.fill = HEAD_FILL
    acceptance = _load_acceptance()
    examples = dict(EXAMPLES)
    for _, formula, args in acceptance.module_examples():
        examples.setdefault(acceptance.formula_name(formula).lower(), (args, formula))
    for r, name in enumerate(formulas.__all__, start=2):
        function = getattr(formulas, name)
        doc = (inspect.getdoc(function) or "").strip()
        args, formula = examples.get(name, ((), ""))
        text = formula.format(r=r)
        answer = (
            acceptance.evaluate(text, args)
            if text
            else "no worked example yet: see the docs"
        )
        cells = [*args, *([None] * (4 - len(args)))]
        check = (
            f'=IF(H{r}="","not run",IF(H{r}=G{r},"OK","MISMATCH"))' if text else None
        )
        sheet.append([name.upper(), *cells, text, answer, None, check, doc])
        for column in range(2, 8):
            cell = sheet.cell(row=r, column=column)
            if isinstance(cell.value, dt.date):
                cell.number_format = DATE_FORMAT
        try_cell = sheet.cell(row=r, column=8)
        try_cell.fill = TRY_FILL
        if isinstance(answer, dt.date):
            try_cell.number_format = DATE_FORMAT
        sheet.cell(row=r, column=10).alignment = WRAP
    widths = (24, 30, 20, 14, 14, 44, 30, 26, 16, 92)
    for letter, width in zip("ABCDEFGHIJ", widths, strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "B2"
    acceptance.print_wide(sheet)


def build() -> openpyxl.Workbook:
    """Return the starter workbook."""
    acceptance = _load_acceptance()
    book = openpyxl.Workbook()
    _guidance_sheet(book)
    _formulas_sheet(book)
    acceptance.add_check_sheets(book)  # each prints one page wide
    acceptance.print_wide(book.worksheets[0], orientation="portrait")
    acceptance.stamp(book, "sendkit make_starter.py")
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
