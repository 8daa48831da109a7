"""The deadline engine: one function turns any rule and a start date into a `Deadline`.

It branches on the small closed set of `Unit`, `Counting` and `Roll` values,
never on rule codes, so a new time limit is a new row in the catalogue.
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Final, assert_never

import attrs
from dateutil.relativedelta import relativedelta

from ..calendars import (
    DEFAULT_REGION,
    NonWorkingDay,
    WorkingCalendar,
    _caller_level,
    calendar_for,
)
from ..dates import MONTH_NAMES, as_date, long_date
from ..errors import (
    HolidayHorizonWarning,
    InvalidInputError,
    InvalidTypeError,
    OutsideCalendarError,
)
from ._book import RuleBook
from ._catalogue import CATALOGUE
from ._model import (
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
    "COUNTING_CONVENTIONS",
    "ROLL_CONVENTIONS",
    "RULES",
    "UNIT_CONVENTIONS",
    "Deadline",
    "deadline",
    "deadline_on",
    "due_date",
    "due_date_on",
    "get_rule",
]

#: How each unit is counted: the start-day convention and what a due date on
#: a non-working day means, with the reason. Shown in trails and on the
#: "Deadlines" page.
UNIT_CONVENTIONS: Final[Mapping[Unit, str]] = {
    Unit.CALENDAR_DAYS: (
        "Calendar days: every day counts, weekends and bank holidays included. "
        "The start day is day 0 unless the rule says 'beginning with' it."
    ),
    Unit.WEEKS: (
        "Calendar weeks, as in the SEND Regulations 2014: the start day is day 0, "
        "so N weeks after a Monday ends on a Monday."
    ),
    Unit.MONTHS: (
        "Calendar months (dateutil relativedelta): the same day of the month, "
        "clipped to the month's last day, so 31 January + 1 month is the last "
        "day of February. The start day is day 0."
    ),
    Unit.WORKING_DAYS: (
        "Working days, counted like Excel's WORKDAY: the start day is never "
        "counted; a working day is Monday to Friday and not a bank holiday of "
        "the region (nor a local closure, when closures are given)."
    ),
    Unit.FIXED_DATE: "A fixed day of the year, in the calendar year of the clock's event.",
}

#: What each counting convention means for day one.
COUNTING_CONVENTIONS: Final[Mapping[Counting, str]] = {
    Counting.START_IS_DAY_ZERO: "The start day is not counted (it is day 0).",
    Counting.START_IS_DAY_ONE: (
        "The period begins with the start day (it is day 1) and ends the day "
        "before the next such period would begin: 12 months beginning with "
        "15 March 2024 end on 14 March 2025, and 12 months beginning with "
        "29 February 2024 on 28 February 2025."
    ),
    Counting.DAY_BEFORE: (
        "The act must happen before the named date, so the last day in time "
        "is the day before it."
    ),
    Counting.CLEAR_DAYS: (
        "Read as clear days: neither the day of the act nor the day of the "
        "event counts, so the period needs one more day than its length. "
        "A reading, not a settled rule; override the rule if you read it "
        "otherwise."
    ),
}

#: What happens to a due date on a non-working day, and why.
ROLL_CONVENTIONS: Final[Mapping[Roll, str]] = {
    Roll.KEEP: (
        "A due date on a weekend or bank holiday is kept: the source has no rule "
        "moving it, and sendkit does not invent one."
    ),
    Roll.NEXT_WORKING_DAY: (
        "A due date on a non-working day moves to the next working day."
    ),
    Roll.TRIBUNAL_RULE_12: (
        "First-tier Tribunal (HESC) Rules 2008 rule 12: an appeal due from 25 "
        "December to 1 January, or in August, is in time on the first working "
        "day after 1 January or 31 August (rule 12(3)(a)); one due on any other "
        "non-working day is in time on the next working day (rule 12(2)). Rule "
        "12(3)(a) is applied to the day the period ends, so a period ending on a "
        "weekend just before August or Christmas moves only to the next working "
        "day: the earlier, safer reading."
    ),
}

#: The catalogue's rules by code: immutable; a duplicate code fails at import.
RULES: Final = RuleBook(CATALOGUE)


def get_rule(code: str, *, rules: Mapping[str, Rule] | None = None) -> Rule:
    """Return the rule with *code*, from *rules* or the catalogue.

    Raises:
        UnknownRuleError: No rule has *code*; its ``suggestions`` are the
            nearest codes, best first.

    Examples:
        >>> get_rule("ehc.final-plan").period.amount
        20
        >>> get_rule("ehc.final-plans")
        Traceback (most recent call last):
        ...
        sendkit.errors.UnknownRuleError: unknown rule 'ehc.final-plans'; did you mean 'ehc.final-plan'?
    """
    return _resolve(code, rules)


_AUGUST: Final = 8
_DECEMBER: Final = 12
_CHRISTMAS: Final = 25


class _Dates(Mapping[str, dt.date]):
    """A read-only, hashable, picklable mapping of input names to dates."""

    __slots__ = ("_items",)

    def __init__(self, items: Mapping[str, dt.date]) -> None:
        self._items = dict(items)

    def __getitem__(self, name: str) -> dt.date:
        return self._items[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        return hash(tuple(sorted(self._items.items())))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return dict(self._items) == dict(other)
        return NotImplemented

    def __repr__(self) -> str:
        return repr(self._items)

    def __reduce__(self) -> tuple[type[_Dates], tuple[dict[str, dt.date]]]:
        return (_Dates, (self._items,))


def _frozen_dates(value: Mapping[str, dt.date]) -> Mapping[str, dt.date]:
    return _Dates(value)


@attrs.frozen(kw_only=True)
class Deadline:
    """A due date with the rule that produced it and how it was counted.

    Attributes:
        rule: The rule applied (after any local override).
        start: The date the clock started.
        due: The last day on which the act is in time (for a hard limit) or
            the expected date (for usual practice).
        region: The bank-holiday region used for working days.
        inputs: The extra dates given, such as ``certificate_issued``.
        trail: Plain-English lines: how the date was counted, the start-day
            convention, the non-working days skipped, the source and any caveat.
    """

    rule: Rule
    start: dt.date
    due: dt.date
    region: str = DEFAULT_REGION
    inputs: Mapping[str, dt.date] = attrs.field(factory=dict, converter=_frozen_dates)
    trail: tuple[str, ...] = ()

    @property
    def code(self) -> str:
        """The rule's code."""
        return self.rule.code

    @property
    def basis(self) -> Basis:
        """Law, framework or usual practice."""
        return self.rule.basis

    @property
    def is_hard_limit(self) -> bool:
        """Whether this is a deadline (law, framework) rather than an expected date."""
        return self.rule.is_hard_limit

    @property
    def confidence(self) -> Confidence:
        """How well the rule's figure is sourced."""
        return self.rule.confidence

    @property
    def confirmed(self) -> bool:
        """Whether the rule's figure is confirmed by a primary source."""
        return self.rule.confirmed

    @property
    def source(self) -> str:
        """The regulation or paragraph the rule comes from."""
        return self.rule.source

    @property
    def url(self) -> str:
        """Where the source can be read."""
        return self.rule.url

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict: ISO dates, enum values as text.

        Examples:
            >>> import datetime as dt
            >>> d = deadline("ehc.final-plan", dt.date(2025, 1, 6)).to_dict()
            >>> d["due"], d["basis"], d["confirmed"]
            ('2025-05-26', 'law', True)
        """
        return {
            "rule": self.rule.code,
            "summary": self.rule.summary,
            "start": self.start.isoformat(),
            "due": self.due.isoformat(),
            "period": self.rule.describe_period(),
            "basis": self.rule.basis.value,
            "is_hard_limit": self.is_hard_limit,
            "source": self.rule.source,
            "url": self.rule.url,
            "confidence": self.rule.confidence.value,
            "confirmed": self.confirmed,
            "overridden": self.rule.overridden,
            "region": self.region,
            "inputs": {name: day.isoformat() for name, day in self.inputs.items()},
            "trail": list(self.trail),
        }

    def __str__(self) -> str:
        kind = "due" if self.is_hard_limit else "expected"
        flag = "" if self.confirmed else " (unconfirmed)"
        return f"{self.rule.code}: {kind} {self.due.isoformat()}{flag}"


def _working_steps(
    start: dt.date, period: Period, counting: Counting, calendar: WorkingCalendar
) -> int:
    """Working days to move: one fewer when a working start day is day one.

    Clear days need one working day more: the event day is not counted.
    """
    if counting is Counting.START_IS_DAY_ONE and calendar.is_working_day(start):
        return period.amount - 1
    if counting is Counting.CLEAR_DAYS:
        return period.amount + 1
    return period.amount


def _day_shift(sign: int, counting: Counting) -> dt.timedelta:
    """The one-day correction of a counting convention, in the direction of travel.

    "Beginning with" the start day ends a day sooner (-1); clear days end a
    day later (+1), since neither end day counts.
    """
    if counting is Counting.START_IS_DAY_ONE:
        return dt.timedelta(days=sign)
    if counting is Counting.CLEAR_DAYS:
        return dt.timedelta(days=-sign)
    return dt.timedelta(0)


def _months_beginning_with(start: dt.date, months: int) -> dt.date:
    """The last day of a period of *months* months beginning with *start*.

    The period ends the day before the next period would begin: 12 months
    beginning with 15 March 2024 end on 14 March 2025, and 12 months
    beginning with 1 March 2023 end on 29 February 2024. When the
    corresponding day does not exist (29 February 2024 plus 12 months), the
    next period begins on the 1st of the following month, so the period ends
    on the month's last day (28 February 2025). Backwards, the mirror image:
    the day after *start* minus the months.
    """
    one = dt.timedelta(days=1)
    if months < 0:
        return start + one + relativedelta(months=months)
    following = start + relativedelta(months=months)
    if following.day != start.day:  # clipped to the month's end
        following += one
    return following - one


def _tribunal_closed(day: dt.date) -> bool:
    """Whether rule 12(3)(b) leaves *day* out of a count: August, 25 Dec-1 Jan."""
    return (
        day.month == _AUGUST
        or (day.month, day.day) >= (_DECEMBER, _CHRISTMAS)
        or (day.month, day.day) == (1, 1)
    )


def _count_uncounted(
    start: dt.date,
    period: Period,
    sign: int,
    calendar: WorkingCalendar,
) -> dt.date:
    """Count *period* from *start*, skipping the days rule 12(3)(b) leaves out.

    Days in August and from 25 December to 1 January are not counted at
    all (unlike rule 12(3)(a), which rolls a due date out of them). For
    working days, a day counts only if it is also a working day. The start
    day is day 0.
    """
    one = dt.timedelta(days=sign)
    working = period.unit is Unit.WORKING_DAYS
    day = start
    left = period.amount
    while left:
        day += one
        if _tribunal_closed(day):
            continue
        if working and not calendar.is_working_day(day):
            continue
        left -= 1
    return day


def _advance(
    start: dt.date,
    period: Period,
    sign: int,
    counting: Counting,
    calendar: WorkingCalendar,
) -> dt.date:
    """Move *sign* times *period* from *start*: the one place that knows each unit."""
    one = dt.timedelta(days=1)
    # "Beginning with" the start day makes it day one: the period ends a day
    # sooner. Clear days exclude both ends: the period needs a day more.
    back = _day_shift(sign, counting)
    amount = period.amount
    if period.unit is Unit.MONTHS and counting is Counting.START_IS_DAY_ONE:
        return _months_beginning_with(start, sign * amount)
    match period.unit:
        case Unit.CALENDAR_DAYS:
            return start + sign * amount * one - back
        case Unit.WEEKS:
            return start + sign * dt.timedelta(weeks=amount) - back
        case Unit.MONTHS:
            return start + relativedelta(months=sign * amount) - back
        case Unit.WORKING_DAYS:
            steps = _working_steps(start, period, counting, calendar)
            return calendar.add_working_days(start, sign * steps)
        case Unit.FIXED_DATE:
            named = dt.date(start.year, period.month or 1, amount)
            return named - one if counting is Counting.DAY_BEFORE else named
        case _:
            assert_never(period.unit)


def _count_lines(
    start: dt.date, due: dt.date, period: Period, sign: int, counting: Counting
) -> list[str]:
    """Explain a count of a period that is not in working days."""
    lines = []
    if period.unit is Unit.FIXED_DATE:
        named = dt.date(start.year, period.month or 1, period.amount)
        lines.append(
            f"{period} in the calendar year of the event ({start.year}) is "
            f"{long_date(named)}; the date is {long_date(due)}."
        )
    elif counting is Counting.START_IS_DAY_ONE:
        lines.append(
            f"{period} beginning with {long_date(start)} end on {long_date(due)}."
        )
    elif counting is Counting.CLEAR_DAYS:
        word = "after" if sign > 0 else "before"
        lines.append(
            f"{period} clear of {long_date(start)} (neither end day counted): "
            f"the last day {word} it in time is {long_date(due)}."
        )
    else:
        word = "after" if sign > 0 else "before"
        lines.append(f"{period} {word} {long_date(start)} is {long_date(due)}.")
        if period.unit is Unit.MONTHS and due.day != start.day:
            lines.append(
                f"That month has no day {start.day}, so the date is clipped to "
                "its last day."
            )
    if period.unit is not Unit.WORKING_DAYS:
        lines.append(UNIT_CONVENTIONS[period.unit])
    if counting is not Counting.START_IS_DAY_ZERO:
        lines.append(COUNTING_CONVENTIONS[counting])
    return lines


def _count(
    start: dt.date,
    period: Period,
    direction: Direction,
    counting: Counting,
    calendar: WorkingCalendar,
    *,
    explain: bool,
) -> tuple[dt.date, list[str]]:
    """Apply one period to *start*; return the date and, if asked, how."""
    sign = 1 if direction is Direction.AFTER else -1
    if explain and period.unit is Unit.WORKING_DAYS:
        # explain() counts too: use its answer rather than counting (and
        # warning about the holiday horizon) twice.
        steps = _working_steps(start, period, counting, calendar)
        explanation = calendar.explain(start, sign * steps)
        lines = explanation.lines()
        if counting is not Counting.START_IS_DAY_ZERO:
            lines.append(COUNTING_CONVENTIONS[counting])
        return explanation.due, lines
    try:
        due = _advance(start, period, sign, counting, calendar)
    except (OverflowError, ValueError):
        # Calendar arithmetic past year 9999 or before year 1 (dateutil
        # raises ValueError, datetime OverflowError).
        msg = (
            f"{period} from {start.isoformat()} leaves the range of dates "
            "Python can represent (years 1 to 9999)"
        )
        raise OutsideCalendarError(msg) from None
    if not explain:
        return due, []
    return due, _count_lines(start, due, period, sign, counting)


def _tribunal_closed_period(due: dt.date) -> dt.date | None:
    """Rule 12(3)(a): the day after which an appeal due on *due* is in time, if any."""
    if due.month == _AUGUST:
        return dt.date(due.year, 8, 31)
    if (due.month, due.day) >= (_DECEMBER, _CHRISTMAS):
        return dt.date(due.year + 1, 1, 1)
    if (due.month, due.day) == (1, 1):
        return due
    return None


def _roll(
    due: dt.date, roll: Roll, calendar: WorkingCalendar, *, explain: bool
) -> tuple[dt.date, list[str]]:
    """Apply the rule's non-working-day convention to *due*."""
    closed_until = None
    note: list[str] = []
    if roll is Roll.TRIBUNAL_RULE_12:
        # The tribunal's working days are England's statutory ones: a council's
        # local closures, or another region's bank holidays, do not close it.
        statutory = calendar_for(DEFAULT_REGION)
        if calendar != statutory:
            note.append(
                "The tribunal's own working days are used for this step: "
                "England and Wales bank holidays, without local closures."
            )
            calendar = statutory
    match roll:
        case Roll.KEEP:
            moved = due
        case Roll.NEXT_WORKING_DAY:
            working = calendar.is_working_day(due)
            moved = due if working else calendar.add_working_days(due, 1)
        case Roll.TRIBUNAL_RULE_12:
            closed_until = _tribunal_closed_period(due)
            if closed_until is not None:
                moved = calendar.add_working_days(closed_until, 1)
            elif calendar.is_working_day(due):
                moved = due
            else:
                moved = calendar.add_working_days(due, 1)
        case _:
            assert_never(roll)
    if not explain:
        return moved, []
    why = calendar.why_not_working(due)
    if why is not None or closed_until is not None:
        return moved, [*_roll_lines(due, moved, roll, why, closed_until), *note]
    return moved, []


