"""A readable report of an inspection and what follows it: plain text and one HTML page.

A report is a sequence of `ReportSection` values, each carrying both renderings,
so a caller can add a section (the priority action plan skeleton, say) without
touching the others. `render_text` joins the text; `render_html` writes one
self-contained page: inline CSS and an inline SVG timeline, no scripts, no
external assets, every piece of text escaped.
"""

from __future__ import annotations

import datetime as dt
import html
import textwrap
from collections.abc import Iterable, Sequence
from typing import Final

import attrs
from dateutil.relativedelta import relativedelta

from ..dates import as_date, long_date
from ..inspections import Inspection, Milestone, Outcome, Status

__all__ = [
    "ReportSection",
    "inspection_report",
    "render_html",
    "render_text",
    "timeline_svg",
]


#: Outcome colours, after DfE's SEND dashboard (green, orange, maroon).
_OUTCOME_COLOURS: Final = {
    Outcome.POSITIVE: "#00703c",
    Outcome.INCONSISTENT: "#b85600",
    Outcome.SYSTEMIC: "#801650",
}
_DEADLINE_COLOUR: Final = "#801650"
_EXPECTED_COLOUR: Final = "#1d70b8"
_NEUTRAL: Final = "#505a5f"
_OVERDUE: Final = "#d4351c"
_TEXT_WIDTH: Final = 88


@attrs.frozen(kw_only=True)
class ReportSection:
    """One section of a report, in both renderings.

    Attributes:
        title: The section heading.
        lines: The section as plain-text lines (no heading).
        html: The section's body as an HTML fragment, already escaped.
    """

    title: str
    lines: tuple[str, ...]
    html: str


def _short(day: dt.date) -> str:
    return f"{day.day} {day:%b %Y}"


def _esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def _flag(milestone: Milestone) -> str:
    state = "confirmed" if milestone.confirmed else "UNCONFIRMED"
    local = ", LOCAL RULE" if milestone.overridden is not None else ""
    return f"{state} {milestone.confidence}{local}"


# ---------------------------------------------------------------- sections


def _inspection_section(inspection: Inspection) -> ReportSection:
    rows: list[tuple[str, str]] = [("Local area partnership", inspection.local_area)]
    if inspection.la_code:
        rows.append(("Local authority code", inspection.la_code))
    if inspection.ofsted_region:
        rows.append(("Ofsted region", inspection.ofsted_region))
    rows.append(("Framework", inspection.framework.title))
    if inspection.start and inspection.end:
        rows.append(
            (
                "Inspected",
                (
                    f"{_short(inspection.start)} to {_short(inspection.end)} "
                    f"(Ofsted's recorded start date: {inspection.start.isoformat()})"
                ),
            )
        )
    elif inspection.start:
        rows.append(("Inspection start", inspection.start.isoformat()))
    if inspection.published:
        rows.append(
            (
                "Report published",
                f"{long_date(inspection.published)} ({inspection.published.isoformat()})",
            )
        )
    if inspection.received:
        received = (
            f"{long_date(inspection.received)} ({inspection.received.isoformat()})"
        )
        if inspection.received_is_assumed:
            received += (
                " - ASSUMED: the day the partnership received the report is not "
                "public, so the publication date is used"
            )
        rows.append(("Report received", received))
    if inspection.priority_actions is not None:
        rows.append(("Areas for priority action", str(inspection.priority_actions)))
    if inspection.improvement_count is not None:
        rows.append(("Areas for improvement", str(inspection.improvement_count)))
    width = max(len(name) for name, _ in rows)
    lines = tuple(f"{name:<{width}}  {value}" for name, value in rows)
    body = "".join(
        f"<tr><th scope='row'>{_esc(name)}</th><td>{_esc(value)}</td></tr>"
        for name, value in rows
    )
    return ReportSection(
        title="The inspection", lines=lines, html=f"<table class='facts'>{body}</table>"
    )


