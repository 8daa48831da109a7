"""``sendkit benchmark``: a council's published EHC figures beside its comparators."""

from __future__ import annotations

import argparse
import json
from typing import IO, Any

from ..dfe import (
    MEASURES,
    NEIGHBOURS_CONFIDENCE,
    SERIES_BREAK,
    Benchmark,
    benchmark,
    shipped_table,
)
from ..dfe._table import Table
from ._common import int_arg, print_json


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``sendkit benchmark``."""
    parser = subparsers.add_parser(
        "benchmark",
        help="a council's published EHC figures beside its region, England and neighbours",
        description=(
            "Show DfE's published EHC figures for a council beside its region, "
            "England and its ten statistical neighbours: 20-week timeliness with "
            "and without exceptions, plans issued, requests and refusals, "
            "assessments, annual-review decisions within 4 weeks; the council's "
            "rank among its neighbours and its trend since 2019 (DfE warns of a "
            "break in the series in 2023). A figure DfE does not publish is shown "
            "as 'not published', never as 0."
        ),
    )
    parser.add_argument(
        "--la",
        required=True,
        metavar="NAME_OR_CODE",
        help="the council: a name ('Derbyshire'), DfE number ('830') or ONS code",
    )
    parser.add_argument(
        "--year", type=int_arg, help="calendar year (default: the latest DfE has)"
    )
    parser.add_argument(
        "--dfe",
        action="append",
        default=[],
        metavar="FILE",
        help="a newer DfE EHC plan CSV to use over the shipped figures; repeatable",
    )
    out = parser.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print one JSON object")
    out.add_argument("--html", metavar="OUT", help="write a board page (HTML)")
    out.add_argument("--xlsx", metavar="OUT", help="write a workbook")
    parser.add_argument(
        "--force", action="store_true", help="replace the output file if it exists"
    )
    parser.set_defaults(handler=_benchmark)


def _table(args: argparse.Namespace) -> Table:
    if not args.dfe:
        return shipped_table()
    from ..io._dfe import read_dfe_table  # noqa: PLC0415 - only with --dfe

    return read_dfe_table(*args.dfe)


def _benchmark(args: argparse.Namespace) -> int:
    from ..io._dfe import write_atomically  # noqa: PLC0415 - file code at the edge

    result = benchmark(args.la, year=args.year, table=_table(args))
    if args.json:
        print_json(result.to_dict())
        return 0
    if args.html:
        from ..reports._benchmark import render_benchmark_html  # noqa: PLC0415

        page = render_benchmark_html(result)

        def write_html(handle: IO[Any]) -> None:
            handle.write(page)

        path = write_atomically(args.html, write_html, force=args.force)
        print(f"Wrote {path} (one self-contained HTML page).")
        return 0
    if args.xlsx:
        from ..io._dfe import write_benchmark_xlsx  # noqa: PLC0415

        path = write_benchmark_xlsx(result, args.xlsx, force=args.force)
        print(f"Wrote {path}.")
        return 0
    print("\n".join(benchmark_lines(result)))
    return 0


def _cell(text: str, width: int) -> str:
    return f"{text:>{width}}"


def benchmark_lines(result: Benchmark) -> list[str]:
    """The benchmark as a person reads it in a terminal."""
    council = result.council
    region = result.region.name if result.region else "Region"
    lines = [
        f"{council.name} ({council.key}, {council.code}): DfE's published EHC "
        f"figures, {result.year}",
        "",
        f"{'':<38}{council.name[:14]:>14}{region[:14]:>16}{'England':>10}  rank*",
    ]
    for row in result.measures:
        label = MEASURES[row.measure].label
        lines.append(
            f"{label:<38}{_cell(row.council.text, 14)}"
            f"{_cell(row.region.text if row.region else '-', 16)}"
            f"{_cell(row.england.text, 10)}  {row.rank_text}"
        )
    lines += [
        "",
        "* rank among the council and its ten statistical neighbours, highest "
        "value first, published figures only.",
    ]
    if any(f.computed for row in result.measures for f in (row.council, row.england)):
        lines.append(
            "  A rate marked * after the % was worked out by sendkit from DfE's "
            "published counts (DfE does not publish it for that year)."
        )
    lines += [
        "",
        f"Statistical neighbours {NEIGHBOURS_CONFIDENCE}, nearest first:",
    ]
    first = result.measures[0]
    if not result.neighbours:
        lines.append("  none listed for this council")
    for area, figure in zip(result.neighbours, first.neighbours, strict=True):
        lines.append(f"  {area.name:<34}{figure.text:>22}")
    lines.append(f"  ({MEASURES[first.measure].label}, {result.year})")
    lines += ["", f"Trend: {MEASURES[first.measure].label}"]
    header = "".join(
        f"{year}{'|' if year == SERIES_BREAK - 1 else ''}".rjust(9)
        for year in result.years
    )
    lines.append(f"{'':<24}{header}")
    trends = [(council.name, first.trend)]
    if result.region:
        trends.append((result.region.name, first.region_trend))
    trends.append(("England", first.england_trend))
    for name, series in trends:
        cells = "".join(
            _cell(f.text.replace("not published", "n/p"), 9) for f in series
        )
        lines.append(f"{name[:23]:<24}{cells}")
    lines += [
        f"| From {SERIES_BREAK} SEN2 is a person-level collection: DfE warns of a "
        "break in the time series.",
        "",
        "A figure DfE does not publish shows as 'not published (symbol)', never 0: "
        "x not available, c confidential, z not applicable, low too small to show.",
        f"Source: {result.source}",
    ]
    return lines


def dumps(result: Benchmark) -> str:
    """The benchmark as JSON text."""
    return json.dumps(result.to_dict(), indent=2, ensure_ascii=False)
