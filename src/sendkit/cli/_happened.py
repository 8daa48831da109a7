"""``--submitted DATE`` and ``--event NAME=DATE``: what actually happened.

A timeline only knows what the rules predict. These options record what a
partnership knows happened (the plan went in on 3 July, the stocktake was
on 12 January), so that ``--as-of`` shows those milestones as done rather
than overdue, and a deadline met late says by how much.

Names accepted for ``--event``: a short name (`SHORT_NAMES`), a rule code
such as ``dfe.stocktake``, or the start of a milestone's label
(``"Monitoring inspection"``), case-insensitive. A repeating milestone
(engagement meetings) takes the first one not yet recorded each time it is
named, so ``--event engagement=2024-05-20 --event engagement=2025-05-19``
records the first two.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Final

import attrs

from ..errors import InvalidInputError
from ..inspections import Milestone
from ._common import date_arg

#: Short names for ``--event``, each naming the rule codes it stands for.
SHORT_NAMES: Final = {
    "submitted": ("area-send.pap.submit", "legacy.wsoa.submit"),
    "published": ("area-send.pap.publish",),
    "stocktake": ("dfe.stocktake",),
    "engagement": ("area-send.engagement-meeting",),
    "monitoring": ("area-send.monitoring-inspection",),
    "revisit": ("legacy.revisit",),
    "full-inspection": (
        "area-send.full-inspection.after-systemic",
        "area-send.full-inspection.after-inconsistent",
        "area-send.full-inspection.after-positive",
        "area-send.full-inspection.legacy-wsoa",
    ),
}


def event_arg(text: str) -> tuple[str, dt.date]:
    """Parse ``NAME=DATE`` for ``--event``."""
    name, sep, day = text.partition("=")
    if not sep or not name.strip():
        msg = f"{text!r} is not NAME=DATE (for example submitted=2023-07-03)"
        raise argparse.ArgumentTypeError(msg)
    return name.strip(), date_arg(day.strip())


def add_event_options(parser: argparse.ArgumentParser) -> None:
    """Add ``--submitted`` and ``--event`` to *parser*."""
    parser.add_argument(
        "--submitted",
        type=date_arg,
        metavar="DATE",
        help="the day the plan (priority action plan or written statement) was submitted",
    )
    parser.add_argument(
        "--event",
        type=event_arg,
        action="append",
        default=[],
        metavar="NAME=DATE",
        help=(
            "record that a milestone happened on DATE; NAME is "
            f"{', '.join(SHORT_NAMES)}, a rule code or the start of the "
            "milestone's label; repeatable"
        ),
    )


def recorded_events(args: argparse.Namespace) -> list[tuple[str, dt.date]]:
    """Return the events given on the command line, ``--submitted`` first."""
    events: list[tuple[str, dt.date]] = []
    if getattr(args, "submitted", None) is not None:
        events.append(("submitted", args.submitted))
    events.extend(getattr(args, "event", []) or [])
    return events


def _matches(name: str, milestone: Milestone) -> bool:
    key = name.lower()
    codes = SHORT_NAMES.get(key)
    if codes is not None:
        return milestone.rule in codes
    if milestone.rule is not None and milestone.rule.lower() == key:
        return True
    return milestone.label.lower().startswith(key)


def record_happened(
    milestones: Sequence[Milestone], events: Iterable[tuple[str, dt.date]]
) -> tuple[Milestone, ...]:
    """Return *milestones* with each named event recorded as happened.

    Raises:
        InvalidInputError: A name matches no milestone still to record (one
            line, listing the names accepted).
    """
    out = list(milestones)
    for name, day in events:
        index = next(
            (i for i, m in enumerate(out) if m.happened is None and _matches(name, m)),
            None,
        )
        if index is None:
            known = ", ".join(SHORT_NAMES)
            msg = (
                f"--event {name}: no milestone of this outcome by that name is left to "
                f"record; use {known}, a rule code, or the start of a milestone's label"
            )
            raise InvalidInputError(msg)
        out[index] = attrs.evolve(out[index], happened=day)
    return tuple(out)
