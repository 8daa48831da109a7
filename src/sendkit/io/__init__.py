"""Reading and writing files: the one input/output layer.

The domain packages (`sendkit.rules`, `sendkit.inspections`, `sendkit.plans`,
`sendkit.ehc`, `sendkit.dfe`) hold no file code and never import this one;
every reader and writer of sendkit is here:

* EHC case files: `read_cases` (CSV, XLSX, ODS or SEN2 XML), `cases_from_rows`,
  `write_cases`, `write_steps`; `read_sen2_xml` for the XML alone. The
  columns: `CASE_COLUMNS`, `REQUIRED_CASE_COLUMNS`, `STEP_COLUMNS`.
* Whole caseloads (requests and plans): `read_caseload`, `write_caseload`;
  the worklist of open steps: `write_worklist_csv`, `write_worklist_xlsx`.
* Ofsted's inspection files: `read_inspections`, `read_ofsted_mi`,
  `read_ofsted_legacy` (CSV, ODS, XLSX).
* Improvement-plan trackers: `read_plan`, `write_plan` (XLSX or CSV).
* Local rule files: `load_rules` (TOML).
* DfE's EHC plan files: `read_dfe_file`, `read_dfe_table`,
  `write_benchmark_xlsx`; the cases behind a 20-week figure:
  `write_cases_behind`.

Every reader reports what it could not read as `Problem` values (a place in
the file and a reason, never a cell's value) or raises one `FileError` line
for a file it cannot read at all. Every writer writes to a temporary file in
the same folder and renames it, so a failed write leaves the old file whole.
"""

from __future__ import annotations

from ._case_file import CaseFile, case_queries
from ._caseload import PLAN_COLUMNS, Caseload, read_caseload, write_caseload
from ._dfe import (
    CASES_BEHIND_COLUMNS,
    DfeFile,
    read_dfe_file,
    read_dfe_table,
    write_benchmark_xlsx,
    write_cases_behind,
)
from ._ehc import COLUMNS as CASE_COLUMNS
from ._ehc import REQUIRED_COLUMNS as REQUIRED_CASE_COLUMNS
from ._ehc import STEP_COLUMNS, cases_from_rows, read_cases, write_cases, write_steps
from ._files import FileError
from ._inspections import (
    LEGACY_COLUMNS,
    MI_COLUMNS,
    FileFormat,
    ReadResult,
    read_inspections,
    read_ofsted_legacy,
    read_ofsted_mi,
)
from ._plans import PlanFileError, read_plan, write_plan
from ._problem import Problem
from ._rules import load_rules
from ._sen2xml import read_sen2_xml
from ._worklist import WORKLIST_COLUMNS, write_worklist_csv, write_worklist_xlsx

__all__ = [
    "CASES_BEHIND_COLUMNS",
    "CASE_COLUMNS",
    "LEGACY_COLUMNS",
    "MI_COLUMNS",
    "PLAN_COLUMNS",
    "REQUIRED_CASE_COLUMNS",
    "STEP_COLUMNS",
    "WORKLIST_COLUMNS",
    "CaseFile",
    "Caseload",
    "DfeFile",
    "FileError",
    "FileFormat",
    "PlanFileError",
    "Problem",
    "ReadResult",
    "case_queries",
    "cases_from_rows",
    "load_rules",
    "read_caseload",
    "read_cases",
    "read_dfe_file",
    "read_dfe_table",
    "read_inspections",
    "read_ofsted_legacy",
    "read_ofsted_mi",
    "read_plan",
    "read_sen2_xml",
    "write_benchmark_xlsx",
    "write_caseload",
    "write_cases",
    "write_cases_behind",
    "write_plan",
    "write_steps",
    "write_worklist_csv",
    "write_worklist_xlsx",
]
