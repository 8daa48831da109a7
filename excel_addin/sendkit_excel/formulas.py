"""Every sendkit formula, gathered from the modules in `FORMULA_MODULES`.

The one module Excel is pointed at: classic xlwings' *UDF Modules* setting
and the ``from sendkit_excel.formulas import *`` line of a Lite ``main.py``.
Each formula is the function its own module defines, unchanged, except that
every parameter is made to hand over error cells as their text (xlwings'
``err_to_str``): an error cell must never reach a formula as an empty one,
whoever wrote the module.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from . import FORMULA_MODULES


def _formulas() -> dict[str, Callable[..., Any]]:
    found: dict[str, Callable[..., Any]] = {}
    for module_name in FORMULA_MODULES:
        module = importlib.import_module(module_name)
        for name in module.__all__:
            if not name.startswith("sk_"):
                continue
            if name in found:
                msg = f"formula {name} is defined twice ({module_name})"
                raise ImportError(msg)
            formula = getattr(module, name)
            for info in getattr(formula, "__xlfunc__", {}).get("args", []):
                info["options"]["err_to_str"] = True
            found[name] = formula
    return found


_FOUND = _formulas()
globals().update(_FOUND)
__all__ = sorted(_FOUND)  # noqa: PLE0605 - built from the registered modules
