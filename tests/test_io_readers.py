"""One reader test suite: every reader and every file-reading command, hostile input.

Each reader (trackers as CSV and XLSX, Ofsted files as CSV, XLSX and ODS,
caseloads as CSV, XLSX and ODS, SEN2 XML) is run against the corpus in
``tests/data/hostile`` (see its README): a damaged file is one `SendkitError`
line naming the file, never another exception; a text file in any of the
encodings Excel saves is read the same; a cell over 128 KB is refused by row.
Every command that reads a file then gets the same files: exit code 2 (or 1
when the file was read but no row was usable), no traceback, and no value from
a children's-data cell in its output.
"""

from __future__ import annotations

import datetime as dt
import pathlib
import shutil
import zipfile
from collections.abc import Callable
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sendkit.cli import main
from sendkit.ehc import EhcCase
from sendkit.errors import InvalidInputError, SendkitError
from sendkit.inspections import Framework as _Framework
from sendkit.inspections import Inspection, Outcome
from sendkit.io import (
    read_cases,
    read_dfe_file,
    read_inspections,
    read_plan,
    write_cases,
    write_plan,
)
from sendkit.plans import plan_from_inspection

from .conftest import write_dfe_timeliness

HOSTILE = pathlib.Path(__file__).resolve().parent / "data" / "hostile"
SECRET = "SECRET-"  # noqa: S105 - a marker for children's data, not a password
#: Text that is not ASCII and is spelled differently in every encoding.
ACCENTS = "Renée\u2019s café £5"

# -- valid samples in each reader's layout -------------------------------------------


def _tracker(path: pathlib.Path) -> None:
    inspection = Inspection(
        local_area=ACCENTS,
        framework=_Framework.AREA_SEND_2023,
        outcome=Outcome.SYSTEMIC,
        report_received=dt.date(2024, 12, 2),
        areas_for_priority_action=("Waiting times", "Transitions"),
    )
    plan = plan_from_inspection(inspection, title=ACCENTS)
    write_plan(plan, path)


OUTCOME = "Typically positive experiences and outcomes"


def _ofsted_rows() -> list[list[str]]:
    return [
        ["Local area partnership", "Inspection outcome"],
        [ACCENTS, OUTCOME],
        ["Rutland", OUTCOME],
    ]


def _ofsted(path: pathlib.Path) -> None:
    rows = _ofsted_rows()
    if path.suffix == ".csv":
        path.write_text(_csv(rows), encoding="utf-8")
    elif path.suffix == ".xlsx":
        _xlsx(path, rows)
    else:
        _ods(path, rows)


def _cases(path: pathlib.Path) -> None:
    rows = [
        ["CaseId", "Forename", "ReceivedDate", "StartDate", "Week20", "ExceptionNote"],
        ["H001", f"{SECRET}Zoë", "08/01/2024", "27/05/2024", "0", ACCENTS],
        ["H002", f"{SECRET}Renée", "2024-01-15", "2024-06-03", "1", ""],
    ]
    if path.suffix == ".csv":
        path.write_text(_csv(rows), encoding="utf-8")
    elif path.suffix == ".ods":
        _ods(path, rows)
    else:
        _xlsx(path, rows)


def _dfe(path: pathlib.Path) -> None:
    """A DfE 20-week timeliness file with one council row (name with accents)."""
    write_dfe_timeliness(path, la_name=ACCENTS, plans_issued_den="1400")


def _sen2(path: pathlib.Path) -> None:
    shutil.copy(HOSTILE.parent / "ehc_sen2.xml", path)


def _csv(rows: list[list[str]]) -> str:
    return "".join(",".join(row) + "\r\n" for row in rows)


def _xlsx(path: pathlib.Path, rows: list[list[str]]) -> None:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)


