"""Look at every HTML page sendkit writes, as a person would, in headless Chromium.

Writes the demo page, the board report on the example tracker, the
20-week measure and the worklist (``ehc due --within 30``) on a synthetic
caseload and the benchmark page for Derbyshire (2024), then for each: a screenshot at 1280 and at 390 pixels
wide, an A4 print to PDF, and the PDF's pages as PNG; it prints each page's
printed page count. The workbooks (the example tracker, a new tracker from
``plan new``, the caseload worklist from ``ehc due --xlsx`` and the
benchmark workbook) are printed through LibreOffice, and for each printed
page the size its text prints at, in points, read from the PDF's own font
size operators (``Tf``): what a person holding the A4 page sees. Everything
goes to OUT (default ``check-pages/``), for a person to open and look at.

Needs Debian's ``chromium``, ``libreoffice-calc`` and ``poppler-utils``,
and for sizes true to Excel, ``fonts-crosextra-carlito`` (Calibri's
metrics; without it LibreOffice sets Calibri in the wider DejaVu Sans and
every sheet prints smaller). CI does not run it. From the project root:

    .venv/bin/python tools/check_pages.py [OUT]
"""

from __future__ import annotations

import collections
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import zlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
TRACKER = ROOT / "docs" / "downloads" / "example-tracker.xlsx"
#: A workbook printed on more pages than this is summarised, not listed.
_LIST_PAGES = 20


def _run(*args: str | pathlib.Path, cwd: pathlib.Path | None = None) -> str:
    done = subprocess.run(
        [str(a) for a in args], check=True, cwd=cwd, capture_output=True, text=True
    )
    return done.stdout


def _chromium(*args: str | pathlib.Path) -> None:
    browser = shutil.which("chromium") or sys.exit("needs chromium")
    _run(browser, "--headless", "--no-sandbox", "--disable-gpu", *args)


def _pages(pdf: pathlib.Path) -> int:
    found = re.search(r"^Pages:\s+(\d+)", _run("pdfinfo", pdf), re.MULTILINE)
    return int(found.group(1)) if found else 0


def _text_sizes(pdf: pathlib.Path) -> list[tuple[str, float]]:
    """Each printed page's first words and its commonest text size in points.

    LibreOffice writes each run of text with the size it prints at
    (``/F1 8.8 Tf``), already scaled by the sheet's fit-to-width.
    """
    sizes = []
    with tempfile.TemporaryDirectory() as folder:
        _run("pdfseparate", pdf, f"{folder}/page-%d.pdf")
        for number in range(1, _pages(pdf) + 1):
            data = pathlib.Path(f"{folder}/page-{number}.pdf").read_bytes()
            counts: collections.Counter[float] = collections.Counter()
            for found in re.finditer(rb"stream\r?\n", data):
                end = data.find(b"endstream", found.end())
                try:
                    text = zlib.decompress(data[found.end() : end])
                except zlib.error:
                    continue
                for size in re.findall(rb"/F\d+ ([\d.]+) Tf", text):
                    counts[round(float(size), 1)] += 1
            first = _run("pdftotext", "-f", str(number), "-l", str(number), pdf, "-")
            words = " ".join(first.split()[:4])
            sizes.append((words, counts.most_common(1)[0][0] if counts else 0.0))
    return sizes


def _print_workbook(book: pathlib.Path, out: pathlib.Path) -> None:
    """Print *book* with LibreOffice; say how many pages, at what text size."""
    _run("soffice", "--headless", "--convert-to", "pdf", book.name, cwd=out)
    pdf = book.with_suffix(".pdf")
    _run(
        "pdftoppm",
        "-r",
        "60",
        "-l",
        str(_LIST_PAGES),
        "-png",
        pdf,
        out / f"{book.stem}-xlsx-print",
    )
    sizes = _text_sizes(pdf)
    smallest = min((size for _, size in sizes), default=0.0)
    print(
        f"{book.name}: printed on {len(sizes)} A4 pages, text {smallest:.1f} pt or more"
    )
    if len(sizes) <= _LIST_PAGES:
        for number, (words, size) in enumerate(sizes, start=1):
            print(f"  page {number:2}: text {size:4.1f} pt  ({words})")


def main() -> None:
    """Write, shoot and print every page; print the page counts."""
    out = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "check-pages").resolve()
    out.mkdir(parents=True, exist_ok=True)
    sendkit = (sys.executable, "-m", "sendkit")
    cases = out / "cases.csv"
    made = {
        "demo": [
            "demo",
            "--as-of",
            "2024-06-01",
            "--submitted",
            "2023-07-03",
        ],
        "board": ["plan", "status", str(TRACKER), "--as-of", "2025-03-31"],
        "benchmark": ["benchmark", "--la", "Derbyshire", "--year", "2024"],
    }
    _run(*sendkit, "ehc", "example", cases, "--year", "2024", "--force")
    for name, argv in made.items():
        page = out / f"{name}.html"
        page.unlink(missing_ok=True)
        _run(*sendkit, *argv, "--html", page)
    page = out / "ehc.html"
    _run(
        *sendkit,
        "ehc",
        "timeliness",
        cases,
        "--year",
        "2024",
        "--html",
        page,
        "--force",
    )
    page = out / "worklist.html"
    _run(
        *sendkit,
        "ehc",
        "due",
        cases,
        "--as-of",
        "2024-12-31",
        "--within",
        "30",
        "--html",
        page,
        "--force",
    )
    for name in ("demo", "board", "ehc", "benchmark", "worklist"):
        page = out / f"{name}.html"
        for width in (1280, 390):
            _chromium(
                "--hide-scrollbars",
                f"--window-size={width},2000",
                f"--screenshot={out / f'{name}-{width}.png'}",
                page.as_uri(),
            )
        pdf = out / f"{name}.pdf"
        _chromium("--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
        _run("pdftoppm", "-r", "60", "-png", pdf, out / f"{name}-print")
        print(f"{name}.html: printed on {_pages(pdf)} A4 pages")
    shutil.copyfile(TRACKER, out / "tracker.xlsx")
    books = [out / "tracker.xlsx"]
    for name, argv in {
        "new-tracker": [
            "plan",
            "new",
            "--outcome",
            "3",
            "--report-received",
            "2024-03-11",
            "--partnership",
            "Northshire",
            "--area",
            "Plans on time",
            "-o",
        ],
        "worklist": ["ehc", "due", str(cases), "--as-of", "2024-12-31", "--xlsx"],
        "benchmark": ["benchmark", "--la", "Derbyshire", "--year", "2024", "--xlsx"],
    }.items():
        book = out / f"{name}.xlsx"
        book.unlink(missing_ok=True)
        _run(*sendkit, *argv, book)
        books.append(book)
    for book in books:
        _print_workbook(book, out)
    print(f"pictures in {out}")


if __name__ == "__main__":
    main()
