"""Action plans at scale: `ActionPlan.status` on 10,000 actions, against reading the file.

Run from the project root:

    .venv/bin/python benchmarks/bench_plans.py [--actions 10000]

A plan of N actions (fixed seed; 25 sections; statuses, dates, KPIs, overrides
and a progress log of 0-6 entries per action) is written once as .xlsx and as
.csv. Then, for each format, the script times `read_plan(path)` (the baseline)
and `plan.status(as_of)` on the plan read, and prints the status time as a
ratio of the read time: ``status / read``, lower is better. Each figure is the
best of several runs with the garbage collector off while the clock runs; the
two contenders take turns. The write time is shown for context. The script
checks that the plan read back equals the plan written before timing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import pathlib
import random
import tempfile
import time
from collections.abc import Callable

from sendkit.io import read_plan, write_plan
from sendkit.plans import (
    Action,
    ActionPlan,
    Kpi,
    Measurement,
    Milestone,
    Partner,
    ProgressUpdate,
    Rag,
    RagOverride,
    Section,
    Status,
)

AS_OF = dt.date(2025, 3, 31)


def make_plan(n: int, seed: int = 5) -> ActionPlan:
    rng = random.Random(seed)
    base = dt.date(2024, 3, 11)
    statuses = list(Status)
    partners = list(Partner)
    sections = []
    per = max(n // 25, 1)
    made = 0
    for s in range(1, 26):
        actions = []
        count = per if s < 25 else n - made
        for a in range(1, count + 1):
            start = base + dt.timedelta(days=rng.randrange(0, 300))
            due = start + dt.timedelta(days=rng.randrange(20, 500))
            log_days = sorted(
                base + dt.timedelta(days=rng.randrange(0, 380))
                for _ in range(rng.randrange(0, 7))
            )
            updates = [
                ProgressUpdate(
                    on=day,
                    status=rng.choice(statuses),
                    note=f"Update {i} on action {s}.{a}: progress noted at board",
                    by="Action owner",
                )
                for i, day in enumerate(log_days)
            ]
            kpi = None
            if rng.random() < 0.3:
                kpi = Kpi(
                    id=f"KPI-{s}",
                    description="% new EHC plans within 20 weeks",
                    unit="%",
                    baseline=30.0,
                    baseline_on=base,
                    target=60.0,
                    actuals=[
                        Measurement(
                            on=base + dt.timedelta(days=91 * q), value=30.0 + 4 * q
                        )
                        for q in range(1, 5)
                    ],
                )
            override = None
            if rng.random() < 0.02:
                override = RagOverride(
                    rag=Rag.AMBER, reason="Board agreed a revised date", by="Chair"
                )
            actions.append(
                Action(
                    id=f"PA{s}.{a}",
                    description=f"Action {a} for area {s}: improve the timeliness of EHC plans",
                    owner="Head of SEND",
                    lead_partner=rng.choice(partners),
                    start=start,
                    due=due,
                    status=rng.choice(statuses),
                    success_measure="Measured against the KPI at each board",
                    milestones=[
                        Milestone(
                            due=start + dt.timedelta(days=30), description="Kick-off"
                        )
                    ],
                    kpi=kpi,
                    updates=updates,
                    override=override,
                    board="SEND Improvement Board",
                )
            )
        made += count
        sections.append(
            Section(id=f"PA{s}", title=f"Area for priority action {s}", actions=actions)
        )
    return ActionPlan(
        partnership="Benchmarkshire", report_received=base, sections=sections
    )


def best_of(runs: int, *contenders: Callable[[], object]) -> list[float]:
    best = [float("inf")] * len(contenders)
    for _ in range(runs):
        for i, func in enumerate(contenders):
            gc.collect()
            gc.disable()
            try:
                t0 = time.perf_counter()
                func()
                best[i] = min(best[i], time.perf_counter() - t0)
            finally:
                gc.enable()
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    plan = make_plan(args.actions)
    print(
        f"plan: {len(plan.actions):,} actions in {len(plan.sections)} sections, as of {AS_OF}"
    )
    print(
        f"{'format':<6} {'write s':>8} {'read s (baseline)':>18} {'status s':>9} {'status / read':>14}"
    )
    with tempfile.TemporaryDirectory() as folder:
        for suffix in ("xlsx", "csv"):
            path = pathlib.Path(folder) / f"plan.{suffix}"
            t0 = time.perf_counter()
            write_plan(plan, path, as_of=AS_OF)
            write_s = time.perf_counter() - t0
            loaded = read_plan(path)
            if loaded != plan:
                raise SystemExit(
                    f"MISMATCH: the {suffix} file did not read back as written"
                )
            read_s, status_s = best_of(
                args.runs,
                lambda path=path: read_plan(path),
                lambda loaded=loaded: loaded.status(AS_OF),
            )
            print(
                f"{suffix:<6} {write_s:>8.2f} {read_s:>18.3f} {status_s:>9.3f} "
                f"{status_s / read_s:>14.4f}"
            )
    report = plan.status(AS_OF)
    counts = ", ".join(f"{report.counts[r]} {r.value}" for r in Rag)
    print(
        f"status: {counts}; {len(report.overdue):,} overdue, {len(report.exceptions):,} exceptions"
    )


if __name__ == "__main__":
    main()
