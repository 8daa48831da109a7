"""Peak memory of the file readers on large generated files, now and before.

Run from the project root (a few minutes on a quiet machine):

    .venv/bin/python benchmarks/bench_memory.py [--rows 50000] [--actions 10000]
        [--before SRC]

Files are generated in a temporary folder, each made once:

* an Ofsted management-information file (the 2023 framework's columns plus
  16 extra text columns of 40 characters, as wide exports carry) of *rows*
  rows, as ``.csv``, ``.xlsx`` and ``.ods``, read with ``read_inspections``;
* an EHC caseload of *rows* cases as ``.xlsx`` and ``.ods``, read with
  ``read_cases`` (the CSV path is the read-speed benchmark's) and with
  ``read_caseload`` (what ``sendkit ehc due`` reads: requests and plans);
* a tracker of *actions* actions (``bench_plans.make_plan``) as ``.xlsx``,
  read with ``read_plan``.

Each read runs in a fresh Python process that imports the reader (and
openpyxl) first, then starts ``tracemalloc``: "peak" is the most memory
Python held during the read, "kept" what it still holds after it, with the
result alive (the rows kept: inspections, cases, actions and problems).
"peak/kept" near 1 means memory follows the rows kept; far above 1 means the
file was held whole on the way. tracemalloc slows the reads; only memory is
reported.

``--before SRC`` runs the same reads on another source tree, e.g.
``git archive a5e5408 src | tar -x -C /tmp/io_before`` then
``--before /tmp/io_before/src``; the ratio column is then before/after peak.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import zipfile
from xml.sax.saxutils import escape

HERE = pathlib.Path(__file__).resolve().parent
SRC = HERE.parent / "src"

MI_HEADER = [
    "Link to report webpage for the local authority and local area partnership",
    "Local authority code",
    "Local area partnership",
    "Ofsted region",
    "Inspection start date",
    "Inspection publication date",
    "Inspection outcome",
    "Priority action plan required?",
    "Number of areas for priority action",
    *(f"Note {n}" for n in range(1, 17)),
]
OUTCOMES = [
    "Typically positive experiences and outcomes",
    "Inconsistent experiences and outcomes",
    "Widespread and/or systemic failings leading to significant concerns",
]
CASE_HEADER = [
    "CaseId",
    "ReceivedDate",
    "RequestOutcomeDate",
    "AssessmentOutcomeDate",
    "StartDate",
    "Week20",
]

CHILD = r"""
import json, sys, tracemalloc
kind, path = sys.argv[1], sys.argv[2]
try:
    from sendkit.io import read_caseload, read_cases, read_inspections, read_plan
except ImportError:  # a tree from before sendkit.io was public
    from sendkit.ehc import read_cases
    from sendkit.inspections import read_inspections
    from sendkit.io._caseload import read_caseload
    from sendkit.plans import read_plan
import openpyxl, openpyxl.reader.excel, xml.etree.ElementTree  # imports in the baseline

tracemalloc.start()
if kind == "inspections":
    result = read_inspections(path)
    kept = len(result.inspections) + len(result.problems)
elif kind == "cases":
    result = read_cases(path)
    kept = len(result.cases) + len(result.problems)
elif kind == "caseload":
    result = read_caseload(path)
    kept = len(result.cases) + len(result.plans) + len(result.problems)
else:
    result = read_plan(path)
    kept = sum(len(section.actions) for section in result.sections)
