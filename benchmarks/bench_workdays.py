"""Working-day arithmetic: sendkit against a naive loop and against numpy.

Run from the project root (15-30 seconds):

    .venv/bin/python benchmarks/bench_workdays.py

Every figure is a ratio to a baseline timed in the same run, so the numbers
carry over between machines better than absolute times do; the absolute times
are printed too. Each timing is the best of several interleaved runs
(``time.perf_counter``, garbage collector off while timing); calendars and
inputs are built before any clock starts, and every implementation's answers
are checked against the others before anything is printed. See
benchmarks/README.md for how to read the table.
"""

from __future__ import annotations

import datetime as dt
import gc
import platform
import random
import sys
import time
import warnings
from collections.abc import Callable, Sequence

import holidays
import numpy as np

import sendkit
from sendkit.calendars import WorkingCalendar, calendar_for
from sendkit.errors import HolidayHorizonWarning

REGION = "england-and-wales"
SEED = 2
BATCH = 1_000_000
SCALAR = 20_000  # scalar calls per timing at 35 days
SCALAR_LONG = 4_000  # fewer at 400 days: the naive loop walks ~560 days per call
FIRST, LAST = dt.date(2000, 1, 1), dt.date(2030, 12, 31)
UNIX_ORDINAL = dt.date(1970, 1, 1).toordinal()

# The targets the last lines check.
SCALAR_TARGET = 10.0  # sendkit at least 10x faster than the naive loop at 35 days
BATCH_TARGET = 0.75  # batch at most 0.75x the time of the numpy pipeline
# Caseload-shaped batch: at most 1.0x numpy's one call.
CASELOAD_TARGET = 1.0
CASELOAD_FIRST, CASELOAD_LAST = dt.date(2015, 1, 1), dt.date(2026, 6, 30)
CASELOAD_REACH = 140


def race(
    rounds: int, contenders: dict[str, Callable[[], object]], *, inner: int = 3
) -> dict[str, tuple[float, object]]:
    """Time the contenders in turn, *inner* runs each per round; keep each best.

    Taking turns means a burst of load from elsewhere on the machine slows
    every contender alike rather than one of them. The runs inside a turn
    are back to back, so the best one sees warm caches, as ``timeit`` does;
    the garbage collector is off while a clock runs, as in ``timeit``.
    """
    best = dict.fromkeys(contenders, float("inf"))
    results: dict[str, object] = {}
    for _ in range(rounds):
        for name, func in contenders.items():
            gc.collect()
            gc.disable()
            try:
                for _ in range(inner):
                    t0 = time.perf_counter()
                    results[name] = func()
                    best[name] = min(best[name], time.perf_counter() - t0)
            finally:
                gc.enable()
    return {name: (best[name], results[name]) for name in contenders}


# -- baselines -----------------------------------------------------------------------


def naive_workday(start: dt.date, n: int, hols: frozenset[dt.date]) -> dt.date:
    """Excel WORKDAY by walking one day at a time (the obvious implementation)."""
    if n == 0:
        return start
    step = dt.timedelta(days=1 if n > 0 else -1)
    left = abs(n)
    day = start
    while left:
        day += step
        if day.weekday() < 5 and day not in hols:
            left -= 1
    return day


def to_datetime64_ordinal(days: Sequence[dt.date]) -> np.ndarray:
    """Python dates to datetime64[D] via toordinal (the fast route)."""
    ordinals = np.fromiter((d.toordinal() for d in days), np.int64, len(days))
    return (ordinals - UNIX_ORDINAL).astype("datetime64[D]")


def to_datetime64_array(days: Sequence[dt.date]) -> np.ndarray:
    """Python dates to datetime64[D] via np.array (the obvious, slow route)."""
    return np.array(days, dtype="datetime64[D]")


def workday_kernel(
    starts: np.ndarray, ns: np.ndarray | int, cal: np.busdaycalendar
) -> np.ndarray:
    """Excel WORKDAY with numpy: roll backward for n>0, forward for n<0, 0 keeps."""
    if isinstance(ns, int):
        if ns == 0:
            return starts.copy()
        roll = "backward" if ns > 0 else "forward"
        return np.busday_offset(starts, ns, roll=roll, busdaycal=cal)
    out = starts.copy()
    pos, neg = ns > 0, ns < 0
    out[pos] = np.busday_offset(starts[pos], ns[pos], roll="backward", busdaycal=cal)
    out[neg] = np.busday_offset(starts[neg], ns[neg], roll="forward", busdaycal=cal)
    return out


def numpy_pipeline(
    starts: Sequence[dt.date],
    days: Sequence[int] | int,
    cal: np.busdaycalendar,
    convert: Callable[[Sequence[dt.date]], np.ndarray],
) -> list[dt.date]:
    """Python dates in, Python dates out, with numpy in the middle."""
    arr = convert(starts)
    ns = days if isinstance(days, int) else np.fromiter(days, np.int64, len(days))
    result: list[dt.date] = workday_kernel(arr, ns, cal).tolist()
    return result


