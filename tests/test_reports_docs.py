"""The documentation site reads well: local fonts, code that wraps cleanly, no directives, the version."""

from __future__ import annotations

import importlib.util
import pathlib
import re

import pytest

from sendkit.cli import main

ROOT = pathlib.Path(__file__).resolve().parent.parent


def _hooks():
    spec = importlib.util.spec_from_file_location("hooks", ROOT / "docs" / "hooks.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_site_loads_no_fonts_from_elsewhere_and_lists_enum_members() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"^  font: false", config, re.MULTILINE)
    assert "show_if_no_docstring: true" in config
    assert "extra_css: [css/extra.css]" in config
    assert "repo_url" not in config  # no public repository to link to yet


def test_code_in_table_cells_never_breaks_inside_a_word() -> None:
    css = (ROOT / "docs" / "css" / "extra.css").read_text(encoding="utf-8")
    rule = re.search(r"table:not\(\[class\]\) code \{([^}]*)\}", css)
    assert rule is not None
    assert "white-space: nowrap" in rule.group(1)
    assert re.search(r"pre > code \{[^}]*padding-top", css)  # room for the copy button


def test_doctest_directives_are_hidden_on_the_page() -> None:
    hooks = _hooks()
    page = (
        ">>> print(x)  # doctest: +NORMALIZE_WHITESPACE\n"
        "... # doctest: +NORMALIZE_WHITESPACE\n"
        "{'a': 1}\n"
    )
    shown = hooks.on_page_markdown(page)
    assert "doctest" not in shown
    assert shown == ">>> print(x)\n{'a': 1}\n"


def test_footer_shows_the_version_and_says_there_is_no_repository() -> None:
    config = _hooks().on_config({})
    assert re.match(r"sendkit \S+ ", config["copyright"])
    assert "no public repository" in config["copyright"]


def test_version_option(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert re.fullmatch(
        r"sendkit \S+ \(distribution sendkit-england\)\n", capsys.readouterr().out
    )


def test_docs_pictures_exist_for_every_output() -> None:
    images = ROOT / "docs" / "images"
    for name in (
        "demo-timeline.png",
        "demo-phone.png",
        "board-report.png",
        "ehc-timeliness.png",
        "tracker.png",
        "excel-formulas.png",
        "benchmark.png",
        "starter-formulas.png",
        "worklist.png",
    ):
        assert (images / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert f"images/{name}" in (ROOT / "docs" / "index.md").read_text(
            encoding="utf-8"
        )


def test_every_docs_picture_is_made_by_the_screenshot_script() -> None:
    script = (ROOT / "tools" / "make_screenshots.py").read_text(encoding="utf-8")
    for picture in (ROOT / "docs" / "images").glob("*.png"):
        assert f'"{picture.name}"' in script, picture.name


def test_the_docs_stylesheet_sets_no_text_colour_of_its_own() -> None:
    """Text keeps Material's own colours; extra.css only draws a picture border."""
    css = (ROOT / "docs" / "css" / "extra.css").read_text(encoding="utf-8")
    assert not re.search(r"(?<![-\w])color\s*:", css)
    assert not re.search(r"background", css)
