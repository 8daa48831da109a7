"""The skeleton a partnership starts from after an inspection."""

from __future__ import annotations

import datetime as dt
import types
from collections.abc import Iterable, Mapping
from typing import Final

from ..calendars import DEFAULT_REGION, calendar_for
from ..errors import InvalidInputError
from ..inspections import Inspection, Outcome, RevisitOutcome, WsoaOutcome
from ..rules import Rule
from ..rules._engine import deadline_on
from ._enums import AreaKind, PlanKind
from ._model import ActionPlan, PlanDeadline, Section

__all__ = ["PLAN_DEADLINE_RULES", "plan_from_inspection"]

#: The plan's own deadlines, by kind: (name, rule code). Each counts from the
#: day the final report was received (the revisit report for an accelerated
#: progress plan). Sources, figures and confidence are the rule catalogue's:
#: Nottinghamshire, May 2023 (35 and 70 working days, [S]) and Westminster minutes (WSOA 70 working days,
#: [S]; APP review within six months, [S]). No deadline is known for an
#: outcome-2 strategic plan ([U]), so it has none.
PLAN_DEADLINE_RULES: Final[Mapping[PlanKind, tuple[tuple[str, str], ...]]] = (
    types.MappingProxyType(
        {
            PlanKind.PRIORITY_ACTION_PLAN: (
                ("submission", "area-send.pap.submit"),
                ("publication", "area-send.pap.publish"),
            ),
            PlanKind.WRITTEN_STATEMENT_OF_ACTION: (
                ("submission", "legacy.wsoa.submit"),
            ),
            PlanKind.ACCELERATED_PROGRESS_PLAN: (("review", "legacy.app.review"),),
            PlanKind.STRATEGIC_PLAN: (),
        }
    )
)

#: Which plan follows which outcome (Ofsted's area SEND handbook; Ofsted's revisit guidance; docs/rules.md).
_KIND_BY_OUTCOME: Final = types.MappingProxyType(
    {
        Outcome.SYSTEMIC: PlanKind.PRIORITY_ACTION_PLAN,
        Outcome.INCONSISTENT: PlanKind.STRATEGIC_PLAN,
        Outcome.POSITIVE: PlanKind.STRATEGIC_PLAN,
        WsoaOutcome.REQUIRED: PlanKind.WRITTEN_STATEMENT_OF_ACTION,
        WsoaOutcome.NOT_REQUIRED: PlanKind.STRATEGIC_PLAN,
    }
)

_INSUFFICIENT: Final = frozenset({RevisitOutcome.SOME, RevisitOutcome.NONE})


def _kind_for(inspection: Inspection) -> PlanKind:
    if inspection.outcome is None:
        msg = (
            f"inspection of {inspection.local_area!r} has no outcome; "
            "a plan skeleton needs one"
        )
        raise InvalidInputError(msg)
    if inspection.revisit_outcome in _INSUFFICIENT:
        return PlanKind.ACCELERATED_PROGRESS_PLAN
    return _KIND_BY_OUTCOME[inspection.outcome]


def _sections(
    prefix: str,
    kind: AreaKind,
    titles: Iterable[str],
    count: int | None,
    placeholder: str,
) -> list[Section]:
    titles = list(titles)
    total = max(len(titles), count or 0)
    return [
        Section(
            id=f"{prefix}{n}",
            title=titles[n - 1] if n <= len(titles) else f"{placeholder} {n}",
            kind=kind,
        )
        for n in range(1, total + 1)
    ]


def plan_from_inspection(
    inspection: Inspection,
    *,
    title: str = "",
    region: str = DEFAULT_REGION,
    closures: Iterable[dt.date] = (),
    rules: Mapping[str, Rule] | None = None,
) -> ActionPlan:
    """Return the empty plan a partnership starts from after *inspection*.

    The plan kind follows the outcome: a priority action plan after outcome 3
    (widespread and/or systemic failings), a strategic plan after outcomes 1
    and 2, a written statement of action when the 2016-2022 framework required
    one, and an accelerated progress plan after a revisit found insufficient
    progress. There is one section per area for priority action (``PA1``,
    ``PA2``, ...), per area for improvement (``AFI1``, ...) and, for a written
    statement, per significant weakness (``SW1``, ...), titled with the
    report's words where the inspection has them and a numbered placeholder
    where only the count is known. The plan's own deadlines
    (`PLAN_DEADLINE_RULES`) come from the rule catalogue, counted from the day
    the report was received (the publication date stands in when that is
    unknown, and the deadline's source says so); each keeps the rule's
    ``confirmed`` flag.

    Args:
        inspection: The inspection the plan answers.
        title: The plan's local title, if it has one.
        region: Bank-holiday region for working-day deadlines.
        closures: Local closure days (a statutory deadline should not use them).
        rules: A rule book with local figures (`sendkit.rules.RuleBook`, or
            `sendkit.load_rules` for a local rule file); a deadline from a
            locally overridden rule says so at the end of its source.

    Returns:
        The plan skeleton, with sections and deadlines but no actions.

    Raises:
        InvalidInputError: The inspection has no outcome.

    Examples:
        >>> from sendkit.inspections import EXAMPLES
        >>> plan = plan_from_inspection(EXAMPLES["nottinghamshire-2023"])
        >>> plan.kind.value, [s.id for s in plan.sections]
        ('priority-action-plan', ['PA1', 'PA2'])
        >>> [(d.name, d.due.isoformat(), d.confirmed) for d in plan.deadlines]
        [('submission', '2023-07-05', False), ('publication', '2023-08-23', False)]
    """
    # One calendar for every deadline: the closures are read once, here.
    calendar = calendar_for(region, closures)
    kind = _kind_for(inspection)
    sections = [
        *_sections(
            "PA",
            AreaKind.PRIORITY_ACTION,
            inspection.areas_for_priority_action,
            inspection.priority_action_count,
            "Area for priority action",
        ),
        *_sections(
            "AFI",
            AreaKind.IMPROVEMENT,
            inspection.areas_for_improvement,
            inspection.improvement_count,
            "Area for improvement",
        ),
    ]
    if kind is PlanKind.WRITTEN_STATEMENT_OF_ACTION:
        sections += _sections(
            "SW",
            AreaKind.SIGNIFICANT_WEAKNESS,
            (),
            inspection.wsoa_weaknesses,
            "Significant weakness",
        )
    start = (
        inspection.revisit_published
        if kind is PlanKind.ACCELERATED_PROGRESS_PLAN
        else inspection.received
    )
    deadlines = []
    if start is not None:
        assumed = (
            " Counted from the report's publication date: the day it was received "
            "is not recorded."
            if kind is not PlanKind.ACCELERATED_PROGRESS_PLAN
            and inspection.received_is_assumed
            else ""
        )
        for name, code in PLAN_DEADLINE_RULES[kind]:
            due = deadline_on(code, start, calendar, rules=rules)
            local = (
                f" Locally overridden: {due.rule.overridden}."
                if due.rule.overridden is not None
                else ""
            )
            deadlines.append(
                PlanDeadline(
                    name=name,
                    due=due.due,
                    rule=due.code,
                    confirmed=due.confirmed,
                    source=f"{due.source} ({due.url}).{assumed}{local}",
                )
            )
    received = inspection.received
    reference = f"{inspection.framework.title}: {inspection.outcome_label}"
    if inspection.published is not None:
        reference += f", report published {inspection.published.isoformat()}"
    return ActionPlan(
        kind=kind,
        partnership=inspection.local_area,
        title=title,
        inspection=reference,
        report_received=received,
        deadlines=deadlines,
        sections=sections,
    )
