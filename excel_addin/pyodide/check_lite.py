"""Run inside Pyodide by run_pyodide.mjs: the add-in as xlwings Lite runs it.

xlwings Lite sets XLWINGS_ON_SERVER and calls xlwings.server's
custom_functions_meta/custom_functions_call on the workbook's main.py; this
does the same on ``excel_addin/lite/main.py``. The runner awaits `run` and
prints the JSON summary it returns.
"""

import json
import os
import platform
import sys

os.environ["XLWINGS_ON_SERVER"] = "true"
# xlwings.server lives in xlwings.pro, which checks for a key; Lite itself is
# free, and "noncommercial" is the key xlwings' own tests use.
os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")

import main  # excel_addin/lite/main.py, as Lite loads the workbook's main.py
import xlwings as xw
import xlwings.server as xs

import sendkit


async def call(name: str, args: list[object]) -> object:
    """Call one formula with an Office.js request body, as Lite does."""
    data = {
        "client": "Office.js",
        "func_name": name,
        "args": args,
        "caller_address": "[Book1.xlsx]Sheet1!B2",
        "culture_info_name": "en-GB",
        "date_format": "dd/mm/yyyy",
        "version": xw.__version__,
        "runtime": "1.4",
    }
    try:
        return await xs.custom_functions_call(data, main)
    except xw.XlwingsError as exc:
        return f"XlwingsError: {exc}"


NA = {"type": "Error", "basicValue": "#N/A", "errorType": "NotAvailable"}

# Office.js shapes: one cell is [[v]], an omitted optional is None, dates are
# serials (45762 is Tue 15 Apr 2025; 45693 is Wed 5 Feb 2025).
CALLS = {
    "workday_easter": ("sk_workday", [[[45762]], [[5]]]),
    "workday_text_uk": ("sk_workday", [[["15/04/2025"]], [[5]], [[""]], None]),
    "workday_range": ("sk_workday", [[[45762], [""], [45693]], [[5]]]),
    "workday_scotland": ("sk_workday", [[[45870]], [[1]], [["scotland"]]]),
    "networkdays": ("sk_networkdays", [[[45693]], [[45707]]]),
    "isworkday": ("sk_isworkday", [[[45765, 45769]]]),
    "due_date": ("sk_due_date", [[["ehc.final-plan"]], [[45663]]]),
    "due_date_detail": (
        "sk_due_date",
        [[["area-send.pap.submit"]], [[45062]], None, None, None, [[True]]],
    ),
    "rule_status": ("sk_rule_status", [[["area-send.pap.submit"], ["ehc.final-plan"]]]),
    "rules_ehc": ("sk_rules", [[["ehc"]]]),
    "ehc_due_all": ("sk_ehc_due", [[[45299]], None]),
    "timeliness": (
        "sk_ehc_timeliness",
        [
            [[45299], [45299], [45299]],
            [[45439], [45440], [45537]],
            [[""], [0], ["Y"]],
            [[2024]],
        ],
    ),
    "parse_outcome": (
        "sk_parse_outcome",
        [[["Widespread and/or systemic failings"]], [["number"]]],
    ),
    "timeline": ("sk_timeline", [[[3]], [[45062]]]),
    "rag": (
        "sk_rag",
        [[["at risk"], ["on track"]], None, [[45379], [45379]], [[45371]]],
    ),
    "error_text": ("sk_workday", [[["bogus"]], [[5]]]),
    "error_cell": ("sk_workday", [[[NA]], [[5]]]),
    "error_row": ("sk_workday", [[[45762], [NA], [0]], [[5]]]),
    "calendar_info": ("sk_calendar_info", []),
    "error_serial_60": ("sk_workday", [[[60]], [[5]]]),
    # The registered review, phase-transfer and DfE formulas (DfE's table is
    # read from the installed wheel's package data).
    "next_review": ("sk_next_review", [[[45366], [NA], [None]]]),
    "phase_transfer": ("sk_phase_transfer_due", [[[2026]], [[True]]]),
    "notice": ("sk_review_notice_by", [[[45826]]]),
    "dfe": (
        "sk_dfe",
        [[["Derbyshire"], ["England"]], [["pc_within_20_weeks"]], [[2024]]],
    ),
    "dfe_suppressed": (
        "sk_dfe",
        [[["England"]], [["pc_assessments_not_issued"]], [[2019]]],
    ),
    "neighbours": ("sk_neighbours", [[["Derbyshire"]]]),
    "dfe_bad": ("sk_dfe", [[["Derbyshyre"]], [["plans_issued"]], [[2024]]]),
}


async def run() -> str:
    """Describe and call the formulas; return a JSON summary."""
    results = {key: await call(name, args) for key, (name, args) in CALLS.items()}
    return json.dumps(
        {
            "python": sys.version.split()[0],
            "platform": sys.platform,
            "machine": platform.machine(),
            "xlwings": xw.__version__,
            "runtime": main.functions.RUNTIME,
            "sendkit_file": sendkit.__file__,
            "sendkit_excel_file": main.functions.__file__,
            "ids": sorted(f["id"] for f in xs.custom_functions_meta(main)["functions"]),
            "results": results,
        }
    )
