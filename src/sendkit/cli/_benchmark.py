"""``sendkit benchmark``: a council's published EHC figures beside its comparators."""

from __future__ import annotations

import argparse
import json
import textwrap
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
from ._common import int_arg, output_path, print_json


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
    from ..io import read_dfe_table  # noqa: PLC0415 - only with --dfe

    return read_dfe_table(*args.dfe)


def _benchmark(args: argparse.Namespace) -> int:
    from ..io._dfe import write_atomically  # noqa: PLC0415 - file code at the edge

    output_path(args.html or args.xlsx, force=args.force, inputs=args.dfe)
    result = benchmark(args.la, year=args.year, table=_table(args))
    if args.json:
        print_json(result.to_dict())
        return 0
    if args.html:
        from ..reports._benchmark import render_benchmark_html  # noqa: PLC0415

        page = render_benchmark_html(result)

        def write_html(handle: IO[Any]) -> None:
            handle.write(page)

        path = write_atomically(
            args.html, write_html, force=args.force, inputs=args.dfe
        )
        print(f"Wrote {path} (one self-contained HTML page).")
        return 0
    if args.xlsx:
        from ..io import write_benchmark_xlsx  # noqa: PLC0415

        path = write_benchmark_xlsx(
            result, args.xlsx, force=args.force, inputs=args.dfe
        )
        print(f"Wrote {path}.")
        return 0
    print("\n".join(benchmark_lines(result)))
    return 0


#: Lines of running text are wrapped to this width.
_WIDTH = 88


def _cell(text: str, width: int) -> str:
    return f"{text:>{width}}"


def benchmark_lines(result: Benchmark) -> list[str]:
    """The benchmark as a person reads it in a terminal."""
    council = result.council
    region = result.region.name if result.region else "Region"
    lines = [
        (
            f"{council.name} ({council.key}, {council.code}): DfE's published EHC "
            f"figures, {result.year}"
        ),
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
        (
            "* rank among the council and its ten statistical neighbours, highest "
            "value first, published figures only."
        ),
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
        f"{'|' if year == SERIES_BREAK else ''}{year}".rjust(9) for year in result.years
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
        (
            f"| From {SERIES_BREAK} SEN2 is a person-level collection: DfE warns of a "
            "break in the time series."
        ),
        "",
        (
            "A figure DfE does not publish shows as 'not published (symbol)', never 0: "
            "x not available, c confidential, z not applicable, low too small to show."
        ),
        f"Source: {result.source}",
    ]
    out: list[str] = []
    for line in lines:
        if len(line) <= _WIDTH:
            out.append(line)
            continue
        indent = " " * (len(line) - len(line.lstrip(" |*")))
        out.extend(
            textwrap.wrap(
                line,
                _WIDTH,
                subsequent_indent=indent or "  ",
                break_long_words=False,
                break_on_hyphens=False,
            )
        )
    return out


def dumps(result: Benchmark) -> str:
    """The benchmark as JSON text."""
    return json.dumps(result.to_dict(), indent=2, ensure_ascii=False)


# ------------------------------------------------ sendkit ehc timeliness --la


def add_reconcile_options(parser: argparse.ArgumentParser) -> None:
    """Add ``--la``, ``--dfe`` and ``--cases-behind`` to ``ehc timeliness``."""
    parser.add_argument(
        "--la",
        metavar="NAME_OR_CODE",
        help="put DfE's published figure for this council and year beside the measure",
    )
    parser.add_argument(
        "--dfe",
        action="append",
        default=[],
        metavar="FILE",
        help="a newer DfE EHC plan CSV to compare with; repeatable",
    )
    parser.add_argument(
        "--cases-behind",
        metavar="OUT",
        help=(
            "write the cases behind each number (numerator, denominator, "
            "exceptions) to a CSV file"
        ),
    )


