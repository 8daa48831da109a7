"""HTML and SVG pages for people: board reports, timelines, charts.

The command line uses these; the core never imports them. Every page shares
one layout: system fonts (nothing loaded from elsewhere), dates written the
UK way ("18 July 2025"), RAG ratings as a word and a symbol as well as a
colour, colour pairs that meet WCAG AA's 4.5:1, clickable sources, an A4
print stylesheet that keeps colours and explanations, and tables that turn
into cards on a phone.
"""

from __future__ import annotations

from ._board import history_dates, render_board_report
from ._ehc import render_timeliness
from ._inspection import (
    ReportSection,
    inspection_report,
    render_html,
    render_text,
    timeline_svg,
)

__all__: list[str] = [
    "ReportSection",
    "history_dates",
    "inspection_report",
    "render_board_report",
    "render_html",
    "render_text",
    "render_timeliness",
    "timeline_svg",
]
