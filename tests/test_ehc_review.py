"""Review fixes: unreadable values never echoed, consistency queries, Excel serials."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given

from sendkit.cli import main
from sendkit.ehc import (
    EhcCase,
    StepStatus,
    case_queries,
    case_timeline,
    cases_from_rows,
    measure_definition,
    read_cases,
    read_sen2_xml,
    timeliness,
)
from sendkit.ehc.strategies import ehc_cases
from sendkit.errors import RowError

D = dt.date

#: Personal values typed into the wrong columns; none may ever be printed back.
PLANTED = (
    "Jane Smith",
    "Jane",
    "Smith",
    "2015-03-04",
    "04/03/2015",
    "maybe",
    "Bartholomew",
    "Q123456789012",
    "Flat 3",
)

HEADER = [
    "CaseId",
    "ReceivedDate",
    "RequestOutcomeDate",
    "AssessmentOutcomeDate",
    "StartDate",
    "Week20",
    "DecidedToAssess",
    "ExceptionReason",
    "DraftPlanDate",
]
#: Each row has one personal value in a column that should hold something else.
ROWS = [
    ["P1", "Jane Smith", "", "", "", "", "", "", ""],
    ["P2", "2024-01-08", "Jane Smith 2015-03-04", "", "", "", "", "", ""],
    ["P3", "2024-01-08", "", "", "2024-05-27", "maybe Jane", "", "", ""],
    ["P4", "2024-01-08", "", "", "", "", "Bartholomew", "", ""],
    ["P5", "2024-01-08", "", "", "", "", "", "Smith family", ""],
    # A birth date that *is* a real date, but before the request.
    ["P6", "2024-01-08", "", "", "2015-03-04", "0", "", "", ""],
    ["P7", "2024-01-08", "04/03/2015", "", "", "", "", "", ""],
    ["P8", "2024-01-08", "", "", "2024-05-27", "0", "", "", "Flat 3"],
    ["P9", "2024-01-08", "", "", "2024-05-27", "Q123456789012", "", "", ""],
]


def assert_nothing_planted(*texts: str) -> None:
    joined = "\n".join(texts)
    for value in PLANTED:
        assert value not in joined, value


def write_planted_csv(path):
    lines = [",".join(HEADER), *(",".join(row) for row in ROWS)]
    # Two good rows that are queried, so the queries are searched too.
    lines.append("Q1,2024-01-08,,2024-06-01,2024-05-27,,0,,2024-06-03")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


class TestNoValueEchoed:
    def test_csv_problems_name_row_and_column_only(self, tmp_path):
        """Each planted cell is a problem at its row and column, with no value shown."""
        read = read_cases(write_planted_csv(tmp_path / "planted.csv"))
        assert [(p.row, p.column) for p in read.problems] == [
            (2, "ReceivedDate"),
            (3, "RequestOutcomeDate"),
            (4, "Week20"),
            (5, "DecidedToAssess"),
            (6, "ExceptionReason"),
            (7, "StartDate"),
            (8, "RequestOutcomeDate"),
            (9, "DraftPlanDate"),
            (10, "Week20"),
        ]
        assert read.queries  # the Q1 row
        assert [c.case_id for c in read.cases] == ["Q1"]
        assert_nothing_planted(
            *(str(p) for p in (*read.problems, *read.queries)),
            *(repr(p) for p in (*read.problems, *read.queries)),
        )
        assert "not shown" in read.problems[0].reason
        assert "ReceivedDate is not a real date" in read.problems[0].reason

    @pytest.mark.parametrize("row", ROWS, ids=[row[0] for row in ROWS])
    def test_strict_errors(self, row):
        """strict=True raises a RowError naming the row; its text holds no planted value."""
        with pytest.raises(RowError) as info:
            cases_from_rows(HEADER, [row], strict=True, source="planted.csv")
        assert info.value.row == 2
        assert_nothing_planted(str(info.value), repr(info.value.args))

    def test_xlsx(self, tmp_path):
        """The same in a workbook: text in a date or flag cell is not echoed."""
        openpyxl = pytest.importorskip("openpyxl")
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(HEADER)
        for row in ROWS:
            sheet.append(row)
        path = tmp_path / "planted.xlsx"
        book.save(path)
        read = read_cases(path)
        assert len(read.problems) == len(ROWS)
        assert_nothing_planted(*(str(p) for p in read.problems))

    def test_xml_elements(self, tmp_path):
        """Text in XML date and Week20 elements is reported by element path only."""
        path = tmp_path / "planted.xml"
        path.write_text(
            "<Message><Header><CollectionDetails><ReferenceDate>Jane</ReferenceDate>"
            "</CollectionDetails></Header><Persons><Person>"
            "<Forename>Jane</Forename><Surname>Smith</Surname>"
            "<Requests><ReceivedDate>2024-01-08</ReceivedDate></Requests>"
            "<Requests><ReceivedDate>Jane Smith 2015-03-04</ReceivedDate></Requests>"
            "<Requests><ReceivedDate>2024-01-08</ReceivedDate><Assessment>"
            "<Week20>maybe Jane</Week20></Assessment></Requests>"
            "<Requests><ReceivedDate>2024-01-08</ReceivedDate><Assessment>"
            "<Week20>0</Week20><NamedPlan><StartDate>2015-03-04</StartDate>"
            "</NamedPlan></Assessment></Requests>"
            "<Requests><ReceivedDate>2024-01-08</ReceivedDate>"
            "<RequestOutcomeDate>04/03/2015</RequestOutcomeDate></Requests>"
            "</Person></Persons></Message>",
            encoding="utf-8",
        )
        read = read_sen2_xml(path)
        assert [p.element for p in read.problems] == [
            "Header/ReferenceDate",
            "Person[1]/Requests[2]/ReceivedDate",
            "Person[1]/Requests[3]/Assessment[1]/Week20",
            "Person[1]/Requests[4]/StartDate",
            "Person[1]/Requests[5]/RequestOutcomeDate",
        ]
        assert [c.case_id for c in read.cases] == ["LA-P1-R1"]
        assert_nothing_planted(*(str(p) for p in (*read.problems, *read.queries)))
        with pytest.raises(RowError) as info:
            read_sen2_xml(path, strict=True)
        assert_nothing_planted(str(info.value))

    @pytest.mark.parametrize(
        "argv",
        [
            ["timeliness", "--year", "2024"],
            ["timeliness", "--year", "2024", "--json"],
            ["timeliness", "--year", "2024", "--strict"],
            ["timeliness", "--year", "2024", "--json", "--strict"],
            ["cases", "--as-of", "2024-06-01"],
            ["cases", "--as-of", "2024-06-01", "--json"],
            ["cases", "--as-of", "2024-06-01", "--strict"],
        ],
    )
    def test_command_line(self, capsys, tmp_path, argv):
        """Neither stdout nor stderr shows a planted value, with or without --json."""
        path = write_planted_csv(tmp_path / "planted.csv")
        code = main(["ehc", argv[0], str(path), *argv[1:]])
        out, err = capsys.readouterr()
        assert code == (2 if "--strict" in argv else 0)
        assert "row 2" in err
        assert_nothing_planted(out, err)


class TestConsistencyQueries:
    def test_plan_after_a_decision_not_to_assess_is_counted_and_queried(self):
        """Counted as issued (as DfE counts plans), queried, and not applicable in the timeline."""
        read = cases_from_rows(
            ["CaseId", "ReceivedDate", "DecidedToAssess", "StartDate", "Week20"],
            [["R1", "2024-01-08", "0", "2024-05-27", "0"]],
        )
        (case,) = read.cases
        assert [(q.row, q.column) for q in read.queries] == [(2, "DecidedToAssess")]
        assert "counted as issued" in read.queries[0].reason
        assert "sendkit check" in read.queries[0].reason
        result = timeliness(read.cases, year=2024)
        assert (result.issued, result.within_20_weeks) == (1, 1)
        final = case_timeline(case, as_of=D(2024, 6, 1)).steps[-1]
        assert final.status is StepStatus.NOT_APPLICABLE

    def test_plan_after_a_decision_not_to_issue_is_queried(self):
        """DecidedToIssue = 0 with a StartDate is a query too."""
        case = EhcCase(
            case_id="R2",
            received=D(2024, 1, 8),
            decided_to_issue=False,
            plan_issued=D(2024, 5, 1),
            week20=False,
        )
        assert [column for column, _ in case_queries(case)] == ["DecidedToIssue"]

    def test_draft_after_the_final_plan_is_queried(self):
        """A DraftPlanDate after the StartDate is kept and listed by row."""
        read = cases_from_rows(
            ["CaseId", "ReceivedDate", "DraftPlanDate", "StartDate", "Week20"],
            [
                ["R1", "2024-01-08", "2024-06-03", "2024-05-27", "0"],
                ["R2", "2024-01-08", "2024-05-27", "2024-05-27", "0"],
            ],
        )
        assert len(read.cases) == 2
        assert [(q.row, q.column) for q in read.queries] == [(2, "DraftPlanDate")]

    def test_no_query_without_a_plan(self):
        """A decision not to assess with no StartDate is consistent."""
        case = EhcCase(
            case_id="R3",
            received=D(2024, 1, 8),
            decided_to_assess=False,
            request_outcome_date=D(2024, 2, 1),
        )
        assert case_queries(case) == []

    def test_queries_in_json(self, capsys, tmp_path):
        """The command line lists the new queries by row, in JSON and on stderr."""
        path = tmp_path / "q.csv"
        path.write_text(
            "CaseId,ReceivedDate,DecidedToAssess,DraftPlanDate,StartDate,Week20\n"
            "A,2024-01-08,0,2024-06-03,2024-05-27,0\n",
            encoding="utf-8",
        )
        assert main(["ehc", "timeliness", str(path), "--year", "2024", "--json"]) == 0
        out, err = capsys.readouterr()
        data = json.loads(out)
        assert data["issued"] == 1
        assert [q.split(":")[0] for q in data["queries"]] == [
            "q.csv, row 2, column 'DecidedToAssess'",
            "q.csv, row 2, column 'DraftPlanDate'",
        ]
        assert "queried by a sendkit check" in err

    @given(ehc_cases())
    def test_generated_cases_are_consistent(self, case):
        """The strategies' cases pass every check but the deliberate blank Week20."""
        assert [column for column, _ in case_queries(case)] in ([], ["Week20"])
        if case.decided_to_assess is False or case.decided_to_issue is False:
            assert case.plan_issued is None
            assert case.draft_issued is None


