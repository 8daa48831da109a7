"""Reading DfE's EHC plan files, and writing benchmark outputs atomically.

DfE publishes *Education, health and care plans* each June on Explore
Education Statistics as CSV files (``timeliness_20_week.csv``,
``requests.csv``, ``assessments.csv``, ``annual_reviews.csv``). Their layout:
one row per year, area and breakdown, with ``time_period``,
``geographic_level``, ``region_code``, ``new_la_code``, ``old_la_code``,
``la_name``, ``breakdown_topic`` and the value columns. `read_dfe_file`
recognises which file it is from its columns, keeps the headline rows, and
`read_dfe_table` lays them over the table shipped inside sendkit, so a newer
release can be used before sendkit ships it.
"""

from __future__ import annotations

import csv
import datetime as dt
import pathlib
from collections.abc import Callable, Iterable, Sequence
from typing import IO, Any, Final

import attrs

from ..dfe._benchmark import Benchmark, MeasureBenchmark
from ..dfe._measures import KINDS, MEASURES, SERIES_BREAK
from ..dfe._neighbours import NEIGHBOURS_SOURCE
from ..dfe._table import META_COLUMNS, Figure, Table, headline_rows, shipped_table
from ..ehc._measure import Timeliness
from ..ehc._model import EhcCase
from ..errors import InvalidInputError
from ._cells import guard_formula
from ._files import atomic_write, check_input, check_output, csv_rows, save_atomic
from ._sheet_print import fit_rows, print_landscape

__all__ = [
    "CASES_BEHIND_COLUMNS",
    "DfeFile",
    "read_dfe_file",
    "read_dfe_table",
    "write_atomically",
    "write_benchmark_xlsx",
    "write_cases_behind",
]

_ALWAYS: Final = ("time_period", "geographic_level", "breakdown_topic")


@attrs.frozen(kw_only=True)
class DfeFile:
    """The headline rows of one DfE EHC plan file.

    Attributes:
        kind: Which file it is (a key of `sendkit.dfe.KINDS`).
        source: The file's path as given.
        rows: The headline rows, with `sendkit.dfe.META_COLUMNS` and the
            kind's value columns, as DfE wrote them.
        years: The calendar years it holds.
    """

    kind: str
    source: str
    rows: tuple[dict[str, str], ...]
    years: tuple[int, ...]


def _kind(header: Iterable[str], source: str) -> str:
    present = {name.strip().lstrip("\ufeff") for name in header}
    best: tuple[int, str, list[str]] | None = None
    for name, spec in KINDS.items():
        needed = [*_ALWAYS, *META_COLUMNS, *spec.columns]
        missing = [column for column in dict.fromkeys(needed) if column not in present]
        if not missing:
            return name
        if best is None or len(missing) < best[0]:
            best = (len(missing), name, missing)
    assert best is not None  # noqa: S101 - KINDS is never empty
    _, name, missing = best
    msg = (
        f"{source}: not a DfE EHC plan file of a layout sendkit knows: missing "
        f"columns {', '.join(missing)} (nearest layout: DfE's {name}.csv)"
    )
    raise InvalidInputError(msg)


def read_dfe_file(path: str | pathlib.Path) -> DfeFile:
    """Read one of DfE's EHC plan CSV files and keep its headline rows.

    Raises:
        InvalidInputError: The file cannot be read, or its columns are not
            those of a DfE file sendkit knows (the message names the missing
            columns), or a headline row has no usable year or level.
    """
    path = check_input(path, accepted="DfE EHC plan .csv file")
    source = str(path)
    # One row at a time, in the encodings Excel saves (DfE writes UTF-8).
    records = csv_rows(path)
    header = [name.strip().lstrip("\ufeff") for name in next(records, [])]
    kind = _kind(header, source)
    rows = headline_rows(
        kind, (dict(zip(header, row, strict=False)) for row in records)
    )
    years: set[int] = set()
    for number, row in enumerate(rows, start=2):
        text = row["time_period"]
        if not (text[:4].isdigit()):
            msg = (
                f"{source}, headline row {number}, column 'time_period': not a "
                "calendar year (YYYY)"
            )
            raise InvalidInputError(msg)
        years.add(int(text[:4]))
    if not rows:
        msg = f"{source}: no headline rows (breakdown_topic {KINDS[kind].topic!r} ...)"
        raise InvalidInputError(msg)
    return DfeFile(
        kind=kind, source=source, rows=tuple(rows), years=tuple(sorted(years))
    )


def read_dfe_table(*paths: str | pathlib.Path) -> Table:
    """Return the shipped table with each DfE file in *paths* laid over it.

    A newer release's figures replace the shipped ones for the same year,
    area and column; years the shipped table lacks are added.
    """
    table = shipped_table()
    for path in paths:
        read = read_dfe_file(path)
        try:
            table = table.updated(read.rows, source=read.source)
        except (KeyError, ValueError) as exc:
            msg = f"{read.source}: a headline row cannot be read ({exc})"
            raise InvalidInputError(msg) from None
    return table


