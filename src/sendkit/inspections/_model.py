"""Inspection frameworks, their outcomes, and one inspection as a value.

Each framework has its own outcome type, never one enum mixing them
(see docs/after-an-inspection.md): a 2023-framework report states one of three
`Outcome` values, a monitoring inspection one `MonitoringOutcome`, and a
2016-2022 inspection either required a written statement of action or did not
(`WsoaOutcome`), with a later revisit judging progress (`RevisitOutcome`).
Wording and sources: Ofsted's area SEND handbook and MI data, and the sources below.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from types import MappingProxyType
from typing import Final

import attrs

from ..dates import as_int, check_optional_day, to_day
from ..errors import InvalidInputError, InvalidTypeError

__all__ = [
    "FRAMEWORK_SOURCES",
    "OUTCOME_LABELS",
    "OUTCOME_STATEMENTS",
    "Framework",
    "Inspection",
    "MonitoringOutcome",
    "Outcome",
    "RevisitOutcome",
    "WsoaOutcome",
]


class Framework(enum.Enum):
    """Which inspection framework an inspection was carried out under."""

    #: Ofsted/CQC area SEND inspections from 1 January 2023 (revised June 2025).
    AREA_SEND_2023 = "area_send_2023"
    #: The local area SEND inspections of May 2016 to December 2022.
    LOCAL_AREA_SEND_2016 = "local_area_send_2016"

    @property
    def title(self) -> str:
        """A short human name, such as ``"Area SEND framework (2023)"``."""
        return _FRAMEWORK_TITLES[self]


_FRAMEWORK_TITLES: Final = MappingProxyType(
    {
        Framework.AREA_SEND_2023: "Area SEND framework (2023)",
        Framework.LOCAL_AREA_SEND_2016: "Local area SEND framework (2016-2022)",
    }
)

#: Where each framework is described.
FRAMEWORK_SOURCES: Final = MappingProxyType(
    {
        Framework.AREA_SEND_2023: (
            "https://www.gov.uk/government/publications/area-send-framework-and-handbook/"
            "area-send-inspections-framework-and-handbook"
        ),
        Framework.LOCAL_AREA_SEND_2016: (
            "https://gov.uk/government/publications/local-area-send-inspection-guidance-for-inspectors"
        ),
    }
)


class Outcome(enum.Enum):
    """The outcome of a full inspection under the 2023 area SEND framework.

    A report states exactly one of three outcomes; it is not a graded scale.
    The values are stable codes for files and JSON; `label` is Ofsted's short
    label from its management information, and `statement` the full sentence a
    report uses.
    """

    POSITIVE = "positive"
    INCONSISTENT = "inconsistent"
    SYSTEMIC = "systemic"

    @property
    def number(self) -> int:
        """The outcome's number, 1 to 3, as reports and the press count them."""
        return _OUTCOME_NUMBERS[self]

    @property
    def label(self) -> str:
        """Ofsted's short label, as in its management-information files."""
        return OUTCOME_LABELS[self]

    @property
    def statement(self) -> str:
        """The outcome as a report states it."""
        return OUTCOME_STATEMENTS[self]

    @property
    def requires_priority_action_plan(self) -> bool:
        """Whether the outcome identifies areas for priority action (outcome 3)."""
        return self is Outcome.SYSTEMIC


_OUTCOME_NUMBERS: Final = MappingProxyType(
    {Outcome.POSITIVE: 1, Outcome.INCONSISTENT: 2, Outcome.SYSTEMIC: 3}
)

#: Ofsted's short labels, as in the management-information files (tests/data/ofsted).
OUTCOME_LABELS: Final = MappingProxyType(
    {
        Outcome.POSITIVE: "Typically positive experiences and outcomes",
        Outcome.INCONSISTENT: "Inconsistent experiences and outcomes",
        Outcome.SYSTEMIC: "Widespread and/or systemic failings",
    }
)

#: The outcome sentences reports use, built on Ofsted's key phrases (area SEND
#: handbook). Outcome 3's sentence is as quoted in Nottinghamshire's cabinet papers
#: (2023) and Derbyshire's report (2024); outcomes 1 and 2 are reproduced by
#: partnerships' own pages [S].
OUTCOME_STATEMENTS: Final = MappingProxyType(
    {
        Outcome.POSITIVE: (
            "The local area partnership's SEND arrangements typically lead to "
            "positive experiences and outcomes for children and young people with "
            "SEND. The local area partnership is taking action where improvements "
            "are needed."
        ),
        Outcome.INCONSISTENT: (
            "The local area partnership's SEND arrangements lead to inconsistent "
            "experiences and outcomes for children and young people with SEND. "
            "The local area partnership must work jointly to make improvements."
        ),
        Outcome.SYSTEMIC: (
            "There are widespread and/or systemic failings leading to significant "
            "concerns about the experiences and outcomes of children and young "
            "people with SEND, which the local area partnership must address "
            "urgently."
        ),
    }
)


