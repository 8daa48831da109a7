"""Readers of Ofsted's area SEND files: the real published files, and mangled ones."""

from __future__ import annotations

import collections
import csv
import datetime as dt
import io
import zipfile
from xml.sax.saxutils import escape

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sendkit.errors import InvalidInputError
from sendkit.inspections import Framework, Outcome, RevisitOutcome, WsoaOutcome
from sendkit.io import (
    LEGACY_COLUMNS,
    MI_COLUMNS,
    FileFormat,
    read_inspections,
    read_ofsted_legacy,
    read_ofsted_mi,
)
from sendkit.io._sheets import read_sheets

D = dt.date
MI_NAMES = [name.rstrip("*") for name in MI_COLUMNS]
LEGACY_NAMES = [name.rstrip("*") for name in LEGACY_COLUMNS]


@pytest.fixture
def mi_csv(ofsted_dir):
    return ofsted_dir / "mi_area_send_jan_to_aug_2023.csv"


@pytest.fixture
def legacy_ods(ofsted_dir):
    return ofsted_dir / "Area_SEND_inspection_data_01_May_2016_to_31_August_2022.ods"


class TestRealMiFile:
    def test_counts_by_outcome(self, mi_csv):
        """16 partnerships: 5 positive, 6 inconsistent, 5 systemic (Ofsted MI, January to August 2023)."""
        result = read_ofsted_mi(mi_csv)
        assert result.format == FileFormat.MI
        assert result.framework is Framework.AREA_SEND_2023
        assert result.rows == 16
        assert result.problems == ()
        assert result.notes == ()
        counts = collections.Counter(one.outcome for one in result.inspections)
        assert counts == {
            Outcome.POSITIVE: 5,
            Outcome.INCONSISTENT: 6,
            Outcome.SYSTEMIC: 5,
        }

    def test_known_partnerships(self, mi_csv):
        """Nottinghamshire and Oxfordshire are read as Ofsted published them."""
        by_area = {one.local_area: one for one in read_inspections(mi_csv).inspections}
        notts = by_area["Nottinghamshire"]
        assert notts.start == D(2023, 1, 30)
        assert notts.published == D(2023, 5, 16)
        assert notts.outcome is Outcome.SYSTEMIC
        assert notts.priority_actions == 2
        assert notts.ofsted_region == "East Midlands"
        assert notts.received_is_assumed
        assert by_area["Oxfordshire"].priority_actions == 5
        assert by_area["Hertfordshire"].published == D(2023, 11, 10)
        assert by_area["Hartlepool"].outcome is Outcome.POSITIVE
        assert by_area["Hartlepool"].priority_actions is None

    def test_priority_actions_only_for_outcome_3(self, mi_csv):
        """Every outcome-3 row has 2 or 5 areas for priority action, the others none."""
        for one in read_inspections(mi_csv).inspections:
            if one.outcome is Outcome.SYSTEMIC:
                assert one.priority_actions in {2, 5}
            else:
                assert one.priority_actions is None

    @pytest.mark.parametrize("suffix", [".xlsx", ".ods"])
    def test_same_rows_from_a_spreadsheet_with_ofsted_names(
        self, mi_csv, tmp_path, suffix
    ):
        """The MI file as a spreadsheet, title rows above the header, reads the same."""
        with mi_csv.open(newline="", encoding="utf-8") as handle:
            records = list(csv.reader(handle))
        rows = [
            ["Area SEND inspections: management information"],
            [],
            ["Source: Ofsted"],
        ]
        rows.append(
            MI_NAMES[:1]
            + [name for name in MI_NAMES if name != "Local authority code"][1:]
        )
        for record in records[1:]:
            cells: list[object] = [
                "https://reports.ofsted.gov.uk/",
                *record[2:5],
            ]
            cells += [_uk_date(record[4]), _uk_date(record[5]), record[6], record[7]]
            cells.append(None if record[8] == "NA" else int(record[8]))
            del cells[3]  # the start date as text; keep the real date cells
            rows.append(cells)
        path = tmp_path / f"mi{suffix}"
        (_write_xlsx if suffix == ".xlsx" else _write_ods)(
            path, rows, sheet="All_ASEND"
        )
        from_sheet = read_inspections(path)
        from_csv = read_inspections(mi_csv)
        assert from_sheet.header_row == 4
        assert from_sheet.problems == ()
        strip = [
            (
                one.local_area,
                one.start,
                one.published,
                one.outcome,
                one.priority_actions,
            )
            for one in from_sheet.inspections
        ]
        expected = [
            (
                one.local_area,
                one.start,
                one.published,
                one.outcome,
                one.priority_actions,
            )
            for one in from_csv.inspections
        ]
        assert strip == expected
        assert from_sheet.inspections[0].link == "https://reports.ofsted.gov.uk/"


