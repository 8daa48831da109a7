"""Error cells, blanks and zeros through xlwings' real call paths.

xlwings Lite and Server call `xlwings.server.custom_functions_call` with the
request body Office.js sends; these tests send the shapes Excel uses for
error cells (``{"type": "Error", "basicValue": "#N/A", ...}``, Office.js's
error objects), empty cells (null) and zeros, and formatted numbers, and read
back what xlwings hands to Excel. Classic xlwings reads cells over COM with
``_xlwindows._clean_value_data_element``; that function is run here with
pywin32 stubbed, on the COM error codes Excel uses. Each runs in a child
process so its environment variables and stubs stay there.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
ADDIN = ROOT / "excel_addin"

NA = {"type": "Error", "basicValue": "#N/A", "errorType": "NotAvailable"}
REF = {"type": "Error", "basicValue": "#REF!", "errorType": "Ref"}
SPILL = {"type": "Error", "basicValue": "#SPILL!", "errorType": "Spill"}
APR15 = {"type": "FormattedNumber", "basicValue": 45762, "numberFormat": "dd/mm/yyyy"}


def _date(serial):
    return {
        "type": "FormattedNumber",
        "basicValue": float(serial),
        "numberFormat": "dd/mm/yyyy",
    }


E_NA = {"type": "Error", "errorType": "NotAvailable"}
E_VALUE = {"type": "Error", "errorType": "Value"}
E_REF = {"type": "Error", "errorType": "Ref"}
E_NUM = {"type": "Error", "errorType": "Num"}
EASTER = _date(45771)  # 15/04/2025 + 5 working days = 24/04/2025

LITE = """
import asyncio, json, sys
import xlwings as xw
import xlwings.server as xs
from sendkit_excel import formulas, functions

if sys.argv[1] == "1904":
    functions.set_date_system(1904)

def call(name, args):
    data = {"client": "Office.js", "func_name": name, "args": args,
            "caller_address": "[Book1.xlsx]Sheet1!B2",
            "culture_info_name": "en-GB", "date_format": "dd/mm/yyyy",
            "version": xw.__version__, "runtime": "1.4"}
    try:
        return asyncio.run(xs.custom_functions_call(data, formulas))
    except xw.XlwingsError as exc:
        return "XlwingsError: " + str(exc)