class MonitoringOutcome(enum.Enum):
    """The outcome of a monitoring inspection after an outcome 3.

    Confidence [S]: the two outcomes come from a parent carer forum and local
    press (Hertfordshire, 2025: hertsparentcarers.org.uk), not from the handbook text
    (the handbook's official sentences are unconfirmed).
    """

    #: The partnership has taken effective action on the areas for priority action.
    EFFECTIVE_ACTION = "effective_action"
    #: The partnership has not taken effective action on them.
    INEFFECTIVE_ACTION = "ineffective_action"

    @property
    def label(self) -> str:
        """The outcome in words."""
        return self.value.replace("_", " ").capitalize()


class WsoaOutcome(enum.Enum):
    """The 2016-2022 outcome: was a written statement of action required?

    Requiring one was "an indication of significant weaknesses" (Ofsted's data
    guidance sheet in its 2016-2022 data file).
    """

    REQUIRED = "wsoa_required"
    NOT_REQUIRED = "no_wsoa"

    @property
    def label(self) -> str:
        """The outcome in words."""
        if self is WsoaOutcome.REQUIRED:
            return "Written statement of action required"
        return "No written statement of action required"


class RevisitOutcome(enum.Enum):
    """The outcome of a 2016-2022 revisit to an area with a written statement.

    Ofsted's data records whether the area made sufficient progress in
    addressing all its significant weaknesses: ``Yes`` (all), ``Some`` or
    ``No`` (none).
    """

    ALL = "all"
    SOME = "some"
    NONE = "none"

    @property
    def label(self) -> str:
        """The outcome in words."""
        return _REVISIT_LABELS[self]


_REVISIT_LABELS: Final = MappingProxyType(
    {
        RevisitOutcome.ALL: "Sufficient progress on all significant weaknesses",
        RevisitOutcome.SOME: "Sufficient progress on some significant weaknesses",
        RevisitOutcome.NONE: "Insufficient progress on all significant weaknesses",
    }
)

_LA_CODE: Final = re.compile(r"[EW]\d{8}")


def _optional_count(
    instance: Inspection, attribute: attrs.Attribute[int | None], value: int | None
) -> None:
    del instance
    if value is not None and as_int(value, attribute.name) < 0:
        msg = f"{attribute.name} must be 0 or more, got {value!r}"
        raise InvalidInputError(msg)


def _area_name(
    _instance: Inspection, attribute: attrs.Attribute[str], value: object
) -> None:
    if not isinstance(value, str):
        msg = f"{attribute.name} must be text, got {value!r} ({type(value).__name__})"
        raise InvalidTypeError(msg)
    if not value.strip():
        msg = f"{attribute.name} must name the local area partnership, got {value!r}"
        raise InvalidInputError(msg)


def _whole(
    instance: Inspection, attribute: attrs.Attribute[str | None], value: str | None
) -> None:
    del attribute, value
    problems = _problems(instance)
    if problems:
        msg = f"inspection of {instance.local_area!r}: {'; '.join(problems)}"
        raise InvalidInputError(msg)


