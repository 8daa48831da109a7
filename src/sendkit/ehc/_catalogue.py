"""The EHC rules this package reads from the catalogue (`sendkit.rules`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, Final

from ..errors import InvalidInputError
from ..rules import Direction, Roll, Rule, Unit, deadline, get_rule

__all__ = [
    "ADVICE",
    "DECISION_NOT_TO_ISSUE",
    "DECISION_TO_ASSESS",
    "DRAFT_REPRESENTATIONS",
    "FINAL_PLAN",
    "fixed_length",
    "rule_to_dict",
]

DECISION_TO_ASSESS: Final = "ehc.decision-to-assess"
ADVICE: Final = "ehc.advice"
DECISION_NOT_TO_ISSUE: Final = "ehc.decision-not-to-issue"
DRAFT_REPRESENTATIONS: Final = "ehc.draft-representations"
FINAL_PLAN: Final = "ehc.final-plan"

#: Any Monday after the SEND Regulations 2014 came into force.
_PROBE: Final = dt.date(2020, 1, 6)


def fixed_length(
    code: str, rules: Mapping[str, Rule] | None = None
) -> tuple[Rule, int]:
    """Return the rule *code* and its length in calendar days from the clock's start.

    The length is what the catalogue's own engine gives (``due - start``), so
    the rule's unit and counting convention decide it; for ``ehc.final-plan``
    (20 weeks, start day 0) it is 140.
    Only rules of a fixed length can be used this way: calendar days or weeks,
    counted forward, with no rolling off non-working days.

    Raises:
        UnknownRuleError: *rules* has no such rule.
        InvalidInputError: The rule's length depends on its start date.
    """
    rule = get_rule(code, rules=rules)
    fixed = (
        rule.period.unit in {Unit.WEEKS, Unit.CALENDAR_DAYS}
        and rule.direction is Direction.AFTER
        and rule.roll is Roll.KEEP
    )
    if not fixed:
        msg = (
            f"rule {code!r} ({rule.describe_period()}) does not have a fixed length "
            "in calendar days, which the 20-week measure needs"
        )
        raise InvalidInputError(msg)
    due = deadline(rule, _PROBE, rules=rules).due
    return rule, (due - _PROBE).days


def rule_to_dict(rule: Rule) -> dict[str, Any]:
    """Return the facts about *rule* that outputs cite."""
    return {
        "code": rule.code,
        "summary": rule.summary,
        "period": rule.describe_period(),
        "source": rule.source,
        "url": rule.url,
        "confidence": rule.confidence.value,
        "confirmed": rule.confirmed,
        "overridden": rule.overridden,
    }
