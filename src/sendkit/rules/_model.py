"""The shape of a time-limit rule: periods, units, bases, confidence and counting.

Everything here is a value: enums with stable lowercase string values and
frozen attrs classes. The catalogue (`_catalogue`) is a table of `Rule` values
and the engine (`_engine`) is the one function that turns a rule and a start
date into a due date.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterable
from typing import Final

import attrs

from ..errors import InvalidInputError

__all__ = [
    "CODE_PATTERN",
    "AlternativeClock",
    "Basis",
    "Confidence",
    "Counting",
    "Direction",
    "Period",
    "Roll",
    "Rule",
    "Uncounted",
    "Unit",
]

#: A rule code: dotted, lowercase words joined by hyphens, at least two parts.
CODE_PATTERN: Final = re.compile(
    r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)+"
)

_IDENTIFIER: Final = re.compile(r"[a-z][a-z0-9_]*")


class Unit(enum.Enum):
    """How a period is counted.

    The start-day convention and the non-working-day behaviour of each unit are
    in `sendkit.rules.UNIT_CONVENTIONS` and on the "Deadlines" page.
    """

    CALENDAR_DAYS = "calendar_days"
    WEEKS = "weeks"
    MONTHS = "months"
    WORKING_DAYS = "working_days"
    FIXED_DATE = "fixed_date"


class Basis(enum.Enum):
    """Where a time limit comes from, which decides how firm it is."""

    LAW = "law"
    FRAMEWORK = "framework"
    USUAL_PRACTICE = "usual_practice"

    @property
    def is_hard_limit(self) -> bool:
        """Whether a date on this basis is a deadline rather than an expected date.

        Law (Acts, Regulations, tribunal rules) and inspection-framework
        requirements are hard limits. Usual practice ("usually within") gives
        an expected date: a target, not a deadline.
        """
        return self is not Basis.USUAL_PRACTICE

    @property
    def label(self) -> str:
        """A short label for tables and reports."""
        return _BASIS_LABELS[self]


_BASIS_LABELS: Final = {
    Basis.LAW: "law",
    Basis.FRAMEWORK: "framework",
    Basis.USUAL_PRACTICE: "usual practice",
}


class Confidence(enum.Enum):
    """How well a rule's figure is sourced: the tags of docs/rules.md, "Confidence levels".

    Only ``primary`` (legislation or an official page read directly) counts as
    confirmed; every other level is shown as unconfirmed in every output.
    """

    PRIMARY = "primary"
    PRIMARY_PARTIAL = "primary-partial"
    SECONDARY = "secondary"
    SECONDARY_WEAK = "secondary-weak"
    UNCONFIRMED = "unconfirmed"

    @property
    def confirmed(self) -> bool:
        """Whether the figure is confirmed by a primary source read in full."""
        return self is Confidence.PRIMARY

    @property
    def tag(self) -> str:
        """The short tag shown in docs/rules.md, such as ``[P]`` or ``[S]``."""
        return _CONFIDENCE_TAGS[self]

    @property
    def meaning(self) -> str:
        """What the level means, in one phrase."""
        return _CONFIDENCE_MEANINGS[self]


_CONFIDENCE_TAGS: Final = {
    Confidence.PRIMARY: "[P]",
    Confidence.PRIMARY_PARTIAL: "[P-partial]",
    Confidence.SECONDARY: "[S]",
    Confidence.SECONDARY_WEAK: "[S-weak]",
    Confidence.UNCONFIRMED: "[U]",
}

_CONFIDENCE_MEANINGS: Final = {
    Confidence.PRIMARY: "primary text read directly",
    Confidence.PRIMARY_PARTIAL: "primary text read only in part",
    Confidence.SECONDARY: "a secondary source describing the rule",
    Confidence.SECONDARY_WEAK: "a single secondary source of uncertain quality",
    Confidence.UNCONFIRMED: "no readable source for the figure",
}


class Direction(enum.Enum):
    """Whether the due date falls after the clock's event or before it.

    Most limits run forward ("within 20 weeks of the request"). A few run back
    from a future event ("at least 2 weeks before the review meeting", "at
    least 5 months before the transfer"); their due date is the last day on
    which the act is still in time, before the event.
    """

    AFTER = "after"
    BEFORE = "before"


class Counting(enum.Enum):
    """Which day is day one of a period.

    * ``start_is_day_zero``: the event day is not counted; the period ends on
      the corresponding day (20 weeks from a Monday ends on a Monday). The
      usual reading of "within N weeks of".
    * ``start_is_day_one``: "beginning with the day on which ..." (SEND
      Regulations 2014 reg 13(1) and 22(2)): the event day is day one, so a
      15-day window that begins on the 1st ends on the 15th.
    * ``day_before``: "before 15 February": the named date is itself too late,
      so the last day in time is the day before it.
    * ``clear_days``: "at least two weeks' notice" read as clear days: neither
      the day of the act nor the day of the event counts, so two weeks'
      notice of a meeting must go out 15 days before it. A reading, not a
      settled rule: a rule using it says so in its note.

    For months, "a period of 12 months starting with" a day ends on the day
    before the corresponding day a year on (15 March 2024 to 14 March 2025);
    a start on 29 February ends on 28 February, the last day before the
    next period would start.
    """

    START_IS_DAY_ZERO = "start_is_day_zero"
    START_IS_DAY_ONE = "start_is_day_one"
    DAY_BEFORE = "day_before"
    CLEAR_DAYS = "clear_days"


class Uncounted(enum.Enum):
    """Days a period skips altogether (not counted, as opposed to rolled over).

    * ``none``: every day of the unit counts.
    * ``tribunal_closed``: First-tier Tribunal (HESC) Rules 2008 rule
      12(3)(b): in a special educational needs case, days in August and from
      25 December to 1 January are not counted when working out when an act
      other than starting an appeal must be done.
    """

    NONE = "none"
    TRIBUNAL_CLOSED = "tribunal_closed"


class Roll(enum.Enum):
    """What happens when a due date falls on a non-working day.

    * ``keep``: nothing; the due date stands. The SEND Regulations 2014 and the
      inspection handbooks have no rule moving a date off a weekend or bank
      holiday, so sendkit does not invent one.
    * ``next_working_day``: the act is in time on the next working day.
    * ``tribunal_rule_12``: the First-tier Tribunal (HESC) Rules 2008: an
      appeal due from 25 December to 1 January, or in August, is in time on the
      first working day after 1 January or 31 August (rule 12(3)(a)); any other
      non-working due day moves to the next working day (rule 12(2)).
    """

    KEEP = "keep"
    NEXT_WORKING_DAY = "next_working_day"
    TRIBUNAL_RULE_12 = "tribunal_rule_12"


_UNIT_WORDS: Final = {
    Unit.CALENDAR_DAYS: ("calendar day", "calendar days"),
    Unit.WEEKS: ("week", "weeks"),
    Unit.MONTHS: ("month", "months"),
    Unit.WORKING_DAYS: ("working day", "working days"),
}

# Words accepted by `Period.parse`, mapped to units.
_PARSE_UNITS: Final = {
    "day": Unit.CALENDAR_DAYS,
    "days": Unit.CALENDAR_DAYS,
    "calendar day": Unit.CALENDAR_DAYS,
    "calendar days": Unit.CALENDAR_DAYS,
    "week": Unit.WEEKS,
    "weeks": Unit.WEEKS,
    "month": Unit.MONTHS,
    "months": Unit.MONTHS,
    "working day": Unit.WORKING_DAYS,
    "working days": Unit.WORKING_DAYS,
}

_MONTH_NAMES: Final = tuple(
    dt.date(2001, month, 1).strftime("%B") for month in range(1, 13)
)
_PERIOD_TEXT: Final = re.compile(r"(\d+)\s+([a-z ]+?)")
_FIXED_TEXT: Final = re.compile(r"(\d{1,2})\s+([a-z]+)")
_MAX_AMOUNT: Final = 10_000


def _check_amount(
    instance: Period, attribute: attrs.Attribute[int], value: int
) -> None:
    del instance, attribute
    if type(value) is not int or not 1 <= value <= _MAX_AMOUNT:
        msg = f"period amount must be a whole number from 1 to {_MAX_AMOUNT}, got {value!r}"
        raise InvalidInputError(msg)


@attrs.frozen
class Period:
    """An amount of a unit (20 weeks, 35 working days) or a fixed day of the year.

    For `Unit.FIXED_DATE`, *amount* is the day of the month and *month* the
    month: ``Period(15, Unit.FIXED_DATE, month=2)`` is 15 February of the
    year the clock's event falls in.

    Attributes:
        amount: How many units (at least 1), or the day of the month for a
            fixed date.
        unit: The counting unit.
        month: The month (1-12) of a fixed date; None for every other unit.

    Examples:
        >>> str(Period(35, Unit.WORKING_DAYS))
        '35 working days'
        >>> str(Period(15, Unit.FIXED_DATE, month=2))
        '15 February'
        >>> Period.parse("2 months")
        Period(amount=2, unit=<Unit.MONTHS: 'months'>, month=None)
    """

    amount: int = attrs.field(validator=_check_amount)
    unit: Unit = attrs.field(validator=attrs.validators.instance_of(Unit))
    month: int | None = attrs.field(default=None, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if self.unit is Unit.FIXED_DATE:
            try:
                dt.date(2001, self.month or 0, self.amount)  # 2001: no 29 February
            except (ValueError, TypeError):
                msg = (
                    "a fixed-date period needs a day and month that exist in every "
                    f"year, got day {self.amount!r} of month {self.month!r}"
                )
                raise InvalidInputError(msg) from None
        elif self.month is not None:
            msg = f"only a fixed-date period has a month, got month={self.month!r} with {self.unit.value}"
            raise InvalidInputError(msg)

    def __str__(self) -> str:
        if self.unit is Unit.FIXED_DATE:
            return f"{self.amount} {_MONTH_NAMES[(self.month or 1) - 1]}"
        one, many = _UNIT_WORDS[self.unit]
        return f"{self.amount} {one if self.amount == 1 else many}"

    @classmethod
    def parse(cls, text: object) -> Period:
        """Read a period written as in the catalogue: ``"6 weeks"``, ``"15 February"``.

        Accepted units: days or calendar days, weeks, months, working days; or a
        day and month name for a fixed date. Case and spacing do not matter.

        Raises:
            InvalidInputError: The text is not a period in one of these forms.
        """
        if not isinstance(text, str):
            msg = f"period must be text such as '6 weeks', got {text!r}"
            raise InvalidInputError(msg)
        value = " ".join(text.strip().lower().split())
        if (match := _PERIOD_TEXT.fullmatch(value)) and match.group(2) in _PARSE_UNITS:
            return cls(int(match.group(1)), _PARSE_UNITS[match.group(2)])
        if match := _FIXED_TEXT.fullmatch(value):
            names = [name.lower() for name in _MONTH_NAMES]
            if match.group(2) in names:
                month = names.index(match.group(2)) + 1
                return cls(int(match.group(1)), Unit.FIXED_DATE, month=month)
        msg = (
            f"period {text!r} is not understood; write an amount and a unit "
            "('35 working days', '6 weeks', '2 months', '15 days') or a day "
            "and month ('15 February')"
        )
        raise InvalidInputError(msg)


def _check_code(
    instance: object, attribute: attrs.Attribute[str], value: object
) -> None:
    del instance, attribute
    if not isinstance(value, str) or not CODE_PATTERN.fullmatch(value):
        msg = (
            f"rule code {value!r} is not dotted lowercase words "
            "(such as 'ehc.final-plan')"
        )
        raise InvalidInputError(msg)


def _non_empty(
    instance: object, attribute: attrs.Attribute[str], value: object
) -> None:
    del instance
    if not isinstance(value, str) or not value.strip():
        msg = f"rule {attribute.name} must be non-empty text, got {value!r}"
        raise InvalidInputError(msg)


def _check_url(
    instance: object, attribute: attrs.Attribute[str], value: object
) -> None:
    del instance, attribute
    if not isinstance(value, str) or not value.startswith(("https://", "http://")):
        msg = f"rule url must start with https:// or http://, got {value!r}"
        raise InvalidInputError(msg)


def _check_input_name(
    instance: object, attribute: attrs.Attribute[str], value: object
) -> None:
    del instance, attribute
    if not isinstance(value, str) or not _IDENTIFIER.fullmatch(value):
        msg = f"an input name must be a lowercase identifier, got {value!r}"
        raise InvalidInputError(msg)


@attrs.frozen(kw_only=True)
class AlternativeClock:
    """A second clock for a "whichever is later" rule.

    The rule's due date is the later of its own clock and each alternative
    whose input date was given. ``tribunal.appeal`` has one: 1 month from the
    date a mediation certificate was issued, given as ``certificate_issued=``.

    Attributes:
        input: The keyword name of the date that starts this clock.
        clock_starts: What that date is, in plain English.
        period: How long this clock runs.
        counting: Which day is day one (see `Counting`).
    """

    input: str = attrs.field(validator=_check_input_name)
    clock_starts: str = attrs.field(validator=_non_empty)
    period: Period
    counting: Counting = Counting.START_IS_DAY_ZERO


def _check_rule(rule: Rule) -> None:
    if rule.period.unit is Unit.FIXED_DATE and rule.direction is Direction.BEFORE:
        msg = f"rule {rule.code!r}: a fixed date has no direction; use direction=AFTER"
        raise InvalidInputError(msg)
    if rule.counting is Counting.CLEAR_DAYS and rule.period.unit is Unit.FIXED_DATE:
        msg = f"rule {rule.code!r}: counting 'clear_days' does not apply to fixed dates"
        raise InvalidInputError(msg)
    if rule.uncounted is not Uncounted.NONE and rule.period.unit not in {
        Unit.CALENDAR_DAYS,
        Unit.WORKING_DAYS,
    }:
        msg = f"rule {rule.code!r}: uncounted days apply only to periods of days"
        raise InvalidInputError(msg)
    if rule.counting is Counting.DAY_BEFORE and rule.period.unit is not Unit.FIXED_DATE:
        msg = f"rule {rule.code!r}: counting 'day_before' applies only to fixed dates"
        raise InvalidInputError(msg)
    if (
        rule.valid_from is not None
        and rule.valid_until is not None
        and rule.valid_until < rule.valid_from
    ):
        msg = f"rule {rule.code!r}: valid_until is before valid_from"
        raise InvalidInputError(msg)
    names = [clock.input for clock in rule.alternatives]
    if len(set(names)) != len(names):
        msg = f"rule {rule.code!r}: two alternative clocks share an input name"
        raise InvalidInputError(msg)


def _to_tuple(value: Iterable[AlternativeClock]) -> tuple[AlternativeClock, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class Rule:
    """One time limit: what starts the clock, how long it runs, and who says so.

    A rule is data. Adding one is a new row in the catalogue plus a golden
    example; the engine has no branch for any particular rule.

    Attributes:
        code: Stable dotted lowercase code, such as ``"ehc.final-plan"``.
        summary: What must happen, in plain English.
        clock_starts: The event whose date starts the clock.
        period: How long the clock runs (or the fixed day of the year).
        basis: Law, inspection framework or usual practice.
        source: The regulation, section or paragraph, and who reports it
            when the source is secondary.
        url: Where the source can be read.
        confidence: How well the figure is sourced (see docs/rules.md, Confidence levels).
        direction: Whether the due date is after the event or before it.
        counting: Which day is day one (see `Counting`).
        roll: What happens when the due date is not a working day.
        uncounted: Days the period skips altogether (see `Uncounted`).
        alternatives: Further clocks for "whichever is later" rules.
        valid_from: The first clock-start date the rule applies to, if limited.
        valid_until: The last clock-start date the rule applies to, if limited.
        note: Caveats: exceptions, conflicting readings, what is unconfirmed.
        overridden: How the rule was changed locally (a `RuleBook` override or
            a local rule file), or None for the catalogue's own rule.
    """

    code: str = attrs.field(validator=_check_code)
    summary: str = attrs.field(validator=_non_empty)
    clock_starts: str = attrs.field(validator=_non_empty)
    period: Period = attrs.field(validator=attrs.validators.instance_of(Period))
    basis: Basis = attrs.field(validator=attrs.validators.instance_of(Basis))
    source: str = attrs.field(validator=_non_empty)
    url: str = attrs.field(validator=_check_url)
    confidence: Confidence = attrs.field(
        validator=attrs.validators.instance_of(Confidence)
    )
    direction: Direction = Direction.AFTER
    counting: Counting = Counting.START_IS_DAY_ZERO
    roll: Roll = Roll.KEEP
    uncounted: Uncounted = Uncounted.NONE
    alternatives: tuple[AlternativeClock, ...] = attrs.field(
        default=(), converter=_to_tuple
    )
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None
    note: str = ""
    overridden: str | None = None

    def __attrs_post_init__(self) -> None:
        _check_rule(self)

    @property
    def confirmed(self) -> bool:
        """Whether the figure is confirmed by a primary source read in full."""
        return self.confidence.confirmed

    @property
    def is_hard_limit(self) -> bool:
        """Whether the date is a deadline (law, framework), not an expected date."""
        return self.basis.is_hard_limit

    @property
    def family(self) -> str:
        """The first part of the code: ``area-send``, ``ehc``, ``tribunal``, ..."""
        return self.code.split(".", 1)[0]

    @property
    def inputs(self) -> tuple[str, ...]:
        """The keyword names of the extra dates the rule accepts."""
        return tuple(clock.input for clock in self.alternatives)

    def applies_on(self, start: dt.date) -> bool:
        """Whether a clock starting on *start* is within the rule's validity."""
        if self.valid_from is not None and start < self.valid_from:
            return False
        return self.valid_until is None or start <= self.valid_until

    def describe_period(self) -> str:
        """The period as a phrase, with its alternatives and direction."""
        text = str(self.period)
        if self.period.unit is Unit.FIXED_DATE:
            text = (
                f"{'before ' if self.counting is Counting.DAY_BEFORE else 'by '}{text}"
            )
        elif self.direction is Direction.BEFORE:
            text = f"{text} before"
        if self.counting is Counting.CLEAR_DAYS:
            text = f"{text} (clear days)"
        if self.uncounted is Uncounted.TRIBUNAL_CLOSED:
            text = f"{text} (August and 25 December-1 January not counted)"
        for clock in self.alternatives:
            text += f" (or {clock.period} from {clock.input}, whichever is later)"
        return text
