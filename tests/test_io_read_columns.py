"""The column-wise caseload reader gives exactly what the row-by-row reader gives.

`cases_from_rows` reads blocks of text rows a column at a time
(`sendkit.io._ehc._read_blocks`) and leaves every row it cannot vouch for to
the row-by-row path. These tests read the same input both ways (the switch
`_COLUMNWISE`) and compare everything: cases, problems with their messages,
queries, ignored columns; with strict reading, the same first error. Blocks
are made tiny so that duplicates, bad rows and memory limits straddle them.
"""

from __future__ import annotations

import csv
import datetime as dt
import pathlib
import random

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sendkit.ehc import EhcCase, synthetic_caseload
from sendkit.errors import SendkitError
from sendkit.io import _ehc, read_cases

read_cases = _ehc.read_cases

HOSTILE = pathlib.Path(__file__).resolve().parent / "data" / "hostile"


def _both(read, monkeypatch):
    """Return ``read()`` column-wise and row by row (or the error each raised)."""
    results = []
    for columnwise in (True, False):
        monkeypatch.setattr(_ehc, "_COLUMNWISE", columnwise)
        try:
            results.append(read())
        except SendkitError as exc:
            results.append((type(exc), str(exc)))
    return results


@pytest.fixture(params=[3, 64, 512], ids=lambda size: f"block{size}")
def block(request, monkeypatch):
    monkeypatch.setattr(_ehc, "_BLOCK", request.param)
    return request.param


_DAMAGE = [
    "",
    " ",
    "31/02/2024",
    "2024-Sep-28",
    "2019-01-01",  # before any ReceivedDate: a later date before it
    "maybe",
    "x;y",
    "a;b",
    "0",
    "1",
    "'=1+1",
    "'",
    " '  ",
]


def _damaged_caseload(path: pathlib.Path, seed: int, *, requests: int = 400) -> None:
    """A generated caseload with damage in about one cell in twenty."""
    rng = random.Random(seed)
    cases = synthetic_caseload(year=2024, requests_per_year=requests, seed=seed)
    header = list(_ehc.COLUMNS)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for case in cases:
            row = _ehc._cells(case)
            for index in range(len(row)):
                roll = rng.random()
                if roll < 0.04:
                    row[index] = rng.choice(_DAMAGE)
                elif roll < 0.08 and row[index][:4].isdigit() and "-" in row[index]:
                    y, m, d = row[index].split("-")
                    row[index] = f"{d}/{m}/{y}"  # the UK form of the same day
            roll = rng.random()
            if roll < 0.01:
                row = [""] * len(row)
            elif roll < 0.02:
                row = row[: rng.randrange(len(row))]  # a short (or empty) row
            elif roll < 0.03:
                row = [*row, "extra"]
            if rng.random() < 0.02:
                row[:1] = [rng.choice(["C-DUP", "C-DUP2", case.case_id.lower()])]
            writer.writerow(row)


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_a_damaged_caseload_reads_the_same_both_ways(
    tmp_path, monkeypatch, block, seed
):
    path = tmp_path / "cases.csv"
    _damaged_caseload(path, seed)
    columnwise, rows = _both(lambda: read_cases(path), monkeypatch)
    assert columnwise == rows
    assert rows.problems  # the damage reached some rows
    assert rows.queries


@pytest.mark.parametrize("seed", [5, 6])
def test_strict_reading_stops_at_the_same_row_both_ways(
    tmp_path, monkeypatch, block, seed
):
    path = tmp_path / "cases.csv"
    _damaged_caseload(path, seed)
    columnwise, rows = _both(lambda: read_cases(path, strict=True), monkeypatch)
    assert columnwise == rows
    assert isinstance(rows, tuple)  # an error, compared by type and message


def test_a_clean_caseload_reads_the_same_both_ways(tmp_path, monkeypatch, block):
    path = tmp_path / "cases.csv"
    _ehc.write_cases(synthetic_caseload(year=2024, requests_per_year=500), path)
    columnwise, rows = _both(lambda: read_cases(path), monkeypatch)
    assert columnwise == rows
    assert rows.cases
    assert not rows.problems


def test_a_clean_caseload_never_takes_the_row_path(tmp_path, monkeypatch, block):
    path = tmp_path / "cases.csv"
    _ehc.write_cases(synthetic_caseload(year=2024, requests_per_year=500), path)

    def refuse(*_args):
        raise AssertionError

    monkeypatch.setattr(_ehc._Collector, "row", refuse)
    monkeypatch.setattr(_ehc._Collector, "case", refuse)
    assert read_cases(path).cases


@pytest.mark.parametrize(
    "name",
    sorted(p.name for p in HOSTILE.glob("*") if p.suffix in {".csv", ".xlsx", ".bin"}),
)
def test_the_hostile_corpus_reads_the_same_both_ways(monkeypatch, block, name):
    path = HOSTILE / name
    columnwise, rows = _both(lambda: read_cases(path), monkeypatch)
    assert columnwise == rows


def test_a_damaged_row_after_a_bad_row_in_strict_mode_is_not_reached(
    tmp_path, monkeypatch
):
    """The block is read ahead, but strict reading still names the first bad row.

    Row 3 has a bad date; row 5 has a cell over the csv module's limit, which
    the file layer reports as a damaged file. Row by row, reading stops at
    row 3; the block reader must too, although it read row 5 first.
    """
    path = tmp_path / "cases.csv"
    path.write_text(
        "CaseId,ReceivedDate\nR1,08/01/2024\nR2,31/02/2024\nR3,08/01/2024\n"
        f"R4,{'9' * 140_000}\n",
        encoding="utf-8",
    )
    columnwise, rows = _both(lambda: read_cases(path, strict=True), monkeypatch)
    assert columnwise == rows
    assert "row 3" in rows[1]


