"""Reading caseloads from CSV, XLSX and SEN2 XML, and keeping children's data out."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sendkit.cli import main
from sendkit.ehc import (
    EhcCase,
    ExceptionReason,
    StepStatus,
    case_queries,
    case_timeline,
    timeliness,
)
from sendkit.ehc.strategies import caseloads, ehc_cases
from sendkit.errors import InvalidInputError, RowError
from sendkit.io import (
    cases_from_rows,
    read_cases,
    read_sen2_xml,
    write_cases,
    write_steps,
)

from .conftest import DATA

D = dt.date
#: Personal values planted in the fixtures; none may ever reach an output.
PERSONAL = (
    "Zebedee",
    "Ermintrude",
    "Dougal",
    "Roundabout",
    "Florence",
    "Magic",
    "Train",
    "Rusty",
    "McHenry",
    "2015-03-14",
    "14/03/2016",
    "2013-07-30",
    "Q9000000000",
    "ZZ99",
    "bereavement",
    "purple",
)


def assert_no_personal_data(*texts: str) -> None:
    joined = "\n".join(texts)
    for value in PERSONAL:
        assert value not in joined, value


class TestCsv:
    def test_fixture(self):
        """Good rows become cases; bad rows are reported by row and column."""
        read = read_cases(DATA / "ehc_cases.csv")
        assert [c.case_id for c in read.cases] == [
            "C001",
            "C002",
            "C003",
            "C004",
            "C005",
            "C006",
            "C007",
            "C010",
            "C011",
        ]
        assert [(p.row, p.column) for p in read.problems] == [
            (9, "ReceivedDate"),
            (10, "StartDate"),
            (13, "CaseId"),
            (14, "Week20"),
        ]
        assert read.ignored == ("Forename", "PersonBirthDate", "UPN")

    def test_uk_and_iso_dates_read_alike(self):
        """C001 is ISO, C002 UK day-first; both read the same January date."""
        by_id = {c.case_id: c for c in read_cases(DATA / "ehc_cases.csv").cases}
        assert by_id["C001"].received == by_id["C002"].received == D(2024, 1, 8)
        assert by_id["C002"].plan_issued == D(2024, 5, 28)

    def test_exception_reason_and_note_are_kept(self):
        """C003's reason (limb c) and note are on the case; C010's spelled-out reason too."""
        by_id = {c.case_id: c for c in read_cases(DATA / "ehc_cases.csv").cases}
        (exc,) = by_id["C003"].exceptions
        assert exc.reason is ExceptionReason.PERSONAL_CIRCUMSTANCES
        assert exc.note.startswith("Family")
        assert by_id["C010"].exceptions[0].reason is ExceptionReason.ABSENCE_FROM_AREA
        assert by_id["C003"].excepted
        assert not by_id["C001"].excepted

    def test_no_personal_data_in_problems_or_cases(self):
        """Names, birth dates, UPNs and the note never appear in problems or case reprs."""
        read = read_cases(DATA / "ehc_cases.csv")
        assert_no_personal_data(
            *(str(p) for p in read.problems),
            *(repr(p) for p in read.problems),
            *(repr(c.case_id) for c in read.cases),
        )

    def test_strict_raises_the_first_problem(self):
        """strict=True raises a RowError naming row 9 and its column."""
        with pytest.raises(RowError) as info:
            read_cases(DATA / "ehc_cases.csv", strict=True)
        assert (info.value.row, info.value.column) == (9, "ReceivedDate")
        assert_no_personal_data(str(info.value))

    def test_missing_required_column(self, tmp_path):
        """A file without ReceivedDate is refused and the needed columns are listed."""
        path = tmp_path / "cases.csv"
        path.write_text("CaseId,StartDate\nA,2024-01-01\n", encoding="utf-8")
        with pytest.raises(RowError, match="'ReceivedDate' is missing"):
            read_cases(path)

    def test_collect_lowercase_names_and_bom(self, tmp_path):
        """COLLECT's lower-case names and a UTF-8 byte-order mark are accepted."""
        path = tmp_path / "collect.csv"
        path.write_text(
            "\ufeffcaseid,receiveddate,startdate,week20\nA,2024-01-01,2024-05-20,Y\n",
            encoding="utf-8",
        )
        (case,) = read_cases(path).cases
        assert case == EhcCase(
            case_id="A", received=D(2024, 1, 1), plan_issued=D(2024, 5, 20), week20=True
        )

    def test_collect_export_dates(self):
        """COLLECT's export form 2022-Sep-28 00:00:00 is read; an impossible one is reported."""
        read = cases_from_rows(
            ["CaseId", "ReceivedDate", "StartDate"],
            [["A", "2022-Sep-28 00:00:00", "2023-Jan-9"], ["B", "2022-Feb-30", ""]],
        )
        assert (read.cases[0].received, read.cases[0].plan_issued) == (
            D(2022, 9, 28),
            D(2023, 1, 9),
        )
        assert "ReceivedDate is not a real date" in read.problems[0].reason
        assert "2022-Feb-30" not in str(read.problems[0])

    @pytest.mark.parametrize(
        ("cell", "reason"),
        [
            ("b", ExceptionReason.EARLY_YEARS_CLOSURE),
            ("10(4)(a)", ExceptionReason.SCHOOL_CLOSURE),
            ("school_closure; d", ExceptionReason.SCHOOL_CLOSURE),
        ],
    )
    def test_exception_reason_spellings(self, cell, reason):
        """Reasons may be the value, the limb letter, or the limb; several with ';'."""
        read = cases_from_rows(
            ["CaseId", "ReceivedDate", "ExceptionReason"], [["A", "2024-01-01", cell]]
        )
        assert read.cases[0].exceptions[0].reason is reason

    def test_unknown_exception_reason(self):
        """An unknown reason is a problem naming the accepted values."""
        read = cases_from_rows(
            ["CaseId", "ReceivedDate", "ExceptionReason"],
            [["A", "2024-01-01", "illness"]],
        )
        assert not read.cases
        assert "personal_circumstances" in read.problems[0].reason

    def test_reason_with_week20_zero_is_a_problem(self):
        """An exception reason contradicting Week20 = 0 is reported, not guessed."""
        read = cases_from_rows(
            ["CaseId", "ReceivedDate", "Week20", "ExceptionReason"],
            [["A", "2024-01-01", "0", "c"]],
        )
        assert read.problems[0].column == "ExceptionReason"

    def test_blank_rows_are_skipped(self):
        """Wholly blank rows (spreadsheet padding) are neither cases nor problems."""
        read = cases_from_rows(
            ["CaseId", "ReceivedDate"], [["", ""], ["A", "2024-01-01"], []]
        )
        assert len(read.cases) == 1
        assert not read.problems

    def test_unknown_suffix_and_missing_file(self, tmp_path):
        """Only .csv, .xlsx and .xml are read; a missing file is named."""
        with pytest.raises(InvalidInputError, match=r"\.csv"):
            read_cases(tmp_path / "cases.txt")
        with pytest.raises(InvalidInputError, match="does not exist"):
            read_cases(tmp_path / "absent.csv")


