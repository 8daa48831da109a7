"""Local checks on a case as read: dates in order, ``Week20`` on issued plans.

`case_queries` is what the readers of ``sendkit.io`` put in a case file's
``queries``: pure checks on an `EhcCase`, no file code.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from ._model import EhcCase

__all__ = ["case_queries"]

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
