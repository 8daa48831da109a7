"""Progress on a terminal, quiet when piped or with --quiet; Ctrl-C exits 130."""

from __future__ import annotations

import io
import sys

import pytest

from sendkit.cli import main
from sendkit.io import _progress


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def caseload(tmp_path):
    path = tmp_path / "cases.csv"
    code = main(["ehc", "example", str(path), "--year", "2024", "--requests", "6000"])
    assert code == 0
    return path


@pytest.fixture
def eager(monkeypatch):
    """Report at every look at the clock, so a small file shows progress."""
    monkeypatch.setattr(_progress, "_INTERVAL", 0.0)


def _timeliness(monkeypatch, stream, path, *extra):
    monkeypatch.setattr(sys, "stderr", stream)
    return main(["ehc", "timeliness", str(path), "--year", "2024", *extra])


def test_reading_shows_progress_on_a_terminal(caseload, monkeypatch, eager, capsys):
    stream = _Terminal()
    assert _timeliness(monkeypatch, stream, caseload) == 0
    shown = stream.getvalue()
    assert "\rsendkit: reading cases.csv: 5,000 rows" in shown
    assert shown.endswith("rows\n") or "rows\n" in shown


def test_quiet_turns_progress_off(caseload, monkeypatch, eager):
    stream = _Terminal()
    assert _timeliness(monkeypatch, stream, caseload, "--quiet") == 0
    assert "rows" not in stream.getvalue()


def test_piped_stderr_gets_no_progress(caseload, monkeypatch, eager):
    stream = io.StringIO()
    assert _timeliness(monkeypatch, stream, caseload) == 0
    assert "rows" not in stream.getvalue()


def test_the_library_reports_nothing_without_a_reporter():
    rows = [1, 2, 3]
    assert _progress.counted(rows, "x") is rows


def test_ctrl_c_exits_130_with_one_line(monkeypatch, capsys, caseload):
    def interrupted(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("sendkit.cli._ehc.read_cases", interrupted)
    code = main(["ehc", "timeliness", str(caseload), "--year", "2024"])
    err = capsys.readouterr().err
    assert code == 130
    assert err == "sendkit: stopped by Ctrl-C\n"