class TestExcelSerials:
    @pytest.mark.parametrize(
        ("serial", "day"),
        [
            (45299, D(2024, 1, 8)),
            (45299.0, D(2024, 1, 8)),
            (61, D(1900, 3, 1)),
            (2958465, D(9999, 12, 31)),
        ],
    )
    def test_numbers_are_1900_serials(self, serial, day):
        """A number in a date column is an Excel 1900-system serial."""
        read = cases_from_rows(["CaseId", "ReceivedDate"], [["R1", serial]])
        assert read.cases[0].received == day

    @pytest.mark.parametrize(
        ("serial", "match"),
        [
            (60, "29 February 1900"),
            (59, "outside the Excel date serials"),
            (1, "outside the Excel date serials"),
            (0, "outside the Excel date serials"),
            (-3, "outside the Excel date serials"),
            (2958466, "outside the Excel date serials"),
            (45299.5, "fraction of a day"),
            (float("nan"), "fraction of a day"),
            (True, "TRUE or FALSE"),
        ],
    )
    def test_refused_numbers(self, serial, match):
        """Serial 60, anything below 61 or past 9999, and fractions are refused clearly."""
        read = cases_from_rows(["CaseId", "ReceivedDate"], [["R1", serial]])
        assert not read.cases
        (problem,) = read.problems
        assert (problem.row, problem.column) == (2, "ReceivedDate")
        assert match in problem.reason

    def test_digits_in_a_csv_are_not_serials(self, tmp_path):
        """CSV cells are text: 45299 in a CSV date column is refused."""
        path = tmp_path / "digits.csv"
        path.write_text("CaseId,ReceivedDate\nR1,45299\n", encoding="utf-8")
        read = read_cases(path)
        assert not read.cases
        assert read.problems[0].column == "ReceivedDate"
        assert "45299" not in str(read.problems[0])

    def test_workbook_number_cells(self, tmp_path):
        """A workbook's number-formatted date cells are read as serials."""
        openpyxl = pytest.importorskip("openpyxl")
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(["CaseId", "ReceivedDate", "StartDate", "Week20"])
        sheet.append(["R1", 45299, 45439, 0])
        sheet.append(["R2", 60, None, None])
        path = tmp_path / "serials.xlsx"
        book.save(path)
        read = read_cases(path)
        assert [(c.received, c.plan_issued) for c in read.cases] == [
            (D(2024, 1, 8), D(2024, 5, 27))
        ]
        assert [(p.row, p.column) for p in read.problems] == [(3, "ReceivedDate")]

    def test_1904_workbook_numbers_are_refused(self, tmp_path):
        """In a 1904-system workbook a number would be four years off, so it is refused."""
        openpyxl = pytest.importorskip("openpyxl")
        from openpyxl.utils.datetime import CALENDAR_MAC_1904

        book = openpyxl.Workbook()
        book.epoch = CALENDAR_MAC_1904
        sheet = book.active
        sheet.append(["CaseId", "ReceivedDate"])
        sheet.append(["R1", 43837])
        sheet.append(["R2", dt.datetime(2024, 1, 8)])  # a date cell is still read
        path = tmp_path / "mac.xlsx"
        book.save(path)
        read = read_cases(path)
        assert [c.received for c in read.cases] == [D(2024, 1, 8)]
        assert "1904 date system" in read.problems[0].reason


class TestDefinition:
    def test_every_part_is_tagged(self):
        """The definition states each part with a confidence tag."""
        parts = measure_definition(limit_days=140, boundary_inclusive=False)
        assert {p.item: p.confidence for p in parts}["exclusion"] == "[INFERRED]"
        band = next(p for p in parts if p.item == "band_52_weeks")
        assert "more than 363 days" in band.text
        day = next(p for p in parts if p.item == "day_140")
        assert "late" in day.text

    def test_in_to_dict(self):
        """Timeliness.to_dict carries the definition, with the rule's own tag for the limit."""
        data = timeliness([], year=2024).to_dict()
        tags = {part["item"]: part["confidence"] for part in data["definition"]}
        assert tags["limit"] == "[P]"
        assert set(tags) == {
            "unit",
            "limit",
            "exclusion",
            "week20_blank",
            "day_140",
            "band_52_weeks",
        }
