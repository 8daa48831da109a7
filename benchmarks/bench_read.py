"""Reading a large caseload CSV: sendkit's pure-Python reader against polars.

Run:  python benchmarks/bench_read.py [--rows 200000] [--repeat 3]

Input: a made-up caseload (`sendkit.ehc.synthetic_caseload`) written into a
temporary folder as CSV with SEN2 column names and UK dates (DD/MM/YYYY), the
shape a council exports from its case system.

Baseline: polars reading the same file (``read_csv`` with every column as
text) and parsing its seven date columns with ``str.to_date("%d/%m/%Y")``.
sendkit does more per row (flags, exception reasons, SEN2 order checks, an
``EhcCase`` per row), so the ratio is an upper bound on the cost of reading.

Prints the input shape, the baseline's name, the best of ``--repeat`` runs of
each, and the ratio (sendkit time / polars time). The target is at most 15x.

Second part (``--actions``, default 10,000): an ``.xlsx`` tracker written by
`write_plan` (the plan of ``benchmarks/bench_plans.py``), and the share of
``read_plan`` spent inside openpyxl: opening the workbook and iterating its
cells (``sendkit.io._plan_xlsx._load``), against the whole ``read_plan``.
"""

from __future__ import annotations

import argparse
import csv
import pathlib
import tempfile
import time

from sendkit.ehc import read_cases, synthetic_caseload
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


def best(repeat: int, run) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def polars_read(path: pathlib.Path) -> int:
    import polars as pl

    frame = pl.read_csv(path, infer_schema=False)
    frame = frame.with_columns(
        pl.col(name).str.to_date("%d/%m/%Y", strict=False) for name in DATE_COLUMNS
    )
    return frame.height


def bench_xlsx(actions: int, repeat: int) -> None:
    """Print the share of read_plan spent in openpyxl on a tracker of *actions*."""
    import sys

    sys.path.insert(0, str(pathlib.Path(__file__).parent))
    from bench_plans import make_plan
    from sendkit.io._plan_xlsx import _load
    from sendkit.plans import read_plan, write_plan

    with tempfile.TemporaryDirectory() as folder:
        path = pathlib.Path(folder) / "tracker.xlsx"
        write_plan(make_plan(actions), path)
        size = path.stat().st_size
        print(f"input: tracker.xlsx with {actions:,} actions, {size / 1e6:.1f} MB")
        total = load = float("inf")
        for _ in range(repeat):  # interleaved: both meet the same load
            total = min(total, best(1, lambda: read_plan(path)))
            load = min(load, best(1, lambda: _load(path)))
        print(f"read_plan:                       {total:.3f} s (best of {repeat})")
        print(f"openpyxl open + iterate (_load): {load:.3f} s (best of {repeat})")
        print(f"openpyxl share of read_plan: {load / total:.0%}")
        try:
            from python_calamine import CalamineWorkbook
        except ImportError:
            print(
                "python-calamine not installed: no comparison (pip install python-calamine)"
            )
            return

        def calamine() -> int:
            book = CalamineWorkbook.from_path(str(path))
            return sum(
                len(book.get_sheet_by_name(name).to_python())
                for name in book.sheet_names
            )

        def openpyxl_values() -> int:
            import openpyxl

            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
            try:
                return sum(
                    sum(1 for _ in sheet.iter_rows(values_only=True))
                    for sheet in book.worksheets
                )
            finally:
                book.close()

        cal = best(repeat, calamine)
        opx = best(repeat, openpyxl_values)
        print(
            f"all cell values, every sheet: openpyxl {opx:.3f} s, "
            f"python-calamine {cal:.3f} s ({opx / cal:.0f}x faster; not used by sendkit)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--actions", type=int, default=10_000)
    args = parser.parse_args()
    if args.actions:
        bench_xlsx(args.actions, args.repeat)
    if not args.rows:
        return
    with tempfile.TemporaryDirectory() as folder:
        path = pathlib.Path(folder) / "caseload.csv"
        count = write_caseload(path, args.rows)
        size = path.stat().st_size
        print(
            f"input: {count:,} rows x {len(COLUMNS)} columns, "
            f"{len(DATE_COLUMNS)} UK-date columns, {size / 1e6:.1f} MB"
        )
        read = read_cases(path)
        if len(read.cases) + len(read.problems) != count or polars_read(path) != count:
            raise SystemExit("the two readers disagree on the number of rows")
        # Interleaved, so both meet the same load on a shared machine.
        sendkit_s = polars_s = float("inf")
        for _ in range(args.repeat):
            sendkit_s = min(sendkit_s, best(1, lambda: read_cases(path)))
            polars_s = min(polars_s, best(1, lambda: polars_read(path)))
        print("baseline: polars.read_csv (all text) + str.to_date on the date columns")
        print(f"sendkit read_cases: {sendkit_s:.3f} s (best of {args.repeat})")
        print(f"polars:             {polars_s:.3f} s (best of {args.repeat})")
        print(f"ratio: {sendkit_s / polars_s:.1f}x polars (target: at most 15x)")


if __name__ == "__main__":
    main()
