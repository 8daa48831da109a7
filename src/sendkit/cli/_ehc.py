"""``sendkit ehc``: the 20-week measure and what is due, from a caseload file.

Outputs name cases only by their opaque ids; problems name the row or XML
element, never the child.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from ..ehc import (
    Timeliness,
    synthetic_caseload,
    timeliness,
    worklist,
)
from ..io import (
    CaseFile,
    Problem,
    load_rules,
    read_cases,
    write_cases,
    write_steps,
)
from ..io._progress import computing
from ..rules import RULES, RuleBook
from . import _benchmark, _caseload
from ._common import (
    add_calendar_options,
    add_quiet_option,
    add_window_options,
    date_arg,
    int_arg,
    output_path,
    print_json,
)
from ._ehc_page import add_html_options, check_html_output, write_timeliness_page

#: How many problems to print on stderr before summarising the rest.
_SHOW_PROBLEMS = 20
#: Exit code when a file was opened but not one case could be read from it.
EXIT_NOTHING_READ = 1
#: ``ehc example --year``: EHC plans began in September 2014 (Children and
#: Families Act 2014, https://www.legislation.gov.uk/ukpga/2014/6); the last
#: year keeps the made-up dates well inside what sendkit's calendar covers.
EXAMPLE_YEARS = (2015, 2100)
#: ``ehc example --requests``: more than every request in England in a year.
EXAMPLE_REQUESTS = (1, 200_000)


def _in_range(bounds: tuple[int, int]) -> Callable[[str], int]:
    """An argument type: a whole number from bounds[0] to bounds[1]."""
    low, high = bounds

    def parse(text: str) -> int:
        number = int_arg(text)
        if not low <= number <= high:
            msg = f"{number} is outside the accepted range, {low} to {high:,}"
            raise argparse.ArgumentTypeError(msg)
        return number

    return parse


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``sendkit ehc timeliness`` and ``sendkit ehc cases``."""
    ehc = subparsers.add_parser(
        "ehc",
        help="EHC needs assessments: the 20-week measure and what is due",
        description=(
            "Read a caseload (CSV, XLSX or ODS with SEN2 field names, or a SEN2 "
            "person-level XML return) and report the 20-week measure or the "
            "statutory steps due."
        ),
    )
    commands = ehc.add_subparsers(dest="ehc_command", metavar="COMMAND")

    measure = commands.add_parser(
        "timeliness",
        help="new EHC plans issued within 20 weeks in a calendar year",
        description=(
            "Count the new EHC plans issued (StartDate) in YEAR and how many were "
            "within 20 weeks of the request (ReceivedDate = day 0), with and "
            "without exception cases (Week20 = 1), as DfE counts them; plus the "
            "20-52 week and over-52-week bands, the average, each month, and "
            "England's published figure for the year. The output states the "
            "definition, each part tagged with how sure it is."
        ),
    )
    measure.add_argument("file", help="a .csv, .xlsx, .ods or SEN2 .xml file")
    measure.add_argument("--year", type=int_arg, required=True, help="calendar year")
    measure.add_argument(
        "--day-140-late",
        action="store_true",
        help="count a plan issued on day 140 as late (default: in time; unconfirmed)",
    )
    _common_options(measure)
    _benchmark.add_reconcile_options(measure)  # dfe: --la, --dfe, --cases-behind
    add_html_options(measure)
    measure.add_argument(
        "--force",
        action="store_true",
        help="replace an output file (--html, --cases-behind) if it exists",
    )
    measure.set_defaults(handler=_timeliness)

    due = commands.add_parser(
        "cases",
        help="each case's statutory steps due or overdue, soonest first",
        description=(
            "List every statutory step still to happen (decision whether to "
            "assess, advice, decision not to issue, the draft window, the final "
            "plan) as of a date, soonest due first, by opaque case id. This is "
            "'sendkit ehc due' (the one worklist) restricted to new requests."
        ),
    )
    due.add_argument("file", help="a .csv, .xlsx, .ods or SEN2 .xml file")
    due.add_argument(
        "--as-of",
        type=date_arg,
        required=True,
        metavar="DATE",
        help="the day to report on",
    )
    add_window_options(due, soon="due soon")
    due.add_argument(
        "--csv",
        metavar="OUT",
        help="also write the list to a CSV file (formula-safe), for a spreadsheet",
    )
    due.add_argument(
        "--force", action="store_true", help="replace the --csv file if it exists"
    )
    add_calendar_options(due)
    _common_options(due)
    due.set_defaults(handler=_cases)

    example = commands.add_parser(
        "example",
        help="write a made-up caseload of a realistic shape, to try the commands on",
        description=(
            "Write a synthetic caseload (no real data) as CSV in the layout the "
            "other commands read: REQUESTS requests a year for the two years "
            "ending with YEAR, about half of the plans within 20 weeks."
        ),
    )
    example.add_argument("out", help="the .csv file to write")
    example.add_argument(
        "--year",
        type=_in_range(EXAMPLE_YEARS),
        required=True,
        help=f"the last year ({EXAMPLE_YEARS[0]} to {EXAMPLE_YEARS[1]})",
    )
    example.add_argument(
        "--requests",
        type=_in_range(EXAMPLE_REQUESTS),
        default=3_000,
        help=(
            f"requests a year, {EXAMPLE_REQUESTS[0]} to {EXAMPLE_REQUESTS[1]:,} "
            "(default 3000)"
        ),
    )
    example.add_argument("--seed", type=int_arg, default=0, help="random seed")
    example.add_argument(
        "--force", action="store_true", help="replace the output file if it exists"
    )
    example.set_defaults(handler=_example)
    _caseload.register(commands)  # ehc due, ehc example --plans

    ehc.set_defaults(handler=lambda _args: _help(ehc))
    from ._worklist_page import register as add_worklist_page  # noqa: PLC0415

    add_worklist_page(commands)  # ehc due --html (reports)