import gc
gc.collect()  # what is still held is the result, not garbage waiting for collection
after, peak = tracemalloc.get_traced_memory()
print(json.dumps({"peak": peak, "after": after, "kept": kept}))
"""


def ofsted_rows(count: int) -> list[list[object]]:
    start = dt.date(2023, 1, 9)
    rows: list[list[object]] = []
    for n in range(count):
        day = start + dt.timedelta(days=n % 700)
        rows.append(
            [
                f"https://reports.ofsted.gov.uk/provider/44/{80000 + n}",
                str(800 + n % 150),
                f"Area {n}",
                "East Midlands",
                day,
                day + dt.timedelta(days=40),
                OUTCOMES[n % 3],
                "Yes" if n % 3 == 2 else "No",
                n % 4,
                *(f"extra text {k:02d} for row {n:07d} ........." for k in range(16)),
            ]
        )
    return rows


def case_rows(count: int) -> list[list[object]]:
    start = dt.date(2024, 1, 8)
    rows: list[list[object]] = []
    for n in range(count):
        received = start + dt.timedelta(days=n % 300)
        rows.append(
            [
                f"C{n:07d}",
                received,
                received + dt.timedelta(days=40),
                received + dt.timedelta(days=90),
                received + dt.timedelta(days=130),
                n % 2,
            ]
        )
    return rows


def write_csv(path: pathlib.Path, header: list[str], rows: list[list[object]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for row in rows:
            writer.writerow(
                [v.strftime("%d/%m/%Y") if isinstance(v, dt.date) else v for v in row]
            )


def write_xlsx(path: pathlib.Path, header: list[str], rows: list[list[object]]) -> None:
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Data")
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)


def _ods_cell(value: object) -> str:
    if isinstance(value, dt.date):
        return (
            f'<table:table-cell office:value-type="date" office:date-value="{value.isoformat()}">'
            f"<text:p>{value:%d/%m/%Y}</text:p></table:table-cell>"
        )
    if isinstance(value, int):
        return (
            f'<table:table-cell office:value-type="float" office:value="{value}">'
            f"<text:p>{value}</text:p></table:table-cell>"
        )
    return (
        '<table:table-cell office:value-type="string">'
        f"<text:p>{escape(str(value))}</text:p></table:table-cell>"
    )


def write_ods(path: pathlib.Path, header: list[str], rows: list[list[object]]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        with archive.open("content.xml", "w") as handle:
            handle.write(
                b'<?xml version="1.0" encoding="UTF-8"?><office:document-content '
                b'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
                b'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
                b'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
                b'<office:body><office:spreadsheet><table:table table:name="Data">'
            )
            for row in [header, *rows]:
                cells = "".join(_ods_cell(value) for value in row)
                handle.write(f"<table:table-row>{cells}</table:table-row>".encode())
            handle.write(
                b'<table:table-row table:number-rows-repeated="1000000">'
                b"<table:table-cell/></table:table-row></table:table>"
                b"</office:spreadsheet></office:body></office:document-content>"
            )


def measure(kind: str, path: pathlib.Path, src: pathlib.Path) -> dict[str, int] | None:
    env = dict(os.environ, PYTHONPATH=str(src))
    done = subprocess.run(
        [sys.executable, "-c", CHILD, kind, str(path)],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    if done.returncode:
        return None  # that tree cannot read this file (e.g. no .ods caseloads)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--actions", type=int, default=10_000)
    parser.add_argument("--before", type=pathlib.Path, help="an older src tree")
    args = parser.parse_args()
    trees = [("after", SRC)] + ([("before", args.before)] if args.before else [])
    with tempfile.TemporaryDirectory() as folder:
        base = pathlib.Path(folder)
        files: list[tuple[str, str, pathlib.Path]] = []
        inspections = ofsted_rows(args.rows)
        for suffix, write in (
            (".csv", write_csv),
            (".xlsx", write_xlsx),
            (".ods", write_ods),
        ):
            path = base / f"ofsted{suffix}"
            write(path, MI_HEADER, inspections)
            files.append(
                ("inspections", f"Ofsted MI {args.rows:,} rows x 25 cols", path)
            )
        del inspections
        cases = case_rows(args.rows)
        for suffix, write in ((".xlsx", write_xlsx), (".ods", write_ods)):
            path = base / f"cases{suffix}"
            write(path, CASE_HEADER, cases)
            files.append(("cases", f"EHC caseload {args.rows:,} rows", path))
            files.append(("caseload", f"ehc due caseload {args.rows:,} rows", path))
        del cases
        sys.path.insert(0, str(HERE))
        sys.path.insert(0, str(SRC))
        from bench_plans import make_plan
        from sendkit.io import write_plan

        tracker = base / "tracker.xlsx"
        write_plan(make_plan(args.actions), tracker)
        files.append(("plan", f"tracker {args.actions:,} actions", tracker))

        print(
            "peak = most memory held during the read; kept = held after it (tracemalloc)"
        )
        header = f"{'file':44} {'MB':>6} {'tree':6} {'peak MB':>8} {'kept MB':>8} {'peak/kept':>9}"
        print(header + ("  before/after peak" if args.before else ""))
        for kind, label, path in files:
            size = path.stat().st_size / 1e6
            peaks = {}
            for tree, src in trees:
                got = measure(kind, path, src)
                if got is None:
                    print(
                        f"{label + ' ' + path.suffix:44} {size:6.1f} {tree:6} cannot read it"
                    )
                    continue
                peak = got["peak"] / 1e6
                kept = max(got["after"], 1) / 1e6
                peaks[tree] = peak
                print(
                    f"{label + ' ' + path.suffix:44} {size:6.1f} {tree:6} {peak:8.1f} "
                    f"{kept:8.1f} {peak / kept:9.1f}"
                    + (
                        f"  {peaks['before'] / peaks['after']:.1f}x"
                        if tree == "before" and "after" in peaks
                        else ""
                    )
                )


if __name__ == "__main__":
    main()
