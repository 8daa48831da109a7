"""Reading a large caseload CSV: sendkit's pure-Python reader against polars.

Run:  python benchmarks/bench_read.py [--rows 200000] [--repeat 5] [--actions 10000]

Input: a made-up caseload (`sendkit.ehc.synthetic_caseload`, fixed seed)
written into a temporary folder as CSV with SEN2 column names and UK dates
(DD/MM/YYYY), the shape a council exports from its case system.

Baseline: polars reading the same file (``read_csv`` with every column as
text) and parsing its seven date columns with ``str.to_date("%d/%m/%Y")``,
on as many threads as polars chooses. sendkit does more per row (flags,
exception reasons, SEN2 order checks, queries, an ``EhcCase`` per row), so
the ratio is an upper bound on the cost of reading. A third contender is
sendkit's row-by-row path (the reader before the column-wise path; the same
results), to show the change in the same run.

The contenders take turns, ``--repeat`` rounds; the script prints each one's
median, fastest and slowest time, and the ratio sendkit / polars of each
round (each round's two runs are back to back, so they meet the same load):
the median ratio and its range. The target is at most 15x.

Second part (``--actions``, default 10,000; 0 skips it): an ``.xlsx`` tracker
written by `write_plan` (the plan of ``benchmarks/bench_plans.py``), and the
share of ``read_plan`` spent inside openpyxl: opening the workbook and
iterating its cells (``sendkit.io._plan_xlsx._load``), against the whole
``read_plan``, as CPU time (which waiting for a busy core does not inflate)
and wall-clock time; and, if python-calamine is installed (it is not a sendkit
dependency and sendkit does not use it), openpyxl against python-calamine
reading every cell value of every sheet.
"""

from __future__ import annotations

import argparse
import csv
import os
import pathlib
import statistics
import tempfile
import time
from collections.abc import Iterable, Sequence
from typing import Any

from sendkit.ehc import synthetic_caseload
from sendkit.io import read_cases
from sendkit.io._ehc import COLUMNS

DATE_COLUMNS = [
    "ReceivedDate",
    "RequestOutcomeDate",
    "AssessmentOutcomeDate",
    "StartDate",
    "AdviceRequestedDate",
    "AdviceReceivedDate",
    "DraftPlanDate",
]


