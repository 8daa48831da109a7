"""Reading a caseload file and ``sendkit ehc due``."""

from __future__ import annotations

import csv
import datetime as dt
import json
import pathlib

import pytest

from sendkit.cli import main
from sendkit.ehc import (
    OrderKind,
    PlanRecord,
    synthetic_caseload,
    synthetic_plans,
    worklist,
)
from sendkit.errors import InvalidInputError
from sendkit.io._caseload import caseload_header, read_caseload, write_caseload

SECRET = "Jane-Doe-2012"  # noqa: S105 - a personal value in the wrong column


def _write(
    path: pathlib.Path, header: list[str], rows: list[list[str]]
) -> pathlib.Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


HEADER = [
    "CaseId",
    "ReceivedDate",
    "StartDate",
    "LastReviewDate",
    "TransferYear",
    "TribunalOrderDate",
    "TribunalOrderKind",
]


def test_requests_and_plans_are_read_from_one_file(tmp_path: pathlib.Path) -> None:
    path = _write(
        tmp_path / "c.csv",
        HEADER,
        [
            ["R1", "2025-04-01", "", "", "", "", ""],
            ["P1", "", "2024-03-15", "", "", "", ""],
            ["P2", "", "", "", "", "2025-06-02", "make-plan"],
        ],
    )
    read = read_caseload(path)
    assert [case.case_id for case in read.cases] == ["R1"]
    assert [plan.case_id for plan in read.plans] == ["P1", "P2"]
    assert read.plans[1].order_kind is OrderKind.MAKE_PLAN
    assert read.rows_left_out == 0


def test_bad_rows_are_reported_by_row_and_column_without_the_value(
    tmp_path: pathlib.Path,
) -> None:
    path = _write(
        tmp_path / "c.csv",
        HEADER,
        [
            ["P1", "", "2024-03-15", "2023-01-01", "", "", ""],
            ["P2", "", "2024-03-15", "", "2020", "", ""],
            ["P3", "", "2024-03-15", "", "", "2025-06-02", SECRET],
            ["P4", "", "2024-03-15", "", "", "", "amend"],
            ["P5", "", SECRET, "", "", "", ""],
            ["P6", "", "2024-03-15", "", "", "", ""],
        ],
    )
    read = read_caseload(path, as_of=dt.date(2025, 6, 1))
    assert [plan.case_id for plan in read.plans] == ["P6"]
    assert read.rows_left_out == 5
    where = [(problem.row, problem.column) for problem in read.problems]
    assert where == [
        (2, "LastReviewDate"),
        (3, "TransferYear"),
        (4, "TribunalOrderKind"),
        (5, "TribunalOrderDate"),
        (6, "StartDate"),
    ]
    text = "\n".join(str(problem) for problem in read.problems)
    assert SECRET not in text
    assert "c.csv, row 2, column 'LastReviewDate'" in text


def test_a_file_without_caseid_is_refused(tmp_path: pathlib.Path) -> None:
    path = _write(tmp_path / "c.csv", ["StartDate"], [["2024-01-01"]])
    with pytest.raises(InvalidInputError, match="'CaseId' is missing"):
        read_caseload(path)


def test_write_then_read_round_trip(tmp_path: pathlib.Path) -> None:
    cases = synthetic_caseload(year=2025, requests_per_year=20, seed=3)
    plans = synthetic_plans(year=2025, plans=40, seed=3)
    path = tmp_path / "c.csv"
    assert write_caseload(cases, plans, path) == 80
    with pytest.raises(InvalidInputError, match="already exists"):
        write_caseload(cases, plans, path)
    read = read_caseload(path)
    assert read.cases == cases
    by_id = {plan.case_id: plan for plan in read.plans}
    assert [by_id[plan.case_id] for plan in plans] == list(plans)
    assert read.problems == ()
    assert caseload_header()[0] == "CaseId"


