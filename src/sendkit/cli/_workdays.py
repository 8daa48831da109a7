"""``sendkit workday`` and ``sendkit networkdays``: WORKDAY and NETWORKDAYS."""

from __future__ import annotations

import argparse

from ..calendars import calendar_for
from ._common import add_calendar_options, date_arg, int_arg


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the working-day commands."""
    workday = subparsers.add_parser(
        "workday",
        help="the date N working days after START (like Excel's WORKDAY)",
        description=(
            "Print the date DAYS working days after START, counted like Excel's "
            "WORKDAY: START is not counted, 0 returns START, negative counts back."
        ),
    )
    workday.add_argument(
        "start",
        type=date_arg,
        help="the day the clock starts, not counted (YYYY-MM-DD or DD/MM/YYYY)",
    )
    workday.add_argument(
        "days", type=int_arg, help="working days; negative counts back"
    )
    add_calendar_options(workday)
    workday.add_argument(
        "--explain",
        action="store_true",
        help="also list every non-working day skipped, and why",
    )
    workday.set_defaults(handler=_workday)

    networkdays = subparsers.add_parser(
        "networkdays",
        help="working days from START to END, both counted (like NETWORKDAYS)",
        description=(
            "Print the number of working days from START to END, both ends "
            "counted, like Excel's NETWORKDAYS; negative when END is before START."
        ),
    )
    networkdays.add_argument(
        "start", type=date_arg, help="first day, counted (YYYY-MM-DD or DD/MM/YYYY)"
    )
    networkdays.add_argument(
        "end", type=date_arg, help="last day, counted (YYYY-MM-DD or DD/MM/YYYY)"
    )
    add_calendar_options(networkdays)
    networkdays.set_defaults(handler=_networkdays)


def _workday(args: argparse.Namespace) -> int:
    calendar = calendar_for(args.region, args.closure)
    if args.explain:
        explanation = calendar.explain(args.start, args.days)
        print(explanation.due.isoformat())
        print("\n".join(explanation.lines()))
    else:
        print(calendar.add_working_days(args.start, args.days).isoformat())
    return 0


def _networkdays(args: argparse.Namespace) -> int:
    calendar = calendar_for(args.region, args.closure)
    print(calendar.count_working_days(args.start, args.end))
    return 0
