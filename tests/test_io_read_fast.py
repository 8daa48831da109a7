"""The fast caseload reader gives exactly what the plain, validated path gives.

`cases_from_rows` remembers each distinct date text and builds cases without
re-running `EhcCase`'s validators. These tests rebuild every
row with the plain path (`_case_from_cells`: every cell parsed, the validated
constructor) and compare, on a generated caseload with damage mixed in and on
the hostile corpus.
"""

from __future__ import annotations

import csv
import pathlib
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sendkit.ehc import synthetic_caseload
from sendkit.io import _ehc, read_cases
from sendkit.io._files import csv_rows

HOSTILE = pathlib.Path(__file__).resolve().parent / "data" / "hostile"


def _plain(header, rows, *, guarded):
    """The cases and problem rows of the plain path, row by row."""
    used, _, _ = _ehc._map_header(header)
    cases, bad, seen = [], [], set()
    for number, row in enumerate(rows, start=2):
        cells = {c: row[p] if p < len(row) else None for p, c in used.items()}
        if all(v is None or _ehc._text(v) == "" for v in cells.values()):
            continue
        try:
            case = _ehc._case_from_cells(cells, serials=True, guarded=guarded)
        except (_ehc._CellError, ValueError):
            bad.append(number)
            continue
        if case.case_id in seen:
            bad.append(number)
            continue
        seen.add(case.case_id)
        cases.append(case)
    return tuple(cases), bad


def _damaged_caseload(path: pathlib.Path, seed: int) -> None:
    rng = random.Random(seed)
    cases = synthetic_caseload(year=2024, requests_per_year=300, seed=seed)
    header = list(_ehc.COLUMNS)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for case in cases:
            row = _ehc._cells(case)
            for index in range(len(row)):
                roll = rng.random()
                if roll < 0.02:
                    row[index] = rng.choice(
                        ["", " ", "31/02/2024", "2024-Sep-28", "maybe", "x;y", "0", "1"]
                    )
                elif roll < 0.04 and row[index][:4].isdigit() and "-" in row[index]:
                    y, m, d = row[index].split("-")
                    row[index] = f"{d}/{m}/{y}"  # the UK form of the same day
            if rng.random() < 0.01:
                row = [""] * len(row)
            if rng.random() < 0.01:
                row[0] = "C-DUP"
            writer.writerow(row)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_fast_reader_matches_the_plain_path_on_a_damaged_caseload(tmp_path, seed):
    path = tmp_path / "cases.csv"
    _damaged_caseload(path, seed)
    rows = list(csv_rows(path))
    cases, bad = _plain(rows[0], rows[1:], guarded=True)
    read = read_cases(path)
    assert read.cases == cases
    assert [problem.row for problem in read.problems] == bad
    assert bad  # the damage did reach some rows


@pytest.mark.parametrize(
    "name", sorted(p.name for p in HOSTILE.glob("ehc-*.csv") if "missing" not in p.name)
)
def test_the_fast_reader_matches_the_plain_path_on_the_corpus(name):
    rows = list(csv_rows(HOSTILE / name))
    cases, bad = _plain(rows[0], rows[1:], guarded=True)
    read = read_cases(HOSTILE / name)
    assert read.cases == cases
    assert [problem.row for problem in read.problems] == bad


_CELL = st.one_of(
    st.none(),
    st.sampled_from(
        ["", " ", "2024-01-08", "08/01/2024", "2024-Jan-09", "1", "0", "a"]
    ),
    st.dates().map(str),
    st.integers(-5, 50_000),
    st.text(max_size=4),
)


@settings(max_examples=200)
@given(st.lists(st.lists(_CELL, max_size=8), max_size=12))
def test_in_memory_rows_match_the_plain_path(rows):
    header = [
        "CaseId",
        "ReceivedDate",
        "StartDate",
        "Week20",
        "ExceptionReason",
        "DecidedToAssess",
        "DraftPlanDate",
        "ExceptionNote",
    ]
    cases, bad = _plain(header, rows, guarded=False)
    read = _ehc.cases_from_rows(header, rows)
    assert read.cases == cases
    assert [p.row for p in read.problems] == bad