def write_atomically(
    path: str | pathlib.Path,
    write: Callable[[IO[Any]], None],
    *,
    force: bool = False,
    binary: bool = False,
    inputs: Iterable[str | pathlib.Path | None] = (),
) -> pathlib.Path:
    """Write a file with ``write(handle)``, atomically (`sendkit.io._files`).

    The output is checked first (`check_output`: an existing file needs
    *force*, a file in *inputs* is refused even with it), then written to a
    temporary file in the same folder and renamed over *path* (`atomic_write`
    for text, `save_atomic` for bytes), so a reader never sees half a file and
    a failed write leaves the old one.

    Raises:
        InvalidInputError: *path* exists and *force* is false, is one of
            *inputs*, or cannot be written.
    """
    file = check_output(path, force=force, inputs=inputs)
    if not binary:
        with atomic_write(file) as handle:
            write(handle)
        return file

    def save(temporary: pathlib.Path) -> None:
        with temporary.open("wb") as handle:
            write(handle)

    save_atomic(file, save)
    return file


def write_benchmark_xlsx(
    result: Benchmark,
    path: str | pathlib.Path,
    *,
    force: bool = False,
    inputs: Iterable[str | pathlib.Path | None] = (),
) -> pathlib.Path:
    """Write a benchmark as a workbook: Benchmark, Trend, Print and Source sheets.

    Benchmark has a row per measure and a column per area (with DfE's column
    names); Trend the council's, region's and England's figures year by year;
    Print the Benchmark figures with a row per area, to print on one page;
    Source the notes and attribution.

    Numbers are numbers; a figure DfE does not publish is the text
    ``not published (x)``, never 0. Every text cell is formula-safe.

    Raises:
        InvalidInputError: *path* exists and *force* is false, is one of
            *inputs* (the files being read), or cannot be written.
    """
    from openpyxl import Workbook  # noqa: PLC0415 - only when a workbook is asked for

    book = Workbook()
    sheet = book.active
    assert sheet is not None  # noqa: S101 - a new workbook has one sheet
    sheet.title = "Benchmark"
    areas = [result.council.name]
    if result.region:
        areas.append(result.region.name)
    areas += ["England", *(area.name for area in result.neighbours)]
    sheet.append(
        [
            guard_formula(
                f"{result.council.name}: DfE's published EHC figures, {result.year}"
            )
        ]
    )
    sheet.append(
        ["Measure", "DfE column", *map(guard_formula, areas), "Rank among neighbours"]
    )
    for row in result.measures:
        sheet.append(
            [
                guard_formula(MEASURES[row.measure].label),
                row.measure and MEASURES[row.measure].column,
                *map(_figure_cell, _area_figures(result, row)),
                row.rank_text,
            ]
        )
    trend = book.create_sheet("Trend")
    trend.append(["Measure", "Area", *(str(y) for y in result.years)])
    for row in result.measures:
        series = [(result.council.name, row.trend)]
        if result.region:
            series.append((result.region.name, row.region_trend))
        series.append(("England", row.england_trend))
        for name, figures_ in series:
            trend.append(
                [
                    guard_formula(MEASURES[row.measure].label),
                    guard_formula(name),
                    *(f.value if f.value is not None else f.text for f in figures_),
                ]
            )
    _print_sheet(book.create_sheet("Print"), result, areas)
    notes = book.create_sheet("Source")
    for text in (
        (
            f"From {SERIES_BREAK} SEN2 is a person-level collection; DfE warns of a "
            "break in the time series."
        ),
        "not published (x/c/z/low): DfE does not publish the figure; it is never 0.",
        NEIGHBOURS_SOURCE,
        result.source,
    ):
        notes.append([guard_formula(text)])

    # The Benchmark sheet's row 1 is a title that runs on into empty cells.
    _print_wide(sheet, first=2, widths=(34, 30, *(14,) * len(areas), 14))
    _print_wide(trend, first=1, widths=(34, 20, *(8,) * len(result.years)))
    _print_wide(notes, first=1, widths=(110,), header=False)

    def write(handle: IO[Any]) -> None:
        book.save(handle)

    return write_atomically(path, write, force=force, binary=True, inputs=inputs)


def _area_figures(result: Benchmark, row: MeasureBenchmark) -> list[Figure | None]:
    """One measure's figures in the order of the sheets' areas.

    The council, its region (``None`` if DfE has no figure for it), England
    and the neighbours, so every column keeps its area even when one is
    missing.
    """
    figures: list[Figure | None] = [row.council]
    if result.region:
        figures.append(row.region)
    return [*figures, row.england, *row.neighbours]


def _figure_cell(figure: Figure | None) -> float | str:
    """A figure as a cell: its number, or the text saying why there is none."""
    if figure is None:
        return "no figure"
    return figure.value if figure.value is not None else figure.text


