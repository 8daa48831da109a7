"""Time limits as cited data: the rule catalogue and the deadline engine.

Every rule has a stable code, a period, a basis (law, framework or usual
practice), a source with its URL and a confidence level from the project's
docs/rules.md (Confidence levels). `deadline` turns a rule and a start date into a `Deadline` that
says how the date was counted and how firm it is. Unconfirmed figures are
flagged in every output and can be overridden locally with
`RuleBook.with_period`, `RuleBook.override` or a local rule file
(`rules_from_toml` takes its text; `sendkit.io.load_rules` reads the file).

Examples:
    >>> import datetime as dt
    >>> from sendkit import deadline
    >>> deadline("ehc.final-plan", dt.date(2025, 1, 6)).due
    datetime.date(2025, 5, 26)
"""

from __future__ import annotations

from ._book import OVERRIDABLE_FIELDS, RuleBook
from ._engine import (
    COUNTING_CONVENTIONS,
    ROLL_CONVENTIONS,
    RULES,
    UNIT_CONVENTIONS,
    Deadline,
    deadline,
    due_date,
    get_rule,
)
from ._local import rules_from_toml
from ._model import (
    CODE_PATTERN,
    AlternativeClock,
    Basis,
    Confidence,
    Counting,
    Direction,
    Period,
    Roll,
    Rule,
    Uncounted,
    Unit,
)

__all__ = [
    "CODE_PATTERN",
    "COUNTING_CONVENTIONS",
    "OVERRIDABLE_FIELDS",
    "ROLL_CONVENTIONS",
    "RULES",
    "UNIT_CONVENTIONS",
    "AlternativeClock",
    "Basis",
    "Confidence",
    "Counting",
    "Deadline",
    "Direction",
    "Period",
    "Roll",
    "Rule",
    "RuleBook",
    "Uncounted",
    "Unit",
    "deadline",
    "due_date",
    "get_rule",
    "rules_from_toml",
]
