"""Progress on long reads, shown only when a caller asks for it.

The library never prints. A caller (the command line) installs a reporter
with `reporting`; readers pass their row iterators through `counted`, which
returns the iterator itself, untouched, when nobody is listening, so the
library pays nothing for it.
"""

from __future__ import annotations

import contextlib
import contextvars
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Final, TypeVar

__all__ = ["counted", "reporting"]

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


def counted(rows: Iterable[T], label: str) -> Iterable[T]:
    """Return *rows*, reporting how many have been read if a reporter listens.

    Args:
        rows: The rows, read lazily.
        label: What is being read, such as ``"reading cases.csv"``.
    """
    report = _REPORTER.get()
    if report is None:
        return rows
    return _counting(rows, label, report)


def _counting(
    rows: Iterable[T], label: str, report: Callable[[str, bool], None]
) -> Iterator[T]:
    count = 0
    shown = False
    last = time.monotonic()
    for row in rows:
        count += 1
        if count % _EVERY == 0 and (now := time.monotonic()) - last >= _INTERVAL:
            last = now
            shown = True
            report(f"{label}: {count:,} rows", False)
        yield row
    if shown:
        report(f"{label}: {count:,} rows", True)
