"""Working days, statutory time limits, area SEND inspections, action plans and EHC timeliness.

sendkit is for the officers and analysts of English local area partnerships
(councils and integrated care boards) who track SEND deadlines.
The names below are the public API; everything else is reachable through its
module (``sendkit.calendars``, ``sendkit.errors``, ...).
"""

from __future__ import annotations

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
from .ehc import EhcCase, case_timeline, timeliness
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
from .inspections import (
    Inspection,
    Outcome,
    follow_up,
    parse_outcome,
    read_inspections,
)
from .plans import (
    Action,
    ActionPlan,
    AreaKind,
    Kpi,
    Measurement,
    Partner,
    PlanDeadline,
    PlanFileError,
    PlanKind,
    PlanStatus,
    ProgressUpdate,
    Rag,
    RagOverride,
    Section,
    plan_from_inspection,
    read_plan,
    write_plan,
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
    load_rules,
)

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


def __getattr__(name: str) -> str:
    if name != "__version__":
        msg = f"module {__name__!r} has no attribute {name!r}"
        raise AttributeError(msg)
    from importlib.metadata import version  # noqa: PLC0415 - only when asked

    return version("sendkit-england")
