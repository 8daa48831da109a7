"""Run mutation testing on the calendar, rule engine, EHC measure and plan RAG; print scores.

How to run (from the repository root, after ``pip install -e '.[mutate]'``)::

    nice -n 19 .venv/bin/python tools/mutate.py            # mutmut run, then the table
    .venv/bin/python tools/mutate.py --report-only          # the table of the last run
    nice -n 19 .venv/bin/python tools/mutate.py --rerun-survivors  # after adding tests
    nice -n 19 .venv/bin/python tools/mutate.py --max-children 2

What is mutated and which tests run are configured in ``[tool.mutmut]`` in
pyproject.toml: ``src/sendkit/calendars.py``, ``src/sendkit/rules/_engine.py``,
``src/sendkit/ehc/_measure.py`` (the EHC timeliness measure) and
``src/sendkit/plans/_model.py`` (the plan model, whose rating and progress
functions, the plan RAG derivation, get a row of their own), against the
calendar, rule, EHC measure and plan tests and the doctests of README.md and
the guides to them. mutmut keeps its state in
``mutants/`` (git-ignored), so a second run only re-tests what changed;
``--rerun-survivors`` re-tests, by name, every mutant the last run did not
catch (use it after adding tests: mutmut keeps earlier verdicts otherwise).

The score of a file is (killed + timed out) / all mutants of that file, as
mutmut counts them. Mutants listed by name in tests/mutation/EQUIVALENT.md are
equivalent to the original (no test can tell them apart); a second score
leaves them out. A file with a survivor that is not on that list prints it,
so the list stays honest.

Exit status: 0 when the run finished, whatever the score; 1 when mutmut failed.
"""

from __future__ import annotations

import argparse
import pathlib
import re
import shutil
import subprocess
import sys
from collections import Counter

ROOT = pathlib.Path(__file__).resolve().parent.parent
EQUIVALENT = ROOT / "tests" / "mutation" / "EQUIVALENT.md"

#: The files measured, by the module prefix mutmut gives their mutants.
FILES = {
    "sendkit.calendars.": "src/sendkit/calendars.py",
    "sendkit.rules._engine.": "src/sendkit/rules/_engine.py",
    "sendkit.ehc._measure.": "src/sendkit/ehc/_measure.py",
    "sendkit.plans._model.": "src/sendkit/plans/_model.py",
}

#: Rows for part of a file, by the mutant-name prefixes of its functions: the
#: plan RAG derivation is the rating and progress-report code of the plan
#: model, which also holds the plan's plain data classes.
PARTS = {
    "  of which plan RAG derivation": tuple(
        f"sendkit.plans._model.{name}__mutmut_"
        for name in (
            "xǁActionǁstatus_on",
            "xǁActionǁoverride_on",
            "xǁActionǁlatest_update",
            "xǁActionǁlast_touched",
            "xǁActionǁassess",
            "xǁActionǁ_assess",
            "x__derive",
            "xǁActionPlanǁstatus",
            "x_plan_status",
            "x_rag_history",
            "x__non_negative",
        )
    ),
}

_RESULT = re.compile(r"^\s*(?P<name>\S+__mutmut_\d+): (?P<status>.+?)\s*$")
_LISTED = re.compile(r"`(?P<name>[\w.]+__mutmut_\d+)`")

#: mutmut statuses that count as the tests noticing the mutant.
_CAUGHT = {"killed", "timeout", "caught by type check"}


def _mutmut() -> str:
    found = shutil.which("mutmut", path=str(pathlib.Path(sys.executable).parent))
    if found is None:
        sys.exit("mutmut is not installed: pip install -e '.[mutate]'")
    return found


