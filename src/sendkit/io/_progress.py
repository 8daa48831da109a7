"""Progress on long reads and long computations, shown only when a caller asks.

The library never prints. A caller (the command line) installs a reporter
with `reporting`; readers pass their row iterators through `counted`, and the
command line passes what it computes over through `computing`. Both return
their argument itself, untouched, when nobody is listening, so the library
pays nothing for them.
"""

from __future__ import annotations

import contextlib
import contextvars
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Final, TypeVar

__all__ = ["computing", "counted", "reporting"]

T = TypeVar("T")

#: Rows between two looks at the clock.
_EVERY: Final = 5_000
#: Seconds between two reports.
_INTERVAL: Final = 0.5

_REPORTER: contextvars.ContextVar[Callable[[str, bool], None] | None] = (
    contextvars.ContextVar("sendkit_progress", default=None)
)


@contextlib.contextmanager
def reporting(report: Callable[[str, bool], None] | None) -> Iterator[None]:
    """Send progress messages to ``report(text, final)`` inside the block.

    ``final`` is true for the last message of a read. ``None`` turns
    progress off.
    """
    token = _REPORTER.set(report)
    try:
        yield
    finally:
        _REPORTER.reset(token)


def counted(
    rows: Iterable[T], label: str, *, unit: str = "rows", total: int | None = None
) -> Iterable[T]:
    """Return *rows*, reporting how many have gone by if a reporter listens.

    Args:
        rows: The rows (or items), taken lazily.
        label: What is being done, such as ``"reading cases.csv"``.
        unit: What is counted, plural: ``"rows"``, ``"cases"``.
        total: How many there are, if known: shown as "120,000 of 500,000".
    """
    report = _REPORTER.get()
    if report is None:
        return rows
    return _counting(rows, label, unit, total, report)


def computing(items: Sequence[T], label: str, *, unit: str = "cases") -> Iterable[T]:
    """Return *items*, reporting progress through them if a reporter listens.

    For work over rows already read (measuring, finding open steps): the
    total is known, so the report says how far through it is. The work must
    take *items* lazily, once (every sendkit function that takes cases as
    an iterable does).

    Args:
        items: What the work goes through.
        label: What is being done, such as ``"finding open steps"``.
        unit: What is counted, plural.
    """
    return counted(items, label, unit=unit, total=len(items))


def _counting(
    rows: Iterable[T],
    label: str,
    unit: str,
    total: int | None,
    report: Callable[[str, bool], None],
) -> Iterator[T]:
    of = "" if total is None else f" of {total:,}"
    count = 0
    shown = False
    last = time.monotonic()
    for row in rows:
        count += 1
        if count % _EVERY == 0 and (now := time.monotonic()) - last >= _INTERVAL:
            last = now
            shown = True
            report(f"{label}: {count:,}{of} {unit}", False)
        yield row
    if shown:
        report(f"{label}: {count:,}{of} {unit}", True)