class TestRoundTrip:
    @pytest.mark.parametrize("write", [write_cases, write_steps])
    def test_an_unwritable_path_is_a_one_line_sendkit_error(self, tmp_path, write):
        """A missing folder is an InvalidInputError naming the file, not an OSError."""
        target = tmp_path / "nonexistent" / "out.csv"
        with pytest.raises(InvalidInputError) as caught:
            write([], target)
        message = str(caught.value)
        assert message == f"cannot write {str(target)!r}: its folder does not exist"
        assert caught.value.__suppress_context__

    @settings(
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.too_slow,
        ]
    )
    @given(caseloads(max_size=15))
    def test_csv_round_trip(self, tmp_path, cases):
        """Any valid caseload written in the layout reads back unchanged."""
        path = tmp_path / "round.csv"
        assert write_cases(cases, path) == len(cases)
        read = read_cases(path)
        assert not read.problems
        assert list(read.cases) == cases

    @pytest.mark.parametrize("case_id", ["=SUM(A1:A9)", "+44", "-3", "@cmd", "\tX"])
    def test_formula_like_ids_are_guarded_and_read_back(self, tmp_path, case_id):
        """Ids a spreadsheet would run get an apostrophe on writing; reading removes it."""
        path = tmp_path / "guard.csv"
        case = EhcCase(case_id=case_id, received=D(2024, 1, 1))
        write_cases([case], path)
        assert path.read_text(encoding="utf-8").splitlines()[1].startswith(("'", "\"'"))
        assert read_cases(path).cases == (case,)

    def test_only_csv_is_written(self, tmp_path):
        """write_cases and write_steps refuse other suffixes."""
        with pytest.raises(InvalidInputError, match=r"\.csv"):
            write_cases([], tmp_path / "cases.xlsx")
        with pytest.raises(InvalidInputError, match=r"\.csv"):
            write_steps([], tmp_path / "steps.txt")

    def test_steps_are_guarded(self, tmp_path):
        """A formula-like case id is written with an apostrophe in the steps file."""
        from sendkit.ehc import open_steps

        steps = open_steps(
            [EhcCase(case_id="=HYPERLINK(1)", received=D(2024, 1, 1))],
            as_of=D(2024, 1, 2),
        )
        path = tmp_path / "steps.csv"
        assert write_steps(steps, path) == len(steps) == 3
        assert ",'=HYPERLINK(1)," in path.read_text(encoding="utf-8")


