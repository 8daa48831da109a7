"""Tracker files: round trips, unknown columns, bad rows and formula safety."""

from __future__ import annotations

import csv
import datetime as dt
import pathlib
import re
import tempfile
import zipfile

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sendkit.errors import InvalidInputError
from sendkit.io import PlanFileError, read_plan, write_plan
from sendkit.io._cells import guard_formula as csv_escape
from sendkit.io._cells import unguard_formula as csv_unescape
from sendkit.io._cells import xlsx_escape, xlsx_unescape
from sendkit.plans import (
    ACTION_COLUMNS,
    Action,
    ActionPlan,
    AreaKind,
    Kpi,
    Measurement,
    Milestone,
    Partner,
    PlanDeadline,
    PlanKind,
    ProgressUpdate,
    Rag,
    RagOverride,
    Section,
    Status,
)

from .strategies import tracker_days

# Any text a person could type or paste, including formula triggers, quotes,
# tabs, CR and LF, and XML-hostile control characters; not NUL or surrogates.
TEXT = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs", "Cn"),
        blacklist_characters="\x00",
    ),
    max_size=30,
)
RISKY = st.sampled_from(
    ["=1+2", "+44 20", "-3", "@SUM(A1)", "\tx", "\rx", "'quoted", "_x000D_", "a\r\nb"]
)
ANY_TEXT = st.one_of(TEXT, RISKY)
IDS = st.from_regex(r"[A-Z]{1,3}[0-9]{1,2}(\.[0-9]{1,2})?", fullmatch=True)
DAYS = tracker_days  # inside announced holidays
# Excel keeps 15 significant digits (openpyxl writes 16), so tracker numbers do too.
NUMBERS = st.floats(-1e300, 1e300).map(lambda x: float(f"{x:.15g}"))
EXTRA_KEYS = st.sampled_from(["notes", "Directorate", "x-ref", "RAG last month"])


@st.composite
def actions(draw: st.DrawFn, action_id: str, extra_keys: list[str]) -> Action:
    start = draw(st.none() | DAYS)
    due = draw(st.none() | DAYS)
    if start is not None and due is not None and due < start:
        start, due = due, start
    updates = sorted(
        draw(
            st.lists(
                st.builds(
                    ProgressUpdate,
                    on=DAYS,
                    note=ANY_TEXT,
                    status=st.none() | st.sampled_from(Status),
                    by=ANY_TEXT,
                ),
                max_size=3,
            )
        ),
        key=lambda u: u.on,
    )
    kpi = draw(
        st.none()
        | st.builds(
            Kpi,
            id=IDS,
            description=ANY_TEXT,
            unit=ANY_TEXT,
            baseline=st.none() | NUMBERS,
            baseline_on=st.none() | DAYS,
            target=st.none() | NUMBERS,
            target_on=st.none() | DAYS,
            actuals=st.lists(
                st.builds(Measurement, on=DAYS, value=NUMBERS), max_size=3
            ),
        )
    )
    override = draw(
        st.none()
        | st.builds(
            RagOverride,
            rag=st.sampled_from(Rag),
            reason=ANY_TEXT.filter(lambda s: s.strip() != ""),
            by=ANY_TEXT,
            on=st.none() | DAYS,
        )
    )
    extra = {key: draw(ANY_TEXT) for key in extra_keys if draw(st.booleans())}
    return Action(
        id=action_id,
        description=draw(ANY_TEXT),
        owner=draw(ANY_TEXT),
        lead_partner=draw(st.none() | st.sampled_from(Partner)),
        start=start,
        due=due,
        status=draw(st.sampled_from(Status)),
        success_measure=draw(ANY_TEXT),
        milestones=draw(
            st.lists(
                st.builds(
                    Milestone, due=DAYS, description=ANY_TEXT, achieved=st.none() | DAYS
                ),
                max_size=3,
            )
        ),
        kpi=kpi,
        evidence=draw(ANY_TEXT),
        updates=updates,
        override=override,
        last_updated=draw(st.none() | DAYS),
        next_review=draw(st.none() | DAYS),
        board=draw(ANY_TEXT),
        co_produced=draw(st.booleans()),
        extra=extra,
    )


