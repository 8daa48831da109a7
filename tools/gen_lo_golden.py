"""Generate tests/data/lo_golden.csv: WORKDAY and NETWORKDAYS as LibreOffice Calc computes them.

How to run (needs LibreOffice on this machine only; CI just reads the committed CSV):

    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        libreoffice-calc-nogui
    .venv/bin/python tools/gen_lo_golden.py            # rewrites tests/data/lo_golden.csv
    git diff --stat tests/data/lo_golden.csv           # review any change before committing

The recipe is Calc's headless conversion (soffice --convert-to csv). The script
writes an .xlsx with openpyxl (no cached values, so Calc must calculate every
formula), the inputs on the first sheet and each holiday list as a column of a
second sheet. The formulas are ``=WORKDAY(start, days, holidays)`` and
``=NETWORKDAYS(start, end, holidays)`` with number format ``0``, so the CSV
export gives Excel serial numbers rather than locale-formatted dates. Calc
converts the file headless, with a fresh user profile for each run, and the
numbers are read back.

The holiday lists are sendkit's own data: the ``holidays`` package's GB
subdivision for each sendkit region over a fixed window of years (weekend-dated
entries included, as the raw data has them; WORKDAY ignores them). The script
checks that the weekday entries equal what ``WorkingCalendar.holidays_between``
reports, so the file tests sendkit's data as well as its arithmetic. Some cases
add the local closure set ``xmas`` (24 December to 1 January each year).

Every random choice comes from a fixed seed, so a re-run with the same
LibreOffice and ``holidays`` versions gives a byte-identical file.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import pathlib
import random
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable

import holidays
import openpyxl

from sendkit.calendars import REGIONS, calendar_for

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data" / "lo_golden.csv"

SEED = 20260223
FIRST_YEAR, LAST_YEAR = 1995, 2045
# Starts stay well inside the window: 400 working days (about 580 calendar
# days) either side of any start still lands inside FIRST_YEAR..LAST_YEAR.
START_MIN, START_MAX = dt.date(1997, 1, 1), dt.date(2043, 6, 30)
CASES_PER_REGION = 1_500
CLOSURE_SHARE = 0.25

# sendkit's regions and the ``holidays`` subdivision each one uses.
SUBDIVISIONS = {
    "england-and-wales": "ENG",
    "scotland": "SCT",
    "northern-ireland": "NIR",
}
# One-off bank holidays (jubilees, State Funeral, Coronation); every region has them.
ONE_OFF_DAYS = (
    dt.date(2012, 6, 5),
    dt.date(2022, 6, 3),
    dt.date(2022, 9, 19),
    dt.date(2023, 5, 8),
)
# Substitute days checked case by case as well as by the random draw.
SUBSTITUTE_DAYS = (
    dt.date(2021, 12, 27),
    dt.date(2021, 12, 28),
    dt.date(2022, 1, 3),
    dt.date(2022, 12, 27),
)
EXCEL_EPOCH = dt.date(1899, 12, 30)


def xmas_closures(first_year: int, last_year: int) -> frozenset[dt.date]:
    """Return the ``xmas`` closure set: 24 Dec to 1 Jan inclusive, each year.

    tests/test_oracles.py rebuilds the same set with the same rule.
    """
    days: set[dt.date] = set()
    for year in range(first_year, last_year + 1):
        days.update(dt.date(year, 12, d) for d in range(24, 32))
        days.add(dt.date(year, 1, 1))
    return frozenset(days)


def region_holidays(region: str) -> dict[dt.date, str]:
    """Return the raw holiday entries (weekend-dated ones too) for the window."""
    data = holidays.country_holidays(
        "GB", subdiv=SUBDIVISIONS[region], years=range(FIRST_YEAR, LAST_YEAR + 1)
    )
    entries = {day: str(name) for day, name in data.items()}
    # The same weekday holidays as sendkit itself reports, or the file would
    # test some other data.
    cal = calendar_for(region)
    ours = {
        item.day
        for item in cal.holidays_between(
            dt.date(FIRST_YEAR, 1, 1), dt.date(LAST_YEAR, 12, 31)
        )
    }
    weekday = {day for day in entries if day.weekday() < 5}
    if ours != weekday:
        sys.exit(f"{region}: sendkit's holidays differ from the holidays package")
    return entries


def pick_start(
    rng: random.Random, hols: list[dt.date], awkward: list[dt.date]
) -> dt.date:
    """Draw a start date, biased to holidays, weekends and awkward days."""
    span = (START_MAX - START_MIN).days
    roll = rng.random()
    if roll < 0.30:  # any holiday entry, weekend-dated ones included
        day = rng.choice(hols)
    elif roll < 0.45:  # one-off and substitute days and their neighbours
        day = rng.choice(awkward) + dt.timedelta(days=rng.choice((-1, 0, 0, 0, 1)))
    elif roll < 0.65:  # a Saturday or Sunday
        day = START_MIN + dt.timedelta(days=rng.randrange(span))
        day += dt.timedelta(days=(5 - day.weekday()) % 7 + rng.choice((0, 1)))
    else:
        day = START_MIN + dt.timedelta(days=rng.randrange(span))
    return min(max(day, START_MIN), START_MAX)


def pick_days(rng: random.Random) -> int:
    """Draw n from {0, +-1, +-2, +-5}, U[-40, 40] or U[-400, 400]."""
    roll = rng.random()
    if roll < 0.4:
        return rng.choice((0, 1, -1, 2, -2, 5, -5))
    if roll < 0.7:
        return rng.randint(-40, 40)
    return rng.randint(-400, 400)


def make_cases(
    rng: random.Random, region: str, entries: dict[dt.date, str]
) -> list[tuple[str, dt.date, int, dt.date, str]]:
    """Return (region, start, days, end, closures_set) tuples for one region."""
    hols = sorted(d for d in entries if START_MIN <= d <= START_MAX)
    awkward = sorted(
        set(ONE_OFF_DAYS)
        | {d for d, name in entries.items() if "observed" in name.lower()}
    )
    awkward = [d for d in awkward if START_MIN <= d <= START_MAX]
    cases = []
    # Every named awkward day, in both directions, then the random mix.
    for start in (*ONE_OFF_DAYS, *SUBSTITUTE_DAYS):
        for days in (-5, -1, 0, 1, 5):
            end = start + dt.timedelta(days=rng.randint(-400, 400))
            cases.append((region, start, days, end, ""))
    for _ in range(CASES_PER_REGION):
        start = pick_start(rng, hols, awkward)
        days = pick_days(rng)
        end = start + dt.timedelta(days=rng.randint(-400, 400))
        closures = "xmas" if rng.random() < CLOSURE_SHARE else ""
        cases.append((region, start, days, end, closures))
    return cases


def write_workbook(
    path: pathlib.Path,
    cases: list[tuple[str, dt.date, int, dt.date, str]],
    lists: dict[tuple[str, str], list[dt.date]],
) -> None:
    """Write the cases and holiday lists as an .xlsx with WORKDAY formulas."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None  # noqa: S101 - a new workbook always has a sheet
    ws.title = "S"
    hs = wb.create_sheet("H")
    ranges = {}
    for col, (key, days) in enumerate(sorted(lists.items()), start=1):
        letter = openpyxl.utils.get_column_letter(col)
        for row, day in enumerate(days, start=1):
            hs.cell(row, col, day)
        ranges[key] = f"H!${letter}$1:${letter}${len(days)}"
    for row, (region, start, days, end, closures) in enumerate(cases, start=1):
        rng = ranges[region, closures]
        ws.cell(row, 1, start).number_format = "0"
        ws.cell(row, 2, days)
        ws.cell(row, 3, end).number_format = "0"
        ws.cell(row, 4, f"=WORKDAY(A{row},B{row},{rng})").number_format = "0"
        ws.cell(row, 5, f"=NETWORKDAYS(A{row},C{row},{rng})").number_format = "0"
    wb.save(path)


