"""What sendkit knows about one request for an EHC needs assessment."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from types import MappingProxyType
from typing import Any, Final

import attrs

from ..dates import to_day
from ..errors import InvalidInputError, InvalidTypeError

__all__ = ["EXCEPTION_REASON_TEXT", "CaseException", "EhcCase", "ExceptionReason"]


class ExceptionReason(enum.Enum):
    """Why the 16- and 20-week limits do not apply to a case (reg 10(4)(a)-(d)).

    SEND Regulations 2014 reg 13(3) allows only these four reasons for missing
    the 20-week limit
    (https://www.legislation.gov.uk/uksi/2014/1530/regulation/13/made).
    Limbs (a) and (b) were read on legislation.gov.uk; the wording of (c) and (d)
    comes from secondary sources and from the identical limbs of reg 27(3).
    Whether reg 10(4) has a fifth limb (a missed appointment) is unconfirmed.
    """

    SCHOOL_CLOSURE = "school_closure"
    EARLY_YEARS_CLOSURE = "early_years_closure"
    PERSONAL_CIRCUMSTANCES = "personal_circumstances"
    ABSENCE_FROM_AREA = "absence_from_area"


#: The limb of reg 10(4) and a plain description of each reason.
EXCEPTION_REASON_TEXT: Final = MappingProxyType(
    {
        ExceptionReason.SCHOOL_CLOSURE: (
            "reg 10(4)(a): advice was asked of a school or post-16 institution "
            "from one week before it closed for 4 or more weeks until one week "
            "before it reopened"
        ),
        ExceptionReason.EARLY_YEARS_CLOSURE: (
            "reg 10(4)(b): the same closure rule for an early years provider"
        ),
        ExceptionReason.PERSONAL_CIRCUMSTANCES: (
            "reg 10(4)(c): exceptional personal circumstances affecting the child, "
            "the parent or the young person"
        ),
        ExceptionReason.ABSENCE_FROM_AREA: (
            "reg 10(4)(d): the child, parent or young person was absent from the "
            "area for a continuous period of 4 or more weeks"
        ),
    }
)


@attrs.frozen(kw_only=True)
class CaseException:
    """An exception to the time limits, recorded against one case.

    Attributes:
        reason: Which limb of reg 10(4) applies.
        note: The officer's free-text note. It is kept with the case but never
            printed by sendkit's reports, because free text can name people.
    """

    reason: ExceptionReason
    # Free text can name the child or family: kept out of repr() (and so out of
    # tracebacks, logs and doctest output).
    note: str = attrs.field(default="", repr=False)


def _to_exceptions(values: Iterable[CaseException]) -> tuple[CaseException, ...]:
    return tuple(values)


def _check_date(
    instance: EhcCase, attribute: attrs.Attribute[Any], value: object
) -> None:
    """Reject anything but a date (or ``None`` where the field allows it).

    The message names the field and the type, never the value: a value in the
    wrong field could be personal.
    """
    if isinstance(value, dt.date) or (value is None and attribute.default is None):
        return
    hint = (
        " (read text with sendkit.parse_date first)" if isinstance(value, str) else ""
    )
    msg = (
        f"{attribute.name} must be a datetime.date (a datetime counts as its "
        f"date), got a {type(value).__name__} in case {instance.case_id!r}{hint}"
    )
    raise InvalidTypeError(msg)


def _not_before_received(
    instance: EhcCase, attribute: attrs.Attribute[dt.date | None], value: dt.date | None
) -> None:
    if value is not None and value < instance.received:
        msg = (
            f"{attribute.name} {value.isoformat()} is before the request was "
            f"received ({instance.received.isoformat()}) in case {instance.case_id!r}"
        )
        raise InvalidInputError(msg)


def _later_date(
    instance: EhcCase, attribute: attrs.Attribute[dt.date | None], value: dt.date | None
) -> None:
    """Check a date after *received*: a date (or ``None``), and not before it."""
    _check_date(instance, attribute, value)
    _not_before_received(instance, attribute, value)


def _non_empty(
    instance: EhcCase, attribute: attrs.Attribute[str], value: object
) -> None:
    del instance, attribute
    if not isinstance(value, str):
        msg = f"case_id must be text (str), got a {type(value).__name__}"
        raise InvalidTypeError(msg)
    if not value.strip():
        msg = "case_id must not be empty"
        raise InvalidInputError(msg)


def _consistent_exceptions(
    instance: EhcCase,
    attribute: attrs.Attribute[tuple[CaseException, ...]],
    value: tuple[CaseException, ...],
) -> None:
    del attribute
    if value and instance.week20 is False:
        msg = (
            f"case {instance.case_id!r} records exception reasons but week20 is "
            "False; set week20=True (or leave it None) when an exception applies"
        )
        raise InvalidInputError(msg)


@attrs.frozen(kw_only=True)
class EhcCase:
    """One request for an EHC needs assessment and what has happened since.

    The dates follow the SEN2 person-level return (DfE's SEN2 technical
    specification). Every date after *received* must be on or after it.
    A `datetime.datetime` (such as a pandas ``Timestamp``) is stored as its
    date, so a caseload read with pandas measures the same as one of dates;
    anything else that is not a date is an `InvalidTypeError` naming the field.
    No personal data belongs here: *case_id* is an opaque reference, and
    sendkit prints nothing else that could identify the child.

    Attributes:
        case_id: An opaque reference (never a name, date of birth or UPN).
        received: The day the request was received (SEN2 ``ReceivedDate``):
            the start of every statutory clock.
        request_outcome_date: When the decision whether to assess was
            notified (SEN2 ``RequestOutcomeDate``; the 6-week step).
        decided_to_assess: ``True`` if the council agreed to assess, ``False``
            if it refused, ``None`` if not recorded. SEN2's ``RequestOutcome``
            code list is unconfirmed, so sendkit does not decode it.
        advice_requested: When advice was first requested (reg 8: 6 weeks).
        advice_received: When the last requested advice arrived.
        assessment_outcome_date: When the decision whether to issue a plan was
            notified (SEN2 ``AssessmentOutcomeDate``; the 16-week step).
        decided_to_issue: ``True`` if the council decided to issue a plan,
            ``False`` if it decided not to, ``None`` if not recorded.
        draft_issued: When the draft plan was served (starts the 15-day window).
        plan_issued: When the final plan was issued (SEN2 ``StartDate``).
        week20: SEN2 ``Week20``: ``True`` when the 20-week exceptions apply,
            ``False`` when they do not, ``None`` when not recorded.
        exceptions: The recorded reasons for an exception, if any.
    """

    case_id: str = attrs.field(validator=_non_empty)
    received: dt.date = attrs.field(converter=to_day, validator=_check_date)
    request_outcome_date: dt.date | None = attrs.field(
        default=None, converter=to_day, validator=_later_date
    )
    decided_to_assess: bool | None = None
    advice_requested: dt.date | None = attrs.field(
        default=None, converter=to_day, validator=_later_date
    )
    advice_received: dt.date | None = attrs.field(
        default=None, converter=to_day, validator=_later_date
    )
    assessment_outcome_date: dt.date | None = attrs.field(
        default=None, converter=to_day, validator=_later_date
    )
    decided_to_issue: bool | None = None
    draft_issued: dt.date | None = attrs.field(
        default=None, converter=to_day, validator=_later_date
    )
    plan_issued: dt.date | None = attrs.field(
        default=None, converter=to_day, validator=_later_date
    )
    week20: bool | None = None
    exceptions: tuple[CaseException, ...] = attrs.field(
        default=(), converter=_to_exceptions, validator=_consistent_exceptions
    )

    @property
    def excepted(self) -> bool:
        """Whether the case counts as an exception (``Week20 = 1``).

        The SEN2 flag decides; without it, any recorded reason makes the case
        an exception.
        """
        if self.week20 is not None:
            return self.week20
        return bool(self.exceptions)