def _roll_lines(
    due: dt.date,
    moved: dt.date,
    roll: Roll,
    why: NonWorkingDay | None,
    closed_until: dt.date | None,
) -> list[str]:
    """Explain how *due* was moved (or kept) by the rule's roll."""
    if closed_until is not None:
        season = (
            "in August" if due.month == _AUGUST else "from 25 December to 1 January"
        )
        line = (
            f"{long_date(due)} falls {season}, so the appeal is in time on the first "
            f"working day after {closed_until.day} {MONTH_NAMES[closed_until.month - 1]}: {long_date(moved)} (rule 12(3)(a))."
        )
    elif why is None:  # pragma: no cover - the caller only asks when there is a reason
        return []
    elif moved == due:
        line = f"{long_date(due)} is not a working day ({why.name}). {ROLL_CONVENTIONS[roll]}"
    else:
        line = (
            f"{long_date(due)} is not a working day ({why.name}), so it moves to the "
            f"next working day, {long_date(moved)}. {ROLL_CONVENTIONS[roll]}"
        )
    return [line]


def _resolve(rule: object, rules: Mapping[str, Rule] | None) -> Rule:
    if isinstance(rule, Rule):
        return rule
    if not isinstance(rule, str):
        msg = (
            f"rule must be a rule code or a Rule, got {rule!r} ({type(rule).__name__})"
        )
        raise InvalidTypeError(msg)
    if rules is None:
        rules = RULES
    if isinstance(rules, RuleBook):
        return rules[rule.strip()]
    return RuleBook(rules.values())[rule.strip()]