def _outcome_section(inspection: Inspection) -> ReportSection:
    outcome = inspection.outcome
    if outcome is None:
        return ReportSection(
            title="The outcome",
            lines=("Outcome not known.",),
            html="<p>Outcome not known.</p>",
        )
    if isinstance(outcome, Outcome):
        heading = f"Outcome {outcome.number}: {outcome.label}"
        statement = outcome.statement
        colour = _OUTCOME_COLOURS[outcome]
        consequence = (
            "This outcome identifies areas for priority action: the partnership must "
            "write a priority action plan, and a monitoring inspection follows."
            if outcome.requires_priority_action_plan
            else "No priority action plan is required for this outcome."
        )
    else:
        heading = outcome.label
        statement = "Under the 2016-2022 framework the outcome was whether a written statement of action was required."
        colour = _NEUTRAL
        consequence = ""
    lines = [
        heading,
        *textwrap.wrap(
            f'"{statement}"', _TEXT_WIDTH, initial_indent="  ", subsequent_indent="   "
        ),
    ]
    if consequence:
        lines.extend(textwrap.wrap(consequence, _TEXT_WIDTH))
    body = (
        f"<div class='outcome' style='border-color:{colour}'>"
        f"<p class='outcome-label' style='color:{colour}'>{_esc(heading)}</p>"
        f"<blockquote>{_esc(statement)}</blockquote>"
        + (f"<p>{_esc(consequence)}</p>" if consequence else "")
        + "</div>"
    )
    return ReportSection(title="The outcome", lines=tuple(lines), html=body)


def _timeline_rows(
    milestones: Sequence[Milestone], as_of: dt.date | None
) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for m in milestones:
        row: tuple[str, ...] = (
            m.on.isoformat() if m.on else "no date",
            m.kind,
            m.label,
            m.rule or "-",
            _flag(m),
        )
        if as_of is not None:
            row = (*row, m.status(as_of=as_of))
        rows.append(row)
    return rows


