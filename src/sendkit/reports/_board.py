"""A one-page board report: counts, exceptions, deadlines and RAG over time.

The page is self-contained (inline CSS and SVG, no scripts, nothing loaded
from elsewhere) and every piece of text from the plan is HTML-escaped, so a
tracker cell can never inject markup.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Final

from dateutil.relativedelta import relativedelta

from ..calendars import DEFAULT_REGION
from ..dates import MONTH_NAMES
from ..plans import (
    DEFAULT_DUE_SOON_WORKING_DAYS,
    ActionPlan,
    Kpi,
    PlanStatus,
    Rag,
    plan_status,
    rag_history,
)
from ._layout import (
    RAG_COLOURS,
    RAG_SYMBOLS,
    esc,
    linkify,
    page,
    rag_badge,
    section,
    table,
    uk_date,
)

__all__ = ["history_dates", "render_board_report"]

#: The most points the RAG-over-time chart shows.
MAX_POINTS: Final = 24

_LABELS: Final = {
    Rag.RED: "Red",
    Rag.AMBER: "Amber",
    Rag.GREEN: "Green",
    Rag.COMPLETE: "Complete",
}


def _esc(text: object) -> str:
    return esc(text)


def _day(day: dt.date | None) -> str:
    return uk_date(day)


def history_dates(plan: ActionPlan, as_of: dt.date) -> list[dt.date]:
    """Return the dates the RAG-over-time chart shows.

    Month ends from the earliest progress update (or the report-received
    date) up to *as_of*, then *as_of* itself; thinned evenly to at most
    `MAX_POINTS`, always keeping the last.
    """
    starts = [a.updates[0].on for a in plan.actions if a.updates]
    if plan.report_received is not None:
        starts.append(plan.report_received)
    first = min((d for d in starts if d <= as_of), default=as_of)
    days: list[dt.date] = []
    month_end = first + relativedelta(day=31)
    while month_end < as_of:
        days.append(month_end)
        month_end = (month_end + relativedelta(days=1)) + relativedelta(day=31)
    days.append(as_of)
    if len(days) > MAX_POINTS:
        step = len(days) / (MAX_POINTS - 1)
        picked = [days[int(i * step)] for i in range(MAX_POINTS - 1)]
        days = [*picked, days[-1]]
    return days


def _chart(history: Sequence[tuple[dt.date, Mapping[Rag, int]]]) -> str:
    """A stacked-bar SVG: one bar per date, red at the bottom; counts on hover."""
    width, height, left, bottom, top = 960, 290, 40, 70, 10
    total = max((sum(c.values()) for _, c in history), default=0) or 1
    plot_h = height - bottom - top
    slot = (width - left - 10) / max(len(history), 1)
    bar = max(min(slot * 0.7, 48), 4)
    parts = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
            'role="img" aria-labelledby="rag-chart-title" '
            'font-family="system-ui,Arial,sans-serif">'
        ),
        '<title id="rag-chart-title">Actions by RAG rating at each month end</title>',
        (
            f'<line x1="{left}" y1="{top + plot_h}" x2="{width - 5}" y2="{top + plot_h}" '
            'stroke="#0b0c0c"/>'
        ),
        (
            f'<text x="{left - 6}" y="{top + 10}" text-anchor="end" font-size="13" '
            f'fill="#0b0c0c">{total}</text>'
        ),
        (
            f'<text x="{left - 6}" y="{top + plot_h}" text-anchor="end" font-size="13" '
            'fill="#0b0c0c">0</text>'
        ),
    ]
    order = (Rag.RED, Rag.AMBER, Rag.GREEN, Rag.COMPLETE)
    for index, (day, counts) in enumerate(history):
        x = left + index * slot + (slot - bar) / 2
        y: float = top + plot_h
        for rag in order:
            h = plot_h * counts.get(rag, 0) / total
            if h <= 0:
                continue
            y -= h
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                f'fill="{RAG_COLOURS[rag.value][0]}" stroke="#0b0c0c" stroke-width="1">'
                f"<title>{_esc(_day(day))}: {counts.get(rag, 0)} {rag.value}</title></rect>"
            )
        if len(history) <= 12 or index % 2 == 0 or index == len(history) - 1:  # noqa: PLR2004
            middle = x + bar / 2  # the month in words, its year below
            parts.append(
                f'<text x="{middle:.1f}" y="{top + plot_h + 17}" text-anchor="middle" '
                f'font-size="12" fill="#0b0c0c">{MONTH_NAMES[day.month - 1]}'
                f'<tspan x="{middle:.1f}" dy="14">{day.year}</tspan></text>'
            )
    legend_x = left
    for rag in order:
        parts.append(
            f'<rect x="{legend_x}" y="{height - 18}" width="14" height="14" '
            f'fill="{RAG_COLOURS[rag.value][0]}" stroke="#0b0c0c"/>'
            f'<text x="{legend_x + 20}" y="{height - 6}" font-size="14" fill="#0b0c0c">'
            f"{RAG_SYMBOLS[rag.value]} {_LABELS[rag]}</text>"
        )
        legend_x += 130
    parts.append("</svg>")
    return "".join(parts)


def render_board_report(
    plan: ActionPlan,
    as_of: dt.date,
    *,
    due_soon_working_days: int = DEFAULT_DUE_SOON_WORKING_DAYS,
    stale_after_weeks: int = 6,
    region: str = DEFAULT_REGION,
    closures: Iterable[dt.date] = (),
) -> str:
    """Return an HTML board report on the plan's progress on *as_of*.

    The page names every action behind every number: each RAG count, the
    overdue, due-soon, not-updated and overridden counts list their action
    ids, each a link to the action in the full list. Then: the exception
    report (every red action: what, owner, days late, latest note); each
    KPI with a small trend chart against its target; RAG over time replayed
    from the progress log (`rag_history` on `history_dates`); the plan's own
    deadlines with their confirmed flags and clickable sources; every action
    grouped by priority area; manual overrides; the review schedule; and
    the RAG rules used.

    A rating is always shown as a word with a symbol as well as a colour
    (✖ Red, ▲ Amber, ✔ Green, ★ Complete); dates are written the UK way
    (``18 July 2025``). The page prints on A4 with its colours, each
    chart kept whole with its heading; on a phone each table row becomes a
    card. See `sendkit.reports` for the shared layout.

    Examples:
        >>> import datetime as dt
        >>> from sendkit.plans import Action, ActionPlan, Section
        >>> from sendkit.reports import render_board_report
        >>> plan = ActionPlan(partnership="<Example>", sections=[Section(
        ...     id="PA1", actions=[Action(id="PA1.1", due=dt.date(2024, 1, 31))])])
        >>> page = render_board_report(plan, dt.date(2024, 2, 5))
        >>> "&lt;Example&gt;" in page and "<Example>" not in page
        True
    """
    closures = tuple(closures)
    status = plan_status(
        plan,
        as_of,
        due_soon_working_days=due_soon_working_days,
        stale_after_weeks=stale_after_weeks,
        region=region,
        closures=closures,
    )
    history = rag_history(
        plan,
        history_dates(plan, as_of),
        due_soon_working_days=due_soon_working_days,
        region=region,
        closures=closures,
    )
    return _page(plan, status, history)


_ISO: Final = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def _uk_dates(text: str) -> str:
    """Rewrite ISO dates inside a sentence (a rating's reason) the UK way."""
    return _ISO.sub(lambda m: uk_date(dt.date(int(m[1]), int(m[2]), int(m[3]))), text)


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return ""
    text = f"{value:,.1f}".removesuffix(".0")
    return f"{text}%" if unit == "%" else f"{text} {unit}".rstrip()


def _anchor(action_id: str) -> str:
    return "a-" + "".join(c if c.isalnum() or c in "-_." else "_" for c in action_id)


def _link(action_id: str) -> str:
    return f'<a href="#{_esc(_anchor(action_id))}">{_esc(action_id)}</a>'


def _named_tile(title: str, ids: Sequence[str], *, badge: str = "") -> str:
    """A count with the ids of every action behind it."""
    names = (
        "<ul>" + "".join(f'<li class="named">{_link(i)}</li>' for i in ids) + "</ul>"
        if ids
        else '<ul><li class="muted">none</li></ul>'
    )
    return (
        f'<div class="tile" data-count="{len(ids)}">{badge}'
        f'<span class="n">{len(ids)}</span><span class="what">{_esc(title)}</span>'
        f"{names}</div>"
    )


def _glance(plan: ActionPlan, status: PlanStatus) -> str:
    by_rag: dict[Rag, list[str]] = {rag: [] for rag in Rag}
    for action in plan.actions:
        by_rag[status.ratings[action.id].rag].append(action.id)
    tiles = [
        _named_tile("actions", by_rag[rag], badge=rag_badge(rag.value) + "<br>")
        for rag in Rag
    ]
    tiles += [
        _named_tile("overdue", status.overdue),
        _named_tile(
            f"due within {status.due_soon_working_days} working days", status.due_soon
        ),
        _named_tile(f"not updated for {status.stale_after_weeks} weeks", status.stale),
        _named_tile("rating overridden by hand", status.overridden),
    ]
    return (
        f'<div class="tiles">{"".join(tiles)}</div>'
        f'<p class="note">{status.total} actions in all. Each number lists the '
        "actions behind it; each id links to the action in the full list.</p>"
    )


def _sparkline(kpi: Kpi, as_of: dt.date) -> str:
    """A small SVG: baseline and actuals to *as_of* as a line, the target dashed."""
    points = [(kpi.baseline_on, kpi.baseline)] if kpi.baseline is not None else []
    points += [(m.on, m.value) for m in kpi.actuals if m.on <= as_of]
    dated = [(d, v) for d, v in points if d is not None and v is not None]
    if not dated:
        return ""
    width, height, pad = 170, 48, 6
    days = [d for d, _ in dated] + ([kpi.target_on] if kpi.target_on else [])
    values = [v for _, v in dated] + ([kpi.target] if kpi.target is not None else [])
    low_d, high_d = min(days), max(days)
    low_v, high_v = min(values), max(values)
    span_d = max((high_d - low_d).days, 1)
    span_v = (high_v - low_v) or 1.0

    def x(day: dt.date) -> float:
        return pad + (width - 2 * pad) * (day - low_d).days / span_d

    def y(value: float) -> float:
        return height - pad - (height - 2 * pad) * (value - low_v) / span_v

    title = f"{kpi.id}: " + ", ".join(
        f"{_number(v, kpi.unit)} on {_day(d)}" for d, v in dated
    )
    if kpi.target is not None:
        title += f"; target {_number(kpi.target, kpi.unit)}"
        if kpi.target_on:
            title += f" by {_day(kpi.target_on)}"
    parts = [
        (
            f'<svg class="spark small" xmlns="http://www.w3.org/2000/svg" '
            f'viewBox="0 0 {width} {height}" role="img"><title>{_esc(title)}</title>'
        ),
    ]
    if kpi.target is not None:
        ty = y(kpi.target)
        parts.append(
            f'<line x1="{pad}" y1="{ty:.1f}" x2="{width - pad}" y2="{ty:.1f}" '
            'stroke="#00703c" stroke-width="2" stroke-dasharray="4 3"/>'
        )
        if kpi.target_on:
            parts.append(
                f'<circle cx="{x(kpi.target_on):.1f}" cy="{ty:.1f}" r="4" '
                'fill="#ffffff" stroke="#00703c" stroke-width="2"/>'
            )
    path = " ".join(
        f"{'M' if i == 0 else 'L'}{x(d):.1f} {y(v):.1f}"
        for i, (d, v) in enumerate(dated)
    )
    parts.append(f'<path d="{path}" fill="none" stroke="#0b0c0c" stroke-width="2"/>')
    parts.extend(
        f'<circle cx="{x(d):.1f}" cy="{y(v):.1f}" r="2.5" fill="#0b0c0c"/>'
        for d, v in dated
    )
    parts.append("</svg>")
    return "".join(parts)


def _direction(kpi: Kpi, as_of: dt.date) -> str:
    """Say in words where the latest value stands against the target."""
    known = [m for m in kpi.actuals if m.on <= as_of]
    if not known or kpi.target is None:
        return ""
    latest = known[-1].value
    start = kpi.baseline if kpi.baseline is not None else known[0].value
    gap = kpi.target - latest
    rising = kpi.target >= start
    if (rising and gap <= 0) or (not rising and gap >= 0):
        return "target met"
    previous = known[-2].value if len(known) > 1 else start
    towards = latest > previous if rising else latest < previous
    moving = "moving towards the target" if towards else "not moving towards the target"
    return f"{_number(abs(gap), kpi.unit)} to go; {moving}"


def _kpi_section(plan: ActionPlan, as_of: dt.date) -> str:
    """One row per KPI (the first action measured by it): trend, latest, target."""
    rows = []
    seen: set[str] = set()
    for action in plan.actions:
        kpi = action.kpi
        if kpi is None or kpi.id in seen:
            continue
        seen.add(kpi.id)
        measured_by = [a.id for a in plan.actions if a.kpi and a.kpi.id == kpi.id]
        known = [m for m in kpi.actuals if m.on <= as_of]
        latest = known[-1] if known else None
        rows.append(
            [
                f"<b>{_esc(kpi.id)}</b><br>{_esc(kpi.description)}"
                f'<br><span class="muted">actions: </span>'
                + ", ".join(_link(i) for i in measured_by),
                _sparkline(kpi, as_of) or '<span class="muted">no values yet</span>',
                _esc(_number(kpi.baseline, kpi.unit))
                + (f"<br>{_esc(_day(kpi.baseline_on))}" if kpi.baseline_on else ""),
                (
                    f"{_esc(_number(latest.value, kpi.unit))}<br>{_esc(_day(latest.on))}"
                    if latest
                    else '<span class="muted">none yet</span>'
                ),
                _esc(_number(kpi.target, kpi.unit))
                + (f"<br>by {_esc(_day(kpi.target_on))}" if kpi.target_on else ""),
                _esc(_direction(kpi, as_of)),
            ]
        )
    if not rows:
        return ""
    return section(
        "Key performance indicators",
        table(["KPI", "Trend", "Baseline", "Latest", "Target", "Against target"], rows)
        + '<p class="note">Trend: the solid line joins the baseline and each value '
        "measured up to the report date; the dashed green line is the target, the "
        "open circle its date.</p>",
    )


def _flags(action_id: str, status: PlanStatus) -> str:
    flags = []
    if action_id in status.overdue:
        flags.append('<span class="warn">overdue</span>')
    if action_id in status.due_soon:
        flags.append("due soon")
    if action_id in status.stale:
        flags.append(f"not updated for {status.stale_after_weeks} weeks")
    if action_id in status.overridden:
        flags.append("rating overridden")
    return "<br>".join(flags)


def _action_list(plan: ActionPlan, status: PlanStatus) -> str:
    parts = []
    for area in plan.sections:
        parts.append(
            f"<h3>{_esc(area.id)} {_esc(area.title)} "
            f'<span class="muted">({_esc(area.kind.value.replace("-", " "))}, '
            f"{len(area.actions)} action{'s' if len(area.actions) != 1 else ''})</span></h3>"
        )
        rows = []
        for action in area.actions:
            rating = status.ratings[action.id]
            latest = action.latest_update(status.as_of)
            note = (
                f"{_esc(_day(latest.on))}: {_esc(latest.note)}"
                if latest is not None
                else '<span class="muted">no update recorded</span>'
            )
            rows.append(
                [
                    f'<b id="{_esc(_anchor(action.id))}">{_esc(action.id)}</b>',
                    _esc(action.description),
                    _esc(action.owner)
                    + (
                        f'<br><span class="muted">{_esc(action.lead_partner.value)}</span>'
                        if action.lead_partner
                        else ""
                    ),
                    _esc(_day(action.due)),
                    _esc(action.status_on(status.as_of).value.replace("-", " ")),
                    rag_badge(
                        rating.rag.value, note="override" if rating.overridden else ""
                    ),
                    _flags(action.id, status),
                    note,
                ]
            )
        if rows:
            parts.append(
                table(
                    [
                        "Action",
                        "What",
                        "Owner",
                        "Due",
                        "Status",
                        "RAG",
                        "Flags",
                        "Latest update",
                    ],
                    rows,
                    cell_classes=["", "", "", "date"],
                )
            )
        else:
            parts.append('<p class="muted">No actions yet.</p>')
    return section("Every action, by priority area", "".join(parts), anchor="actions")


def _exceptions(status: PlanStatus) -> str:
    title = f"Exception report: {len(status.exceptions)} red action" + (
        "" if len(status.exceptions) == 1 else "s"
    )
    if not status.exceptions:
        return section(title, "<p>No action is red.</p>")
    rows = []
    for item in status.exceptions:
        late = (
            f"{item.days_late} days ({item.working_days_late} working days)"
            if item.days_late
            else _esc(_uk_dates(item.reason))
        )
        note = (
            f"{_esc(_day(item.latest_note_on))}: {_esc(item.latest_note)}"
            if item.latest_note_on
            else '<span class="muted">no update recorded</span>'
        )
        override = " (override)" if item.action_id in status.overridden else ""
        rows.append(
            [
                f"<b>{_link(item.action_id)}</b>{_esc(override)}",
                _esc(item.description),
                _esc(item.owner)
                + (
                    f'<br><span class="muted">{_esc(item.lead_partner.value)}</span>'
                    if item.lead_partner
                    else ""
                ),
                _esc(_day(item.due)),
                late,
                note,
            ]
        )
    return section(
        title,
        table(["Action", "What", "Owner", "Due", "Late", "Latest note"], rows),
    )


def _deadlines(plan: ActionPlan, status: PlanStatus) -> str:
    if not plan.deadlines:
        return ""
    rows = []
    for d in plan.deadlines:
        passed = "passed" if d.due < status.as_of else "to come"
        flag = (
            '<span class="good">confirmed</span>'
            if d.confirmed
            else '<span class="warn">UNCONFIRMED</span> (not confirmed by a primary source)'
        )
        rows.append(
            [
                _esc(d.name),
                _esc(_day(d.due)),
                _esc(passed),
                f"<code>{_esc(d.rule).replace('.', '.<wbr>')}</code>",
                flag,
                linkify(d.source),
            ]
        )
    return section(
        "The plan's own deadlines",
        table(["Deadline", "Due", "", "Rule", "Confirmed?", "Source"], rows),
    )


def _overrides(plan: ActionPlan, status: PlanStatus) -> str:
    if not status.overridden:
        return ""
    rows = []
    for action in plan.actions:
        in_force = action.override_on(status.as_of)
        if in_force is None:
            continue  # none, or not yet made on the report date
        rating = status.ratings[action.id]
        rows.append(
            [
                _link(action.id),
                rag_badge(rating.rag.value, note="override"),
                rag_badge(rating.derived.value),
                _esc(in_force.reason),
                _esc(in_force.by),
                _esc(_day(in_force.on)),
            ]
        )
    return section(
        "Ratings overridden by hand",
        table(["Action", "Shown", "Derived", "Reason", "By", "On"], rows),
    )


def _by_area(plan: ActionPlan, status: PlanStatus) -> str:
    if not plan.sections:
        return ""
    rows = []
    for area in plan.sections:
        counts = dict.fromkeys(Rag, 0)
        for action in area.actions:
            counts[status.ratings[action.id].rag] += 1
        rows.append(
            [_esc(area.id), _esc(area.title), _esc(area.kind.value.replace("-", " "))]
            + [str(counts[rag]) for rag in Rag]
        )
    header = ["Id", "Area", "Type"] + [
        f"{RAG_SYMBOLS[rag.value]} {_LABELS[rag]}" for rag in Rag
    ]
    return section(
        "Counts by area",
        table(header, rows, cell_classes=["", "", "", "num", "num", "num", "num"]),
    )


def _page(
    plan: ActionPlan,
    status: PlanStatus,
    history: Sequence[tuple[dt.date, Mapping[Rag, int]]],
) -> str:
    kind = plan.kind.value.replace("-", " ").capitalize()
    title = plan.title or kind
    heading = f"{plan.partnership}: {title}" if plan.partnership else title
    meta = (
        f"Progress as at <b>{_esc(_day(status.as_of))}</b>"
        + (f" &middot; {_esc(plan.inspection)}" if plan.inspection else "")
        + (
            f" &middot; next review {_esc(_day(status.next_review))}"
            if status.next_review
            else ""
        )
    )
    body = [
        section("At a glance", _glance(plan, status)),
        _exceptions(status),
        _kpi_section(plan, status.as_of),
        section(
            "RAG over time",
            '<p class="note">Each bar counts the actions by rating at a month end, '
            "replaying the status recorded in each action's progress log.</p>"
            f'<div class="chart">{_chart(history)}</div>',
            keep=True,
        ),
        _deadlines(plan, status),
        _action_list(plan, status),
        _overrides(plan, status),
        _by_area(plan, status),
    ]
    if status.reviews:
        items = "".join(
            f"<li>{_esc(_day(review.on))} "
            f"({'board meeting' if review.source == 'board' else 'regular cycle'}, "
            f"{'done' if review.on < status.as_of else 'next'})</li>"
            for review in status.reviews
        )
        body.append(section("Review schedule", f"<ul>{items}</ul>"))
    footer = (
        "RAG is derived on the report date, first rule that applies: complete or "
        "closed-evidenced is complete; due date passed is red; not started after "
        "its start date is red; off track is amber; not on track and due within "
        f"{status.due_soon_working_days} working days ({status.region} bank "
        "holidays) is amber; otherwise green. A manual override replaces the rating and "
        "is marked as one. Made with sendkit; this page has no scripts and loads nothing "
        "from elsewhere."
    )
    return page(
        f"{heading} - progress at {_day(status.as_of)}",
        "".join(body),
        kicker=f"{kind} - board report",
        meta=meta,
        footer=footer,
    )