class TestRealLegacyFile:
    def test_every_area_is_read(self, legacy_ods):
        """149 areas, header on row 5 of sheet Area_SEND_up_to_31_Aug_2022."""
        result = read_ofsted_legacy(legacy_ods)
        assert result.sheet == "Area_SEND_up_to_31_Aug_2022"
        assert result.header_row == 5
        assert result.rows == 149
        assert len(result.inspections) == 149
        assert result.problems == ()
        assert {one.framework for one in result.inspections} == {
            Framework.LOCAL_AREA_SEND_2016
        }

    def test_written_statements_and_revisits(self, legacy_ods):
        """82 statements; 46 revisits: 20 Yes, 24 Some, 2 No; 36 not yet revisited."""
        inspections = read_inspections(legacy_ods).inspections
        outcomes = collections.Counter(one.outcome for one in inspections)
        assert outcomes == {WsoaOutcome.REQUIRED: 82, WsoaOutcome.NOT_REQUIRED: 67}
        revisits = collections.Counter(
            one.revisit_outcome for one in inspections if one.revisit_outcome
        )
        assert revisits == {
            RevisitOutcome.ALL: 20,
            RevisitOutcome.SOME: 24,
            RevisitOutcome.NONE: 2,
        }
        waiting = [
            one
            for one in inspections
            if one.outcome is WsoaOutcome.REQUIRED and one.revisit_start is None
        ]
        assert len(waiting) == 36
        assert all(one.revisit_outcome is None for one in waiting)

    def test_devon_and_oxfordshire(self, legacy_ods):
        """Devon: No (0 of 4); Oxfordshire: Some (3 made, 2 not)."""
        by_area = {
            one.local_area: one for one in read_inspections(legacy_ods).inspections
        }
        devon = by_area["Devon"]
        assert devon.la_code == "E10000008"
        assert (devon.start, devon.published) == (D(2018, 12, 10), D(2019, 2, 5))
        assert (devon.revisit_start, devon.revisit_published) == (
            D(2022, 5, 23),
            D(2022, 7, 11),
        )
        assert devon.revisit_outcome is RevisitOutcome.NONE
        assert (
            devon.wsoa_weaknesses,
            devon.weaknesses_progress_made,
            devon.weaknesses_progress_not_made,
        ) == (4, 0, 4)
        assert devon.link == "https://reports.ofsted.gov.uk/provider/44/80461"
        oxon = by_area["Oxfordshire"]
        assert oxon.revisit_outcome is RevisitOutcome.SOME
        assert (oxon.weaknesses_progress_made, oxon.weaknesses_progress_not_made) == (
            3,
            2,
        )
        notts = by_area["Nottinghamshire"]
        assert notts.outcome is WsoaOutcome.NOT_REQUIRED
        assert notts.start == D(2016, 6, 20)

    def test_insisting_on_the_wrong_layout_fails_clearly(self, legacy_ods):
        """Reading the 2016-2022 file as MI names the columns expected."""
        with pytest.raises(InvalidInputError, match="'Local area partnership'"):
            read_ofsted_mi(legacy_ods)

    def test_the_ods_sheets(self, legacy_ods):
        """The ODS reader skips the million empty rows and 16,384 empty columns."""
        sheets = {sheet.name: sheet for sheet in read_sheets(legacy_ods)}
        assert list(sheets)[-1] == "Area_SEND_up_to_31_Aug_2022"
        data = sheets["Area_SEND_up_to_31_Aug_2022"]
        assert len(data.rows) == 154
        assert data.rows[-1].number == 154
        assert max(len(row.values) for row in data.rows) == 13


def _uk_date(text):
    day, month, year = (int(part) for part in text.split("/"))
    return D(year, month, day)


def _write_xlsx(path, rows, *, sheet="Sheet1"):
    book = openpyxl.Workbook()
    book.active.title = "Cover"
    book.active.append(["Cover sheet"])
    data = book.create_sheet(sheet)
    for row in rows:
        data.append(list(row))
    book.save(path)


