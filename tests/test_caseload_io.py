"""Reading a caseload file and ``sendkit ehc due``."""

from __future__ import annotations

import csv
import datetime as dt
import json
import pathlib

import pytest

from sendkit.cli import main
from sendkit.ehc import OrderKind, PlanRecord, synthetic_caseload, synthetic_plans
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
