"""``sendkit demo``: the embedded Nottinghamshire 2023 case, walked through.

The report is a list of section builders (`SECTIONS`): each takes the
`DemoCase` and returns a `ReportSection` (or None to skip). Another part of
sendkit adds its own section by appending a builder, for example the priority
action plan skeleton the outcome requires; text and HTML both follow.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import textwrap
from collections.abc import Callable, Iterable
from importlib.metadata import PackageNotFoundError, version

import attrs

from ..calendars import DEFAULT_REGION
from ..inspections import (
    EXAMPLE_SOURCES,
    EXAMPLES,
    Inspection,
    Milestone,
    follow_up,
)
from ..reports import ReportSection, inspection_report, render_html, render_text
from ..rules import RULES, RuleBook
from . import _benchmark
from ._common import (
    add_calendar_options,
    add_force_option,
    date_arg,
    output_path,
    warnings_to_stderr,
    write_page,
)
from ._happened import add_event_options, record_happened, recorded_events
from ._inspections import add_rules_option, local_rules_lines, rule_book
from ._plans import plan_skeleton_section

#: The embedded example the demo walks through.
DEMO_CASE = "nottinghamshire-2023"


@attrs.frozen(kw_only=True)
class DemoCase:
    """What the section builders get.

    Attributes:
        key: The example's key in `sendkit.inspections.EXAMPLES`.
        inspection: The inspection.
        milestones: What follows it (`follow_up`).
        region: The bank-holiday region the dates were counted on.
        as_of: The day statuses are shown for, or None for none.
        rules: The rule book the dates came from: the catalogue, or one
            with a local rule file's changes (``--rules``).
    """

    key: str
    inspection: Inspection
    milestones: tuple[Milestone, ...]
    region: str
    as_of: dt.date | None = None
    rules: RuleBook = RULES


def _core_sections(case: DemoCase) -> tuple[ReportSection, ...]:
    return inspection_report(case.inspection, case.milestones, as_of=case.as_of)


def _sources_section(case: DemoCase) -> ReportSection:
    paragraphs = (
        f"The example's facts: {EXAMPLE_SOURCES[case.key]}.",
        (
            "Each rule's source is in its explanation above, with its confidence tag: "
            "[P] primary text read directly; [P-partial] primary text read in part; "
            "[S] a secondary source (a council, the press, a parent carer forum); "
            "[S-weak] one weak secondary source; [U] no readable source."
        ),
        (
            "Only [P] counts as confirmed. Every other figure is marked UNCONFIRMED: check "
            "it against the handbook version in force, and override it locally if needed "
            "(sendkit.rules.RuleBook.with_period, or a local rule file given to "
            "these commands with --rules FILE)."
        ),
    )
    lines: list[str] = []
    for paragraph in paragraphs:
        lines.extend(
            [
                *textwrap.wrap(
                    paragraph, 88, break_long_words=False, break_on_hyphens=False
                ),
                "",
            ]
        )
    body = "".join(f"<p>{html.escape(text)}</p>" for text in paragraphs)
    return ReportSection(
        title="Sources and confidence", lines=tuple(lines[:-1]), html=body
    )


def _plan_section(case: DemoCase) -> ReportSection:
    # The walkthrough ends with the plan skeleton the inspection outcome requires.
    return plan_skeleton_section(case.inspection, region=case.region, rules=case.rules)


#: The report, in order. Each builder returns one section, several, or None.
SECTIONS: list[
    Callable[[DemoCase], ReportSection | tuple[ReportSection, ...] | None]
] = [
    _core_sections,
    _sources_section,
    _plan_section,
    _benchmark.demo_section,  # dfe: the council's 20-week trend
]


def build_sections(case: DemoCase) -> list[ReportSection]:
    """Run every builder in `SECTIONS` and return the sections in order."""
    out: list[ReportSection] = []
    for builder in SECTIONS:
        made = builder(case)
        if made is None:
            continue
        out.extend(made if isinstance(made, tuple) else (made,))
    return out


def build_case(
    key: str = DEMO_CASE,
    *,
    region: str = DEFAULT_REGION,
    closures: Iterable[dt.date] = (),
    as_of: dt.date | None = None,
    rules: RuleBook = RULES,
    events: Iterable[tuple[str, dt.date]] = (),
) -> DemoCase:
    """Return the demo's case: the example inspection and what follows it.

    *rules* is the rule book to date it with (`sendkit.load_rules` for a
    local rule file); dates from overridden rules are marked as local.
    *events* are ``(name, day)`` pairs recording what happened (see
    ``sendkit.cli._happened``): those milestones show as done.
    """
    inspection = EXAMPLES[key]
    milestones = follow_up(inspection, region=region, closures=closures, rules=rules)
    return DemoCase(
        key=key,
        inspection=inspection,
        milestones=record_happened(milestones, events),
        region=region,
        as_of=as_of,
        rules=rules,
    )


def _title(case: DemoCase) -> str:
    year = case.inspection.published.year if case.inspection.published else ""
    return f"{case.inspection.local_area} area SEND inspection {year}: what follows".replace(
        "  ", " "
    )


_NUMBERS = (
    "no",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
)


def _when(start: dt.date, end: dt.date | None) -> str:
    if end is None:
        return f"from {start.day} {start:%B %Y}"
    return f"from {start.day} {start:%B} to {end.day} {end:%B %Y}"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _intro(case: DemoCase) -> str:
    """Describe the example in one paragraph, from its fields."""
    one = case.inspection
    parts = [
        "sendkit's embedded example, from Ofsted's published data and local reporting.",
        f"{one.local_area}'s local area partnership (the council and the integrated "
        f"care board) was inspected under the {_lower_first(one.framework.title)}"
        + (f" {_when(one.start, one.end)}." if one.start else "."),
    ]
    if one.published:
        found = (
            one.outcome.label.lower() if one.outcome else "an outcome not recorded here"
        )
        count = one.priority_actions
        areas = ""
        if count is not None:
            number = _NUMBERS[count] if count < len(_NUMBERS) else str(count)
            areas = f", with {number} areas for priority action"
        parts.append(
            f"The report, published on {one.published.day} {one.published:%B %Y}, "
            f"found {found}{areas}."
        )
    parts.append(
        "This report shows what that outcome required, by when, and what came next, "
        "with every date explained."
    )
    parts.extend(local_rules_lines(case.rules))
    return " ".join(parts)


def _footer(case: DemoCase) -> str:
    try:
        release = version("sendkit-england")
    except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        release = "(unreleased)"
    return (
        f"Made with sendkit {release} ('sendkit demo'). Working days are counted on "
        f"the {case.region} bank-holiday calendar, like Excel's WORKDAY. This page has "
        "no scripts and loads nothing from elsewhere."
    )


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``sendkit demo``."""
    demo = subparsers.add_parser(
        "demo",
        help="walk through a real case: Nottinghamshire's 2023 area SEND inspection",
        description=(
            "Walk through the embedded example, Nottinghamshire's 2023 area SEND "
            "inspection (outcome 3, two areas for priority action): the outcome, "
            "what follows it with every date explained, and the sources. "
            "--html FILE also writes the report as one self-contained web page."
        ),
    )
    demo.add_argument(
        "--html", metavar="FILE", help="also write the report as one HTML page"
    )
    add_force_option(demo, "--html file")
    demo.add_argument(
        "--case",
        choices=sorted(EXAMPLES),
        default=DEMO_CASE,
        help=f"the embedded example to walk through (default: {DEMO_CASE})",
    )
    demo.add_argument(
        "--as-of",
        type=date_arg,
        metavar="DATE",
        help="also show each milestone's status on DATE",
    )
    add_event_options(demo)
    add_calendar_options(demo)
    add_rules_option(demo)
    demo.set_defaults(handler=_demo)


def _demo(args: argparse.Namespace) -> int:
    html_path = output_path(args.html, force=args.force, inputs=[args.rules])
    with warnings_to_stderr():
        case = build_case(
            args.case,
            region=args.region,
            closures=args.closure,
            as_of=args.as_of,
            rules=rule_book(args),
            events=recorded_events(args),
        )
    sections = build_sections(case)
    print(render_text(_title(case), sections, intro=_intro(case)), end="")
    if html_path is not None:
        page = render_html(
            _title(case),
            sections,
            kicker="Area SEND inspection - sendkit demo",
            intro=_intro(case),
            footer=_footer(case),
        )
        write_page(html_path, page)
        print(f"\nWrote {html_path} (one self-contained HTML page).")
    return 0
