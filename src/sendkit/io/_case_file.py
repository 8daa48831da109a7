"""What a caseload file gave: the cases, the problems and the sendkit checks.

`Problem` is the one problem type of ``sendkit.io``: a place in a file (row
and column, or an XML element) and a reason, never a cell's value.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

import attrs

from ..ehc._model import EhcCase
from ..errors import RowError

__all__ = ["NOT_SHOWN", "CaseFile", "Problem", "case_queries"]

#: Added to every reason about a cell that could not be read.
NOT_SHOWN: Final = "the value is not shown because case files hold children's data"


@attrs.frozen(kw_only=True)
class Problem:
    """Something in an input file that sendkit could not read.

    It names the place, never the child: the row and column, and a reason that
    contains no personal field.

    Attributes:
        reason: What was wrong.
        row: The 1-based row in a CSV or XLSX file (header included).
        column: The column name, for CSV and XLSX.
        element: The element path in an XML file, such as
            ``Person[2]/Requests[1]/ReceivedDate`` (positions count from 1).
        source: The file name.
    """

    reason: str
    row: int | None = None
    column: str | None = None
    element: str | None = None
    source: str | None = None

    def to_error(self) -> RowError:
        """Return this problem as a `RowError`, for strict reading."""
        return RowError(
            self.reason,
            row=self.row,
            column=self.column or self.element,
            source=self.source,
        )

    def __str__(self) -> str:
        where = [part for part in (self.source,) if part]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column {self.column!r}")
        if self.element:
            where.append(f"element {self.element}")
        return f"{', '.join(where)}: {self.reason}" if where else self.reason


@attrs.frozen(kw_only=True)
class CaseFile:
    """The cases read from one file, and what could not be read.

    Attributes:
        cases: The cases, in file order; rows with problems are left out.
        problems: One entry per unreadable row or element.
        queries: Rows that were read and kept, but that a local "sendkit
            check" questions (local pre-checks, not DfE's validation rules;
            see `case_queries`): SEN2 dates
            out of order, an issued plan without ``Week20``, a plan issued
            after a decision not to assess or not to issue, or a draft dated
            after the final plan. They are not DfE rule numbers.
        ignored: Columns or elements present but not used, by name only.
        source: The file name.
    """

    cases: tuple[EhcCase, ...]
    problems: tuple[Problem, ...] = ()
    queries: tuple[Problem, ...] = ()
    ignored: tuple[str, ...] = ()
    source: str = ""


#: SEN2 dates that should run in this order (a sendkit check, not a DfE rule number).
_IN_ORDER: Final = (
    ("RequestOutcomeDate", "request_outcome_date"),
    ("AssessmentOutcomeDate", "assessment_outcome_date"),
    ("StartDate", "plan_issued"),
)


#: A final plan recorded after a decision that rules one out: (column, flag
#: field, what the 0 means).
_PLAN_AFTER_NO: Final = (
    ("DecidedToAssess", "decided_to_assess", "a decision not to assess"),
    ("DecidedToIssue", "decided_to_issue", "a decision not to issue a plan"),
)


def case_queries(case: EhcCase) -> list[tuple[str, str]]:
    """Return ``(column, reason)`` for each sendkit check *case* does not pass.

    The checks are local pre-checks in the spirit of DfE's validation, not its
    rules: the SEN2 dates run in order; an issued plan has ``Week20``; a
    final plan (``StartDate``) is not recorded after a decision not to assess
    or not to issue; the draft plan is not dated after the final plan.
    Reasons name columns, never values.

    A plan issued after a recorded decision not to assess (or not to issue)
    still counts in `timeliness`, because DfE counts the plans issued, but
    `case_timeline` shows its final-plan step as not applicable; the query
    asks the council to correct whichever field is wrong.

    Examples:
        >>> import datetime as dt
        >>> case = EhcCase(case_id="R1", received=dt.date(2024, 1, 8),
        ...                decided_to_assess=False, week20=False,
        ...                draft_issued=dt.date(2024, 6, 3),
        ...                plan_issued=dt.date(2024, 5, 27))
        >>> [column for column, _ in case_queries(case)]
        ['DecidedToAssess', 'DraftPlanDate']
    """
    if case.plan_issued is None:
        # Most open cases: only the first two dates can be out of order.
        asked, assessed = case.request_outcome_date, case.assessment_outcome_date
        if asked is None or assessed is None or assessed >= asked:
            return []
    found = []
    earlier: tuple[str, dt.date] | None = None
    for column, field in _IN_ORDER:
        day = getattr(case, field)
        if day is None:
            continue
        if earlier is not None and day < earlier[1]:
            found.append(
                (
                    column,
                    (
                        f"{column} is before {earlier[0]} "
                        "(sendkit check: dates out of order)"
                    ),
                )
            )
        earlier = (column, day)
    if case.plan_issued is not None and case.week20 is None:
        found.append(
            (
                "Week20",
                (
                    "Week20 is blank on an issued plan, so it counts as not excepted "
                    "(sendkit check: SEN2 expects Week20 on every issued plan)"
                ),
            )
        )
    if case.plan_issued is not None:
        found.extend(
            (
                column,
                (
                    f"StartDate is recorded but {column} is 0 ({meaning}); the plan "
                    "is counted as issued in the 20-week measure, as DfE counts "
                    "plans issued, while the case timeline treats the final plan "
                    "as not applicable (sendkit check: correct whichever is wrong)"
                ),
            )
            for column, field, meaning in _PLAN_AFTER_NO
            if getattr(case, field) is False
        )
        if case.draft_issued is not None and case.draft_issued > case.plan_issued:
            found.append(
                (
                    "DraftPlanDate",
                    (
                        "DraftPlanDate is after StartDate (sendkit check: the draft "
                        "plan is served before the final plan is issued)"
                    ),
                )
            )
    return found
