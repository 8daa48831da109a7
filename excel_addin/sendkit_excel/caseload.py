"""Excel formulas for single-case caseload questions: reviews and phase transfers.

Registered in `sendkit_excel.FORMULA_MODULES`, so Excel reaches these
through `sendkit_excel.formulas`. Conventions are those of
`sendkit_excel.functions`: a cell or a range in, the answer (or a range of
answers) out. An error cell in any argument gives that error back (``#N/A``
in, ``#N/A`` out); any other bad single call is ``#VALUE!`` (with the
message on hover in xlwings Lite, and from ``SK_WHY``); in a range, a bad row
is an error value in its own cell and the other rows keep their answers. An
empty (or 0) first argument gives an empty cell.

``EXCEL_EXAMPLES`` and ``EXCEL_ERROR_CASES`` are the worked examples and
the error, blank and bad-value checks that the acceptance and starter
workbooks show for these formulas.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Final

from xlwings import func

from . import coerce
from .functions import _cells, _excel_errors, arg

__all__ = ["sk_next_review", "sk_phase_transfer_due", "sk_review_notice_by"]

_TRANSFER_MONTH: Final = 9  # a transfer between phases is taken as 1 September
_FIRST_TRANSFER_YEAR: Final = 2015  # the SEND Regulations 2014 apply from then
_LAST_TRANSFER_YEAR: Final = 9998  # the year before Excel's last date


def _deadline(code: str, start: dt.date) -> dt.date:
    import sendkit  # imported on first use: a faster Lite start

    due: dt.date = sendkit.deadline(code, start).due
    return due


@func
@_excel_errors
@arg("plan_date", ndim=2, doc="The date the EHC plan was made (StartDate), or a range.")
@arg("last_review", ndim=2, doc="The date of the last review; empty if none yet.")
def sk_next_review(plan_date, last_review=None):
    """Last day for the next annual review: 12 months starting with the plan or last review (s44)."""

    def due(made: object, last: object) -> Any:
        start = coerce.to_date(made, "plan_date")
        reviewed = coerce.to_date(last, "last_review", None)
        if reviewed is not None and reviewed < start:
            msg = "last_review is before plan_date"
            raise coerce.ExcelInputError(msg)
        return _deadline("ehc.review.annual", reviewed or start)

    return _cells(due, [plan_date, last_review], ["plan_date", "last_review"])


@func
@_excel_errors
@arg(
    "transfer_year", ndim=2, doc="Calendar year of the move between phases, or a range."
)
@arg(
    "post_16", doc="TRUE for secondary school to post-16 (31 March); else 15 February."
)
def sk_phase_transfer_due(transfer_year, post_16=None):
    """Last day to review and amend the plan before a phase transfer (reg 18(1))."""
    to_post_16 = coerce.to_flag(post_16, "post_16", default=False)
    code = "ehc.phase-transfer.post-16" if to_post_16 else "ehc.phase-transfer"

    def due(year: object) -> Any:
        number = coerce.to_int(year, "transfer_year")
        if not _FIRST_TRANSFER_YEAR <= number <= _LAST_TRANSFER_YEAR:
            msg = (
                f"transfer_year must be a year from {_FIRST_TRANSFER_YEAR} "
                f"to {_LAST_TRANSFER_YEAR}"
            )
            raise coerce.ExcelInputError(msg)
        return _deadline(code, dt.date(number, _TRANSFER_MONTH, 1))

    return _cells(due, [transfer_year], ["transfer_year"])


@func
@_excel_errors
@arg("meeting_date", ndim=2, doc="The review meeting's date, or a range.")
def sk_review_notice_by(meeting_date):
    """Last day to give notice of a review meeting (and circulate advice): 2 weeks, clear days."""

    def due(meeting: object) -> Any:
        return _deadline(
            "ehc.review.meeting-notice", coerce.to_date(meeting, "meeting_date")
        )

    return _cells(due, [meeting_date], ["meeting_date"])


def _d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


#: Worked examples for the workbooks: (what it shows, formula with {r} for the
#: row and B-E for the argument cells, values of B-E).
EXCEL_EXAMPLES: Final = (
    (
        "next annual review: 12 months from the plan",
        "SK_NEXT_REVIEW(B{r})",
        (_d("2024-03-15"),),
    ),
    (
        "next annual review: 12 months from the last review",
        "SK_NEXT_REVIEW(B{r}, C{r})",
        (_d("2022-05-01"), _d("2025-01-20")),
    ),
    (
        "phase transfer: plan amended before 15 February",
        "SK_PHASE_TRANSFER_DUE(B{r})",
        (2026,),
    ),
    (
        "phase transfer to post-16: before 31 March",
        "SK_PHASE_TRANSFER_DUE(B{r}, C{r})",
        (2026, True),
    ),
    (
        "notice of an annual review meeting: 2 clear weeks",
        "SK_REVIEW_NOTICE_BY(B{r})",
        (_d("2025-06-18"),),
    ),
)

#: Error cell, blank and bad value for each formula, for the workbooks'
#: "Errors and blanks" sheet: (what it checks, B, C, D, E ("=NA()" is an
#: error cell), formula, what the cell should show: "#N/A", "#VALUE!", "" for
#: an empty cell, or a date).
EXCEL_ERROR_CASES: Final = (
    ("SK_NEXT_REVIEW: #N/A plan date gives #N/A", "=NA()", None, None, None,
     "SK_NEXT_REVIEW(B{r})", "#N/A"),
    ("SK_NEXT_REVIEW: an empty plan date gives an empty cell", None, None, None, None,
     "SK_NEXT_REVIEW(B{r})", ""),
    ("SK_NEXT_REVIEW: text that is no date gives #VALUE!", "soon", None, None, None,
     "SK_NEXT_REVIEW(B{r})", "#VALUE!"),
    ("SK_NEXT_REVIEW: a last review before the plan gives #VALUE!", _d("2024-05-01"),
     _d("2023-01-01"), None, None, "SK_NEXT_REVIEW(B{r}, C{r})", "#VALUE!"),
    ("SK_NEXT_REVIEW: #N/A last review gives #N/A", _d("2024-05-01"), "=NA()", None,
     None, "SK_NEXT_REVIEW(B{r}, C{r})", "#N/A"),
    ("SK_PHASE_TRANSFER_DUE: #N/A year gives #N/A", "=NA()", None, None, None,
     "SK_PHASE_TRANSFER_DUE(B{r})", "#N/A"),
    ("SK_PHASE_TRANSFER_DUE: an empty year gives an empty cell", None, None, None,
     None, "SK_PHASE_TRANSFER_DUE(B{r})", ""),
    ("SK_PHASE_TRANSFER_DUE: a year before 2015 gives #VALUE!", 1999, None, None, None,
     "SK_PHASE_TRANSFER_DUE(B{r})", "#VALUE!"),
    ("SK_PHASE_TRANSFER_DUE: #N/A as post_16 gives #N/A", 2026, "=NA()", None, None,
     "SK_PHASE_TRANSFER_DUE(B{r}, C{r})", "#N/A"),
    ("SK_REVIEW_NOTICE_BY: #DIV/0! meeting date gives #DIV/0!", "=1/0", None, None,
     None, "SK_REVIEW_NOTICE_BY(B{r})", "#DIV/0!"),
    ("SK_REVIEW_NOTICE_BY: an empty meeting date gives an empty cell", None, None,
     None, None, "SK_REVIEW_NOTICE_BY(B{r})", ""),
    ("SK_REVIEW_NOTICE_BY: text that is no date gives #VALUE!", "next week", None,
     None, None, "SK_REVIEW_NOTICE_BY(B{r})", "#VALUE!"),
)  # fmt: skip
