"""The 20-week measure: new EHC plans issued within 20 weeks, as DfE counts it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any, Final

import attrs

from ..dates import as_int
from ..errors import InvalidInputError
from ..rules import Rule
from ._catalogue import FINAL_PLAN, fixed_length, rule_to_dict
from ._model import EhcCase
from ._national import NationalFigure, national_figure

__all__ = [
    "DefinitionItem",
    "MonthFigures",
    "Timeliness",
    "convention_text",
    "measure_definition",
    "timeliness",
]

#: "Over 52 weeks" starts after 52 whole weeks (364 days). DfE's field is named
#: ``plans_issued_gt_1_year``; whether it means 52 weeks or 365 days is
#: unconfirmed (DfE's ``timeliness_20_week.csv`` does not say).
_WEEKS_52: Final = 52 * 7

#: The SEND Regulations 2014, reg 13 (the 20-week limit is reg 13(2)).
_REG_13_URL: Final = "https://www.legislation.gov.uk/uksi/2014/1530/regulation/13/made"

#: DfE's publication whose ``timeliness_20_week.csv`` the measure reproduces.
_EES_URL: Final = (
    "https://explore-education-statistics.service.gov.uk/find-statistics/"
    "education-health-and-care-plans"
)


def convention_text(*, limit_days: int, boundary_inclusive: bool) -> str:
    """Describe how the end of the 20-week period is counted, for outputs and docs.

    Examples:
        >>> print(convention_text(limit_days=140, boundary_inclusive=True))
        Day 0 is the day the request was received (SEN2 ReceivedDate). A plan issued on day 140 (received + 20 weeks) counts as within 20 weeks. This end-day convention is sendkit's assumption [U]: neither the SEND Regulations 2014 reg 13(2) (https://www.legislation.gov.uk/uksi/2014/1530/regulation/13/made) nor DfE's statistics say whether day 140 is in time. Use boundary_inclusive=False (command line: --day-140-late) to count day 140 as late.
    """
    if boundary_inclusive:
        return (
            "Day 0 is the day the request was received (SEN2 ReceivedDate). "
            f"A plan issued on day {limit_days} (received + {limit_days // 7} weeks) "
            f"counts as within {limit_days // 7} weeks. "
            "This end-day convention is sendkit's assumption [U]: neither the "
            f"SEND Regulations 2014 reg 13(2) ({_REG_13_URL}) nor DfE's "
            f"statistics say whether day {limit_days} is in time. "
            f"Use boundary_inclusive=False (command line: --day-140-late) to count "
            f"day {limit_days} as late."
        )
    return (
        "The day the request was received is day 1 (the Regulations' reading). "
        f"A plan issued on received + {limit_days} days is late; the last day in "
        f"time is received + {limit_days - 1} days. "
        "This end-day convention is unconfirmed [U]: neither the SEND "
        f"Regulations 2014 reg 13(2) ({_REG_13_URL}) nor DfE's statistics "
        "settle it; sendkit's default (boundary_inclusive=True) counts that day as in time."
    )


@attrs.frozen(kw_only=True)
class DefinitionItem:
    """One part of the measure's definition, with how sure sendkit is of it.

    Attributes:
        item: A stable key, such as ``"exclusion"``.
        text: The part in words.
        confidence: A tag: ``[P]`` primary, ``[S]`` secondary, ``[U]``
            unconfirmed, or ``[INFERRED]`` (worked out from the counts in
            DfE's ``timeliness_20_week.csv``, not stated by DfE).
    """

    item: str
    text: str
    confidence: str

    def to_dict(self) -> dict[str, str]:
        """Return the item as JSON-ready values."""
        return attrs.asdict(self)


def measure_definition(
    *, limit_days: int, boundary_inclusive: bool, rule: Rule | None = None
) -> tuple[DefinitionItem, ...]:
    """State what the measure counts, each part with its confidence tag.

    `Timeliness.to_dict` and ``sendkit ehc timeliness`` print these, so that
    a figure never travels without its definition.

    Args:
        limit_days: The 20-week limit in days.
        boundary_inclusive: Whether a plan issued on day *limit_days* is in time.
        rule: The catalogue rule giving the limit (its confidence tags that
            part); ``None`` tags it ``[U]``.

    Examples:
        >>> for part in measure_definition(limit_days=140, boundary_inclusive=True):
        ...     print(part.item, part.confidence)
        unit [S]
        limit [U]
        exclusion [INFERRED]
        week20_blank [U]
        day_140 [U]
        band_52_weeks [U]
    """
    edge = _WEEKS_52 if boundary_inclusive else _WEEKS_52 - 1
    return (
        DefinitionItem(
            item="unit",
            text=(
                "Counted: every new EHC plan issued in the calendar year (SEN2 "
                "StartDate), one per request; its time is StartDate - "
                "ReceivedDate in days. A plan recorded after a decision not to "
                "assess or not to issue still counts, as DfE counts the plans "
                "issued (plans_issued_den in DfE's timeliness_20_week.csv, "
                f"{_EES_URL}), and sendkit queries the row."
            ),
            confidence="[S]",
        ),
        DefinitionItem(
            item="limit",
            text=(
                f"Within 20 weeks: {limit_days} days, from the ehc.final-plan "
                "rule (SEND Regulations 2014, reg 13(2))."
            ),
            confidence="[U]" if rule is None else rule.confidence.tag,
        ),
        DefinitionItem(
            item="exclusion",
            text=(
                "Excluding exceptions: cases with Week20 = 1 leave both the "
                "numerator and the denominator. DfE does not state this; it is "
                "inferred from the counts DfE publishes in timeliness_20_week.csv "
                f"({_EES_URL}): Gateshead 2024 has 266 plans, 219 in time, and "
                "245 and 198 without its 21 exception cases."
            ),
            confidence="[INFERRED]",
        ),
        DefinitionItem(
            item="week20_blank",
            text=(
                "A plan with Week20 blank counts as an exception only if an "
                "exception reason is recorded (sendkit's rule; SEN2 expects "
                "Week20 on every issued plan, so such rows are queried)."
            ),
            confidence="[U]",
        ),
        DefinitionItem(
            item="day_140",
            text=convention_text(
                limit_days=limit_days, boundary_inclusive=boundary_inclusive
            ),
            confidence="[U]",
        ),
        DefinitionItem(
            item="band_52_weeks",
            text=(
                f"Over 52 weeks: more than {edge} days. Whether DfE's "
                "plans_issued_gt_1_year starts after 52 weeks (364 days) or "
                "after 365 days is unconfirmed (DfE's timeliness_20_week.csv "
                "does not say)."
            ),
            confidence="[U]",
        ),
    )


def _percent(part: int, whole: int) -> float | None:
    return None if whole == 0 else 100.0 * part / whole


def _weeks(days: int, count: int) -> float | None:
    return None if count == 0 else days / count / 7


@attrs.frozen(kw_only=True)
class MonthFigures:
    """Plans issued in one calendar month and how many were in time.

    Attributes:
        month: The month, 1 (January) to 12.
        issued: Plans issued in the month, exceptions included.
        within_20_weeks: Of those, how many within 20 weeks.
        issued_excluding_exceptions: Plans issued, exception cases removed.
        within_20_weeks_excluding_exceptions: Of those, how many in time.
    """

    month: int
    issued: int
    within_20_weeks: int
    issued_excluding_exceptions: int
    within_20_weeks_excluding_exceptions: int

    @property
    def percent(self) -> float | None:
        """Percent within 20 weeks, exceptions included; ``None`` if none issued."""
        return _percent(self.within_20_weeks, self.issued)

    @property
    def percent_excluding_exceptions(self) -> float | None:
        """Percent within 20 weeks, exceptions removed; ``None`` if none issued."""
        return _percent(
            self.within_20_weeks_excluding_exceptions, self.issued_excluding_exceptions
        )

    def to_dict(self) -> dict[str, Any]:
        """Return the month as JSON-ready values (percentages to 1 decimal place)."""
        return {
            **attrs.asdict(self),
            "percent": _round(self.percent),
            "percent_excluding_exceptions": _round(self.percent_excluding_exceptions),
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


@attrs.frozen(kw_only=True)
class Timeliness:
    """The 20-week measure for one calendar year.

    A plan belongs to the year in which it was issued (SEN2 ``StartDate``).
    Its time is ``StartDate - ReceivedDate`` in days.
    "Excluding exceptions" removes the cases with ``Week20 = 1`` from both the
    numerator and the denominator: inferred from DfE's published counts, not
    stated by DfE (see `measure_definition`).
    The three bands are: within 20 weeks; over 20 weeks up to 52 weeks; over 52
    weeks.

    Attributes:
        year: The calendar year.
        limit_days: The 20-week limit in days, read from the rule catalogue.
        boundary_inclusive: Whether a plan issued on day *limit_days* is in time.
        rule: The catalogue rule that defines the limit, with its source.
        issued: New plans issued in the year (DfE ``plans_issued_den``).
        within_20_weeks: Of those, issued within 20 weeks.
        over_20_to_52_weeks: Issued after 20 weeks, up to 52 weeks.
        over_52_weeks: Issued after more than 52 weeks.
        total_days: The sum of all plans' times, for the average.
        issued_excluding_exceptions: Plans issued, exceptions removed
            (DfE ``plans_issued_den_ex``).
        within_20_weeks_excluding_exceptions: Of those, issued within 20 weeks.
        over_20_to_52_weeks_excluding_exceptions: The middle band, exceptions
            removed.
        over_52_weeks_excluding_exceptions: The last band, exceptions removed.
        total_days_excluding_exceptions: The sum of times, exceptions removed.
        week20_not_recorded: Plans issued in the year with no ``Week20`` value
            (SEN2 expects one on every issued plan); they count as exceptions
            only if an exception reason is recorded.
        by_month: Twelve `MonthFigures`, January first.
        national: England's published figure for the year, when sendkit has it.
    """

    year: int
    limit_days: int
    boundary_inclusive: bool
    rule: Rule
    issued: int
    within_20_weeks: int
    over_20_to_52_weeks: int
    over_52_weeks: int
    total_days: int
    issued_excluding_exceptions: int
    within_20_weeks_excluding_exceptions: int
    over_20_to_52_weeks_excluding_exceptions: int
    over_52_weeks_excluding_exceptions: int
    total_days_excluding_exceptions: int
    week20_not_recorded: int
    by_month: tuple[MonthFigures, ...]
    national: NationalFigure | None

    @property
    def exceptions(self) -> int:
        """How many plans issued in the year were exception cases."""
        return self.issued - self.issued_excluding_exceptions

    @property
    def percent(self) -> float | None:
        """Percent within 20 weeks, exceptions included; ``None`` if none issued."""
        return _percent(self.within_20_weeks, self.issued)

    @property
    def percent_excluding_exceptions(self) -> float | None:
        """DfE's headline: percent within 20 weeks, exceptions removed."""
        return _percent(
            self.within_20_weeks_excluding_exceptions, self.issued_excluding_exceptions
        )

    @property
    def average_weeks(self) -> float | None:
        """Mean of (issued - received) / 7 over all plans; ``None`` if none issued."""
        return _weeks(self.total_days, self.issued)

    @property
    def average_weeks_excluding_exceptions(self) -> float | None:
        """Mean time in weeks, exceptions removed."""
        return _weeks(
            self.total_days_excluding_exceptions, self.issued_excluding_exceptions
        )

    @property
    def convention(self) -> str:
        """How the end of the period was counted, in words."""
        return convention_text(
            limit_days=self.limit_days, boundary_inclusive=self.boundary_inclusive
        )

    @property
    def definition(self) -> tuple[DefinitionItem, ...]:
        """What the measure counts, each part with its confidence tag."""
        return measure_definition(
            limit_days=self.limit_days,
            boundary_inclusive=self.boundary_inclusive,
            rule=self.rule,
        )

    def to_dict(self) -> dict[str, Any]:
        """Return the measure as one JSON-ready object.

        Percentages and averages are rounded to 1 decimal place, as DfE
        publishes them; the counts are exact.
        """
        return {
            "year": self.year,
            "issued": self.issued,
            "within_20_weeks": self.within_20_weeks,
            "percent": _round(self.percent),
            "issued_excluding_exceptions": self.issued_excluding_exceptions,
            "within_20_weeks_excluding_exceptions": (
                self.within_20_weeks_excluding_exceptions
            ),
            "percent_excluding_exceptions": _round(self.percent_excluding_exceptions),
            "exceptions": self.exceptions,
            "week20_not_recorded": self.week20_not_recorded,
            "over_20_to_52_weeks": self.over_20_to_52_weeks,
            "over_52_weeks": self.over_52_weeks,
            "over_20_to_52_weeks_excluding_exceptions": (
                self.over_20_to_52_weeks_excluding_exceptions
            ),
            "over_52_weeks_excluding_exceptions": (
                self.over_52_weeks_excluding_exceptions
            ),
            "average_weeks": _round(self.average_weeks),
            "average_weeks_excluding_exceptions": _round(
                self.average_weeks_excluding_exceptions
            ),
            "by_month": [month.to_dict() for month in self.by_month],
            "limit_days": self.limit_days,
            "boundary_inclusive": self.boundary_inclusive,
            "convention": self.convention,
            "definition": [part.to_dict() for part in self.definition],
            "rule": rule_to_dict(self.rule),
            "national": None if self.national is None else self.national.to_dict(),
        }


def timeliness(
    cases: Iterable[EhcCase],
    *,
    year: int,
    boundary_inclusive: bool = True,
    rules: Mapping[str, Rule] | None = None,
) -> Timeliness:
    """Compute the 20-week measure for the plans issued in calendar *year*.

    A plan counts in *year* when its ``plan_issued`` date (SEN2 ``StartDate``)
    falls in it; cases without a plan are ignored.
    Its time is ``plan_issued - received`` in days, ``received`` being day 0.
    With ``boundary_inclusive=True`` (the default, an unconfirmed assumption
    flagged [U]) a plan issued on day 140 is within 20 weeks; with ``False``
    it is late.
    The limit comes from the ``ehc.final-plan`` rule of the catalogue.
    Exception cases (``week20`` true, or exception reasons recorded) are left
    out of both numerator and denominator of the "excluding exceptions" figures
    (inferred from the counts in DfE's ``timeliness_20_week.csv``).
    A plan recorded after a decision not to assess or not to issue counts like
    any other (DfE counts plans issued); `case_queries` flags the row.

    The work is one pass over the cases with the period read once from the
    rule: a dict lookup both filters by year and gives the day of the year,
    and day counts are ordinal differences.

    Args:
        cases: The cases; any iterable, read once.
        year: The calendar year of issue.
        boundary_inclusive: Whether day 140 itself is in time.
        rules: The rule book to read the limit from (`sendkit.rules.RULES`
            when ``None``), so a local override changes the measure too.

    Returns:
        The counts, percentages, bands, averages and monthly figures.

    Raises:
        InvalidTypeError: *year* is not a whole number.
        InvalidInputError: *year* is outside 1-9999, or the ``ehc.final-plan``
            rule in *rules* has no fixed length in days.

    Examples:
        >>> import datetime as dt
        >>> from sendkit.ehc import EhcCase
        >>> cases = [
        ...     EhcCase(case_id="A1", received=dt.date(2024, 1, 8),
        ...             plan_issued=dt.date(2024, 5, 27)),  # day 140
        ...     EhcCase(case_id="A2", received=dt.date(2024, 1, 8),
        ...             plan_issued=dt.date(2024, 5, 28)),  # day 141
        ...     EhcCase(case_id="A3", received=dt.date(2024, 1, 8),
        ...             plan_issued=dt.date(2024, 9, 2), week20=True),
        ... ]
        >>> result = timeliness(cases, year=2024)
        >>> result.issued, result.within_20_weeks, result.percent_excluding_exceptions
        (3, 1, 50.0)
        >>> timeliness(cases, year=2024, boundary_inclusive=False).within_20_weeks
        0
    """
    year = as_int(year, "year")
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        msg = f"year must be between {dt.MINYEAR} and {dt.MAXYEAR}, got {year!r}"
        raise InvalidInputError(msg)
    rule, limit_days = fixed_length(FINAL_PLAN, rules)
    in_time = limit_days if boundary_inclusive else limit_days - 1
    within_year = _WEEKS_52 if boundary_inclusive else _WEEKS_52 - 1
    first = dt.date(year, 1, 1).toordinal()
    days_in_year = dt.date(year, 12, 31).toordinal() - first + 1
    # One dict lookup both filters by year and gives the day of the year; the
    # tallies are kept per (day, excepted) slot and folded into months after.
    day_of_year: dict[dt.date | None, int] = {
        dt.date.fromordinal(first + day): day for day in range(days_in_year)
    }
    lookup = day_of_year.get
    slots = 2 * days_in_year
    n, ok, mid, total = [0] * slots, [0] * slots, [0] * slots, [0] * slots
    unflagged = 0
    for case in cases:
        day = lookup(case.plan_issued)
        if day is None:
            continue
        days = first + day - case.received.toordinal()
        week20 = case.week20
        if week20 is None:  # SEN2 requires Week20 on issued plans; count the gaps
            unflagged += 1
            week20 = bool(case.exceptions)
        slot = 2 * day + week20
        n[slot] += 1
        total[slot] += days
        if days <= in_time:
            ok[slot] += 1
        elif days <= within_year:
            mid[slot] += 1
    month_of = [dt.date.fromordinal(first + day).month for day in range(days_in_year)]
    by_month = [[0, 0, 0, 0] for _ in range(13)]
    for day, month in enumerate(month_of):
        tally = by_month[month]
        tally[0] += n[2 * day] + n[2 * day + 1]
        tally[1] += ok[2 * day] + ok[2 * day + 1]
        tally[2] += n[2 * day]
        tally[3] += ok[2 * day]
    months = tuple(
        MonthFigures(
            month=month,
            issued=tally[0],
            within_20_weeks=tally[1],
            issued_excluding_exceptions=tally[2],
            within_20_weeks_excluding_exceptions=tally[3],
        )
        for month, tally in enumerate(by_month)
        if month
    )
    plain = slice(0, slots, 2)
    issued_all, issued_ex = sum(n), sum(n[plain])
    ok_all, ok_ex = sum(ok), sum(ok[plain])
    mid_all, mid_ex = sum(mid), sum(mid[plain])
    return Timeliness(
        year=year,
        limit_days=limit_days,
        boundary_inclusive=boundary_inclusive,
        rule=rule,
        issued=issued_all,
        within_20_weeks=ok_all,
        over_20_to_52_weeks=mid_all,
        over_52_weeks=issued_all - ok_all - mid_all,
        total_days=sum(total),
        issued_excluding_exceptions=issued_ex,
        within_20_weeks_excluding_exceptions=ok_ex,
        over_20_to_52_weeks_excluding_exceptions=mid_ex,
        over_52_weeks_excluding_exceptions=issued_ex - ok_ex - mid_ex,
        total_days_excluding_exceptions=sum(total[plain]),
        week20_not_recorded=unflagged,
        by_month=months,
        national=national_figure(year),
    )