def _ods_cell(value):
    if value is None:
        return '<table:table-cell table:number-columns-repeated="3"/>'
    if isinstance(value, dt.date):
        return (
            f'<table:table-cell office:value-type="date" office:date-value="{value.isoformat()}T00:00:00">'
            f"<text:p>{value:%d/%m/%Y}</text:p></table:table-cell>"
        )
    if isinstance(value, int | float):
        return (
            f'<table:table-cell office:value-type="float" office:value="{value}">'
            f"<text:p>{value}</text:p></table:table-cell>"
        )
    text = escape(str(value))
    return f'<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>'


def _write_ods(path, rows, *, sheet="Sheet1"):
    """Write a minimal ODS, with repeated empty cells and rows as real files have."""
    body = []
    for row in rows:
        if isinstance(row, int) or not row:  # n empty rows, written as one repeated row
            body.append(
                f'<table:table-row table:number-rows-repeated="{row or 1}"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>'
            )
            continue
        cells = []
        for value in row:
            if value is None:
                cells.append("<table:table-cell/>")
            else:
                cells.append(_ods_cell(value))
        cells.append('<table:table-cell table:number-columns-repeated="16000"/>')
        body.append(f"<table:table-row>{''.join(cells)}</table:table-row>")
    body.append(
        '<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>'
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
        "<office:body><office:spreadsheet>"
        '<table:table table:name="Notes"><table:table-row><table:table-cell office:value-type="string"><text:p>Notes</text:p></table:table-cell></table:table-row></table:table>'
        f'<table:table table:name="{sheet}">{"".join(body)}</table:table>'
        "</office:spreadsheet></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)


class TestOdsDetails:
    def test_blank_rows_still_count_and_repeats_expand(self, tmp_path):
        """Row numbers are the sheet's; repeated cells with content are expanded."""
        path = tmp_path / "t.ods"
        _write_ods(path, [["a", None, "b"], 2, [D(2023, 5, 16), 2]])
        sheet = read_sheets(path)[1]
        assert [row.number for row in sheet.rows] == [1, 4]
        assert sheet.rows[0].values == ("a", None, "b")
        assert sheet.rows[1].values == (D(2023, 5, 16), 2)

    def test_spaces_and_links(self, tmp_path):
        """text:s runs become spaces; text:a links are kept."""
        content = (
            '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
            'xmlns:xlink="http://www.w3.org/1999/xlink"><office:body><office:spreadsheet>'
            '<table:table table:name="S"><table:table-row>'
            '<table:table-cell office:value-type="string" table:number-columns-repeated="2"><text:p>a<text:s text:c="3"/>b</text:p></table:table-cell>'
            '<table:table-cell office:value-type="string"><text:p><text:a xlink:href="https://x.example/">Report</text:a></text:p></table:table-cell>'
            "</table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"
        )
        path = tmp_path / "s.ods"
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("content.xml", content)
        (row,) = read_sheets(path)[0].rows
        assert row.values == ("a   b", "a   b", "Report")
        assert row.links == ((2, "https://x.example/"),)

    @pytest.mark.parametrize(
        ("name", "data", "message"),
        [
            ("bad.ods", b"not a zip", "not a readable ODS"),
            ("bad.xlsx", b"not a zip", "not a readable XLSX"),
            ("bad.pdf", b"%PDF", "not a .csv, .ods or .xlsx"),
        ],
    )
    def test_unreadable_files(self, tmp_path, name, data, message):
        """A damaged or foreign file is one clear error."""
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(InvalidInputError, match=message):
            read_inspections(path)

    def test_missing_file(self, tmp_path):
        """A missing file is named."""
        with pytest.raises(InvalidInputError, match="does not exist"):
            read_inspections(tmp_path / "nope.csv")

    def test_damaged_xml(self, tmp_path):
        """An ODS whose content.xml is not XML is reported."""
        path = tmp_path / "d.ods"
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("content.xml", "<broken")
        with pytest.raises(InvalidInputError, match=r"damaged content\.xml"):
            read_inspections(path)


def _csv_text(rows):
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue()


class TestRowProblems:
    def test_each_bad_row_is_reported_with_its_number(self, tmp_path):
        """Bad rows give problems naming the row and column; good rows are read."""
        rows = [
            [
                "Local area partnership",
                "Ofsted region",
                "Inspection start date",
                "Inspection publication date",
                "Inspection outcome",
                "Priority action plan required?",
                "Number of areas for priority action",
            ],
            [
                "Nottinghamshire",
                "East Midlands",
                "30/01/2023",
                "16/05/2023",
                "Widespread and/or systemic failings",
                "Yes",
                "2",
            ],
            ["Bad date", "London", "31/02/2023", "16/05/2023", "Positive", "No", ""],
            ["", "London", "01/02/2023", "16/05/2023", "Positive", "No", ""],
            ["Bad outcome", "London", "01/02/2023", "16/05/2023", "Good", "No", ""],
            ["Mismatch", "London", "01/02/2023", "16/05/2023", "Positive", "Yes", ""],
            ["APA on 1", "London", "01/02/2023", "16/05/2023", "Positive", "No", "2"],
            ["Backwards", "London", "01/06/2023", "16/05/2023", "Positive", "No", ""],
            ["Count", "London", "01/02/2023", "16/05/2023", "systemic", "Yes", "two"],
            ["US date", "London", "02/13/2023", "16/05/2023", "systemic", "Yes", "2"],
        ]
        path = tmp_path / "mi.csv"
        path.write_text(_csv_text(rows), encoding="utf-8")
        result = read_inspections(path)
        assert [one.local_area for one in result.inspections] == ["Nottinghamshire"]
        problems = {problem.row: problem for problem in result.problems}
        assert sorted(problems) == list(range(3, 11))
        assert problems[3].column == "Inspection start date"
        assert "that month has no such day" in problems[3].reason
        assert problems[4].column == "Local area partnership"
        assert problems[5].column == "Inspection outcome"
        assert problems[6].column == "Priority action plan required?"
        assert "only a 'systemic' outcome" in problems[7].reason
        assert "is before start" in problems[8].reason
        assert problems[9].reason == "'two' is not a whole number"
        assert "the month is not 1-12" in problems[10].reason
        assert str(problems[3]).startswith("row 3, column 'Inspection start date': ")

    def test_missing_optional_columns_are_noted(self, tmp_path):
        """A file with only the required columns reads, with a note per missing column."""
        path = tmp_path / "mi.csv"
        path.write_text(
            "Local area partnership,Inspection outcome\nRutland,1\n", encoding="utf-8"
        )
        result = read_inspections(path)
        assert result.inspections[0].outcome is Outcome.POSITIVE
        assert (
            "column 'Inspection publication date' not found; left empty" in result.notes
        )

    def test_no_header_is_an_error_naming_the_columns(self, tmp_path):
        """A file that is not an Ofsted file says which columns were expected."""
        path = tmp_path / "x.csv"
        path.write_text("a,b\n1,2\n", encoding="utf-8")
        with pytest.raises(InvalidInputError, match="'Area name'"):
            read_inspections(path)

    def test_sheet_choice(self, tmp_path, legacy_ods):
        """An unknown sheet name lists the sheets."""
        with pytest.raises(InvalidInputError, match="'Cover'"):
            read_inspections(legacy_ods, sheet="Nope")
        result = read_inspections(legacy_ods, sheet="Area_SEND_up_to_31_Aug_2022")
        assert result.rows == 149

    def test_unknown_layout(self, mi_csv):
        """Only the two known layouts can be insisted on."""
        with pytest.raises(InvalidInputError, match="layout 'x' is not known"):
            read_inspections(mi_csv, layout="x")

    def test_legacy_problems(self, tmp_path):
        """Inconsistent 2016-2022 rows are reported, not guessed."""
        header = LEGACY_NAMES
        good = [
            "",
            "E10000008",
            "Devon",
            "South West",
            "10/12/2018",
            "05/02/2019",
            "Yes",
            "4",
            "23/05/2022",
            "11/07/2022",
            "No",
            "0",
            "4",
        ]
        rows = [
            ["Title"],
            header,
            good,
            [*good[:10], "Yes", "0", "4"],  # Yes but none made
            [*good[:6], "No", "", "Not revisited yet", "", "", "", ""],
            [
                *good[:6],
                "Yes",
                "4",
                "Not revisited yet",
                "",
                "Not revisited yet",
                "",
                "",
            ],
            [*good[:10], "Maybe", "0", "4"],
            [*good[:11], "1", "4"],  # 1 + 4 != 4
            [*good[:6], "Perhaps", "", "", "", "", "", ""],
            [good[0], "E100", *good[2:]],
        ]
        path = tmp_path / "legacy.csv"
        path.write_text(_csv_text(rows), encoding="utf-8")
        result = read_inspections(path)
        assert result.header_row == 2
        assert [one.local_area for one in result.inspections] == ["Devon", "Devon"]
        reasons = {problem.row: problem.reason for problem in result.problems}
        assert sorted(reasons) == [4, 5, 7, 8, 9, 10]
        assert "does not match" in reasons[4]
        assert "'Not revisited yet' but the outcome is 'No'" in reasons[5]
        assert "is not Yes, Some, No" in reasons[7]
        assert "do not add up" in reasons[8]
        assert "is not Yes or No" in reasons[9]
        assert "nine-character ONS code" in reasons[10]


_JUNK = st.one_of(
    st.text(max_size=12),
    st.sampled_from(
        [
            "",
            "NA",
            "-",
            "Yes",
            "No",
            "Some",
            "3",
            "2",
            "-1",
            "1e3",
            "31/02/2023",
            "2023-05-16",
            "16/05/2023",
            "02/13/2023",
            "Not revisited yet",
            "=1+1",
            "Widespread and/or systemic failings",
            "positive",
            "E10000008",
        ]
    ),
)


@settings(
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    max_examples=60,
)
@given(
    layout=st.sampled_from(["mi", "legacy"]),
    rows=st.lists(st.lists(_JUNK, min_size=0, max_size=14), min_size=1, max_size=8),
)
def test_mangled_rows_are_reported_never_dropped(tmp_path_factory, layout, rows):
    """Any rows below a known header: no crash, and rows in = inspections + problems."""
    header = MI_NAMES if layout == "mi" else LEGACY_NAMES
    path = tmp_path_factory.mktemp("mangled") / "f.csv"
    path.write_text(_csv_text([["A title row"], header, *rows]), encoding="utf-8")
    result = read_inspections(path)
    non_empty = [row for row in rows if any(cell.strip() for cell in row)]
    assert result.rows == len(non_empty)
    assert len(result.inspections) + len(result.problems) == result.rows
    assert all(3 <= problem.row <= len(rows) + 2 for problem in result.problems)
    assert all(problem.reason for problem in result.problems)


@settings(
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    max_examples=30,
)
@given(
    rows=st.lists(
        st.one_of(
            st.integers(1, 3),  # a run of empty rows
            st.lists(
                st.one_of(
                    st.none(),
                    st.dates(),
                    st.integers(-5, 200),
                    st.text(
                        st.characters(blacklist_categories=("Cs", "Cc")), max_size=12
                    ),
                    _JUNK.filter(lambda text: text.isprintable()),
                ),
                max_size=10,
            ),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_mangled_ods_rows_are_reported_never_dropped(tmp_path_factory, rows):
    """The same holds for ODS cells of every type, with empty rows in between."""
    path = tmp_path_factory.mktemp("mangled") / "f.ods"
    _write_ods(path, [["Title"], MI_NAMES, *rows])
    result = read_inspections(path)
    assert len(result.inspections) + len(result.problems) == result.rows
    assert result.rows <= sum(1 for row in rows if not isinstance(row, int))


@settings(
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    max_examples=15,
)
@given(
    rows=st.lists(
        st.lists(
            st.one_of(
                st.none(),
                st.dates(min_value=D(1990, 1, 1), max_value=D(2040, 1, 1)),
                st.integers(-5, 200),
                st.floats(allow_nan=False, allow_infinity=False, width=32),
                _JUNK.filter(
                    lambda text: text.isprintable() and not text.startswith("=")
                ),
            ),
            max_size=14,
        ),
        min_size=1,
        max_size=6,
    )
)
def test_mangled_xlsx_rows_are_reported_never_dropped(tmp_path_factory, rows):
    """XLSX cells of every type below a legacy header: rows in = inspections + problems."""
    path = tmp_path_factory.mktemp("mangled") / "f.xlsx"
    _write_xlsx(path, [["Title"], [], LEGACY_NAMES, *rows], sheet="Data")
    result = read_inspections(path)
    assert result.header_row == 3
    assert len(result.inspections) + len(result.problems) == result.rows
    assert all(problem.row > 3 for problem in result.problems)
