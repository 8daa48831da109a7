"""DfE's published EHC plan statistics: every council, region and England.

* `shipped_table`: the headline figures of DfE's *Education, health and care
  plans* release of June 2025 (calendar years 2019-2024), shipped inside
  sendkit and read on first use; `sendkit.io.read_dfe_table` lays a newer
  release from a file over it.
* `MEASURES`: the figures sendkit reads (20-week timeliness, plans issued,
  requests and refusals, assessments, annual-review decisions), each with
  DfE's column and its definition.
* `find_council`, `find_area`: a council by the name or code people type.
* `neighbours`: a council's ten statistical neighbours [S].
* `benchmark`: a council beside its region, England and its neighbours.
* `Figure`: a published number, or DfE's symbol (``x``, ``c``, ``z``,
  ``low``) with the reason: never 0.
* `sendkit.dfe.reviews`: DfE's annual-review measure from review dates.

Nothing here reads a user's file; the package's own table is read lazily, so
``import sendkit`` does not load it.
"""

from __future__ import annotations

from ._benchmark import Benchmark, MeasureBenchmark, benchmark
from ._lookup import (
    AmbiguousAreaError,
    UnknownAreaError,
    find_area,
    find_council,
    normalise,
)
from ._measures import KINDS, MEASURES, SERIES_BREAK, Kind, Measure
from ._neighbours import (
    NEIGHBOURS_CONFIDENCE,
    NEIGHBOURS_SOURCE,
    neighbour_keys,
    neighbours,
)
from ._table import (
    ENGLAND,
    META_COLUMNS,
    SOURCE,
    SYMBOLS,
    Area,
    Figure,
    Table,
    headline_rows,
    shipped_table,
)

__all__ = [
    "ENGLAND",
    "KINDS",
    "MEASURES",
    "META_COLUMNS",
    "NEIGHBOURS_CONFIDENCE",
    "NEIGHBOURS_SOURCE",
    "SERIES_BREAK",
    "SOURCE",
    "SYMBOLS",
    "AmbiguousAreaError",
    "Area",
    "Benchmark",
    "Figure",
    "Kind",
    "Measure",
    "MeasureBenchmark",
    "Table",
    "UnknownAreaError",
    "benchmark",
    "find_area",
    "find_council",
    "headline_rows",
    "neighbour_keys",
    "neighbours",
    "normalise",
    "shipped_table",
]
