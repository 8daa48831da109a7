"""Enumerations of the action-plan model, with stable lowercase values.

The values are what trackers store and what the command line prints; they do
not change between releases.
"""

from __future__ import annotations

import enum
import types
from collections.abc import Iterator, Mapping
from typing import Final, Generic, TypeVar

__all__ = ["AreaKind", "Partner", "PlanKind", "Rag", "Status"]

K = TypeVar("K")
V = TypeVar("V")


class FrozenMap(Mapping[K, V], Generic[K, V]):
    """A read-only, hashable, picklable mapping (``MappingProxyType`` cannot pickle)."""

    __slots__ = ("_items",)

    def __init__(self, items: Mapping[K, V]) -> None:
        self._items = dict(items)

    def __getitem__(self, key: K) -> V:
        return self._items[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        return hash(frozenset(self._items.items()))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return self._items == dict(other)
        return NotImplemented

    def __repr__(self) -> str:
        return repr(self._items)

    def __reduce__(self) -> tuple[type[FrozenMap[K, V]], tuple[dict[K, V]]]:
        return (type(self), (self._items,))


class PlanKind(enum.Enum):
    """What kind of improvement plan this is, and so what answers to whom.

    Sources (each rule's citation is in docs/rules.md): priority action plan after an outcome 3 under the
    2023 area SEND framework (Ofsted's area SEND handbook); written statement of action under the
    2016-2022 framework (Ofsted's revisit guidance); accelerated progress plan after a revisit found
    insufficient progress (same guidance); strategic plan after an outcome 2 (DfE, parliamentary answer on Hertfordshire).
    """

    PRIORITY_ACTION_PLAN = "priority-action-plan"
    WRITTEN_STATEMENT_OF_ACTION = "written-statement-of-action"
    ACCELERATED_PROGRESS_PLAN = "accelerated-progress-plan"
    STRATEGIC_PLAN = "strategic-plan"


class AreaKind(enum.Enum):
    """Where a section of a plan comes from in the inspection report."""

    PRIORITY_ACTION = "priority-action"  # area for priority action (outcome 3)
    IMPROVEMENT = "improvement"  # area for improvement (recommendation)
    SIGNIFICANT_WEAKNESS = "significant-weakness"  # 2016-2022 framework (WSOA)
    LOCAL = "local"  # a partnership's own priority


class Status(enum.Enum):
    """An action's delivery status, as its owner reports it."""

    NOT_STARTED = "not-started"
    ON_TRACK = "on-track"
    AT_RISK = "at-risk"
    OFF_TRACK = "off-track"
    COMPLETE = "complete"
    CLOSED_EVIDENCED = "closed-evidenced"

    @property
    def done(self) -> bool:
        """Whether the action needs no more delivery work."""
        return self in _DONE


_DONE: Final = frozenset({Status.COMPLETE, Status.CLOSED_EVIDENCED})


class Partner(enum.Enum):
    """The partner that leads an action (the LA and ICB jointly: Ofsted's area SEND inspection methodology)."""

    LOCAL_AUTHORITY = "local-authority"
    ICB = "icb"
    PROVIDER_TRUST = "provider-trust"
    PARENT_CARER_FORUM = "parent-carer-forum"
    SCHOOL_OR_SETTING = "school-or-setting"
    OTHER = "other"


class Rag(enum.Enum):
    """A red/amber/green rating, with blue for complete.

    ``Rag.COMPLETE`` is shown blue in workbooks and reports.
    """

    RED = "red"
    AMBER = "amber"
    GREEN = "green"
    COMPLETE = "complete"

    @property
    def colour(self) -> str:
        """The hex colour used for this rating in workbooks and reports."""
        return _COLOURS[self]


_COLOURS: Final = types.MappingProxyType(
    {
        Rag.RED: "#C00000",
        Rag.AMBER: "#FFC000",
        Rag.GREEN: "#00B050",
        Rag.COMPLETE: "#0070C0",
    }
)
