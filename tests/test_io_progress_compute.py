"""Progress while computing over what was read, not only while reading.

On a terminal, ``ehc timeliness``, ``ehc cases``, ``ehc due`` and
``inspections`` report how far through the cases (plans, inspections) they
are; piped or with ``--quiet`` they print nothing of the kind; Ctrl-C in the
middle ends the progress line and exits 130 with one line, no traceback.
"""

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
def eager(monkeypatch):
    """Report at every item, so small inputs show progress."""
    monkeypatch.setattr(_progress, "_INTERVAL", 0.0)
    monkeypatch.setattr(_progress, "_EVERY", 100)


@pytest.fixture
def caseload(tmp_path):
    path = tmp_path / "cases.csv"
    command = ["ehc", "example", str(path), "--year", "2024", "--requests", "400"]
    assert main(command) == 0
    return path


@pytest.fixture
def with_plans(tmp_path):
    path = tmp_path / "caseload.csv"
    command = ["ehc", "example", str(path), "--year", "2024", "--requests", "300"]
    assert main([*command, "--plans", "300"]) == 0
    return path


@pytest.fixture
def inspections_csv(tmp_path):
    path = tmp_path / "mi.csv"
    rows = [
        f"Area {n},03/08/2023,Typically positive experiences and outcomes"
        for n in range(250)
    ]
    path.write_text(
        "Local area partnership,Inspection publication date,Inspection outcome\n"
        + "\n".join(rows)
        + "\n",
        encoding="utf-8",
    )
    return path


def _run(monkeypatch, stream, command):
    monkeypatch.setattr(sys, "stderr", stream)
    return main(command)


def _timeliness(path):
    return ["ehc", "timeliness", str(path), "--year", "2024"]


def _cases(path):
    return ["ehc", "cases", str(path), "--as-of", "2024-06-01"]


def _due(path):
    return ["ehc", "due", str(path), "--as-of", "2024-06-01"]


def test_computing_returns_the_items_themselves_without_a_reporter():
    cases = (1, 2, 3)
    assert _progress.computing(cases, "measuring") is cases


def test_computing_reports_how_far_through_it_is(eager):
    shown = []
    with _progress.reporting(lambda text, final: shown.append((text, final))):
        assert list(_progress.computing(range(250), "measuring")) == list(range(250))
    assert shown == [
        ("measuring: 100 of 250 cases", False),
        ("measuring: 200 of 250 cases", False),
        ("measuring: 250 of 250 cases", True),
    ]


def test_reading_progress_keeps_its_wording(eager):
    shown = []
    with _progress.reporting(lambda text, final: shown.append(text)):
        list(_progress.counted(range(100), "reading cases.csv"))
    assert shown == ["reading cases.csv: 100 rows", "reading cases.csv: 100 rows"]


@pytest.mark.parametrize(
    ("command", "label"),
    [
        (_timeliness, "measuring: 100 of"),
        (_cases, "finding open steps: 100 of"),
    ],
)
@pytest.mark.usefixtures("eager")
def test_ehc_commands_show_computing_progress_on_a_terminal(
    monkeypatch, capsys, caseload, command, label
):
    stream = _Terminal()
    assert _run(monkeypatch, stream, command(caseload)) == 0
    shown = stream.getvalue()
    assert f"\rsendkit: {label}" in shown
    assert shown.count("\n") >= 2  # reading and computing each end their line
    assert "sendkit:" not in capsys.readouterr().out


def test_ehc_due_shows_progress_through_requests_and_plans(
    monkeypatch, eager, with_plans
):
    stream = _Terminal()
    assert _run(monkeypatch, stream, _due(with_plans)) == 0
    shown = stream.getvalue()
    assert "\rsendkit: finding open steps: 100 of" in shown
    assert "\rsendkit: following plans: 100 of" in shown


def test_inspections_shows_progress_through_the_inspections(
    monkeypatch, eager, inspections_csv
):
    stream = _Terminal()
    assert _run(monkeypatch, stream, ["inspections", str(inspections_csv)]) == 0
    assert "\rsendkit: following up: 200 of 250 inspections" in stream.getvalue()


@pytest.mark.parametrize("command", [_timeliness, _cases])
def test_quiet_turns_computing_progress_off(monkeypatch, eager, caseload, command):
    stream = _Terminal()
    assert _run(monkeypatch, stream, [*command(caseload), "--quiet"]) == 0
    assert "\r" not in stream.getvalue()


def test_quiet_turns_ehc_due_progress_off(monkeypatch, eager, with_plans):
    stream = _Terminal()
    assert _run(monkeypatch, stream, [*_due(with_plans), "--quiet"]) == 0
    assert "\r" not in stream.getvalue()


def test_quiet_turns_inspections_progress_off(monkeypatch, eager, inspections_csv):
    stream = _Terminal()
    command = ["inspections", str(inspections_csv), "--quiet"]
    assert _run(monkeypatch, stream, command) == 0
    assert "\r" not in stream.getvalue()


@pytest.mark.parametrize("command", [_timeliness, _cases, _due])
def test_piped_stderr_gets_no_computing_progress(monkeypatch, eager, caseload, command):
    stream = io.StringIO()
    assert _run(monkeypatch, stream, command(caseload)) == 0
    assert "\r" not in stream.getvalue()
    assert " of " not in stream.getvalue()


def test_ctrl_c_while_computing_ends_the_line_and_exits_130(
    monkeypatch, eager, caseload
):
    def interrupted(cases, **_kwargs):
        for number, _case in enumerate(cases):
            if number == 250:
                raise KeyboardInterrupt
        raise AssertionError  # pragma: no cover - the caseload is larger

    monkeypatch.setattr("sendkit.cli._ehc.timeliness", interrupted)
    stream = _Terminal()
    assert _run(monkeypatch, stream, _timeliness(caseload)) == 130
    shown = stream.getvalue()
    assert "\rsendkit: measuring: 200 of" in shown
    assert shown.endswith(" cases\nsendkit: stopped by Ctrl-C\n")
    assert "Traceback" not in shown