def _ods(path: pathlib.Path, rows: list[list[str]]) -> None:
    from xml.sax.saxutils import escape

    body = "".join(
        "<table:table-row>"
        + "".join(
            f'<table:table-cell office:value-type="string"><text:p>{escape(cell)}'
            "</text:p></table:table-cell>"
            for cell in row
        )
        + "</table:table-row>"
        for row in rows
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
        '<office:body><office:spreadsheet><table:table table:name="Sheet1">'
        f"{body}</table:table></office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)


class Reader:
    """A reader under test: its name, suffix, function and a valid sample."""

    def __init__(
        self,
        name: str,
        suffix: str,
        read: Callable[[pathlib.Path], Any],
        sample: Callable[[pathlib.Path], None],
        *,
        children: bool,
    ) -> None:
        self.name = name
        self.suffix = suffix
        self.read = read
        self.sample = sample
        #: Whether the file holds children's data (no cell value may be shown).
        self.children = children

    def __repr__(self) -> str:
        return self.name


READERS = [
    Reader("plans-csv", ".csv", read_plan, _tracker, children=False),
    Reader("plans-xlsx", ".xlsx", read_plan, _tracker, children=False),
    Reader("inspections-csv", ".csv", read_inspections, _ofsted, children=False),
    Reader("inspections-xlsx", ".xlsx", read_inspections, _ofsted, children=False),
    Reader("inspections-ods", ".ods", read_inspections, _ofsted, children=False),
    Reader("ehc-csv", ".csv", read_cases, _cases, children=True),
    Reader("ehc-xlsx", ".xlsx", read_cases, _cases, children=True),
    Reader("ehc-ods", ".ods", read_cases, _cases, children=True),
    Reader("sen2-xml", ".xml", read_cases, _sen2, children=True),
    Reader("dfe-csv", ".csv", read_dfe_file, _dfe, children=False),
]
CSV_READERS = [reader for reader in READERS if reader.suffix == ".csv"]
BY_NAME = {reader.name: reader for reader in READERS}


def _summary(result: Any) -> Any:
    """What a reader gave, comparable across encodings."""
    if hasattr(result, "cases"):
        return (result.cases, [str(p) for p in result.problems])
    if hasattr(result, "inspections"):
        return (result.inspections, [str(p) for p in result.problems])
    if hasattr(result, "years"):  # a DfE file
        return (result.kind, result.rows)
    return result


# -- damaged files: one line naming the file -------------------------------------------


def _damaged(kind: str, folder: pathlib.Path, suffix: str) -> pathlib.Path:
    path = folder / f"{kind}{suffix}"
    if kind == "binary":
        shutil.copy(HOSTILE / "binary.bin", path)
    elif kind == "truncated":
        shutil.copy(HOSTILE / "truncated.xlsx", path)
    elif kind == "empty":
        shutil.copy(HOSTILE / "empty.csv", path)
    elif kind == "folder":
        path.mkdir()
    # "missing": nothing is made
    return path


DAMAGE = ["binary", "truncated", "empty", "folder", "missing"]


@pytest.mark.parametrize("kind", DAMAGE)
@pytest.mark.parametrize("reader", READERS, ids=repr)
def test_a_damaged_file_is_one_sendkit_error_line_naming_it(reader, kind, tmp_path):
    path = _damaged(kind, tmp_path, reader.suffix)
    with pytest.raises(SendkitError) as caught:
        reader.read(path)
    message = str(caught.value)
    assert path.name in message
    assert "\n" not in message.strip(), message
    assert isinstance(caught.value, InvalidInputError)


@pytest.mark.parametrize("reader", READERS, ids=repr)
def test_the_valid_sample_reads(reader, tmp_path):
    path = tmp_path / f"sample{reader.suffix}"
    reader.sample(path)
    assert _summary(reader.read(path))


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "cp1252"])
@pytest.mark.parametrize("reader", CSV_READERS, ids=repr)
def test_every_encoding_excel_saves_reads_the_same(reader, encoding, tmp_path):
    plain = tmp_path / "utf8.csv"
    reader.sample(plain)
    text = plain.read_bytes().decode("utf-8-sig")
    assert ACCENTS in text
    other = tmp_path / f"{encoding}.csv"
    other.write_bytes(text.encode(encoding))
    assert _summary(reader.read(other)) == _summary(reader.read(plain))


@pytest.mark.parametrize("reader", CSV_READERS, ids=repr)
def test_a_cell_over_128_kb_is_refused_by_line_without_its_text(reader, tmp_path):
    plain = tmp_path / "sample.csv"
    reader.sample(plain)
    lines = plain.read_text(encoding="utf-8-sig").splitlines()
    huge = SECRET + "x" * 140_000
    lines.append(lines[-1].replace(lines[-1].split(",")[0], huge, 1))
    path = tmp_path / "huge.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InvalidInputError) as caught:
        reader.read(path)
    message = str(caught.value)
    assert "longer than 131,072 characters" in message
    assert f"line {len(lines)}" in message
    assert SECRET not in message
    assert len(message) < 400


