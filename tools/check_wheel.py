"""Build sendkit's wheel and try it the way an officer's PC gets it.

Builds the wheel from this checkout, installs it with the ``excel`` extra into
a fresh virtual environment in a temporary folder outside the checkout, and,
from that folder, runs the add-in's formulas (through
``sendkit_excel.formulas``, the module Excel is pointed at) and
``sendkit demo``. It fails if anything is imported from the checkout instead of
the installed wheel, or if the wheel's version is not pyproject's.

    python tools/check_wheel.py [--keep]

pip's own cache is used for the wheel's dependencies, so a second run takes
seconds. Called by ``./dev test``.
"""

from __future__ import annotations

import argparse
import pathlib
import shutil
import subprocess
import sys
import tempfile
import tomllib
import venv

ROOT = pathlib.Path(__file__).resolve().parent.parent

#: Run inside the fresh environment, from a folder outside the checkout.
PROBE = """
import datetime as dt, json, pathlib, sys
import sendkit, sendkit_excel
from sendkit_excel import formulas
root = pathlib.Path(sys.argv[1])
for module in (sendkit, sendkit_excel, formulas):
    assert root not in pathlib.Path(module.__file__).resolve().parents, module.__file__
easter = formulas.sk_workday(dt.datetime(2025, 4, 15), 5.0)
assert easter == dt.date(2025, 4, 24), easter
assert formulas.sk_networkdays("05/02/2025", "19/02/2025") == 11
assert formulas.sk_workday([[45762], ["#N/A"]], 5) == [[dt.date(2025, 4, 24)], ["#N/A"]]
assert formulas.sk_next_review(dt.datetime(2024, 3, 15)) == dt.date(2025, 3, 14)
# DfE's table is package data: it must be inside the wheel.
assert formulas.sk_dfe("Derbyshire", "pc_within_20_weeks", 2024) == 35.7
info = dict(map(tuple, formulas.sk_calendar_info()[1:]))
print(json.dumps({
    "version": sendkit.__version__,
    "formulas": len(formulas.__all__),
    "last_announced_year": info["last announced year"],
    "holidays": info["holidays package version"],
}))
"""


def _run(args: list[str], cwd: pathlib.Path) -> str:
    result = subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.stderr.write(result.stdout[-2000:] + result.stderr[-3000:])
        msg = f"failed ({result.returncode}): {' '.join(args)}"
        raise SystemExit(msg)
    return result.stdout


def check(work: pathlib.Path) -> str:
    """Build, install and try the wheel in *work*; return a one-line summary."""
    version = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"][
        "version"
    ]
    dist = work / "dist"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    _run([*pip, "wheel", str(ROOT), "--no-deps", "-w", str(dist)], cwd=work)
    wheels = sorted(dist.glob("sendkit_england-*.whl"))
    if len(wheels) != 1 or f"-{version}-" not in wheels[0].name:
        msg = f"expected one wheel of version {version}, got {[w.name for w in wheels]}"
        raise SystemExit(msg)
    env = work / "venv"
    venv.create(env, with_pip=True)
    python = env / ("Scripts" if sys.platform == "win32" else "bin") / "python"
    _run(
        [
            str(python),
            "-m",
            "pip",
            "--disable-pip-version-check",
            "-q",
            "install",
            f"{wheels[0]}[excel]",
        ],
        cwd=work,
    )
    probe = _run([str(python), "-c", PROBE, str(ROOT)], cwd=work).strip()
    if f'"version": "{version}"' not in probe:
        msg = f"the installed sendkit reports another version: {probe}"
        raise SystemExit(msg)
    demo = _run([str(python.with_name("sendkit")), "demo"], cwd=work)
    if "Nottinghamshire" not in demo:
        raise SystemExit("sendkit demo from the wheel printed no walkthrough")
    return f"{wheels[0].name}: installed with [excel] outside the checkout; {probe}; demo ok"


def main(argv: list[str] | None = None) -> int:
    """Run the check in a temporary folder (kept with ``--keep``)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true", help="keep the folder")
    args = parser.parse_args(argv)
    work = pathlib.Path(tempfile.mkdtemp(prefix="sendkit-wheel-"))
    try:
        print(check(work))
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
