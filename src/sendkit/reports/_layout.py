"""The one page layout every sendkit HTML page shares.

A page is one self-contained file: inline CSS (`STYLESHEET`) and inline SVG,
no scripts, no web fonts, nothing loaded from elsewhere, so it can be
e-mailed or attached to board papers as it is and opens on a council laptop
that blocks external servers.

Conventions, for every page built on `page`:

* **Dates** are written the UK way, ``18 July 2025`` (`uk_date`), never
  ``2025-07-18`` or ``18 Jul 2025``.
* **Colour never carries meaning alone**: a RAG rating is a text label with a
  symbol (`rag_badge`), and every colour pair in the stylesheet meets WCAG
  AA's contrast ratio of 4.5:1 (the tests compute each one).
* **Print**: A4 with 14 mm margins; background colours are kept
  (``print-color-adjust: exact``); explanations are printed open; headings
  stay with what follows them, and table rows, charts and tiles are not
  split across pages. Sections flow on from one another (a forced break
  after a short section left half a page blank); a section marked ``keep``
  (a heading with its chart) moves whole to the next page when it does not
  fit, and one marked ``newpage`` always starts a page.
* **Phones** (390 px wide): tables marked ``stack`` turn into one card per
  row with each cell labelled; wide charts scroll sideways inside their own
  box, at a size where their text stays readable.
* **Sources** are clickable: `linkify` turns each ``http(s)`` address in a
  text into a link; printed, a link whose text is not its address is
  followed by the address.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterable, Sequence
from typing import Final

from ..dates import MONTH_NAMES

__all__ = [
    "RAG_SYMBOLS",
    "STYLESHEET",
    "esc",
    "linkify",
    "page",
    "rag_badge",
    "section",
    "table",
    "uk_date",
]

#: Ink and paper. Every pair used together is listed in `COLOUR_PAIRS`.
INK: Final = "#0b0c0c"
MUTED: Final = "#505a5f"
PAPER: Final = "#ffffff"
PAGE_BG: Final = "#f3f2f1"
LINE: Final = "#b1b4b6"
ACCENT: Final = "#1d4f91"
LINK: Final = "#1d4f91"
WARN: Final = "#942514"
GOOD: Final = "#00703c"

#: RAG badge colours for pages (darker than the workbook's, for contrast):
#: ``(background, text)``.
RAG_COLOURS: Final = {
    "red": ("#b3001b", "#ffffff"),
    "amber": ("#ffbf47", "#0b0c0c"),
    "green": ("#00703c", "#ffffff"),
    "complete": ("#1d4f91", "#ffffff"),
}

#: A symbol for each rating, so that the rating reads without colour.
RAG_SYMBOLS: Final = {
    "red": "\u2716",  # heavy multiplication x
    "amber": "\u25b2",  # black up-pointing triangle
    "green": "\u2714",  # heavy check mark
    "complete": "\u2605",  # black star
}

_FONT: Final = (
    'system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,'
    '"Noto Sans","Liberation Sans",sans-serif'
)

_RAG_CSS: Final = "".join(
    f".rag.{name}{{background:{bg};color:{fg}}}"
    for name, (bg, fg) in RAG_COLOURS.items()
)

#: The stylesheet every page inlines. Colour pairs are literal hex values so
#: that the contrast test can read them.
STYLESHEET: Final = (
    f"""
