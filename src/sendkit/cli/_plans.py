"""``sendkit plan new`` and ``sendkit plan status``: improvement-plan trackers.

``plan new`` writes the tracker a partnership starts from after an inspection
(one section per area, the plan's own deadlines). ``plan status`` reads a
tracker and reports progress on ``--as-of`` as text, JSON or a one-page HTML
board report. Nothing here reads the clock.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import pathlib

import attrs

from ..errors import InvalidInputError
from ..inspections import (
    Framework,
    Inspection,
    Outcome,
)
from ..io import read_inspections, read_plan, write_plan
from ..plans import (
    DEFAULT_DUE_SOON_WORKING_DAYS,
    ActionPlan,
    PlanStatus,
    Rag,
    plan_from_inspection,
)
from ..reports import ReportSection, render_board_report
from ..reports._layout import uk_date
from ..rules import RULES, RuleBook
from ._common import (
    add_calendar_options,
    add_force_option,
    add_quiet_option,
    date_arg,
    int_arg,
    output_path,
    print_json,
    write_page,
)
from ._inspections import add_rules_option, outcome_arg, rule_book


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``sendkit plan``."""
    plan = subparsers.add_parser(
        "plan",
        help="improvement plans: start a tracker, report progress",
        description="Start an improvement-plan tracker, or report on one.",
    )
    commands = plan.add_subparsers(dest="plan_command", metavar="ACTION")
    plan.set_defaults(handler=_help(plan))

    new = commands.add_parser(
        "new",
        help="write the tracker a partnership starts from after an inspection",
        description=(
            "Write a tracker (.xlsx or .csv) with one section per area for priority "
            "action (--area) and per area for improvement (--improvement), and the "
            "plan's own deadlines from the rule catalogue, counted in working days "
            "from the day the report was received (that day not counted). Or take "
            "the inspection from an Ofsted file with --ofsted FILE --local-area NAME."
        ),
    )
    new.add_argument(
        "--outcome", type=outcome_arg, help="systemic, 3, or Ofsted's wording"
    )
    new.add_argument(
        "--report-received",
        type=date_arg,
        metavar="DATE",
        help="when the final report arrived",
    )
    new.add_argument(
        "--area",
        action="append",
        default=[],
        metavar="TEXT",
        help="an area for priority action, in the report's words; repeatable",
    )
    new.add_argument(
        "--improvement",
        action="append",
        default=[],
        metavar="TEXT",
        help="an area for improvement; repeatable",
    )
    new.add_argument(
        "--partnership", default="", metavar="NAME", help="the local area partnership"
    )
    new.add_argument("--title", default="", help="the plan's local title")
    new.add_argument(
        "--ofsted", metavar="FILE", help="read the inspection from an Ofsted file"
    )
    new.add_argument(
        "--local-area",
        metavar="NAME",
        help="with --ofsted: the partnership (its latest inspection is used)",
    )
    new.add_argument(
        "-o", "--output", required=True, metavar="FILE", help="tracker to write"
    )
    add_force_option(new)
    add_calendar_options(new)
    add_rules_option(new)
    new.set_defaults(handler=_new)

    status = commands.add_parser(
        "status",
        help="report a tracker's progress on a date",
        description=(
            "Read a tracker and report progress on --as-of: counts by RAG, overdue "
            "actions, actions due within --due-soon working days, actions with no "
            "update for --stale-weeks weeks, the exception report for every red "
            "action, and the review schedule."
        ),
    )
    status.add_argument("file", help="a tracker (.xlsx or .csv)")
    status.add_argument("--as-of", type=date_arg, required=True, metavar="DATE")
    output = status.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print one JSON object")
    output.add_argument("--html", metavar="FILE", help="write a one-page board report")
    status.add_argument(
        "--due-soon",
        type=int_arg,
        default=DEFAULT_DUE_SOON_WORKING_DAYS,
        metavar="N",
        help="the amber window in working days (default %(default)s)",
    )
    status.add_argument(
        "--stale-weeks",
        type=int_arg,
        default=6,
        metavar="M",
        help="weeks without an update before an action is stale (default %(default)s)",
    )
    add_force_option(status, "--html file")
    add_quiet_option(status)
    add_calendar_options(status)
    status.set_defaults(handler=_status)