class TestXlsx:
    def test_workbook_with_real_dates_and_numbers(self, tmp_path):
        """Date cells, numeric ids and numeric Week20 are read from the first sheet."""
        openpyxl = pytest.importorskip("openpyxl")
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(["CaseId", "Forename", "ReceivedDate", "StartDate", "Week20"])
        sheet.append(
            [1001, "Zebedee", dt.datetime(2024, 1, 8), dt.datetime(2024, 5, 27), 0]
        )
        sheet.append([1002, "Dougal", "08/01/2024", "bad date", 1])
        path = tmp_path / "cases.xlsx"
        book.save(path)
        read = read_cases(path)
        assert read.cases == (
            EhcCase(
                case_id="1001",
                received=D(2024, 1, 8),
                plan_issued=D(2024, 5, 27),
                week20=False,
            ),
        )
        assert [(p.row, p.column) for p in read.problems] == [(3, "StartDate")]
        assert_no_personal_data(*(str(p) for p in read.problems))


class TestSen2Xml:
    def test_fixture(self):
        """One case per request, with positional opaque ids and the plan's StartDate."""
        read = read_sen2_xml(DATA / "ehc_sen2.xml")
        assert [c.case_id for c in read.cases] == [
            "999-P1-R1",
            "999-P2-R1",
            "999-P2-R2",
            "999-P3-R3",
        ]
        first = read.cases[0]
        assert (first.received, first.plan_issued, first.week20) == (
            D(2024, 1, 8),
            D(2024, 5, 27),
            False,
        )
        assert first.decided_to_assess is True
        assert first.decided_to_issue is True
        assert read.cases[1].excepted
        assert read.cases[2].plan_issued is None
        assert read.cases[2].decided_to_assess is None

    def test_problems_name_the_element_not_the_child(self):
        """Unknown elements and bad values are reported by element path only."""
        read = read_sen2_xml(DATA / "ehc_sen2.xml")
        assert [p.element for p in read.problems] == [
            "Person[2]/FavouriteColour",
            "Person[3]/Requests[1]/ReceivedDate",
            "Person[3]/Requests[2]/Assessment[1]/Week20",
        ]
        assert_no_personal_data(
            *(str(p) for p in read.problems), *(repr(c) for c in read.cases)
        )

    def test_recognised_but_unused_elements_are_listed(self):
        """Elements sendkit knows but does not use are listed by name; personal ones are not."""
        read = read_sen2_xml(DATA / "ehc_sen2.xml")
        assert "RequestOutcome" in read.ignored
        assert "PlanDetail" in read.ignored
        assert "Surname" not in read.ignored

    def test_read_cases_dispatches_xml(self):
        """read_cases reads .xml files with the SEN2 reader."""
        assert read_cases(DATA / "ehc_sen2.xml") == read_sen2_xml(DATA / "ehc_sen2.xml")

    def test_namespaces_are_ignored(self, tmp_path):
        """A default namespace on the message does not hide the elements."""
        path = tmp_path / "ns.xml"
        path.write_text(
            '<Message xmlns="urn:example"><Persons><Person><Requests>'
            "<ReceivedDate>2024-01-01</ReceivedDate></Requests></Person></Persons></Message>",
            encoding="utf-8",
        )
        (case,) = read_sen2_xml(path).cases
        assert case.case_id == "LA-P1-R1"
        assert case.received == D(2024, 1, 1)

    def test_two_plans_in_one_request_are_not_guessed(self, tmp_path):
        """Two assessments each with a plan: the request is left out and reported."""
        plan = (
            "<Assessment><Week20>0</Week20><NamedPlan><StartDate>{}</StartDate>"
            "</NamedPlan></Assessment>"
        )
        path = tmp_path / "two.xml"
        path.write_text(
            "<Message><Persons><Person><Requests><ReceivedDate>2024-01-01</ReceivedDate>"
            + plan.format("2024-05-01")
            + plan.format("2024-06-01")
            + "</Requests></Person></Persons></Message>",
            encoding="utf-8",
        )
        read = read_sen2_xml(path)
        assert not read.cases
        assert "left out" in read.problems[0].reason

    def test_date_order_is_checked(self, tmp_path):
        """A plan dated before the request is reported, not read."""
        path = tmp_path / "order.xml"
        path.write_text(
            "<Message><Persons><Person><Requests><ReceivedDate>2024-03-01</ReceivedDate>"
            "<Assessment><NamedPlan><StartDate>2024-01-01</StartDate></NamedPlan></Assessment>"
            "</Requests></Person></Persons></Message>",
            encoding="utf-8",
        )
        read = read_sen2_xml(path)
        assert not read.cases
        assert read.problems[0].element.endswith("StartDate")

    @pytest.mark.parametrize(
        ("text", "match"),
        [
            ("<Persons/>", "root element is 'Persons'"),
            ("<Message><Persons>", "not well-formed"),
        ],
    )
    def test_not_a_sen2_file(self, tmp_path, text, match):
        """Malformed XML or another root element is refused with a one-line reason."""
        path = tmp_path / "bad.xml"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(InvalidInputError, match=match):
            read_sen2_xml(path)

    def test_strict(self):
        """strict=True raises at the first unknown element."""
        with pytest.raises(RowError, match="FavouriteColour"):
            read_sen2_xml(DATA / "ehc_sen2.xml", strict=True)


