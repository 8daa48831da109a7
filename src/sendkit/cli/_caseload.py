"""``sendkit ehc due`` (one worklist), ``ehc reviews`` and ``ehc example --plans``.

Registered from `sendkit.cli._ehc` with one line. Outputs name cases only by
their opaque ids; problems name the row and column, never a cell's value.
"""

from __future__ import annotations

import argparse
import collections
import pathlib
import sys
from typing import Any, Final

from ..ehc import (
    REVIEW_DEFINITIONS,
    ReviewMeasures,
    Worklist,
    review_measures,
    synthetic_caseload,
    synthetic_plans,
    worklist,
)
from ..io import (
    Caseload,
    load_rules,
    read_caseload,
    write_caseload,
    write_worklist_csv,
    write_worklist_xlsx,
)
from ..io._progress import computing
from ..rules import RULES
from ._common import (
    add_calendar_options,
    add_quiet_option,
    add_window_options,
    date_arg,
    int_arg,
    output_path,
    print_json,
    write_page,
)

_SHOW_PROBLEMS: Final = 20


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> None:
    """Add ``ehc due`` and the ``--plans`` option of ``ehc example``."""
    due = commands.add_parser(
        "due",
        help="one worklist: every statutory step due across requests and plans",
        description=(
            "List every open statutory step across a caseload file (requests "
            "and the plans maintained: annual reviews, review notice, decisions, "
            "amended plans, phase transfers, tribunal orders, plans moved in) as "
            "of a date, soonest first, with each step's rule, citation and how "
            "sure it is. Status: overdue, due-soon or upcoming."
        ),
    )
    due.add_argument(
        "file", help="a .csv, .xlsx, .ods caseload file or a SEN2 .xml return"
    )
    due.add_argument("--as-of", type=date_arg, required=True, metavar="DATE")
    add_window_options(due, soon="due-soon")
    out = due.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print one JSON object")
    out.add_argument("--csv", metavar="OUT", help="write the worklist to a CSV file")
    out.add_argument("--xlsx", metavar="OUT", help="write the worklist to a workbook")
    due.add_argument("--force", action="store_true", help="replace OUT if it exists")
    due.add_argument("--rules", metavar="FILE", help="a local rule file (TOML)")
    add_calendar_options(due)
    add_quiet_option(due)
    due.set_defaults(handler=_due)
    _register_reviews(commands)

    example = commands.choices.get("example")
    if example is not None:
        example.add_argument(
            "--plans",
            type=int_arg,
            default=None,
            metavar="N",
            help=(
                "write the whole caseload for 'ehc due' and 'ehc reviews': N "
                "existing plans (reviews, transfers, orders) and the requests' "
                "own plans with their review dates (N may be 0)"
            ),
        )
        requests_only = example.get_default("handler")
        example.set_defaults(handler=_example_with_plans(requests_only))