def _check_inputs(rule: Rule, inputs: Mapping[str, object]) -> dict[str, dt.date]:
    accepted = rule.inputs
    unknown = sorted(set(inputs) - set(accepted))
    if unknown:
        takes = (
            f"it accepts {', '.join(repr(name) for name in accepted)}"
            if accepted
            else "it takes no extra dates"
        )
        msg = f"rule {rule.code!r} has no input {unknown[0]!r}; {takes}"
        raise InvalidInputError(msg)
    return {
        name: as_date(value, name)
        for name, value in inputs.items()
        if value is not None
    }


def _prepare(
    rule: object,
    start: object,
    rules: Mapping[str, Rule] | None,
    inputs: Mapping[str, object],
) -> tuple[Rule, dt.date, dict[str, dt.date]]:
    """Look the rule up and check the start date and inputs."""
    chosen = _resolve(rule, rules)
    day = as_date(start, "start")
    given = _check_inputs(chosen, inputs)
    if not chosen.applies_on(day):
        since = chosen.valid_from.isoformat() if chosen.valid_from else "the beginning"
        until = chosen.valid_until.isoformat() if chosen.valid_until else "now"
        msg = (
            f"rule {chosen.code!r} applies to clocks starting from {since} to {until}; "
            f"start {day.isoformat()} is outside that"
        )
        raise InvalidInputError(msg)
    return chosen, day, given


