"""The layers of sendkit hold: no import cycles and no forbidden arrows.

Every module under ``src/sendkit`` is parsed with :mod:`ast`; every import
statement counts, wherever it sits (module level, inside a function, under
``if``), and relative imports are resolved to the module they name. The
layers (see docs/design.md):

* **core**: ``calendars``, ``dates``, ``errors`` and the domain packages
  ``rules``, ``inspections``, ``plans``, ``ehc`` (and ``dfe`` when present).
  Pure Python, no files: it never imports ``sendkit.io``, ``sendkit.reports``,
  ``sendkit.cli``, openpyxl, xlwings or the add-in.
* **io**: files in and out. May import core; never reports or the CLI.
* **reports**: HTML/SVG pages built from core values. May import core (and
  io's small helpers); never the CLI.
* **cli**: the command line; may import everything, but reads and writes
  files only through ``sendkit.io`` (no csv, openpyxl, zipfile, tempfile, xml).
* **facade**: ``sendkit/__init__.py`` and ``__main__.py``: the public names,
  loaded lazily.

Nothing in ``src/`` imports the Excel add-in (``sendkit_excel``).
"""

from __future__ import annotations

import ast
import json
import pathlib
import subprocess
import sys
import textwrap

import pytest

SRC = pathlib.Path(__file__).resolve().parent.parent / "src"
PACKAGE = "sendkit"

CORE = ("calendars", "dates", "errors", "rules", "inspections", "plans", "ehc", "dfe")
LAYER_OF_TOP = dict.fromkeys(CORE, "core") | {
    "io": "io",
    "reports": "reports",
    "cli": "cli",
    "__init__": "facade",
    "__main__": "facade",
}
#: For each layer, the sendkit layers it may import.
ALLOWED = {
    "core": {"core"},
    "io": {"core", "io"},
    "reports": {"core", "io", "reports"},
    "cli": {"core", "io", "reports", "cli", "facade"},
    "facade": {"core", "io", "facade", "cli"},
}
#: Third-party or stdlib top-level names each layer must never import.
FORBIDDEN_EXTERNAL = {
    # No file code in core: paths, temporary files, archives and XML are io's.
    # (csv stays allowed: sendkit.dfe parses its own shipped table from text.)
    "core": {
        "openpyxl",
        "xlwings",
        "sendkit_excel",
        "argparse",
        "numpy",
        "pandas",
        "pathlib",
        "tempfile",
        "shutil",
        "zipfile",
        "xml",
    },
    "io": {"xlwings", "sendkit_excel", "argparse", "numpy"},
    "reports": {"openpyxl", "xlwings", "sendkit_excel", "argparse", "numpy"},
    # The command line reads and writes files only through sendkit.io.
    "cli": {
        "xlwings",
        "sendkit_excel",
        "csv",
        "openpyxl",
        "zipfile",
        "tempfile",
        "xml",
    },
    "facade": {"openpyxl", "xlwings", "sendkit_excel", "numpy"},
}


def module_name(path: pathlib.Path, root: pathlib.Path = SRC) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def source_modules(root: pathlib.Path = SRC) -> dict[str, tuple[str, bool]]:
    """Map every module name under the package to (source, is_package)."""
    return {
        module_name(path, root): (
            path.read_text(encoding="utf-8"),
            path.name == "__init__.py",
        )
        for path in sorted((root / PACKAGE).rglob("*.py"))
    }


def imported_names(
    module: str, source: str, *, is_package: bool, known: set[str]
) -> set[str]:
    """Every module *module* imports anywhere in its body, relative ones resolved.

    ``from pkg import name`` counts as importing ``pkg.name`` when that is a
    module of the package, and ``pkg`` otherwise. External imports are kept
    by their top-level name.
    """
    package = module if is_package else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                name = alias.name
                found.add(
                    name if name.startswith(f"{PACKAGE}.") else name.split(".")[0]
                )
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                if node.level > 1:
                    base = base[: -(node.level - 1)]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            if target != PACKAGE and not target.startswith(f"{PACKAGE}."):
                found.add(target.split(".")[0])
                continue
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                found.add(sub if sub in known else target)
    found.discard(module)
    return found


