"""HTML and SVG pages for people: board reports, timelines, charts.

The command line uses these; the core never imports them.
"""

from __future__ import annotations

from ._board import history_dates, render_board_report
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
    "timeline_svg",
]
