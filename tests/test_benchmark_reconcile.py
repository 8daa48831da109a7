"""sendkit ehc timeliness --la: the computed measure beside DfE's published figure."""

from __future__ import annotations

import csv
import json

from sendkit.cli import main


def _cases(tmp_path):
    path = tmp_path / "cases.csv"
    path.write_text(
        "CaseId,ReceivedDate,StartDate,Week20\n"
        "=A1,2024-01-08,2024-05-27,0\n"
        "A2,2024-01-08,2024-05-28,0\n"
        "A3,2023-09-01,2024-02-01,1\n",
        encoding="utf-8",
    )
    return path


def test_published_figure_and_difference_are_added_to_the_json(tmp_path, capsys):
    path = _cases(tmp_path)
    assert (
        main(
            [
                "ehc",
                "timeliness",
                str(path),
                "--year",
                "2024",
                "--la",
                "Derbyshire",
                "--json",
            ]
        )
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["issued"] == 3  # the existing keys stay
    figures = {row["measure"]: row for row in data["published"]["figures"]}
    assert figures["plans_issued"]["published"]["value"] == 1253
    assert figures["plans_issued"]["difference"] == 3 - 1253
    assert figures["pc_within_20_weeks"]["published"]["value"] == 35.7


def test_text_shows_computed_published_and_difference(tmp_path, capsys):
    path = _cases(tmp_path)
    assert main(["ehc", "timeliness", str(path), "--year", "2024", "--la", "830"]) == 0
    out = capsys.readouterr().out
    assert "Beside DfE's published figures for Derbyshire (830), 2024" in out
    assert "35.7%" in out


def test_cases_behind_each_number_are_written_formula_safe(tmp_path, capsys):
    path = _cases(tmp_path)
    out = tmp_path / "behind.csv"
    assert (
        main(
            [
                "ehc",
                "timeliness",
                str(path),
                "--year",
                "2024",
                "--cases-behind",
                str(out),
            ]
        )
        == 0
    )
    rows = list(csv.DictReader(out.read_text(encoding="utf-8").splitlines()))
    assert [row["CaseId"] for row in rows] == ["'=A1", "A2", "A3"]
    assert [row["InNumerator"] for row in rows] == ["1", "0", "0"]
    assert [row["InDenominatorExcludingExceptions"] for row in rows] == ["1", "1", "0"]
    assert (
        main(
            [
                "ehc",
                "timeliness",
                str(path),
                "--year",
                "2024",
                "--cases-behind",
                str(out),
            ]
        )
        == 2
    )
    assert "already exists" in capsys.readouterr().err


def test_demo_shows_nottinghamshire_trend_beside_england_and_neighbours(
    capsys, tmp_path
):
    page = tmp_path / "demo.html"
    assert main(["demo", "--html", str(page)]) == 0
    out = capsys.readouterr().out
    assert (
        "Nottinghamshire's 20-week timeliness beside England and its neighbours" in out
    )
    line = next(row for row in out.splitlines() if row.startswith("Nottinghamshire  "))
    assert "97.5%" in line
    assert "4.5%" in line
    assert "Neighbours' median" in out
    assert "series break" in page.read_text(encoding="utf-8")