def test_an_ehc_ods_sheet_reads_as_its_csv_does(tmp_path):
    _cases(tmp_path / "cases.csv")
    _cases(tmp_path / "cases.ods")
    assert _summary(read_cases(tmp_path / "cases.ods")) == _summary(
        read_cases(tmp_path / "cases.csv")
    )


def _ods_typed(path: pathlib.Path, rows: list[str]) -> None:
    """An ODS file whose rows are given as table-row XML (typed cells)."""
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
        '<office:body><office:spreadsheet><table:table table:name="Cases">'
        f"{''.join(rows)}</table:table></office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)


def _text_cell(text: str) -> str:
    return f'<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>'


def test_an_ehc_ods_reads_date_cells_serials_and_numbers_rows_as_calc_shows_them(
    tmp_path,
):
    header = (
        "<table:table-row>"
        + "".join(_text_cell(name) for name in ("CaseId", "ReceivedDate", "StartDate"))
        + "</table:table-row>"
    )
    dated = (
        "<table:table-row>"
        + _text_cell("R1")
        + '<table:table-cell office:value-type="date" office:date-value="2024-01-08">'
        "<text:p>08/01/2024</text:p></table:table-cell>"
        # a date column Calc shows as a number: day 45439 is 27 May 2024
         + '<table:table-cell office:value-type="float" office:value="45439">'
        "<text:p>45439</text:p></table:table-cell></table:table-row>"
    )
    blank = '<table:table-row table:number-rows-repeated="3"><table:table-cell/></table:table-row>'
    bad = (
        "<table:table-row>"
        + _text_cell("R2")
        + _text_cell(f"{SECRET}not a date")
        + "</table:table-row>"
    )
    tail = '<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>'
    path = tmp_path / "typed.ods"
    _ods_typed(path, [header, dated, blank, bad, tail])
    read = read_cases(path)
    (case,) = read.cases
    assert (case.received, case.plan_issued) == (
        dt.date(2024, 1, 8),
        dt.date(2024, 5, 27),
    )
    (problem,) = read.problems
    assert (problem.row, problem.column) == (6, "ReceivedDate")
    assert SECRET not in str(problem)


@pytest.mark.parametrize("suffix", [".xlsx", ".ods"])
def test_a_whole_caseload_reads_the_same_from_a_sheet_as_from_csv(tmp_path, suffix):
    from sendkit.io import read_caseload

    _cases(tmp_path / "cases.csv")
    _cases(tmp_path / f"cases{suffix}")
    csv_read = read_caseload(tmp_path / "cases.csv")
    sheet_read = read_caseload(tmp_path / f"cases{suffix}")
    assert (sheet_read.cases, sheet_read.plans) == (csv_read.cases, csv_read.plans)
    assert [str(p).replace(suffix, ".csv") for p in sheet_read.problems] == [
        str(p) for p in csv_read.problems
    ]


@pytest.mark.parametrize(
    ("null_date", "received"),
    [
        (None, dt.date(2024, 5, 27)),
        ("1899-12-30", dt.date(2024, 5, 27)),
        ("1904-01-01", dt.date(1904, 1, 1) + dt.timedelta(days=45439)),
    ],
)
def test_an_ods_day_number_counts_from_the_files_own_day_0(
    tmp_path, null_date, received
):
    header = (
        "<table:table-row>"
        + _text_cell("CaseId")
        + _text_cell("ReceivedDate")
        + "</table:table-row>"
    )
    row = (
        "<table:table-row>"
        + _text_cell("R1")
        + '<table:table-cell office:value-type="float" office:value="45439"/>'
        + "</table:table-row>"
    )
    path = tmp_path / "days.ods"
    _ods_typed(path, [header, row])
    if null_date is not None:
        settings = (
            "<table:calculation-settings>"
            f'<table:null-date table:date-value="{null_date}"/>'
            "</table:calculation-settings>"
        )
        content = zipfile.ZipFile(path).read("content.xml").decode()
        content = content.replace("<table:table ", settings + "<table:table ", 1)
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr(
                "mimetype", "application/vnd.oasis.opendocument.spreadsheet"
            )
            archive.writestr("content.xml", content)
    read = read_cases(path)
    assert read.problems == ()
    assert [case.received for case in read.cases] == [received]