def _footer(chosen: Rule, due: dt.date) -> list[str]:
    """The trail's last lines: how firm the date is, the source and caveats."""
    if chosen.is_hard_limit:
        lines = [f"Due: {long_date(due)}. A hard limit ({chosen.basis.label})."]
    else:
        lines = [
            f"Expected: {long_date(due)}. Usual practice: an expected date, not a deadline."
        ]
    lines.append(f"Source: {chosen.source} {chosen.confidence.tag} <{chosen.url}>.")
    if not chosen.confirmed:
        lines.append(
            f"Caveat: this figure is not confirmed by a primary source "
            f"({chosen.confidence.value}: {chosen.confidence.meaning}). Check it, "
            "or override it with RuleBook.with_period or a local rule file."
        )
    if chosen.overridden is not None:
        lines.append(f"Locally overridden: {chosen.overridden}.")
    if chosen.note:
        lines.append(f"Note: {chosen.note}")
    return lines


def _count_skipping(
    chosen: Rule, start: dt.date, calendar: WorkingCalendar, *, explain: bool
) -> tuple[dt.date, list[str]]:
    """Count a rule whose period leaves some days out (`Uncounted`)."""
    sign = 1 if chosen.direction is Direction.AFTER else -1
    try:
        due = _count_uncounted(start, chosen.period, sign, calendar)
    except OverflowError:
        msg = (
            f"{chosen.period} from {start.isoformat()} leaves the range of dates "
            "Python can represent (years 1 to 9999)"
        )
        raise OutsideCalendarError(msg) from None
    if not explain:
        return due, []
    word = "after" if sign > 0 else "before"
    first = (
        f"{chosen.period} {word} {long_date(start)}, not counting days in August "
        f"or from 25 December to 1 January, is {long_date(due)}."
    )
    second = (
        "First-tier Tribunal (HESC) Rules 2008 rule 12(3)(b): those days are "
        "left out of the count altogether, not rolled over as an appeal "
        "deadline is under rule 12(3)(a)."
    )
    return due, [first, second]