def _to_titles(values: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    return tuple(values)


@attrs.frozen(kw_only=True)
class Inspection:
    """One full inspection of a local area partnership, as published.

    The report-received date is rarely public. When it is not given,
    `received` falls back to the publication date and `received_is_assumed`
    says so; every date counted from receipt then carries that assumption.

    Attributes:
        local_area: The local area partnership, named as Ofsted names it
            (``"Nottinghamshire"``).
        framework: The framework the inspection was carried out under.
        outcome: The outcome: an `Outcome` for the 2023 framework, a
            `WsoaOutcome` for 2016-2022, or None when not known.
        la_code: The local authority's nine-character ONS code
            (``"E10000024"``), where the source gives it.
        ofsted_region: Ofsted's region, such as ``"East Midlands"``.
        start: The inspection start date as Ofsted records it. For the 2023
            framework the meaning of this date is not documented (the
            notification Monday or the first on-site day; unconfirmed).
        end: The last day of the inspection, where known.
        published: The day the report (or outcome letter) was published.
        report_received: The day the partnership received its final report,
            when known; None means unknown (see `received`).
        priority_action_count: The number of areas for priority action,
            where known. Only an outcome 3 has any.
        areas_for_priority_action: The areas for priority action in words,
            where known.
        improvement_count: The number of areas for improvement, where known.
        areas_for_improvement: The areas for improvement in words, where known.
        wsoa_weaknesses: 2016-2022: the number of significant weaknesses in
            the written statement of action.
        wsoa_accepted: 2016-2022: the day the written statement was accepted
            as fit for purpose, when known (it is not in Ofsted's data).
        revisit_start: 2016-2022: the revisit start date.
        revisit_published: 2016-2022: the revisit letter's publication date.
        revisit_outcome: 2016-2022: the revisit outcome.
        weaknesses_progress_made: 2016-2022: weaknesses with sufficient
            progress at the revisit.
        weaknesses_progress_not_made: 2016-2022: weaknesses without it.
        link: A web address for the report, where the source gives one.
    """

    local_area: str = attrs.field(validator=_area_name)
    framework: Framework
    outcome: Outcome | WsoaOutcome | None = None
    la_code: str | None = None
    ofsted_region: str | None = None
    start: dt.date | None = attrs.field(
        default=None, converter=to_day, validator=check_optional_day
    )
    end: dt.date | None = attrs.field(
        default=None, converter=to_day, validator=check_optional_day
    )
    published: dt.date | None = attrs.field(
        default=None, converter=to_day, validator=check_optional_day
    )
    report_received: dt.date | None = attrs.field(
        default=None, converter=to_day, validator=check_optional_day
    )
    priority_action_count: int | None = attrs.field(
        default=None, validator=_optional_count
    )
    areas_for_priority_action: tuple[str, ...] = attrs.field(
        default=(), converter=_to_titles
    )
    improvement_count: int | None = attrs.field(default=None, validator=_optional_count)
    areas_for_improvement: tuple[str, ...] = attrs.field(
        default=(), converter=_to_titles
    )
    wsoa_weaknesses: int | None = attrs.field(default=None, validator=_optional_count)
    wsoa_accepted: dt.date | None = attrs.field(
        default=None, converter=to_day, validator=check_optional_day
    )
    revisit_start: dt.date | None = attrs.field(
        default=None, converter=to_day, validator=check_optional_day
    )
    revisit_published: dt.date | None = attrs.field(
        default=None, converter=to_day, validator=check_optional_day
    )
    revisit_outcome: RevisitOutcome | None = None
    weaknesses_progress_made: int | None = attrs.field(
        default=None, validator=_optional_count
    )
    weaknesses_progress_not_made: int | None = attrs.field(
        default=None, validator=_optional_count
    )
    # The last field carries the cross-field check: validators run once every
    # field is set, so it can read them all.
    link: str | None = attrs.field(default=None, validator=_whole)

    @property
    def received(self) -> dt.date | None:
        """The day the final report was received: `report_received`, else `published`."""
        return self.report_received or self.published

    @property
    def received_is_assumed(self) -> bool:
        """Whether `received` is the publication date standing in for an unknown one."""
        return self.report_received is None and self.published is not None

    @property
    def priority_actions(self) -> int | None:
        """The number of areas for priority action: the count, else the titles'."""
        if self.priority_action_count is not None:
            return self.priority_action_count
        return len(self.areas_for_priority_action) or None

    @property
    def outcome_code(self) -> str | None:
        """The outcome's stable code (``"systemic"``, ``"wsoa_required"``...)."""
        return self.outcome.value if self.outcome else None

    @property
    def outcome_label(self) -> str:
        """The outcome in words, or ``"Outcome not known"``."""
        return self.outcome.label if self.outcome else "Outcome not known"


def _problems(insp: Inspection) -> list[str]:
    """Return what is inconsistent in *insp*; empty when it is sound."""
    out: list[str] = []
    legacy = insp.framework is Framework.LOCAL_AREA_SEND_2016
    wanted = WsoaOutcome if legacy else Outcome
    if insp.outcome is not None and not isinstance(insp.outcome, wanted):
        out.append(
            f"outcome {insp.outcome.value!r} belongs to another framework than "
            f"{insp.framework.value!r}"
        )
    if insp.la_code is not None and not _LA_CODE.fullmatch(insp.la_code):
        out.append(
            f"la_code {insp.la_code!r} is not a nine-character ONS code "
            "such as 'E10000024'"
        )
    pairs = (
        ("start", insp.start, "end", insp.end),
        ("start", insp.start, "published", insp.published),
        ("start", insp.start, "report_received", insp.report_received),
        ("published", insp.published, "revisit_start", insp.revisit_start),
        (
            "revisit_start",
            insp.revisit_start,
            "revisit_published",
            insp.revisit_published,
        ),
    )
    out.extend(
        f"{late_name} {late.isoformat()} is before {early_name} {early.isoformat()}"
        for early_name, early, late_name, late in pairs
        if early is not None and late is not None and late < early
    )
    apas = insp.priority_actions
    if apas and insp.outcome is not None and insp.outcome is not Outcome.SYSTEMIC:
        out.append(
            f"{apas} areas for priority action with outcome {insp.outcome.value!r}; "
            "only a 'systemic' outcome (outcome 3) has areas for priority action"
        )
    if (
        insp.priority_action_count is not None
        and insp.areas_for_priority_action
        and insp.priority_action_count != len(insp.areas_for_priority_action)
    ):
        out.append(
            f"priority_action_count {insp.priority_action_count} does not match the "
            f"{len(insp.areas_for_priority_action)} areas_for_priority_action given"
        )
    has_revisit = any(
        value is not None
        for value in (
            insp.revisit_start,
            insp.revisit_published,
            insp.revisit_outcome,
            insp.wsoa_weaknesses,
            insp.wsoa_accepted,
        )
    )
    if has_revisit and not legacy:
        out.append("written statement and revisit fields belong to the 2016 framework")
    if has_revisit and insp.outcome is WsoaOutcome.NOT_REQUIRED:
        out.append(
            "a revisit or weaknesses given, but no written statement was required"
        )
    return out
