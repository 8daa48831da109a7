"""Working days, statutory time limits, area SEND inspections, action plans and EHC timeliness.

sendkit is for the officers and analysts of English local area partnerships
(councils and integrated care boards) who track SEND deadlines.
The names below are the public API, loaded on first use (see docs/design.md);
everything else is reachable through its
module (``sendkit.calendars``, ``sendkit.errors``, ...).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Final

from .calendars import (
    ANNOUNCED_THROUGH,
    DEFAULT_REGION,
    REGIONS,
    Explanation,
    NonWorkingDay,
    Reason,
    WorkingCalendar,
    add_working_days,
    calendar_for,
    count_working_days,
    is_working_day,
)
from .dates import parse_date
from .errors import (
    HolidayHorizonWarning,
    InvalidInputError,
    InvalidTypeError,
    OutsideCalendarError,
    RowError,
    SendkitError,
    SendkitWarning,
    UnconfirmedRuleWarning,
    UnknownRegionError,
    UnknownRuleError,
)

if TYPE_CHECKING:  # the names for type checkers and doc tools; loaded lazily
    from .ehc import EhcCase, case_timeline, timeliness
    from .inspections import (
        Inspection,
        Outcome,
        follow_up,
        parse_outcome,
    )
    from .io import (
        PlanFileError,
        load_rules,
        read_inspections,
        read_plan,
        write_plan,
    )
    from .plans import (
        Action,
        ActionPlan,
        AreaKind,
        Kpi,
        Measurement,
        Partner,
        PlanDeadline,
        PlanKind,
        PlanStatus,
        ProgressUpdate,
        Rag,
        RagOverride,
        Section,
        plan_from_inspection,
    )
    from .rules import (
        RULES,
        AlternativeClock,
        Basis,
        Confidence,
        Counting,
        Deadline,
        Direction,
        Period,
        Roll,
        Rule,
        RuleBook,
        Unit,
        deadline,
        due_date,
        get_rule,
    )

#: Public names loaded on first use, and the subpackage each comes from.
_LAZY: Final[dict[str, str]] = {
    # sendkit.ehc
    "EhcCase": "ehc",
    "case_timeline": "ehc",
    "timeliness": "ehc",
    # sendkit.inspections
    "Inspection": "inspections",
    "Outcome": "inspections",
    "follow_up": "inspections",
    "parse_outcome": "inspections",
    # sendkit.io, the files
    "PlanFileError": "io",
    "load_rules": "io",
    "read_inspections": "io",
    "read_plan": "io",
    "write_plan": "io",
    # sendkit.plans
    "Action": "plans",
    "ActionPlan": "plans",
    "AreaKind": "plans",
    "Kpi": "plans",
    "Measurement": "plans",
    "Partner": "plans",
    "PlanDeadline": "plans",
    "PlanKind": "plans",
    "PlanStatus": "plans",
    "ProgressUpdate": "plans",
    "Rag": "plans",
    "RagOverride": "plans",
    "Section": "plans",
    "plan_from_inspection": "plans",
    # sendkit.rules
    "AlternativeClock": "rules",
    "Basis": "rules",
    "Confidence": "rules",
    "Counting": "rules",
    "Deadline": "rules",
    "Direction": "rules",
    "Period": "rules",
    "RULES": "rules",
    "Roll": "rules",
    "Rule": "rules",
    "RuleBook": "rules",
    "Unit": "rules",
    "deadline": "rules",
    "due_date": "rules",
    "get_rule": "rules",
}

__all__ = [
    "ANNOUNCED_THROUGH",
    "DEFAULT_REGION",
    "REGIONS",
    "RULES",
    "Action",
    "ActionPlan",
    "AlternativeClock",
    "AreaKind",
    "Basis",
    "Confidence",
    "Counting",
    "Deadline",
    "Direction",
    "EhcCase",
    "Explanation",
    "HolidayHorizonWarning",
    "Inspection",
    "InvalidInputError",
    "InvalidTypeError",
    "Kpi",
    "Measurement",
    "NonWorkingDay",
    "Outcome",
    "OutsideCalendarError",
    "Partner",
    "Period",
    "PlanDeadline",
    "PlanFileError",
    "PlanKind",
    "PlanStatus",
    "ProgressUpdate",
    "Rag",
    "RagOverride",
    "Reason",
    "Roll",
    "RowError",
    "Rule",
    "RuleBook",
    "Section",
    "SendkitError",
    "SendkitWarning",
    "UnconfirmedRuleWarning",
    "Unit",
    "UnknownRegionError",
    "UnknownRuleError",
    "WorkingCalendar",
    "add_working_days",
    "calendar_for",
    "case_timeline",
    "count_working_days",
    "deadline",
    "due_date",
    "follow_up",
    "get_rule",
    "is_working_day",
    "load_rules",
    "parse_date",
    "parse_outcome",
    "plan_from_inspection",
    "read_inspections",
    "read_plan",
    "timeliness",
    "write_plan",
]


def __getattr__(name: str) -> object:
    """Load a public name's subpackage on first use (PEP 562).

    ``import sendkit`` loads only the calendar and the errors; ``sendkit.due_date``
    loads ``sendkit.rules`` the first time it is asked for, and so on. The
    value is then kept in this module, so later look-ups cost nothing.
    """
    module = _LAZY.get(name)
    if module is not None:
        value = getattr(importlib.import_module(f".{module}", __name__), name)
        globals()[name] = value
        return value
    if name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415 - only when asked

        return version("sendkit-england")
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