def _print_sheet(sheet: Any, result: Benchmark, areas: Sequence[str]) -> None:
    """The Benchmark sheet turned on its side, to print on one readable page.

    The Benchmark sheet has a column per area (up to 13: the council, its
    region, England and ten neighbours), which a printer can fit to one page
    only in type too small to read. Here each area is a row
    and each measure a column (8 of them), which fits A4 landscape at close
    to full size. The council's row is bold; the last row is its rank.
    """
    from openpyxl.styles import Alignment, Font  # noqa: PLC0415 - only with a workbook

    sheet.append(
        [
            guard_formula(
                f"{result.council.name}: DfE's published EHC figures, {result.year}"
            )
        ]
    )
    sheet.append(
        ["Area", *(guard_formula(MEASURES[r.measure].label) for r in result.measures)]
    )
    columns = [_area_figures(result, row) for row in result.measures]
    formats = [
        "0.0" if MEASURES[r.measure].percent else "#,##0" for r in result.measures
    ]
    for at, area in enumerate(areas):
        sheet.append(
            [
                guard_formula(area),
                *(_figure_cell(figures[at]) for figures in columns),
            ]
        )
        for cell, number_format in zip(sheet[sheet.max_row][1:], formats, strict=True):
            cell.number_format = number_format
    sheet.append(["Rank among neighbours", *(r.rank_text for r in result.measures)])
    # Named, as the tracker's fonts are: a bold font with no name falls back
    # to another typeface in LibreOffice.
    last_of_table = sheet.max_row
    bold = Font(name="Calibri", bold=True)
    for row_number in (2, 3, sheet.max_row):
        for cell in sheet[row_number]:
            cell.font = bold
    sheet.append([])
    sheet.append(
        [
            guard_formula(
                "A figure DfE does not publish reads 'not published (x)' or "
                "'no figure', never 0. "
                "Ranks are highest first among the council and its neighbours. "
                "Definitions and sources: the Benchmark and Source sheets."
            )
        ]
    )
    _print_wide(sheet, first=2, widths=(22, *(15,) * len(result.measures)))
    sheet.row_dimensions[2].height = 15 * 3  # bold labels wrap to up to 3 lines
    sheet["A1"].font = bold
    figures_right = Alignment(wrap_text=True, vertical="top", horizontal="right")
    for row_cells in sheet.iter_rows(min_row=2, max_row=last_of_table, min_col=2):
        for cell in row_cells:
            cell.alignment = figures_right
    # The note under the table runs across it rather than wrapping in column A.
    last = sheet.max_row
    sheet.merge_cells(
        start_row=last,
        end_row=last,
        start_column=1,
        end_column=1 + len(result.measures),
    )
    sheet.cell(last, 1).alignment = Alignment(wrap_text=True, vertical="top")
    sheet.row_dimensions[last].height = 30


def _print_wide(
    sheet: Any, *, first: int, widths: Sequence[int], header: bool = True
) -> None:
    """Column widths, text wrapped from row *first*, A4 landscape one page wide.

    With *header*, row *first* repeats on every printed page.
    """
    from openpyxl.styles import Alignment  # noqa: PLC0415 - only with a workbook
    from openpyxl.utils import get_column_letter  # noqa: PLC0415

    columns = dict(enumerate(widths, start=1))
    for number, width in columns.items():
        sheet.column_dimensions[get_column_letter(number)].width = width
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in sheet.iter_rows(min_row=first):
        for cell in row:
            cell.alignment = wrap
    fit_rows(sheet, columns, first=first)
    if header:
        sheet.print_title_rows = f"{first}:{first}"
    print_landscape(sheet)


#: The columns of `write_cases_behind`, in order.
CASES_BEHIND_COLUMNS: Final = (
    "CaseId",
    "ReceivedDate",
    "StartDate",
    "Days",
    "Exception",
    "InDenominator",
    "InNumerator",
    "InDenominatorExcludingExceptions",
    "InNumeratorExcludingExceptions",
)


def write_cases_behind(
    result: Timeliness,
    cases: Iterable[EhcCase],
    path: str | pathlib.Path,
    *,
    force: bool = False,
    inputs: Iterable[str | pathlib.Path | None] = (),
) -> pathlib.Path:
    """Write the cases behind a 20-week figure, one row per plan issued in its year.

    Each row says whether the case is in the denominator and numerator, with
    and without exceptions (`CASES_BEHIND_COLUMNS`), so a council can match
    the figure with DfE's. Case ids are formula-guarded; the file is written
    atomically, after the checks of `write_atomically`.

    Raises:
        InvalidInputError: *path* exists and *force* is false, is one of
            *inputs*, or cannot be written.
    """
    in_time = result.limit_days if result.boundary_inclusive else result.limit_days - 1

    def write(handle: IO[Any]) -> None:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(CASES_BEHIND_COLUMNS)
        for case in cases:
            issued = case.plan_issued
            if not isinstance(issued, dt.date) or issued.year != result.year:
                continue
            days = (issued - case.received).days
            excepted = case.week20 if case.week20 is not None else bool(case.exceptions)
            ok = days <= in_time
            writer.writerow(
                [
                    guard_formula(case.case_id),
                    case.received.isoformat(),
                    issued.isoformat(),
                    days,
                    int(excepted),
                    1,
                    int(ok),
                    int(not excepted),
                    int(ok and not excepted),
                ]
            )

    return write_atomically(path, write, force=force, inputs=inputs)
