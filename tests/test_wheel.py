"""One version, one xlwings pin, and a wheel check that ./dev test runs.

The wheel itself is built, installed outside the checkout and tried by
``tools/check_wheel.py`` (about half a minute, so ``./dev test`` runs it once
rather than pytest on every run); these tests keep the facts it relies on true.
"""

from __future__ import annotations

import importlib.metadata
import pathlib
import re
import tomllib

import sendkit

ROOT = pathlib.Path(__file__).resolve().parent.parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))


def test_the_version_lives_in_pyproject_only():
    version = PROJECT["project"]["version"]
    assert (
        sendkit.__version__ == importlib.metadata.version("sendkit-england") == version
    )
    hits = [
        path.relative_to(ROOT)
        for path in (ROOT / "src").rglob("*.py")
        if re.search(rf"""["']{re.escape(version)}["']""", path.read_text("utf-8"))
    ]
    assert hits == []


def test_xlwings_is_pinned_to_the_version_the_tests_ran():
    extras = PROJECT["project"]["optional-dependencies"]
    pins = {
        req for req in extras["excel"] + extras["test"] if req.startswith("xlwings")
    }
    installed = importlib.metadata.version("xlwings")
    assert pins == {f"xlwings=={installed}"}
    golden = (ROOT / "excel_addin" / "classic" / "sendkit_udfs.bas").read_text("utf-8")
    assert f"with xlwings {installed}:" in golden


def test_dev_test_builds_and_tries_the_wheel():
    dev = (ROOT / "dev").read_text("utf-8")
    assert "tools/check_wheel.py" in dev
    check = (ROOT / "tools" / "check_wheel.py").read_text("utf-8")
    assert "[excel]" in check
    assert "mkdtemp" in check
    assert '"demo"' in check
