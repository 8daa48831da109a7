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

from ..dates import WEEKDAY_NAMES, as_date, long_date
from ..inspections import Inspection, Milestone, Outcome, Status
from ._layout import linkify, page, uk_date

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
_EXPECTED_COLOUR: Final = "#1d4f91"
_NEUTRAL: Final = "#505a5f"
_OVERDUE: Final = "#b3001b"
_DONE: Final = "#00703c"
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


def _weekend(day: dt.date | None) -> str:
    """``"Saturday"`` or ``"Sunday"`` for a weekend day, else ``""``."""
    if day is None or day.weekday() < 5:  # noqa: PLR2004 - Saturday is 5
        return ""
    return WEEKDAY_NAMES[day.weekday()]


def weekend_note(milestone: Milestone) -> str:
    """Explain an expected date that falls on a weekend; ``""`` otherwise.

    Months-based rules ("about 18 months") can land on a Saturday or
    Sunday. No source moves such a date, so it is kept as counted; the note
    names the working days either side, which is when it would happen.
    """
    day = milestone.on
    name = _weekend(day)
    if day is None or not name:
        return ""
    before = day - dt.timedelta(days=day.weekday() - 4)
    after = day + dt.timedelta(days=7 - day.weekday())
    return (
        f"{uk_date(day)} is a {name}: the rule counts calendar months and no "
        "source moves a weekend date, so it is kept as counted; in practice it "
        f"means Friday {uk_date(before)} or Monday {uk_date(after)}."
    )


def happened_note(milestone: Milestone) -> str:
    """Say when a milestone recorded as done happened, against its date."""
    done = milestone.happened
    if done is None:
        return ""
    text = f"done {uk_date(done)}"
    if milestone.on is None:
        return text
    gap = (done - milestone.on).days
    if milestone.is_hard_limit:
        if gap <= 0:
            return f"{text}, by the deadline"
        return f"{text}, {gap} day{'s' if gap != 1 else ''} after the deadline"
    if gap == 0:
        return f"{text}, on the expected date"
    when = "before" if gap < 0 else "after"
    return (
        f"{text}, {abs(gap)} day{'s' if abs(gap) != 1 else ''} {when} the expected date"
    )


def _flag(milestone: Milestone) -> str:
    state = "confirmed" if milestone.confirmed else "UNCONFIRMED"
    local = ", LOCAL RULE" if milestone.overridden is not None else ""
    return f"{state} {milestone.confidence}{local}"


# ---------------------------------------------------------------- sections


