"""The values `ActionPlan.status` returns: a progress report on one day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import attrs

from ._enums import FrozenMap, Partner, Rag

__all__ = ["ExceptionItem", "PlanStatus", "Review"]


def _to_counts(values: Mapping[Rag, int]) -> Mapping[Rag, int]:
    return FrozenMap({rag: int(values.get(rag, 0)) for rag in Rag})


def _to_ratings(values: Mapping[str, Any]) -> Mapping[str, Any]:
    return FrozenMap(values)


@attrs.frozen(kw_only=True)
class ExceptionItem:
    """One line of the exception report: a red action and what is known.

    Attributes:
        action_id: The action's id.
        section_id: The id of the section the action is in.
        description: What the action is.
        owner: The role responsible.
        lead_partner: The partner that leads it, if recorded.
        due: The due date, if set.
        days_late: Calendar days from *due* to the report date; 0 when the
            action is red for another reason (not started, or overridden).
        working_days_late: Working days after *due* up to and including the
            report date (``NETWORKDAYS(due + 1, as_of)``); 0 when not overdue.
        reason: Why it is red.
        latest_note: The latest progress note, or "" when there is none.
        latest_note_on: The date of that note.
    """

    action_id: str
    section_id: str
    description: str
    owner: str
    lead_partner: Partner | None
    due: dt.date | None
    days_late: int
    working_days_late: int
    reason: str
    latest_note: str
    latest_note_on: dt.date | None

    def to_dict(self) -> dict[str, Any]:
        """Return the item as JSON-ready values."""
        return {
            "action_id": self.action_id,
            "section_id": self.section_id,
            "description": self.description,
            "owner": self.owner,
            "lead_partner": self.lead_partner.value if self.lead_partner else None,
            "due": _iso(self.due),
            "days_late": self.days_late,
            "working_days_late": self.working_days_late,
            "reason": self.reason,
            "latest_note": self.latest_note,
            "latest_note_on": _iso(self.latest_note_on),
        }


@attrs.frozen(kw_only=True)
class Review:
    """One date in the plan's review schedule.

    Attributes:
        on: The review date.
        source: ``"board"`` for a given board date, ``"cycle"`` for a date
            from the regular cycle (every *n* months from the start).
    """

    on: dt.date
    source: str


@attrs.frozen(kw_only=True)
class PlanStatus:
    """A plan's progress on one day, as a board report needs it.

    Attributes:
        as_of: The day the report describes.
        due_soon_working_days: The amber window used, in working days.
        stale_after_weeks: An action with no update for this many weeks is
            listed in `stale`.
        region: The bank-holiday region used for working days.
        counts: Actions by RAG rating (every rating present, zero or more).
        ratings: Each action's `RagAssessment`, by action id.
        overdue: Ids of actions past their due date and not complete.
        due_soon: Ids of actions not complete and due from *as_of* to
            ``WORKDAY(as_of, due_soon_working_days)`` inclusive.
        stale: Ids of actions not complete whose latest update (or
            ``last_updated``) is more than *stale_after_weeks* weeks before
            *as_of*, or that have never been updated.
        overridden: Ids of actions whose RAG is a manual override.
        exceptions: One item per red action, in plan order.
        reviews: The review schedule: past reviews and the next one.
        next_review: The first review on or after *as_of*, if any.
    """

    as_of: dt.date
    due_soon_working_days: int
    stale_after_weeks: int
    region: str
    counts: Mapping[Rag, int] = attrs.field(converter=_to_counts, hash=False)
    ratings: Mapping[str, Any] = attrs.field(converter=_to_ratings, hash=False)
    overdue: tuple[str, ...]
    due_soon: tuple[str, ...]
    stale: tuple[str, ...]
    overridden: tuple[str, ...]
    exceptions: tuple[ExceptionItem, ...]
    reviews: tuple[Review, ...]
    next_review: dt.date | None

    @property
    def total(self) -> int:
        """The number of actions rated."""
        return sum(self.counts.values())

    def to_dict(self) -> dict[str, Any]:
        """Return the report as JSON-ready values.

        Keys: ``as_of``, ``counts`` (``red``, ``amber``, ``green``,
        ``complete``), ``total``, ``overdue``, ``due_soon``, ``stale``,
        ``overridden`` (lists of action ids), ``exceptions``, ``reviews``,
        ``next_review`` and ``settings``.
        """
        return {
            "as_of": self.as_of.isoformat(),
            "counts": {rag.value: self.counts[rag] for rag in Rag},
            "total": self.total,
            "overdue": list(self.overdue),
            "due_soon": list(self.due_soon),
            "stale": list(self.stale),
            "overridden": list(self.overridden),
            "exceptions": [item.to_dict() for item in self.exceptions],
            "reviews": [
                {"on": review.on.isoformat(), "source": review.source}
                for review in self.reviews
            ],
            "next_review": _iso(self.next_review),
            "settings": {
                "due_soon_working_days": self.due_soon_working_days,
                "stale_after_weeks": self.stale_after_weeks,
                "region": self.region,
            },
        }


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()
