"""EHC needs assessments: per-case statutory timelines and the 20-week measure.

* `EhcCase`: one request for an EHC needs assessment (SEN2 dates, opaque id).
* `case_timeline`, `open_steps`: each case's due dates and their status.
* `worklist`, `PlanRecord`: one list of every open step across the caseload,
  new requests and existing plans (reviews, transfers, tribunal orders).
* `timeliness`: the 20-week measure for a calendar year, as DfE counts it.
* `case_queries`: local checks on a case as read (dates in order, ``Week20``).
* `NATIONAL`: England's published 20-week figures, as cited data.
* `synthetic_caseload`: a made-up caseload of a realistic shape.
* `sendkit.ehc.strategies`: Hypothesis strategies (``pip install sendkit-england[test]``).

Case files are read and written by `sendkit.io` (`sendkit.io.read_cases`,
`sendkit.io.write_cases`, `sendkit.io.write_steps`); this package reads no file.
"""

from __future__ import annotations

from ._measure import (
    DefinitionItem,
    MonthFigures,
    Timeliness,
    convention_text,
    measure_definition,
    timeliness,
)
from ._model import EXCEPTION_REASON_TEXT, CaseException, EhcCase, ExceptionReason
from ._national import NATIONAL, NationalFigure, national_figure
from ._queries import case_queries
from ._reviews import REVIEW_DEFINITIONS, ReviewMeasures, census_day, review_measures
from ._synthetic import synthetic_caseload, synthetic_plans
from ._timeline import CaseTimeline, Step, StepStatus, case_timeline, open_steps
from ._worklist import (
    ORDER_RULES,
    SERVICE_RULES,
    ItemStatus,
    OrderKind,
    PlanRecord,
    WorkItem,
    Worklist,
    deemed_served,
    phase_transfer_year,
    worklist,
)

__all__ = [
    "EXCEPTION_REASON_TEXT",
    "NATIONAL",
    "ORDER_RULES",
    "REVIEW_DEFINITIONS",
    "SERVICE_RULES",
    "CaseException",
    "CaseTimeline",
    "DefinitionItem",
    "EhcCase",
    "ExceptionReason",
    "ItemStatus",
    "MonthFigures",
    "NationalFigure",
    "OrderKind",
    "PlanRecord",
    "ReviewMeasures",
    "Step",
    "StepStatus",
    "Timeliness",
    "WorkItem",
    "Worklist",
    "case_queries",
    "case_timeline",
    "census_day",
    "convention_text",
    "deemed_served",
    "measure_definition",
    "national_figure",
    "open_steps",
    "phase_transfer_year",
    "review_measures",
    "synthetic_caseload",
    "synthetic_plans",
    "timeliness",
    "worklist",
]
