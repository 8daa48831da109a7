"""The formulas' shape as Excel sees it: VBA wrappers, names and Office.js metadata.

Classic xlwings builds VBA wrappers for each formula inside Windows Excel;
the text it writes is generated here with pywin32 stubbed out and compared
with the committed golden file. xlwings Lite and Server describe the formulas
with ``xlwings.server.custom_functions_meta``. Both run in a child process so
their environment variables and module stubs do not leak into other tests.
"""

from __future__ import annotations

import inspect
import json
import os
import pathlib
import re
import subprocess
import sys
import textwrap

import pytest

from sendkit_excel import FORMULA_MODULES, formulas, functions

ROOT = pathlib.Path(__file__).resolve().parent.parent
ADDIN = ROOT / "excel_addin"

#: MS-VBAL reserved identifiers, plus VBA and Excel names that break or shadow
#: a wrapper when used as a parameter (conservative on purpose).
VBA_RESERVED = frozenset(
    word.lower()
    for word in [
        "Abs",
        "AddressOf",
        "Alias",
        "And",
        "Any",
        "Append",
        "Array",
        "As",
        "Attribute",
        "Base",
        "Binary",
        "Boolean",
        "ByRef",
        "Byte",
        "ByVal",
        "Call",
        "Caller",
        "Case",
        "CBool",
        "CByte",
        "CCur",
        "CDate",
        "CDbl",
        "CDec",
        "CInt",
        "CLng",
        "CLngLng",
        "CLngPtr",
        "Close",
        "Compare",
        "Const",
        "CSng",
        "CStr",
        "Currency",
        "CVar",
        "CVErr",
        "Date",
        "Day",
        "Debug",
        "Decimal",
        "Declare",
        "DefBool",
        "DefByte",
        "DefCur",
        "DefDate",
        "DefDbl",
        "DefDec",
        "DefInt",
        "DefLng",
        "DefLngLng",
        "DefLngPtr",
        "DefObj",
        "DefSng",
        "DefStr",
        "DefVar",
        "Dim",
        "Do",
        "DoEvents",
        "Double",
        "Each",
        "Else",
        "ElseIf",
        "Empty",
        "End",
        "EndIf",
        "Enum",
        "Eqv",
        "Erase",
        "Error",
        "Event",
        "Exit",
        "Explicit",
        "False",
        "Fix",
        "For",
        "Format",
        "Friend",
        "Function",
        "Get",
        "Global",
        "GoSub",
        "GoTo",
        "Hour",
        "If",
        "Imp",
        "Implements",
        "In",
        "Input",
        "InputB",
        "Int",
        "Integer",
        "Is",
        "LBound",
        "Left",
        "Len",
        "LenB",
        "Let",
        "Like",
        "Lib",
        "Line",
        "Lock",
        "Long",
        "LongLong",
        "LongPtr",
        "Loop",
        "LSet",
        "Me",
        "Mid",
        "MidB",
        "Minute",
        "Mod",
        "Module",
        "Month",
        "Name",
        "New",
        "Next",
        "Not",
        "Nothing",
        "Now",
        "Null",
        "Object",
        "On",
        "Open",
        "Option",
        "Optional",
        "Or",
        "Output",
        "ParamArray",
        "Preserve",
        "Print",
        "Private",
        "Property",
        "PSet",
        "Public",
        "Put",
        "RaiseEvent",
        "Random",
        "Range",
        "Read",
        "ReDim",
        "Rem",
        "Resume",
        "Return",
        "Right",
        "RSet",
        "Scale",
        "Second",
        "Seek",
        "Select",
        "Set",
        "Sgn",
        "Shared",
        "Single",
        "Spc",
        "Static",
        "Step",
        "Stop",
        "Str",
        "String",
        "Sub",
        "Tab",
        "Text",
        "Then",
        "Time",
        "Timer",
        "To",
        "True",
        "Type",
        "TypeOf",
        "UBound",
        "Unlock",
        "Until",
        "Val",
        "Variant",
        "Wend",
        "While",
        "Width",
        "With",
        "WithEvents",
        "Write",
        "Xor",
        "Year",
    ]
)
VBA_IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,254}")
EXCEL_BUILT_INS = frozenset(
    {"workday", "networkdays", "workday_intl", "networkdays_intl", "days", "date"}
)
CELL_LIKE = re.compile(r"[A-Za-z]{1,3}[0-9]+")

FORMULAS = [getattr(formulas, name) for name in formulas.__all__]


def child_env(**extra):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("XLWINGS_")
    }
    env["PYTHONPATH"] = os.pathsep.join(
        [str(ADDIN), str(ROOT / "src"), env.get("PYTHONPATH", "")]
    )
    env.update(extra)
    return env


def run_child(code, **extra):
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        env=child_env(**extra),
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