# -- the run ---------------------------------------------------------------------------


def caseload_rows(
    cal: WorkingCalendar, npcal: np.busdaycalendar, rng: random.Random
) -> tuple[float, list[tuple[str, str, float, str]]] | None:
    """Time the caseload-shaped batch against numpy's one call; None on a mismatch."""
    # 3. Caseload-shaped: starts are working days (requests are received on
    # working days), counts within +-140 working days. numpy's single
    # busday_offset call is exact here (no roll is ever needed), so it is the
    # fair kernel: ready datetime64[D] and int64 arrays, built before timing.
    working = [
        d
        for d in (
            CASELOAD_FIRST + dt.timedelta(days=i)
            for i in range((CASELOAD_LAST - CASELOAD_FIRST).days + 1)
        )
        if cal.is_working_day(d)
    ]
    case_starts = [rng.choice(working) for _ in range(BATCH)]
    case_days = [rng.randint(-CASELOAD_REACH, CASELOAD_REACH) for _ in range(BATCH)]
    ready_case_starts = to_datetime64_ordinal(case_starts)
    ready_case_days = np.array(case_days, dtype=np.int64)
    cal.add_working_days_many(case_starts[:10], case_days[:10])  # build its caches
    timed = race(
        4,
        {
            "ours": lambda: cal.add_working_days_many(case_starts, case_days),
            "numpy": lambda: np.busday_offset(
                ready_case_starts, ready_case_days, roll="forward", busdaycal=npcal
            ),
            "general": lambda: cal._many_fast_each(case_starts, case_days),  # noqa: SLF001
        },
    )
    (t_ours, ours), (t_np, npres) = timed["ours"], timed["numpy"]
    t_general, general = timed["general"]
    if not isinstance(npres, np.ndarray) or not (ours == npres.tolist() == general):
        print("MISMATCH: caseload-shaped batch", file=sys.stderr)
        return None
    caseload_ratio = t_ours / t_np
    shape = (
        f"caseload-shaped: 1e6 working-day starts "
        f"{CASELOAD_FIRST:%Y-%m}..{CASELOAD_LAST:%Y-%m}, days in "
        f"[-{CASELOAD_REACH}, {CASELOAD_REACH}]"
    )
    return caseload_ratio, [
        (
            f"batch, {shape}",
            "numpy busday_offset, one call, ready arrays",
            caseload_ratio,
            f"{t_ours:.3f} s vs {t_np:.3f} s for 1e6",
        ),
        (
            "  the same without the fast path (general path)",
            "numpy busday_offset, one call, ready arrays",
            t_general / t_np,
            f"{t_general:.3f} s vs {t_np:.3f} s for 1e6",
        ),
    ]


