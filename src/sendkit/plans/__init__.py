"""Improvement plans after an inspection: build, track and report them.

An `ActionPlan` (a priority action plan, written statement of action,
accelerated progress plan or strategic plan) holds `Section` s, one per area
the inspection named, each with its `Action` s. Actions carry owners, lead
partners, dates, milestones, an optional `Kpi` and an append-only progress
log. Their RAG rating is derived on an explicit ``as_of`` date
(`Action.assess`), never stored; `ActionPlan.status` gives the board report.

Trackers are read and written as ``.xlsx`` or ``.csv`` with one column
schema (`ACTION_COLUMNS`) by `sendkit.io.read_plan` and
`sendkit.io.write_plan`; this package reads no file.
"""

from __future__ import annotations

from ._build import PLAN_DEADLINE_RULES, plan_from_inspection
from ._enums import AreaKind, Partner, PlanKind, Rag, Status
from ._model import (
    DEFAULT_DUE_SOON_WORKING_DAYS,
    Action,
    ActionPlan,
    Kpi,
    Measurement,
    Milestone,
    PlanDeadline,
    ProgressUpdate,
    RagAssessment,
    RagOverride,
    Section,
    plan_status,
    rag_history,
    review_schedule,
)
from ._result import ExceptionItem, PlanStatus, Review
from ._schema import ACTION_COLUMNS, Column, parse_choice

__all__ = [
    "ACTION_COLUMNS",
    "DEFAULT_DUE_SOON_WORKING_DAYS",
    "PLAN_DEADLINE_RULES",
    "Action",
    "ActionPlan",
    "AreaKind",
    "Column",
    "ExceptionItem",
    "Kpi",
    "Measurement",
    "Milestone",
    "Partner",
    "PlanDeadline",
    "PlanKind",
    "PlanStatus",
    "ProgressUpdate",
    "Rag",
    "RagAssessment",
    "RagOverride",
    "Review",
    "Section",
    "Status",
    "parse_choice",
    "plan_from_inspection",
    "plan_status",
    "rag_history",
    "review_schedule",
]