def to_sen2_xml(cases: list[EhcCase], forename: str) -> str:
    """One Person per case, each with one request (a test helper)."""

    def el(name: str, value: object) -> str:
        if value is None:
            return ""
        text = int(value) if isinstance(value, bool) else value
        return f"<{name}>{text}</{name}>"

    people = []
    for c in cases:
        plan = (
            f"<NamedPlan>{el('StartDate', c.plan_issued)}<PB>0</PB></NamedPlan>"
            if c.plan_issued
            else ""
        )
        assessed = c.assessment_outcome_date or c.week20 is not None or c.plan_issued
        assessment = (
            f"<Assessment>{el('AssessmentOutcomeDate', c.assessment_outcome_date)}"
            f"{el('Week20', c.week20)}{plan}</Assessment>"
            if assessed
            else ""
        )
        people.append(
            f"<Person><Forename>{forename}</Forename><PersonBirthDate>2011-11-11</PersonBirthDate>"
            f"<Requests>{el('ReceivedDate', c.received)}{el('RequestOutcomeDate', c.request_outcome_date)}"
            f"{assessment}</Requests></Person>"
        )
    return (
        "<Message><Header><Source><LEA>123</LEA></Source></Header>"
        f"<Persons>{''.join(people)}</Persons></Message>"
    )


class TestSen2XmlProperties:
    @settings(
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.too_slow,
        ]
    )
    @given(
        caseloads(max_size=12),
        st.text(
            alphabet=st.characters(categories=["Lu", "Ll"]), min_size=6, max_size=12
        ),
    )
    def test_round_trip_and_no_leak(self, tmp_path, cases, forename):
        """The SEN2 dates and Week20 read back unchanged; the planted name never appears."""
        path = tmp_path / "gen.xml"
        path.write_text(to_sen2_xml(cases, forename), encoding="utf-8")
        read = read_sen2_xml(path)
        assert not read.problems
        assert [c.case_id for c in read.cases] == [
            f"123-P{i}-R1" for i in range(1, len(cases) + 1)
        ]
        fields = (
            "received",
            "request_outcome_date",
            "assessment_outcome_date",
            "plan_issued",
            "week20",
        )
        for got, want in zip(read.cases, cases, strict=True):
            assert [getattr(got, f) for f in fields] == [
                getattr(want, f) for f in fields
            ]
            assert got.decided_to_issue is (True if want.plan_issued else None)
        dump = "\n".join(
            [
                *(c.case_id for c in read.cases),
                *(str(p) for p in read.problems),
                *read.ignored,
            ]
        )
        assert forename not in dump
        assert "2011-11-11" not in dump


