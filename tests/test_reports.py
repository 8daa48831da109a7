"""The HTML pages people read: what a test can see of print, phone, contrast and honesty.

Every page (the demo's inspection timeline, the board report, the 20-week
measure, the benchmark of a council's published figures) is built here from fresh output and checked for: well-formed
structure, a phone viewport, print styles, WCAG AA contrast of every colour
pair in its stylesheet and charts, and, on the board report, every counted
action named.
"""

from __future__ import annotations

import datetime as dt
import html.parser
import pathlib
import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sendkit.cli import main
from sendkit.cli._happened import record_happened
from sendkit.dfe import benchmark
from sendkit.ehc import (
    ItemStatus,
    Worklist,
    synthetic_caseload,
    synthetic_plans,
    timeliness,
    worklist,
)
from sendkit.errors import InvalidInputError
from sendkit.inspections import EXAMPLES, Status, follow_up
from sendkit.io import read_plan
from sendkit.reports import (
    inspection_report,
    render_board_report,
    render_html,
    render_timeliness,
)
from sendkit.reports._benchmark import render_benchmark_html
from sendkit.reports._inspection import happened_note, weekend_note
from sendkit.reports._layout import (
    COLOUR_PAIRS,
    STYLESHEET,
    linkify,
    rag_badge,
    uk_date,
)
from sendkit.reports._worklist import UPCOMING_SHOWN, render_worklist
from sendkit.reports._worklist import _days as worklist_days

ROOT = pathlib.Path(__file__).resolve().parent.parent
TRACKER = ROOT / "docs" / "downloads" / "example-tracker.xlsx"
NOTTS = EXAMPLES["nottinghamshire-2023"]

# ---------------------------------------------------------------- helpers


def _luminance(colour: str) -> float:
    """WCAG 2.1 relative luminance of a #rgb or #rrggbb colour."""
    value = colour.lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [
        c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels
    ]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one: str, two: str) -> float:
    """WCAG 2.1 contrast ratio of two colours, 1 to 21."""
    high, low = sorted((_luminance(one), _luminance(two)), reverse=True)
    return (high + 0.05) / (low + 0.05)


_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_COLOUR = re.compile(r"(?<![-\w])color\s*:\s*(#[0-9a-fA-F]{3,6})")
_BACKGROUND = re.compile(r"background(?:-color)?\s*:\s*(#[0-9a-fA-F]{3,6})")


def stylesheet_pairs(css: str, base: str | None = None) -> list[tuple[str, str, str]]:
    """Every (selector, text colour, background) pair the stylesheet can show.

    A rule that sets both is one pair. A rule that sets only a text colour
    is shown on any surface: the body, the page background and a section's
    paper. A rule that sets only a background carries the body's text. The
    body and sections come from *base* (the shared stylesheet) when given,
    for a page's own extra style block.
    """
    body = re.search(r"^body\{([^}]*)\}", base or css, re.MULTILINE)
    assert body is not None
    body_text = _COLOUR.search(body.group(1))
    body_bg = _BACKGROUND.search(body.group(1))
    assert body_text is not None
    assert body_bg is not None
    surfaces = {body_bg.group(1), "#ffffff"}
    for rule in _RULE.finditer(base or css):
        if rule.group(1).strip().startswith("section"):
            found = _BACKGROUND.search(rule.group(2))
            if found:
                surfaces.add(found.group(1))
    pairs = []
    for rule in _RULE.finditer(css):
        selector, declarations = rule.group(1).strip(), rule.group(2)
        text = _COLOUR.search(declarations)
        background = _BACKGROUND.search(declarations)
        if text and background:
            pairs.append((selector, text.group(1), background.group(1)))
        elif text:
            pairs.extend((selector, text.group(1), bg) for bg in surfaces)
        elif background:
            pairs.append((selector, body_text.group(1), background.group(1)))
    return pairs


