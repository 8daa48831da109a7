"""Write docs/images/*.png: pictures of sendkit's real outputs, made fresh.

Each picture is taken from output written by this checkout's own sendkit
just now, so the pictures in the docs never drift from what the commands
write:

* ``demo-timeline.png`` and ``demo-phone.png``: ``sendkit demo`` as an HTML
  page, on a laptop screen and on a 390-pixel phone;
* ``board-report.png``: ``sendkit plan status --html`` on the example tracker;
* ``ehc-timeliness.png``: ``sendkit ehc timeliness --html`` on a synthetic
  caseload (``sendkit ehc example``; no real data);
* ``benchmark.png``: ``sendkit benchmark --la Derbyshire --year 2024
  --html``, the board page of DfE's published figures;
* ``tracker.png``: the example tracker's Print sheet as LibreOffice prints
  it (``soffice --headless --convert-to pdf``): one A4 page wide;
* ``starter-formulas.png``: the starter workbook's Formulas sheet
  (``docs/downloads/sendkit-starter.xlsx``): every ``SK_`` formula with a
  worked example and sendkit's answer, as LibreOffice prints it;
* ``excel-formulas.png``: the Excel acceptance workbook's working-day sheet
  as LibreOffice calculates it: Excel's own ``WORKDAY`` beside sendkit's
  answer;
* ``worklist.png``: ``sendkit ehc due --html``, the caseload's worklist as a
  page, on a synthetic caseload.

For sizes true to Excel, install ``fonts-crosextra-carlito`` (Calibri's
metrics); without it LibreOffice sets Calibri in a wider font.

It needs Debian's ``chromium``, ``libreoffice-calc`` and ``poppler-utils``
(``pdftoppm``); CI does not run it. Run from the project root:

    .venv/bin/python tools/make_screenshots.py

The PNG files are committed; run this again after changing a page.
"""

from __future__ import annotations

import pathlib
import shutil
import subprocess
import sys
import tempfile

import openpyxl

ROOT = pathlib.Path(__file__).resolve().parent.parent
IMAGES = ROOT / "docs" / "images"
TRACKER = ROOT / "docs" / "downloads" / "example-tracker.xlsx"
ACCEPTANCE = ROOT / "excel_addin" / "acceptance" / "acceptance.xlsx"
STARTER = ROOT / "docs" / "downloads" / "sendkit-starter.xlsx"


def _run(*args: str | pathlib.Path, cwd: pathlib.Path | None = None) -> None:
    subprocess.run([str(a) for a in args], check=True, cwd=cwd, capture_output=True)


def _sendkit(*args: str | pathlib.Path) -> None:
    _run(sys.executable, "-m", "sendkit", *args)


def _browser() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    sys.exit("make_screenshots: needs chromium (apt-get install chromium)")


def _shoot(page: pathlib.Path, out: pathlib.Path, width: int, height: int) -> None:
    """A screenshot of the top *height* pixels of *page* at *width*."""
    _run(
        _browser(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        f"--window-size={width},{height}",
        f"--screenshot={out}",
        page.as_uri(),
    )
    print(f"wrote {out.relative_to(ROOT)}")


def _sheet_picture(
    workbook: pathlib.Path,
    sheet: str,
    out: pathlib.Path,
    work: pathlib.Path,
    *,
    crop: tuple[int, int, int, int],
    one_page_wide: bool,
    dpi: int = 110,
) -> None:
    """Print one sheet of *workbook* with LibreOffice; keep a crop of page 1.

    *crop* is ``(x, y, width, height)`` in pixels at *dpi*. With
    *one_page_wide* the sheet is fitted to one landscape page; without, it
    prints with the workbook's own page setup, as a person would print it.
    """
    book = openpyxl.load_workbook(workbook)
    for name in book.sheetnames:
        if name != sheet:
            book[name].sheet_state = "hidden"
    book.active = book.sheetnames.index(sheet)
    ws = book[sheet]
    if one_page_wide:
        ws.page_setup.orientation = "landscape"
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
    copy = work / f"{out.stem}.xlsx"
    book.save(copy)
    _run("soffice", "--headless", "--convert-to", "pdf", copy.name, cwd=work)
    x, y, width, height = crop
    _run(
        "pdftoppm",
        "-png",
        "-r",
        str(dpi),
        "-f",
        "1",
        "-l",
        "1",
        "-singlefile",
        "-x",
        str(x),
        "-y",
        str(y),
        "-W",
        str(width),
        "-H",
        str(height),
        work / f"{out.stem}.pdf",
        work / out.stem,
    )
    shutil.copyfile(work / f"{out.stem}.png", out)
    print(f"wrote {out.relative_to(ROOT)}")


def main() -> None:
    """Write every picture into docs/images/."""
    IMAGES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        work = pathlib.Path(folder)
        demo = work / "demo.html"
        _sendkit(
            "demo", "--as-of", "2024-06-01", "--submitted", "2023-07-03", "--html", demo
        )
        _shoot(demo, IMAGES / "demo-timeline.png", 1280, 1900)
        _shoot(demo, IMAGES / "demo-phone.png", 390, 1500)

        board = work / "board.html"
        _sendkit("plan", "status", TRACKER, "--as-of", "2025-03-31", "--html", board)
        _shoot(board, IMAGES / "board-report.png", 1280, 1800)

        cases = work / "cases.csv"
        _sendkit("ehc", "example", cases, "--year", "2024")
        ehc = work / "ehc.html"
        _sendkit("ehc", "timeliness", cases, "--year", "2024", "--html", ehc)
        _shoot(ehc, IMAGES / "ehc-timeliness.png", 1280, 1150)

        caseload = work / "caseload.csv"
        _sendkit(
            "ehc",
            "example",
            caseload,
            "--year",
            "2025",
            "--requests",
            "100",
            "--plans",
            "200",
        )
        work_page = work / "worklist.html"
        _sendkit(
            "ehc",
            "due",
            caseload,
            "--as-of",
            "2025-12-31",
            "--within",
            "30",
            "--html",
            work_page,
        )
        _shoot(work_page, IMAGES / "worklist.png", 1280, 1500)

        bench = work / "benchmark.html"
        _sendkit("benchmark", "--la", "Derbyshire", "--year", "2024", "--html", bench)
        _shoot(bench, IMAGES / "benchmark.png", 1280, 1300)

        _sheet_picture(
            TRACKER,
            "Print",
            IMAGES / "tracker.png",
            work,
            crop=(30, 20, 1230, 520),
            one_page_wide=False,
        )
        _sheet_picture(
            STARTER,
            "Formulas",
            IMAGES / "starter-formulas.png",
            work,
            crop=(90, 140, 2120, 330),
            one_page_wide=True,
            dpi=200,
        )
        _sheet_picture(
            ACCEPTANCE,
            book_sheet(ACCEPTANCE),
            IMAGES / "excel-formulas.png",
            work,
            crop=(30, 60, 1120, 240),
            one_page_wide=True,
        )


def book_sheet(path: pathlib.Path) -> str:
    """The acceptance workbook's first sheet that uses Excel's own WORKDAY."""
    book = openpyxl.load_workbook(path)
    for ws in book.worksheets:
        for row in ws.iter_rows(max_row=5):
            if any(isinstance(c.value, str) and "WORKDAY(" in c.value for c in row):
                return ws.title
    return book.sheetnames[1]


if __name__ == "__main__":
    main()