def import_graph(modules: dict[str, tuple[str, bool]]) -> dict[str, set[str]]:
    known = set(modules)
    return {
        name: imported_names(name, source, is_package=is_package, known=known)
        for name, (source, is_package) in modules.items()
    }


def layer(module: str) -> str:
    parts = module.split(".")
    top = parts[1] if len(parts) > 1 else "__init__"
    return LAYER_OF_TOP.get(top, "core")


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for succ in sorted(graph.get(node, ())):
            if succ not in graph:
                continue
            if succ not in index:
                visit(succ)
                low[node] = min(low[node], low[succ])
            elif succ in on_stack:
                low[node] = min(low[node], index[succ])
        if low[node] == index[node]:
            component = []
            while True:
                item = stack.pop()
                on_stack.discard(item)
                component.append(item)
                if item == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def forbidden_arrows(graph: dict[str, set[str]]) -> list[str]:
    problems = []
    for module, targets in sorted(graph.items()):
        mine = layer(module)
        for target in sorted(targets):
            if target == PACKAGE or target.startswith(f"{PACKAGE}."):
                theirs = layer(target)
                if theirs not in ALLOWED[mine]:
                    problems.append(f"{module} ({mine}) imports {target} ({theirs})")
            elif target in FORBIDDEN_EXTERNAL[mine]:
                problems.append(f"{module} ({mine}) imports {target}")
    return problems


def problems_in(modules: dict[str, tuple[str, bool]]) -> list[str]:
    graph = import_graph(modules)
    return [
        *(f"import cycle: {' <-> '.join(c)}" for c in cycles(graph)),
        *forbidden_arrows(graph),
    ]


# -- the tree as it is -------------------------------------------------------------


def test_every_module_of_the_package_is_checked():
    modules = source_modules()
    assert len(modules) > 40
    assert {"sendkit.calendars", "sendkit.cli._common", "sendkit.io"} <= set(modules)


def test_there_is_no_import_cycle_between_modules():
    found = [
        f"import cycle: {' <-> '.join(c)}"
        for c in cycles(import_graph(source_modules()))
    ]
    assert found == []


def test_no_layer_imports_what_it_must_not():
    found = forbidden_arrows(import_graph(source_modules()))
    assert found == []


def test_the_domain_packages_do_not_re_export_file_readers():
    graph = import_graph(source_modules())
    for package in ("ehc", "inspections", "plans", "rules", "dfe"):
        found = sorted(
            target
            for module, targets in graph.items()
            if module == f"sendkit.{package}"
            or module.startswith(f"sendkit.{package}.")
            for target in targets
            if target == "sendkit.io" or target.startswith("sendkit.io.")
        )
        assert found == [], (package, found)


def test_the_readers_are_public_from_sendkit_io():
    import sendkit.io

    for name in ("read_cases", "read_inspections", "read_plan", "load_rules"):
        assert name in sendkit.io.__all__
        assert callable(getattr(sendkit.io, name))
    assert len(set(sendkit.io.__all__)) == len(sendkit.io.__all__)
    for name in sendkit.io.__all__:
        assert hasattr(sendkit.io, name), name


def test_the_plan_model_and_its_status_report_do_not_import_each_other():
    graph = import_graph(source_modules())
    assert "sendkit.plans._status" not in graph.get("sendkit.plans._model", set())


# -- the checker catches what it should ----------------------------------------------


def _with(name: str, extra: str) -> dict[str, tuple[str, bool]]:
    modules = source_modules()
    source, is_package = modules[name]
    modules[name] = (source + "\n\n" + textwrap.dedent(extra), is_package)
    return modules


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ("import openpyxl\n", "sendkit.calendars (core) imports openpyxl"),
        ("import xlwings\n", "sendkit.calendars (core) imports xlwings"),
        (
            "from .cli import _common\n",
            "sendkit.calendars (core) imports sendkit.cli._common (cli)",
        ),
        (
            "def later():\n    from .io import _sheets\n",
            "sendkit.calendars (core) imports sendkit.io._sheets (io)",
        ),
        (
            "def later():\n    from . import reports\n",
            "sendkit.calendars (core) imports sendkit.reports (reports)",
        ),
        ("import sendkit_excel.functions\n", "imports sendkit_excel"),
        ("import pathlib\n", "sendkit.calendars (core) imports pathlib"),
        (
            "def later():\n    import zipfile\n",
            "sendkit.calendars (core) imports zipfile",
        ),
    ],
)
def test_a_forbidden_import_added_to_calendars_is_caught(extra, expected):
    found = problems_in(_with("sendkit.calendars", extra))
    assert any(expected in problem for problem in found), found


