"""The public API and the shape of the package."""

from __future__ import annotations

import ast
import pathlib

import sendkit

SRC = pathlib.Path(sendkit.__file__).parent


def test_all_is_sorted_and_resolves():
    """__all__ is sorted, unique, and every name exists."""

    # ruff's isort-style order: CONSTANTS, then Classes, then functions.
    def key(name: str) -> tuple[bool, bool, str]:
        return (not name.isupper(), not name[0].isupper(), name)

    assert list(sendkit.__all__) == sorted(sendkit.__all__, key=key)
    assert len(set(sendkit.__all__)) == len(sendkit.__all__)
    for name in sendkit.__all__:
        assert getattr(sendkit, name) is not None


def test_version_comes_from_the_metadata():
    """__version__ is the installed version."""
    assert sendkit.__version__.count(".") >= 1


def test_py_typed_is_shipped():
    """The package declares its type hints."""
    assert (SRC / "py.typed").exists()


# Modules that only the edges may import: files, spreadsheets, Excel, the shell.
EDGE_ONLY = {"argparse", "xlwings", "numpy", "pandas", "requests"}
CORE_MODULES = ["calendars.py", "dates.py", "errors.py"]


def _imports(path: pathlib.Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_core_stays_free_of_edges():
    """The core never imports the CLI, Excel or numpy."""
    for name in CORE_MODULES:
        assert not (_imports(SRC / name) & EDGE_ONLY), name


def test_no_module_reads_the_clock():
    """No library module calls date.today() or datetime.now() (take as_of)."""
    for path in SRC.rglob("*.py"):
        if "cli" in path.parts:
            continue  # the command line may default --as-of visibly
        text = path.read_text(encoding="utf-8")
        assert "date.today()" not in text, path
        assert "datetime.now(" not in text, path


def test_nothing_imports_xlwings_or_numpy():
    """The package runs without xlwings or numpy (it must run in Pyodide)."""
    for path in SRC.rglob("*.py"):
        assert not (_imports(path) & {"xlwings", "numpy", "pandas"}), path
