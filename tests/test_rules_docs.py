"""The generated Rules page must match the catalogue."""

from __future__ import annotations

import importlib.util
import pathlib
import types

import pytest

from sendkit import RULES

from .conftest import ROOT


def _tool() -> types.ModuleType:
    path = ROOT / "tools" / "gen_rules_page.py"
    spec = importlib.util.spec_from_file_location("gen_rules_page", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_rules_page_matches_catalogue() -> None:
    page = ROOT / "docs" / "rules.md"
    assert page.read_text(encoding="utf-8") == _tool().render(), (
        "docs/rules.md has drifted from the catalogue; run python tools/gen_rules_page.py"
    )


def test_rules_page_lists_every_rule_with_source_and_confidence() -> None:
    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for rule in RULES.values():
        assert f"### `{rule.code}`" in text
        assert f"]({rule.url})" in text
    assert text.count("**unconfirmed**") >= sum(
        not rule.confirmed for rule in RULES.values()
    )


def test_check_mode_detects_drift(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tool = _tool()
    page = tmp_path / "rules.md"
    page.write_text("stale\n", encoding="utf-8")
    monkeypatch.setattr(tool, "PAGE", page)
    assert tool.main(["--check"]) == 1
    assert tool.main([]) == 0
    assert tool.main(["--check"]) == 0


def test_deadlines_guide_covers_each_family() -> None:
    text = (ROOT / "docs" / "deadlines.md").read_text(encoding="utf-8")
    for heading in (
        "## Inspections",
        "## EHC needs assessments and plans",
        "## Reviews",
        "## Tribunal appeals",
    ):
        assert heading in text
