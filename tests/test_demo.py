"""``sendkit demo``: the Nottinghamshire 2023 walkthrough, as text and as one HTML page."""

from __future__ import annotations

import re

from sendkit.cli import _demo, main
from sendkit.reports import ReportSection


def test_text_walkthrough(capsys):
    """The outcome, its statement, every key date and the visible flags."""
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Nottinghamshire area SEND inspection 2023: what follows")
    assert "Outcome 3: Widespread and/or systemic failings" in out
    assert "must address urgently" in out
    assert "30 Jan 2023 to 3 Feb 2023" in out
    assert "Ofsted's recorded start date: 2023-01-30" in out
    assert "Report published           Tuesday 16 May 2023 (2023-05-16)" in out
    assert "ASSUMED" in out
    assert "Areas for priority action  2" in out
    for date in ["2023-07-05", "2023-08-23", "2023-11-16", "2024-11-16", "2026-05-16"]:
        assert date in out
    assert (
        "35 working days after Tuesday 16 May 2023 (england-and-wales) is Wednesday 5 July 2023."
        in out
    )
    assert "UNCONFIRMED [S]" in out
    assert "UNCONFIRMED [P-partial]" in out
    assert "Sources and confidence" in out


def test_html_page(capsys, tmp_path):
    """--html writes one self-contained page with the timeline chart."""
    path = tmp_path / "board.html"
    assert main(["demo", "--html", str(path)]) == 0
    assert f"Wrote {path}" in capsys.readouterr().out
    page = path.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "<svg" in page
    assert "5 July 2023 *" in page
    assert "Outcome 3: Widespread and/or systemic failings" in page
    assert "<script" not in page
    assert not re.search(r"\bsrc\s*=", page)
    assert all(h.startswith("https://") for h in re.findall(r'href="([^"]*)"', page))


def test_as_of_shows_statuses(capsys):
    """--as-of adds statuses to the walkthrough."""
    main(["demo", "--as-of", "2025-01-01"])
    out = capsys.readouterr().out
    assert "Status on 2025-01-01" in out
    assert "overdue" in out


def test_unwritable_html_is_an_input_error(capsys, tmp_path):
    """A path that cannot be written is one line on stderr and exit 2."""
    assert main(["demo", "--html", str(tmp_path / "missing" / "x.html")]) == 2
    assert "cannot write" in capsys.readouterr().err


def test_a_section_can_be_added(capsys, tmp_path, monkeypatch):
    """Appending a builder to SECTIONS adds a section to text and HTML."""

    def extra(case):
        return ReportSection(
            title="Priority action plan",
            lines=(f"{case.inspection.priority_actions} areas for priority action",),
            html="<p>2 areas</p>",
        )

    monkeypatch.setattr(_demo, "SECTIONS", [*_demo.SECTIONS, extra, lambda case: None])
    path = tmp_path / "p.html"
    main(["demo", "--html", str(path)])
    out = capsys.readouterr().out
    assert (
        "Priority action plan\n--------------------\n2 areas for priority action" in out
    )
    assert "<h2>Priority action plan</h2><p>2 areas</p>" in path.read_text(
        encoding="utf-8"
    )


def test_the_derbyshire_case(capsys):
    """--case walks through the other embedded example: six areas, report 14 Nov 2024."""
    assert main(["demo", "--case", "derbyshire-2024"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Derbyshire area SEND inspection 2024: what follows")
    assert "with six areas for priority action" in out
    assert "Areas for improvement      5" in out
    assert "2025-05-14  expected  DfE and NHS England stocktake" in out
    assert "2026-05-14  expected  Monitoring inspection" in out
    assert "2027-11-14  expected  Next full inspection" in out
