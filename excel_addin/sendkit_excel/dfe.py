"""Excel formulas for DfE's published EHC figures: SK_DFE and SK_NEIGHBOURS.

Registered in `sendkit_excel.FORMULA_MODULES`; follows
`sendkit_excel.functions`' conventions. An error cell in any argument gives
that error back (``#N/A`` in, ``#N/A`` out); a council, measure or year
that cannot be read is ``#VALUE!`` (the message on hover in xlwings Lite and
from ``SK_WHY``). ``SK_DFE`` takes a range of councils (or of measures or
years) and answers row by row, so ``=SK_DFE(SK_NEIGHBOURS(A2), "plans_issued",
2024)`` spills a figure for each neighbour; a bad row is an error value in its
own cell. An empty (or 0) council gives an empty cell.

A figure DfE does not publish comes back as the text ``not published (x)``
(or ``c``, ``z``, ``low``), never as 0, and a rate sendkit worked out
from DfE's counts comes back as text marked ``*`` (``22.8%*``), so a SUM or
AVERAGE over a range cannot silently count it.

Council names are not children's data, so a name that matches nothing is
named in the message with the nearest councils.
"""

from __future__ import annotations

from typing import Any, Final

from xlwings import func

from . import coerce
from .functions import _cells, _excel_errors, arg

__all__ = ["sk_dfe", "sk_neighbours"]


def _dfe() -> Any:
    from sendkit import dfe  # imported on first use: a faster Lite start

    return dfe


@func
@_excel_errors
@arg(
    "la",
    ndim=2,
    doc="Council name, DfE number (830) or ONS code; England or a region; or a range.",
)
@arg("measure", ndim=2, doc="e.g. pc_within_20_weeks, plans_issued; or a range.")
@arg(
    "dfe_year",
    ndim=2,
    doc="Calendar year (empty or 0: the latest DfE has); or a range.",
)
def sk_dfe(la, measure, dfe_year=None):
    """A published DfE EHC figure for a council, region or England."""
    dfe = _dfe()
    table = dfe.shipped_table()

    def figure(area_cell: object, measure_cell: object, year_cell: object) -> Any:
        area = dfe.find_area(str(coerce.to_text(area_cell, "la")))
        key = str(coerce.to_text(measure_cell, "measure")).strip().lower()
        if key not in dfe.MEASURES:
            msg = f"unknown measure; one of: {', '.join(dfe.MEASURES)}"
            raise coerce.ExcelInputError(msg)
        when = coerce.to_int(year_cell, "dfe_year", 0) or table.latest_year(key)
        if when not in table.years:
            msg = f"no DfE figures for {when}: {table.years[0]}-{table.years[-1]}"
            raise coerce.ExcelInputError(msg)
        found = table.figure(area.key, key, when)
        if found.value is None or found.computed:
            return found.text
        return found.value

    return _cells(figure, [la, measure, dfe_year], ["la", "measure", "dfe_year"])


@func
@_excel_errors
@arg("la", doc="Council name, DfE number (830) or ONS code.")
def sk_neighbours(la):
    """A council's ten statistical neighbours [S], nearest first, as a column that spills."""
    dfe = _dfe()
    if coerce.is_blank(coerce.scalar(la, "la")):
        return ""
    council = dfe.find_council(str(coerce.to_text(la, "la")))
    found = dfe.neighbours(council)
    if not found:
        msg = f"no statistical neighbours listed for {council.name}"
        raise coerce.ExcelInputError(msg)
    return [[area.name] for area in found]


#: Worked examples for the workbooks: (what it shows, formula with {r} for the
#: row and B-E for the argument cells, values of B-E).
EXCEL_EXAMPLES: Final = (
    (
        "DfE: Derbyshire's plans within 20 weeks, 2024 (%)",
        "SK_DFE(B{r}, C{r}, D{r})",
        ("Derbyshire", "pc_within_20_weeks", 2024),
    ),
    (
        "DfE: England's plans within 20 weeks, 2024 (%)",
        "SK_DFE(B{r}, C{r}, D{r})",
        ("England", "pc_within_20_weeks", 2024),
    ),
    (
        "DfE: new plans issued by council 830 (Derbyshire), 2024",
        "SK_DFE(B{r}, C{r}, D{r})",
        ("830", "plans_issued", 2024),
    ),
    (
        "DfE: a figure DfE did not publish is text, never 0",
        "SK_DFE(B{r}, C{r}, D{r})",
        ("England", "pc_assessments_not_issued", 2019),
    ),
    (
        "statistical neighbours: Derbyshire's nearest",
        "INDEX(SK_NEIGHBOURS(B{r}), 1, 1)",
        ("Derbyshire",),
    ),
)

#: Error cell, blank and bad value for each formula, for the workbooks'
#: "Errors and blanks" sheet (the shape of ``caseload.EXCEL_ERROR_CASES``).
EXCEL_ERROR_CASES: Final = (
    ("SK_DFE: #N/A as the council gives #N/A", "=NA()", "plans_issued", 2024, None,
     "SK_DFE(B{r}, C{r}, D{r})", "#N/A"),
    ("SK_DFE: an empty council gives an empty cell", None, "plans_issued", 2024, None,
     "SK_DFE(B{r}, C{r}, D{r})", ""),
    ("SK_DFE: a council that matches nothing gives #VALUE!", "Derbyshyre",
     "plans_issued", 2024, None, "SK_DFE(B{r}, C{r}, D{r})", "#VALUE!"),
    ("SK_DFE: an unknown measure gives #VALUE!", "Derbyshire", "plans", 2024, None,
     "SK_DFE(B{r}, C{r}, D{r})", "#VALUE!"),
    ("SK_DFE: #N/A as the dfe_year gives #N/A", "Derbyshire", "plans_issued", "=NA()",
     None, "SK_DFE(B{r}, C{r}, D{r})", "#N/A"),
    ("SK_DFE: a year DfE has no figures for gives #VALUE!", "Derbyshire",
     "plans_issued", 2031, None, "SK_DFE(B{r}, C{r}, D{r})", "#VALUE!"),
    ("SK_NEIGHBOURS: #N/A as the council gives #N/A", "=NA()", None, None, None,
     "SK_NEIGHBOURS(B{r})", "#N/A"),
    ("SK_NEIGHBOURS: an empty council gives an empty cell", None, None, None, None,
     "SK_NEIGHBOURS(B{r})", ""),
    ("SK_NEIGHBOURS: England is not a council: #VALUE!", "England", None, None,
     None, "SK_NEIGHBOURS(B{r})", "#VALUE!"),
)  # fmt: skip