@pytest.mark.parametrize("repeat_at", [1, 2, 40, 600])
def test_a_repeated_case_id_in_a_clean_block_reads_the_same(
    tmp_path, monkeypatch, block, repeat_at
):
    """A CaseId seen earlier in the same block, or in an earlier block."""
    cases = synthetic_caseload(year=2024, requests_per_year=400)
    path = tmp_path / "cases.csv"
    _ehc.write_cases(cases, path)
    lines = path.read_text(encoding="utf-8").splitlines()
    first = lines[1].split(",", 1)[0]
    row = lines[repeat_at + 1].split(",", 1)
    lines[repeat_at + 1] = f"{first},{row[1]}"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    columnwise, rows = _both(lambda: read_cases(path), monkeypatch)
    assert columnwise == rows
    assert [problem.row for problem in rows.problems] == [repeat_at + 2]


@pytest.mark.parametrize(
    "drop",
    ["Week20", "DecidedToAssess", "StartDate", "ExceptionReason", "ExceptionNote"],
)
def test_a_file_without_an_optional_column_reads_the_same(
    tmp_path, monkeypatch, block, drop
):
    path = tmp_path / "cases.csv"
    _damaged_caseload(path, 9)
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    at = rows[0].index(drop)
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([row[:at] + row[at + 1 :] for row in rows])
    columnwise, rows = _both(lambda: read_cases(path), monkeypatch)
    assert columnwise == rows
    assert rows.queries


def test_memory_past_the_limit_reads_the_same(tmp_path, monkeypatch, block):
    """More distinct dates than the reader remembers: converted per block."""
    monkeypatch.setattr(_ehc, "_MEMO_LIMIT", 5)
    path = tmp_path / "cases.csv"
    _damaged_caseload(path, 7, requests=150)
    columnwise, rows = _both(lambda: read_cases(path), monkeypatch)
    assert columnwise == rows


_CELL = st.one_of(
    st.none(),
    st.sampled_from(
        [
            "",
            " ",
            "2024-01-08",
            "08/01/2024",
            "2024-Jan-09",
            "2023-12-31",
            "1",
            "0",
            "a",
        ]
    ),
    st.dates(min_value=dt.date(2023, 12, 1), max_value=dt.date(2024, 3, 1)).map(str),
    st.integers(-5, 50_000),
    st.text(max_size=4),
)
_HEADER = [
    "CaseId",
    "ReceivedDate",
    "StartDate",
    "Week20",
    "ExceptionReason",
    "DecidedToAssess",
    "DraftPlanDate",
    "RequestOutcomeDate",
    "AssessmentOutcomeDate",
    "ExceptionNote",
]


@settings(max_examples=300, deadline=None)
@given(
    rows=st.lists(st.lists(_CELL, max_size=11), max_size=14),
    text_only=st.booleans(),
    guard=st.booleans(),
    size=st.integers(1, 5),
)
def test_in_memory_rows_read_the_same_both_ways(rows, text_only, guard, size):
    if text_only:  # as a CSV file gives them: every cell text
        rows = [["" if cell is None else str(cell) for cell in row] for row in rows]
    results = []
    old = _ehc._COLUMNWISE, _ehc._BLOCK
    try:
        _ehc._BLOCK = size
        for columnwise in (True, False):
            _ehc._COLUMNWISE = columnwise
            results.append(_ehc.cases_from_rows(_HEADER, rows, formula_guard=guard))
    finally:
        _ehc._COLUMNWISE, _ehc._BLOCK = old
    assert results[0] == results[1]


def test_every_case_built_column_wise_passes_the_validated_constructor(tmp_path):
    path = tmp_path / "cases.csv"
    _damaged_caseload(path, 8)
    read = read_cases(path)
    assert read.cases
    for case in read.cases:
        assert EhcCase(**attrs.asdict(case, recurse=False)) == case


def test_the_column_wise_path_is_on_for_the_current_case_model():
    """If `EhcCase` gains a field or a validator, the reader must be revisited."""
    assert _ehc._COLUMNWISE


def test_a_workbook_like_block_goes_row_by_row(monkeypatch):
    """Cells that are not text (a workbook's dates and numbers) are read as before."""
    rows = [["R1", dt.date(2024, 1, 8), None], ["R2", 45299, "2024-02-01"]]
    header = ["CaseId", "ReceivedDate", "StartDate"]
    columnwise, plain = _both(lambda: _ehc.cases_from_rows(header, rows), monkeypatch)
    assert columnwise == plain
    assert [case.received for case in plain.cases] == [dt.date(2024, 1, 8)] * 2


def test_a_note_that_is_not_text_reads_the_same(monkeypatch):
    header = ["CaseId", "ReceivedDate", "ExceptionReason", "ExceptionNote"]
    rows = [["R1", "2024-01-08", "a", 5], ["R2", "2024-01-09", "b", " 'x "]]
    columnwise, plain = _both(
        lambda: _ehc.cases_from_rows(header, rows, formula_guard=True), monkeypatch
    )
    assert columnwise == plain
    assert [c.exceptions[0].note for c in plain.cases] == ["5", "x"]


@pytest.mark.parametrize("cell", [0, 0.0, False, None, "", " "])
def test_a_column_of_empty_or_falsy_cells_reads_the_same(monkeypatch, cell):
    """A block whose date column is all empty text, or all zeros from memory."""
    header = ["CaseId", "ReceivedDate", "StartDate"]
    rows = [["R1", "2024-01-08", cell], ["R2", "2024-01-09", cell]]
    columnwise, plain = _both(lambda: _ehc.cases_from_rows(header, rows), monkeypatch)
    assert columnwise == plain
