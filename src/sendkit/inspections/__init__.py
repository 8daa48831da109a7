"""Area SEND inspections: outcomes, Ofsted's published files, and what follows.

* The model: `Framework`, the 2023 framework's `Outcome`, `MonitoringOutcome`,
  the 2016-2022 framework's `WsoaOutcome` and `RevisitOutcome`, and an
  `Inspection` value.
* `parse_outcome` reads an outcome as reports, the press and Ofsted write it.
* `follow_up` dates what follows an inspection from the rule catalogue, as
  `Milestone` values; `sendkit.reports` makes a readable report of them.
* `EXAMPLES` holds two real cases (Nottinghamshire 2023, Derbyshire 2024).

Ofsted's CSV, ODS and XLSX files are read by `sendkit.io.read_inspections`
(and `sendkit.io.read_ofsted_mi`, `sendkit.io.read_ofsted_legacy`); this
package reads no file.

Sources and confidence for every figure are in docs/rules.md and are carried
by the rule catalogue (`sendkit.rules`).
"""

from __future__ import annotations

from ._examples import EXAMPLE_SOURCES, EXAMPLES
from ._follow_up import (
    CLOCK_DATES,
    FOLLOW_UP,
    REVISIT_FOLLOW_UP,
    REVISITS_ENDED,
    Ended,
    Milestone,
    Status,
    Step,
    follow_up,
)
from ._model import (
    FRAMEWORK_SOURCES,
    OUTCOME_LABELS,
    OUTCOME_STATEMENTS,
    Framework,
    Inspection,
    MonitoringOutcome,
    Outcome,
    RevisitOutcome,
    WsoaOutcome,
)
from ._parse import (
    MONITORING_FORMS,
    OUTCOME_FORMS,
    OUTCOME_KEY_PHRASES,
    normalise_phrase,
    parse_monitoring_outcome,
    parse_outcome,
)

__all__ = [
    "CLOCK_DATES",
    "EXAMPLES",
    "EXAMPLE_SOURCES",
    "FOLLOW_UP",
    "FRAMEWORK_SOURCES",
    "MONITORING_FORMS",
    "OUTCOME_FORMS",
    "OUTCOME_KEY_PHRASES",
    "OUTCOME_LABELS",
    "OUTCOME_STATEMENTS",
    "REVISITS_ENDED",
    "REVISIT_FOLLOW_UP",
    "Ended",
    "Framework",
    "Inspection",
    "Milestone",
    "MonitoringOutcome",
    "Outcome",
    "RevisitOutcome",
    "Status",
    "Step",
    "WsoaOutcome",
    "follow_up",
    "normalise_phrase",
    "parse_monitoring_outcome",
    "parse_outcome",
]
