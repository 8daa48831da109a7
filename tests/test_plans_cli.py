"""``sendkit plan new`` and ``sendkit plan status``, and the board report."""

from __future__ import annotations

import datetime as dt
import json
import pathlib
import re

import pytest

from sendkit.cli import main
from sendkit.io import read_plan, write_plan
from sendkit.plans import (
    Action,
    ActionPlan,
    PlanKind,
    ProgressUpdate,
    Rag,
    RagOverride,
    Section,
    Status,
)
from sendkit.reports import history_dates, render_board_report

ROOT = pathlib.Path(__file__).resolve().parent.parent


def test_plan_new_writes_a_tracker(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "pap.xlsx"
    code = main(
        [
            "plan",
            "new",
            "--outcome",
            "widespread and/or systemic failings",
            "--report-received",
            "16/05/2023",
            "--area",
            "Timeliness and quality of EHC plans",
            "--area",
            "=Waiting times",
            "--improvement",
            "Preparation for adulthood",
            "--partnership",
            "Nottinghamshire",
            "-o",
            str(out),
        ]
    )
    assert code == 0
    text = capsys.readouterr().out
    assert "submission: due 2023-07-05 [area-send.pap.submit]  (UNCONFIRMED)" in text
    plan = read_plan(out)
    assert plan.kind is PlanKind.PRIORITY_ACTION_PLAN
    assert plan.partnership == "Nottinghamshire"
    assert [s.id for s in plan.sections] == ["PA1", "PA2", "AFI1"]
    assert plan.sections[1].title == "=Waiting times"
    assert [d.due for d in plan.deadlines] == [
        dt.date(2023, 7, 5),
        dt.date(2023, 8, 23),
    ]


def test_plan_new_from_an_ofsted_file(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "mi.csv"
    source.write_text(
        "Local area partnership,Inspection outcome,Inspection publication date,Number of areas for priority action\n"
        "Somewhere,Widespread and/or systemic failings,16/05/2023,2\n",
        encoding="utf-8",
    )
    out = tmp_path / "pap.csv"
    code = main(
        [
            "plan",
            "new",
            "--ofsted",
            str(source),
            "--local-area",
            "somewhere",
            "-o",
            str(out),
        ]
    )
    assert code == 0, capsys.readouterr().err
    plan = read_plan(out)
    assert [s.id for s in plan.sections] == ["PA1", "PA2"]
    assert plan.deadlines[0].due == dt.date(2023, 7, 5)


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["plan", "new", "-o", "x.csv"], "give --outcome and --report-received"),
        (
            [
                "plan",
                "new",
                "--outcome",
                "2",
                "--report-received",
                "2024-01-01",
                "--area",
                "x",
                "-o",
                "x.csv",
            ],
            "only outcome 3",
        ),
        (
            [
                "plan",
                "new",
                "--outcome",
                "great",
                "--report-received",
                "2024-01-01",
                "-o",
                "x.csv",
            ],
            "not an area SEND outcome",
        ),
        (
            [
                "plan",
                "new",
                "--outcome",
                "3",
                "--report-received",
                "2024-01-01",
                "--area",
                "x",
                "-o",
                "x.txt",
            ],
            "expected one of .csv, .xlsx",
        ),
        (
            [
                "plan",
                "new",
                "--outcome",
                "systemic",
                "--report-received",
                "2024-01-01",
                "-o",
                "x.xlsx",
            ],
            "outcome 3 (systemic) needs at least one --area TEXT",
        ),
        (
            [
                "plan",
                "new",
                "--ofsted",
                "mi.csv",
                "--local-area",
                "Somewhere",
                "--outcome",
                "2",
                "--improvement",
                "y",
                "-o",
                "x.xlsx",
            ],
            "--outcome, --improvement cannot be combined with --ofsted",
        ),
        (["plan", "status", "missing.xlsx"], "--as-of"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    argv: list[str],
    needle: str,
    capsys: pytest.CaptureFixture[str],
    tmp_path: pathlib.Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert needle in err
    assert len(err.strip().splitlines()) == 1


def _plan() -> ActionPlan:
    return ActionPlan(
        partnership="Example <script>",
        report_received=dt.date(2023, 5, 16),
        sections=[
            Section(
                id="PA1",
                title="Timeliness & quality",
                actions=[
                    Action(
                        id="PA1.1",
                        description="<b>Recruit</b>",
                        owner="Head of SEND",
                        due=dt.date(2024, 1, 31),
                        status=Status.AT_RISK,
                        updates=[
                            ProgressUpdate(
                                on=dt.date(2023, 7, 3),
                                status=Status.ON_TRACK,
                                note="start",
                            ),
                            ProgressUpdate(
                                on=dt.date(2023, 12, 4),
                                status=Status.AT_RISK,
                                note="<i>slipping</i>",
                            ),
                        ],
                    ),
                    Action(
                        id="PA1.2", due=dt.date(2024, 2, 16), status=Status.ON_TRACK
                    ),
                    Action(
                        id="PA1.3",
                        due=dt.date(2023, 12, 1),
                        override=RagOverride(
                            rag=Rag.AMBER, reason="new date agreed", by="Chair"
                        ),
                    ),
                ],
            )
        ],
    )


def test_plan_status_json_gives_counts_and_exception_lists(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`plan status --json` gives the RAG counts, overdue, due-soon and overridden actions, and notes as written."""
    path = tmp_path / "plan.xlsx"
    write_plan(_plan(), path)
    assert main(["plan", "status", str(path), "--as-of", "2024-02-05", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["counts"] == {"red": 1, "amber": 1, "green": 1, "complete": 0}
    assert data["overdue"] == ["PA1.1", "PA1.3"]
    assert data["due_soon"] == ["PA1.2"]
    assert data["overridden"] == ["PA1.3"]
    assert data["exceptions"][0]["latest_note"] == "<i>slipping</i>"


def test_plan_status_text_and_options(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "plan.csv"
    write_plan(_plan(), path)
    assert (
        main(["plan", "status", str(path), "--as-of", "2024-02-05", "--due-soon", "0"])
        == 0
    )
    text = capsys.readouterr().out
    assert "3 actions: 1 red, 1 amber, 1 green, 0 complete" in text
    assert "due within 0 working days: none" in text
    assert "PA1.1 [Head of SEND] 5 days late" in text


def test_plan_status_reports_bad_files(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("action_id,due_date\nA1,31/02/2024\n", encoding="utf-8")
    assert main(["plan", "status", str(path), "--as-of", "2024-02-05"]) == 2
    err = capsys.readouterr().err
    assert "row 2, column 'due_date'" in err


def test_board_report_html_escapes_text_and_loads_nothing(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The board report page escapes plan text, has no script or external resource, and draws red bars and overrides."""
    path = tmp_path / "plan.xlsx"
    write_plan(_plan(), path)
    page_path = tmp_path / "board.html"
    assert (
        main(
            [
                "plan",
                "status",
                str(path),
                "--as-of",
                "2024-02-05",
                "--html",
                str(page_path),
            ]
        )
        == 0
    )
    page = page_path.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert (
        "<script" not in page
    )  # the partnership name is escaped, and there are no scripts
    assert "Example &lt;script&gt;" in page
    assert "&lt;b&gt;Recruit&lt;/b&gt;" in page
    assert "<svg" in page
    assert re.search(r'<rect [^>]*fill="#b3001b"', page)  # red bars in the chart
    assert "Amber (override)" in page
    assert not re.search(r"\bsrc\s*=|url\(|@import", page)  # nothing loaded


def test_history_dates_are_month_ends_then_as_of() -> None:
    days = history_dates(_plan(), dt.date(2024, 2, 5))
    assert days[0] == dt.date(2023, 5, 31)
    assert days[-2:] == [dt.date(2024, 1, 31), dt.date(2024, 2, 5)]
    long = history_dates(_plan(), dt.date(2028, 1, 5))
    assert len(long) == 24
    assert long[-1] == dt.date(2028, 1, 5)


def test_board_report_of_an_empty_plan_says_no_action_is_red() -> None:
    """A plan with no actions still renders, saying that no action is red."""
    page = render_board_report(ActionPlan(), dt.date(2024, 1, 1))
    assert "No action is red." in page


def test_example_tracker_is_current(tmp_path: pathlib.Path) -> None:
    """docs/downloads/example-tracker.* are what tools/make_example_tracker.py writes."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "make_example", ROOT / "tools" / "make_example_tracker.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    plan = module.example_plan()
    for suffix in ("xlsx", "csv"):
        assert (
            read_plan(ROOT / "docs" / "downloads" / f"example-tracker.{suffix}") == plan
        )
    fresh = tmp_path / "fresh.csv"
    write_plan(plan, fresh, as_of=module.AS_OF)
    committed = (ROOT / "docs" / "downloads" / "example-tracker.csv").read_text(
        encoding="utf-8-sig"
    )
    assert fresh.read_text(encoding="utf-8-sig") == committed


def test_demo_ends_with_the_plan_skeleton(
    capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path
) -> None:
    page = tmp_path / "demo.html"
    assert main(["demo", "--html", str(page)]) == 0
    text = capsys.readouterr().out
    skeleton = text.index("The plan skeleton")
    assert text.index("Sources and confidence") < skeleton
    assert (
        "submission: due 2023-07-05 (area-send.pap.submit, UNCONFIRMED)"
        in text[skeleton:]
    )
    assert "The plan skeleton" in page.read_text(encoding="utf-8")


def test_board_report_shows_each_kpi_latest_value_as_of_the_day() -> None:
    """The board report lists KPIs with the latest value measured on or before the report's day, not later ones."""
    from sendkit.plans import Kpi, Measurement

    action = Action(
        id="A",
        kpi=Kpi(
            id="KPI-20WK",
            unit="%",
            baseline=31.0,
            target=60.0,
            actuals=[
                Measurement(on=dt.date(2024, 1, 31), value=47.5),
                Measurement(on=dt.date(2024, 6, 30), value=55.0),
            ],
        ),
    )
    page = render_board_report(
        ActionPlan(sections=[Section(id="S", actions=[action])]), dt.date(2024, 3, 1)
    )
    assert "Key performance indicators" in page
    assert "47.5%<br>31 January 2024" in page  # the latest value known then
    assert "55%" not in page


@pytest.mark.parametrize("name", ["junk.xlsx", "missing.xlsx", "folder.csv"])
def test_plan_status_on_an_unreadable_file_is_one_line(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    (tmp_path / "junk.xlsx").write_bytes(b"PK\x03\x04 damaged")
    (tmp_path / "folder.csv").mkdir()
    code = main(["plan", "status", str(tmp_path / name), "--as-of", "2024-01-01"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1
    assert name in err
    assert "Traceback" not in err
    assert "FileNotFoundError" not in err


def test_plan_new_refuses_to_overwrite_without_force(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "pap.csv"
    out.write_text("someone's tracker\n", encoding="utf-8")
    argv = [
        "plan",
        "new",
        "--outcome",
        "3",
        "--report-received",
        "2024-01-01",
        "--area",
        "EHC plans on time",
        "-o",
        str(out),
    ]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "already exists; give --force to replace it" in err
    assert out.read_text(encoding="utf-8") == "someone's tracker\n"
    assert main([*argv, "--force"]) == 0
    assert [s.title for s in read_plan(out).sections] == ["EHC plans on time"]
