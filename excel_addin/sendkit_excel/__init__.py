"""sendkit as Excel formulas: the add-in's importable package.

* `sendkit_excel.coerce` reads cell values as Excel hands them over (no
  xlwings import, fully tested on Linux).
* `sendkit_excel.functions` holds the working-day, rule, inspection, plan
  and EHC formulas (``SK_WORKDAY``, ...).
* `sendkit_excel.caseload` holds the review and phase-transfer formulas
  (``SK_NEXT_REVIEW``, ...); `sendkit_excel.dfe` DfE's published figures
  (``SK_DFE``, ``SK_NEIGHBOURS``).
* `sendkit_excel.formulas` gathers the formulas of every module in
  `FORMULA_MODULES`: it is the one module Excel is pointed at.

Classic xlwings: set *UDF Modules* to ``sendkit_excel.formulas``.
xlwings Lite: ``from sendkit_excel.formulas import *`` in ``main.py``.

A new formula module is registered by adding its name to `FORMULA_MODULES`;
the Lite ``main.py``, the classic VBA (``python excel_addin/classic/make_vba.py``),
the acceptance workbook and the starter workbook then pick up its formulas. Its formulas wear
``@func`` and ``@functions._excel_errors`` like the others; the module may
define ``EXCEL_EXAMPLES`` and ``EXCEL_ERROR_CASES`` (see
``excel_addin/acceptance/make_workbook.py``, `module_examples`) to give the
workbooks its worked examples and its error, blank and bad-value checks.
"""

from typing import Final

__all__ = ["FORMULA_MODULES"]

#: Every module whose public ``sk_...`` functions are Excel formulas, in the
#: order they are listed in Excel's function wizard and in the workbooks.
FORMULA_MODULES: Final = (
    "sendkit_excel.functions",
    "sendkit_excel.caseload",
    "sendkit_excel.dfe",
)