class _Structure(html.parser.HTMLParser):
    """Checks that every element is closed, in order; collects ids and tiles."""

    VOID = frozenset(
        {
            "meta",
            "br",
            "wbr",
            "img",
            "input",
            "link",
            "hr",
            "circle",
            "line",
            "rect",
            "path",
        }
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.ids: list[str] = []
        self.links: list[str] = []
        self.tiles: list[tuple[int, list[str]]] = []
        self.viewport = False
        self._tile_depth: int | None = None
        self._in_named = False
        self.text: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.append(str(found["id"]))
        if tag == "a" and found.get("href"):
            self.links.append(str(found["href"]))
        if tag == "meta" and found.get("name") == "viewport":
            self.viewport = "width=device-width" in str(found.get("content"))
        if tag in {"style", "title", "svg"}:
            self._hidden += 1
        if tag in self.VOID:
            return
        self.stack.append(tag)
        if found.get("data-count") is not None:
            self.tiles.append((int(str(found["data-count"])), []))
            self._tile_depth = len(self.stack)
        if tag == "li" and "named" in str(found.get("class", "")).split():
            self._in_named = True

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in {"style", "title", "svg"}:
            self._hidden -= 1
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(
                f"</{tag}> closes <{self.stack[-1] if self.stack else ''}>"
            )
            return
        if self._tile_depth is not None and len(self.stack) == self._tile_depth:
            self._tile_depth = None
        if tag == "li":
            self._in_named = False
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self._in_named and data.strip() and self.tiles:
            self.tiles[-1][1].append(data.strip())
        if not self._hidden:
            self.text.append(data)


def parse(page: str) -> _Structure:
    checker = _Structure()
    checker.feed(page)
    checker.close()
    return checker


@pytest.fixture(scope="module")
def demo_page() -> str:
    milestones = record_happened(follow_up(NOTTS), [("submitted", dt.date(2023, 7, 3))])
    return render_html(
        "Demo",
        inspection_report(NOTTS, milestones, as_of=dt.date(2024, 6, 1)),
        footer="Made with sendkit",
    )


@pytest.fixture(scope="module")
def board_page() -> str:
    return render_board_report(read_plan(TRACKER), dt.date(2025, 3, 31))


@pytest.fixture(scope="module")
def ehc_page() -> str:
    cases = synthetic_caseload(year=2024, requests_per_year=400, seed=1)
    return render_timeliness(timeliness(cases, year=2024), source="example.csv")


@pytest.fixture(scope="module")
def benchmark_page() -> str:
    return render_benchmark_html(benchmark("Derbyshire", year=2024))


@pytest.fixture(scope="module")
def work() -> Any:
    cases = synthetic_caseload(year=2024, requests_per_year=150, seed=3)
    plans = synthetic_plans(year=2024, plans=120, seed=3)
    return worklist(cases, plans, as_of=dt.date(2024, 12, 31))


@pytest.fixture(scope="module")
def worklist_page(work: Any) -> str:
    return render_worklist(work, source="cases.csv")


@pytest.fixture(
    params=["demo_page", "board_page", "ehc_page", "benchmark_page", "worklist_page"]
)
def any_page(request: pytest.FixtureRequest) -> str:
    page: str = request.getfixturevalue(request.param)
    return page


# ---------------------------------------------------------------- every page


def test_every_page_is_well_formed(any_page: str) -> None:
    checker = parse(any_page)
    assert checker.errors == []
    assert checker.stack == []
    assert any_page.startswith("<!DOCTYPE html>")


def test_every_page_has_a_phone_viewport_and_phone_styles(any_page: str) -> None:
    assert parse(any_page).viewport
    assert "@media (max-width:640px)" in any_page
    assert "table.stack td[data-label]::before" in any_page


def test_every_page_has_print_styles_that_keep_colour(any_page: str) -> None:
    assert "@media print" in any_page
    assert "@page{size:A4" in any_page
    assert "print-color-adjust:exact" in any_page
    assert "-webkit-print-color-adjust:exact" in any_page
    assert "break-inside:avoid" in any_page


def test_every_page_loads_nothing_from_elsewhere(any_page: str) -> None:
    assert "<script" not in any_page
    assert not re.search(r"\bsrc\s*=|url\(|@import|@font-face", any_page)
    for href in parse(any_page).links:
        assert href.startswith(("https://", "#"))


def test_internal_links_all_land(any_page: str) -> None:
    checker = parse(any_page)
    for href in checker.links:
        if href.startswith("#"):
            assert href[1:] in checker.ids


def test_every_chart_text_colour_meets_aa_on_white(any_page: str) -> None:
    fills = re.findall(r"<text [^>]*fill=['\"](#[0-9a-fA-F]{3,6})\b", any_page)
    assert fills or "<svg" not in any_page
    for colour in fills:
        assert contrast(colour, "#ffffff") >= 4.5, colour


#: Light gridlines and row bands: decoration, not needed to read a chart, so outside
#: WCAG 1.4.11 (every figure is also printed as a label or in a table).
_GRIDLINES = {"#b1b4b6", "#d0d0d0", "#d8dde0", "#e5e7e8", "#f6f7f8"}


def test_every_chart_mark_stands_out_from_white(any_page: str) -> None:
    """Lines, bars and markers: WCAG's 3:1 for graphics (1.4.11), on white.

    A mark passes by its fill or by its outline (an open marker is white
    inside a coloured outline; an amber bar has a dark outline).
    """
    marks = re.findall(r"<(?:line|polyline|rect|circle|path) [^>]*>", any_page)
    colour = re.compile(r"\b(fill|stroke)=['\"](#[0-9a-fA-F]{3,6})\b")
    for mark in marks:
        found = dict(colour.findall(mark))
        if not found or set(found.values()) <= _GRIDLINES | {"#ffffff", "#fff"}:
            continue  # a gridline, or the chart's white background
        best = max(contrast(c, "#ffffff") for c in found.values())
        assert best >= 3, mark


def test_every_style_block_on_every_page_meets_aa(any_page: str) -> None:
    """The shared stylesheet and any page's own extra style block."""
    blocks = re.findall(r"<style>(.*?)</style>", any_page, re.DOTALL)
    assert blocks
    shared = blocks[0]
    pairs = [pair for block in blocks for pair in stylesheet_pairs(block, shared)]
    assert len(pairs) > 20
    failing = [
        (selector, fg, bg) for selector, fg, bg in pairs if contrast(fg, bg) < 4.5
    ]
    assert failing == []


def test_inline_colours_meet_aa_on_white(any_page: str) -> None:
    for colour in re.findall(
        r"style=['\"][^'\"]*(?<![-\w])color:(#[0-9a-fA-F]{6})", any_page
    ):
        assert contrast(colour, "#ffffff") >= 4.5, colour


# ---------------------------------------------------------------- contrast


def test_contrast_formula_matches_wcag_examples() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast("#00B050", "#ffffff") == pytest.approx(2.87, abs=0.01)


def test_every_stylesheet_colour_pair_meets_wcag_aa() -> None:
    """4.5:1 for every pair, large text included: no exception is needed."""
    pairs = stylesheet_pairs(STYLESHEET)
    assert len(pairs) > 20
    failing = [
        (selector, fg, bg, round(contrast(fg, bg), 2))
        for selector, fg, bg in pairs
        if contrast(fg, bg) < 4.5
    ]
    assert failing == []


def test_declared_colour_pairs_meet_wcag_aa() -> None:
    for fg, bg in COLOUR_PAIRS:
        assert contrast(fg, bg) >= 4.5, (fg, bg)


def test_rag_is_never_colour_alone() -> None:
    badges = {
        rating: rag_badge(rating) for rating in ("red", "amber", "green", "complete")
    }
    symbols = set()
    for rating, badge in badges.items():
        assert rating.capitalize() in badge
        symbol = re.search(r'aria-hidden="true">(.)<', badge)
        assert symbol is not None
        symbols.add(symbol.group(1))
    assert len(symbols) == 4


# ---------------------------------------------------------------- board report


def test_every_counted_action_is_named(board_page: str) -> None:
    checker = parse(board_page)
    assert len(checker.tiles) == 8
    for count, names in checker.tiles:
        assert len(names) == count
    assert sum(count for count, _ in checker.tiles[:4]) == 8


def test_board_names_the_actions_behind_each_flag(board_page: str) -> None:
    plan = read_plan(TRACKER)
    status = plan.status(dt.date(2025, 3, 31))
    tiles = parse(board_page).tiles
    assert tiles[4][1] == list(status.overdue)
    assert tiles[5][1] == list(status.due_soon)
    assert tiles[6][1] == list(status.stale)
    assert tiles[7][1] == list(status.overridden)


def test_board_lists_every_action_grouped_by_area(board_page: str) -> None:
    plan = read_plan(TRACKER)
    checker = parse(board_page)
    for area in plan.sections:
        assert f"<h3>{area.id} " in board_page
        for action in area.actions:
            assert f"a-{action.id}" in checker.ids


def test_board_trends_each_kpi_against_its_target(board_page: str) -> None:
    assert board_page.count('<svg class="spark small"') == 2
    assert "7.5% to go; moving towards the target" in board_page
    assert "KPI-20WK: 31% on 31 March 2024" in board_page


def test_board_writes_dates_one_uk_way(board_page: str) -> None:
    text = "".join(parse(board_page).text)
    assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", text)
    assert not re.search(
        r"\b\d{1,2} (Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}", text
    )
    assert "31 March 2025" in text


def test_board_sources_are_links(board_page: str) -> None:
    assert '<a class="url" href="https://www.hucknalldispatch.co.uk/' in board_page


# ---------------------------------------------------------------- timeline honesty


def test_timeline_shows_recorded_events_as_done(demo_page: str) -> None:
    assert "done 3 July 2023, by the deadline" in demo_page
    assert "status done" in demo_page


def test_weekend_expected_dates_are_explained(demo_page: str) -> None:
    assert "16 November 2024 is a Saturday" in demo_page
    assert "Friday 15 November 2024 or Monday 18 November 2024" in demo_page
    assert "a Saturday: see the note" in demo_page


def test_explanations_are_open_so_they_print(demo_page: str) -> None:
    assert "<details>" not in demo_page
    assert demo_page.count("<details open>") == len(follow_up(NOTTS))


def test_demo_records_submission_and_events(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["demo", "--as-of", "2024-06-01", "--submitted", "2023-07-03"]
    argv += ["--event", "stocktake=2024-01-12"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    rows = {line.split("  ")[0]: line for line in out.splitlines() if line[:2] == "20"}
    assert rows["2023-07-05"].endswith("done")
    assert rows["2023-11-16"].endswith("done")
    assert rows["2024-05-16"].endswith("overdue")


def test_unknown_event_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["timeline", "--outcome", "3", "--report-received", "2023-05-16"]
    assert main([*argv, "--event", "lunch=2023-06-01"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "--event lunch" in err


def test_repeated_event_takes_the_next_occurrence() -> None:
    events = [
        ("engagement", dt.date(2024, 5, 20)),
        ("engagement", dt.date(2025, 5, 19)),
    ]
    done = [m for m in record_happened(follow_up(NOTTS), events) if m.happened]
    assert [m.label for m in done] == [
        "Engagement meeting with Ofsted and CQC (1st)",
        "Engagement meeting with Ofsted and CQC (2nd)",
    ]
    with pytest.raises(InvalidInputError):
        record_happened(
            follow_up(NOTTS), [*events, ("engagement", dt.date(2026, 1, 1))]
        )


days = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2090, 12, 31))


@given(done=days)
def test_a_recorded_event_counts_as_done_from_its_day(done: dt.date) -> None:
    milestone = next(m for m in follow_up(NOTTS) if m.rule == "dfe.stocktake")
    recorded = record_happened([milestone], [("stocktake", done)])[0]
    assert recorded.status(as_of=done) == Status.DONE
    note = happened_note(recorded)
    assert note.startswith(f"done {uk_date(done)}")
    gap = (done - recorded.on).days if recorded.on else 0
    if gap > 0:
        assert f"{gap} day" in note
        assert "after" in note
    elif gap < 0:
        assert "before" in note


@given(day=days)
def test_weekend_note_names_the_working_days_either_side(day: dt.date) -> None:
    milestone = next(m for m in follow_up(NOTTS) if m.rule == "dfe.stocktake")
    note = weekend_note(milestone.__class__(label="x", on=day, rule=None))
    if day.weekday() < 5:
        assert note == ""
        return
    friday = day - dt.timedelta(days=day.weekday() - 4)
    monday = day + dt.timedelta(days=7 - day.weekday())
    assert friday.weekday() == 4
    assert monday.weekday() == 0
    assert (monday - friday).days == 3
    assert f"Friday {uk_date(friday)} or Monday {uk_date(monday)}" in note


@given(day=days)
def test_uk_date_reads_back(day: dt.date) -> None:
    assert dt.datetime.strptime(uk_date(day), "%d %B %Y").date() == day


# ---------------------------------------------------------------- links


def test_linkify_keeps_punctuation_outside_and_escapes() -> None:
    out = linkify("See (https://example.org/a_(b)). <x>")
    assert '<a class="url" href="https://example.org/a_(b)">' in out
    assert out.endswith("</a>). &lt;x&gt;")
    assert linkify('"https://a.example/?q=<script>"').count("<script>") == 0


# ---------------------------------------------------------------- EHC page


def test_ehc_page_has_chart_bands_definition_and_england(ehc_page: str) -> None:
    assert "<svg" in ehc_page
    for words in (
        "excluding exceptions (DfE&#x27;s headline)",
        "including exceptions",
        "Over 20 up to 52 weeks",
        "Over 52 weeks",
        "Average weeks",
        "[INFERRED]",
        "[P]",
        "England 2024",
    ):
        assert words in ehc_page
    assert ehc_page.count("<tr>") >= 12 + 7


def test_ehc_html_refuses_to_overwrite_without_force(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cases = tmp_path / "cases.csv"
    assert (
        main(["ehc", "example", str(cases), "--year", "2024", "--requests", "50"]) == 0
    )
    out = tmp_path / "measure.html"
    argv = ["ehc", "timeliness", str(cases), "--year", "2024", "--html", str(out)]
    assert main(argv) == 0
    first = out.read_text(encoding="utf-8")
    assert "The 20-week measure: 2024" in first
    out.write_text("keep me", encoding="utf-8")
    capsys.readouterr()
    assert main(argv) == 2
    assert "--force" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "keep me"
    assert main([*argv, "--force"]) == 0
    assert out.read_text(encoding="utf-8") == first
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_ehc_html_never_over_the_file_it_reads(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cases = tmp_path / "cases.csv"
    main(["ehc", "example", str(cases), "--year", "2024", "--requests", "20"])
    before = cases.read_bytes()
    argv = ["ehc", "timeliness", str(cases), "--year", "2024", "--html", str(cases)]
    assert main([*argv, "--force"]) == 2
    assert "being read" in capsys.readouterr().err
    assert cases.read_bytes() == before


# ---------------------------------------------------------------- worklist


def test_worklist_page_lists_every_overdue_and_due_soon_step(
    work: Any, worklist_page: str
) -> None:
    urgent = [i for i in work.items if i.status is not ItemStatus.UPCOMING]
    assert urgent
    rows = re.findall(r"<tr><td data-label=\"Due\"", worklist_page)
    upcoming = len(work.items) - len(urgent)
    assert len(rows) == len(urgent) + min(upcoming, UPCOMING_SHOWN)
    for item in urgent:
        assert f"<code>{item.case}</code>" in worklist_page
    counts = work.by_status
    assert f'<span class="n">{counts["overdue"]:,}</span>' in worklist_page
    if upcoming > UPCOMING_SHOWN:
        assert f"The first {UPCOMING_SHOWN} of {upcoming:,} upcoming" in worklist_page
    assert not re.search(r">\d{4}-\d{2}-\d{2}<", worklist_page)  # UK dates only


def test_worklist_html_from_the_command_line(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cases = tmp_path / "cases.csv"
    assert (
        main(["ehc", "example", str(cases), "--year", "2024", "--requests", "60"]) == 0
    )
    out = tmp_path / "work.html"
    argv = ["ehc", "due", str(cases), "--as-of", "2024-12-31", "--html", str(out)]
    assert main(argv) == 0
    assert "EHC worklist at 31 December 2024" in out.read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(argv) == 2  # never replaced without --force
    assert "--force" in capsys.readouterr().err
    assert main([*argv, "--force"]) == 0
    before = cases.read_bytes()
    assert main([*argv[:-1], str(cases), "--force"]) == 2  # never over its input
    assert cases.read_bytes() == before
    capsys.readouterr()
    assert main([*argv, "--force", "--json"]) == 2  # one output at a time
    assert "give one of --json, --csv, --xlsx or --html" in capsys.readouterr().err


def test_an_empty_worklist_page_says_so() -> None:
    page = render_worklist(Worklist(as_of=dt.date(2025, 1, 1), items=()), source="x")
    assert "No open steps." in page
    assert page.count("<p>None.</p>") == 3
    assert parse(page).errors == []


@given(st.integers(min_value=-5000, max_value=5000))
def test_worklist_when_reads_as_words_for_any_day_count(days: int) -> None:
    class Item:
        pass

    item = Item()
    item.days = days  # type: ignore[attr-defined]
    words = worklist_days(item)  # type: ignore[arg-type]
    if days == 0:
        assert words == "due today"
    else:
        count = int(re.search(r"\d+", words).group())  # type: ignore[union-attr]
        assert count == abs(days)
        assert words.endswith("late") == (days < 0)
        assert ("day " in words or words.endswith("day")) == (abs(days) == 1)
