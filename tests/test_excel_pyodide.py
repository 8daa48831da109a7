"""The add-in under Pyodide, the engine of xlwings Lite, run by Node.

This is as close to xlwings Lite as Linux gets: the npm ``pyodide`` package
(pinned in ``excel_addin/pyodide/package-lock.json``), pure-Python wheels
fetched with ``pip download --platform any``, sendkit installed from a wheel
built from this tree, and ``excel_addin/lite/main.py`` loaded as Lite loads a
workbook's ``main.py``. Formulas are then described and called through
``xlwings.server``, exactly the functions Lite calls.

Needs ``node`` and ``npm`` and, the first time, the npm registry and PyPI.
Run locally without them, the check is skipped and says why. In CI (the
environment variable ``CI`` set, as CI services do, to anything but ``0``,
``false`` or ``no``) it must run: a missing node or npm, or a failed npm
install, wheel download or wheel build, fails it instead, so CI cannot stay
green without it. The npm install and the wheels are cached in
``excel_addin/pyodide/`` (git-ignored).
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import pathlib
import shutil
import subprocess
import sys

import pytest

import sendkit
from sendkit_excel.coerce import date_to_serial, serial_to_date

ROOT = pathlib.Path(__file__).resolve().parent.parent
HERE = ROOT / "excel_addin" / "pyodide"

pytestmark = pytest.mark.slow


def _run(args, cwd, timeout=300):
    return subprocess.run(
        args, cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False
    )


def _in_ci():
    """Whether this is a CI run: ``CI`` is set and not ``0``, ``false`` or ``no``."""
    return os.environ.get("CI", "").strip().lower() not in {"", "0", "false", "no"}


def _unavailable(message):
    """Fail in CI, where the check must run; skip, saying why, elsewhere."""
    if _in_ci():
        pytest.fail(
            f"CI={os.environ['CI']!r}, so the Pyodide check must run, but: {message}",
            pytrace=False,
        )
    pytest.skip(message)


def _need(result, what):
    """Stop (fail in CI, skip elsewhere) when a set-up step did not succeed."""
    if result.returncode != 0:
        tail = (result.stderr or result.stdout)[-1500:]
        _unavailable(f"{what} failed (rc={result.returncode}): {tail}")


@pytest.fixture(scope="module")
def lite_run(tmp_path_factory):
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        _unavailable(
            "node and npm are needed to run the add-in under Pyodide "
            f"(node={node}, npm={npm}); install Node.js 18+ to run this check"
        )
    wheels = tmp_path_factory.mktemp("wheels")
    cache = HERE / "wheels"
    cache.mkdir(exist_ok=True)
    # Several test runs may share the cache: one sets it up at a time.
    with (cache / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        installed = HERE / "node_modules" / "pyodide" / "package.json"
        if not installed.is_file():
            _need(_run([npm, "ci", "--no-audit", "--no-fund"], HERE), "npm ci")
        fetched = _run([sys.executable, str(HERE / "fetch_wheels.py")], ROOT)
        _need(fetched, "pip download of the pure wheels")
        for wheel in cache.glob("*.whl"):
            shutil.copy(wheel, wheels)
    built = _run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "-q",
            "-w",
            str(wheels),
            ".",
        ],
        ROOT,
    )
    _need(built, "building the sendkit wheel")
    result = _run(
        [
            node,
            "run_pyodide.mjs",
            str(wheels),
            "check_lite.py",
            str(ROOT / "excel_addin" / "lite" / "main.py"),
        ],
        HERE,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("value", ["true", "1", "yes", "True", "github"])
def test_in_ci_a_missing_tool_or_failed_step_fails(monkeypatch, value):
    monkeypatch.setenv("CI", value)
    with pytest.raises(pytest.fail.Exception, match="the Pyodide check must run, but"):
        _unavailable("node and npm are needed")
    failed = subprocess.CompletedProcess(["npm", "ci"], 1, "", "ENOTFOUND registry")
    with pytest.raises(pytest.fail.Exception, match=r"npm ci failed .*ENOTFOUND"):
        _need(failed, "npm ci")


@pytest.mark.parametrize("value", [None, "", "0", "false", "no"])
def test_outside_ci_a_missing_tool_or_failed_step_skips(monkeypatch, value):
    if value is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", value)
    with pytest.raises(pytest.skip.Exception, match="node and npm are needed"):
        _unavailable("node and npm are needed")
    failed = subprocess.CompletedProcess(["pip"], 2, "", "no matching distribution")
    with pytest.raises(pytest.skip.Exception, match=r"pip download .*no matching"):
        _need(failed, "pip download of the pure wheels")


def test_a_step_that_succeeded_goes_on(monkeypatch):
    monkeypatch.setenv("CI", "true")
    assert (
        _need(subprocess.CompletedProcess(["npm", "ci"], 0, "", ""), "npm ci") is None
    )


def formatted(day):
    return {
        "type": "FormattedNumber",
        "basicValue": float(date_to_serial(day)),
        "numberFormat": "dd/mm/yyyy",
    }


def test_it_really_ran_under_pyodide_with_the_installed_wheel(lite_run):
    assert lite_run["platform"] == "emscripten"
    assert lite_run["machine"] == "wasm32"
    assert lite_run["runtime"] == "xlwings.pro.udfs_officejs"
    assert "site-packages" in lite_run["sendkit_file"]  # from the wheel, not src/
    assert "site-packages" in lite_run["sendkit_excel_file"]
    assert lite_run["xlwings"] == "0.37.8"


def test_lite_registers_every_formula_from_main_py(lite_run):
    from sendkit_excel import formulas

    assert lite_run["ids"] == sorted(name.upper() for name in formulas.__all__)


def test_lite_answers_equal_the_core(lite_run):
    got = lite_run["results"]
    easter = sendkit.add_working_days(dt.date(2025, 4, 15), 5)
    assert easter == dt.date(2025, 4, 24)
    assert got["workday_easter"] == [[formatted(easter)]]
    assert got["workday_text_uk"] == [[formatted(easter)]]
    assert got["workday_range"] == [
        [formatted(easter)],
        [""],
        [formatted(sendkit.add_working_days(dt.date(2025, 2, 5), 5))],
    ]
    scotland = sendkit.add_working_days(dt.date(2025, 8, 1), 1, region="scotland")
    assert got["workday_scotland"] == [[formatted(scotland)]]
    assert got["networkdays"] == [
        [sendkit.count_working_days(dt.date(2025, 2, 5), dt.date(2025, 2, 19))]
    ]
    assert got["isworkday"] == [[False, True]]


def _plain(value):
    """A Lite result cell as a plain value: dates back from FormattedNumber."""
    if isinstance(value, dict) and value.get("type") == "FormattedNumber":
        return serial_to_date(value["basicValue"])
    return value


def test_lite_rules_and_ehc_formulas_equal_the_core(lite_run):
    from sendkit_excel import functions

    got = lite_run["results"]
    assert got["due_date"] == [
        [formatted(sendkit.deadline("ehc.final-plan", serial_to_date(45663)).due)]
    ]
    tables = {
        "rules_ehc": functions.sk_rules("ehc"),
        "ehc_due_all": functions.sk_ehc_due(45299),
        "timeliness": functions.sk_ehc_timeliness(
            [[45299], [45299], [45299]],
            [[45439], [45440], [45537]],
            [[""], [0], ["Y"]],
            2024,
        ),
    }
    tables["timeline"] = functions.sk_timeline(3, 45062)
    tables["due_date_detail"] = functions.sk_due_date(
        "area-send.pap.submit", 45062, None, None, None, True
    )
    assert tables["due_date_detail"][0][1] == "UNCONFIRMED [S]"
    assert got["rule_status"] == [["UNCONFIRMED [S]"], ["confirmed [P]"]]
    assert got["rag"] == [["amber"], ["green"]]
    for key, expected in tables.items():
        assert [[_plain(cell) for cell in row] for row in got[key]] == expected, key
    assert got["parse_outcome"] == [[3]]


def test_lite_errors_are_xlwings_errors_with_the_message(lite_run):
    got = lite_run["results"]
    assert got["error_text"] == (
        "XlwingsError: start_date is not a date; expected YYYY-MM-DD or DD/MM/YYYY"
    )
    assert got["error_serial_60"].startswith(
        "XlwingsError: start_date is the Excel date serial 60, 29 February 1900"
    )


def test_lite_error_cells_give_excel_errors_under_pyodide(lite_run):
    got = lite_run["results"]
    na = {"type": "Error", "errorType": "NotAvailable"}
    assert got["error_cell"] == [[na]]
    easter = formatted(dt.date(2025, 4, 24))
    assert got["error_row"] == [[easter], [na], [""]]
    info = dict(map(tuple, got["calendar_info"][1:]))
    assert info["last announced year"] == sendkit.ANNOUNCED_THROUGH.year


def test_lite_review_and_dfe_formulas_under_pyodide(lite_run):
    got = lite_run["results"]
    na = {"type": "Error", "errorType": "NotAvailable"}
    assert got["next_review"] == [[formatted(dt.date(2025, 3, 14))], [na], [""]]
    assert got["phase_transfer"] == [[formatted(dt.date(2026, 3, 30))]]
    assert got["notice"] == [[formatted(dt.date(2025, 6, 3))]]
    assert got["dfe"] == [[35.7], [45.9]]
    assert got["dfe_suppressed"] == [["not published (x)"]]
    assert got["neighbours"][0] == ["Nottinghamshire"]
    assert len(got["neighbours"]) == 10
    assert got["dfe_bad"].startswith("XlwingsError: no council matches 'Derbyshyre'")