@st.composite
def plans(draw: st.DrawFn) -> ActionPlan:
    extra_keys = draw(st.lists(EXTRA_KEYS, unique=True, max_size=3))
    section_count = draw(st.integers(0, 3))
    sections = []
    for s in range(1, section_count + 1):
        kind = draw(st.sampled_from(AreaKind))
        count = draw(st.integers(0, 3))
        sections.append(
            Section(
                id=f"S{s}",
                title=draw(ANY_TEXT),
                kind=kind,
                actions=[
                    draw(actions(f"S{s}.{a}", extra_keys)) for a in range(1, count + 1)
                ],
            )
        )
    return ActionPlan(
        kind=draw(st.sampled_from(PlanKind)),
        partnership=draw(ANY_TEXT),
        title=draw(ANY_TEXT),
        inspection=draw(ANY_TEXT),
        report_received=draw(st.none() | DAYS),
        deadlines=draw(
            st.lists(
                st.builds(
                    PlanDeadline,
                    name=st.sampled_from(["submission", "publication", "=evil"]),
                    due=DAYS,
                    rule=st.sampled_from(["", "area-send.pap.submit"]),
                    confirmed=st.booleans(),
                    source=ANY_TEXT,
                ),
                max_size=2,
            )
        ),
        sections=sections,
        review_from=draw(st.none() | DAYS),
        review_every_months=draw(st.integers(1, 12)),
        board_dates=draw(st.lists(DAYS, max_size=3)),
        extra=draw(
            st.dictionaries(st.sampled_from(["x-owner", "x-version"]), ANY_TEXT)
        ),
        extra_columns=extra_keys,
    )


# Example counts come from the Hypothesis profile (--hypothesis-profile=thorough).
ROUND_TRIP = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@ROUND_TRIP
@given(plan=plans(), as_of=st.none() | DAYS)
def test_csv_round_trip_loses_nothing(plan: ActionPlan, as_of: dt.date | None) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = pathlib.Path(folder) / "plan.csv"
        write_plan(plan, path, as_of=as_of)
        assert read_plan(path) == plan


@ROUND_TRIP
@given(plan=plans(), as_of=st.none() | DAYS)
def test_xlsx_round_trip_loses_nothing(plan: ActionPlan, as_of: dt.date | None) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = pathlib.Path(folder) / "plan.xlsx"
        write_plan(plan, path, as_of=as_of)
        assert read_plan(path) == plan


@given(text=ANY_TEXT)
def test_cell_escapes_round_trip_and_neutralise_formula_starts(text: str) -> None:
    """CSV and XLSX escaping round-trip any text, and no escaped CSV cell starts like a formula."""
    assert csv_unescape(csv_escape(text)) == text
    assert xlsx_unescape(xlsx_escape(text)) == text
    assert csv_escape(text)[:1] not in {"=", "+", "-", "@", "\t", "\r"}


def _sample_plan() -> ActionPlan:
    return ActionPlan(
        partnership="Example",
        report_received=dt.date(2023, 5, 16),
        sections=[
            Section(
                id="PA1",
                title='=HYPERLINK("http://evil")',
                actions=[
                    Action(
                        id="PA1.1",
                        description="+cmd|' /C calc'!A0",
                        owner="-Head of SEND",
                        evidence="@SUM(1+1)",
                        board="\tBoard",
                        due=dt.date(2024, 1, 31),
                        status=Status.ON_TRACK,
                        extra={"notes": "=1+1"},
                    )
                ],
            )
        ],
        extra_columns=["notes"],
    )


