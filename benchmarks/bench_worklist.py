"""The team worklist over 100,000 plans, as a ratio to reading the same file.

Run from the project root (about a minute on a busy two-core machine):

    .venv/bin/python benchmarks/bench_worklist.py [PLANS]

A synthetic caseload (`sendkit.ehc.synthetic_plans`, PLANS plans, default
100,000, plus 6,000 requests from `synthetic_caseload` and their own issued
plans, as `sendkit ehc example --plans` writes them) is written to a
temporary CSV file with `write_caseload`. The baseline is reading that file
(`read_caseload`: parsing every row and building the records); the measured
step is `sendkit.ehc.worklist` over what was read, as of 31 December 2025.
Each timing is the best of ROUNDS interleaved runs with the garbage
collector off. The printed ratio is worklist time / read time: how many
reads of the file the worklist costs.
"""

from __future__ import annotations

import datetime as dt
import gc
import pathlib
import platform
import sys
import tempfile
import time

from sendkit.ehc import synthetic_caseload, synthetic_plans, worklist
from sendkit.io._caseload import read_caseload, write_caseload

YEAR = 2025
ROUNDS = 3


def main() -> None:
    plans_wanted = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    cases = synthetic_caseload(year=YEAR, requests_per_year=3_000, seed=1)
    plans = synthetic_plans(year=YEAR, plans=plans_wanted, seed=1, cases=cases)
    as_of = dt.date(YEAR, 12, 31)
    with tempfile.TemporaryDirectory() as folder:
        path = pathlib.Path(folder) / "caseload.csv"
        write_caseload(cases, plans, path)
        size = path.stat().st_size
        read_times, work_times = [], []
        items = 0
        gc.disable()
        try:
            for _ in range(ROUNDS):
                start = time.perf_counter()
                read = read_caseload(path)
                read_times.append(time.perf_counter() - start)
                start = time.perf_counter()
                work = worklist(read.cases, read.plans, as_of=as_of)
                work_times.append(time.perf_counter() - start)
                items = len(work.items)
        finally:
            gc.enable()
    read_best, work_best = min(read_times), min(work_times)
    print(f"Python {platform.python_version()} on {platform.machine()}")
    print(
        f"caseload: {len(cases):,} requests + {len(plans):,} plans "
        f"({len(read.plans):,} plan records read), {size / 1e6:.1f} MB CSV"
    )
    print(f"baseline  read_caseload:  {read_best:8.2f} s  (best of {ROUNDS})")
    print(f"measured  worklist:       {work_best:8.2f} s  ({items:,} open steps)")
    print(f"ratio worklist / read = {work_best / read_best:.2f}")


if __name__ == "__main__":
    main()