def _timeline_section(
    inspection: Inspection, milestones: Sequence[Milestone], as_of: dt.date | None
) -> ReportSection:
    header: tuple[str, ...] = ("Date", "Kind", "Milestone", "Rule", "Confidence")
    if as_of is not None:
        header = (*header, f"Status on {as_of.isoformat()}")
    rows = _timeline_rows(milestones, as_of)
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = [
        "  ".join(
            cell.ljust(width) for cell, width in zip(row, widths, strict=True)
        ).rstrip()
        for row in [header, *rows]
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    lines.append("")
    lines.append(
        "deadline = a hard limit set by the framework; expected = usual practice "
        '("usually within"), a target, not a deadline.'
    )
    if any(not m.confirmed for m in milestones):
        lines.append(
            "UNCONFIRMED = the figure is not confirmed by a primary source; check it "
            "locally (tags: [P-partial] primary read in part, [S] secondary, [U] unknown)."
        )
    if any(m.overridden is not None for m in milestones):
        lines.append(
            "LOCAL RULE = dated by a locally overridden rule, not the catalogue's "
            "(the explanation says which file and why)."
        )
    if inspection.received_is_assumed:
        lines.append(
            "Dates counted from the report's receipt use the publication date (assumed)."
        )
    head = "".join(f"<th scope='col'>{_esc(cell)}</th>" for cell in header)
    body = []
    for m, row in zip(milestones, rows, strict=True):
        cells = [
            f"<td class='date'>{_esc(row[0])}</td>",
            f"<td><span class='kind {m.kind}'>{_esc(row[1])}</span></td>",
        ]
        cells.append(f"<td>{_esc(row[2])}</td>")
        cells.append(f"<td><code>{_esc(row[3])}</code></td>")
        flag_class = "confirmed" if m.confirmed else "unconfirmed"
        cells.append(f"<td><span class='{flag_class}'>{_esc(row[4])}</span></td>")
        if as_of is not None:
            cells.append(
                f"<td><span class='status {row[5]}'>{_esc(row[5])}</span></td>"
            )
        body.append(f"<tr>{''.join(cells)}</tr>")
    notes = "".join(
        f"<p class='note'>{_esc(line)}</p>" for line in lines[len(rows) + 3 :]
    )
    fragment = (
        timeline_svg(inspection, milestones, as_of=as_of)
        + f"<table class='timeline'><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
        + notes
    )
    return ReportSection(title="What follows", lines=tuple(lines), html=fragment)


def _explanations_section(milestones: Sequence[Milestone]) -> ReportSection:
    lines: list[str] = []
    parts: list[str] = []
    for number, m in enumerate(milestones, 1):
        when = (
            f"{'due' if m.is_hard_limit else 'expected'} {long_date(m.on)}"
            if m.on
            else "no date"
        )
        lines.append(f"{number}. {m.label}: {when}")
        detail = [f"Assumption: {text}" for text in m.assumptions] + _compact(m.trail)
        lines.extend(f"   {text}" for text in detail)
        lines.append("")
        items = "".join(f"<li>{_esc(text)}</li>" for text in detail)
        parts.append(
            f"<details><summary><strong>{_esc(m.label)}</strong>: {_esc(when)}"
            f" <span class='{'confirmed' if m.confirmed else 'unconfirmed'}'>{_esc(_flag(m))}</span>"
            f"</summary><ul class='trail'>{items}</ul></details>"
        )
    return ReportSection(
        title="How each date was reached", lines=tuple(lines), html="".join(parts)
    )


def _compact(trail: Iterable[str]) -> list[str]:
    """Fold the skipped weekend days into one count; keep holidays and closures."""
    out: list[str] = []
    weekends = 0
    for line in trail:
        indented = line.startswith("  ")
        if indented and line.endswith("  weekend"):
            weekends += 1
            continue
        if weekends and not indented:
            out.append(f"  and {weekends} weekend days")
            weekends = 0
        out.append(line)
    if weekends:
        out.append(f"  and {weekends} weekend days")
    return out


def inspection_report(
    inspection: Inspection,
    milestones: Sequence[Milestone],
    *,
    as_of: dt.date | None = None,
) -> tuple[ReportSection, ...]:
    """Return the report's sections: the inspection, its outcome, what follows, and why.

    Args:
        inspection: The inspection.
        milestones: What follows it, usually from `follow_up`.
        as_of: With a date, the timeline also shows each milestone's status
            on that day; without one, no status is computed.

    Returns:
        The sections in order; render them with `render_text` or `render_html`.
    """
    if as_of is not None:
        as_of = as_date(as_of, "as_of")
    return (
        _inspection_section(inspection),
        _outcome_section(inspection),
        _timeline_section(inspection, milestones, as_of),
        _explanations_section(milestones),
    )


# ---------------------------------------------------------------- rendering


def render_text(
    title: str, sections: Iterable[ReportSection], *, intro: str = ""
) -> str:
    """Return the sections as a plain-text report under *title*; *intro* is wrapped."""
    out = [title, "=" * len(title)]
    if intro:
        out.extend(["", *textwrap.wrap(intro, _TEXT_WIDTH, break_long_words=False)])
    for section in sections:
        out.extend(["", section.title, "-" * len(section.title), *section.lines])
    return "\n".join(line.rstrip() for line in out).rstrip() + "\n"


_CSS: Final = """
:root{--ink:#0b0c0c;--muted:#505a5f;--line:#d8dde0;--bg:#f6f7f8;--accent:#1d70b8}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Arial,sans-serif}
main{max-width:1040px;margin:0 auto;padding:32px 24px 48px}
header{border-bottom:4px solid var(--ink);margin-bottom:24px;padding-bottom:12px}
.kicker{margin:0;color:var(--muted);font-size:14px;letter-spacing:.04em;text-transform:uppercase}
h1{margin:4px 0 8px;font-size:34px;line-height:1.15}
h2{font-size:22px;margin:0 0 12px}
section{background:#fff;border:1px solid var(--line);border-radius:6px;padding:20px 24px;margin:0 0 20px}
.intro{color:var(--muted);margin:0}
table{border-collapse:collapse;width:100%;font-size:15px}
th,td{text-align:left;padding:6px 10px;border-bottom:1px solid var(--line);vertical-align:top}
.facts th{width:230px;color:var(--muted);font-weight:600}
.timeline thead th{background:var(--bg);font-size:14px}
td.date{white-space:nowrap;font-variant-numeric:tabular-nums}
code{font-size:13px;background:var(--bg);padding:1px 4px;border-radius:3px}
.outcome{border-left:8px solid;padding:4px 0 4px 16px}
.outcome-label{font-size:22px;font-weight:700;margin:0 0 8px}
blockquote{margin:0 0 8px;font-size:17px;font-style:italic}
.kind{display:inline-block;padding:0 8px;border-radius:10px;font-size:13px;font-weight:600;color:#fff}
.kind.deadline{background:#801650}.kind.expected{background:#1d70b8}.kind.undated{background:#505a5f}
.unconfirmed{color:#942514;font-weight:600;font-size:13px}
.confirmed{color:#00703c;font-weight:600;font-size:13px}
.status{font-size:13px;font-weight:600}.status.overdue{color:#942514}.status.passed{color:#505a5f}
.note{color:var(--muted);font-size:14px;margin:8px 0 0}
details{border-top:1px solid var(--line);padding:8px 0}
summary{cursor:pointer}
ul.trail{margin:8px 0 4px;padding-left:22px;font-size:14px;color:#2b2f31}
ul.trail li{margin:2px 0;white-space:pre-wrap}
svg{display:block;width:100%;height:auto;margin:0 0 16px}
footer{color:var(--muted);font-size:13px;margin-top:24px}
@media print{body{background:#fff}section{break-inside:avoid;border:none;padding:0 0 12px}details{display:block}}
"""


def render_html(
    title: str,
    sections: Iterable[ReportSection],
    *,
    kicker: str = "",
    intro: str = "",
    footer: str = "",
) -> str:
    """Return the sections as one self-contained HTML page.

    Everything is inline: CSS in a ``<style>`` element and charts as SVG.
    There are no scripts and no links to other files, so the page can be
    e-mailed or attached to board papers as it is.
    """
    parts = [
        "<!DOCTYPE html>",
        "<html lang='en'><head><meta charset='utf-8'>",
        "<meta name='viewport' content='width=device-width, initial-scale=1'>",
        f"<title>{_esc(title)}</title><style>{_CSS}</style></head><body><main>",
        "<header>",
    ]
    if kicker:
        parts.append(f"<p class='kicker'>{_esc(kicker)}</p>")
    parts.append(f"<h1>{_esc(title)}</h1>")
    if intro:
        parts.append(f"<p class='intro'>{_esc(intro)}</p>")
    parts.append("</header>")
    parts.extend(
        f"<section><h2>{_esc(section.title)}</h2>{section.html}</section>"
        for section in sections
    )
    if footer:
        parts.append(f"<footer>{_esc(footer)}</footer>")
    parts.append("</main></body></html>")
    return "\n".join(parts) + "\n"


# ---------------------------------------------------------------- the chart

_LEFT: Final = 380
_RIGHT: Final = 960
_WIDTH: Final = 1000
_ROW: Final = 30
_TOP: Final = 40
_LABEL_CHARS: Final = 52
_KIND_COLOURS: Final = {"deadline": _DEADLINE_COLOUR, "expected": _EXPECTED_COLOUR}


@attrs.frozen
class _Event:
    label: str
    on: dt.date
    end: dt.date | None
    kind: str
    confirmed: bool
    overdue: bool = False


@attrs.frozen
class _Axis:
    low: dt.date
    high: dt.date

    def x(self, day: dt.date) -> float:
        span = max(1, (self.high - self.low).days)
        return _LEFT + (_RIGHT - _LEFT) * (day - self.low).days / span


def _quarter_start(day: dt.date) -> dt.date:
    return dt.date(day.year, (day.month - 1) // 3 * 3 + 1, 1)


def _next_quarter(day: dt.date) -> dt.date:
    start = _quarter_start(day)
    return start + relativedelta(months=3)


def timeline_svg(
    inspection: Inspection,
    milestones: Sequence[Milestone],
    *,
    as_of: dt.date | None = None,
) -> str:
    """Return an inline SVG chart: one row per dated event on a shared time axis.

    The inspection and the report's publication come first, then each dated
    milestone: deadlines as diamonds, expected dates as circles. Unconfirmed
    figures are drawn hollow and marked with an asterisk. With *as_of*, a
    dashed line marks that day and overdue expected events are drawn in red.
    Undated milestones are left out (the table lists them).
    """
    if as_of is not None:
        as_of = as_date(as_of, "as_of")
    events: list[_Event] = []
    if inspection.start:
        events.append(
            _Event("Inspection", inspection.start, inspection.end, "inspection", True)
        )
    if inspection.published:
        events.append(
            _Event("Report published", inspection.published, None, "published", True)
        )
    events.extend(
        _Event(
            m.label,
            m.on,
            None,
            m.kind,
            m.confirmed,
            overdue=as_of is not None and m.status(as_of=as_of) == Status.OVERDUE,
        )
        for m in milestones
        if m.on is not None
    )
    if not events:
        return ""
    days = [event.on for event in events] + [event.end for event in events if event.end]
    if as_of is not None:
        days.append(as_of)
    axis = _Axis(_quarter_start(min(days)), _next_quarter(max(days)))
    bottom = _TOP + _ROW * len(events)
    height = bottom + 46
    label = _esc("Timeline for " + inspection.local_area)
    out = [
        (
            f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {_WIDTH} {height}' "
            f"role='img' aria-label='{label}' font-family='system-ui,Arial,sans-serif'>"
        ),
        f"<rect x='0' y='0' width='{_WIDTH}' height='{height}' fill='#fff'/>",
    ]
    out.extend(_grid(axis, bottom))
    for index, event in enumerate(events):
        out.extend(_event_row(axis, index, event))
    if as_of is not None:
        xpos = axis.x(as_of)
        out.append(
            f"<line x1='{xpos:.1f}' y1='{_TOP - 6}' x2='{xpos:.1f}' y2='{bottom}' "
            "stroke='#d4351c' stroke-width='2' stroke-dasharray='5 4'/>"
            f"<text x='{xpos + 4:.1f}' y='{bottom + 16}' font-size='12' fill='#d4351c'>"
            f"{_esc('as of ' + _short(as_of))}</text>"
        )
    out.append(_legend(bottom + 34))
    out.append("</svg>")
    return "".join(out)


def _grid(axis: _Axis, bottom: int) -> list[str]:
    """Quarter gridlines, with the years labelled."""
    out = []
    day = axis.low
    while day <= axis.high:
        xpos = axis.x(day)
        major = day.month == 1
        colour = "#b1b4b6" if major else "#e5e7e8"
        out.append(
            f"<line x1='{xpos:.1f}' y1='{_TOP - 10}' x2='{xpos:.1f}' y2='{bottom}' "
            f"stroke='{colour}' stroke-width='1'/>"
        )
        if major or day == axis.low:
            out.append(
                f"<text x='{xpos + 4:.1f}' y='{_TOP - 16}' font-size='13' "
                f"fill='{_NEUTRAL}' font-weight='600'>{day.year}</text>"
            )
        day = _next_quarter(day)
    return out


def _event_row(axis: _Axis, index: int, event: _Event) -> list[str]:
    y = _TOP + _ROW * index + _ROW / 2
    out = []
    if index % 2 == 0:
        out.append(
            f"<rect x='0' y='{y - _ROW / 2:.1f}' width='{_WIDTH}' height='{_ROW}' "
            "fill='#f6f7f8' opacity='0.7'/>"
        )
    shown = (
        event.label
        if len(event.label) <= _LABEL_CHARS
        else event.label[: _LABEL_CHARS - 1] + "\u2026"
    )
    out.append(
        f"<text x='12' y='{y + 5:.1f}' font-size='14' fill='#0b0c0c'>{_esc(shown)}</text>"
    )
    colour = _OVERDUE if event.overdue else _KIND_COLOURS.get(event.kind, _NEUTRAL)
    fill = colour if event.confirmed else "#fff"
    xpos = axis.x(event.on)
    if event.end is not None:
        width = max(6.0, axis.x(event.end) - xpos + 6)
        out.append(
            f"<rect x='{xpos - 3:.1f}' y='{y - 6:.1f}' width='{width:.1f}' height='12' "
            f"rx='3' fill='{_NEUTRAL}'/>"
        )
    elif event.kind == "deadline":
        out.append(
            f"<path d='M{xpos:.1f} {y - 8:.1f} L{xpos + 8:.1f} {y:.1f} L{xpos:.1f} "
            f"{y + 8:.1f} L{xpos - 8:.1f} {y:.1f} Z' fill='{fill}' stroke='{colour}' "
            "stroke-width='2.5'/>"
        )
    else:
        out.append(
            f"<circle cx='{xpos:.1f}' cy='{y:.1f}' r='7' fill='{fill}' stroke='{colour}' "
            "stroke-width='2.5'/>"
        )
    text = _short(event.on) + ("" if event.confirmed else " *")
    if event.overdue:
        text += " overdue"
    right = xpos > _RIGHT - 120  # near the right edge: put the date on the left
    out.append(
        f"<text x='{xpos - 14 if right else xpos + 14:.1f}' y='{y + 5:.1f}' font-size='13' "
        f"fill='{colour}' text-anchor='{'end' if right else 'start'}'>{_esc(text)}</text>"
    )
    return out


def _legend(y: int) -> str:
    return (
        f"<path d='M{_LEFT} {y - 6} L{_LEFT + 6} {y} L{_LEFT} {y + 6} L{_LEFT - 6} {y} Z' "
        f"fill='#fff' stroke='{_DEADLINE_COLOUR}' stroke-width='2'/>"
        f"<text x='{_LEFT + 12}' y='{y + 4}' font-size='12' fill='{_NEUTRAL}'>deadline</text>"
        f"<circle cx='{_LEFT + 90}' cy='{y}' r='5' fill='#fff' stroke='{_EXPECTED_COLOUR}' "
        "stroke-width='2'/>"
        f"<text x='{_LEFT + 100}' y='{y + 4}' font-size='12' fill='{_NEUTRAL}'>"
        "expected (usual practice)</text>"
        f"<text x='{_LEFT + 270}' y='{y + 4}' font-size='12' fill='{_NEUTRAL}'>"
        "hollow and * = figure not confirmed by a primary source</text>"
    )
