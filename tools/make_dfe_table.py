"""Make the DfE headline table and the neighbour table shipped in sendkit.dfe.

Reads DfE's *Education, health and care plans* files (a folder holding
``timeliness_20_week.csv``, ``requests.csv``, ``assessments.csv``,
``annual_reviews.csv`` and ``statistical_neighbours.csv``), keeps the headline
rows and the columns sendkit uses, and writes:

* ``src/sendkit/dfe/headline.csv``: one row per calendar year and area
  (England, each region, each council), DfE's values as DfE wrote them;
* ``src/sendkit/dfe/neighbours.csv``: each council's DfE number and its ten
  statistical neighbours' numbers, nearest first.

Usage: ``python tools/make_dfe_table.py [FOLDER]`` (default ``../shared/data/dfe``).
tests/test_dfe_table.py checks the result against the same files row by row.
"""

from __future__ import annotations

import csv
import pathlib
import sys

from sendkit.dfe._lookup import normalise
from sendkit.dfe._measures import KINDS
from sendkit.dfe._table import META_COLUMNS, Table
from sendkit.io._dfe import read_dfe_file

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "sendkit" / "dfe"


def headline(folder: pathlib.Path) -> list[dict[str, str]]:
    """Merge the four files' headline rows into one row per year and area."""
    merged: dict[tuple[str, str, str, str], dict[str, str]] = {}
    for kind in KINDS:
        for row in read_dfe_file(folder / f"{kind}.csv").rows:
            key = (
                row["time_period"],
                row["geographic_level"],
                row["region_code"],
                row["old_la_code"],
            )
            merged.setdefault(key, {}).update(row)
    order = {"National": 0, "Regional": 1, "Local authority": 2}
    return sorted(
        merged.values(),
        key=lambda r: (
            r["time_period"],
            order[r["geographic_level"]],
            r["region_code"],
            r["old_la_code"],
        ),
    )


def neighbours(folder: pathlib.Path, table: Table) -> list[list[str]]:
    """Turn the neighbour file's names into DfE numbers (one row per council)."""
    by_name: dict[str, str] = {}
    for area in table.areas.values():
        if area.level == "local authority":
            for name in area.names:
                by_name[normalise(name)] = area.key
    with (folder / "statistical_neighbours.csv").open(encoding="utf-8-sig") as f:
        grid = [row for row in csv.reader(f) if any(cell.strip() for cell in row)]
    header, rest = grid[0], grid[1:]
    out = []
    for column, name in enumerate(header):
        found = [name, *(row[column] for row in rest)]
        missing = [n for n in found if normalise(n) not in by_name]
        if missing:
            sys.exit(f"no DfE council matches {missing!r}")
        out.append([by_name[normalise(n)] for n in found])
    return out


def main(argv: list[str]) -> int:
    """Write both tables; print what was written."""
    folder = pathlib.Path(argv[0]) if argv else ROOT.parent / "shared" / "data" / "dfe"
    rows = headline(folder)
    columns = [*META_COLUMNS, *(c for kind in KINDS.values() for c in kind.columns)]
    with (OUT / "headline.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows({c: row.get(c, "") for c in columns} for row in rows)
    table = Table(rows, source="check")
    grid = neighbours(folder, table)
    with (OUT / "neighbours.csv").open("w", encoding="utf-8", newline="") as f:
        writer2 = csv.writer(f, lineterminator="\n")
        writer2.writerow(["council", *(f"neighbour_{i}" for i in range(1, 11))])
        writer2.writerows(grid)
    print(f"wrote {len(rows)} headline rows and {len(grid)} councils' neighbours")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
