"""What a caseload file gave: the cases, the problems and the sendkit checks.

Its `Problem` (from ``_problem``) is the one problem type of ``sendkit.io``:
a place in a file (row and column, or an XML element) and a reason, never a
cell's value.
"""

from __future__ import annotations

from typing import Final

import attrs

from ..ehc._model import EhcCase
from ..ehc._queries import case_queries
from ._problem import Problem

__all__ = ["NOT_SHOWN", "CaseFile", "Problem", "case_queries"]

#: Added to every reason about a cell that could not be read.
NOT_SHOWN: Final = "the value is not shown because case files hold children's data"


@attrs.frozen(kw_only=True)
class CaseFile:
    """The cases read from one file, and what could not be read.

    Attributes:
        cases: The cases, in file order; rows with problems are left out.
        problems: One entry per unreadable row or element.
        queries: Rows that were read and kept, but that a local "sendkit
            check" questions (local pre-checks, not DfE's validation rules;
            see `case_queries`): SEN2 dates
            out of order, an issued plan without ``Week20``, a plan issued
            after a decision not to assess or not to issue, or a draft dated
            after the final plan. They are not DfE rule numbers.
        ignored: Columns or elements present but not used, by name only.
        source: The file name.
    """

    cases: tuple[EhcCase, ...]
    problems: tuple[Problem, ...] = ()
    queries: tuple[Problem, ...] = ()
    ignored: tuple[str, ...] = ()
    source: str = ""
