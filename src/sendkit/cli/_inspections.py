"""``sendkit timeline`` and ``sendkit inspections``: what follows an inspection.

``timeline`` dates what follows one outcome from the day the report was
received. ``inspections`` reads an Ofsted file and lists every partnership
with its outcome and milestones; with ``--as-of`` it flags expected events now
overdue. Nothing here reads the clock: without ``--as-of`` no status is
computed, and the output says so.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from typing import Any

from ..errors import SendkitError
from ..inspections import (
    Framework,
    Inspection,
    Milestone,
    Status,
    follow_up,
    parse_outcome,
)
from ..inspections import Outcome as _Outcome
from ..io import ReadResult, load_rules, read_inspections
from ..io._progress import computing
from ..reports import inspection_report
from ..rules import RULES, RuleBook
from ._common import (
    add_calendar_options,
    add_quiet_option,
    date_arg,
    print_json,
    warnings_to_stderr,
)
from ._happened import add_event_options, record_happened, recorded_events

#: Exit code when a file was opened but not one row could be read.
EXIT_NOTHING_READ = 1


def outcome_arg(text: str) -> _Outcome:
    """Parse an outcome for the command line (``systemic``, ``3``, Ofsted's labels)."""
    try:
        return parse_outcome(text)
    except SendkitError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def add_rules_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--rules FILE``: a local rule file, as ``sendkit deadline`` takes."""
    parser.add_argument(
        "--rules",
        metavar="FILE",
        help=(
            "a local rule file (TOML) that changes or adds rules; dates from its "
            "rules are marked LOCAL RULE"
        ),
    )


def rule_book(args: argparse.Namespace) -> RuleBook:
    """Return the rule book for ``--rules``: the catalogue when none is given."""
    return load_rules(args.rules) if args.rules else RULES


def local_rules_lines(book: RuleBook) -> list[str]:
    """Say which rules a local rule file changed; nothing for the catalogue."""
    return [
        f"Locally overridden rule {rule.code}: {rule.overridden}."
        for rule in book.values()
        if rule.overridden is not None
    ]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the inspection commands."""
    timeline = subparsers.add_parser(
        "timeline",
        help="what follows an area SEND outcome, dated from the report's receipt",
        description=(
            "Print what follows a 2023-framework outcome: deadlines (priority action "
            "plan) and expected dates (stocktake, engagement meetings, monitoring and "
            "next full inspection), each with its rule, source and confidence. Working "
            "days are counted like Excel's WORKDAY: the day the report is received is "
            "not counted."
        ),
    )
    timeline.add_argument(
        "--outcome",
        required=True,
        type=outcome_arg,
        metavar="OUTCOME",
        help="positive, inconsistent or systemic; 1, 2 or 3; or Ofsted's label",
    )
    timeline.add_argument(
        "--report-received",
        required=True,
        type=date_arg,
        metavar="DATE",
        help="the day the partnership received the final report (YYYY-MM-DD or DD/MM/YYYY)",
    )
    timeline.add_argument(
        "--as-of",
        type=date_arg,
        metavar="DATE",
        help="also show each milestone's status on DATE",
    )
    timeline.add_argument(
        "--explain", action="store_true", help="also show how each date was reached"
    )
    timeline.add_argument("--json", action="store_true", help="print a JSON array")
    add_event_options(timeline)
    add_calendar_options(timeline)
    add_rules_option(timeline)
    timeline.set_defaults(handler=_timeline)

    files = subparsers.add_parser(
        "inspections",
        help="every partnership in an Ofsted area SEND file, with what follows",
        description=(
            "Read Ofsted's management-information file (2023 framework) or its "
            "2016-2022 official statistics (CSV, ODS or XLSX) and list every "
            "partnership with its outcome and milestones. Rows that cannot be read "
            "are listed on stderr with their row numbers. Exit code 1 when no row "
            "could be read, 2 when the file itself cannot be read."
        ),
    )
    files.add_argument("file", help="the Ofsted file (.csv, .ods or .xlsx)")
    files.add_argument(
        "--as-of",
        type=date_arg,
        metavar="DATE",
        help=(
            "flag expected events before DATE not recorded as done (overdue); "
            "without it no status is computed"
        ),
    )
    files.add_argument(
        "--sheet", help="the sheet to read (default: the first with a known header)"
    )
    files.add_argument("--json", action="store_true", help="print a JSON array")
    add_quiet_option(files)
    add_calendar_options(files)
    add_rules_option(files)
    files.set_defaults(handler=_inspections)


def _timeline(args: argparse.Namespace) -> int:
    inspection = Inspection(
        local_area="(timeline)",
        framework=Framework.AREA_SEND_2023,
        outcome=args.outcome,
        report_received=args.report_received,
    )
    book = rule_book(args)
    with warnings_to_stderr():
        milestones = follow_up(
            inspection, region=args.region, closures=args.closure, rules=book
        )
    milestones = record_happened(milestones, recorded_events(args))
    if args.json:
        print_json([m.to_dict(as_of=args.as_of) for m in milestones])
        return 0
    outcome: _Outcome = args.outcome
    print(f"Outcome {outcome.number}: {outcome.label}")
    print(f"Report received {args.report_received.isoformat()}; region {args.region}.")
    for line in local_rules_lines(book):
        print(line)
    print()
    sections = inspection_report(inspection, milestones, as_of=args.as_of)
    timeline, explained = sections[2], sections[3]
    print("\n".join(timeline.lines))
    if args.explain:
        print()
        print("\n".join(explained.lines).rstrip())
    return 0


def _inspections(args: argparse.Namespace) -> int:
    result = read_inspections(args.file, sheet=args.sheet)
    for problem in result.problems:
        print(f"sendkit: {result.source} {problem}", file=sys.stderr)
    for note in result.notes:
        print(f"sendkit: {result.source}: {note}", file=sys.stderr)
    as_of: dt.date | None = args.as_of
    book = rule_book(args)
    with warnings_to_stderr():
        entries = [
            (
                one,
                follow_up(one, region=args.region, closures=args.closure, rules=book),
            )
            for one in computing(result.inspections, "following up", unit="inspections")
        ]
    if args.json:
        print_json([_entry_dict(one, milestones, as_of) for one, milestones in entries])
        if as_of is None:
            print(
                "sendkit: no --as-of date given, so no overdue flags were computed",
                file=sys.stderr,
            )
    else:
        for line in local_rules_lines(book):
            print(line)
        _print_entries(result, entries, as_of)
    if not result.inspections:
        print(f"sendkit: no row of {result.source} could be read", file=sys.stderr)
        return EXIT_NOTHING_READ
    return 0


def _entry_dict(
    inspection: Inspection, milestones: Sequence[Milestone], as_of: dt.date | None
) -> dict[str, Any]:
    def iso(day: dt.date | None) -> str | None:
        return day.isoformat() if day else None

    out: dict[str, Any] = {
        "local_area": inspection.local_area,
        "la_code": inspection.la_code,
        "ofsted_region": inspection.ofsted_region,
        "framework": inspection.framework.value,
        "outcome": inspection.outcome_code,
        "outcome_label": inspection.outcome_label,
        "start": iso(inspection.start),
        "published": iso(inspection.published),
        "received": iso(inspection.received),
        "received_is_assumed": inspection.received_is_assumed,
        "priority_actions": inspection.priority_actions,
    }
    if inspection.framework is Framework.LOCAL_AREA_SEND_2016:
        out |= {
            "wsoa_weaknesses": inspection.wsoa_weaknesses,
            "revisit_start": iso(inspection.revisit_start),
            "revisit_published": iso(inspection.revisit_published),
            "revisit_outcome": inspection.revisit_outcome.value
            if inspection.revisit_outcome
            else None,
        }
    out["as_of"] = iso(as_of)
    out["milestones"] = [m.to_dict(as_of=as_of) for m in milestones]
    out["overdue"] = (
        [m.label for m in milestones if m.status(as_of=as_of) == Status.OVERDUE]
        if as_of is not None
        else None
    )
    return out


def _print_entries(
    result: ReadResult,
    entries: Sequence[tuple[Inspection, Sequence[Milestone]]],
    as_of: dt.date | None,
) -> None:
    print(
        f"{result.source}: {len(result.inspections)} partnerships read "
        f"({result.framework.title}, sheet {result.sheet!r}, header on row "
        f"{result.header_row}); {len(result.problems)} rows not read."
    )
    if as_of is None:
        print(
            "No --as-of date given: no overdue flags are computed; every milestone is listed."
        )
    else:
        print(
            f"Status on {as_of.isoformat()}: OVERDUE marks an expected event before that "
            "day which this file does not record as done; LAPSED one that can no longer "
            "happen because its process had ended."
        )
    overdue_total = 0
    for inspection, milestones in entries:
        region = f" ({inspection.ofsted_region})" if inspection.ofsted_region else ""
        published = (
            inspection.published.isoformat()
            if inspection.published
            else "not published"
        )
        print()
        print(
            f"{inspection.local_area}{region}: {inspection.outcome_label}; published {published}"
        )
        shown = milestones if as_of is None else _relevant(milestones, as_of)
        for m in shown:
            when = m.on.isoformat() if m.on else "no date"
            flag = "" if m.confirmed else f"  (unconfirmed {m.confidence})"
            if m.overridden is not None:
                flag += "  (LOCAL RULE)"
            state = None if as_of is None else m.status(as_of=as_of)
            status = "" if state is None else f"{state.upper():<9} "
            overdue_total += state == Status.OVERDUE
            why = f": {m.ended.note}" if state == Status.LAPSED and m.ended else ""
            print(f"    {status}{m.kind:<9} {when:<10}  {m.label}{why}{flag}")
    if as_of is not None:
        print()
        print(f"{overdue_total} expected events overdue on {as_of.isoformat()}.")


def _relevant(milestones: Sequence[Milestone], as_of: dt.date) -> list[Milestone]:
    """Overdue, lapsed and done events, the next upcoming one, and undated items."""
    out = []
    next_shown = False
    for m in milestones:
        status = m.status(as_of=as_of)
        if status in {Status.OVERDUE, Status.LAPSED, Status.DONE, Status.UNDATED}:
            out.append(m)
        elif status == Status.UPCOMING and not next_shown:
            out.append(m)
            next_shown = True
    return out
