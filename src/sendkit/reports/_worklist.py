"""The caseload worklist as a page: every open statutory step, soonest first.

Built on the shared layout (`_layout.page`): inline CSS, no scripts, dates
written the UK way, a status always a word and a symbol as well as a colour,
sources as links, A4 print with the table header repeated on each page, and
each row a labelled card on a phone.

Overdue and due-soon steps are all listed. Upcoming steps can run to
thousands in a whole caseload, so the page lists the first
`UPCOMING_SHOWN` and says how many more there are and how to get them all
(``--within DAYS`` or ``--csv``); the counts by step cover every item.
"""

from __future__ import annotations

import collections
from collections.abc import Sequence
from typing import Final

from ..ehc import ItemStatus, WorkItem, Worklist
from ._layout import esc, linkify, page, section, table, uk_date

__all__ = ["UPCOMING_SHOWN", "render_worklist"]

#: Upcoming steps listed on the page; the rest are counted.
UPCOMING_SHOWN: Final = 100

_WORDS: Final = {
    ItemStatus.OVERDUE: ("\u26a0", "overdue", "overdue"),
    ItemStatus.DUE_SOON: ("\u25b2", "due soon", "upcoming"),
    ItemStatus.UPCOMING: ("\u25cb", "upcoming", "upcoming"),
}
#: legislation.gov.uk serves every page over https too.
_LEGISLATION: Final = "https://www.legislation.gov.uk/"
_CONFIDENCE: Final = {"primary": "confirmed", "secondary": "unconfirmed"}


def _status(item: WorkItem) -> str:
    symbol, word, css = _WORDS[item.status]
    return (
        f'<span class="status {css}"><span aria-hidden="true">{symbol}</span> '
        f"{esc(word)}</span>"
    )


def _days(item: WorkItem) -> str:
    """``3 days late``, ``due today``, ``in 1 day``."""
    count = abs(item.days)
    days = f"{count} day{'' if count == 1 else 's'}"
    if item.days < 0:
        return f"{days} late"
    return "due today" if item.days == 0 else f"in {days}"


def _source(item: WorkItem) -> str:
    tag = _CONFIDENCE.get(item.confidence, "unconfirmed")
    text = linkify(item.source)
    url = item.url.replace("http://www.legislation.gov.uk/", _LEGISLATION, 1)
    if url.startswith("https://") and item.url not in item.source:
        text = f'<a href="{esc(url)}">{esc(item.source)}</a>'  # printed as its text
    return (
        f"{text} <span class='tag {tag}'>{esc(item.basis)}, {esc(item.confidence)}"
        "</span>"
    )


def _rows(items: Sequence[WorkItem]) -> list[list[str]]:
    return [
        [
            esc(uk_date(item.due)),
            f"<code>{esc(item.case)}</code>",
            (
                f"{esc(item.summary)} <code>{esc(item.rule)}</code>"
                f"<br><span class='note'>{_source(item)}</span>"
                + (
                    f"<br><span class='note'>{esc(item.note)}</span>"
                    if item.note
                    else ""
                )
            ),
            f"{_status(item)}<br>{esc(_days(item))}",
        ]
        for item in items
    ]


#: The step column takes the room: the others are short and never wrap.
_STYLE: Final = (
    "<style>table.work{table-layout:fixed}"
    "table.work th:nth-child(1){width:8em}table.work th:nth-child(2){width:7.5em}"
    "table.work th:nth-child(4){width:8.5em}"
    "@media print{table.work{font-size:9pt}table.work .note{font-size:8.5pt}}</style>"
)
_HEADER: Final = ("Due", "Case", "Step, its source and how sure", "Status")
_CELLS: Final = ("date", "date", "", "")  # no break inside a date or an id


def _tiles(work: Worklist, soon_days: int) -> str:
    counts = work.by_status
    what = {
        "overdue": "overdue",
        "due-soon": f"due within {soon_days} days",
        "upcoming": "upcoming",
    }
    tiles = "".join(
        f'<div class="tile"><span class="n">{counts[key]:,}</span>'
        f'<span class="what">{esc(what[key])}</span></div>'
        for key in ("overdue", "due-soon", "upcoming")
    )
    return f'<div class="tiles">{tiles}</div>'


def _by_step(work: Worklist) -> str:
    if not work.items:
        return "<p>No open steps.</p>"
    counts: dict[tuple[str, str], collections.Counter[str]] = {}
    for item in work.items:
        counts.setdefault((item.rule, item.summary), collections.Counter())[
            item.status.value
        ] += 1
    rows = [
        [
            f"{esc(summary)}<br><span class='muted'><code>{esc(rule)}</code></span>",
            *(f"{count[key]:,}" for key in ("overdue", "due-soon", "upcoming")),
            f"{sum(count.values()):,}",
        ]
        for (rule, summary), count in sorted(
            counts.items(), key=lambda kv: (-kv[1]["overdue"], kv[0][0])
        )
    ]
    return table(
        ("Step", "Overdue", "Due soon", "Upcoming", "All"),
        rows,
        cell_classes=("", "num", "num", "num", "num"),
    )


def render_worklist(work: Worklist, *, source: str, soon_days: int = 14) -> str:
    """Return the worklist as one self-contained HTML page.

    Args:
        work: The worklist (`sendkit.ehc.worklist`).
        source: The caseload file's name, for the heading (not its contents).
        soon_days: The window that made a step "due soon", for the tiles.
    """
    by = collections.defaultdict(list)
    for item in work.items:
        by[item.status].append(item)
    sections = [
        section(
            "At a glance",
            _STYLE
            + _tiles(work, soon_days)
            + f"<p class='note'>{len(work.items):,} open statutory steps in all, "
            "soonest first below. Each step names its rule, its source and how "
            "sure that source is.</p>",
        ),
        section("By step", _by_step(work)),
    ]
    titles = {
        ItemStatus.OVERDUE: "Overdue",
        ItemStatus.DUE_SOON: f"Due within {soon_days} days",
        ItemStatus.UPCOMING: "Upcoming",
    }
    for status, title in titles.items():
        items = by.get(status, [])
        shown = items[:UPCOMING_SHOWN] if status is ItemStatus.UPCOMING else items
        note = ""
        if len(shown) < len(items):
            note = (
                f"<p class='note'>The first {len(shown):,} of {len(items):,} upcoming "
                "steps. For all of them, write the worklist with --csv or --xlsx, "
                "or narrow it with --within DAYS.</p>"
            )
        body = (
            table(_HEADER, _rows(shown), classes="work", cell_classes=_CELLS) + note
            if items
            else "<p>None.</p>"
        )
        sections.append(section(f"{title} ({len(items):,})", body))
    counts = work.by_status
    meta = (
        f"As at <strong>{esc(uk_date(work.as_of))}</strong> \u00b7 "
        f"{counts['overdue']:,} overdue \u00b7 {counts['due-soon']:,} due soon "
        f"\u00b7 {counts['upcoming']:,} upcoming \u00b7 from {esc(source)}"
    )
    return page(
        f"EHC worklist at {uk_date(work.as_of)}",
        "".join(sections),
        kicker="EHC needs assessments and plans - worklist",
        meta=meta,
        footer=(
            "Made with sendkit ('sendkit ehc due --html'). Case ids are as the "
            "caseload file gives them. This page has no scripts and loads nothing "
            "from elsewhere."
        ),
    )