def _help(parser: argparse.ArgumentParser) -> object:
    def show(_args: argparse.Namespace) -> int:
        parser.print_help()
        return 2

    return show


def _inspection_from_args(args: argparse.Namespace) -> Inspection:
    if args.ofsted:
        given = [
            name
            for name, value in (
                ("--outcome", args.outcome),
                ("--area", args.area),
                ("--improvement", args.improvement),
            )
            if value
        ]
        if given:
            msg = (
                f"{', '.join(given)} cannot be combined with --ofsted: the outcome and "
                "areas come from the Ofsted file; leave them out, or drop --ofsted"
            )
            raise InvalidInputError(msg)
        if not args.local_area:
            msg = "--ofsted needs --local-area NAME to choose the partnership"
            raise InvalidInputError(msg)
        found = read_inspections(args.ofsted)
        wanted = args.local_area.strip().lower()
        matches = [
            i for i in found.inspections if i.local_area.strip().lower() == wanted
        ]
        if not matches:
            msg = f"no inspection of {args.local_area!r} in {found.source}"
            raise InvalidInputError(msg)
        latest = max(matches, key=lambda i: i.published or i.start or dt.date.min)
        if args.report_received is not None:
            latest = attrs.evolve(latest, report_received=args.report_received)
        return latest
    if args.outcome is None or args.report_received is None:
        msg = (
            "give --outcome and --report-received (or --ofsted FILE --local-area NAME)"
        )
        raise InvalidInputError(msg)
    systemic = args.outcome is Outcome.SYSTEMIC
    if systemic and not args.area:
        # Outcome 3 always names areas for priority action (Ofsted MI data,
        # "Number of areas for priority action" [P]); a plan with no sections would be wrong.
        msg = (
            "outcome 3 (systemic) needs at least one --area TEXT: each area for "
            "priority action in the report becomes a section of the plan"
        )
        raise InvalidInputError(msg)
    if args.area and not systemic:
        msg = (
            "--area is for areas for priority action, which only outcome 3 (systemic) "
            "has; use --improvement for areas for improvement"
        )
        raise InvalidInputError(msg)
    return Inspection(
        local_area=args.partnership or "Local area partnership",
        framework=Framework.AREA_SEND_2023,
        outcome=args.outcome,
        report_received=args.report_received,
        areas_for_priority_action=tuple(args.area),
        areas_for_improvement=tuple(args.improvement),
    )


def _new(args: argparse.Namespace) -> int:
    path = pathlib.Path(args.output)
    output_path(path, force=args.force, inputs=[args.ofsted, args.rules])
    inspection = _inspection_from_args(args)
    book = rule_book(args)
    plan = plan_from_inspection(
        inspection,
        title=args.title,
        region=args.region,
        closures=args.closure,
        rules=book,
    )
    if args.partnership:
        plan = attrs.evolve(plan, partnership=args.partnership)
    write_plan(plan, path, region=args.region)
    print(f"Wrote {path}: {plan.kind.value}, {len(plan.sections)} sections")
    for section in plan.sections:
        print(f"  {section.id}  {section.title}")
    for deadline in plan.deadlines:
        flag = "" if deadline.confirmed else "  (UNCONFIRMED)"
        if _overridden(book, deadline.rule):
            flag += f"  (LOCAL RULE: {book[deadline.rule].overridden})"
        print(
            f"  {deadline.name}: due {deadline.due.isoformat()} [{deadline.rule}]{flag}"
        )
    return 0


def _overridden(book: RuleBook, code: str) -> bool:
    return code in book and book[code].overridden is not None


