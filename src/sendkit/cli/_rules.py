"""``sendkit rules`` and ``sendkit deadline``: the rule catalogue and the engine."""

from __future__ import annotations

import argparse
import datetime as dt

from ..dates import parse_date
from ..errors import SendkitError
from ..io import load_rules
from ..rules import RULES, RuleBook, deadline
from ._common import add_calendar_options, date_arg, print_json


def _input_arg(text: str) -> tuple[str, dt.date]:
    """Parse ``NAME=DATE`` for a rule's extra input."""
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        msg = f"{text!r} is not NAME=DATE (such as certificate_issued=2025-02-10)"
        raise argparse.ArgumentTypeError(msg)
    try:
        return name.strip(), parse_date(value, field=name.strip())
    except SendkitError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _add_rules_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--rules",
        metavar="FILE",
        help="a local rule file (TOML) that changes or adds rules",
    )


def _book(args: argparse.Namespace) -> RuleBook:
    return load_rules(args.rules) if args.rules else RULES


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``rules`` and ``deadline`` commands."""
    rules = subparsers.add_parser(
        "rules",
        help="list the time-limit rules with their sources and confidence",
        description=(
            "List every time-limit rule: code, period, basis, whether its figure "
            "is confirmed by a primary source, summary and source."
        ),
    )
    rules.add_argument(
        "family",
        nargs="?",
        help="only codes starting with this (such as ehc or area-send.pap)",
    )
    rules.add_argument("--json", action="store_true", help="print JSON instead")
    _add_rules_option(rules)
    rules.set_defaults(handler=_rules)

    due = subparsers.add_parser(
        "deadline",
        help="when a rule falls due, with how it was counted",
        description=(
            "Print the due date of RULE for a clock starting on START, then the "
            "explanation: how it was counted, the non-working days skipped, the "
            "source and whether the figure is confirmed."
        ),
    )
    due.add_argument("rule", help="a rule code, such as ehc.final-plan")
    due.add_argument("start", type=date_arg, help="YYYY-MM-DD or DD/MM/YYYY")
    add_calendar_options(due)
    due.add_argument(
        "--input",
        action="append",
        type=_input_arg,
        default=[],
        metavar="NAME=DATE",
        help="an extra date the rule takes, such as certificate_issued=2025-02-10",
    )
    due.add_argument("--json", action="store_true", help="print one JSON object")
    _add_rules_option(due)
    due.set_defaults(handler=_deadline)


def _rules(args: argparse.Namespace) -> int:
    book = _book(args)
    chosen = [
        rule
        for code, rule in book.items()
        if not args.family
        or code == args.family
        or code.startswith(f"{args.family.rstrip('.')}.")
    ]
    if args.family and not chosen:
        book[args.family]  # raises UnknownRuleError with suggestions
    if args.json:
        print_json(
            [
                {
                    "code": rule.code,
                    "summary": rule.summary,
                    "clock_starts": rule.clock_starts,
                    "period": rule.describe_period(),
                    "basis": rule.basis.value,
                    "source": rule.source,
                    "url": rule.url,
                    "confidence": rule.confidence.value,
                    "confirmed": rule.confirmed,
                    "overridden": rule.overridden,
                }
                for rule in chosen
            ]
        )
        return 0
    header = ("CODE", "PERIOD", "BASIS", "CONFIRMED", "SUMMARY", "SOURCE")
    rows = [
        (
            rule.code,
            rule.describe_period().split(" (or ")[0]
            + (" (or later)" if rule.alternatives else ""),
            rule.basis.label,
            ("yes" if rule.confirmed else f"no {rule.confidence.tag}")
            + (" local" if rule.overridden else ""),
            rule.summary,
            rule.source,
        )
        for rule in chosen
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(4)]
    for row in [header, *rows]:
        fixed = "  ".join(
            cell.ljust(width) for cell, width in zip(row, widths, strict=False)
        )
        print(f"{fixed}  {row[4]}  [{row[5]}]")
    return 0


def _deadline(args: argparse.Namespace) -> int:
    inputs = dict(args.input)
    result = deadline(
        args.rule,
        args.start,
        region=args.region,
        closures=args.closure,
        rules=_book(args),
        **inputs,
    )
    if args.json:
        print_json(result.to_dict())
        return 0
    print(result.due.isoformat())
    for line in result.trail:
        print(f"  {line}")
    return 0