def _inspection_section(inspection: Inspection) -> ReportSection:
    # (name, plain-text value, page value): the page writes every date the UK way.
    rows: list[tuple[str, str, str]] = [
        ("Local area partnership", inspection.local_area, inspection.local_area)
    ]
    if inspection.la_code:
        rows.append(("Local authority code", inspection.la_code, inspection.la_code))
    if inspection.ofsted_region:
        rows.append(
            ("Ofsted region", inspection.ofsted_region, inspection.ofsted_region)
        )
    rows.append(("Framework", inspection.framework.title, inspection.framework.title))
    if inspection.start and inspection.end:
        rows.append(
            (
                "Inspected",
                (
                    f"{_short(inspection.start)} to {_short(inspection.end)} "
                    f"(Ofsted's recorded start date: {inspection.start.isoformat()})"
                ),
                (
                    f"{uk_date(inspection.start)} to {uk_date(inspection.end)} "
                    "(Ofsted records the start date)"
                ),
            )
        )
    elif inspection.start:
        rows.append(
            (
                "Inspection start",
                inspection.start.isoformat(),
                uk_date(inspection.start),
            )
        )
    if inspection.published:
        rows.append(
            (
                "Report published",
                f"{long_date(inspection.published)} ({inspection.published.isoformat()})",
                long_date(inspection.published),
            )
        )
    if inspection.received:
        received = (
            f"{long_date(inspection.received)} ({inspection.received.isoformat()})"
        )
        shown = long_date(inspection.received)
        if inspection.received_is_assumed:
            why = (
                " - ASSUMED: the day the partnership received the report is not "
                "public, so the publication date is used"
            )
            received += why
            shown += why
        rows.append(("Report received", received, shown))
    if inspection.priority_actions is not None:
        count = str(inspection.priority_actions)
        rows.append(("Areas for priority action", count, count))
    if inspection.improvement_count is not None:
        count = str(inspection.improvement_count)
        rows.append(("Areas for improvement", count, count))
    width = max(len(name) for name, _, _ in rows)
    lines = tuple(f"{name:<{width}}  {value}" for name, value, _ in rows)
    body = "".join(
        f"<tr><th scope='row'>{_esc(name)}</th><td>{_esc(value)}</td></tr>"
        for name, _, value in rows
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


_STATUS_SYMBOLS: Final = {
    Status.DONE: "\u2714",  # check mark
    Status.OVERDUE: "\u26a0",  # warning sign
    Status.PASSED: "\u2022",  # bullet
    Status.UPCOMING: "\u25cb",  # white circle
    Status.LAPSED: "\u2013",  # en dash
    Status.UNDATED: "?",
}


def _status_html(status: str) -> str:
    symbol = _STATUS_SYMBOLS.get(status, "")
    return (
        f"<span class='status {_esc(status)}'><span aria-hidden='true'>{symbol}</span> "
        f"{_esc(status)}</span>"
    )


def _timeline_section(  # noqa: C901 - one block per note the table may need
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
    table_lines = len(lines)
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
    lines.extend(
        f"{m.label}: {happened_note(m)}." for m in milestones if m.happened is not None
    )
    lines.extend(weekend_note(m) for m in milestones if weekend_note(m))
    if as_of is not None and not any(m.happened is not None for m in milestones):
        lines.append(
            "Nothing is recorded as done: an expected event before the status date "
            "shows as overdue until it is recorded (--event NAME=DATE, --submitted DATE)."
        )
    head_cells = [*header]
    if as_of is not None:
        head_cells[-1] = f"Status on {uk_date(as_of)}"
    head = "".join(f"<th scope='col'>{_esc(cell)}</th>" for cell in head_cells)
    body = []
    for m, row in zip(milestones, rows, strict=True):
        weekend = _weekend(m.on)
        date_text = uk_date(m.on) if m.on else "no date"
        date_html = _esc(date_text)
        if weekend:
            date_html += f"<br><span class='muted'>a {weekend}: see the note</span>"
        label = _esc(row[2])
        if m.happened is not None:
            label += f"<br><span class='status done'>{_esc(happened_note(m))}</span>"
        cells = [
            f"<td class='date' data-label='Date'>{date_html}</td>",
            f"<td data-label='Kind'><span class='kind {m.kind}'>{_esc(row[1])}</span></td>",
            f"<td data-label='Milestone'>{label}</td>",
            # A rule code may break after its dots, never inside a word.
            f"<td data-label='Rule'><code>{_esc(row[3]).replace('.', '.<wbr>')}</code></td>",
        ]
        flag_class = "confirmed" if m.confirmed else "unconfirmed"
        cells.append(
            f"<td data-label='Confidence'><span class='{flag_class}'>{_esc(row[4])}</span></td>"
        )
        if as_of is not None:
            cells.append(f"<td data-label='Status'>{_status_html(row[5])}</td>")
        body.append(f"<tr>{''.join(cells)}</tr>")
    notes = "".join(
        f"<p class='note'>{_esc(line)}</p>" for line in lines[table_lines + 1 :]
    )
    fragment = (
        "<div class='chart'>"
        + timeline_svg(inspection, milestones, as_of=as_of)
        + "</div>"
        + "<table class='timeline stack'><thead><tr>"
        + head
        + f"</tr></thead><tbody>{''.join(body)}</tbody></table>"
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
        items = "".join(f"<li>{linkify(text)}</li>" for text in detail)
        shown = (
            f"{'due' if m.is_hard_limit else 'expected'} {uk_date(m.on)}"
            if m.on
            else "no date"
        )
        if _weekend(m.on):
            shown += f" (a {_weekend(m.on)})"
        parts.append(
            f"<details open><summary><strong>{_esc(m.label)}</strong>: {_esc(shown)}"
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


#: Sections that start a new printed page. None at present: a forced break
#: after the short timeline table left half a page blank, so every section
#: flows on, its heading kept with what follows.
_NEW_PAGE: Final[frozenset[str]] = frozenset()


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
    There are no scripts and nothing is loaded from elsewhere, so the page
    can be e-mailed or attached to board papers as it is; sources are links
    a reader can follow. The layout, print and phone styles are
    `sendkit.reports`' shared ones: dates the UK way, A4 print with colours
    and explanations kept, one card per table row on a phone.
    """
    newpage = " class='newpage'"
    body = "".join(
        f"<section{newpage if one.title in _NEW_PAGE else ''}>"
        f"<h2>{_esc(one.title)}</h2>{one.html}</section>"
        for one in sections
    )
    return page(title, body, kicker=kicker, intro=intro, footer=footer)


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
    done: dt.date | None = None


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
    Events recorded as done (`Milestone.happened`) are drawn green with the
    day they happened; a date on a weekend is labelled with its day. Dates
    are written the UK way (``5 July 2023``). Undated milestones are left
    out (the table lists them).
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
            done=(
                m.happened
                if m.happened is not None and (as_of is None or m.happened <= as_of)
                else None
            ),
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
            f"stroke='{_OVERDUE}' stroke-width='2' stroke-dasharray='5 4'/>"
            f"<text x='{xpos + 4:.1f}' y='{bottom + 16}' font-size='13' fill='{_OVERDUE}'>"
            f"{_esc('as of ' + uk_date(as_of))}</text>"
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
    if event.done is not None:
        colour = _DONE
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
    text = uk_date(event.on) + ("" if event.confirmed else " *")
    weekend = _weekend(event.on) if event.kind == "expected" else ""
    if weekend:
        text += f" ({weekend[:3]})"
    if event.done is not None:
        text += f" \u2714 done {uk_date(event.done)}"
    elif event.overdue:
        text += " \u26a0 overdue"
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
