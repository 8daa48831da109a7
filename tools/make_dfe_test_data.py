"""Copy the part of DfE's EHC plan files that the tests read into tests/data/dfe.

tests/test_dfe_table.py checks the table shipped in sendkit.dfe against DfE's
own files row by row. DfE's files are about 9 MB, so the repository keeps only
what that check reads: each file's headline rows (the ``breakdown_topic`` that
sendkit keeps, `sendkit.dfe.KINDS`) with the columns `sendkit.io.read_dfe_file`
needs, in DfE's order and spelling, values unchanged; and the statistical
neighbour file whole. A fresh clone then runs the check with nothing beside it.

Usage: ``python tools/make_dfe_test_data.py [FOLDER]`` (default
``../shared/data/dfe``, a folder holding DfE's files; see
tests/data/dfe/README.md for their source and licence).
"""

from __future__ import annotations

import csv
import io
import pathlib
import shutil
import sys

from sendkit.dfe._measures import KINDS
from sendkit.dfe._table import META_COLUMNS

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data" / "dfe"
NEIGHBOURS = "statistical_neighbours.csv"


def extract(path: pathlib.Path, kind: str) -> str:
    """The headline rows of DfE's *kind* file, with the columns sendkit reads."""
    spec = KINDS[kind]
    wanted = {"time_period", "geographic_level", "breakdown_topic"}
    wanted |= {*META_COLUMNS, *spec.columns}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        columns = [name for name in reader.fieldnames or () if name in wanted]
        out = io.StringIO()
        writer = csv.DictWriter(
            out, columns, extrasaction="ignore", lineterminator="\n"
        )
        writer.writeheader()
        for row in reader:
            if row["breakdown_topic"].startswith(spec.topic):
                writer.writerow(row)
    return out.getvalue()


def main(argv: list[str]) -> int:
    """Write tests/data/dfe from DfE's files in the folder given (or ../shared)."""
    folder = pathlib.Path(argv[0]) if argv else ROOT.parent / "shared/data/dfe"
    OUT.mkdir(parents=True, exist_ok=True)
    for kind in KINDS:
        text = extract(folder / f"{kind}.csv", kind)
        (OUT / f"{kind}.csv").write_text(text, encoding="utf-8", newline="")
    shutil.copyfile(folder / NEIGHBOURS, OUT / NEIGHBOURS)
    print(f"wrote {OUT.relative_to(ROOT)} from {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
