"""Excel formulas for DfE's published EHC figures: SK_DFE and SK_NEIGHBOURS.

Follows `sendkit_excel.functions`' conventions (unannotated parameters,
coercion inside, a bad call is ``ERROR: ...`` in classic xlwings and
``#VALUE!`` with the message in Lite). Not registered here: the add-in's
registration point picks this module up.

A figure DfE does not publish comes back as the text ``not published (x)``
(or ``c``, ``z``, ``low``), never as 0, and a rate sendkit worked out
from DfE's counts comes back as text marked ``*`` (``22.8%*``), so a SUM or AVERAGE over a range
cannot silently count it.
"""

from __future__ import annotations

from xlwings import arg, func

from sendkit import dfe

from . import coerce
from .functions import _excel_errors

__all__ = ["sk_dfe", "sk_neighbours"]


@func
@_excel_errors
@arg("la", doc="Council name, DfE number (830) or ONS code; or England, or a region.")
@arg("measure", doc="e.g. pc_within_20_weeks, plans_issued, pc_requests_refused.")
@arg("year", doc="Calendar year (default: the latest DfE has).")
def sk_dfe(la, measure, year=None):
    """A published DfE EHC figure for a council, region or England.

    Examples:
        >>> sk_dfe("Derbyshire", "pc_within_20_weeks", 2024)
        35.7
        >>> sk_dfe("830", "plans_issued", 2024)
        1253.0
        >>> sk_dfe("England", "pc_assessments_not_issued", 2019)
        'not published (x)'
        >>> sk_dfe("England", "pc_requests_refused", 2019)  # worked out, marked *
        '22.8%*'
    """
    area = dfe.find_area(str(coerce.to_text(la, "la")))
    key = str(coerce.to_text(measure, "measure")).strip()
    if key not in dfe.MEASURES:
        msg = f"unknown measure {key!r}; one of: {', '.join(dfe.MEASURES)}"
        raise coerce.ExcelInputError(msg)
    table = dfe.shipped_table()
    when = coerce.to_int(year, "year", table.latest_year(key))
    if when not in table.years:
        msg = f"no DfE figures for {when}: {table.years[0]}-{table.years[-1]}"
        raise coerce.ExcelInputError(msg)
    figure = table.figure(area.key, key, when)
    if figure.value is None or figure.computed:
        return figure.text
    return figure.value


@func
@_excel_errors
@arg("la", doc="Council name, DfE number (830) or ONS code.")
def sk_neighbours(la):
    """A council's ten statistical neighbours [S], nearest first, as a column that spills.

    Examples:
        >>> sk_neighbours("Derbyshire")[:2]
        [['Nottinghamshire'], ['Somerset']]
    """
    council = dfe.find_council(str(coerce.to_text(la, "la")))
    found = dfe.neighbours(council)
    if not found:
        msg = f"no statistical neighbours listed for {council.name}"
        raise coerce.ExcelInputError(msg)
    return [[area.name] for area in found]