def test_a_relative_import_two_levels_up_is_resolved():
    found = problems_in(
        _with("sendkit.rules._engine", "def f():\n    from ..cli._common import x\n")
    )
    assert "sendkit.rules._engine (core) imports sendkit.cli._common (cli)" in found


def test_a_function_level_cycle_is_caught():
    found = problems_in(
        _with("sendkit.dates", "def f():\n    from .calendars import calendar_for\n")
    )
    assert any(
        p.startswith("import cycle:")
        and "sendkit.calendars" in p
        and "sendkit.dates" in p
        for p in found
    ), found


def test_the_add_in_is_imported_by_nothing_in_src():
    found = problems_in(_with("sendkit.cli._common", "import sendkit_excel\n"))
    assert "sendkit.cli._common (cli) imports sendkit_excel" in found


# -- what `import sendkit` loads -----------------------------------------------------

HEAVY = (
    "csv",
    "zipfile",
    "xml",
    "tomllib",
    "html",
    "json",
    "random",
    "openpyxl",
    "argparse",
    "sendkit.io",
    "sendkit.reports",
    "sendkit.cli",
    "sendkit.plans",
    "sendkit.inspections",
    "sendkit.ehc",
    "sendkit.rules",
    "holidays",  # the shipped table answers while it matches the installed holidays
    "importlib.metadata",
)


def _loaded_after(code: str) -> set[str]:
    script = f"import sys\n{code}\nloaded = sorted(sys.modules)\nimport json\nprint(json.dumps(loaded))"
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    return set(json.loads(out.splitlines()[-1]))


def _heavy_loaded(code: str) -> list[str]:
    loaded = _loaded_after(code)
    return sorted(name for name in HEAVY if name in loaded)


def test_import_sendkit_loads_only_the_calendar():
    assert _heavy_loaded("import sendkit") == []


def test_the_first_working_day_sum_loads_no_files_code():
    code = "import datetime, sendkit\nsendkit.add_working_days(datetime.date(2025, 4, 15), 5)"
    assert _heavy_loaded(code) == []


def test_the_io_layer_loads_openpyxl_only_when_a_workbook_is_read():
    loaded = _loaded_after("import sendkit.io\nimport sendkit\nsendkit.read_plan")
    assert "sendkit.io" in loaded
    assert "openpyxl" not in loaded


def test_a_public_name_loads_its_subpackage_on_first_use():
    loaded = _loaded_after("import sendkit\nsendkit.due_date")
    assert "sendkit.rules" in loaded
    assert "sendkit.plans" not in loaded


# -- the calendar travels as one value ------------------------------------------------


def functions_taking_both(modules: dict[str, tuple[str, bool]]) -> list[str]:
    """Functions with a `WorkingCalendar` parameter and a region or closures one too."""
    found = []
    for module, (source, _) in sorted(modules.items()):
        for node in ast.walk(ast.parse(source)):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            args = [*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs]
            names = {a.arg for a in args}
            takes_calendar = any(
                a.annotation is not None
                and "WorkingCalendar" in ast.unparse(a.annotation)
                for a in args
            )
            if takes_calendar and names & {"region", "closures"}:
                found.append(f"{module}.{node.name}")
    return found


def test_no_function_takes_both_a_calendar_and_region_or_closures():
    assert functions_taking_both(source_modules()) == []


def test_a_function_taking_both_is_caught():
    extra = (
        "def bad(calendar: WorkingCalendar, *, closures: Iterable[dt.date] = ()):\n"
        "    return calendar\n"
    )
    assert "sendkit.calendars.bad" in functions_taking_both(
        _with("sendkit.calendars", extra)
    )
