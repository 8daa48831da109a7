"""A one-page board report: counts, exceptions, deadlines and RAG over time.

The page is self-contained (inline CSS and SVG, no scripts, nothing loaded
from elsewhere) and every piece of text from the plan is HTML-escaped, so a
tracker cell can never inject markup.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable, Sequence
from typing import Final

from dateutil.relativedelta import relativedelta

from ..calendars import DEFAULT_REGION
from ..plans import (
    DEFAULT_DUE_SOON_WORKING_DAYS,
    ActionPlan,
    PlanStatus,
    Rag,
    plan_status,
    rag_history,
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

_CSS: Final = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Arial,sans-serif;color:#1b1b1b;
margin:0 auto;max-width:1100px;padding:24px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:2px solid #1F4E78}
.kicker{color:#555;text-transform:uppercase;font-size:12px;letter-spacing:.06em}
.meta{color:#444;margin:4px 0 16px}
.tiles{display:flex;flex-wrap:wrap;gap:10px}
.tile{min-width:120px;padding:10px 14px;border-radius:6px;background:#f2f2f2}
.tile b{display:block;font-size:28px;line-height:1.1}
.red{background:#C00000;color:#fff}.amber{background:#FFC000;color:#000}
.green{background:#00B050;color:#fff}.complete{background:#0070C0;color:#fff}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{border:1px solid #ccc;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#1F4E78;color:#fff}
.flag{color:#C00000;font-weight:bold}.muted{color:#666}
.override{font-style:italic}
footer{margin-top:28px;color:#555;font-size:12px}
"""


def _esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def _day(day: dt.date | None) -> str:
    return "" if day is None else f"{day.day} {day:%b %Y}"


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


def _chart(history: Sequence[tuple[dt.date, dict[Rag, int]]]) -> str:
    """A stacked-bar SVG: one bar per date, red at the bottom."""
    width, height, left, bottom, top = 960, 260, 40, 40, 10
    total = max((sum(c.values()) for _, c in history), default=0) or 1
    plot_h = height - bottom - top
    slot = (width - left - 10) / max(len(history), 1)
    bar = max(min(slot * 0.7, 48), 4)
    parts = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
            f'role="img" aria-labelledby="chart-title" width="100%">'
        ),
        '<title id="chart-title">Actions by RAG rating over time</title>',
        (
            f'<line x1="{left}" y1="{top + plot_h}" x2="{width - 5}" y2="{top + plot_h}" '
            'stroke="#333"/>'
        ),
        f'<text x="{left - 6}" y="{top + 10}" text-anchor="end" font-size="11">{total}</text>',
        f'<text x="{left - 6}" y="{top + plot_h}" text-anchor="end" font-size="11">0</text>',
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
                f'fill="{rag.colour}"><title>{_esc(_day(day))}: '
                f"{counts.get(rag, 0)} {rag.value}</title></rect>"
            )
        if len(history) <= 12 or index % 2 == 0 or index == len(history) - 1:  # noqa: PLR2004
            parts.append(
                f'<text x="{x + bar / 2:.1f}" y="{top + plot_h + 16}" text-anchor="middle" '
                f'font-size="11">{_esc(f"{day:%b %y}")}</text>'
            )
    legend_x = left
    for rag in order:
        parts.append(
            f'<rect x="{legend_x}" y="{height - 14}" width="12" height="12" fill="{rag.colour}"/>'
            f'<text x="{legend_x + 16}" y="{height - 4}" font-size="12">{_LABELS[rag]}</text>'
        )
        legend_x += 100
    parts.append("</svg>")
    return "".join(parts)