def test_an_ods_row_repeated_past_the_last_row_is_one_line(tmp_path):
    header = (
        "<table:table-row>"
        + _text_cell("CaseId")
        + _text_cell("ReceivedDate")
        + "</table:table-row>"
    )
    flood = (
        '<table:table-row table:number-rows-repeated="2000000">'
        + _text_cell("R1")
        + _text_cell("2024-01-08")
        + "</table:table-row>"
    )
    path = tmp_path / "flood.ods"
    _ods_typed(path, [header, flood])
    with pytest.raises(InvalidInputError) as caught:
        read_cases(path)
    assert "flood.ods" in str(caught.value)
    assert "1,048,576" in str(caught.value)


def test_ehc_corpus_encodings_read_the_same():
    expected = _summary(read_cases(HOSTILE / "ehc-utf8-bom.csv"))
    for name in ("ehc-cp1252.csv", "ehc-utf16.csv"):
        assert _summary(read_cases(HOSTILE / name)) == expected
    notes = [c.exceptions for c in read_cases(HOSTILE / "ehc-cp1252.csv").cases]
    assert len(notes) == 2


def test_formula_like_cells_round_trip_through_the_ehc_csv(tmp_path):
    read = read_cases(HOSTILE / "ehc-formula.csv")
    assert [case.case_id for case in read.cases] == ["=1+1", "'=2+2", "'R3"]
    out = tmp_path / "again.csv"
    write_cases(read.cases, out)
    assert read_cases(out).cases == read.cases
    text = out.read_text()
    assert "\n'=1+1," in text
    assert "\n''=2+2," in text


