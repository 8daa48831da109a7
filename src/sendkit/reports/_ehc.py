"""The 20-week measure as a page: a monthly chart beside England's figure.

`render_timeliness` turns a `sendkit.ehc.Timeliness` into one self-contained
HTML page on the shared layout (`sendkit.reports._layout`): the headline
figures with and without exceptions, a chart of each month's share in time
against England's published figure for the year, the bands (within 20
weeks, over 20 up to 52, over 52), the average weeks, and the definition
with a confidence tag on every part. Cases are never named: the page holds
counts only.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from ..dates import MONTH_NAMES
from ..ehc import Timeliness
from ._layout import INK, esc, linkify, page, section, table

__all__ = ["render_timeliness"]

#: Series colours (each >= 4.5:1 on white) and how they differ without colour.
_EXCL: Final = "#1d4f91"  # solid line, filled circles: DfE's headline
_INCL: Final = "#801650"  # dashed line, open squares
_ENGLAND: Final = "#00703c"  # dotted line, labelled

_W: Final = 960
_H: Final = 340
_LEFT: Final = 56
_RIGHT: Final = 24
_TOP: Final = 20
_BOTTOM: Final = 70


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}%"


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def _y(percent: float) -> float:
    return _TOP + (_H - _TOP - _BOTTOM) * (1 - percent / 100)


def _x(index: int) -> float:
    slot = (_W - _LEFT - _RIGHT) / 12
    return _LEFT + slot * (index + 0.5)


def _series(
    values: Sequence[tuple[int, float | None]],
    colour: str,
    *,
    dashed: bool,
    square: bool,
) -> list[str]:
    """A line through the months with a figure; months with none leave a gap."""
    out: list[str] = []
    run: list[tuple[float, float]] = []
    runs: list[list[tuple[float, float]]] = []
    for month, value in values:
        if value is None:
            if run:
                runs.append(run)
            run = []
            continue
        run.append((_x(month - 1), _y(value)))
    if run:
        runs.append(run)
    dash = ' stroke-dasharray="8 5"' if dashed else ""
    for points in runs:
        if len(points) > 1:
            path = " ".join(
                f"{'M' if i == 0 else 'L'}{x:.1f} {y:.1f}"
                for i, (x, y) in enumerate(points)
            )
            out.append(
                f'<path d="{path}" fill="none" stroke="{colour}" stroke-width="2.5"{dash}/>'
            )
        for x, y in points:
            if square:
                out.append(
                    f'<rect x="{x - 5:.1f}" y="{y - 5:.1f}" width="10" height="10" '
                    f'fill="#ffffff" stroke="{colour}" stroke-width="2"/>'
                )
            else:
                out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{colour}"/>')
    return out


def _chart(result: Timeliness) -> str:
    months = {m.month: m for m in result.by_month}
    excl = [
        (n, months[n].percent_excluding_exceptions if n in months else None)
        for n in range(1, 13)
    ]
    incl = [(n, months[n].percent if n in months else None) for n in range(1, 13)]
    title = (
        f"New EHC plans issued within 20 weeks, each month of {result.year}, "
        "with and without exception cases"
    )
    out = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_W} {_H}" role="img" '
            f'aria-labelledby="ehc-chart-title" font-family="system-ui,Arial,sans-serif">'
        ),
        f'<title id="ehc-chart-title">{esc(title)}</title>',
        f'<rect x="0" y="0" width="{_W}" height="{_H}" fill="#ffffff"/>',
    ]
    for tick in range(0, 101, 20):
        y = _y(tick)
        out.append(
            f'<line x1="{_LEFT}" y1="{y:.1f}" x2="{_W - _RIGHT}" y2="{y:.1f}" '
            f'stroke="{"#0b0c0c" if tick == 0 else "#d8dde0"}" stroke-width="1"/>'
            f'<text x="{_LEFT - 8}" y="{y + 5:.1f}" text-anchor="end" font-size="14" '
            f'fill="{INK}">{tick}%</text>'
        )
    out.extend(
        f'<text x="{_x(n - 1):.1f}" y="{_H - _BOTTOM + 20}" text-anchor="middle" '
        f'font-size="14" fill="{INK}">{MONTH_NAMES[n - 1][:3]}</text>'
        for n in range(1, 13)
    )
    national = result.national
    if national is not None:
        y = _y(national.percent_excluding_exceptions)
        out.append(
            f'<line x1="{_LEFT}" y1="{y:.1f}" x2="{_W - _RIGHT}" y2="{y:.1f}" '
            f'stroke="{_ENGLAND}" stroke-width="2.5" stroke-dasharray="2 4"/>'
        )
    out += _series(incl, _INCL, dashed=True, square=True)
    out += _series(excl, _EXCL, dashed=False, square=False)
    legend_y = _H - 18
    out.append(
        f'<circle cx="{_LEFT + 8}" cy="{legend_y - 5}" r="5" fill="{_EXCL}"/>'
        f'<line x1="{_LEFT - 8}" y1="{legend_y - 5}" x2="{_LEFT + 24}" y2="{legend_y - 5}" '
        f'stroke="{_EXCL}" stroke-width="2.5"/>'
        f'<text x="{_LEFT + 32}" y="{legend_y}" font-size="14" fill="{INK}">'
        "excluding exceptions (DfE's headline)</text>"
        f'<rect x="{_LEFT + 323}" y="{legend_y - 10}" width="10" height="10" fill="#ffffff" '
        f'stroke="{_INCL}" stroke-width="2"/>'
        f'<line x1="{_LEFT + 306}" y1="{legend_y - 5}" x2="{_LEFT + 350}" y2="{legend_y - 5}" '
        f'stroke="{_INCL}" stroke-width="2.5" stroke-dasharray="8 5"/>'
        f'<text x="{_LEFT + 358}" y="{legend_y}" font-size="14" fill="{INK}">'
        "including exceptions</text>"
    )
    if national is not None:
        out.append(
            f'<line x1="{_LEFT + 540}" y1="{legend_y - 5}" x2="{_LEFT + 580}" '
            f'y2="{legend_y - 5}" stroke="{_ENGLAND}" stroke-width="2.5" '
            'stroke-dasharray="2 4"/>'
            f'<text x="{_LEFT + 588}" y="{legend_y}" font-size="14" fill="{INK}">'
            f"England {result.year}, published: "
            f"{national.percent_excluding_exceptions:.1f}% (excl.)</text>"
        )
    out.append("</svg>")
    return "".join(out)


def _headline(result: Timeliness) -> str:
    national = result.national
    england = (
        f"England {result.year}: {_pct(national.percent_excluding_exceptions)} "
        f"[{national.confidence}]"
        if national is not None
        else f"No published England figure for {result.year} is held by sendkit"
    )
    tiles = [
        (
            _pct(result.percent_excluding_exceptions),
            "within 20 weeks, excluding exceptions (DfE's headline)",
            (
                f"{result.within_20_weeks_excluding_exceptions:,} of "
                f"{result.issued_excluding_exceptions:,} plans"
            ),
        ),
        (
            _pct(result.percent),
            "within 20 weeks, including exceptions",
            f"{result.within_20_weeks:,} of {result.issued:,} plans",
        ),
        (
            _num(result.average_weeks_excluding_exceptions),
            "average weeks, excluding exceptions",
            f"{_num(result.average_weeks)} weeks including them",
        ),
        (f"{result.exceptions:,}", "exception cases (Week20 = 1)", england),
    ]
    return (
        '<div class="tiles">'
        + "".join(
            f'<div class="tile"><span class="n">{esc(n)}</span>'
            f'<span class="what">{esc(what)}</span><span class="muted">{esc(sub)}</span></div>'
            for n, what, sub in tiles
        )
        + "</div>"
    )


def _bands(result: Timeliness) -> str:
    rows = [
        [
            "Plans issued",
            f"{result.issued:,}",
            f"{result.issued_excluding_exceptions:,}",
        ],
        [
            "Within 20 weeks",
            f"{result.within_20_weeks:,} ({_pct(result.percent)})",
            (
                f"{result.within_20_weeks_excluding_exceptions:,} "
                f"({_pct(result.percent_excluding_exceptions)})"
            ),
        ],
        [
            "Over 20 up to 52 weeks",
            f"{result.over_20_to_52_weeks:,}",
            f"{result.over_20_to_52_weeks_excluding_exceptions:,}",
        ],
        [
            "Over 52 weeks",
            f"{result.over_52_weeks:,}",
            f"{result.over_52_weeks_excluding_exceptions:,}",
        ],
        [
            "Average weeks",
            _num(result.average_weeks),
            _num(result.average_weeks_excluding_exceptions),
        ],
        ["Exception cases", f"{result.exceptions:,}", ""],
        ["Week20 not recorded", f"{result.week20_not_recorded:,}", ""],
    ]
    national = result.national
    if national is not None:
        rows.append(
            [
                f"England {result.year} (published)",
                (
                    "-"
                    if national.percent_including_exceptions is None
                    else f"{national.percent_including_exceptions:.1f}% "
                    f"[{national.detail_confidence}]"
                ),
                f"{national.percent_excluding_exceptions:.1f}% [{national.confidence}]",
            ]
        )
    body = table(
        ["", "Including exceptions", "Excluding exceptions"],
        [[esc(c) for c in row] for row in rows],
        cell_classes=["", "num", "num"],
    )
    if national is not None:
        body += (
            f'<p class="note">England: {linkify(national.source)} '
            f'(<a class="ext" href="{esc(national.url)}">DfE, EHC plans statistics</a>).'
            + (f" {esc(national.note.strip())}" if national.note else "")
            + "</p>"
        )
    return body


def _months(result: Timeliness) -> str:
    rows = [
        [
            esc(MONTH_NAMES[m.month - 1]),
            f"{m.issued:,}",
            f"{m.within_20_weeks:,}",
            esc(_pct(m.percent)),
            f"{m.issued_excluding_exceptions:,}",
            f"{m.within_20_weeks_excluding_exceptions:,}",
            esc(_pct(m.percent_excluding_exceptions)),
        ]
        for m in result.by_month
    ]
    return table(
        [
            "Month",
            "Issued",
            "In time",
            "% in time",
            "Issued (excl.)",
            "In time (excl.)",
            "% in time (excl.)",
        ],
        rows,
        cell_classes=["", "num", "num", "num", "num", "num", "num"],
    )


def _definition(result: Timeliness) -> str:
    rule = result.rule
    flag = "confirmed" if rule.confirmed else f"UNCONFIRMED ({rule.confidence.value})"
    items = "".join(
        f'<li><span class="tag">{esc(part.confidence)}</span> {linkify(part.text)}</li>'
        for part in result.definition
    )
    override = (
        f'<p class="warn">Local override: {esc(rule.overridden)}</p>'
        if rule.overridden
        else ""
    )
    return (
        f"<p>Rule <code>{esc(rule.code)}</code>: {esc(rule.describe_period())}, "
        f"{linkify(rule.source)} <b>[{esc(flag)}]</b>.</p>{override}"
        f'<ul class="trail">{items}</ul>'
        '<p class="note">Tags: [P] primary text read directly; [S] a secondary '
        "source; [U] unconfirmed, sendkit's assumption; [INFERRED] worked out from "
        "DfE's published counts, not stated by DfE.</p>"
    )


def render_timeliness(
    result: Timeliness, *, source: str = "", cases_read: int | None = None
) -> str:
    """Return the 20-week measure for one year as one self-contained HTML page.

    Args:
        result: The measure, from `sendkit.ehc.timeliness`.
        source: The file it was read from, named in the page's heading line.
        cases_read: How many cases the file held, for the same line.

    The chart shows each month's share of new plans issued within 20 weeks,
    excluding exceptions (solid line, filled circles: DfE's headline) and
    including them (dashed line, open squares), beside England's published
    figure for the year (dotted line, labelled); a table under it gives the
    same figures, so nothing depends on reading the chart. Percentages are
    to one decimal place, as DfE publishes them.
    """
    read = []
    if source:
        read.append(f"from {esc(source)}")
    if cases_read is not None:
        read.append(f"{cases_read:,} cases read")
    meta = f"New EHC plans issued in {result.year}" + (
        f" ({', '.join(read)})" if read else ""
    )
    body = "".join(
        [
            section("At a glance", _headline(result)),
            section(
                "Each month",
                '<p class="note">Share of the month\'s new plans issued within 20 '
                "weeks of the request. A month with no plans issued has no point.</p>"
                f'<div class="chart">{_chart(result)}</div>',
                keep=True,
            ),
            section("Each month, in figures", _months(result)),
            section("Bands and averages", _bands(result)),
            section("What is counted, and how sure we are", _definition(result)),
        ]
    )
    footer = (
        "Made with sendkit ('sendkit ehc timeliness --html'). The page holds counts "
        "only, never a child's details. It has no scripts and loads nothing from "
        "elsewhere."
    )
    return page(
        f"The 20-week measure: {result.year}",
        body,
        kicker="EHC needs assessments - timeliness",
        meta=meta,
        footer=footer,
    )
