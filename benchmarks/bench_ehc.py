"""The 20-week measure over 1,000,000 cases: sendkit against a plain loop.

Run from the project root (about 30 seconds, most of it building the cases):

    .venv/bin/python benchmarks/bench_ehc.py

The caseload is `sendkit.ehc.synthetic_caseload` with 500,000 requests a year
over two years (1,000,000 cases). It prints how many plans were issued in the
measured year (354,526 with seed 1: most requests end without a plan issued in
that year).
The baseline is the straightforward per-case loop an analyst would write:
for each case, skip it unless its plan was issued in the year, compute its
weeks, put it in a band, add it to the month, and keep a second set of
counts without the exception cases. A second loop asks the rule catalogue
(`sendkit.rules.deadline`) for each case's due date, as a per-case timeline
does, to show what reading the period once from the rule saves. Both give the same numbers (checked
before anything is printed). Each timing is the best of several interleaved
runs with the garbage collector off; the ratio is baseline time / sendkit time.
"""

from __future__ import annotations

import gc
import platform
import sys
import time
from collections.abc import Callable

from sendkit.ehc import EhcCase, synthetic_caseload, timeliness
from sendkit.rules import deadline, get_rule

YEAR = 2024
REQUESTS_PER_YEAR = 500_000
ROUNDS = 3


def plain_loop(cases: list[EhcCase], year: int) -> dict[str, int]:
    """The obvious loop: one case at a time, every figure computed as it goes."""
    weeks_limit = get_rule("ehc.final-plan").period.amount
    counts = {
        "issued": 0,
        "within": 0,
        "mid": 0,
        "over": 0,
        "days": 0,
        "issued_ex": 0,
        "within_ex": 0,
        "mid_ex": 0,
        "over_ex": 0,
        "days_ex": 0,
    }
    by_month: dict[int, list[int]] = {month: [0, 0, 0, 0] for month in range(1, 13)}
    for case in cases:
        if case.plan_issued is None or case.plan_issued.year != year:
            continue
        days = (case.plan_issued - case.received).days
        weeks = days / 7
        if weeks <= weeks_limit:
            band = "within"
        elif weeks <= 52:
            band = "mid"
        else:
            band = "over"
        month = by_month[case.plan_issued.month]
        counts["issued"] += 1
        counts[band] += 1
        counts["days"] += days
        month[0] += 1
        month[1] += band == "within"
        if not case.excepted:
            counts["issued_ex"] += 1
            counts[band + "_ex"] += 1
            counts["days_ex"] += days
            month[2] += 1
            month[3] += band == "within"
    counts["months"] = sum(m[1] for m in by_month.values())
    return counts


def catalogue_loop(cases: list[EhcCase], year: int) -> dict[str, int]:
    """The same loop, asking the rule catalogue for each case's due date.

    This is how the per-case timelines get their dates; it shows what reading
    the period once from the rule saves over a caseload.
    """
    counts = dict.fromkeys(
        ("issued", "within", "mid", "over", "days"), 0
    ) | dict.fromkeys(("issued_ex", "within_ex", "mid_ex", "over_ex", "days_ex"), 0)
    in_time_months = 0
    for case in cases:
        if case.plan_issued is None or case.plan_issued.year != year:
            continue
        due = deadline("ehc.final-plan", case.received).due
        days = (case.plan_issued - case.received).days
        if case.plan_issued <= due:
            band = "within"
            in_time_months += 1
        elif days <= 364:
            band = "mid"
        else:
            band = "over"
        counts["issued"] += 1
        counts[band] += 1
        counts["days"] += days
        if not case.excepted:
            counts["issued_ex"] += 1
            counts[band + "_ex"] += 1
            counts["days_ex"] += days
    counts["months"] = in_time_months
    return counts


def with_sendkit(cases: list[EhcCase], year: int) -> dict[str, int]:
    result = timeliness(cases, year=year)
    return {
        "issued": result.issued,
        "within": result.within_20_weeks,
        "mid": result.over_20_to_52_weeks,
        "over": result.over_52_weeks,
        "days": result.total_days,
        "issued_ex": result.issued_excluding_exceptions,
        "within_ex": result.within_20_weeks_excluding_exceptions,
        "mid_ex": result.over_20_to_52_weeks_excluding_exceptions,
        "over_ex": result.over_52_weeks_excluding_exceptions,
        "days_ex": result.total_days_excluding_exceptions,
        "months": sum(month.within_20_weeks for month in result.by_month),
    }


def race(
    contenders: dict[str, Callable[[], object]],
) -> dict[str, tuple[float, object]]:
    best = dict.fromkeys(contenders, float("inf"))
    answers: dict[str, object] = {}
    for _ in range(ROUNDS):
        for name, func in contenders.items():
            gc.collect()
            gc.disable()
            try:
                start = time.perf_counter()
                answers[name] = func()
                elapsed = time.perf_counter() - start
            finally:
                gc.enable()
            best[name] = min(best[name], elapsed)
    return {name: (best[name], answers[name]) for name in contenders}


def main() -> None:
    print(
        f"Python {sys.version.split()[0]} on {platform.machine()} ({platform.system()})"
    )
    start = time.perf_counter()
    cases = list(
        synthetic_caseload(year=YEAR, requests_per_year=REQUESTS_PER_YEAR, seed=1)
    )
    print(
        f"built {len(cases):,} synthetic cases in {time.perf_counter() - start:.1f} s"
    )
    results = race(
        {
            "plain loop": lambda: plain_loop(cases, YEAR),
            "catalogue per case": lambda: catalogue_loop(cases, YEAR),
            "sendkit.ehc.timeliness": lambda: with_sendkit(cases, YEAR),
        }
    )
    ours_time, ours_answer = results["sendkit.ehc.timeliness"]
    for name, (_, answer) in results.items():
        if answer != ours_answer:
            msg = f"{name} disagrees:\n{answer}\n{ours_answer}"
            raise SystemExit(msg)
    issued = ours_answer["issued"]  # type: ignore[index]
    print(f"plans issued in {YEAR}: {issued:,} (all three agree)")
    print(f"{'implementation':<34}{'best time':>11}{'sendkit is':>16}")
    for name, label in (
        ("plain loop", "plain per-case loop (baseline)"),
        ("catalogue per case", "per-case loop calling deadline()"),
        ("sendkit.ehc.timeliness", "sendkit.ehc.timeliness"),
    ):
        elapsed = results[name][0]
        ratio = (
            "" if name.startswith("sendkit") else f"{elapsed / ours_time:.2f}x faster"
        )
        print(f"{label:<34}{elapsed:>9.3f} s{ratio:>16}")


if __name__ == "__main__":
    main()