@settings(
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(case_id=st.text(st.characters(blacklist_categories=("Cs",)), min_size=1))
def test_every_case_id_round_trips_through_the_ehc_csv(tmp_path, case_id):
    if not case_id.strip() or case_id != case_id.strip():
        return  # blank ids are refused, and cells are read stripped
    case = EhcCase(case_id=case_id, received=dt.date(2024, 1, 8))
    out = tmp_path / "one.csv"
    write_cases([case], out)
    assert read_cases(out).cases == (case,)


def test_extra_columns_are_ignored_by_name_and_never_read():
    read = read_cases(HOSTILE / "ehc-extra-columns.csv")
    assert [case.case_id for case in read.cases] == ["H001"]
    assert "Postcode" in read.ignored
    assert not any(SECRET in str(p) for p in (*read.problems, *read.queries))


def test_a_missing_required_column_is_one_line_naming_it():
    with pytest.raises(InvalidInputError) as caught:
        read_cases(HOSTILE / "ehc-missing-columns.csv")
    assert "'ReceivedDate' is missing" in str(caught.value)
    assert SECRET not in str(caught.value)


def test_bad_cells_are_problems_that_never_show_the_value():
    read = read_cases(HOSTILE / "ehc-bad-cells.csv")
    assert read.cases == ()
    assert [p.row for p in read.problems] == [2, 3]
    assert not any(SECRET in str(p) for p in read.problems)


def _as_general_numbers(path: pathlib.Path, *, date1904: bool) -> int:
    """Re-save a tracker with its date cells turned into "General" day numbers.

    Done as Excel does when a date column is reformatted "General": the
    Deadlines sheet's ``due`` column and the Plan sheet's date fields become
    bare serials of the workbook's date system. Returns how many cells changed.
    """
    from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900

    book = openpyxl.load_workbook(path)
    epoch = CALENDAR_MAC_1904 if date1904 else CALENDAR_WINDOWS_1900
    book.epoch = epoch
    zero = dt.date(1904, 1, 1) if date1904 else dt.date(1899, 12, 30)
    changed = 0

    def to_number(cell: Any) -> None:
        nonlocal changed
        if isinstance(cell.value, dt.datetime):
            cell.value = (cell.value.date() - zero).days
            cell.number_format = "General"
            changed += 1

    deadlines = book["Deadlines"]
    names = [cell.value for cell in deadlines[2]]  # row 1 labels, row 2 names
    column = names.index("due") + 1
    for row in range(3, deadlines.max_row + 1):
        to_number(deadlines.cell(row, column))
    plan = book["Plan"]
    for row in range(3, plan.max_row + 1):
        if plan.cell(row, 1).value in {"report_received", "review_from", "board_date"}:
            to_number(plan.cell(row, 2))
    book.save(path)
    return changed


@pytest.mark.parametrize("date1904", [False, True], ids=["1900", "1904"])
def test_a_tracker_date_column_formatted_general_is_read_as_serials(tmp_path, date1904):
    path = tmp_path / "t.xlsx"
    _tracker(path)
    plan = read_plan(path)
    assert plan.deadlines
    assert _as_general_numbers(path, date1904=date1904) >= len(plan.deadlines) + 1
    book = openpyxl.load_workbook(path)
    assert isinstance(book["Deadlines"]["B3"].value, int)
    assert (book.epoch.year == 1904) is date1904
    assert read_plan(path) == plan


# -- every command that reads a file -------------------------------------------------

COMMANDS = {
    "ehc-timeliness": (["ehc", "timeliness", "{f}", "--year", "2024"], "ehc-csv"),
    "ehc-cases": (["ehc", "cases", "{f}", "--as-of", "2024-06-01"], "ehc-csv"),
    "plan-status": (["plan", "status", "{f}", "--as-of", "2025-03-31"], "plans-xlsx"),
    "inspections": (["inspections", "{f}"], "inspections-csv"),
    "plan-new-ofsted": (
        ["plan", "new", "--ofsted", "{f}", "--local-area", "Rutland", "-o", "{o}"],
        "inspections-csv",
    ),
    "ehc-due": (["ehc", "due", "{f}", "--as-of", "2024-06-01"], "ehc-csv"),
    "benchmark-dfe": (["benchmark", "--la", "Derbyshire", "--dfe", "{f}"], "dfe-csv"),
}
SUFFIXES = {
    "ehc-timeliness": (".csv", ".xlsx", ".ods", ".xml"),
    "ehc-cases": (".csv", ".xlsx", ".ods", ".xml"),
    "plan-status": (".csv", ".xlsx"),
    "inspections": (".csv", ".xlsx", ".ods"),
    "plan-new-ofsted": (".csv", ".xlsx", ".ods"),
    "ehc-due": (".csv", ".xlsx", ".ods", ".xml"),
    "benchmark-dfe": (".csv",),
}


def _run(capsys, args: list[str]) -> tuple[int, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def _args(command: str, path: pathlib.Path) -> list[str]:
    template, _ = COMMANDS[command]
    out = path.parent / "out.xlsx"
    return [part.format(f=path, o=out) for part in template]


@pytest.mark.parametrize("kind", DAMAGE)
@pytest.mark.parametrize(
    ("command", "suffix"),
    [(command, suffix) for command in COMMANDS for suffix in SUFFIXES[command]],
)
def test_a_command_given_a_damaged_file_exits_2_with_one_line(
    command, suffix, kind, tmp_path, capsys
):
    path = _damaged(kind, tmp_path, suffix)
    code, output = _run(capsys, _args(command, path))
    assert code == 2, output
    assert "Traceback" not in output
    lines = output.strip().splitlines()
    assert len(lines) == 1, output
    assert lines[0].startswith("sendkit: ")


@pytest.mark.parametrize(
    "name",
    [
        "ehc-cp1252.csv",
        "ehc-utf16.csv",
        "ehc-utf8-bom.csv",
        "ehc-header-only.csv",
        "ehc-missing-columns.csv",
        "ehc-extra-columns.csv",
        "ehc-formula.csv",
        "ehc-bad-cells.csv",
    ],
)
@pytest.mark.parametrize("command", ["ehc-timeliness", "ehc-cases", "ehc-due"])
def test_ehc_commands_on_the_corpus_never_crash_or_show_a_value(
    command, name, tmp_path, capsys
):
    path = tmp_path / name
    shutil.copy(HOSTILE / name, path)
    code, output = _run(capsys, _args(command, path))
    assert "Traceback" not in output
    assert SECRET not in output
    if (
        command == "ehc-due"
    ):  # reads plans too: a file without requests may still hold some
        assert code in {0, 1, 2}
        if code == 1:
            assert (
                output.strip()
                .splitlines()[-1]
                .startswith("sendkit: no request or plan could be read")
            )
        return
    if name in {"ehc-header-only.csv", "ehc-bad-cells.csv"}:
        assert code == 1  # nothing read is not success
        assert (
            output.strip().splitlines()[-1].startswith("sendkit: no case could be read")
        )
    elif name == "ehc-missing-columns.csv":
        assert code == 2
    else:
        assert code == 0


def test_ehc_timeliness_reads_a_cp1252_csv_as_excel_saves_it(capsys):
    code, output = _run(
        capsys, ["ehc", "timeliness", str(HOSTILE / "ehc-cp1252.csv"), "--year", "2024"]
    )
    assert code == 0
    assert "2 cases read" in output


@pytest.mark.parametrize("reader", CSV_READERS, ids=repr)
def test_commands_refuse_a_huge_cell_in_one_line(reader, tmp_path, capsys):
    command = {
        "plans-csv": "plan-status",
        "inspections-csv": "inspections",
        "ehc-csv": "ehc-timeliness",
        "dfe-csv": "benchmark-dfe",
    }[reader.name]
    plain = tmp_path / "sample.csv"
    reader.sample(plain)
    text = plain.read_text(encoding="utf-8-sig")
    path = tmp_path / "huge.csv"
    path.write_text(text + SECRET + "y" * 140_000 + "\n", encoding="utf-8")
    code, output = _run(capsys, _args(command, path))
    assert code == 2
    assert len(output.strip().splitlines()) == 1
    assert SECRET not in output


@given(day=st.dates(min_value=dt.date(1904, 1, 2), max_value=dt.date(9999, 12, 31)))
def test_a_1904_serial_in_a_tracker_date_column_gives_back_its_day(day):
    from sendkit.io._plan_xlsx import _from_1904

    assert _from_1904((day - dt.date(1904, 1, 1)).days) == day
    assert _from_1904(float((day - dt.date(1904, 1, 1)).days)) == day


def test_a_streamed_ods_sheet_left_unread_is_skipped_to_the_next(tmp_path):
    def row(*texts: str) -> str:
        return (
            "<table:table-row>"
            + "".join(_text_cell(t) for t in texts)
            + "</table:table-row>"
        )

    notes = "".join(
        row(f"note {n}") for n in range(40)
    )  # no header in its first 30 rows
    data = row("Local area partnership", "Inspection outcome") + row("Rutland", OUTCOME)
    path = tmp_path / "two.ods"
    _ods_typed(path, [notes])  # one sheet, then rewrite with two
    content = zipfile.ZipFile(path).read("content.xml").decode()
    content = content.replace(
        "</table:table>",
        f'</table:table><table:table table:name="Data">{data}</table:table>',
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)
    result = read_inspections(path)
    assert (result.sheet, result.header_row) == ("Data", 1)
    assert [one.local_area for one in result.inspections] == ["Rutland"]
    with pytest.raises(InvalidInputError, match="its sheets are 'Cases', 'Data'"):
        read_inspections(path, sheet="Nope")


@pytest.mark.parametrize("suffix", [".xlsx", ".ods"])
@pytest.mark.parametrize(
    "name",
    [
        "ehc-utf8-bom.csv",
        "ehc-bad-cells.csv",
        "ehc-extra-columns.csv",
        "ehc-header-only.csv",
    ],
)
def test_the_ehc_corpus_as_a_spreadsheet_reads_as_its_csv_does(name, suffix, tmp_path):
    import csv

    with (HOSTILE / name).open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    sheet = tmp_path / f"{pathlib.Path(name).stem}{suffix}"
    (_xlsx if suffix == ".xlsx" else _ods)(sheet, rows)
    expected = read_cases(HOSTILE / name)
    read = read_cases(sheet)
    assert read.cases == expected.cases
    assert [str(p).replace(suffix, ".csv") for p in read.problems] == [
        str(p) for p in expected.problems
    ]
    assert read.ignored == expected.ignored
    assert not any(SECRET in str(p) for p in (*read.problems, *read.queries))