def _compute(
    chosen: Rule,
    start: dt.date,
    given: Mapping[str, dt.date],
    calendar: WorkingCalendar,
    *,
    explain: bool,
) -> tuple[dt.date, list[str]]:
    """Count the rule's clocks, pick the later, roll; explain if asked."""
    trail: list[str] = []
    if explain:
        trail.append(f"{chosen.code}: {chosen.summary}.")
        trail.append(f"Clock starts: {chosen.clock_starts}: {long_date(start)}.")
    if chosen.uncounted is Uncounted.NONE:
        due, lines = _count(
            start,
            chosen.period,
            chosen.direction,
            chosen.counting,
            calendar,
            explain=explain,
        )
    else:
        due, lines = _count_skipping(chosen, start, calendar, explain=explain)
    trail.extend(lines)
    for clock in chosen.alternatives:
        other_start = given.get(clock.input)
        if other_start is None:
            if explain:
                trail.append(
                    f"No {clock.input} date was given, so the alternative clock "
                    f"({clock.period} after {clock.clock_starts}) does not apply."
                )
            continue
        other, other_lines = _count(
            other_start,
            clock.period,
            Direction.AFTER,
            clock.counting,
            calendar,
            explain=explain,
        )
        if explain:
            trail.append(
                f"Alternative clock: {clock.clock_starts}: {long_date(other_start)}."
            )
            trail.extend(line for line in other_lines if line not in trail)
            source = clock.input if other > due else "the first clock"
            trail.append(
                f"Whichever is later: {long_date(max(due, other))}, from {source}."
            )
        due = max(due, other)
    due, roll_lines = _roll(due, chosen.roll, calendar, explain=explain)
    if not explain:
        return due, trail
    trail.extend(roll_lines)
    trail.extend(_footer(chosen, due))
    return due, trail


