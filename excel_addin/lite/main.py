"""xlwings Lite: sendkit's formulas in this workbook.

Paste this file into the workbook's ``main.py`` tab and ``requirements.txt``
into its ``requirements.txt`` tab, then restart xlwings Lite. The formulas
(``=SK_WORKDAY(A2, 35)`` and the rest) are then available in the workbook.
xlwings Lite registers every decorated function found in ``main.py``; the
star import puts them all there. No logic lives here.
"""

from sendkit_excel import functions
from sendkit_excel.functions import *  # noqa: F403 - registers every formula

# The module itself stays reachable (main.functions.RUNTIME says which runtime).
__all__ = ["functions"]
