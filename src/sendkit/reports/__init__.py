"""HTML and SVG pages for people: board reports, timelines, charts.

The command line uses these; the core never imports them. Pages: the demo's
inspection timeline, the board report, the 20-week measure, the caseload
worklist and the benchmark of DfE's published figures. Every page shares
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
from ._worklist import render_worklist

__all__: list[str] = [
    "ReportSection",
    "history_dates",
    "inspection_report",
    "render_board_report",
    "render_html",
    "render_text",
    "render_timeliness",
    "render_worklist",
    "timeline_svg",
]
