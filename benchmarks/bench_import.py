"""Cold start: ``import sendkit`` plus the first working-day sum, against ``import holidays``.

Run from the project root (about 20 seconds):

    .venv/bin/python benchmarks/bench_import.py [--runs 9] [--before SRC]

Each sample is a fresh Python process (``python -c ...``, so nothing is
cached in memory; the ``.pyc`` files on disk are warm, as after any install).
The contenders take turns, one process each per round, so load from
elsewhere on the machine hits them alike; the figure is the median of each.

* baseline: ``import holidays`` (the holiday data sendkit is built on);
* sendkit: ``import sendkit`` then ``sendkit.add_working_days(date(2025, 4, 15), 5)``;
* with ``--before SRC``: the same for the sendkit source tree at *SRC*, e.g.
  ``git archive dd6a7f6 src | tar -x -C /tmp/before`` then ``--before /tmp/before/src``.

The target is at most 1.5x the baseline.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

TARGET = 1.5
BASELINE = "import holidays"
SENDKIT = (
    "import datetime, sendkit; "
    "assert sendkit.add_working_days(datetime.date(2025, 4, 15), 5) == "
    "datetime.date(2025, 4, 24)"
)


def one_run(code: str, pythonpath: str | None) -> float:
    env = dict(os.environ)
    # With PYTHONDONTWRITEBYTECODE set (some CI images and sandboxes set it) no
    # .pyc is ever written, so every run would time compiling sendkit's source
    # while holidays' installed .pyc files load: not the cold start of an install.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env=env)
    return time.perf_counter() - t0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--before", help="a sendkit src/ tree to time as well")
    args = parser.parse_args()
    contenders = {"holidays": (BASELINE, None), "sendkit": (SENDKIT, None)}
    if args.before:
        contenders["sendkit (before)"] = (SENDKIT, args.before)
    for code, path in contenders.values():  # warm the .pyc files first
        one_run(code, path)
    samples: dict[str, list[float]] = {name: [] for name in contenders}
    for _ in range(args.runs):
        for name, (code, path) in contenders.items():
            samples[name].append(one_run(code, path))
    base = statistics.median(samples["holidays"])
    print(
        f"Python {sys.version.split()[0]}; {args.runs} fresh processes each, interleaved; medians"
    )
    print(f"baseline: `{BASELINE}`")
    print(f"input: `{SENDKIT}`")
    for name, times in samples.items():
        median = statistics.median(times)
        print(f"{name:<18} {median * 1000:7.0f} ms  {median / base:5.2f}x baseline")
    ratio = statistics.median(samples["sendkit"]) / base
    verdict = "MET" if ratio <= TARGET else "MISSED"
    print(
        f"target: sendkit cold start <= {TARGET}x `{BASELINE}`: {ratio:.2f}x  {verdict}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