def deadline(
    rule: str | Rule,
    start: dt.date,
    *,
    region: str = DEFAULT_REGION,
    closures: Iterable[dt.date] = (),
    rules: Mapping[str, Rule] | None = None,
    **inputs: dt.date | None,
) -> Deadline:
    """Return when *rule* falls due for a clock that starts on *start*.

    The period is counted by its unit (`UNIT_CONVENTIONS`): calendar days and
    weeks by adding days, months with ``relativedelta`` (clipped to the
    month's end: 31 January + 1 month is the end of February), working days
    like Excel's ``WORKDAY`` (start day not counted), fixed dates in the
    start's calendar year. The rule's `Counting` decides whether the start is
    day one, and its `Roll` what happens on a non-working due day
    (`ROLL_CONVENTIONS`). A rule with alternative clocks ("whichever is later")
    takes their dates as keyword inputs; a clock whose date is not given (or
    is None) is left out, and the trail says so.

    Unconfirmed figures are not warned about: the result carries
    ``confirmed=False`` and the trail a caveat line.

    Args:
        rule: A rule code (``"ehc.final-plan"``) or a `Rule`.
        start: The date the clock starts: the rule's ``clock_starts`` event.
        region: Bank-holiday region for working days and rolling.
        closures: Local non-working days, skipped as well by working-day
            rules (a statutory deadline should be computed without them).
        rules: The rule book to look codes up in; `RULES` by default. Pass a
            book from `RuleBook.with_period` or `load_rules` to use local figures.
        **inputs: Dates for the rule's alternative clocks, such as
            ``certificate_issued=`` for ``tribunal.appeal``.

    Returns:
        The `Deadline`, with its explanation trail.

    Raises:
        UnknownRuleError: No rule has that code (the nearest are suggested).
        InvalidInputError: *start* is outside the rule's validity, or an input
            is not one the rule accepts.
        InvalidTypeError: *start* or an input is not a date.
        OutsideCalendarError: A working-day count leaves the holiday data.

    Examples:
        >>> import datetime as dt
        >>> d = deadline("area-send.pap.submit", dt.date(2023, 5, 16))
        >>> d.due, d.is_hard_limit, d.confirmed
        (datetime.date(2023, 7, 5), True, False)
        >>> deadline("tribunal.appeal", dt.date(2024, 3, 4),
        ...          certificate_issued=dt.date(2024, 4, 29)).due
        datetime.date(2024, 5, 29)
    """
    return deadline_on(
        rule,
        start,
        calendar_for(region, closures),
        rules=rules,
        **inputs,
    )