def _status(args: argparse.Namespace) -> int:
    html_path = output_path(args.html, force=args.force, inputs=[args.file])
    plan = read_plan(args.file)
    report = plan.status(
        args.as_of,
        due_soon_working_days=args.due_soon,
        stale_after_weeks=args.stale_weeks,
        region=args.region,
        closures=args.closure,
    )
    if args.json:
        print_json(report.to_dict())
        return 0
    if html_path is not None:
        page = render_board_report(
            plan,
            args.as_of,
            due_soon_working_days=args.due_soon,
            stale_after_weeks=args.stale_weeks,
            region=args.region,
            closures=args.closure,
        )
        write_page(html_path, page)
        print(f"Wrote {html_path} (one self-contained HTML page).")
        return 0
    print("\n".join(status_lines(plan, report)))
    return 0


def status_lines(plan: ActionPlan, report: PlanStatus) -> list[str]:
    """Return the plain-text progress report."""
    counts = ", ".join(f"{report.counts[rag]} {rag.value}" for rag in Rag)
    name = plan.partnership or "Plan"
    lines = [
        f"{name}: {plan.kind.value} as at {report.as_of.isoformat()}",
        f"  {report.total} actions: {counts}",
        f"  overdue: {', '.join(report.overdue) or 'none'}",
        (
            f"  due within {report.due_soon_working_days} working days: "
            f"{', '.join(report.due_soon) or 'none'}"
        ),
        f"  no update for {report.stale_after_weeks} weeks: {', '.join(report.stale) or 'none'}",
    ]
    if report.overridden:
        lines.append(f"  RAG overridden by hand: {', '.join(report.overridden)}")
    if report.next_review:
        lines.append(f"  next review: {report.next_review.isoformat()}")
    if report.exceptions:
        lines.append("Exception report (red actions):")
        for item in report.exceptions:
            late = f"{item.days_late} days late" if item.days_late else item.reason
            lines.append(f"  {item.action_id} [{item.owner or 'no owner'}] {late}")
            if item.description:
                lines.append(f"      {item.description}")
            if item.latest_note:
                lines.append(
                    f"      latest ({item.latest_note_on}): {item.latest_note}"
                )
    return lines


def plan_skeleton_section(
    inspection: Inspection, *, region: str, rules: RuleBook | None = None
) -> ReportSection:
    """Return the demo's section on the plan skeleton *inspection* requires.

    With *rules* (a local rule file), deadlines from overridden rules are
    marked ``LOCAL RULE``.
    """
    book = RULES if rules is None else rules
    plan = plan_from_inspection(inspection, region=region, rules=book)
    lines = [
        (
            f"Kind: {plan.kind.value.replace('-', ' ')}; {len(plan.sections)} sections "
            "(write it as a tracker with 'sendkit plan new')."
        ),
    ]
    lines += [f"  {s.id}  {s.title}" for s in plan.sections]
    flags = {
        d.rule: ("confirmed" if d.confirmed else "UNCONFIRMED")
        + (", LOCAL RULE" if _overridden(book, d.rule) else "")
        for d in plan.deadlines
    }
    for deadline in plan.deadlines:
        flag = flags[deadline.rule]
        lines.append(
            f"  {deadline.name}: due {deadline.due.isoformat()} ({deadline.rule}, {flag})"
        )
    items = "".join(
        f"<li><b>{html.escape(s.id)}</b> {html.escape(s.title)}</li>"
        for s in plan.sections
    )
    deadlines = "".join(
        f"<li>{html.escape(d.name)}: due {html.escape(uk_date(d.due))} "
        f"({html.escape(d.rule)}, {html.escape(flags[d.rule])})</li>"
        for d in plan.deadlines
    )
    body = (
        f"<p>Kind: {html.escape(plan.kind.value.replace('-', ' '))}. One section per area "
        "for priority action; write it as a tracker with <code>sendkit plan new</code>.</p>"
        f"<ul>{items}</ul><p>The plan's own deadlines:</p><ul>{deadlines}</ul>"
    )
    return ReportSection(title="The plan skeleton", lines=tuple(lines), html=body)