def test_formula_text_is_guarded(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "c.csv"
    write_caseload(
        [], [PlanRecord(case_id="=1+1", plan_issued=dt.date(2024, 1, 1))], path
    )
    assert "'=1+1" in path.read_text(encoding="utf-8")
    assert read_caseload(path).plans[0].case_id == "=1+1"


def test_cli_due_json(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(
        tmp_path / "c.csv",
        HEADER,
        [
            ["R1", "2025-04-01", "", "", "", "", ""],
            ["P1", "", "2024-03-15", "", "", "", ""],
            ["P2", "", "2024-03-15", "2023-01-01", "", "", ""],
        ],
    )
    assert main(["ehc", "due", str(path), "--as-of", "2025-06-01", "--json"]) == 0
    out = capsys.readouterr()
    data = json.loads(out.out)
    item = next(i for i in data["items"] if i["case"] == "P1")
    assert item["rule"] == "ehc.review.annual"
    assert item["due"] == "2025-03-14"
    assert item["status"] == "overdue"
    assert {"case", "rule", "due", "status", "basis", "confidence"} <= set(item)
    assert data["rows_left_out"] == 1
    assert set(data["counts"]["by_status"]) == {"overdue", "due-soon", "upcoming"}
    assert "row 4" in out.err


def test_cli_due_writes_xlsx_and_refuses_to_replace(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "c.csv"
    assert (
        main(
            [
                "ehc",
                "example",
                str(source),
                "--year",
                "2025",
                "--requests",
                "20",
                "--plans",
                "30",
            ]
        )
        == 0
    )
    out = tmp_path / "w.xlsx"
    args = ["ehc", "due", str(source), "--as-of", "2025-12-31", "--xlsx", str(out)]
    assert main(args) == 0
    assert out.stat().st_size > 0
    assert main(args) != 0
    assert "already exists" in capsys.readouterr().err


def test_sen2_xml_gives_requests_and_issued_plans() -> None:
    path = pathlib.Path(__file__).parent / "data" / "ehc_sen2.xml"
    read = read_caseload(path)
    issued = [case.case_id for case in read.cases if case.plan_issued is not None]
    assert [plan.case_id for plan in read.plans] == issued
    assert all(plan.last_review is None for plan in read.plans)


SEN2_ACTIVE = pathlib.Path(__file__).parent / "data" / "caseload_sen2.xml"


def test_sen2_active_plans_fill_the_review_and_transfer_columns() -> None:
    read = read_caseload(SEN2_ACTIVE)
    plans = {plan.case_id: plan for plan in read.plans}
    first = plans["999-P1-R1"]
    assert first.plan_issued == dt.date(2023, 3, 15)
    assert first.review_meeting == dt.date(2024, 2, 20)
    assert first.last_review == dt.date(2024, 3, 5)
    # LastReview on or after the meeting is the decision after it (SEN2).
    assert first.review_decision == dt.date(2024, 3, 5)
    assert first.decided_to_amend is True
    assert (first.transfer_year, first.transfer_post_16) == (2025, False)
    assert plans["999-P2-R1"].ceased == dt.date(2024, 7, 1)
    sixth = plans["999-P6-R1"]
    assert (sixth.transfer_year, sixth.transfer_post_16) == (2025, True)
    assert sixth.transfer_amended == dt.date(2025, 1, 6)
    # Every request is kept; the two bad active plans are left out.
    assert len(read.cases) == 6
    assert set(plans) == {f"999-P{n}-R1" for n in (1, 2, 3, 6)}


def test_sen2_active_plan_problems_name_the_element_not_the_value() -> None:
    read = read_caseload(SEN2_ACTIVE)
    text = [str(problem) for problem in read.problems]
    assert len(text) == 2
    assert "Person[4]/Requests[1]/ActivePlans/ReviewOutcome" in text[0]
    assert "Person[5]/Requests[1]/ActivePlans" in text[1]
    assert "LastReview is before the plan's StartDate" in text[1]
    assert all(SECRET not in line for line in text)


def test_sen2_worklist_golden() -> None:
    """Hand-worked: what a SEN2 return's active plans put on the worklist."""
    read = read_caseload(SEN2_ACTIVE)
    work = worklist(read.cases, read.plans, as_of=dt.date(2025, 1, 16))
    got = [(i.case[4:6], i.rule, i.due.isoformat(), i.status.value) for i in work.items]
    assert got == [
        # P3: made 10 Sep 2023, no review since: due 9 Sep 2024 (s44(1)).
        ("P3", "ehc.review.annual", "2024-09-09", "overdue"),
        # P3: meeting 2 Dec 2024, no decision: 4 weeks, 30 Dec (reg 20(10)).
        ("P3", "ehc.review.decision", "2024-12-30", "overdue"),
        # P6: meeting 28 Jan 2025: notice and advice 15 clear days before.
        ("P6", "ehc.review.advice-circulated", "2025-01-13", "overdue"),
        ("P6", "ehc.review.meeting-notice", "2025-01-13", "overdue"),
        # P1: PhaseTransferDueDate 15 Feb 2025: transfer 2025, before 15 Feb.
        ("P1", "ehc.phase-transfer", "2025-02-14", "upcoming"),
        # P1: the review concluded 5 Mar 2024 (LastReview): due 4 Mar 2025.
        ("P1", "ehc.review.annual", "2025-03-04", "upcoming"),
        # P6: made 10 Apr 2024; its transfer plan is final (no transfer step).
        ("P6", "ehc.review.annual", "2025-04-09", "upcoming"),
    ]
    # P1 decided to amend, but a return has no amended plan date: no step.
    assert not any(i.rule.endswith("amended-plan-from-meeting") for i in work.items)
    # P2 ceased in July 2024: nothing listed.
    assert not any(i.case.startswith("999-P2") for i in work.items)


def test_sen2_names_are_read_from_csv_and_old_names_still_work(
    tmp_path: pathlib.Path,
) -> None:
    path = _write(
        tmp_path / "c.csv",
        [
            "CaseId",
            "StartDate",
            "ReviewMeeting",
            "LastReview",
            "ReviewOutcome",
            "PhaseTransferDueDate",
            "CeaseDate",
        ],
        [
            ["P1", "2023-03-15", "2024-02-20", "2024-03-05", "a", "2026-03-31", ""],
            ["P2", "2023-03-15", "", "", "", "", "2024-01-10"],
            ["P3", "2023-03-15", "", "", SECRET, "", ""],
        ],
    )
    read = read_caseload(path, as_of=dt.date(2025, 6, 1))
    first, second = read.plans
    assert first.review_decision == dt.date(2024, 3, 5)
    assert first.decided_to_amend is True
    assert (first.transfer_year, first.transfer_post_16) == (2026, True)
    assert second.ceased == dt.date(2024, 1, 10)
    (problem,) = read.problems
    assert (problem.row, problem.column) == (4, "ReviewOutcome")
    assert SECRET not in str(problem)
    old = _write(
        tmp_path / "old.csv",
        ["CaseId", "StartDate", "LastReviewDate", "LastReview"],
        [["P1", "2023-03-15", "2024-03-01", "2024-03-05"]],
    )
    (repeat,) = read_caseload(old).problems
    assert repeat.column == "LastReview"
    assert "repeats LastReviewDate" in str(repeat)


def test_a_decision_after_the_meeting_restarts_the_twelve_months() -> None:
    plan = PlanRecord(
        case_id="P1",
        plan_issued=dt.date(2023, 3, 15),
        last_review=dt.date(2023, 12, 1),
        review_meeting=dt.date(2024, 2, 20),
        review_decision=dt.date(2024, 3, 5),
        decided_to_amend=False,
    )
    (item,) = worklist(plans=[plan], as_of=dt.date(2024, 6, 1)).items
    assert (item.rule, item.due) == ("ehc.review.annual", dt.date(2025, 3, 4))


def test_xlsx_worklist_is_for_a_team(tmp_path: pathlib.Path) -> None:
    """One row per step, soonest first, status colours, filters, frozen header."""
    import openpyxl

    source = _write(
        tmp_path / "c.csv",
        HEADER,
        [
            ["=HYPERLINK(1)", "", "2024-03-15", "", "", "", ""],
            ["R1", "2025-05-20", "", "", "", "", ""],
            ["P2", "", "", "", "", "2025-05-30", "make-plan"],
        ],
    )
    out = tmp_path / "w.xlsx"
    argv = ["ehc", "due", str(source), "--as-of", "2025-06-02", "--xlsx", str(out)]
    assert main(argv) == 0
    work = worklist(
        read_caseload(source).cases,
        read_caseload(source).plans,
        as_of=dt.date(2025, 6, 2),
    )
    sheet = openpyxl.load_workbook(out).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert header[:5] == ("due", "case", "rule", "summary", "status")
    assert len(body) == len(work.items)  # one row per step
    dues = [row[0] for row in body]
    assert dues == sorted(dues)  # soonest first
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == sheet.dimensions
    status_at = header.index("status") + 1
    fills = {
        sheet.cell(row, status_at).value: sheet.cell(row, status_at).fill.fgColor.rgb
        for row in range(2, sheet.max_row + 1)
    }
    assert fills["overdue"].endswith("F4CCCC")
    assert fills["upcoming"].endswith("D9EAD3")
    assert all(isinstance(row[0], dt.datetime) for row in body)  # real dates
    days = [row[header.index("days")] for row in body]
    assert all(isinstance(d, int) for d in days)
    assert min(days) < 0  # overdue steps count back, as numbers not text
    cases = {row[1] for row in body}
    assert "'=HYPERLINK(1)" in cases  # formula-safe text
    assert not any(str(value).startswith("=") for row in body for value in row)


def test_xlsx_worklist_prints_one_a4_landscape_page_wide(
    tmp_path: pathlib.Path,
) -> None:
    """The worklist prints for a team meeting: landscape, fit to width, header repeated."""
    import openpyxl

    source = _write(
        tmp_path / "c.csv", HEADER, [["R1", "2025-05-20", "", "", "", "", ""]]
    )
    out = tmp_path / "w.xlsx"
    argv = ["ehc", "due", str(source), "--as-of", "2025-06-02", "--xlsx", str(out)]
    assert main(argv) == 0
    sheet = openpyxl.load_workbook(out).active
    assert sheet is not None
    assert sheet.page_setup.orientation == "landscape"
    assert int(sheet.page_setup.paperSize) == int(sheet.PAPERSIZE_A4)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)
    assert sheet.print_title_rows == "$1:$1"


def test_ehc_cases_lists_the_request_items_of_ehc_due(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`ehc cases` is `ehc due` restricted to new requests: the same steps."""
    source = str(pathlib.Path(__file__).parent / "data" / "ehc_cases.csv")
    for as_of in ("2024-06-01", "2024-10-01"):
        assert main(["ehc", "cases", source, "--as-of", as_of, "--json"]) == 0
        steps = json.loads(capsys.readouterr().out)["steps"]
        assert main(["ehc", "due", source, "--as-of", as_of, "--json"]) == 0
        items = json.loads(capsys.readouterr().out)["items"]
        requests = [i for i in items if not i["case"].startswith("PLN")]
        assert [(s["case_id"], s["step"], s["due"]) for s in steps] == [
            (i["case"], i["rule"], i["due"])
            for i in requests
            if i["rule"].startswith("ehc.") and "review" not in i["rule"]
        ]


def test_an_xlsx_caseload_with_sen2_names_reads_like_the_csv(
    tmp_path: pathlib.Path,
) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["CaseId", "StartDate", "ReviewMeeting", "LastReview", "NcYear"])
    sheet.append(
        ["P1", dt.date(2023, 3, 15), dt.date(2024, 2, 20), dt.date(2024, 3, 5), 6]
    )
    sheet.append(["P2", dt.date(2023, 3, 15), SECRET, None, None])
    path = tmp_path / "c.xlsx"
    book.save(path)
    read = read_caseload(path)
    (plan,) = read.plans
    assert (plan.review_meeting, plan.review_decision) == (
        dt.date(2024, 2, 20),
        dt.date(2024, 3, 5),
    )
    assert plan.nc_year == 6
    (problem,) = read.problems
    assert (problem.row, problem.column) == (3, "ReviewMeeting")
    assert SECRET not in str(problem)
    assert read.rows_left_out == 1


def test_example_plans_0_gives_the_requests_plans_review_dates(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "c.csv"
    argv = ["ehc", "example", str(out), "--year", "2025", "--requests", "50"]
    assert main([*argv, "--plans", "0"]) == 0
    assert "0 existing" not in capsys.readouterr().out
    read = read_caseload(out)
    issued = {case.case_id for case in read.cases if case.plan_issued is not None}
    assert {plan.case_id for plan in read.plans} == issued
    old = [p for p in read.plans if p.plan_issued and p.plan_issued.year < 2025]
    assert old
    assert all(p.last_review is not None for p in old if p.plan_issued.month < 12)
    work = worklist(read.cases, read.plans, as_of=dt.date(2025, 12, 31))
    annual = [i for i in work.items if i.rule == "ehc.review.annual"]
    late = [i for i in annual if i.status.value == "overdue"]
    assert len(late) < len(annual) / 2  # most reviews on time
