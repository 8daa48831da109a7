"""Download the pure-Python wheels the add-in needs under Pyodide (xlwings Lite).

xlwings Lite installs packages from PyPI into Pyodide, which can only take
pure-Python (``py3-none-any``) wheels or Pyodide's own builds. This script
fetches exactly such wheels with pip, for the same versions as the running
environment, into ``wheels/`` beside it (a cache, not committed). sendkit and
sendkit_excel themselves are copied in from the source tree by the runner.

    python excel_addin/pyodide/fetch_wheels.py [--dest DIR]

It is quick when the wheels are already there: a stamp file records the
requirement list they were fetched for.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import pathlib
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
#: Pyodide 314 runs Python 3.14.
PYODIDE_PYTHON = "3.14"
#: What sendkit and the add-in import at run time, plus xlwings itself
#: (xlwings Lite ships its own; the test needs one to run the Office.js path).
PACKAGES = ("xlwings", "attrs", "holidays", "python-dateutil", "six", "openpyxl")


def requirements() -> list[str]:
    """Return ``name==version`` for each package, pinned to this environment."""
    return [f"{name}=={importlib.metadata.version(name)}" for name in PACKAGES]


def fetch(dest: pathlib.Path) -> list[pathlib.Path]:
    """Download the wheels into *dest* unless the stamp says they are there."""
    wanted = requirements()
    stamp = dest / "requirements.stamp"
    if stamp.is_file() and stamp.read_text(encoding="utf-8").split() == wanted:
        return sorted(dest.glob("*.whl"))
    dest.mkdir(parents=True, exist_ok=True)
    for old in dest.glob("*.whl"):
        old.unlink()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--disable-pip-version-check",
            "--quiet",
            "--only-binary=:all:",
            "--platform",
            "any",
            "--python-version",
            PYODIDE_PYTHON,
            "--implementation",
            "py",
            "--dest",
            str(dest),
            *wanted,
        ],
        check=True,
    )
    stamp.write_text("\n".join(wanted) + "\n", encoding="utf-8")
    return sorted(dest.glob("*.whl"))


def main(argv: list[str] | None = None) -> int:
    """Fetch the wheels and list them."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dest", type=pathlib.Path, default=HERE / "wheels")
    args = parser.parse_args(argv)
    for wheel in fetch(args.dest):
        print(wheel.name)  # noqa: T201
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