def _help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def _common_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    add_quiet_option(parser)
    parser.add_argument(
        "--strict",
        action="store_true",
        help="stop at the first unreadable row instead of leaving it out",
    )
    parser.add_argument(
        "--rules", metavar="FILE", help="a local rule file (TOML) with changed figures"
    )


def _book(args: argparse.Namespace) -> RuleBook:
    return load_rules(args.rules) if args.rules else RULES


def _report(title: str, found: tuple[Problem, ...]) -> None:
    """List *found* on stderr under *title*, the first few in full."""
    if not found:
        return
    print(f"sendkit: {len(found)} {title}:", file=sys.stderr)
    for problem in found[:_SHOW_PROBLEMS]:
        print(f"  {problem}", file=sys.stderr)
    if len(found) > _SHOW_PROBLEMS:
        print(f"  ... and {len(found) - _SHOW_PROBLEMS} more", file=sys.stderr)


def _read(args: argparse.Namespace) -> CaseFile | None:
    """Read the caseload and list its problems; ``None`` if no case was read."""
    read = read_cases(args.file, strict=args.strict)
    _report("unreadable (left out)", read.problems)
    _report("queried by a sendkit check (kept)", read.queries)
    if not read.cases:
        why = (
            f"every one of its {len(read.problems):,} rows has a problem (above)"
            if read.problems
            else "it has a header but no data rows"
        )
        print(
            f"sendkit: no case could be read from {read.source}: {why}", file=sys.stderr
        )
        return None
    return read


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}%"


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def _timeliness(args: argparse.Namespace) -> int:
    check_html_output(args)
    read = _read(args)
    if read is None:
        return EXIT_NOTHING_READ
    result = timeliness(
        computing(read.cases, "measuring"),
        year=args.year,
        boundary_inclusive=not args.day_140_late,
        rules=_book(args),
    )
    if not args.json:
        print("\n".join(_measure_lines(result, read)))
    extra = _benchmark.reconcile(args, result, read.cases)  # dfe: DfE's figure
    if args.html:
        write_timeliness_page(args, result, read)
    if args.json:
        print_json(
            {
                **result.to_dict(),
                "source": read.source,
                "cases_read": len(read.cases),
                "problems": [str(problem) for problem in read.problems],
                "queries": [str(query) for query in read.queries],
                **extra,
            }
        )
    return 0


def _row(label: str, including: object, excluding: object = "") -> str:
    return f"{label:<26}{including!s:>22}{excluding!s:>22}".rstrip()