def main() -> int:  # noqa: PLR0915 - one table, built row group by row group
    """Time everything, check the answers agree, print the table."""
    warnings.simplefilter("ignore", HolidayHorizonWarning)  # starts run to 2030
    rng = random.Random(SEED)
    span = (LAST - FIRST).days + 1

    # Calendars, built before timing.
    cal = calendar_for(REGION)
    raw = holidays.country_holidays("GB", subdiv="ENG", years=range(1995, 2036))
    hols = frozenset(d for d in raw if d.weekday() < 5)
    npcal = np.busdaycalendar(
        weekmask="1111100", holidays=np.array(sorted(hols), "datetime64[D]")
    )

    rows: list[tuple[str, str, float, str]] = []  # (what, baseline, ratio, time)

    # 1. Scalar: sendkit.add_working_days vs the naive loop. Starts up to 2026
    # keep every answer inside GOV.UK's announced years; the last row starts
    # after them, where every call raises (an ignored) HolidayHorizonWarning.
    scalar_ratio_35 = 0.0
    announced = dt.date(2026, 12, 31)
    # One more row passes closures= (a Christmas shutdown, 24-31 Dec of
    # 1995-2035) to the module-level function, as a caller looping over
    # deadlines with a local closure calendar would.
    xmas = frozenset(
        dt.date(y, 12, d) for y in range(1995, 2036) for d in range(24, 32)
    )
    for n, count, lo, hi, closures, note in (
        (35, SCALAR, FIRST, announced, frozenset(), "starts 2000-2026"),
        (400, SCALAR_LONG, FIRST, announced, frozenset(), "starts 2000-2026"),
        (35, SCALAR, dt.date(2029, 1, 1), LAST, frozenset(), "starts 2029-2030, warns"),
        (35, SCALAR // 10, FIRST, announced, xmas, "closures=328 days"),
    ):
        days_span = (hi - lo).days + 1
        starts = [
            lo + dt.timedelta(days=rng.randrange(days_span)) for _ in range(count)
        ]
        timed = race(
            3,
            {
                "ours": lambda s=starts, n=n, c=closures: [
                    sendkit.add_working_days(d, n, closures=c) for d in s
                ],
                "naive": lambda s=starts, n=n, h=hols | closures: [
                    naive_workday(d, n, h) for d in s
                ],
            },
        )
        (t_ours, ours), (t_naive, naive) = timed["ours"], timed["naive"]
        if ours != naive:
            print(f"MISMATCH: scalar n={n}", file=sys.stderr)
            return 1
        ratio = t_naive / t_ours
        if n == 35 and not scalar_ratio_35:
            scalar_ratio_35 = ratio
        rows.append(
            (
                f"scalar add_working_days, n={n}, {note}",
                "naive day-by-day loop",
                ratio,
                f"{t_ours / count * 1e6:.2f} us vs {t_naive / count * 1e6:.2f} us per call",
            )
        )

    # 2. Batch: 1e6 (start, days) pairs, then one constant count.
    starts = [FIRST + dt.timedelta(days=rng.randrange(span)) for _ in range(BATCH)]
    mixed = [rng.randint(-60, 60) for _ in range(BATCH)]
    ready_starts = to_datetime64_ordinal(starts)
    ready_mixed = np.array(mixed, dtype=np.int64)
    batch_ratios: list[float] = []
    for label, days, ready_days in (
        ("days in [-60, 60]", mixed, ready_mixed),
        ("days = 35 for all", 35, 35),
    ):
        timed = race(
            2,
            {
                "ours": lambda d=days: cal.add_working_days_many(starts, d),
                "fast": lambda d=days: numpy_pipeline(
                    starts, d, npcal, to_datetime64_ordinal
                ),
                "slow": lambda d=days: numpy_pipeline(
                    starts, d, npcal, to_datetime64_array
                ),
                "kernel": lambda d=ready_days: workday_kernel(ready_starts, d, npcal),
            },
        )
        (t_ours, ours), (t_fast, fast) = timed["ours"], timed["fast"]
        (t_slow, slow), (t_kernel, kernel) = timed["slow"], timed["kernel"]
        if not isinstance(kernel, np.ndarray) or not (
            ours == fast == slow == kernel.tolist()
        ):
            print(f"MISMATCH: batch {label}", file=sys.stderr)
            return 1
        batch_ratios.append(t_ours / t_fast)
        per = f"{t_ours:.3f} s vs {{:.3f}} s for 1e6"
        rows += [
            (
                f"batch, {label}",
                "numpy pipeline, toordinal route",
                t_ours / t_fast,
                per.format(t_fast),
            ),
            (
                f"batch, {label}",
                "numpy pipeline, np.array route",
                t_ours / t_slow,
                per.format(t_slow),
            ),
            (
                f"batch, {label}",
                "numpy bare kernel (ready arrays)",
                t_ours / t_kernel,
                per.format(t_kernel),
            ),
        ]

    caseload = caseload_rows(cal, npcal, rng)
    if caseload is None:
        return 1
    caseload_ratio, more = caseload
    rows += more

    print(
        f"sendkit {getattr(sendkit, '__version__', '?')}, Python "
        f"{platform.python_version()}, numpy {np.__version__}, holidays "
        f"{holidays.__version__}, region {REGION}, seed {SEED}"
    )
    print("All implementations gave identical results on every case.\n")
    print("Scalar rows: ratio = baseline time / sendkit time (higher is better).")
    print("Batch rows:  ratio = sendkit time / baseline time (lower is better).\n")
    width = max(len(r[0]) for r in rows)
    bwidth = max(len(r[1]) for r in rows)
    print(f"{'measure':<{width}}  {'baseline':<{bwidth}}  {'ratio':>7}  times")
    for what, baseline, ratio, times in rows:
        print(f"{what:<{width}}  {baseline:<{bwidth}}  {ratio:>6.2f}x  {times}")
    print()
    ok_scalar = scalar_ratio_35 >= SCALAR_TARGET
    ok_batch = all(r <= BATCH_TARGET for r in batch_ratios)
    print(
        f"target: scalar >= {SCALAR_TARGET:g}x naive at 35 days (starts 2000-2026): "
        f"{scalar_ratio_35:.1f}x  {'MET' if ok_scalar else 'MISSED'}"
    )
    print(
        f"target: batch <= {BATCH_TARGET:g}x the numpy pipeline (toordinal route): "
        + ", ".join(f"{r:.2f}x" for r in batch_ratios)
        + f"  {'MET' if ok_batch else 'MISSED'}"
    )
    print("goal:   batch as close as possible to the bare kernel (see its rows)")
    ok_case = caseload_ratio <= CASELOAD_TARGET
    print(
        f"target: caseload-shaped batch <= {CASELOAD_TARGET:g}x numpy's one "
        f"busday_offset call on ready arrays: {caseload_ratio:.2f}x  "
        f"{'MET' if ok_case else 'MISSED'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