def _results(saved: pathlib.Path | None = None) -> dict[str, str]:
    """Every mutant's status, by mutant name: from the last run, or a saved list.

    A saved list is the output of ``mutmut results --all true`` (one
    ``name: status`` line per mutant), such as tests/mutation/results.txt.
    """
    if saved is not None:
        out = saved.read_text(encoding="utf-8")
    else:
        out = subprocess.run(
            [_mutmut(), "results", "--all", "true"],
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    found = {}
    for line in out.splitlines():
        match = _RESULT.match(line)
        if match:
            found[match["name"]] = match["status"]
    return found


def _equivalent() -> set[str]:
    if not EQUIVALENT.is_file():
        return set()
    return set(_LISTED.findall(EQUIVALENT.read_text(encoding="utf-8")))


def report(results: dict[str, str], equivalent: set[str]) -> list[str]:
    """The score table, one line per file that has mutants, and unlisted survivors."""
    header = (
        f"{'file':<32} {'mutants':>7} {'killed':>7} {'timeout':>7} {'survived':>8} "
        f"{'other':>5} {'score':>6} {'equiv':>5} {'score*':>6}"
    )
    lines = [header]
    unlisted: list[str] = []
    rows: list[tuple[str, tuple[str, ...], bool]] = []
    for prefix, path in FILES.items():
        rows.append((path, (prefix,), True))
        rows += [
            (label, prefixes, False)
            for label, prefixes in PARTS.items()
            if all(p.startswith(prefix) for p in prefixes)
        ]
    for path, prefixes, whole in rows:
        mine = {n: s for n, s in results.items() if n.startswith(prefixes)}
        if not mine:
            continue
        count = Counter(mine.values())
        total = len(mine)
        caught = sum(count[s] for s in _CAUGHT)
        survived = count["survived"]
        other = total - caught - survived
        equiv = {n for n, s in mine.items() if s != "killed" and n in equivalent}
        score = 100 * caught / total
        rest = total - len(equiv)
        score_equiv = 100 * caught / rest if rest else 100.0
        lines.append(
            f"{path:<32} {total:>7} {count['killed'] + count['caught by type check']:>7} "
            f"{count['timeout']:>7} {survived:>8} {other:>5} {score:>5.1f}% "
            f"{len(equiv):>5} {score_equiv:>5.1f}%"
        )
        if whole:
            unlisted += sorted(
                n for n, s in mine.items() if s not in _CAUGHT and n not in equivalent
            )
    lines.append(
        "score = (killed + timeout) / mutants; score* leaves out the mutants "
        f"listed in {EQUIVALENT.relative_to(ROOT)}"
    )
    if unlisted:
        lines.append(f"{len(unlisted)} not caught and not listed as equivalent:")
        lines += [f"  {name}: {results[name]}" for name in unlisted]
    return lines


def main(argv: list[str] | None = None) -> int:
    """Run mutmut (unless --report-only) and print the per-file table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--report-only", action="store_true", help="print the last run's table"
    )
    parser.add_argument(
        "--rerun-survivors",
        action="store_true",
        help="re-test every mutant the last run did not catch",
    )
    parser.add_argument(
        "--max-children", type=int, default=1, help="parallel mutmut workers"
    )
    parser.add_argument(
        "--results",
        type=pathlib.Path,
        metavar="FILE",
        help="print the table of a saved `mutmut results --all true` list "
        "(implies --report-only)",
    )
    args = parser.parse_args(argv)
    if args.results is not None:
        print("\n".join(report(_results(args.results), _equivalent())))
        return 0
    names: list[str] = []
    if args.rerun_survivors:
        names = sorted(
            name
            for name, status in _results().items()
            if status not in _CAUGHT and status != "not checked"
        )
        print(f"re-testing {len(names)} mutants not caught by the last run")
    if not args.report_only:
        run = subprocess.run(
            [_mutmut(), "run", "--max-children", str(args.max_children), *names],
            cwd=ROOT,
            check=False,
        )
        if run.returncode != 0:
            print(f"mutmut run failed with exit status {run.returncode}")
            return 1
    print("\n".join(report(_results(), _equivalent())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
