"""The Excel add-in: one 10,000-row range call against 10,000 single-cell calls.

Run from the project root (a few seconds):

    .venv/bin/python benchmarks/bench_excel.py

Excel calls a formula once per cell when it is filled down a column, or once
for the whole column when it is given the range (the answer spills). Both
are timed here through the add-in's own functions, with inputs shaped as
each runtime sends them (classic: datetime cells and float days; Office.js:
``[[serial]]`` cells). The baseline is the 10,000 single-cell calls; the
figure printed is its time divided by the range call's. Times exclude Excel's
own overhead per call (COM or Office.js round trips), which only makes
single-cell calls slower still. Answers are checked equal before printing.
"""

from __future__ import annotations

import datetime as dt
import pathlib
import platform
import random
import sys
import time
from collections.abc import Callable

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "excel_addin"))

import sendkit  # noqa: E402
from sendkit_excel import functions  # noqa: E402
from sendkit_excel.coerce import date_to_serial  # noqa: E402

ROWS = 10_000
DAYS = 35
SEED = 7
REPEAT = 5


def best_of(func: Callable[[], object]) -> tuple[float, object]:
    """Return the best wall time of REPEAT calls and the last result."""
    best, result = float("inf"), None
    for _ in range(REPEAT):
        t0 = time.perf_counter()
        result = func()
        best = min(best, time.perf_counter() - t0)
    return best, result


def main() -> int:
    """Time both ways for both input styles and print the ratios."""
    rng = random.Random(SEED)
    first = dt.date(2015, 1, 1).toordinal()
    last = dt.date(2027, 12, 31).toordinal()
    starts = [dt.date.fromordinal(rng.randint(first, last)) for _ in range(ROWS)]
    expected = sendkit.calendar_for().add_working_days_many(starts, DAYS)
    sendkit.calendar_for()  # build the calendar before any clock starts

    styles = {
        "classic (datetime cells, float days)": (
            [dt.datetime(d.year, d.month, d.day) for d in starts],
            float(DAYS),
            lambda cell: cell,
        ),
        "Office.js ([[serial]] cells, int days)": (
            [date_to_serial(d) for d in starts],
            [[DAYS]],
            lambda cell: [[cell]],
        ),
    }
    print(f"sendkit Excel add-in, SK_WORKDAY(start, {DAYS}) over {ROWS:,} rows")
    print(
        f"python {platform.python_version()} on {platform.machine()}; best of {REPEAT}"
    )
    print()
    header = f"{'input style':42} {'per cell (s)':>12} {'range (s)':>10} {'ratio':>7}"
    print(header)
    print("-" * len(header))
    for name, (cells, days, as_cell) in styles.items():
        column = [[cell] for cell in cells]
        one_cell = [as_cell(cell) for cell in cells]

        def per_cell(one_cell=one_cell, days=days) -> list[object]:
            return [functions.sk_workday(cell, days) for cell in one_cell]

        def one_range(column=column, days=days) -> object:
            return functions.sk_workday(column, days)

        t_cells, got_cells = best_of(per_cell)
        t_range, got_range = best_of(one_range)
        if got_cells != expected or got_range != [[d] for d in expected]:
            print(f"{name}: the answers differ from sendkit's", file=sys.stderr)
            return 1
        print(f"{name:42} {t_cells:12.4f} {t_range:10.4f} {t_cells / t_range:6.1f}x")
    cal = sendkit.calendar_for()
    t_core, _ = best_of(lambda: cal.add_working_days_many(starts, DAYS))
    print()
    print(
        "ratio = time of 10,000 single-cell calls / time of one 10,000-row range call"
    )
    print(
        f"for scale: the core's add_working_days_many on ready dates takes "
        f"{t_core:.4f} s; the rest of a range call is reading Excel's cell values"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