def test_xlsx_text_cells_cannot_run_as_formulas(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "plan.xlsx"
    write_plan(_sample_plan(), path, as_of=dt.date(2024, 1, 2))
    book = openpyxl.load_workbook(path)
    printed = book.sheetnames.index("Print") + 1
    with zipfile.ZipFile(path) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        xml = "".join(
            archive.read(n).decode()
            for n in sheets
            if not n.endswith(f"/sheet{printed}.xml")
        )
    assert "<f>" not in xml  # no formula in any sheet but Print
    # Print's formulas are sendkit's own, each showing one Actions cell
    shown = re.compile(
        r'=IF\(OR\(Actions!\$A([0-9]+)="",Actions!\$A\1="EXAMPLE",'
        r'Actions!([A-Z]+\1)=""\),"",Actions!\2\)'
    )
    for row in book["Print"].iter_rows(min_row=2):
        for cell in row:
            assert shown.fullmatch(str(cell.value)), cell.coordinate
    ws = book["Actions"]
    header = [c.value for c in ws[2]]  # row 1: labels
    row = {name: ws.cell(3, i + 1) for i, name in enumerate(header)}
    for name in ("priority_area", "action", "owner", "evidence", "board", "notes"):
        assert row[name].data_type == "s"
        assert row[name].quotePrefix
    assert row["action"].value == "+cmd|' /C calc'!A0"


def test_csv_text_cells_are_prefixed_and_read_back(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "plan.csv"
    plan = _sample_plan()
    write_plan(plan, path, as_of=dt.date(2024, 1, 2))
    with path.open(encoding="utf-8-sig", newline="") as handle:
        cells = [cell for record in csv.reader(handle) for cell in record]
    assert not any(cell[:1] in {"=", "+", "-", "@", "\t", "\r"} for cell in cells)
    assert "'+cmd|' /C calc'!A0" in cells
    assert read_plan(path) == plan


def test_workbook_has_what_an_officer_expects(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "plan.xlsx"
    plan = _sample_plan()
    write_plan(plan, path, as_of=dt.date(2024, 2, 5))
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[:3] == ["Summary", "Guidance", "Actions"]
    ws = book["Actions"]
    assert ws.freeze_panes == "B3"
    header = [c.value for c in ws[2]]  # row 1: labels
    due = ws.cell(3, header.index("due_date") + 1)
    assert isinstance(due.value, dt.datetime)
    assert due.number_format == "dd/mm/yyyy"
    rag = ws.cell(3, header.index("rag") + 1).value
    assert rag == "red"  # due 31 Jan 2024, as of 5 Feb 2024
    lists = {dv.formula1 for dv in ws.data_validations.dataValidation}
    assert '"not-started,on-track,at-risk,off-track,complete,closed-evidenced"' in lists
    assert any("local-authority" in f for f in lists)
    assert len(ws.conditional_formatting) >= 1
    assert ws.column_dimensions["E"].width > 20
    summary = book["Summary"]
    values = [
        c.value for row in summary.iter_rows() for c in row if c.value is not None
    ]
    assert "red" in values
    assert "Overdue" in values


def test_override_is_shown_as_override(tmp_path: pathlib.Path) -> None:
    action = Action(
        id="A1",
        due=dt.date(2024, 1, 1),
        override=RagOverride(rag=Rag.GREEN, reason="agreed at board", by="Chair"),
    )
    plan = ActionPlan(sections=[Section(id="S1", actions=[action])])
    for suffix in ("csv", "xlsx"):
        path = tmp_path / f"plan.{suffix}"
        write_plan(plan, path, as_of=dt.date(2024, 3, 1))
        if suffix == "csv":
            text = path.read_text(encoding="utf-8-sig")
            assert "green (override)" in text
        else:
            ws = openpyxl.load_workbook(path)["Actions"]
            header = [c.value for c in ws[2]]  # row 1: labels
            assert ws.cell(3, header.index("rag") + 1).value == "green (override)"
        assert read_plan(path) == plan


def _write_rows(path: pathlib.Path, rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)


def test_hand_written_csv_with_lenient_values(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "mine.csv"
    _write_rows(
        path,
        [
            [
                "action_id",
                "priority_area",
                "action",
                "lead_partner",
                "due_date",
                "status",
                "Directorate",
            ],
            [
                "1.1",
                "Timeliness",
                "Recruit EPs",
                "LA",
                "31/03/2024",
                "On track",
                "Children's",
            ],
            [
                "1.2",
                "Timeliness",
                "Audit plans",
                "Integrated care board",
                "2024-06-30",
                "",
                "",
            ],
            ["", "", "", "", "", "", ""],
            ["2.1", "Health", "Waits", "PCF", "", "Closed - evidenced", "Health"],
        ],
    )
    plan = read_plan(path)
    assert [s.title for s in plan.sections] == ["Timeliness", "Health"]
    first = plan.action("1.1")
    assert first.lead_partner is Partner.LOCAL_AUTHORITY
    assert first.due == dt.date(2024, 3, 31)
    assert first.status is Status.ON_TRACK
    assert first.extra == {"Directorate": "Children's"}
    assert plan.action("1.2").status is Status.NOT_STARTED
    assert plan.action("2.1").status is Status.CLOSED_EVIDENCED
    assert plan.extra_columns == ("Directorate",)
    # and it survives a round trip through both formats
    for suffix in ("csv", "xlsx"):
        out = tmp_path / f"out.{suffix}"
        write_plan(plan, out)
        assert read_plan(out) == plan


def test_every_bad_row_is_reported_with_row_and_column(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "bad.csv"
    _write_rows(
        path,
        [
            [
                "action_id",
                "due_date",
                "status",
                "lead_partner",
                "baseline",
                "rag_override",
            ],
            ["A1", "2024-02-30", "on track", "LA", "", ""],
            ["A2", "2024-01-01", "maybe", "", "", ""],
            ["", "2024-01-01", "", "", "", ""],
            ["A4", "", "", "council of elders", "lots", ""],
            ["A5", "", "", "", "", "red"],
            ["A1", "", "", "", "", ""],
        ],
    )
    with pytest.raises(PlanFileError) as caught:
        read_plan(path)
    found = {(p.row, p.column) for p in caught.value.problems}
    assert found == {
        (2, "due_date"),
        (3, "status"),
        (4, "action_id"),
        (5, "lead_partner"),
        (5, "baseline"),
        (6, "rag_override_reason"),
        (7, "action_id"),
    }
    message = str(caught.value)
    assert "bad.csv: 7 problems" in message
    assert "row 3, column 'status': 'maybe' is not one of" in message


def test_bad_xlsx_cells_are_reported_by_sheet(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "plan.xlsx"
    write_plan(_sample_plan(), path, as_of=dt.date(2024, 1, 2))
    book = openpyxl.load_workbook(path)
    ws = book["Actions"]
    header = [c.value for c in ws[2]]  # row 1: labels
    ws.cell(3, header.index("status") + 1).value = "finished?"
    book["Progress log"].append(["NOPE", dt.date(2024, 1, 1), "", "note", ""])
    book.save(path)
    with pytest.raises(PlanFileError) as caught:
        read_plan(path)
    messages = [str(p) for p in caught.value.problems]
    assert any(
        "sheet 'Actions'" in m and "row 3" in m and "'status'" in m for m in messages
    )
    assert any("'NOPE'" in m and "row 3" in m for m in messages)


def test_unknown_suffix_and_missing_sheet(tmp_path: pathlib.Path) -> None:
    with pytest.raises(InvalidInputError, match=r"suffix '\.txt'"):
        write_plan(ActionPlan(), tmp_path / "plan.txt")
    book = openpyxl.Workbook()
    book.save(tmp_path / "other.xlsx")
    with pytest.raises(InvalidInputError, match="no sheet named 'Actions'"):
        read_plan(tmp_path / "other.xlsx")


def test_empty_sections_and_plan_settings_survive(tmp_path: pathlib.Path) -> None:
    plan = ActionPlan(
        kind=PlanKind.WRITTEN_STATEMENT_OF_ACTION,
        partnership="Somewhere",
        sections=[
            Section(
                id="SW1",
                title="Weak joint commissioning",
                kind=AreaKind.SIGNIFICANT_WEAKNESS,
            )
        ],
        board_dates=[dt.date(2024, 3, 1), dt.date(2024, 1, 10)],
        extra={"x-chair": "Independent"},
    )
    for suffix in ("csv", "xlsx"):
        path = tmp_path / f"plan.{suffix}"
        write_plan(plan, path)
        assert read_plan(path) == plan


def test_schema_column_names_are_unique_and_meanings_are_sentences() -> None:
    """The action columns have unique names, action_id first, and each meaning is a full sentence."""
    names = [c.name for c in ACTION_COLUMNS]
    assert len(names) == len(set(names))
    assert names[0] == "action_id"
    assert all(c.meaning.endswith(".") for c in ACTION_COLUMNS)


def test_docs_schema_table_matches_the_code() -> None:
    page = (
        pathlib.Path(__file__).resolve().parent.parent / "docs" / "action-plans.md"
    ).read_text(encoding="utf-8")
    rows = [line for line in page.splitlines() if line.startswith("| `")]
    documented = [line.split("|")[1].strip().strip("`") for line in rows]
    names = [c.name for c in ACTION_COLUMNS]
    assert [n for n in documented if n in names] == names
    for column in ACTION_COLUMNS:
        line = next(r for r in rows if r.startswith(f"| `{column.name}` |"))
        assert f"| {column.kind} | {column.meaning}" in line


def test_extra_names_may_not_clash_with_the_schema(tmp_path: pathlib.Path) -> None:
    clash = ActionPlan(
        sections=[Section(id="S1", actions=[Action(id="A", extra={"owner": "x"})])]
    )
    setting = ActionPlan(extra={"kind": "x"})
    for plan, needle in (
        (clash, "extra column 'owner'"),
        (setting, "plan setting 'kind'"),
    ):
        for suffix in ("csv", "xlsx"):
            path = tmp_path / f"plan.{suffix}"
            with pytest.raises(InvalidInputError, match=needle):
                write_plan(plan, path)
            assert not path.exists()


@pytest.mark.slow
def test_a_workbook_resaved_by_libreoffice_reads_back(tmp_path: pathlib.Path) -> None:
    """Officers will open and save the tracker in a spreadsheet: nothing may change."""
    import shutil
    import subprocess

    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    plan = _sample_plan()
    plan = ActionPlan(
        partnership="=cmd|' /C calc'!A0",
        report_received=dt.date(2023, 5, 16),
        deadlines=[
            PlanDeadline(
                name="submission", due=dt.date(2023, 7, 5), rule="area-send.pap.submit"
            )
        ],
        board_dates=[dt.date(2024, 1, 10)],
        sections=[
            *plan.sections,
            Section(
                id="AFI1", kind=AreaKind.IMPROVEMENT, title="-improve\nsecond line"
            ),
        ],
        extra_columns=plan.extra_columns,
    )
    plan = plan.replace_action(
        Action(
            id="PA1.1",
            description="@SUM(1)\ttab",
            due=dt.date(2024, 1, 31),
            kpi=Kpi(
                id="K",
                baseline=0.1,
                target=123456.789,
                actuals=[Measurement(on=dt.date(2024, 1, 1), value=-2.5)],
            ),
            milestones=[Milestone(due=dt.date(2023, 9, 1), description="+kick-off")],
            updates=[
                ProgressUpdate(
                    on=dt.date(2024, 1, 2), note="'quoted", status=Status.ON_TRACK
                )
            ],
            override=RagOverride(
                rag=Rag.AMBER, reason="-agreed", on=dt.date(2024, 1, 3)
            ),
            extra={"notes": "=1+1"},
        )
    )
    source = tmp_path / "in.xlsx"
    write_plan(plan, source, as_of=dt.date(2024, 2, 1))
    out = tmp_path / "out"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    assert read_plan(out / "in.xlsx") == plan


# -- files that cannot be read at all -----------------------------------------


def _damaged_files(folder: pathlib.Path) -> dict[str, pathlib.Path]:
    junk = folder / "junk.xlsx"
    junk.write_text("not a workbook\n", encoding="utf-8")
    folder_named = folder / "folder.xlsx"
    folder_named.mkdir()
    other_zip = folder / "other.xlsx"
    with zipfile.ZipFile(other_zip, "w") as archive:
        archive.writestr("readme.txt", "a zip, not a workbook")
    truncated = folder / "truncated.xlsx"
    write_plan(_sample_plan(), folder / "whole.xlsx", as_of=dt.date(2024, 1, 2))
    truncated.write_bytes((folder / "whole.xlsx").read_bytes()[:2000])
    binary = folder / "binary.csv"
    binary.write_bytes((folder / "whole.xlsx").read_bytes())
    return {
        "does not exist": folder / "missing.xlsx",
        "does not exist ": folder / "missing.csv",
        "is a folder, not a file": folder_named,
        "is not a readable .xlsx workbook": junk,
        "is not a readable .xlsx workbook ": other_zip,
        "is not a readable .xlsx workbook  ": truncated,
        "is not text": binary,
    }


def test_unreadable_files_give_one_line_naming_the_file(tmp_path: pathlib.Path) -> None:
    for reason, path in _damaged_files(tmp_path).items():
        with pytest.raises(PlanFileError) as caught:
            read_plan(path)
        message = str(caught.value)
        assert "\n" not in message
        assert message.startswith(f"{str(path)!r} {reason.strip()}"), message
        assert "expected a tracker: an .xlsx workbook or a .csv file" in message
        assert "Error" not in message  # no exception class names
        assert caught.value.problems == ()


# -- CSV encodings ------------------------------------------------------------


_CURLY = "\u2019"  # RIGHT SINGLE QUOTATION MARK, as Word and Excel type it


def _windows_csv_rows() -> list[list[str]]:
    return [
        ["action_id", "priority_area", "action", "owner", "due_date", "status"],
        [
            "PA1.1",
            f"Children{_CURLY}s waiting times",
            "Fund £20,000 of therapy",
            "Head of SEND",
            "31/01/2025",
            "on-track",
        ],
    ]


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8", "utf-8-sig"])
def test_csv_from_excel_on_windows_is_read(
    tmp_path: pathlib.Path, encoding: str
) -> None:
    """Excel's "CSV (Comma delimited)" is cp1252: a curly quote and £ are one byte."""
    path = tmp_path / "windows.csv"
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle).writerows(_windows_csv_rows())
    if encoding == "cp1252":
        assert _CURLY.encode("cp1252") in path.read_bytes()
    plan = read_plan(path)
    assert plan.sections[0].title == f"Children{_CURLY}s waiting times"
    action = plan.sections[0].actions[0]
    assert action.description == "Fund £20,000 of therapy"
    assert action.due == dt.date(2025, 1, 31)


# -- formula cells ------------------------------------------------------------


def _with_formula(path: pathlib.Path, column: str, formula: str) -> str:
    """Put *formula* in row 3 (the first action) of *column*; return its cell."""
    book = openpyxl.load_workbook(path)
    ws = book["Actions"]
    header = [c.value for c in ws[2]]  # row 1: labels
    cell = ws.cell(3, header.index(column) + 1)
    cell.value = formula
    book.save(path)
    return str(cell.coordinate)


def _save_value(path: pathlib.Path, coordinate: str, text: str) -> None:
    """Give a formula cell a saved text value, as a spreadsheet does on save."""
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        contents = {name: archive.read(name) for name in names}
    book = openpyxl.load_workbook(path, read_only=True)
    index = book.sheetnames.index("Actions") + 1
    book.close()
    name = f"xl/worksheets/sheet{index}.xml"
    xml = contents[name].decode()
    start = xml.index(f'<c r="{coordinate}"')
    end = xml.index("</c>", start)
    cell = xml[start:end].replace("<c ", '<c t="str" ', 1).replace("<v />", "")
    contents[name] = (xml[:start] + cell + f"<v>{text}</v>" + xml[end:]).encode()
    with zipfile.ZipFile(path, "w") as archive:
        for item in names:
            archive.writestr(item, contents[item])


def test_formula_without_saved_value_is_a_problem(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "plan.xlsx"
    write_plan(_sample_plan(), path, as_of=dt.date(2024, 1, 2))
    _with_formula(path, "owner", '="Head of "&"SEND"')
    _with_formula(path, "rag", '=IF(TRUE,"red","green")')  # derived: ignored
    with pytest.raises(PlanFileError) as caught:
        read_plan(path)
    problems = caught.value.problems
    assert [(p.row, p.column) for p in problems] == [(3, "owner")]
    assert "holds a formula with no saved value" in problems[0].reason
    assert "paste the column as values" in problems[0].reason


def test_formula_with_saved_value_reads_the_value(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "plan.xlsx"
    plan = _sample_plan()
    write_plan(plan, path, as_of=dt.date(2024, 1, 2))
    cell = _with_formula(path, "owner", '="Head of "&"SEND"')
    _save_value(path, cell, "Head of SEND")
    action = read_plan(path).sections[0].actions[0]
    assert action.owner == "Head of SEND"
    assert action.description == plan.sections[0].actions[0].description


def test_derived_columns_are_marked_in_the_workbook(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "plan.xlsx"
    plan = _sample_plan()
    write_plan(plan, path, as_of=dt.date(2024, 1, 2))
    book = openpyxl.load_workbook(path)
    ws = book["Actions"]
    marked = {}
    for label, name in zip(ws[1], ws[2], strict=True):  # labels above names
        note = label.comment.text if label.comment else ""
        marked[name.value] = (label.fill.fgColor.rgb[-6:], note)
    assert {name for name, (_, note) in marked.items() if note} == {
        "rag",
        "latest_note",
    }
    for name in ("rag", "latest_note"):
        fill, note = marked[name]
        assert fill == "595959"
        assert "edits here are ignored" in note
        assert "rag_override" in note
    assert marked["status"][0] == "1F4E78"
    # typing into a derived column changes nothing, and the plan reads back whole
    header = [c.value for c in ws[2]]  # row 1: labels
    ws.cell(3, header.index("rag") + 1).value = "green"
    book.save(path)
    assert read_plan(path) == plan