calls = json.loads(sys.stdin.read())
print(json.dumps({key: call(name, args) for key, (name, args) in calls.items()}))
"""


def _env(**extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith("XLWINGS_")}
    env["PYTHONPATH"] = os.pathsep.join([str(ADDIN), str(ROOT / "src")])
    env.update(extra)
    return env


def lite(calls, system="1900"):
    """Call each formula through custom_functions_call in a Lite-like process."""
    result = subprocess.run(
        [sys.executable, "-c", LITE, system],
        input=json.dumps(calls),
        capture_output=True,
        text=True,
        env=_env(XLWINGS_ON_SERVER="true", XLWINGS_LICENSE_KEY="noncommercial"),
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def got():
    return lite(
        {
            # an error cell in each argument of SK_WORKDAY gives that error back
            "start_na": ("sk_workday", [[[NA]], [[5]]]),
            "days_ref": ("sk_workday", [[[45762]], [[REF]]]),
            "region_na": ("sk_workday", [[[45762]], [[5]], [[NA]]]),
            "closure_na": ("sk_workday", [[[45762]], [[5]], None, [[45763], [NA]]]),
            "newer_error": ("sk_workday", [[[SPILL]], [[5]]]),
            # ranges: good rows keep their answers, a bad row is an error value
            "range_na": ("sk_workday", [[[45762], [NA], [""], ["soon"]], [[5]]]),
            "range_days": ("sk_workday", [[[45762], [45762]], [[5], [NA]]]),
            "net_range": ("sk_networkdays", [[[45693], [NA]], [[45707], [45707]]]),
            # blanks and zeros
            "start_null": ("sk_workday", [[[None]], [[5]]]),
            "start_zero": ("sk_workday", [[[0]], [[5]]]),
            "region_zero": ("sk_workday", [[[45762]], [[5]], [[0]]]),
            "region_blank": ("sk_workday", [[[45762]], [[5]], [[""]]]),
            "closures_zero_blank": (
                "sk_workday",
                [[[45762]], [[5]], None, [[45763], [0], [""], [None]]],
            ),
            "days_zero": ("sk_workday", [[[45762]], [[0]]]),
            "end_zero": ("sk_networkdays", [[[45693]], [[0]]]),
            "formatted": ("sk_workday", [[[APR15]], [[5]]]),
            # detail rows and rule codes
            "detail_rows": (
                "sk_due_date",
                [
                    [["ehc.final-plan"]],
                    [[45299], [NA], [0]],
                    None,
                    None,
                    None,
                    [[True]],
                ],
            ),
            "status_na": ("sk_rule_status", [[["ehc.final-plan"], [NA]]]),
            "rag_as_of_na": ("sk_rag", [[["at risk"]], None, [[45379]], [[NA]]]),
            "timeliness_na": (
                "sk_ehc_timeliness",
                [[[45299], [NA]], [[45439], [45440]], [[""], [""]], [[2024]]],
            ),
            "why_row": ("sk_why", [[["SK_WORKDAY"]], [[45762], [NA]], [[5]]]),
            "why_ok": ("sk_why", [[["SK_WORKDAY"]], [[45762]], [[5]]]),
            "info": ("sk_calendar_info", []),
            "info_check": ("sk_calendar_info", [None, [[36526]]]),
            "info_check_1904": ("sk_calendar_info", [None, [[35064]]]),
            "far": (
                "sk_due_date",
                [[["ehc.final-plan"]], [[47600]], None, None, None, [[True]]],
            ),
        }
    )


def test_an_error_cell_in_any_argument_gives_an_error_never_a_blank_or_a_date(got):
    assert got["start_na"] == [[E_NA]]
    assert got["days_ref"] == [[E_REF]]
    assert got["region_na"] == [[E_NA]]
    assert got["closure_na"] == [[E_NA]]  # not dropped from the closure list
    assert got["newer_error"].startswith(
        "XlwingsError: start_date is the Excel error #SPILL!"
    )


def test_in_a_range_good_rows_keep_answers_and_bad_rows_are_error_values(got):
    assert got["range_na"] == [[EASTER], [E_NA], [""], [E_VALUE]]
    assert got["range_days"] == [[EASTER], [E_NA]]
    assert got["net_range"] == [[11], [E_NA]]
    assert got["status_na"] == [["confirmed [P]"], [E_NA]]
    assert got["timeliness_na"] == [[E_NA]]  # one table: the whole answer is the error


def test_blanks_and_zeros_are_read_as_documented(got):
    assert got["start_null"] == [[""]]  # an empty start: an empty answer
    assert got["start_zero"] == [[""]]  # 0 is no date, as an empty cell
    assert got["region_zero"] == got["region_blank"] == [[EASTER]]  # the default
    assert got["closures_zero_blank"] == [[_date(45772)]]  # only 16/04 is a closure
    assert got["days_zero"] == [[_date(45762)]]  # 0 days: the start, as WORKDAY
    assert got["end_zero"].startswith("XlwingsError: end_date is empty or 0")
    assert got["formatted"] == [[EASTER]]


def test_detail_rows_are_errors_in_every_column(got):
    first, bad, gap = got["detail_rows"]
    assert first[0] == _date(45439)
    assert first[4] == "announced"
    assert bad == [E_NA] * 5
    assert gap == [""] * 5
    assert got["rag_as_of_na"] == [[E_NA]]


def test_why_gives_the_message_as_text(got):
    assert got["why_row"] == [["row 2: start_date is the Excel error #N/A"]]
    assert got["why_ok"] == [["OK"]]


def test_calendar_info_shows_source_version_and_horizon(got):
    rows = dict(map(tuple, got["info"][1:]))
    assert rows["holiday data"].startswith("holidays ")
    assert rows["last announced year"] == 2028
    assert rows["holidays package version"] in rows["holiday data"]
    assert rows["date system"].startswith("1900")
    assert dict(map(tuple, got["info_check"][1:]))["date system"].startswith(
        "1900 (checked"
    )
    assert got["info_check_1904"].startswith(
        "XlwingsError: this workbook uses the 1904"
    )


def test_answers_past_the_announced_year_are_flagged(got):
    (row,) = got["far"]
    assert row[4].startswith("PAST ANNOUNCED HOLIDAYS (after 31/12/2028)")


def test_lite_1904_workbook_reads_and_writes_1904_serials():
    # 15/04/2025 is serial 44300 in the 1904 system; the answer 24/04/2025 is 44309.
    got = lite(
        {
            "workday": ("sk_workday", [[[44300]], [[5]]]),
            "text": ("sk_workday", [[["15/04/2025"]], [[5]]]),
            "check": ("sk_calendar_info", [None, [[35064]]]),
        },
        system="1904",
    )
    answer = {
        "type": "FormattedNumber",
        "basicValue": 44309,
        "numberFormat": "dd/mm/yyyy",
    }
    assert got["workday"] == got["text"] == [[answer]]
    assert dict(map(tuple, got["check"][1:]))["date system"].startswith("1904 (checked")


def _classic_cleaner():
    """xlwings' own COM cell reader, lifted out of ``xlwings._xlwindows``.

    That module needs Windows (ctypes.windll) to import, so its two pieces
    that turn a COM cell value into Python (the ``cell_errors`` table and
    ``_clean_value_data_element``) are compiled from its source as they are.
    """
    import ast
    import importlib.util

    spec = importlib.util.find_spec("xlwings")
    source = (pathlib.Path(spec.origin).parent / "_xlwindows.py").read_text("utf-8")
    tree = ast.parse(source)
    wanted = [
        node
        for node in tree.body
        if (
            isinstance(node, ast.FunctionDef)
            and node.name == "_clean_value_data_element"
        )
        or (
            isinstance(node, ast.Assign)
            and any(getattr(t, "id", "") == "cell_errors" for t in node.targets)
        )
    ]
    assert len(wanted) == 2, "xlwings changed: update this test"
    namespace = {"time_types": (), "_com_time_to_datetime": None}
    exec(  # noqa: S102 - xlwings' own code, compiled from its source
        compile(ast.Module(body=wanted, type_ignores=[]), "_xlwindows.py", "exec"),
        namespace,
    )
    return namespace["cell_errors"], namespace["_clean_value_data_element"]


def test_classic_com_error_codes_become_the_texts_the_formulas_refuse():
    from sendkit_excel import coerce, functions

    cell_errors, clean = _classic_cleaner()
    assert [clean(k, None, None, None, False) for k in cell_errors] == [None] * 7
    with_text = [clean(k, None, None, None, True) for k in cell_errors]  # err_to_str
    assert sorted(with_text) == sorted(functions.BASIC_ERRORS)
    # The codes the formulas send back are the ones Excel sends: the same table.
    assert cell_errors == {v: k for k, v in functions.BASIC_ERRORS.items()}
    for text in with_text:
        with pytest.raises(coerce.ErrorCellError):
            coerce.to_date(text, "start_date")


# -- the review, phase-transfer and DfE formulas, through the same Lite call path --


def _serial(day):
    from sendkit.dates import date_to_excel_serial

    return date_to_excel_serial(day)


@pytest.fixture(scope="module")
def got_more():
    plan = _serial(dt.date(2024, 3, 15))
    return lite(
        {
            "review": ("sk_next_review", [[[plan]]]),
            "review_formatted": ("sk_next_review", [[[_date(plan)]], [[None]]]),
            "review_na": ("sk_next_review", [[[NA]]]),
            "review_last_na": ("sk_next_review", [[[plan]], [[NA]]]),
            "review_null": ("sk_next_review", [[[None]]]),
            "review_zero": ("sk_next_review", [[[0]]]),
            "review_last_zero": ("sk_next_review", [[[plan]], [[0]]]),
            "review_bad": ("sk_next_review", [[["soon"]]]),
            "review_before": ("sk_next_review", [[[plan]], [[plan - 400]]]),
            "review_range": (
                "sk_next_review",
                [[[plan], [NA], [None], ["soon"], [0]]],
            ),
            "transfer": ("sk_phase_transfer_due", [[[2026]]]),
            "transfer_post16": ("sk_phase_transfer_due", [[[2026]], [[True]]]),
            "transfer_post16_zero": ("sk_phase_transfer_due", [[[2026]], [[0]]]),
            "transfer_post16_na": ("sk_phase_transfer_due", [[[2026]], [[NA]]]),
            "transfer_na": ("sk_phase_transfer_due", [[[NA]]]),
            "transfer_null": ("sk_phase_transfer_due", [[[None]]]),
            "transfer_zero": ("sk_phase_transfer_due", [[[0]]]),
            "transfer_bad": ("sk_phase_transfer_due", [[[1999]]]),
            "transfer_range": ("sk_phase_transfer_due", [[[2026], [REF], [1999]]]),
            "notice": ("sk_review_notice_by", [[[_serial(dt.date(2025, 6, 18))]]]),
            "notice_ref": ("sk_review_notice_by", [[[REF]]]),
            "notice_null": ("sk_review_notice_by", [[[None]]]),
            "notice_bad": ("sk_review_notice_by", [[["31/02/2025"]]]),
            "dfe": ("sk_dfe", [[["Derbyshire"]], [["pc_within_20_weeks"]], [[2024]]]),
            "dfe_la_na": ("sk_dfe", [[[NA]], [["plans_issued"]], [[2024]]]),
            "dfe_measure_na": ("sk_dfe", [[["830"]], [[NA]], [[2024]]]),
            "dfe_year_na": ("sk_dfe", [[["830"]], [["plans_issued"]], [[NA]]]),
            "dfe_la_null": ("sk_dfe", [[[None]], [["plans_issued"]], [[2024]]]),
            "dfe_la_zero": ("sk_dfe", [[[0]], [["plans_issued"]], [[2024]]]),
            "dfe_year_zero": ("sk_dfe", [[["830"]], [["plans_issued"]], [[0]]]),
            "dfe_year_null": ("sk_dfe", [[["830"]], [["plans_issued"]], [[None]]]),
            "dfe_bad_la": ("sk_dfe", [[["Derbyshyre"]], [["plans_issued"]], [[2024]]]),
            "dfe_suppressed": (
                "sk_dfe",
                [[["England"]], [["pc_assessments_not_issued"]], [[2019]]],
            ),
            "dfe_range": (
                "sk_dfe",
                [
                    [["Derbyshire"], [NA], ["Derbyshyre"], [None]],
                    [["pc_within_20_weeks"]],
                    [[2024]],
                ],
            ),
            "neighbours": ("sk_neighbours", [[["Derbyshire"]]]),
            "neighbours_na": ("sk_neighbours", [[[NA]]]),
            "neighbours_null": ("sk_neighbours", [[[None]]]),
            "neighbours_bad": ("sk_neighbours", [[["England"]]]),
            "why_dfe": (
                "sk_why",
                [[["SK_DFE"]], [["830"], ["Derbyshyre"]], [["plans_issued"]], [[2024]]],
            ),
            "why_review": ("sk_why", [[["SK_NEXT_REVIEW"]], [["Jo Bloggs"]]]),
        }
    )


def test_new_formulas_give_an_error_cell_back(got_more):
    for key in (
        "review_na",
        "review_last_na",
        "transfer_na",
        "transfer_post16_na",
        "dfe_la_na",
        "dfe_measure_na",
        "dfe_year_na",
        "neighbours_na",
    ):
        assert got_more[key] == [[E_NA]], key
    assert got_more["notice_ref"] == [[E_REF]]


def test_new_formulas_read_blanks_and_zeros_as_documented(got_more):
    review = _date(_serial(dt.date(2025, 3, 14)))
    for key in ("review_null", "review_zero", "transfer_null", "transfer_zero"):
        assert got_more[key] == [[""]], key
    for key in ("notice_null", "dfe_la_null", "dfe_la_zero", "neighbours_null"):
        assert got_more[key] == [[""]], key
    assert got_more["review"] == got_more["review_formatted"] == [[review]]
    assert got_more["review_last_zero"] == [[review]]  # 0 is no last review
    feb14 = _date(_serial(dt.date(2026, 2, 14)))
    assert got_more["transfer"] == got_more["transfer_post16_zero"] == [[feb14]]
    assert got_more["transfer_post16"] == [[_date(_serial(dt.date(2026, 3, 30)))]]
    assert got_more["dfe_year_zero"] == got_more["dfe_year_null"]  # the latest year
    assert got_more["dfe_year_null"] == [[1253]]


def test_new_formulas_refuse_bad_values_with_a_message(got_more):
    assert got_more["review_bad"] == (
        "XlwingsError: plan_date is not a date; expected YYYY-MM-DD or DD/MM/YYYY"
    )
    assert got_more["review_before"] == (
        "XlwingsError: last_review is before plan_date"
    )
    assert got_more["transfer_bad"].startswith(
        "XlwingsError: transfer_year must be a year from 2015"
    )
    assert got_more["notice_bad"] == (
        "XlwingsError: meeting_date is not a real date (that month has no such day)"
    )
    assert got_more["dfe_bad_la"].startswith(
        "XlwingsError: no council matches 'Derbyshyre'"
    )
    assert got_more["neighbours_bad"].startswith("XlwingsError: no council matches")


def test_new_formulas_over_ranges_keep_good_rows_and_mark_bad_ones(got_more):
    review = _date(_serial(dt.date(2025, 3, 14)))
    assert got_more["review_range"] == [[review], [E_NA], [""], [E_VALUE], [""]]
    feb14 = _date(_serial(dt.date(2026, 2, 14)))
    assert got_more["transfer_range"] == [[feb14], [E_REF], [E_VALUE]]
    assert got_more["dfe_range"] == [[35.7], [E_NA], [E_VALUE], [""]]


def test_dfe_figures_and_neighbours_reach_the_sheet(got_more):
    assert got_more["dfe"] == [[35.7]]
    assert got_more["dfe_suppressed"] == [["not published (x)"]]  # never 0
    neighbours = got_more["neighbours"]
    assert len(neighbours) == 10
    assert neighbours[0] == ["Nottinghamshire"]
    why = "row 2: no council matches 'Derbyshyre' in DfE's figures; did you mean "
    assert got_more["why_dfe"] == [[why + "Derbyshire (830)?"]]
    assert got_more["why_review"] == [
        ["plan_date is not a date; expected YYYY-MM-DD or DD/MM/YYYY"]
    ]
