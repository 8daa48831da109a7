"""Excel formulas for single-case caseload questions: reviews and phase transfers.

Not registered by itself: the add-in's registration point picks this module
up (one line, added by the lead). Conventions are those of
`sendkit_excel.functions`: a cell or a range in, the answer (or a range of
answers) out; a bad single call is an error, a bad row in a range an
``ERROR:`` text in its cell.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from xlwings import arg, func

import sendkit

from . import coerce
from .functions import _cells, _excel_errors

__all__ = ["sk_next_review", "sk_phase_transfer_due", "sk_review_notice_by"]

_TRANSFER_MONTH = 9  # a transfer between phases is taken as 1 September


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
        base = max(start, reviewed) if reviewed else start
        return sendkit.deadline("ehc.review.annual", base).due

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
        if not 2015 <= number <= 9998:  # noqa: PLR2004 - the regulations' years
            msg = "transfer_year must be a year from 2015"
            raise coerce.ExcelInputError(msg)
        return sendkit.deadline(code, dt.date(number, _TRANSFER_MONTH, 1)).due

    return _cells(due, [transfer_year], ["transfer_year"])


@func
@_excel_errors
@arg("meeting_date", ndim=2, doc="The review meeting's date, or a range.")
def sk_review_notice_by(meeting_date):
    """Last day to give notice of a review meeting (and circulate advice): 2 weeks, clear days."""

    def due(meeting: object) -> Any:
        day = coerce.to_date(meeting, "meeting_date")
        return sendkit.deadline("ehc.review.meeting-notice", day).due

    return _cells(due, [meeting_date], ["meeting_date"])