# -- names and parameters --------------------------------------------------------


def test_every_public_formula_is_exported_and_named_sk():
    public = {
        name
        for name, value in vars(functions).items()
        if inspect.isfunction(value)
        and not name.startswith("_")
        and value.__module__ == functions.__name__
    }
    # Two helpers besides the formulas: the decorator every parameter wears and
    # the 1904 switch for a Lite main.py.
    assert public - {"arg", "set_date_system"} == set(functions.__all__)
    for name in functions.__all__:
        assert re.fullmatch(r"sk_[a-z0-9_]+", name), name
        bare = name.removeprefix("sk_")
        assert bare not in EXCEL_BUILT_INS or name.startswith("sk_")
        assert not CELL_LIKE.fullmatch(name), name
    assert len({name.upper() for name in functions.__all__}) == len(functions.__all__)


@pytest.mark.parametrize("formula", FORMULAS, ids=lambda f: f.__name__)
def test_parameters_are_safe_in_vba_and_office_js(formula):
    signature = inspect.signature(formula)
    for parameter in signature.parameters.values():
        assert parameter.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD, (
            f"{formula.__name__}: {parameter.name} must be positional-or-keyword"
        )
        assert VBA_IDENTIFIER.fullmatch(parameter.name), parameter.name
        assert parameter.name.lower() not in VBA_RESERVED, (
            f"{formula.__name__}: parameter {parameter.name!r} is a VBA reserved word"
        )
        assert parameter.annotation is inspect.Parameter.empty, (
            f"{formula.__name__}: {parameter.name} must be unannotated"
        )
        if parameter.default is not inspect.Parameter.empty:
            assert parameter.default is None  # the layer applies the real default
    assert signature.return_annotation is inspect.Signature.empty


@pytest.mark.parametrize("formula", FORMULAS, ids=lambda f: f.__name__)
def test_each_formula_has_a_short_description(formula):
    doc = inspect.getdoc(formula)
    assert doc
    assert "\n" not in doc.strip()  # Excel shows it whole
    assert len(doc) <= 255


def test_reserved_word_check_catches_the_classic_bug():
    assert "end" in VBA_RESERVED
    assert "date" in VBA_RESERVED
    assert "type" in VBA_RESERVED


# -- classic: the VBA Import Functions would write ------------------------------------