def _table(header: Iterable[str], rows: Iterable[Iterable[str]]) -> str:
    head = "".join(f"<th>{_esc(h)}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def render_board_report(
    plan: ActionPlan,
    as_of: dt.date,
    *,
    due_soon_working_days: int = DEFAULT_DUE_SOON_WORKING_DAYS,
    stale_after_weeks: int = 6,
    region: str = DEFAULT_REGION,
    closures: Iterable[dt.date] = (),
) -> str:
    """Return a one-page HTML board report on the plan's progress on *as_of*.

    The page shows: counts by RAG, overdue, due-soon, stale and overridden
    actions; the plan's own deadlines with their confirmed flags; a chart of
    RAG over time replayed from the progress log (`rag_history` on
    `history_dates`); the exception report (every red action: what, owner,
    days late, latest note); manual overrides; each KPI's baseline, latest
    value and target; counts by section; the review schedule; and the
    RAG thresholds used.

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


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return ""
    text = f"{value:,.1f}".removesuffix(".0")
    return f"{text}%" if unit == "%" else f"{text} {unit}".rstrip()


def _kpi_table(plan: ActionPlan, as_of: dt.date) -> list[str]:
    """One row per KPI (the first action measured by it): baseline, latest, target."""
    rows = []
    seen: set[str] = set()
    for action in plan.actions:
        kpi = action.kpi
        if kpi is None or kpi.id in seen:
            continue
        seen.add(kpi.id)
        known = [m for m in kpi.actuals if m.on <= as_of]
        latest = known[-1] if known else None
        rows.append(
            [
                _esc(kpi.id),
                _esc(kpi.description),
                _esc(_number(kpi.baseline, kpi.unit))
                + (f" ({_esc(_day(kpi.baseline_on))})" if kpi.baseline_on else ""),
                (
                    f"{_esc(_number(latest.value, kpi.unit))} ({_esc(_day(latest.on))})"
                    if latest
                    else '<span class="muted">none yet</span>'
                ),
                _esc(_number(kpi.target, kpi.unit))
                + (f" by {_esc(_day(kpi.target_on))}" if kpi.target_on else ""),
            ]
        )
    if not rows:
        return []
    return [
        "<h2>Key performance indicators</h2>",
        _table(["KPI", "Measures", "Baseline", "Latest", "Target"], rows),
    ]


def _page(  # noqa: C901, PLR0912, PLR0915 - one block per report section
    plan: ActionPlan,
    status: PlanStatus,
    history: Sequence[tuple[dt.date, dict[Rag, int]]],
) -> str:
    kind = plan.kind.value.replace("-", " ").capitalize()
    title = plan.title or kind
    heading = f"{plan.partnership}: {title}" if plan.partnership else title
    out = [
        "<!DOCTYPE html>",
        '<html lang="en-GB"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_esc(heading)} - progress at {_esc(_day(status.as_of))}</title>",
        f"<style>{_CSS}</style></head><body>",
        f'<div class="kicker">{_esc(kind)} - board report</div>',
        f"<h1>{_esc(heading)}</h1>",
        f'<p class="meta">Progress as at <b>{_esc(_day(status.as_of))}</b>'
        + (f" &middot; {_esc(plan.inspection)}" if plan.inspection else "")
        + (
            f" &middot; next review {_esc(_day(status.next_review))}"
            if status.next_review
            else ""
        )
        + "</p>",
        '<div class="tiles">',
    ]
    out.extend(
        f'<div class="tile {rag.value}"><b>{status.counts[rag]}</b>{_LABELS[rag]}</div>'
        for rag in Rag
    )
    for label, ids in (
        ("Overdue", status.overdue),
        (f"Due in {status.due_soon_working_days} working days", status.due_soon),
        (f"No update for {status.stale_after_weeks} weeks", status.stale),
        ("RAG overridden", status.overridden),
    ):
        out.append(f'<div class="tile"><b>{len(ids)}</b>{_esc(label)}</div>')
    out.append("</div>")

    if plan.deadlines:
        out.append("<h2>The plan's own deadlines</h2>")
        rows = []
        for d in plan.deadlines:
            passed = "passed" if d.due < status.as_of else "to come"
            flag = (
                "confirmed"
                if d.confirmed
                else '<span class="flag">UNCONFIRMED</span> (not confirmed by a primary source)'
            )
            rows.append(
                [
                    _esc(d.name),
                    _esc(_day(d.due)),
                    _esc(passed),
                    _esc(d.rule),
                    flag,
                    _esc(d.source),
                ]
            )
        out.append(
            _table(["Deadline", "Due", "", "Rule", "Confirmed?", "Source"], rows)
        )

    out.append("<h2>RAG over time</h2>")
    out.append(
        '<p class="muted">Each bar counts the actions by rating at a month end, '
        "replaying the status recorded in each action's progress log.</p>"
    )
    out.append(_chart(history))

    out.append(f"<h2>Exception report: {len(status.exceptions)} red actions</h2>")
    if status.exceptions:
        rows = []
        for item in status.exceptions:
            late = (
                f"{item.days_late} days ({item.working_days_late} working days)"
                if item.days_late
                else _esc(item.reason)
            )
            note = (
                f"{_esc(_day(item.latest_note_on))}: {_esc(item.latest_note)}"
                if item.latest_note_on
                else '<span class="muted">no update recorded</span>'
            )
            override = " (override)" if item.action_id in status.overridden else ""
            rows.append(
                [
                    f'<b>{_esc(item.action_id)}</b><span class="override">{override}</span>',
                    _esc(item.description),
                    _esc(item.owner),
                    _esc(item.lead_partner.value if item.lead_partner else ""),
                    _esc(_day(item.due)),
                    late,
                    note,
                ]
            )
        out.append(
            _table(
                [
                    "Action",
                    "What",
                    "Owner",
                    "Lead partner",
                    "Due",
                    "Late",
                    "Latest note",
                ],
                rows,
            )
        )
    else:
        out.append("<p>No action is red.</p>")

    if status.overridden:
        out.append("<h2>Ratings overridden by hand</h2>")
        rows = []
        for action in plan.actions:
            in_force = action.override_on(status.as_of)
            if in_force is None:
                continue  # none, or not yet made on the report date
            rating = status.ratings[action.id]
            rows.append(
                [
                    _esc(action.id),
                    f'<span class="override">{_esc(rating.rag.value)} (override)</span>',
                    _esc(rating.derived.value),
                    _esc(in_force.reason),
                    _esc(in_force.by),
                    _esc(_day(in_force.on)),
                ]
            )
        out.append(_table(["Action", "Shown", "Derived", "Reason", "By", "On"], rows))

    out.extend(_kpi_table(plan, status.as_of))

    if plan.sections:
        out.append("<h2>By area</h2>")
        rows = []
        for section in plan.sections:
            counts = dict.fromkeys(Rag, 0)
            for action in section.actions:
                counts[status.ratings[action.id].rag] += 1
            rows.append(
                [_esc(section.id), _esc(section.title), _esc(section.kind.value)]
                + [str(counts[rag]) for rag in Rag]
            )
        out.append(
            _table(["Id", "Area", "Type", "Red", "Amber", "Green", "Complete"], rows)
        )

    if status.reviews:
        out.append("<h2>Review schedule</h2><ul>")
        for review in status.reviews:
            when = "done" if review.on < status.as_of else "next"
            source = "board meeting" if review.source == "board" else "regular cycle"
            out.append(f"<li>{_esc(_day(review.on))} ({source}, {when})</li>")
        out.append("</ul>")

    out.append(
        "<footer>RAG is derived on the report date, first rule that applies: complete or "
        "closed-evidenced is complete (blue); due date passed is red; not started after "
        "its start date is red; off track is amber; not on track and due within "
        f"{status.due_soon_working_days} working days ({_esc(status.region)} bank "
        "holidays) is amber; otherwise green. A manual override replaces the rating and "
        "is marked as one. Made with sendkit; this page has no scripts and loads nothing "
        "from elsewhere.</footer>"
    )
    out.append("</body></html>")
    return "\n".join(out) + "\n"