def write_caseload(path: pathlib.Path, rows: int) -> int:
    """Write about *rows* synthetic cases with UK dates; return the count."""
    cases = synthetic_caseload(year=2024, requests_per_year=max(1, rows // 2))
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(list(COLUMNS))
        for case in cases:
            row = []
            for field in COLUMNS.values():
                if field == "exceptions":
                    row.append(";".join(e.reason.value for e in case.exceptions))
                elif field == "exception_note":
                    row.append(" | ".join(e.note for e in case.exceptions if e.note))
                else:
                    value = getattr(case, field)
                    if value is None:
                        row.append("")
                    elif isinstance(value, bool):
                        row.append(str(int(value)))
                    elif hasattr(value, "strftime"):
                        row.append(value.strftime("%d/%m/%Y"))
                    else:
                        row.append(str(value))
            writer.writerow(row)
    return len(cases)


def clocked(run) -> tuple[float, float]:
    """Run *run* once: the wall-clock and the CPU time (all threads) it took.

    What *run* returns is freed after the clocks stop: reading ends when the
    result is in hand (200,000 cases take a few hundredths of a second to
    free; a polars frame, almost nothing).
    """
    wall, used = time.perf_counter(), time.process_time()
    result = run()
    wall, used = time.perf_counter() - wall, time.process_time() - used
    del result
    return wall, used


def best(repeat: int, run) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def polars_read(path: pathlib.Path) -> Any:
    """Read *path* with polars and parse its date columns; return the frame."""
    import polars as pl

    frame = pl.read_csv(path, infer_schema=False)
    return frame.with_columns(
        pl.col(name).str.to_date("%d/%m/%Y", strict=False) for name in DATE_COLUMNS
    )


def bench_xlsx(actions: int, repeat: int) -> None:
    """Print the share of read_plan spent in openpyxl on a tracker of *actions*."""
    import sys

    sys.path.insert(0, str(pathlib.Path(__file__).parent))
    from bench_plans import make_plan
    from sendkit.io import read_plan, write_plan
    from sendkit.io._plan_xlsx import _load

    with tempfile.TemporaryDirectory() as folder:
        path = pathlib.Path(folder) / "tracker.xlsx"
        write_plan(make_plan(actions), path)
        size = path.stat().st_size
        print(f"input: tracker.xlsx with {actions:,} actions, {size / 1e6:.1f} MB")
        print("baseline: read_plan (the whole read); measured: openpyxl inside it")
        totals, loads, shares, cpu_shares = [], [], [], []
        for _ in range(repeat):  # interleaved: both meet the same load
            total, total_cpu = clocked(lambda: read_plan(path))
            load, load_cpu = clocked(lambda: _load(path))
            totals.append(total)
            loads.append(load)
            shares.append(load / total)
            cpu_shares.append(load_cpu / total_cpu)
        print(
            f"read_plan: median {statistics.median(totals):.3f} s; openpyxl open + "
            f"iterate (_load): median {statistics.median(loads):.3f} s "
            f"({repeat} rounds in turn)"
        )
        print(
            f"openpyxl share of read_plan, CPU time: median "
            f"{statistics.median(cpu_shares):.0%} (rounds: {min(cpu_shares):.0%} to "
            f"{max(cpu_shares):.0%}); wall-clock: median {statistics.median(shares):.0%}"
            f" (rounds: {min(shares):.0%} to {max(shares):.0%})"
        )
        try:
            from python_calamine import CalamineWorkbook
        except ImportError:
            print(
                "python-calamine not installed: no comparison (pip install python-calamine)"
            )
            return

        def filled(rows: Iterable[Sequence[object]]) -> int:
            """Rows up to the last with a value: openpyxl also yields the empty
            formatted rows below a table, calamine stops at the last value."""
            last = 0
            for number, row in enumerate(rows, start=1):
                if any(value not in (None, "") for value in row):
                    last = number
            return last

        def calamine() -> int:
            book = CalamineWorkbook.from_path(str(path))
            return sum(
                filled(book.get_sheet_by_name(name).to_python())
                for name in book.sheet_names
            )

        def openpyxl_values() -> int:
            import openpyxl

            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
            try:
                return sum(
                    filled(sheet.iter_rows(values_only=True))
                    for sheet in book.worksheets
                )
            finally:
                book.close()

        if calamine() != openpyxl_values():
            raise SystemExit("openpyxl and python-calamine disagree on the rows")
        cal, opx = [], []
        for _ in range(repeat):
            cal.append(clocked(calamine)[1])
            opx.append(clocked(openpyxl_values)[1])
        ratios = [o / c for o, c in zip(opx, cal, strict=True)]
        print(
            "all cell values, every sheet (rows up to the last with a value), CPU time: openpyxl median "
            f"{statistics.median(opx):.3f} s, python-calamine median "
            f"{statistics.median(cal):.3f} s: calamine {statistics.median(ratios):.1f}x "
            f"faster (rounds: {min(ratios):.1f}x to {max(ratios):.1f}x; not used by "
            "sendkit)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--actions", type=int, default=10_000)
    args = parser.parse_args()
    if args.actions:
        bench_xlsx(args.actions, args.repeat)
    if not args.rows:
        return
    with tempfile.TemporaryDirectory() as folder:
        path = pathlib.Path(folder) / "caseload.csv"
        count = write_caseload(path, args.rows)
        bench_csv(path, count, args.repeat)


def bench_csv(path: pathlib.Path, count: int, repeat: int) -> None:
    """Time sendkit, polars and sendkit's row path in turn; print the ratios."""
    import polars as pl

    from sendkit.io import _ehc

    def rows_only() -> object:
        columnwise = _ehc._COLUMNWISE  # noqa: SLF001 - the row path, for comparison
        _ehc._COLUMNWISE = False  # noqa: SLF001
        try:
            return read_cases(path)
        finally:
            _ehc._COLUMNWISE = columnwise  # noqa: SLF001

    size = path.stat().st_size
    print(
        f"input: {count:,} rows x {len(COLUMNS)} columns, "
        f"{len(DATE_COLUMNS)} UK-date columns (DD/MM/YYYY), {size / 1e6:.1f} MB"
    )
    read = read_cases(path)
    if read != rows_only():
        raise SystemExit("the column-wise and row-by-row readers disagree")
    if (
        len(read.cases) + len(read.problems) != count
        or polars_read(path).height != count
    ):
        raise SystemExit("sendkit and polars disagree on the number of rows")
    print(
        f"baseline: polars {pl.__version__} read_csv (all text) + str.to_date on the "
        f"date columns, {pl.thread_pool_size()} threads; "
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}"
    )
    times: dict[str, list[float]] = {"sendkit": [], "polars": [], "rows": []}
    cpu: dict[str, list[float]] = {"sendkit": [], "polars": [], "rows": []}
    runs = {
        "sendkit": lambda: read_cases(path),
        "polars": lambda: polars_read(path),
        "rows": rows_only,
    }
    for _ in range(repeat):  # interleaved, so all meet the same load
        for key, run in runs.items():
            wall, used = clocked(run)
            times[key].append(wall)
            cpu[key].append(used)
    print(f"{repeat} rounds, in turn:           median   fastest  slowest")
    for key, label in (
        ("sendkit", "sendkit read_cases"),
        ("polars", "polars"),
        ("rows", "sendkit, row by row"),
    ):
        got = times[key]
        print(
            f"  {label:<26}{statistics.median(got):8.3f} s{min(got):8.3f} s"
            f"{max(got):8.3f} s"
        )
    ratios = [s / p for s, p in zip(times["sendkit"], times["polars"], strict=True)]
    before = [r / s for r, s in zip(times["rows"], times["sendkit"], strict=True)]
    print(
        f"ratio sendkit / polars: median {statistics.median(ratios):.1f}x "
        f"(rounds: {min(ratios):.1f}x to {max(ratios):.1f}x; target: at most 15x)"
    )
    print(
        f"row-by-row path / sendkit: median {statistics.median(before):.2f}x "
        f"(rounds: {min(before):.2f}x to {max(before):.2f}x)"
    )
    work = [s / p for s, p in zip(cpu["sendkit"], cpu["polars"], strict=True)]
    print(
        f"CPU time (all threads), median: sendkit {statistics.median(cpu['sendkit']):.3f}"
        f" s, polars {statistics.median(cpu['polars']):.3f} s; ratio median "
        f"{statistics.median(work):.1f}x (rounds: {min(work):.1f}x to {max(work):.1f}x)."
        " Waiting for a busy core does not count here, so this ratio moves less"
        " with load; on an idle machine the time ratio is higher than this by"
        " about the number of threads polars keeps busy"
    )


if __name__ == "__main__":
    main()