*{{box-sizing:border-box}}
html{{-webkit-text-size-adjust:100%;text-size-adjust:100%}}
body{{margin:0;background:{PAGE_BG};color:{INK};font:16px/1.5 {_FONT}}}
main{{max-width:1080px;margin:0 auto;padding:28px 24px 40px}}
header.page{{border-bottom:4px solid {INK};margin-bottom:20px;padding-bottom:10px}}
.kicker{{margin:0;color:{MUTED};font-size:14px;letter-spacing:.04em;text-transform:uppercase}}
h1{{margin:4px 0 8px;font-size:32px;line-height:1.15}}
h2{{font-size:22px;margin:0 0 12px;line-height:1.25}}
h3{{font-size:18px;margin:18px 0 8px}}
section{{background:{PAPER};color:{INK};border:1px solid {LINE};border-radius:6px;padding:18px 22px;margin:0 0 18px}}
.intro{{color:{MUTED};margin:0}}
.meta{{color:{INK};margin:4px 0 0}}
a{{color:{LINK};text-decoration:underline;text-underline-offset:2px}}
a.url{{overflow-wrap:anywhere;word-break:break-word}}
table{{border-collapse:collapse;width:100%;font-size:15px}}
th,td{{text-align:left;padding:6px 8px;border-bottom:1px solid {LINE};vertical-align:top}}
thead th{{background:{PAGE_BG};color:{INK};font-size:14px}}
th[scope=row]{{color:{MUTED};font-weight:600;width:30%}}
td.num,th.num{{text-align:right;font-variant-numeric:tabular-nums}}
td.date{{white-space:nowrap;font-variant-numeric:tabular-nums}}
code{{font-size:14px;background:{PAGE_BG};color:{INK};padding:1px 4px;border-radius:3px}}
.muted{{color:{MUTED}}}
.note{{color:{MUTED};font-size:14px;margin:8px 0 0}}
.warn{{color:{WARN};font-weight:700}}
.good{{color:{GOOD};font-weight:700}}
.unconfirmed{{color:{WARN};font-weight:700;font-size:14px}}
.confirmed{{color:{GOOD};font-weight:700;font-size:14px}}
.tag{{display:inline-block;padding:0 6px;border:1px solid currentColor;border-radius:4px;font-size:13px;font-weight:600}}
.rag{{display:inline-block;padding:1px 8px;border-radius:4px;font-weight:700;font-size:14px;white-space:nowrap}}
{_RAG_CSS}
.tiles{{display:grid;grid-template-columns:repeat(auto-fill,minmax(180px,1fr));gap:10px;margin:0 0 4px}}
.tile{{background:{PAGE_BG};color:{INK};border:1px solid {LINE};border-radius:6px;padding:10px 12px}}
.tile .n{{display:block;font-size:30px;font-weight:700;line-height:1.1}}
.tile .what{{display:block;font-weight:600}}
.tile ul{{margin:6px 0 0;padding:0;list-style:none;font-size:14px}}
.tile li{{display:inline}}
.tile li+li::before{{content:", "}}
.tile .rag{{margin-bottom:4px}}
.chart{{overflow-x:auto;margin:0 0 12px}}
.chart svg{{display:block;width:100%;height:auto}}
svg.spark{{width:170px;height:48px;display:block}}
details{{border-top:1px solid {LINE};padding:8px 0}}
summary{{cursor:pointer}}
ul.trail{{margin:8px 0 4px;padding-left:22px;font-size:14px;color:{INK}}}
ul.trail li{{margin:2px 0;white-space:pre-wrap}}
.kind{{display:inline-block;padding:0 8px;border-radius:10px;font-size:13px;font-weight:700}}
.kind.deadline{{background:#801650;color:#ffffff}}
.kind.expected{{background:#1d4f91;color:#ffffff}}
.kind.undated{{background:#505a5f;color:#ffffff}}
.status{{font-size:14px;font-weight:700;white-space:nowrap}}
.status.overdue{{color:{WARN}}}
.status.done{{color:{GOOD}}}
.status.passed,.status.lapsed,.status.upcoming,.status.undated{{color:{INK}}}
.outcome{{border-left:8px solid;padding:4px 0 4px 16px}}
.outcome-label{{font-size:22px;font-weight:700;margin:0 0 8px}}
blockquote{{margin:0 0 8px;font-size:17px;font-style:italic}}
footer{{color:{MUTED};font-size:14px;margin-top:20px}}
@media (max-width:640px){{
main{{padding:14px 10px 28px}}
h1{{font-size:25px}}
h2{{font-size:20px}}
section{{padding:14px 12px}}
.tiles{{grid-template-columns:1fr 1fr}}
.chart svg{{min-width:760px}}
.chart svg.small{{min-width:0}}
table.stack thead{{display:none}}
table.stack,table.stack tbody,table.stack tr,table.stack td,table.stack th{{display:block;width:100%}}
table.stack tr{{border:1px solid {LINE};border-radius:6px;margin:0 0 10px;padding:4px 8px}}
table.stack td,table.stack th{{border:none;padding:3px 0}}
table.stack td[data-label]::before{{content:attr(data-label) ": ";font-weight:700;color:{MUTED}}}
td.date{{white-space:normal}}
table.stack td.num{{text-align:left}}
}}
@page{{size:A4;margin:14mm}}
@media print{{
*{{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
html,body{{background:{PAPER};font-size:11pt}}
main{{max-width:none;padding:0}}
section{{border:none;border-radius:0;padding:0;margin:0 0 14pt}}
section.newpage{{break-before:page}}
section.keep{{break-inside:avoid}}
h1,h2,h3,summary{{break-after:avoid}}
tr,.tile,figure,.chart,blockquote,.outcome,details li{{break-inside:avoid}}
thead{{display:table-header-group}}
.chart{{overflow:visible}}
.chart svg{{min-width:0}}
table{{font-size:10pt}}
ul.trail{{font-size:9pt;margin-top:4px}}
a[href].ext::after{{content:" (" attr(href) ")";font-size:9pt;overflow-wrap:anywhere}}
summary{{list-style:none}}
summary::-webkit-details-marker{{display:none}}
}}
"""
).strip()

#: The foreground and background pairs the stylesheet and the charts use
#: together, for the contrast test and for anyone changing a colour.
COLOUR_PAIRS: Final[tuple[tuple[str, str], ...]] = (
    (INK, PAGE_BG),
    (INK, PAPER),
    (MUTED, PAPER),
    (MUTED, PAGE_BG),
    (LINK, PAPER),
    (WARN, PAPER),
    (GOOD, PAPER),
    *((fg, bg) for bg, fg in RAG_COLOURS.values()),
)

_URL: Final = re.compile(r"https?://[^\s<>\"']+")
_TRAILING: Final = ".,;:)]"


def esc(text: object) -> str:
    """Escape *text* for HTML (quotes too)."""
    return html.escape(str(text), quote=True)


def uk_date(day: dt.date | None) -> str:
    """Write *day* the UK way, ``18 July 2025``; ``""`` for None.

    Examples:
        >>> uk_date(dt.date(2025, 7, 18))
        '18 July 2025'
    """
    if day is None:
        return ""
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def linkify(text: str) -> str:
    """Escape *text* and turn each ``http(s)`` address in it into a link.

    Trailing punctuation (``.,;:)]``) and angle brackets round an address
    stay outside the link.

    Examples:
        >>> linkify("See <https://example.org/a>.")
        'See &lt;<a class="url" href="https://example.org/a">https://example.org/a</a>&gt;.'
    """
    out: list[str] = []
    last = 0
    for found in _URL.finditer(text):
        url = found.group(0)
        while url and url[-1] in _TRAILING:
            if url[-1] == ")" and url.count("(") >= url.count(")"):
                break
            url = url[:-1]
        start = found.start()
        out.append(esc(text[last:start]))
        out.append(f'<a class="url" href="{esc(url)}">{esc(url)}</a>')
        last = start + len(url)
    out.append(esc(text[last:]))
    return "".join(out)


def rag_badge(rating: str, *, label: str = "", note: str = "") -> str:
    """Return a RAG badge: symbol, text label and colour (``red`` ... ``complete``).

    *label* replaces the rating's own word; *note* follows it in brackets,
    for instance ``override``.
    """
    key = rating.lower()
    word = label or key.capitalize()
    extra = f" ({esc(note)})" if note else ""
    return (
        f'<span class="rag {esc(key)}">'
        f'<span aria-hidden="true">{RAG_SYMBOLS.get(key, "")}</span> '
        f"{esc(word)}{extra}</span>"
    )


def table(
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    stack: bool = True,
    classes: str = "",
    cell_classes: Sequence[str] = (),
) -> str:
    """Return a table; cells are HTML fragments, already escaped.

    With *stack* (the default), the table turns into labelled cards on a
    phone. *cell_classes* gives a class per column (``num``, ``date``).
    """
    names = " ".join(c for c in ("stack" if stack else "", classes) if c)
    cls = f' class="{names}"' if names else ""
    head = "".join(
        f'<th scope="col"{_cls(cell_classes, i)}>{esc(h)}</th>'
        for i, h in enumerate(header)
    )
    body = []
    for row in rows:
        cells = "".join(
            f'<td data-label="{esc(header[i])}"{_cls(cell_classes, i)}>{cell}</td>'
            if i < len(header) and header[i]
            else f"<td{_cls(cell_classes, i)}>{cell}</td>"
            for i, cell in enumerate(row)
        )
        body.append(f"<tr>{cells}</tr>")
    return (
        f"<table{cls}><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table>"
    )


def _cls(classes: Sequence[str], index: int) -> str:
    if index < len(classes) and classes[index]:
        return f' class="{esc(classes[index])}"'
    return ""


def section(
    title: str,
    body: str,
    *,
    newpage: bool = False,
    keep: bool = False,
    anchor: str = "",
) -> str:
    """Return one section: a heading and *body* (HTML, already escaped).

    Printed, *newpage* starts it on a new page and *keep* keeps it whole on
    one page (for a heading with a chart).
    """
    names = " ".join(n for n, on in (("newpage", newpage), ("keep", keep)) if on)
    cls = f' class="{names}"' if names else ""
    ident = f' id="{esc(anchor)}"' if anchor else ""
    return f"<section{cls}{ident}><h2>{esc(title)}</h2>{body}</section>"


def page(
    title: str,
    body: str,
    *,
    kicker: str = "",
    intro: str = "",
    meta: str = "",
    footer: str = "",
) -> str:
    """Return a whole self-contained page.

    Args:
        title: The page's heading and its title.
        body: The sections (HTML, already escaped; see `section`).
        kicker: A small line above the heading, such as the page's kind.
        intro: A paragraph under the heading (plain text, escaped here).
        meta: A line under the heading (HTML, already escaped).
        footer: The closing line (plain text, escaped here).
    """
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en-GB"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(title)}</title>",
        f"<style>{STYLESHEET}</style></head><body><main>",
        '<header class="page">',
    ]
    if kicker:
        parts.append(f'<p class="kicker">{esc(kicker)}</p>')
    parts.append(f"<h1>{esc(title)}</h1>")
    if meta:
        parts.append(f'<p class="meta">{meta}</p>')
    if intro:
        parts.append(f'<p class="intro">{esc(intro)}</p>')
    parts.append("</header>")
    parts.append(body)
    if footer:
        parts.append(f"<footer>{linkify(footer)}</footer>")
    parts.append("</main></body></html>")
    return "\n".join(parts) + "\n"
