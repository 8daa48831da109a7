"""EHC needs assessments: per-case statutory timelines and the 20-week measure.

* `EhcCase`: one request for an EHC needs assessment (SEN2 dates, opaque id).
* `case_timeline`, `open_steps`: each case's due dates and their status.
* `worklist`, `PlanRecord`: one list of every open step across the caseload,
  new requests and existing plans (reviews, transfers, tribunal orders).
* `timeliness`: the 20-week measure for a calendar year, as DfE counts it.
* `read_cases`: a caseload from CSV, XLSX (SEN2 field names) or SEN2 XML;
  `write_cases` writes the CSV layout back, `write_steps` a due list.
* `NATIONAL`: England's published 20-week figures, as cited data.
* `synthetic_caseload`: a made-up caseload of a realistic shape.
* `sendkit.ehc.strategies`: Hypothesis strategies (``pip install sendkit-england[test]``).
"""

from __future__ import annotations

from ..io._ehc import (
    COLUMNS,
    REQUIRED_COLUMNS,
    STEP_COLUMNS,
    CaseFile,
    Problem,
    case_queries,
    cases_from_rows,
    read_cases,
    write_cases,
    write_steps,
)
from ..io._sen2xml import read_sen2_xml
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
    "COLUMNS",
    "EXCEPTION_REASON_TEXT",
    "NATIONAL",
    "ORDER_RULES",
    "REQUIRED_COLUMNS",
    "REVIEW_DEFINITIONS",
    "SERVICE_RULES",
    "STEP_COLUMNS",
    "CaseException",
    "CaseFile",
    "CaseTimeline",
    "DefinitionItem",
    "EhcCase",
    "ExceptionReason",
    "ItemStatus",
    "MonthFigures",
    "NationalFigure",
    "OrderKind",
    "PlanRecord",
    "Problem",
    "ReviewMeasures",
    "Step",
    "StepStatus",
    "Timeliness",
    "WorkItem",
    "Worklist",
    "case_queries",
    "case_timeline",
    "cases_from_rows",
    "census_day",
    "convention_text",
    "deemed_served",
    "measure_definition",
    "national_figure",
    "open_steps",
    "phase_transfer_year",
    "read_cases",
    "read_sen2_xml",
    "review_measures",
    "synthetic_caseload",
    "synthetic_plans",
    "timeliness",
    "worklist",
    "write_cases",
    "write_steps",
]
