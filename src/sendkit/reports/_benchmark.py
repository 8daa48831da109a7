"""The benchmark as one HTML page for a board: charts, tables, definitions.

Built on the shared page layout (`render_html`): inline CSS and SVG, no
scripts, nothing loaded from elsewhere. Each measure gets a trend chart (the
council, its region and England since 2019, the 2023 break in DfE's series
marked) and a neighbour chart (the council among its ten statistical
neighbours). Colour is never the only cue: lines carry different markers
and end labels, the council's bar is labelled and outlined, and every chart
has a table with the same figures. A figure DfE does not publish is written
"not published", never drawn as 0.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Final

from ..dfe import MEASURES, NEIGHBOURS_SOURCE, SERIES_BREAK, Benchmark, Figure
from ..dfe._benchmark import MeasureBenchmark
from ._inspection import ReportSection, render_html

__all__ = ["render_benchmark_html"]

# Colours with at least 4.5:1 contrast on white (WCAG AA for text and marks).
_COUNCIL: Final = "#1d4f91"
_REGION: Final = "#6b3e99"
_ENGLAND: Final = "#3d3d3d"
_NEIGHBOUR: Final = "#6f777b"
_BREAK: Final = "#b3261e"

#: A white outline behind a label, so a line drawn across it never hides it.
_HALO: Final = ' stroke="#ffffff" stroke-width="3" paint-order="stroke"'

#: A table's caption, above it on the left.
_CAPTION: Final = "<caption style='text-align:left;font-weight:700;padding:14px 0 4px'>"

#: Charts keep a readable size on a phone and scroll sideways in their box.
_SCROLL: Final = "<div style='overflow-x:auto'>"

#: A measure's section is longer than a printed page: let it break between
#: its charts and tables rather than push each one to a new page.
_PRINT: Final = (
    "<style>@media print{section{break-inside:auto}"
    "svg,table,h3{break-inside:avoid}h3{break-after:avoid}}</style>"
)


def _esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def _scale(figures: Sequence[Figure], percent: bool) -> float:
    top = max((f.value for f in figures if f.value is not None), default=0.0)
    if percent:
        return 100.0
    return top * 1.1 or 1.0


def _trend_svg(  # noqa: C901, PLR0912 - one chart, drawn in one place
    row: MeasureBenchmark, council: str, region: str
) -> str:
    spec = MEASURES[row.measure]
    series = [
        (council, row.trend, _COUNCIL, "circle"),
        ("England", row.england_trend, _ENGLAND, "square"),
    ]
    if row.region_trend:
        series.insert(1, (region, row.region_trend, _REGION, "diamond"))
    years = [f.year for f in row.trend]
    width, height, left, right, top, bottom = 560, 260, 48, 130, 16, 36
    top_value = _scale([f for _, s, _, _ in series for f in s], spec.percent)
    span_x = (width - left - right) / max(len(years) - 1, 1)

    def x(i: int) -> float:
        return left + i * span_x

    def y(v: float) -> float:
        return top + (height - top - bottom) * (1 - v / top_value)

    title = f"{spec.label}: {council}, {region} and England, {years[0]}-{years[-1]}"
    parts = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
            f'role="img" width="100%" style="max-width:{width}px;min-width:460px"><title>{_esc(title)}</title>'
        )
    ]
    for tick in range(5):
        value = top_value * tick / 4
        label = f"{value:.0f}%" if spec.percent else f"{value:,.0f}"
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y(value):.1f}" y2="{y(value):.1f}" '
            f'stroke="#d0d0d0"/><text x="{left - 6}" y="{y(value) + 4:.1f}" '
            f'text-anchor="end" font-size="11" fill="#333">{_esc(label)}</text>'
        )
    for i, year in enumerate(years):
        parts.append(
            f'<text x="{x(i):.1f}" y="{height - 14}" text-anchor="middle" font-size="11" '
            f'fill="#333">{year}</text>'
        )
    if SERIES_BREAK in years:
        bx = x(years.index(SERIES_BREAK)) - span_x / 2
        parts.append(
            f'<line x1="{bx:.1f}" x2="{bx:.1f}" y1="{top}" y2="{height - bottom}" '
            f'stroke="{_BREAK}" stroke-dasharray="5 4"/>'
            f'<text x="{bx + 4:.1f}" y="{top + 10}" font-size="11" fill="{_BREAK}">'
            "series break</text>"
        )
    ends: list[tuple[float, float, str, str]] = []
    for name, figures, colour, marker in series:
        points = [
            (x(i), y(f.value)) for i, f in enumerate(figures) if f.value is not None
        ]
        segments: list[list[tuple[float, float]]] = [[]]
        for i, f in enumerate(figures):
            if f.value is None or f.year == SERIES_BREAK:
                segments.append([])
            if f.value is not None:
                segments[-1].append((x(i), y(f.value)))
        for seg in segments:
            if len(seg) > 1:
                path = " ".join(f"{px:.1f},{py:.1f}" for px, py in seg)
                parts.append(
                    f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2.5"/>'
                )
        for (px, py), f in zip(
            points, [f for f in figures if f.value is not None], strict=True
        ):
            tip = f"<title>{_esc(name)} {f.year}: {_esc(f.text)}</title>"
            if marker == "circle":
                parts.append(
                    f'<circle cx="{px:.1f}" cy="{py:.1f}" r="4.5" fill="{colour}">{tip}</circle>'
                )
            elif marker == "square":
                parts.append(
                    f'<rect x="{px - 4:.1f}" y="{py - 4:.1f}" width="8" height="8" fill="{colour}">{tip}</rect>'
                )
            else:
                parts.append(
                    f'<path d="M{px:.1f} {py - 5:.1f} L{px + 5:.1f} {py:.1f} L{px:.1f} {py + 5:.1f} '
                    f'L{px - 5:.1f} {py:.1f} Z" fill="{colour}">{tip}</path>'
                )
        if points:
            ends.append((points[-1][1], points[-1][0], name, colour))
    parts.extend(_end_labels(ends))
    parts.append("</svg>")
    return "".join(parts)


def _end_labels(ends: list[tuple[float, float, str, str]]) -> list[str]:
    """Name each line at its last point, moved apart so no two overlap."""
    ends.sort()
    placed: list[float] = []
    for y, _, _, _ in ends:
        placed.append(max(y, placed[-1] + 14) if placed else y)
    return [
        f'<text x="{x + 10:.1f}" y="{py + 4:.1f}" font-size="12" fill="{colour}">'
        f"{_esc(name[:20])}</text>"
        for (_, x, name, colour), py in zip(ends, placed, strict=True)
    ]


def _neighbour_svg(result: Benchmark, row: MeasureBenchmark) -> str:
    spec = MEASURES[row.measure]
    bars = [(result.council.name, row.council, True)] + [
        (area.name, figure, False)
        for area, figure in zip(result.neighbours, row.neighbours, strict=True)
    ]
    bars.sort(key=lambda b: -(b[1].value if b[1].value is not None else -1e18))
    width, label_w, bar_h, gap, top = 560, 170, 18, 6, 8
    height = top + len(bars) * (bar_h + gap) + 24
    top_value = _scale([b[1] for b in bars] + [row.england], spec.percent)
    plot = width - label_w - 80

    title = f"{spec.label}, {result.year}: {result.council.name} and its statistical neighbours"
    parts = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
            f'role="img" width="100%" style="max-width:{width}px;min-width:460px"><title>{_esc(title)}</title>'
        )
    ]
    # England's line first: the bars and their labels are drawn over it.
    if row.england.value is not None:
        ex = label_w + plot * row.england.value / top_value
        parts.append(
            f'<line x1="{ex:.1f}" x2="{ex:.1f}" y1="{top - 4}" y2="{height - 20}" '
            f'stroke="{_ENGLAND}" stroke-dasharray="3 3" stroke-width="1.5"/>'
            f'<text x="{ex:.1f}" y="{height - 6}" text-anchor="middle" font-size="11" '
            f'fill="{_ENGLAND}">England {_esc(row.england.text)}</text>'
        )
    for i, (name, figure, mine) in enumerate(bars):
        y = top + i * (bar_h + gap)
        weight = "bold" if mine else "normal"
        label = f"\u25b6 {name}" if mine else name
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 13}" text-anchor="end" font-size="12" '
            f'font-weight="{weight}" fill="#1b1b1b">{_esc(label[:28])}</text>'
        )
        if figure.value is None:
            parts.append(
                f'<text x="{label_w + 4}" y="{y + 13}" font-size="12" fill="#333"{_HALO}>'
                f"{_esc(figure.text)}</text>"
            )
            continue
        w = plot * figure.value / top_value
        colour = _COUNCIL if mine else _NEIGHBOUR
        stroke = ' stroke="#000" stroke-width="2"' if mine else ""
        parts.append(
            f'<rect x="{label_w}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{colour}"{stroke}/>'
            f'<text x="{label_w + w + 4:.1f}" y="{y + 13}" font-size="12" font-weight="{weight}" '
            f'fill="#1b1b1b"{_HALO}>{_esc(figure.text)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _table(result: Benchmark, row: MeasureBenchmark) -> str:
    cells = [
        (result.council.name, row.council),
        *([(result.region.name, row.region)] if result.region and row.region else []),
        ("England", row.england),
    ]
    head = "".join(f"<th scope='col'>{_esc(name)}</th>" for name, _ in cells)
    body = "".join(
        f"<td data-label='{_esc(name)}'>{_esc(f.text)}</td>" for name, f in cells
    )
    years = [
        f"{f.year}{' (break)' if f.year == SERIES_BREAK else ''}" for f in row.trend
    ]
    trend_head = "".join(f"<th scope='col'>{year}</th>" for year in years)
    trend_rows = [(result.council.name, row.trend), ("England", row.england_trend)]
    if result.region and row.region_trend:
        trend_rows.insert(1, (result.region.name, row.region_trend))
    trend_body = "".join(
        f"<tr><th scope='row'>{_esc(name)}</th>"
        + "".join(
            f"<td data-label='{year}'>{_esc(f.text)}</td>"
            for year, f in zip(years, series, strict=False)
        )
        + "</tr>"
        for name, series in trend_rows
    )
    # On a phone each row becomes a card with every figure labelled.
    return (
        f"<p><strong>{result.year}:</strong> rank among the council and its "
        f"neighbours (highest first): {_esc(row.rank_text)}.</p>"
        f"<table class='stack'>{_CAPTION}{result.year}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody><tr>{body}</tr></tbody></table>"
        f"<table class='stack'>{_CAPTION}Since {row.trend[0].year if row.trend else ''}"
        f"</caption><thead><tr><th></th>{trend_head}</tr></thead>"
        f"<tbody>{trend_body}</tbody></table>"
    )


def _lines(result: Benchmark, row: MeasureBenchmark) -> tuple[str, ...]:
    return (
        (
            f"{result.council.name}: {row.council.text}; England: {row.england.text}; "
            f"rank {row.rank_text}"
        ),
    )


def render_benchmark_html(result: Benchmark) -> str:
    """Return the benchmark as one self-contained HTML page for a board."""
    region = result.region.name if result.region else "region"
    sections = []
    for index, row in enumerate(result.measures):
        spec = MEASURES[row.measure]
        body = (
            (_PRINT if index == 0 else "") + f"<p>{_esc(spec.definition)}</p>"
            f"<h3>Trend since {result.years[0]}</h3>"
            f"{_SCROLL}{_trend_svg(row, result.council.name, region)}</div>"
            f"<h3>Among its statistical neighbours, {result.year}</h3>"
            f"{_SCROLL}{_neighbour_svg(result, row)}</div>{_table(result, row)}"
        )
        sections.append(
            ReportSection(title=spec.label, lines=_lines(result, row), html=body)
        )
    notes = (
        (
            f"From {SERIES_BREAK} SEN2 is a person-level collection; DfE warns of a break "
            f"in the time series between {SERIES_BREAK - 1} and {SERIES_BREAK} (dashed line "
            "in the trend charts)."
        ),
        (
            "A figure DfE does not publish is written 'not published' with DfE's symbol "
            "(x not available, c confidential, z not applicable, low too small to show); "
            "it is never drawn or counted as 0. A rate followed by * was worked out by "
            "sendkit from DfE's published counts because DfE does not publish the rate "
            "for that year."
        ),
        (
            "Rank: the council's place among itself and its ten statistical neighbours, "
            "highest value first, counting published figures only. For the 20-week and "
            "annual-review measures higher is better; for counts and refusal rates a rank "
            "is a size, not a judgement."
        ),
        NEIGHBOURS_SOURCE,
        f"Figures: {result.source}",
    )
    sections.append(
        ReportSection(
            title="Definitions and source",
            lines=notes,
            html="".join(f"<p>{_esc(text)}</p>" for text in notes),
        )
    )
    title = f"{result.council.name}: EHC figures beside its neighbours, {result.year}"
    intro = (
        f"DfE's published figures for {result.council.name} ({result.council.key}) "
        f"beside {region}, England and its ten statistical neighbours: "
        + ", ".join(area.name for area in result.neighbours)
        + "."
    )
    return render_html(
        title,
        sections,
        kicker="Published EHC statistics - sendkit benchmark",
        intro=intro,
        footer=(
            "Made with sendkit ('sendkit benchmark --html'). This page has no scripts "
            "and loads nothing from elsewhere."
        ),
    )
