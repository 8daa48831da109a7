"""Look at every HTML page sendkit writes, as a person would, in headless Chromium.

Writes the demo page, the board report on the example tracker and the
20-week measure on a synthetic caseload, then for each: a screenshot at
1280 and at 390 pixels wide, an A4 print to PDF, and the PDF's pages as
PNG; it prints each page's printed page count. The example tracker is
printed through LibreOffice too. Everything goes to OUT (default
``check-pages/``), for a person to open and look at.

Needs Debian's ``chromium``, ``libreoffice-calc`` and ``poppler-utils``;
CI does not run it. From the project root:

    .venv/bin/python tools/check_pages.py [OUT]
"""

from __future__ import annotations

import pathlib
import re
import shutil
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
TRACKER = ROOT / "docs" / "downloads" / "example-tracker.xlsx"


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
    for name in ("demo", "board", "ehc"):
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
    _run("soffice", "--headless", "--convert-to", "pdf", "tracker.xlsx", cwd=out)
    _run("pdftoppm", "-r", "60", "-png", out / "tracker.pdf", out / "tracker-print")
    print(f"tracker.xlsx: printed on {_pages(out / 'tracker.pdf')} A4 pages")
    print(f"pictures in {out}")


if __name__ == "__main__":
    main()
