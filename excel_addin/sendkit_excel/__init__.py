"""sendkit as Excel formulas: the add-in's importable package.

* `sendkit_excel.coerce` reads cell values as Excel hands them over (no
  xlwings import, fully tested on Linux).
* `sendkit_excel.functions` holds the formulas (``SK_WORKDAY``, ...), the only
  module that imports xlwings.

Classic xlwings: set *UDF Modules* to ``sendkit_excel.functions``.
xlwings Lite: ``from sendkit_excel.functions import *`` in ``main.py``.
"""