def deadline_on(
    rule: str | Rule,
    start: dt.date,
    calendar: WorkingCalendar,
    *,
    rules: Mapping[str, Rule] | None = None,
    **inputs: dt.date | None,
) -> Deadline:
    """`deadline` on a `WorkingCalendar` value: what the code below the API calls.

    The public `deadline` takes ``region=`` and ``closures=`` and turns them
    into a calendar once; everything else hands the calendar on. A
    `HolidayHorizonWarning` names the first line outside sendkit that led here.
    """
    chosen, start, given = _prepare(rule, start, rules, inputs)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", HolidayHorizonWarning)
        due, trail = _compute(chosen, start, given, calendar, explain=True)
    # The horizon caveat belongs to this answer: put it in the trail (and so in
    # the JSON), and warn the caller once.
    horizon = sorted(
        {str(w.message) for w in caught if w.category is HolidayHorizonWarning}
    )
    for text in horizon:
        trail.append(f"Caveat: {text}.")
        warnings.warn(text, HolidayHorizonWarning, stacklevel=_caller_level())
    for other in caught:
        if other.category is not HolidayHorizonWarning:
            warnings.warn_explicit(
                other.message, other.category, other.filename, other.lineno
            )
    return Deadline(
        rule=chosen,
        start=start,
        due=due,
        region=calendar.region,
        inputs=given,
        trail=tuple(trail),
    )


def due_date(
    rule: str | Rule,
    start: dt.date,
    *,
    region: str = DEFAULT_REGION,
    closures: Iterable[dt.date] = (),
    rules: Mapping[str, Rule] | None = None,
    **inputs: dt.date | None,
) -> dt.date:
    """Return only the due date of `deadline`, without building the trail.

    The same rules, conventions and errors as `deadline`; use it for a whole
    caseload, where the explanation of every row is not needed.

    Examples:
        >>> import datetime as dt
        >>> due_date("ehc.final-plan", dt.date(2025, 1, 6))
        datetime.date(2025, 5, 26)
    """
    return due_date_on(
        rule, start, calendar_for(region, closures), rules=rules, **inputs
    )


def due_date_on(
    rule: str | Rule,
    start: dt.date,
    calendar: WorkingCalendar,
    *,
    rules: Mapping[str, Rule] | None = None,
    **inputs: dt.date | None,
) -> dt.date:
    """`due_date` on a `WorkingCalendar` value (see `deadline_on`)."""
    chosen, start, given = _prepare(rule, start, rules, inputs)
    return _compute(chosen, start, given, calendar, explain=False)[0]
