"""HTML and SVG pages for people: board reports, timelines, charts.

The command line uses these; the core never imports them.
"""

from __future__ import annotations

__all__: list[str] = []