class TestQueries:
    def test_out_of_order_dates_and_missing_week20_are_queried_not_dropped(self):
        """A plan before its assessment decision, and a blank Week20, are queries; the case stays."""
        read = cases_from_rows(
            ["CaseId", "ReceivedDate", "AssessmentOutcomeDate", "StartDate", "Week20"],
            [["A", "2024-01-01", "2024-05-01", "2024-04-01", ""]],
            source="q.csv",
        )
        assert len(read.cases) == 1
        assert not read.problems
        assert [(q.row, q.column) for q in read.queries] == [
            (2, "StartDate"),
            (2, "Week20"),
        ]
        assert "sendkit check" in read.queries[0].reason

    def test_xml_dates_after_the_reference_date(self, tmp_path):
        """An XML date after the header's ReferenceDate is queried, with its element path."""
        path = tmp_path / "ref.xml"
        path.write_text(
            "<Message><Header><CollectionDetails><ReferenceDate>2024-01-18</ReferenceDate>"
            "</CollectionDetails></Header><Persons><Person><Requests>"
            "<ReceivedDate>2023-06-01</ReceivedDate><Assessment><Week20>0</Week20>"
            "<NamedPlan><StartDate>2024-02-01</StartDate></NamedPlan></Assessment>"
            "</Requests></Person></Persons></Message>",
            encoding="utf-8",
        )
        read = read_sen2_xml(path)
        assert len(read.cases) == 1
        assert [q.element for q in read.queries] == [
            "Person[1]/Requests[1]/Assessment/NamedPlan/StartDate"
        ]
        assert "ReferenceDate 2024-01-18" in read.queries[0].reason


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


class TestErrorsNeverEchoCellValues:
    """Problems in a caseload file name the row and column, never the value in the cell."""

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
    def test_strict_reading_errors_name_row_and_column_only(self, row):
        """strict=True raises a RowError naming the row; its text holds no planted value."""
        with pytest.raises(RowError) as info:
            cases_from_rows(HEADER, [row], strict=True, source="planted.csv")
        assert info.value.row == 2
        assert_nothing_planted(str(info.value), repr(info.value.args))

    def test_xlsx_problems_name_row_and_column_only(self, tmp_path):
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

    def test_xml_problems_name_the_element_only(self, tmp_path):
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
    def test_command_line_errors_echo_no_value(self, capsys, tmp_path, argv):
        """Neither stdout nor stderr shows a planted value, with or without --json."""
        path = write_planted_csv(tmp_path / "planted.csv")
        code = main(["ehc", argv[0], str(path), *argv[1:]])
        out, err = capsys.readouterr()
        assert code == (2 if "--strict" in argv else 0)
        assert "row 2" in err
        assert_nothing_planted(out, err)


class TestInconsistentCasesAreQueried:
    """A case whose SEN2 steps contradict each other is counted as DfE counts it and queried."""

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

    def test_queries_are_listed_in_json_output(self, capsys, tmp_path):
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


class TestExcelSerialDates:
    """Numbers in date cells are read as 1900-system Excel serials, and only there."""

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
    def test_numbers_outside_the_serial_range_are_refused(self, serial, match):
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

    def test_workbook_number_cells_are_1900_serials(self, tmp_path):
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

    @given(
        day=st.dates(min_value=D(1904, 1, 2), max_value=D(9999, 12, 31)),
        day0=st.sampled_from([D(1904, 1, 1), D(1899, 12, 30), D(1900, 1, 1)]),
    )
    def test_a_serial_counts_from_the_files_own_day_0(self, day, day0):
        """A number in a date column is that many days after the file's day 0."""
        serial = (day - day0).days
        read = cases_from_rows(
            ["CaseId", "ReceivedDate"], [["R1", serial]], source="s", date_serials=day0
        )
        assert [c.received for c in read.cases] == [day]

    def test_a_serial_below_1_in_another_date_system_is_refused(self):
        read = cases_from_rows(
            ["CaseId", "ReceivedDate"],
            [["R1", 0], ["R2", -5]],
            source="s",
            date_serials=D(1904, 1, 1),
        )
        assert read.cases == ()
        assert [(p.row, p.column) for p in read.problems] == [
            (2, "ReceivedDate"),
            (3, "ReceivedDate"),
        ]
        assert all("date system" in p.reason for p in read.problems)

    def test_1904_workbook_numbers_count_from_1_january_1904(self, tmp_path):
        """In a 1904-system workbook a number is a 1904 serial, never four years off."""
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
        assert read.problems == ()
        # 43837 days after 1 January 1904 is 8 January 2024 (in the 1900
        # system the same number would be 7 January 2020).
        assert [c.received for c in read.cases] == [D(2024, 1, 8), D(2024, 1, 8)]