def reconcile(args: argparse.Namespace, result: Any, cases: Any) -> dict[str, Any]:
    """Compare *result* with DfE's figure (``--la``), write ``--cases-behind``.

    Prints the comparison unless ``--json``; returns the JSON keys to add
    (``published`` only when ``--la`` is given).
    """
    extra: dict[str, Any] = {}
    if getattr(args, "cases_behind", None):
        path = _write_cases_behind(args, result, cases)
        if not args.json:
            print(f"\nWrote the cases behind each number to {path}.")
        extra["cases_behind"] = str(path)
    if not getattr(args, "la", None):
        return extra
    from ..dfe import find_council  # noqa: PLC0415

    table = _table(args)
    council = find_council(args.la, table=table)
    rows = [
        ("plans_issued", result.issued, False),
        ("within_20_weeks", result.within_20_weeks, False),
        ("pc_within_20_weeks", result.percent, True),
        ("plans_issued_ex", result.issued_excluding_exceptions, False),
        ("within_20_weeks_ex", result.within_20_weeks_excluding_exceptions, False),
        ("pc_within_20_weeks_ex", result.percent_excluding_exceptions, True),
    ]
    compared: list[dict[str, Any]] = []
    for measure, mine, percent in rows:
        published = table.figure(council.key, measure, result.year)
        mine_value = None if mine is None else (round(mine, 1) if percent else mine)
        difference = (
            None
            if mine_value is None or published.value is None
            else round(mine_value - published.value, 1)
        )
        compared.append(
            {
                "measure": measure,
                "label": MEASURES[measure].label,
                "computed": mine_value,
                "published": published.to_dict(),
                "difference": difference,
            }
        )
    extra["published"] = {
        "council": council.to_dict(),
        "year": result.year,
        "figures": compared,
        "source": table.source,
    }
    if not args.json:
        print(
            f"\nBeside DfE's published figures for {council.name} ({council.key}), "
            f"{result.year}:"
        )
        print(f"{'':<40}{'computed':>12}{'published':>22}{'difference':>12}")
        for row in compared:
            value = row["computed"]
            pct = MEASURES[row["measure"]].percent
            mine_text = (
                "-" if value is None else (f"{value:.1f}%" if pct else f"{value:,}")
            )
            figure = table.figure(council.key, row["measure"], result.year)
            diff = row["difference"]
            diff_text = (
                "-"
                if diff is None
                else (f"{diff:+.1f} pts" if pct else f"{diff:+,.0f}")
            )
            print(f"{row['label']:<40}{mine_text:>12}{figure.text:>22}{diff_text:>12}")
        print(
            "A difference may come from cases missing or dated differently in the\n"
            "file, or from DfE's later revisions; --cases-behind OUT lists the cases."
        )
    return extra


def _write_cases_behind(args: argparse.Namespace, result: Any, cases: Any) -> str:
    from ..io import write_cases_behind  # noqa: PLC0415 - only with --cases-behind

    inputs = [args.file, getattr(args, "rules", None), *getattr(args, "dfe", [])]
    path = write_cases_behind(
        result, cases, args.cases_behind, force=args.force, inputs=inputs
    )
    return str(path)


# ------------------------------------------------------------------ the demo


def demo_section(case: Any) -> Any:
    """The demo's section: the council's 20-week trend beside England and its neighbours.

    From the table shipped in `sendkit.dfe`; ``None`` when the demo's local
    area is not a council in DfE's figures.
    """
    import statistics  # noqa: PLC0415

    from ..dfe import Figure, UnknownAreaError, find_council  # noqa: PLC0415
    from ..dfe._benchmark import MeasureBenchmark  # noqa: PLC0415
    from ..reports import ReportSection  # noqa: PLC0415
    from ..reports._benchmark import _esc, _trend_svg  # noqa: PLC0415

    try:
        council = find_council(case.inspection.local_area)
    except UnknownAreaError:
        return None
    result = benchmark(council, measures=("pc_within_20_weeks",))
    row = result.measures[0]
    median = []
    for year in result.years:
        values = [
            n.value
            for n in (
                shipped_table().figure(a.key, "pc_within_20_weeks", year)
                for a in result.neighbours
            )
            if n.value is not None
        ]
        median.append(
            Figure(
                area="neighbours",
                name="Neighbours' median",
                measure="pc_within_20_weeks",
                year=year,
                value=round(statistics.median(values), 1) if values else None,
                reason="" if values else "no neighbour published a figure",
            )
        )
    shown = MeasureBenchmark(
        measure=row.measure,
        council=row.council,
        region=None,
        england=row.england,
        neighbours=row.neighbours,
        rank=row.rank,
        trend=row.trend,
        england_trend=row.england_trend,
        region_trend=tuple(median),
    )
    series = [
        (council.name, row.trend),
        ("Neighbours' median", tuple(median)),
        ("England", row.england_trend),
    ]
    header = "".join(f"{year:>9}" for year in result.years)
    lines = [
        f"{'':<22}{header}",
        *(
            f"{name[:21]:<22}" + "".join(f"{f.text:>9}" for f in figures)
            for name, figures in series
        ),
        "",
        (
            f"New EHC plans issued within 20 weeks (incl. exceptions), DfE's published "
            f"figures. Neighbours: its ten statistical neighbours {NEIGHBOURS_CONFIDENCE}. "
            f"From {SERIES_BREAK} SEN2 is person-level: DfE warns of a break in the series."
        ),
        "Run 'sendkit benchmark --la " + council.key + "' for every measure.",
    ]
    table_rows = "".join(
        f"<tr><th scope='row'>{_esc(name)}</th>"
        + "".join(f"<td>{_esc(f.text)}</td>" for f in figures)
        + "</tr>"
        for name, figures in series
    )
    head = "".join(f"<th scope='col'>{year}</th>" for year in result.years)
    body = (
        f"{_trend_svg(shown, council.name, 'Neighbours median')}"
        f"<div style='overflow-x:auto'><table><thead><tr><th></th>{head}</tr></thead>"
        f"<tbody>{table_rows}</tbody></table></div>"
        f"<p>{_esc(lines[-2])}</p>"
    )
    return ReportSection(
        title=f"{council.name}'s 20-week timeliness beside England and its neighbours",
        lines=tuple(lines),
        html=body,
    )