def _measure_lines(result: Timeliness, read: CaseFile) -> list[str]:
    in_time = f"{result.within_20_weeks:,} ({_pct(result.percent)})"
    in_time_ex = (
        f"{result.within_20_weeks_excluding_exceptions:,} "
        f"({_pct(result.percent_excluding_exceptions)})"
    )
    title = f"New EHC plans issued in {result.year} ({read.source}, "
    lines = [
        f"{title}{len(read.cases):,} cases read)",
        "",
        _row("", "including exceptions", "excluding exceptions"),
        _row(
            "Plans issued",
            f"{result.issued:,}",
            f"{result.issued_excluding_exceptions:,}",
        ),
        _row("Within 20 weeks", in_time, in_time_ex),
        _row(
            "Over 20 up to 52 weeks",
            f"{result.over_20_to_52_weeks:,}",
            f"{result.over_20_to_52_weeks_excluding_exceptions:,}",
        ),
        _row(
            "Over 52 weeks",
            f"{result.over_52_weeks:,}",
            f"{result.over_52_weeks_excluding_exceptions:,}",
        ),
        _row(
            "Average weeks",
            _num(result.average_weeks),
            _num(result.average_weeks_excluding_exceptions),
        ),
        _row("Exception cases", f"{result.exceptions:,}"),
        _row("Week20 not recorded", f"{result.week20_not_recorded:,}"),
    ]
    national = result.national
    if national is not None:
        incl = (
            "-"
            if national.percent_including_exceptions is None
            else f"{national.percent_including_exceptions:.1f}% "
            f"[{national.detail_confidence}]"
        )
        excl = f"{national.percent_excluding_exceptions:.1f}% [{national.confidence}]"
        lines.append(_row(f"England {result.year} (published)", incl, excl))
        if national.note:
            lines.append(f"  England note: {national.note.strip()}")
    else:
        lines.append(f"England {result.year}: no published figure held by sendkit")
    lines += ["", "Month      issued  in time  % in time (excl. exceptions)"]
    lines += [
        f"{month.month:>5}   {month.issued:>9,}{month.within_20_weeks:>9,}"
        f"{_pct(month.percent_excluding_exceptions):>12}"
        for month in result.by_month
    ]
    rule = result.rule
    flag = "confirmed" if rule.confirmed else f"UNCONFIRMED ({rule.confidence.value})"
    lines += [
        "",
        f"Rule: {rule.code}, {rule.describe_period()}, {rule.source} [{flag}]",
        (
            "Definition ([P] primary, [S] secondary, [U] unconfirmed, "
            "[INFERRED] worked out from DfE's published counts):"
        ),
        *(f"  {part.confidence} {part.text}" for part in result.definition),
    ]
    if rule.overridden:
        lines.append(f"Local override: {rule.overridden}")
    return lines


def _cases(args: argparse.Namespace) -> int:
    """``ehc cases``: the worklist (`sendkit.ehc.worklist`) of new requests only."""
    output_path(args.csv, force=args.force, inputs=[args.file, args.rules])
    read = _read(args)
    if read is None:
        return EXIT_NOTHING_READ
    work = worklist(
        computing(read.cases, "finding open steps"),
        as_of=args.as_of,
        within=args.within,
        region=args.region,
        closures=args.closure,
        soon_days=args.soon_days,
        rules=_book(args),
    )
    steps = tuple(item.step for item in work.items if item.step is not None)
    if args.csv:
        write_steps(steps, args.csv)
    if args.json:
        print_json(
            {
                "as_of": args.as_of.isoformat(),
                "source": read.source,
                "cases_read": len(read.cases),
                "steps": [step.to_dict() for step in steps],
                "problems": [str(problem) for problem in read.problems],
                "queries": [str(query) for query in read.queries],
            }
        )
        return 0
    cases = len({step.case_id for step in steps})
    print(
        f"Steps due or overdue as of {args.as_of.isoformat()}: {len(steps)} in "
        f"{cases} case{'s' if cases != 1 else ''} ({read.source})"
    )
    if steps:
        id_width = max(7, *(len(step.case_id) for step in steps))
        print(f"{'DUE':<12}{'CASE':<{id_width + 2}}{'STEP':<36}STATUS")
        for step in steps:
            due = step.due.isoformat() if step.due else "-"
            flag = " (exception recorded)" if step.excepted else ""
            print(
                f"{due:<12}{step.case_id:<{id_width + 2}}{step.name:<36}"
                f"{step.status_text}{flag}"
            )
    return 0


def _example(args: argparse.Namespace) -> int:
    output_path(args.out, force=args.force)
    cases = synthetic_caseload(
        year=args.year, requests_per_year=args.requests, seed=args.seed
    )
    count = write_cases(cases, args.out)
    print(f"wrote {count:,} synthetic cases to {args.out}")
    return 0