def test_generated_vba_matches_the_golden_file():
    script = ADDIN / "classic" / "make_vba.py"
    result = subprocess.run(
        [sys.executable, str(script), "--stdout"],
        capture_output=True,
        text=True,
        env=child_env(),
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    golden = (ADDIN / "classic" / "sendkit_udfs.bas").read_text(encoding="utf-8")
    assert result.stdout == golden, (
        "the formulas changed: run python excel_addin/classic/make_vba.py and "
        "review the diff of excel_addin/classic/sendkit_udfs.bas"
    )


def test_golden_vba_declares_every_formula_with_its_parameters():
    golden = (ADDIN / "classic" / "sendkit_udfs.bas").read_text(encoding="utf-8")
    declared = dict(re.findall(r"^Function (\w+)\((.*)\)$", golden, flags=re.MULTILINE))
    assert set(declared) == set(formulas.__all__)
    for formula in FORMULAS:
        parameters = inspect.signature(formula).parameters.values()
        expected = ", ".join(
            ("Optional " if p.default is not inspect.Parameter.empty else "") + p.name
            for p in parameters
        )
        assert declared[formula.__name__] == expected
    assert '"sendkit_excel.formulas"' in golden


# -- Lite and Server: the Office.js metadata and calls ------------------------------


@pytest.fixture(scope="module")
def office_js_meta():
    out = run_child(
        """
        import json
        import xlwings.server as xs
        from sendkit_excel import formulas, functions
        assert functions.RUNTIME == "xlwings.pro.udfs_officejs", functions.RUNTIME
        print(json.dumps(xs.custom_functions_meta(formulas)))
        """,
        XLWINGS_ON_SERVER="true",
        XLWINGS_LICENSE_KEY="noncommercial",
    )
    return json.loads(out)


def test_office_js_metadata_lists_every_formula(office_js_meta):
    by_id = {entry["id"]: entry for entry in office_js_meta["functions"]}
    assert set(by_id) == {name.upper() for name in formulas.__all__}
    for formula in FORMULAS:
        entry = by_id[formula.__name__.upper()]
        assert entry["name"] == formula.__name__.upper()
        assert entry["description"] == inspect.getdoc(formula)
        parameters = list(inspect.signature(formula).parameters.values())
        assert [p["name"] for p in entry["parameters"]] == [p.name for p in parameters]
        for meta, parameter in zip(entry["parameters"], parameters, strict=True):
            optional = parameter.default is not inspect.Parameter.empty
            assert meta.get("optional", False) is optional
            assert meta["description"]
            assert len(meta["description"]) <= 255
            assert meta["type"] == "any"


def test_office_js_calls_give_formatted_dates_and_xlwings_errors():
    out = run_child(
        """
        import asyncio, json
        import xlwings as xw
        import xlwings.server as xs
        from sendkit_excel import formulas

        def call(name, args):
            data = {"client": "Office.js", "func_name": name, "args": args,
                    "caller_address": "[Book1.xlsx]Sheet1!B2",
                    "culture_info_name": "en-GB", "date_format": "dd/mm/yyyy",
                    "version": xw.__version__, "runtime": "1.4"}
            try:
                return asyncio.run(xs.custom_functions_call(data, formulas))
            except xw.XlwingsError as exc:
                return "XlwingsError: " + str(exc)

        print(json.dumps({
            "easter": call("sk_workday", [[[45762]], [[5]]]),
            "text": call("sk_workday", [[["15/04/2025"]], [[5]], [[""]], None]),
            "range": call("sk_workday", [[[45762], [""]], [[5]]]),
            "count": call("sk_networkdays", [[[45693]], [[45707]]]),
            "bad": call("sk_workday", [[["bogus"]], [[5]]]),
            "detail": call("sk_due_date", [[["area-send.pap.submit"]], [[45062]],
                                           None, None, None, [[True]]]),
            "plain": call("sk_due_date", [[["area-send.pap.submit"]], [[45062]]]),
            "status": call("sk_rule_status", [[["area-send.pap.submit"]]]),
        }))
        """,
        XLWINGS_ON_SERVER="true",
        XLWINGS_LICENSE_KEY="noncommercial",
    )
    got = json.loads(out)
    easter = {
        "type": "FormattedNumber",
        "basicValue": 45771.0,
        "numberFormat": "dd/mm/yyyy",
    }
    assert got["easter"] == [[easter]]
    assert got["text"] == [[easter]]
    assert got["range"] == [[easter], [""]]
    assert got["count"] == [[11]]
    assert got["bad"].startswith("XlwingsError: start_date is not a date")
    # 16 May 2023 + 35 working days = 5 Jul 2023 (serial 45112), flagged [S].
    pap = {
        "type": "FormattedNumber",
        "basicValue": 45112.0,
        "numberFormat": "dd/mm/yyyy",
    }
    assert got["plain"] == [[pap]]
    assert got["detail"][0][:3] == [pap, "UNCONFIRMED [S]", "deadline"]
    assert got["detail"][0][3].startswith("Area SEND framework and handbook (2023)")
    assert got["status"] == [["UNCONFIRMED [S]"]]


# -- one registration point -----------------------------------------------------------


def test_every_registered_module_reaches_excel_through_formulas():
    assert FORMULA_MODULES[0] == "sendkit_excel.functions"
    assert set(functions.__all__) <= set(formulas.__all__)
    main = (ADDIN / "lite" / "main.py").read_text(encoding="utf-8")
    assert "from sendkit_excel.formulas import *" in main


def test_every_parameter_reads_error_cells_as_text_in_lite():
    out = run_child(
        """
        import json
        from sendkit_excel import formulas
        print(json.dumps({
            name: [a["options"].get("err_to_str") for a in
                   getattr(formulas, name).__xlfunc__["args"]]
            for name in formulas.__all__
        }))
        """,
        XLWINGS_ON_SERVER="true",
        XLWINGS_LICENSE_KEY="noncommercial",
    )
    flags = json.loads(out)
    assert set(flags) == set(formulas.__all__)
    assert all(all(row) for row in flags.values()), flags


def test_loading_the_formulas_leaves_sendkit_subpackages_for_first_use():
    # A fresh xlwings Lite start imports main.py before any formula can answer:
    # only the calendar may load then; rules, EHC, plans, inspections, DfE's
    # table and the file readers load when a formula first needs them.
    out = run_child(
        """
        import json, sys
        import main
        print(json.dumps(sorted(m for m in sys.modules if m.startswith("sendkit."))))
        """,
        XLWINGS_ON_SERVER="true",
        XLWINGS_LICENSE_KEY="noncommercial",
        PYTHONPATH=os.pathsep.join(
            [str(ADDIN / "lite"), str(ADDIN), str(ROOT / "src")]
        ),
    )
    packages = {name.split(".")[1] for name in json.loads(out)}
    later = {"rules", "ehc", "plans", "inspections", "dfe", "io", "reports", "cli"}
    assert packages & later == set()
    assert "calendars" in packages


def test_the_rag_window_written_in_the_formulas_is_sendkits():
    from sendkit import plans

    assert functions.DUE_SOON_DEFAULT == plans.DEFAULT_DUE_SOON_WORKING_DAYS
