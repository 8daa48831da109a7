"""The .xlsx tracker as a person prints and fills it in.

Readable labels above the machine names, print setup, drop-downs and date
cells that refuse bad entries with a message and a prompt, a Guidance
sheet, column widths that fit, and a new tracker's example row that the
reader ignores, with the round trip still lossless.
"""

from __future__ import annotations

import datetime as dt
import pathlib

import openpyxl
import pytest

from sendkit.inspections import Framework, Inspection, Outcome
from sendkit.io import read_plan, write_plan
from sendkit.io._plan_xlsx import EXAMPLE_ID, label
from sendkit.plans import plan_from_inspection

from .conftest import printed_points

ROOT = pathlib.Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "docs" / "downloads" / "example-tracker.xlsx"


@pytest.fixture(scope="module")
def new_tracker(tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    inspection = Inspection(
        local_area="Northshire",
        framework=Framework.AREA_SEND_2023,
        outcome=Outcome.SYSTEMIC,
        report_received=dt.date(2024, 3, 11),
        areas_for_priority_action=("Plans on time",),
    )
    path = tmp_path_factory.mktemp("tracker") / "new.xlsx"
    write_plan(plan_from_inspection(inspection), path)
    return path


@pytest.fixture(scope="module")
def example_book() -> openpyxl.Workbook:
    return openpyxl.load_workbook(EXAMPLE)


def test_headers_are_readable_with_the_machine_names_below(
    example_book: openpyxl.Workbook,
) -> None:
    ws = example_book["Actions"]
    labels = [c.value for c in ws[1]]
    names = [c.value for c in ws[2]]
    assert names[:3] == ["action_id", "section_id", "priority_area"]
    assert labels[:3] == ["Action id", "Area id", "Priority area (report's words)"]
    assert labels == [label(n) for n in names]
    assert "rag_override_by" in names
    assert "Override made by" in labels


def test_every_sheet_prints_landscape_fit_to_width_with_both_headers(
    example_book: openpyxl.Workbook,
) -> None:
    letter = openpyxl.utils.get_column_letter
    for ws in example_book.worksheets:
        assert ws.page_setup.orientation == "landscape"
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.page_setup.fitToHeight == 0
        # legible type: at most about 200 characters of width per page across
        total = sum(
            ws.column_dimensions[letter(c)].width or 13
            for c in range(1, ws.max_column + 1)
        )
        assert total / ws.page_setup.fitToWidth <= 260
        if ws.page_setup.fitToWidth > 1:
            assert ws.print_title_cols.replace("$", "") == "A:A"
        if ws.title not in {"Summary", "Guidance", "Print"}:
            assert ws.print_title_rows.replace("$", "") == "1:2"


def test_drop_downs_and_dates_refuse_bad_entries_and_prompt(
    example_book: openpyxl.Workbook,
) -> None:
    rules = example_book["Actions"].data_validations.dataValidation
    kinds = {rule.type for rule in rules}
    assert {"list", "date", "decimal"} <= kinds
    for rule in rules:
        assert rule.showErrorMessage
        assert rule.showInputMessage
        assert rule.errorStyle == "stop"
        assert rule.error
        assert rule.prompt
        assert str(rule.sqref).split(":")[0][-1] == "3"  # from the first data row


def test_column_widths_fit_their_content(example_book: openpyxl.Workbook) -> None:
    ws = example_book["Actions"]
    letter = openpyxl.utils.get_column_letter
    for col, name in enumerate((c.value for c in ws[2]), start=1):
        width = ws.column_dimensions[letter(col)].width
        assert width >= len(name)  # the machine name is never cut off
        longest_word = max(len(w) for w in label(name).split())
        assert width >= longest_word
    owner = [c.value for c in ws[2]].index("owner") + 1
    values = [ws.cell(r, owner).value or "" for r in range(3, ws.max_row + 1)]
    assert ws.column_dimensions[letter(owner)].width >= min(max(map(len, values)), 40)


def test_guidance_sheet_explains_every_column(example_book: openpyxl.Workbook) -> None:
    ws = example_book["Guidance"]
    text = [c.value for row in ws.iter_rows() for c in row if c.value]
    names = [c.value for c in example_book["Actions"][2]]
    for name in names:
        if name != "Directorate":  # the example's own extra column
            assert name in text
    assert any("EXAMPLE is never read" in str(t) for t in text)


def test_a_new_tracker_has_an_example_row_the_reader_ignores(
    new_tracker: pathlib.Path,
) -> None:
    ws = openpyxl.load_workbook(new_tracker)["Actions"]
    assert ws.cell(3, 1).value == EXAMPLE_ID
    assert ws.cell(3, 1).comment is not None
    plan = read_plan(new_tracker)
    assert plan.actions == ()
    assert [s.id for s in plan.sections] == ["PA1"]


def test_a_filled_tracker_has_no_example_row_and_round_trips(
    tmp_path: pathlib.Path,
) -> None:
    plan = read_plan(EXAMPLE)
    assert EXAMPLE_ID not in [a.id for a in plan.actions]
    again = tmp_path / "again.xlsx"
    write_plan(plan, again, as_of=dt.date(2025, 3, 31))
    assert read_plan(again) == plan


def test_a_tracker_with_names_only_in_row_1_still_reads(tmp_path: pathlib.Path) -> None:
    book = openpyxl.load_workbook(EXAMPLE)
    for ws in book.worksheets:
        if ws.title not in {"Summary", "Guidance"}:
            ws.delete_rows(1)
    older = tmp_path / "older.xlsx"
    book.save(older)
    assert read_plan(older) == read_plan(EXAMPLE)


def test_rag_colours_in_the_workbook_have_readable_text(
    example_book: openpyxl.Workbook,
) -> None:
    summary = example_book["Summary"]
    fonts = {
        c.value: c.font.color.rgb[-6:]
        for row in summary.iter_rows()
        for c in row
        if c.value in {"red", "amber", "green", "complete"} and c.fill.fgColor.rgb
    }
    assert fonts["green"] == "000000"  # black on green: white was 2.87:1
    assert fonts["amber"] == "000000"


def test_the_print_sheet_prints_one_page_wide_in_legible_type(
    example_book: openpyxl.Workbook,
) -> None:
    ws = example_book["Print"]
    assert ws.page_setup.orientation == "landscape"
    assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    assert ws.print_title_rows.replace("$", "") == "1:1"
    assert printed_points(ws) >= 8.5  # LibreOffice with Carlito: 8.8 pt
    for other in example_book.worksheets:  # every sheet: at least 8 pt a page
        assert printed_points(other) >= 8, other.title


def test_a_new_tracker_prints_every_sheet_in_legible_type(
    new_tracker: pathlib.Path,
) -> None:
    for ws in openpyxl.load_workbook(new_tracker).worksheets:
        assert printed_points(ws) >= 8.5, ws.title  # the model; LibreOffice: 8 pt+


def test_the_print_sheet_shows_each_action_by_formula_over_actions(
    example_book: openpyxl.Workbook,
) -> None:
    ws = example_book["Print"]
    actions = example_book["Actions"]
    labels = [c.value for c in ws[1]]
    assert labels[:3] == ["Action id", "Area", "Action: what will be done"]
    assert "RAG" in labels
    names = [c.value for c in actions[2]]
    due = openpyxl.utils.get_column_letter(names.index("due_date") + 1)
    due_at = labels.index("Due date") + 1

    def shows(column: str, row: int) -> str:
        key = f"Actions!$A{row}"
        blank = f'OR({key}="",{key}="EXAMPLE",Actions!{column}{row}="")'
        return f'=IF({blank},"",Actions!{column}{row})'

    for row in range(3, actions.max_row + 1):
        assert ws.cell(row - 1, 1).value == shows("A", row)
        cell = ws.cell(row - 1, due_at)
        assert cell.value == shows(due, row)
        assert cell.number_format == "dd/mm/yyyy"
    # room for actions added by hand, below the last one
    assert ws.cell(actions.max_row + 9, 1).value == shows("A", actions.max_row + 10)


def test_the_reader_ignores_the_print_sheet(tmp_path: pathlib.Path) -> None:
    book = openpyxl.load_workbook(EXAMPLE)
    ws = book["Print"]
    ws["A2"] = "not an action"
    ws["C3"] = "=1/0"  # a formula with no saved value: not read, so no problem
    edited = tmp_path / "edited.xlsx"
    book.save(edited)
    del book["Print"]
    removed = tmp_path / "removed.xlsx"
    book.save(removed)
    assert read_plan(edited) == read_plan(removed) == read_plan(EXAMPLE)


def test_long_text_wraps_rather_than_spilling_past_the_printed_page(
    example_book: openpyxl.Workbook,
) -> None:
    ws = example_book["Deadlines"]
    source = [c.value for c in ws[2]].index("source") + 1
    for row in range(3, ws.max_row + 1):
        assert ws.cell(row, source).alignment.wrap_text
        assert ws.row_dimensions[row].height > 15  # room for the wrapped lines


def _contrast(one: str, two: str) -> float:
    def lum(colour: str) -> float:
        rgb = [int(colour[i : i + 2], 16) / 255 for i in (0, 2, 4)]
        lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    high, low = sorted((lum(one), lum(two)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_every_coloured_cell_in_the_tracker_has_readable_text(
    example_book: openpyxl.Workbook,
) -> None:
    """WCAG AA (4.5:1) for each filled cell's text and each RAG colour rule."""
    pairs = set()
    for ws in example_book.worksheets:
        for row in ws.iter_rows(max_row=min(ws.max_row, 40)):
            for cell in row:
                fill = cell.fill.fgColor.rgb if cell.fill.fill_type == "solid" else None
                if isinstance(fill, str) and cell.value is not None:
                    text = cell.font.color.rgb if cell.font.color else "FF000000"
                    pairs.add((ws.title, str(text)[-6:], fill[-6:]))
        for rules in ws.conditional_formatting:
            for rule in rules.rules:
                style = rule.dxf
                pairs.add(
                    (ws.title, style.font.color.rgb[-6:], style.fill.bgColor.rgb[-6:])
                )
    assert len(pairs) > 8
    failing = [p for p in pairs if _contrast(p[1], p[2]) < 4.5]
    assert failing == []