def run_calc(xlsx: pathlib.Path, workdir: pathlib.Path) -> list[list[str]]:
    """Convert *xlsx* to CSV with headless LibreOffice and return the rows."""
    profile = workdir / "profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "csv",
            "--outdir",
            str(workdir),
            str(xlsx),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    text = (workdir / (xlsx.stem + ".csv")).read_text(encoding="utf-8")
    return list(csv.reader(io.StringIO(text)))


def from_serial(text: str) -> dt.date:
    """Turn an Excel serial number (1900 date system) into a date."""
    return EXCEL_EPOCH + dt.timedelta(days=int(text))


def serial(day: dt.date) -> int:
    """Turn a date into its Excel serial number."""
    return (day - EXCEL_EPOCH).days


def calc_version() -> str:
    """Return LibreOffice's version line, such as ``LibreOffice 7.4.7.2 ...``."""
    done = subprocess.run(
        ["soffice", "--version"], check=True, capture_output=True, text=True
    )
    return done.stdout.strip()


def lines(items: Iterable[str]) -> str:
    """Join *items* as comment lines."""
    return "".join(f"# {item}\n" for item in items)


def main() -> int:
    """Generate the golden file and return an exit code."""
    if shutil.which("soffice") is None:
        print(
            "soffice not found: install libreoffice-calc-nogui first", file=sys.stderr
        )
        return 1
    rng = random.Random(SEED)
    xmas = xmas_closures(FIRST_YEAR, LAST_YEAR)
    cases = []
    lists: dict[tuple[str, str], list[dt.date]] = {}
    for region in REGIONS:
        entries = region_holidays(region)
        lists[region, ""] = sorted(entries)
        lists[region, "xmas"] = sorted(set(entries) | xmas)
        cases.extend(make_cases(rng, region, entries))

    with tempfile.TemporaryDirectory(prefix="lo-golden-") as tmp:
        workdir = pathlib.Path(tmp)
        xlsx = workdir / "cases.xlsx"
        write_workbook(xlsx, cases, lists)
        rows = run_calc(xlsx, workdir)
    if len(rows) != len(cases):
        print(f"Calc returned {len(rows)} rows for {len(cases)} cases", file=sys.stderr)
        return 1

    out = io.StringIO()
    header = [
        (
            "WORKDAY and NETWORKDAYS computed by LibreOffice Calc; generated by"
            " tools/gen_lo_golden.py (do not edit by hand)."
        ),
        f"calc: {calc_version()}",
        f"holidays: {holidays.__version__}",
        (
            f"years: {FIRST_YEAR}-{LAST_YEAR} (raw GB subdivision entries,"
            " weekend-dated ones included)"
        ),
        f"seed: {SEED}",
        (
            "closures_set xmas: 24 Dec to 31 Dec and 1 Jan of every year in the"
            " window, added to the holiday list"
        ),
        (
            "workday = WORKDAY(start, days, list);"
            " networkdays = NETWORKDAYS(start, end, list)"
        ),
    ]
    out.write(lines(header))
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        ["region", "start", "days", "end", "closures_set", "workday", "networkdays"]
    )
    for (region, start, days, end, closures), row in zip(cases, rows, strict=True):
        # Calc read back the inputs as written, or the answers mean nothing.
        if int(row[0]) != serial(start) or int(row[1]) != days:
            print(f"input changed in Calc: {row}", file=sys.stderr)
            return 1
        if int(row[2]) != serial(end):
            print(f"input changed in Calc: {row}", file=sys.stderr)
            return 1
        writer.writerow(
            [
                region,
                start.isoformat(),
                days,
                end.isoformat(),
                closures,
                from_serial(row[3]).isoformat(),
                int(row[4]),
            ]
        )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(out.getvalue(), encoding="utf-8")
    size = OUT.stat().st_size
    print(f"wrote {len(cases)} cases to {OUT.relative_to(ROOT)} ({size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
