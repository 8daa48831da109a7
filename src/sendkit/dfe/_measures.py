"""The headline measures sendkit reads from DfE's EHC plan statistics.

Each `Measure` names the DfE file (its *kind*) and the column it comes from,
keeping DfE's own column spellings (``number_decsion_4weeks`` included).
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

import attrs

__all__ = ["KINDS", "MEASURES", "SERIES_BREAK", "Kind", "Measure"]

#: From 2023 SEN2 is a person-level collection; DfE warns of a break there.
SERIES_BREAK: Final = 2023


@attrs.frozen(kw_only=True)
class Kind:
    """One of DfE's EHC plan files.

    Attributes:
        name: sendkit's name for it (also its usual file stem).
        topic: The start of the ``breakdown_topic`` of its headline rows
            (DfE writes "All EHC plans issued", "All annual reviews", ...).
        columns: The value columns sendkit keeps from it.
    """

    name: str
    topic: str
    columns: tuple[str, ...]


#: DfE's four EHC plan files, by the name of their file stem.
KINDS: Final = MappingProxyType(
    {
        "timeliness_20_week": Kind(
            name="timeliness_20_week",
            topic="All EHC plans",
            columns=(
                "plans_issued_den",
                "plans_issued_den_ex",
                "plans_issued_within_20_weeks",
                "plans_issued_20_weeks_ex",
                "pc_plans_issued_within_20_weeks",
                "PC_plans_issued_20_weeks_ex",
            ),
        ),
        "requests": Kind(
            name="requests",
            topic="All requests",
            columns=(
                "requests_received_in_year",
                "requests_decided_to_assess",
                "requests_decided_not_to_assess",
                "request_not_assess_pc",
            ),
        ),
        "assessments": Kind(
            name="assessments",
            topic="All EHC needs assessments",
            columns=(
                "assess_in_year",
                "assess_issued",
                "assess_not_issued",
                "assess_issued_pc",
                "assess_not_issued_pc",
            ),
        ),
        "annual_reviews": Kind(
            name="annual_reviews",
            topic="All annual reviews",
            columns=(
                "review_expected",
                "total_review_meeting",
                "number_decsion_4weeks",
                "number_decision_gt_4weeks",
                "pc_decsion_4weeks",
            ),
        ),
    }
)


@attrs.frozen(kw_only=True)
class Measure:
    """A headline figure of DfE's EHC plan statistics.

    Attributes:
        key: sendkit's stable name, used by the command line, JSON and Excel.
        label: A short label for a table or chart.
        kind: The DfE file it comes from (a key of `KINDS`).
        column: DfE's column name.
        percent: Whether it is a percentage (DfE rounds to 1 decimal place).
        definition: What it counts, in words, naming DfE's columns.
        numerator: For a percentage, DfE's count column over...
        denominator: ...this one: used to work the rate out where DfE
            publishes the counts but not the rate (marked as computed).
        higher_is_better: ``True`` or ``False`` where a direction is clear
            (timeliness); ``None`` for counts and rates with no agreed
            direction (refusals). Ranks are always highest first.
    """

    key: str
    label: str
    kind: str
    column: str
    percent: bool
    definition: str
    numerator: str = ""
    denominator: str = ""
    higher_is_better: bool | None = None


def _m(
    key: str,
    label: str,
    kind: str,
    column: str,
    definition: str,
    *,
    numerator: str = "",
    denominator: str = "",
    higher_is_better: bool | None = None,
) -> Measure:
    return Measure(
        key=key,
        label=label,
        kind=kind,
        column=column,
        percent=key.startswith("pc_"),
        definition=definition,
        numerator=numerator,
        denominator=denominator,
        higher_is_better=higher_is_better,
    )


_T = "timeliness_20_week"

#: The measures, in the order the benchmark shows them.
MEASURES: Final = MappingProxyType(
    {
        m.key: m
        for m in (
            _m(
                "pc_within_20_weeks",
                "% within 20 weeks (incl. exceptions)",
                _T,
                "pc_plans_issued_within_20_weeks",
                "New EHC plans issued in the calendar year within 20 weeks of the "
                "request, as a percentage of all new plans issued, exception cases "
                "included (plans_issued_within_20_weeks / plans_issued_den).",
                numerator="plans_issued_within_20_weeks",
                denominator="plans_issued_den",
                higher_is_better=True,
            ),
            _m(
                "pc_within_20_weeks_ex",
                "% within 20 weeks (excl. exceptions)",
                _T,
                "PC_plans_issued_20_weeks_ex",
                "The same with the exception cases (SEN2 Week20 = 1) left out of "
                "both counts (plans_issued_20_weeks_ex / plans_issued_den_ex).",
                numerator="plans_issued_20_weeks_ex",
                denominator="plans_issued_den_ex",
                higher_is_better=True,
            ),
            _m(
                "plans_issued",
                "New EHC plans issued",
                _T,
                "plans_issued_den",
                "New EHC plans issued in the calendar year (plans_issued_den).",
            ),
            _m(
                "within_20_weeks",
                "New plans issued within 20 weeks",
                _T,
                "plans_issued_within_20_weeks",
                "Of those, issued within 20 weeks (plans_issued_within_20_weeks).",
            ),
            _m(
                "plans_issued_ex",
                "New plans issued, excluding exceptions",
                _T,
                "plans_issued_den_ex",
                "New plans issued, exception cases left out (plans_issued_den_ex).",
            ),
            _m(
                "within_20_weeks_ex",
                "Within 20 weeks, excluding exceptions",
                _T,
                "plans_issued_20_weeks_ex",
                "Of those, within 20 weeks (plans_issued_20_weeks_ex).",
            ),
            _m(
                "requests",
                "Requests for an assessment",
                "requests",
                "requests_received_in_year",
                "Initial requests for an EHC needs assessment received in the "
                "calendar year (requests_received_in_year).",
            ),
            _m(
                "requests_refused",
                "Requests refused (decided not to assess)",
                "requests",
                "requests_decided_not_to_assess",
                "Requests where the council decided not to assess "
                "(requests_decided_not_to_assess).",
            ),
            _m(
                "pc_requests_refused",
                "% of requests refused",
                "requests",
                "request_not_assess_pc",
                "Requests decided not to assess as a percentage of requests "
                "received in the year (request_not_assess_pc; before 2023 DfE "
                "publishes the two counts only, and sendkit divides them).",
                numerator="requests_decided_not_to_assess",
                denominator="requests_received_in_year",
            ),
            _m(
                "assessments_issued",
                "Assessments leading to a plan",
                "assessments",
                "assess_issued",
                "EHC needs assessments completed in the year where the council "
                "decided to issue a plan (assess_issued).",
            ),
            _m(
                "assessments_not_issued",
                "Assessments not leading to a plan",
                "assessments",
                "assess_not_issued",
                "Assessments completed where the council decided not to issue a "
                "plan (assess_not_issued).",
            ),
            _m(
                "pc_assessments_not_issued",
                "% of assessments not leading to a plan",
                "assessments",
                "assess_not_issued_pc",
                "assess_not_issued as a percentage of assessments in the year "
                "(assess_not_issued_pc; DfE publishes it from 2023).",
                numerator="assess_not_issued",
                denominator="assess_in_year",
            ),
            _m(
                "reviews_due",
                "Annual reviews due",
                "annual_reviews",
                "review_expected",
                "EHC plans whose annual review was due in the year "
                "(review_expected; DfE publishes annual reviews from 2024).",
            ),
            _m(
                "review_decisions_4_weeks",
                "Review decisions within 4 weeks of the meeting",
                "annual_reviews",
                "number_decsion_4weeks",
                "Annual-review decisions notified within 4 weeks of the review "
                "meeting (number_decsion_4weeks, DfE's spelling).",
            ),
            _m(
                "pc_review_decisions_4_weeks",
                "% review decisions within 4 weeks",
                "annual_reviews",
                "pc_decsion_4weeks",
                "Decisions within 4 weeks as a percentage of decisions made "
                "(number_decsion_4weeks / (number_decsion_4weeks + "
                "number_decision_gt_4weeks), DfE's pc_decsion_4weeks).",
                higher_is_better=True,
            ),
        )
    }
)
