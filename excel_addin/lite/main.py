"""xlwings Lite: sendkit's formulas in this workbook.

Paste this file into the workbook's ``main.py`` tab and ``requirements.txt``
into its ``requirements.txt`` tab, then restart xlwings Lite. The formulas
(``=SK_WORKDAY(A2, 35)`` and the rest) are then available in the workbook.
xlwings Lite registers every decorated function found in ``main.py``; the
star import puts every registered sendkit formula there
(``sendkit_excel.FORMULA_MODULES``). No logic lives here.
"""

from sendkit_excel import functions
from sendkit_excel.formulas import *  # noqa: F403 - registers every formula

# A workbook in the 1904 date system (File > Options > Advanced) must say so:
# xlwings Lite does not tell Python. Uncomment the next line in such a workbook.
# functions.set_date_system(1904)  # noqa: ERA001 - a line to uncomment

# The module itself stays reachable (main.functions.RUNTIME says which runtime).
__all__ = ["functions"]