def _register_reviews(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> None:
    reviews = commands.add_parser(
        "reviews",
        help="annual-review measures from a caseload file, as DfE publishes them",
        description=(
            "Count, for calendar YEAR and the SEN2 census after it, the plans "
            "maintained, reviews expected, review meetings held, decisions "
            "(within 4 weeks of the meeting or later, not yet due, outstanding) "
            "and outcomes, as DfE's annual_reviews figures count them, plus the "
            "reviews overdue against the 12-month limit (which DfE does not "
            "publish). Each figure states its definition and how sure it is. "
            "With --la, DfE's published figure for the council stands beside it."
        ),
    )
    reviews.add_argument(
        "file", help="a .csv, .xlsx, .ods caseload file or a SEN2 .xml return"
    )
    reviews.add_argument("--year", type=int_arg, required=True, help="calendar year")
    reviews.add_argument(
        "--census",
        type=date_arg,
        metavar="DATE",
        help=(
            "the SEN2 census day after YEAR; default a SEN2 return's "
            "ReferenceDate, else the third Thursday of January"
        ),
    )
    reviews.add_argument(
        "--la",
        metavar="NAME_OR_CODE",
        help="put DfE's published figures for this council and year beside them",
    )
    reviews.add_argument(
        "--dfe",
        action="append",
        default=[],
        metavar="FILE",
        help="a newer DfE EHC plan CSV to compare with; repeatable",
    )
    reviews.add_argument("--json", action="store_true", help="print one JSON object")
    reviews.set_defaults(handler=_reviews)


#: (label, ReviewMeasures field) in the order printed.
_REVIEW_ROWS: Final = (
    ("EHC plans on the census day", "plans"),
    ("Reviews expected in the year", "reviews_expected"),
    ("Review meetings held", "review_meetings"),
    ("Review decisions", "review_decisions"),
    ("  within 4 weeks of the meeting", "decisions_within_4_weeks"),
    ("  later", "decisions_over_4_weeks"),
    ("No decision, 4 weeks not passed", "decisions_not_due"),
    ("No decision, outstanding", "decisions_outstanding"),
    ("Outcome: amend", "outcome_amend"),
    ("Outcome: maintain or cease", "outcome_no_amend"),
    ("No outcome", "no_outcome"),
    ("Reviews overdue on 31 December *", "reviews_overdue"),
)
#: Computed figure -> DfE's: a `sendkit.dfe` measure, or DfE's raw columns summed.
_PUBLISHED: Final = (
    ("reviews_expected", "Reviews expected", "reviews_due", ()),
    ("review_meetings", "Review meetings held", "", ("total_review_meeting",)),
    (
        "review_decisions",
        "Review decisions",
        "",
        ("number_decsion_4weeks", "number_decision_gt_4weeks"),
    ),
    (
        "decisions_within_4_weeks",
        "Decisions within 4 weeks",
        "review_decisions_4_weeks",
        (),
    ),
    (
        "percent_within_4_weeks",
        "% decisions within 4 weeks",
        "pc_review_decisions_4_weeks",
        (),
    ),
)


def _reviews(args: argparse.Namespace) -> int:
    read = read_caseload(args.file, as_of=args.census)
    _report(read)
    census = args.census or read.reference  # a SEN2 return's ReferenceDate
    result = review_measures(read.plans, year=args.year, census=census)
    published = _published(args, result) if args.la else None
    if args.json:
        reasons = collections.Counter(p.reason.split(";")[0] for p in read.problems)
        print_json(
            {
                **result.to_dict(),
                "source": read.source,
                "plans_read": len(read.plans),
                "rows_left_out": read.rows_left_out,
                "left_out_reasons": dict(reasons),
                "problems": [str(problem) for problem in read.problems],
                **({"published": published} if published else {}),
            }
        )
        return 0
    _print_reviews(result, read)
    if published:
        _print_published(published)
    return 0


def _print_reviews(result: ReviewMeasures, read: Caseload) -> None:
    print(
        f"Annual reviews, {result.year} ({read.source}: {len(read.plans):,} plans "
        f"read; census day {result.census.isoformat()})"
    )
    print()
    print(f"{'':<36}{'count':>9}  confidence")
    for label, field in _REVIEW_ROWS:
        value = getattr(result, field)
        extra = ""
        if field == "decisions_within_4_weeks" and result.percent_within_4_weeks:
            extra = f" ({result.percent_within_4_weeks:.1f}%)"
        tag = REVIEW_DEFINITIONS[field][1]
        print(f"{label:<36}{value:>9,}  {tag}{extra}")
    meetings = result.meetings_by_year
    print(
        f"Meetings: {meetings['before']:,} before {result.year}, "
        f"{meetings['in']:,} in it, {meetings['after']:,} after it (to the census)"
    )
    print("* not published by DfE")
    print()
    print(
        "Definitions ([P] the law, [INFERRED] from DfE's column names and "
        "England's totals, [U] a convention DfE does not state):"
    )
    for field, (text, tag) in REVIEW_DEFINITIONS.items():
        print(f"  {field} {tag}: {text}")


def _published(args: argparse.Namespace, result: ReviewMeasures) -> dict[str, Any]:
    """DfE's figures for ``--la`` and *result*'s year, with the differences."""
    from ..dfe import MEASURES, find_council, shipped_table  # noqa: PLC0415

    if args.dfe:
        from ..io._dfe import read_dfe_table  # noqa: PLC0415 - only with --dfe

        table = read_dfe_table(*args.dfe)
    else:
        table = shipped_table()
    council = find_council(args.la, table=table)
    rows = []
    for field, label, measure, columns in _PUBLISHED:
        mine = getattr(result, field)
        percent = field.startswith("percent")
        if measure:
            figure = table.figure(council.key, measure, result.year)
            value, text = figure.value, figure.text
        else:
            cells = [table.raw(council.key, result.year, c) for c in columns]
            numbers = [_number(cell) if cell else None for cell in cells]
            if all(n is not None for n in numbers):
                value = float(sum(n for n in numbers if n is not None))
                text = f"{value:,.0f}"
            else:
                value = None
                symbol = next((c for c in cells if c and _number(c) is None), "")
                text = f"not published ({symbol})" if symbol else "no figure"
        difference = None if mine is None or value is None else round(mine - value, 1)
        rows.append(
            {
                "measure": field,
                "label": label,
                "computed": mine,
                "published": value,
                "published_text": text,
                "percent": percent,
                "difference": difference,
                "dfe_column": MEASURES[measure].column
                if measure
                else "+".join(columns),
            }
        )
    return {
        "council": council.to_dict(),
        "year": result.year,
        "figures": rows,
        "not_in_table": ["plans (total_ehc_plans)", "outcomes"],
        "not_published": ["reviews_overdue"],
        "source": table.source,
    }


def _number(text: str) -> float | None:
    """DfE's cell as a number; None for a symbol (x, c, z, low) or a blank."""
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def _print_published(published: dict[str, Any]) -> None:
    council = published["council"]
    print(
        f"\nBeside DfE's published figures for {council['name']} "
        f"({council['key']}), {published['year']}:"
    )
    print(f"{'':<32}{'computed':>12}{'published':>22}{'difference':>12}")
    for row in published["figures"]:
        value, diff = row["computed"], row["difference"]
        if row["percent"]:
            mine = "-" if value is None else f"{value:.1f}%"
            change = "-" if diff is None else f"{diff:+.1f} pts"
        else:
            mine = f"{value:,}"
            change = "-" if diff is None else f"{diff:+,.0f}"
        print(f"{row['label']:<32}{mine:>12}{row['published_text']:>22}{change:>12}")
    print(
        "Plans on the census day and the outcomes are not in sendkit's DfE table;\n"
        "reviews overdue are not published by DfE. A difference may come from plans\n"
        "missing or dated differently in the file, or from DfE's later revisions."
    )


def _example_with_plans(requests_only: Any) -> Any:
    def handler(args: argparse.Namespace) -> int:
        if args.plans is None:  # the requests only, as before
            return int(requests_only(args))
        cases = synthetic_caseload(
            year=args.year, requests_per_year=args.requests, seed=args.seed
        )
        plans = synthetic_plans(
            year=args.year, plans=args.plans, seed=args.seed, cases=cases
        )
        count = write_caseload(cases, plans, args.out, force=args.force)
        print(
            f"wrote {count:,} synthetic rows ({len(cases):,} requests, "
            f"{len(plans):,} plans, {len(plans) - args.plans:,} of them "
            f"from the requests) to {args.out}"
        )
        return 0

    return handler


def _report(read: Caseload) -> None:
    if not read.problems:
        return
    what = "request(s) or plan(s)" if read.source.lower().endswith(".xml") else "row(s)"
    print(
        f"sendkit: {read.rows_left_out} {what} left out, "
        f"{len(read.problems)} problem(s):",
        file=sys.stderr,
    )
    for problem in read.problems[:_SHOW_PROBLEMS]:
        print(f"  {problem}", file=sys.stderr)
    if len(read.problems) > _SHOW_PROBLEMS:
        print(f"  ... and {len(read.problems) - _SHOW_PROBLEMS} more", file=sys.stderr)


def _due(args: argparse.Namespace) -> int:
    output_path(args.csv or args.xlsx, force=args.force, inputs=[args.file, args.rules])
    read = read_caseload(args.file, as_of=args.as_of)
    _report(read)
    if not read.cases and not read.plans:
        why = (
            f"every one of its {read.rows_left_out:,} rows has a problem (above)"
            if read.problems
            else "it has a header but no data rows"
        )
        print(
            f"sendkit: no request or plan could be read from {read.source}: {why}",
            file=sys.stderr,
        )
        return 1  # nothing read is not success
    work = worklist(
        computing(read.cases, "finding open steps"),
        computing(read.plans, "following plans", unit="plans"),
        as_of=args.as_of,
        within=args.within,
        soon_days=args.soon_days,
        region=args.region,
        closures=args.closure,
        rules=load_rules(args.rules) if args.rules else RULES,
    )
    if getattr(args, "html", None):  # checked before any work (cli/_worklist_page.py)
        from ..reports import render_worklist  # noqa: PLC0415 - only for --html

        page = render_worklist(work, source=read.source, soon_days=args.soon_days)
        write_page(pathlib.Path(args.html), page)
        _print(work, read, rows=False)
        return 0
    if args.json:
        reasons = collections.Counter(p.reason.split(";")[0] for p in read.problems)
        print_json(
            {
                **work.to_dict(),
                "source": read.source,
                "requests_read": len(read.cases),
                "plans_read": len(read.plans),
                "rows_left_out": read.rows_left_out,
                "left_out_reasons": dict(reasons),
                "problems": [str(problem) for problem in read.problems],
            }
        )
        return 0
    if args.csv:
        write_worklist_csv(work, args.csv)
    if args.xlsx:
        write_worklist_xlsx(work, args.xlsx)
    _print(work, read, rows=not (args.csv or args.xlsx))
    return 0


def _print(work: Worklist, read: Caseload, *, rows: bool) -> None:
    counts = ", ".join(f"{k} {v}" for k, v in work.by_status.items())
    print(
        f"Worklist as of {work.as_of.isoformat()}: {len(work.items)} steps "
        f"({counts}) from {len(read.cases)} requests and {len(read.plans)} "
        f"plans ({read.source})"
    )
    if not rows or not work.items:
        return
    width = max(7, *(len(item.case) for item in work.items))
    print(f"{'DUE':<12}{'CASE':<{width + 2}}{'STATUS':<10}RULE")
    for item in work.items:
        flag = "" if item.confidence == "primary" else f" [{item.confidence}]"
        print(
            f"{item.due.isoformat():<12}{item.case:<{width + 2}}"
            f"{item.status.value:<10}{item.rule}{flag}"
        )
