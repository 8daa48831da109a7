"""``sendkit ehc due``: one worklist for the whole caseload, and ``ehc example --plans``.

Registered from `sendkit.cli._ehc` with one line. Outputs name cases only by
their opaque ids; problems name the row and column, never a cell's value.
"""

from __future__ import annotations

import argparse
import collections
import pathlib
import sys
from typing import Any, Final

from ..ehc import Worklist, synthetic_caseload, synthetic_plans, worklist
from ..errors import InvalidInputError
from ..io._caseload import Caseload, read_caseload, write_caseload
from ..io._cells import guard_formula
from ..rules import RULES, load_rules
from ._common import add_calendar_options, date_arg, int_arg, print_json

_SHOW_PROBLEMS: Final = 20
_ITEM_COLUMNS: Final = (
    "due",
    "case",
    "rule",
    "summary",
    "status",
    "days",
    "basis",
    "confidence",
    "source",
    "note",
)
_FILLS: Final = {"overdue": "F4CCCC", "due-soon": "FFE599", "upcoming": "D9EAD3"}


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
    due.add_argument(
        "--within",
        type=int_arg,
        metavar="DAYS",
        help="only steps overdue or due within DAYS days",
    )
    due.add_argument(
        "--soon-days",
        type=int_arg,
        default=14,
        metavar="DAYS",
        help="steps due within DAYS days are 'due-soon' (default 14)",
    )
    out = due.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print one JSON object")
    out.add_argument("--csv", metavar="OUT", help="write the worklist to a CSV file")
    out.add_argument("--xlsx", metavar="OUT", help="write the worklist to a workbook")
    due.add_argument("--force", action="store_true", help="replace OUT if it exists")
    due.add_argument("--rules", metavar="FILE", help="a local rule file (TOML)")
    add_calendar_options(due)
    due.set_defaults(handler=_due)

    example = commands.choices.get("example")
    if example is not None:
        example.add_argument(
            "--plans",
            type=int_arg,
            default=0,
            metavar="N",
            help="also write N existing plans (reviews, transfers, orders)",
        )
        requests_only = example.get_default("handler")
        example.set_defaults(handler=_example_with_plans(requests_only))


def _example_with_plans(requests_only: Any) -> Any:
    def handler(args: argparse.Namespace) -> int:
        if not args.plans:
            return int(requests_only(args))
        cases = synthetic_caseload(
            year=args.year, requests_per_year=args.requests, seed=args.seed
        )
        plans = synthetic_plans(year=args.year, plans=args.plans, seed=args.seed)
        count = write_caseload(cases, plans, args.out, force=args.force)
        print(
            f"wrote {count:,} synthetic rows ({len(cases):,} requests, "
            f"{len(plans):,} plans) to {args.out}"
        )
        return 0

    return handler


def _refuse(path: str | None, force: bool) -> None:
    if path and not force and pathlib.Path(path).exists():
        msg = f"{path!r} already exists; give --force to replace it"
        raise InvalidInputError(msg)


def _report(read: Caseload) -> None:
    if not read.problems:
        return
    print(
        f"sendkit: {read.rows_left_out} row(s) left out, "
        f"{len(read.problems)} problem(s):",
        file=sys.stderr,
    )
    for problem in read.problems[:_SHOW_PROBLEMS]:
        print(f"  {problem}", file=sys.stderr)
    if len(read.problems) > _SHOW_PROBLEMS:
        print(f"  ... and {len(read.problems) - _SHOW_PROBLEMS} more", file=sys.stderr)


def _due(args: argparse.Namespace) -> int:
    _refuse(args.csv or args.xlsx, args.force)
    read = read_caseload(args.file, as_of=args.as_of)
    _report(read)
    work = worklist(
        read.cases,
        read.plans,
        as_of=args.as_of,
        within=args.within,
        soon_days=args.soon_days,
        region=args.region,
        closures=args.closure,
        rules=load_rules(args.rules) if args.rules else RULES,
    )
    if getattr(args, "html", None):  # the worklist as a page (cli/_worklist_page.py)
        from ._worklist_page import write_worklist_page  # noqa: PLC0415

        return write_worklist_page(args, work, read)
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
        _write_csv(work, args.csv)
    if args.xlsx:
        _write_xlsx(work, args.xlsx)
    _print(work, read, rows=not (args.csv or args.xlsx))
    return 0


def _cells(work: Worklist) -> list[list[str]]:
    rows = []
    for item in work.items:
        values = item.to_dict()
        rows.append([guard_formula(str(values[column])) for column in _ITEM_COLUMNS])
    return rows


def _write_csv(work: Worklist, path: str) -> None:
    import csv  # noqa: PLC0415 - only for this output

    target = pathlib.Path(path)
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        with tmp.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(_ITEM_COLUMNS)
            writer.writerows(_cells(work))
        tmp.replace(target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        msg = f"cannot write {path!r}: {exc.strerror or exc}"
        raise InvalidInputError(msg) from None


def _write_xlsx(work: Worklist, path: str) -> None:
    """One row per step, soonest first: status colours, filters, frozen header."""
    import openpyxl  # noqa: PLC0415 - only for this output
    from openpyxl.styles import Font, PatternFill  # noqa: PLC0415

    book = openpyxl.Workbook()
    sheet = book.active
    if sheet is None:  # pragma: no cover - a new workbook has a sheet
        return
    sheet.title = "Worklist"
    sheet.append(list(_ITEM_COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    status_at = _ITEM_COLUMNS.index("status")
    for row in _cells(work):
        sheet.append(row)
        fill = _FILLS.get(row[status_at])
        if fill:
            sheet.cell(sheet.max_row, status_at + 1).fill = PatternFill(
                "solid", fgColor=fill
            )
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    target = pathlib.Path(path)
    tmp = target.with_name(f".{target.name}.tmp.xlsx")
    try:
        book.save(tmp)
        tmp.replace(target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        msg = f"cannot write {path!r}: {exc.strerror or exc}"
        raise InvalidInputError(msg) from None


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
