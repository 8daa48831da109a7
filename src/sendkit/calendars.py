"""Working days on UK bank-holiday calendars, counted exactly as Excel counts them.

Conventions (the same as Excel's ``WORKDAY`` and ``NETWORKDAYS``):

* `add_working_days` never counts its start day.
  ``days=0`` returns the start unchanged, even when it is a weekend or holiday.
  A non-working start counts from the next working day in the direction of travel.
  Negative ``days`` count back.
* `count_working_days` counts both ends and is negative when ``end < start``.
* A working day is Monday to Friday and not a bank holiday of the region
  (`REGIONS`: GOV.UK's names ``england-and-wales``, ``scotland``, ``northern-ireland``).
  England and Wales is the default, and it is always named in the signature:
  there is no UK-wide set, because the days common to all four nations leave
  out Easter Monday and the August bank holiday.
* ``closures`` are local non-working days, such as a council's Christmas shutdown.
  They are skipped like holidays when given, but they do not change statutory
  working days: a statutory deadline should be computed without them.

Bank holidays come from the ``holidays`` package (subdivisions ``ENG``, ``SCT``,
``NIR``), which covers 1872 to 2100 and includes substitute days and one-off days
such as the 2023 Coronation. A table generated from it
(``sendkit._bank_holidays``, by ``tools/make_holiday_table.py``) is used instead
while the installed ``holidays`` has the version the table was made from, so
that a cold start need not import ``holidays``; any other version is asked
directly. Look-up tables are built for 1990-2045 first and for every year of
the data the first time a day outside those years is asked about.
Dates after `ANNOUNCED_THROUGH` give a `HolidayHorizonWarning`;
dates outside the data give an `OutsideCalendarError`.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import importlib.util
import os
import sys
import warnings
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Final, cast

import attrs

from . import _bank_holidays
from .dates import WEEKDAY_NAMES, as_date, as_int, long_date
from .errors import (
    HolidayHorizonWarning,
    InvalidInputError,
    InvalidTypeError,
    OutsideCalendarError,
    UnknownRegionError,
)

if TYPE_CHECKING:
    from types import FrameType

__all__ = [
    "ANNOUNCED_THROUGH",
    "DEFAULT_REGION",
    "REGIONS",
    "Explanation",
    "NonWorkingDay",
    "Reason",
    "WorkingCalendar",
    "add_working_days",
    "calendar_for",
    "count_working_days",
    "is_working_day",
]

DEFAULT_REGION: Final = "england-and-wales"

#: GOV.UK's division names, mapped to the ``holidays`` package's GB subdivisions.
_SUBDIVISIONS: Final = {
    "england-and-wales": "ENG",  # "WLS" gives the same dates (checked 1872-2100)
    "scotland": "SCT",
    "northern-ireland": "NIR",
}
REGIONS: Final = tuple(_SUBDIVISIONS)

#: The last day of the last year whose bank holidays GOV.UK has announced.
#: GOV.UK's bank-holidays.json, as shipped in govuk-bank-holidays 0.19, runs to
#: 2028-12-26; tests/test_govuk.py keeps this in step with that file.
ANNOUNCED_THROUGH: Final = dt.date(2028, 12, 31)

_SATURDAY: Final = 5


class Reason(enum.Enum):
    """Why a day is not a working day."""

    WEEKEND = "weekend"
    BANK_HOLIDAY = "bank holiday"
    LOCAL_CLOSURE = "local closure"


@attrs.frozen
class NonWorkingDay:
    """One non-working day and why.

    Attributes:
        day: The date.
        reason: Weekend, bank holiday or local closure.
        name: The holiday's name, the weekday's name, or "local closure".
        statutory: Whether the day is non-working in law (weekends and bank
            holidays) rather than only by local decision (closures).
    """

    day: dt.date
    reason: Reason
    name: str

    @property
    def statutory(self) -> bool:
        """Whether the day is non-working in law, not only by local decision."""
        return self.reason is not Reason.LOCAL_CLOSURE

    def __str__(self) -> str:
        when = f"{self.day:%a} {self.day.day} {self.day:%b %Y}"
        if self.reason is Reason.BANK_HOLIDAY:
            return f"{when}  bank holiday: {self.name}"
        if self.reason is Reason.LOCAL_CLOSURE:
            return f"{when}  local closure (not a statutory non-working day)"
        return f"{when}  weekend"


@attrs.frozen(kw_only=True)
class Explanation:
    """How a working-day date was reached, day by day.

    Attributes:
        start: The start date (never counted itself).
        days: The number of working days moved; negative counts back.
        due: The resulting date.
        region: The bank-holiday region used.
        skipped: Every non-working day passed over between *start* (exclusive)
            and *due* (inclusive), in the order the count met them.
        start_is_working_day: Whether *start* itself is a working day. When it
            is not, counting begins from the next working day in the direction
            of travel.
        data_source: Which holiday data produced the answer.
    """

    start: dt.date
    days: int
    due: dt.date
    region: str
    skipped: tuple[NonWorkingDay, ...]
    start_is_working_day: bool
    data_source: str

    def lines(self) -> list[str]:
        """Return the explanation as lines of plain text for a report."""
        direction = "after" if self.days >= 0 else "before"
        out = [
            (
                f"{abs(self.days)} working days {direction} {long_date(self.start)} "
                f"({self.region}) is {long_date(self.due)}."
            ),
            "The start day is not counted.",
        ]
        if self.days == 0:
            out.append("Zero days returns the start date unchanged, as WORKDAY does.")
        elif not self.start_is_working_day:
            out.append(
                "The start is not a working day, so counting begins from the "
                "next working day."
            )
        if self.skipped:
            out.append(f"Non-working days skipped ({len(self.skipped)}):")
            out.extend(f"  {day}" for day in self.skipped)
        else:
            out.append("No non-working days were skipped.")
        if any(not day.statutory for day in self.skipped):
            out.append(
                "Local closures are not statutory non-working days; a statutory "
                "deadline computed without them may be earlier."
            )
        out.append(f"Holiday data: {self.data_source}.")
        return out

    def __str__(self) -> str:
        return "\n".join(self.lines())


def _normalise_region(region: object) -> str:
    if not isinstance(region, str):
        msg = f"region must be text, got {region!r} ({type(region).__name__})"
        raise InvalidTypeError(msg)
    key = "-".join(region.strip().lower().replace("_", " ").replace("&", "and").split())
    if key not in _SUBDIVISIONS:
        valid = ", ".join(repr(name) for name in REGIONS)
        msg = f"unknown region {region!r}; expected one of {valid}"
        raise UnknownRegionError(msg)
    return key


def _to_closures(closures: Iterable[dt.date]) -> frozenset[dt.date]:
    if isinstance(closures, (str, bytes, dt.date)):
        msg = (
            "closures must be a collection of dates, got "
            f"{closures!r} ({type(closures).__name__})"
        )
        raise InvalidTypeError(msg)
    try:
        items = list(closures)
    except TypeError:
        msg = f"closures must be a collection of dates, got {closures!r}"
        raise InvalidTypeError(msg) from None
    return frozenset(as_date(item, "closures item") for item in items)


@attrs.frozen
class _Tables:
    """Dense lookup tables over the whole span the holiday data covers.

    ``le[d.toordinal()]`` counts the working days in ``[first, d]`` and
    ``lt[d.toordinal()]`` those in ``[first, d)``; both are ``None`` before
    *first* and end at *last*. Lists indexed by ordinal are about twice as fast
    as dicts keyed by date, whose look-ups hash and compare date objects.
    ``nth[k]`` is the working day with ``le == k + 1``, followed by ``None``
    padding so that a move past either end is detected rather than wrapping
    round to the other end of the list. *full* says whether the tables cover
    every year of the data or only `_FIRST_SPAN`; a miss on partial tables
    means "build the full ones and ask again", not "outside the data".
    """

    first: dt.date
    last: dt.date
    le: list[int | None]
    lt: list[int | None]
    nth: list[dt.date | None]
    holiday_names: dict[dt.date, str]
    source: str
    full: bool
    #: Caches for `WorkingCalendar._many_interior`, keyed by the horizon.
    interior: dict[dt.date, tuple[dict[dt.date, int], list[dt.date]]] = attrs.field(
        factory=dict, eq=False, repr=False
    )


# Moves longer than this many working days always leave the data (1872-2100
# holds about 59,700 working days), so padding of this size catches every
# negative index before Python's wrap-around could.
_PAD: Final = 120_000

#: The batch fast path (`WorkingCalendar._many_interior`) serves counts down to
#: minus this many working days (about four years), and starts at least this
#: many working days after the tables begin.
_REACH: Final = 1024


class _FirstSeen(dict[dt.date, int]):
    """Indexes of starts, keyed by the first object met for each day.

    `WorkingCalendar._many_interior` makes one per call. A key missing here is
    looked up in the calendar's own dict (whose keys are its own date objects,
    found only by ``==``) and stored under the caller's object, so the next
    look-up of that same object is found by identity.
    """

    __slots__ = ("_source",)

    def __init__(self, source: dict[dt.date, int]) -> None:
        super().__init__()
        self._source = source

    def __missing__(self, key: dt.date) -> int:
        index = self[key] = self._source[key]
        return index


#: The years the tables cover first. A calendar answers for these years from
#: tables built over them alone (a few milliseconds); the first question about
#: a day outside them builds the tables over every year the data covers.
_FIRST_SPAN: Final = (1990, 2045)


@functools.lru_cache(maxsize=1)
def _installed_holidays_version() -> str | None:
    """The installed ``holidays`` version, read from its dist-info folder's name.

    This avoids importing ``holidays`` (and ``importlib.metadata``) only to
    learn whether the shipped table (`_bank_holidays`) was made from it.
    None when it cannot be told.
    """
    spec = importlib.util.find_spec("holidays")
    if spec is None or spec.origin is None:
        return None
    site = os.path.dirname(os.path.dirname(spec.origin))  # noqa: PTH120 - no pathlib at start-up
    try:
        with os.scandir(site) as entries:
            for entry in entries:
                name = entry.name
                if name.startswith("holidays-") and name.endswith(".dist-info"):
                    return name[len("holidays-") : -len(".dist-info")]
    except OSError:
        return None
    return None


def _table_is_current() -> bool:
    """Whether the shipped table was generated from the installed ``holidays``."""
    return _installed_holidays_version() == _bank_holidays.HOLIDAYS_VERSION


@functools.lru_cache(maxsize=8)
def _data_years(subdivision: str) -> tuple[int, int]:
    if _table_is_current():
        return _bank_holidays.FIRST_YEAR, _bank_holidays.LAST_YEAR
    import holidays  # noqa: PLC0415 - only when the shipped table is not current

    probe = holidays.country_holidays("GB", subdiv=subdivision)
    return probe.start_year, probe.end_year


def _holiday_names(
    region: str, start_year: int, end_year: int
) -> tuple[dict[dt.date, str], str]:
    """The region's bank holidays from *start_year* to *end_year*, and their source.

    From the shipped table when it was made from the installed ``holidays``
    (the same dates and names, checked by tests/test_calendars.py), else from
    ``holidays`` itself.
    """
    subdivision = _SUBDIVISIONS[region]
    if _table_is_current():
        ordinals, which = _bank_holidays.TABLES[region]
        lo = dt.date(start_year, 1, 1).toordinal()
        hi = dt.date(end_year, 12, 31).toordinal()
        names = _bank_holidays.NAMES
        table = {
            dt.date.fromordinal(o): names[i]
            for o, i in zip(ordinals, which, strict=True)
            if lo <= o <= hi
        }
        version = _bank_holidays.HOLIDAYS_VERSION
    else:
        import holidays  # noqa: PLC0415 - only when the shipped table is not current

        data = holidays.country_holidays(
            "GB", subdiv=subdivision, years=range(start_year, end_year + 1)
        )
        table = {day: str(name) for day, name in data.items()}
        version = getattr(holidays, "__version__", "unknown version")
    return table, f"holidays {version}, GB subdivision {subdivision}"


@functools.lru_cache(maxsize=32)
def _build_tables(
    region: str, closures: frozenset[dt.date], *, full: bool = False
) -> _Tables:
    """Build the tables over `_FIRST_SPAN`, or over all the data's years."""
    subdivision = _SUBDIVISIONS[region]
    start_year, end_year = _data_years(subdivision)
    if not full:
        start_year = max(start_year, _FIRST_SPAN[0])
        end_year = min(end_year, _FIRST_SPAN[1])
    first = dt.date(start_year, 1, 1)
    last = dt.date(end_year, 12, 31)
    names, source = _holiday_names(region, start_year, end_year)
    le: list[int | None] = [None] * first.toordinal()
    lt: list[int | None] = [None] * first.toordinal()
    nth: list[dt.date | None] = []
    count = 0
    one = dt.timedelta(days=1)
    day = first
    while day <= last:
        lt.append(count)
        if day.weekday() < _SATURDAY and day not in names and day not in closures:
            count += 1
            nth.append(day)
        le.append(count)
        day += one
    nth.extend([None] * _PAD)
    return _Tables(
        first=first,
        last=last,
        le=le,
        lt=lt,
        nth=nth,
        holiday_names=names,
        source=source,
        full=full,
    )


def _closures_field(value: Iterable[dt.date]) -> frozenset[dt.date]:
    return _to_closures(value)


@attrs.frozen
class WorkingCalendar:
    """Working days in one UK region, with optional local closures.

    An immutable value: two calendars with the same region and closures are
    equal and interchangeable.
    Its methods count exactly as Excel's ``WORKDAY`` and ``NETWORKDAYS`` do
    with the region's bank holidays (and the closures) as the holiday list.

    Attributes:
        region: GOV.UK's name for the bank-holiday region (`REGIONS`).
        closures: Local non-working days. They are skipped like holidays but
            are not statutory non-working days; `explain` labels them so.
        announced_through: Dates after this give a `HolidayHorizonWarning`.

    Examples:
        >>> import datetime as dt
        >>> cal = WorkingCalendar("england-and-wales")
        >>> cal.add_working_days(dt.date(2023, 5, 16), 35)
        datetime.date(2023, 7, 5)
    """

    region: str = attrs.field(default=DEFAULT_REGION, converter=_normalise_region)
    closures: frozenset[dt.date] = attrs.field(
        default=frozenset(), converter=_closures_field
    )
    announced_through: dt.date = attrs.field(default=ANNOUNCED_THROUGH, kw_only=True)
    _t: _Tables = attrs.field(init=False, repr=False, eq=False, hash=False)

    @_t.default
    def _tables(self) -> _Tables:
        return _build_tables(self.region, self.closures)

    # -- facts about the data ---------------------------------------------------

    @property
    def data_source(self) -> str:
        """Which holiday data this calendar uses, with the package version."""
        return self._t.source

    @property
    def first_day(self) -> dt.date:
        """The first day the holiday data covers."""
        return dt.date(_data_years(_SUBDIVISIONS[self.region])[0], 1, 1)

    @property
    def last_day(self) -> dt.date:
        """The last day the holiday data covers."""
        return dt.date(_data_years(_SUBDIVISIONS[self.region])[1], 12, 31)

    def _grow(self) -> bool:
        """Swap in tables over every year of the data; False if already there.

        The calendar stays the same value (same region, closures and answers);
        only its cache of look-up tables widens.
        """
        if self._t.full:
            return False
        object.__setattr__(
            self, "_t", _build_tables(self.region, self.closures, full=True)
        )
        return True

    def holidays_between(self, start: dt.date, end: dt.date) -> list[NonWorkingDay]:
        """Return the weekday bank holidays and closures from *start* to *end*.

        Both ends are included; weekend-dated holidays (whose substitute day
        is listed instead) are left out, as GOV.UK leaves them out.
        """
        start = self._check(as_date(start, "start"), "start")
        end = self._check(as_date(end, "end"), "end")
        out = []
        for day in _days(start, end):
            reason = self.why_not_working(day)
            if reason is not None and reason.reason is not Reason.WEEKEND:
                out.append(reason)
        return out

    # -- the three questions ---------------------------------------------------

    def is_working_day(self, day: dt.date) -> bool:
        """Return whether *day* is a working day (Monday-Friday, not a holiday).

        Examples:
            >>> import datetime as dt
            >>> WorkingCalendar().is_working_day(dt.date(2023, 5, 8))  # Coronation
            False
        """
        ordinal = self._check(as_date(day, "day"), "day").toordinal()
        return self._t.le[ordinal] != self._t.lt[ordinal]

    def why_not_working(self, day: dt.date) -> NonWorkingDay | None:
        """Return why *day* is not a working day, or None when it is one.

        A bank holiday on a weekend is reported as the weekend it falls on.
        """
        day = self._check(as_date(day, "day"), "day")
        ordinal = day.toordinal()
        if self._t.le[ordinal] != self._t.lt[ordinal]:
            return None
        return self._reason(day)

    def _reason(self, day: dt.date) -> NonWorkingDay:
        if day.weekday() >= _SATURDAY:
            return NonWorkingDay(day, Reason.WEEKEND, WEEKDAY_NAMES[day.weekday()])
        name = self._t.holiday_names.get(day)
        if name is not None:
            return NonWorkingDay(day, Reason.BANK_HOLIDAY, name)
        return NonWorkingDay(day, Reason.LOCAL_CLOSURE, "local closure")

    def add_working_days(self, start: dt.date, days: int) -> dt.date:
        """Return the date *days* working days after *start*, like ``WORKDAY``.

        *start* itself is never counted. ``days=0`` returns *start* unchanged,
        even when it is not a working day. When *start* is not a working day,
        counting begins from the next working day in the direction of travel.
        Negative *days* count back.

        Args:
            start: The day the clock starts (a `datetime` means its date).
            days: How many working days to move.

        Returns:
            The resulting date: a working day unless ``days == 0``.

        Raises:
            InvalidTypeError: *start* is not a date or *days* not an int.
            OutsideCalendarError: The move leaves the years the data covers.

        Examples:
            >>> import datetime as dt
            >>> WorkingCalendar().add_working_days(dt.date(2024, 1, 6), -1)  # a Saturday
            datetime.date(2024, 1, 5)
        """
        if type(start) is not dt.date:
            start = as_date(start, "start")
        if type(days) is not int:
            days = as_int(days, "days")
        t = self._t
        try:
            if days > 0:
                index = t.le[start.toordinal()] + days - 1  # type: ignore[operator]
            elif days < 0:
                index = t.lt[start.toordinal()] + days  # type: ignore[operator]
            else:
                self._check(start, "start")
                self._warn_if_beyond(start)
                return start
        except (TypeError, IndexError):  # None before the tables, short list after
            if self._grow():
                return self.add_working_days(start, days)
            self._check(start, "start")
            raise  # pragma: no cover - _check always raises for a missing day
        result = t.nth[index] if 0 <= index < len(t.nth) else None
        if result is None:
            if self._grow():
                return self.add_working_days(start, days)
            raise self._left(start, days)
        if result > self.announced_through or start > self.announced_through:
            self._warn_if_beyond(max(result, start))
        return result

    def count_working_days(self, start: dt.date, end: dt.date) -> int:
        """Count working days from *start* to *end*, like ``NETWORKDAYS``.

        Both ends are counted. The count is negative when *end* is before
        *start*, and ``count_working_days(d, d)`` is 1 on a working day and 0
        otherwise.

        Examples:
            >>> import datetime as dt
            >>> WorkingCalendar().count_working_days(dt.date(2023, 5, 16), dt.date(2023, 7, 5))
            36
        """
        if type(start) is not dt.date:
            start = as_date(start, "start")
        if type(end) is not dt.date:
            end = as_date(end, "end")
        t = self._t
        try:
            if start <= end:
                result = t.le[end.toordinal()] - t.lt[start.toordinal()]  # type: ignore[operator]
            else:
                result = -(t.le[start.toordinal()] - t.lt[end.toordinal()])  # type: ignore[operator]
        except (TypeError, IndexError):
            if self._grow():
                return self.count_working_days(start, end)
            self._check(start, "start")
            self._check(end, "end")
            raise  # pragma: no cover
        later = max(start, end)
        if later > self.announced_through:
            self._warn_if_beyond(later)
        return result

    def explain(self, start: dt.date, days: int) -> Explanation:
        """Explain `add_working_days`: every non-working day skipped, and why.

        The non-working days listed are those the count passed over, between
        *start* (exclusive) and the result (inclusive). Local closures are
        labelled as such, apart from weekends and bank holidays.

        Examples:
            >>> import datetime as dt
            >>> why = WorkingCalendar().explain(dt.date(2023, 5, 16), 35)
            >>> [str(day) for day in why.skipped if day.reason is Reason.BANK_HOLIDAY]
            ['Mon 29 May 2023  bank holiday: Spring Bank Holiday']
        """
        start = as_date(start, "start")
        days = as_int(days, "days")
        due = self.add_working_days(start, days)
        step = 1 if days >= 0 else -1
        skipped: list[NonWorkingDay] = []
        if days:
            one = dt.timedelta(days=step)
            day = start + one
            while True:
                if self._t.le[day.toordinal()] == self._t.lt[day.toordinal()]:
                    skipped.append(self._reason(day))
                if day == due:
                    break
                day += one
        return Explanation(
            start=start,
            days=days,
            due=due,
            region=self.region,
            skipped=tuple(skipped),
            start_is_working_day=(
                self._t.le[start.toordinal()] != self._t.lt[start.toordinal()]
            ),
            data_source=self.data_source,
        )

    def add_working_days_many(  # noqa: C901, PLR0912 - one branch per shape of days
        self, starts: Sequence[dt.date], days: int | Sequence[int]
    ) -> list[dt.date]:
        """`add_working_days` over many starts in one call, for a caseload.

        Same convention as `add_working_days`. The cost per item does not grow
        with *days*: each answer is two table look-ups.

        Args:
            starts: The start dates.
            days: One count for every start, or a sequence of counts of the
                same length as *starts*.

        Returns:
            The resulting dates, in the order of *starts*.

        Raises:
            InvalidInputError: *days* is a sequence of another length.
            InvalidTypeError: An item is not a date, or a count not an int;
                the message gives its position.
            OutsideCalendarError: A move leaves the years the data covers.

        Examples:
            >>> import datetime as dt
            >>> cal = WorkingCalendar()
            >>> cal.add_working_days_many([dt.date(2023, 5, 16), dt.date(2024, 1, 6)], [35, -1])
            [datetime.date(2023, 7, 5), datetime.date(2024, 1, 5)]
        """
        if not isinstance(starts, Sequence):
            # An iterator is read once here, whichever path then answers.
            starts = list(starts)  # type: ignore[unreachable]
        if isinstance(days, int) and not isinstance(days, bool):
            fast = self._many_interior(starts, days)
            if fast is not None:
                return fast
            out = self._many_fast_single(starts, days)
        elif isinstance(days, Sequence) and not isinstance(days, (str, bytes)):
            if len(days) != len(starts):
                msg = (
                    f"days must be one int or a sequence as long as starts "
                    f"({len(starts)}), got a sequence of {len(days)}"
                )
                raise InvalidInputError(msg)
            fast = self._many_interior(starts, days)
            if fast is not None:
                return fast
            out = self._many_fast_each(starts, days)
        elif hasattr(days, "__len__") and not isinstance(days, (str, bytes)):
            # numpy's tolist() gives Python ints: its own integer types wrap
            # round (uint64) or overflow (int8) when added to a table index.
            array = cast("Any", days)
            counts = array.tolist() if hasattr(array, "tolist") else list(array)
            return self.add_working_days_many(starts, counts)
        else:
            days = as_int(days, "days")
            out = self._many_fast_single(starts, days)
        # A None means a move left the data; max() also raises on it, which
        # makes the one pass over the results double as that check.
        try:
            latest = max(out, default=None)  # type: ignore[type-var]  # pragma: no mutate
        except TypeError:
            latest = None
        if latest is None:
            if out and self._grow():
                return self.add_working_days_many(starts, days)
            return self._many_slowly(starts, days) if out else []
        if latest > self.announced_through:  # pragma: no mutate
            self._warn_if_beyond(latest)
        elif not (isinstance(days, int) and days > 0):
            # Counting back from a late start can end inside the window. A
            # datetime start means its date, as in add_working_days.
            latest_start = max(as_date(start, "start") for start in starts)
            if latest_start > self.announced_through:  # pragma: no mutate
                self._warn_if_beyond(latest_start)
        return out  # type: ignore[return-value]

    def _many_interior(
        self, starts: Sequence[dt.date], days: int | Sequence[int]
    ) -> list[dt.date] | None:
        """The batch fast path, for working-day starts inside the announced years.

        For a start *s* that is a working day, ``add_working_days(s, n)`` is
        ``nth[lt[s] + n]`` for every *n*, zero included. So each answer is a dict
        look-up from the start to its ``lt``, an add, and a list look-up. The
        dict holds only working days at least `_REACH` working days after the
        tables begin and up to `announced_through`, and the list ends there
        too, so once ``min(days) >= -_REACH`` no index can wrap round, a move
        past the horizon is an ``IndexError`` and no warning is due. Returns
        None, having changed nothing, when any start or count is outside that
        case (a non-working start, a `datetime`, a day outside those years, a
        count that is not an int, a smallest count that is not a plain `int`
        or is below ``-_REACH``); the general path then answers, or names the
        problem.
        """
        try:
            lowest = days if isinstance(days, int) else min(days, default=0)
            # A numpy or bool count is left to the general path, which checks
            # each one (numpy's unsigned ints wrap round when added to an index).
            if type(lowest) is not int or lowest < -_REACH:
                return None
        except TypeError:
            return None
        starts_at, day_at = self._interior()
        # The caller's date objects become the keys of a dict for this call
        # alone: a dict finds a key by identity before it tries ==, and a
        # caseload repeats a few hundred date objects, so nearly every look-up
        # is found by identity. map() makes those look-ups without a bytecode
        # each; the add and the list look-up stay in the comprehension, where
        # CPython specialises them for ints and lists.
        indexes = map(_FirstSeen(starts_at).__getitem__, starts)
        try:
            if isinstance(days, int):
                return [day_at[i + days] for i in indexes]
            return [day_at[i + n] for i, n in zip(indexes, days, strict=True)]
        except (KeyError, TypeError, IndexError, ValueError, OverflowError):
            return None

    def _interior(self) -> tuple[dict[dt.date, int], list[dt.date]]:
        """Working days `_REACH` after the tables begin up to the horizon, to ``lt``."""
        t = self._t
        found = t.interior.get(self.announced_through)  # pragma: no mutate
        if found is None:
            horizon = min(self.announced_through, t.last)
            limit = (  # pragma: no mutate
                (t.le[horizon.toordinal()] or 0) if horizon >= t.first else 0
            )
            days = cast("list[dt.date]", t.nth[:limit])
            found = ({days[i]: i for i in range(_REACH, limit)}, days)
            t.interior[self.announced_through] = found  # pragma: no mutate
        return found

    def _many_fast_single(
        self, starts: Sequence[dt.date], days: int
    ) -> list[dt.date | None]:
        le, lt, nth = self._t.le, self._t.lt, self._t.nth
        # The unbound method refuses an object that is not a date (a TypeError,
        # so the slow path names it) where s.toordinal() would accept any
        # object with such a method.
        ordinal = dt.date.toordinal
        if days <= -_PAD:
            return [None]  # would index below the padding and wrap round
        try:
            if days > 0:
                k = days - 1
                return [nth[le[ordinal(s)] + k] for s in starts]  # type: ignore[operator]
            if days < 0:
                return [nth[lt[ordinal(s)] + days] for s in starts]  # type: ignore[operator]
            return [  # pragma: no mutate
                s if _plain_in(s, le) else None for s in starts
            ]
        except (AttributeError, TypeError, IndexError):
            return [None]  # let the slow path find and name the problem

    def _many_fast_each(
        self, starts: Sequence[dt.date], days: Sequence[int]
    ) -> list[dt.date | None]:
        le, lt, nth = self._t.le, self._t.lt, self._t.nth
        ordinal = dt.date.toordinal  # refuses a non-date, as in _many_fast_single
        try:
            # One pass for the smallest count: an index below the None padding
            # would wrap round to a real date instead of failing.
            lowest = min(days, default=0)
            if type(lowest) is not int:
                return [None]  # a numpy or bool count: the slow path checks each
            if lowest <= -_PAD:  # pragma: no mutate
                return [None]
            return [
                nth[le[ordinal(s)] + n - 1]  # type: ignore[operator]
                if n > 0
                else (
                    nth[lt[ordinal(s)] + n]  # type: ignore[operator]
                    if n
                    else (s if _plain_in(s, le) else None)  # pragma: no mutate
                )
                for s, n in zip(starts, days, strict=True)
            ]
        except (AttributeError, TypeError, IndexError):
            return [None]

    def _many_slowly(
        self, starts: Sequence[dt.date], days: int | Sequence[int]
    ) -> list[dt.date]:
        """Check every item and give the first problem with its position."""
        counts = [days] * len(starts) if isinstance(days, int) else list(days)
        out = []
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", HolidayHorizonWarning)
            for position, (start, n) in enumerate(zip(starts, counts, strict=True)):
                out.append(
                    self.add_working_days(
                        as_date(start, f"starts[{position}]"),
                        as_int(n, f"days[{position}]"),
                    )
                )
        latest = max([*out, *(as_date(s, "start") for s in starts)], default=None)
        if latest is not None and latest > self.announced_through:
            self._warn_if_beyond(latest)
        return out

    # -- guards ------------------------------------------------------------------

    def _check(self, day: dt.date, name: str) -> dt.date:
        """Refuse a day outside the data; make sure the tables cover it."""
        if self._t.first <= day <= self._t.last:
            return day
        first, last = self.first_day, self.last_day
        if not first <= day <= last:
            msg = (
                f"{name} {day.isoformat()} is outside the years the bank-holiday "
                f"data covers ({first.year}-{last.year})"
            )
            raise OutsideCalendarError(msg)
        self._grow()
        return day

    def _left(self, start: dt.date, days: int) -> OutsideCalendarError:
        msg = (
            f"moving {days} working days from {start.isoformat()} leaves the years "
            f"the bank-holiday data covers ({self.first_day.year}-{self.last_day.year})"
        )
        return OutsideCalendarError(msg)

    def _warn_if_beyond(self, day: dt.date) -> None:
        if day > self.announced_through:
            # One message per calendar, not per date, so that Python shows it
            # once rather than once for every date of a caseload.
            msg = (
                f"dates after {self.announced_through.isoformat()} are past the end "
                "of the bank holidays GOV.UK has announced; holidays after that are "
                "computed by rule, and a one-off holiday announced later would "
                "change such answers"
            )
            warnings.warn(msg, HolidayHorizonWarning, stacklevel=_caller_level())


#: Frames from files under this folder are sendkit's own.
_PACKAGE_DIR: Final = os.path.dirname(__file__) + os.sep  # noqa: PTH120 - pathlib costs import time


def _caller_level() -> int:
    """The ``stacklevel`` that makes a warning name the first line outside sendkit.

    Counted from the function that calls `warnings.warn` (level 1), so a
    warning points at the caller's own line however many sendkit functions
    lie between (a module-level wrapper, the batch path's slow path, an EHC
    measure), not at a line in this file.
    """
    frame: FrameType | None = sys._getframe(1)  # noqa: SLF001 - the cheap stack walk
    level = 1
    while frame is not None and frame.f_code.co_filename.startswith(_PACKAGE_DIR):
        frame = frame.f_back
        level += 1
    return level


def _plain_in(day: object, counts: list[int | None]) -> bool:
    """Whether *day* is a plain date the tables cover (``days=0`` returns it as is)."""
    return (
        type(day) is dt.date
        and day.toordinal() < len(counts)
        and counts[day.toordinal()] is not None
    )


def _days(start: dt.date, end: dt.date) -> Iterable[dt.date]:
    one = dt.timedelta(days=1)
    day = start
    while day <= end:
        yield day
        day += one


_DEFAULTS: dict[str, WorkingCalendar] = {}


@functools.lru_cache(maxsize=64)
def _with_closures(region: str, closures: frozenset[dt.date]) -> WorkingCalendar:
    return WorkingCalendar(region, closures)


def calendar_for(
    region: str = DEFAULT_REGION, closures: Iterable[dt.date] = ()
) -> WorkingCalendar:
    """Return the shared `WorkingCalendar` for *region* and *closures*.

    Calendars are immutable, so one instance per region and closure set is
    kept and reused; building one takes a few tens of milliseconds.
    """
    if not closures:
        try:
            cal = _DEFAULTS.get(region)
        except TypeError:  # unhashable: the region check below explains
            cal = None
        if cal is None:
            key = _normalise_region(region)
            cal = _DEFAULTS.setdefault(key, WorkingCalendar(key))
            _DEFAULTS[region] = cal
        return cal
    if isinstance(closures, frozenset):
        # A frozenset caches its hash, so a caller who keeps one set pays
        # almost nothing per call; other collections are checked item by item.
        return _with_closures(_normalise_region(region), closures)
    return _with_closures(_normalise_region(region), _to_closures(closures))


def add_working_days(
    start: dt.date,
    days: int,
    *,
    region: str = DEFAULT_REGION,
    closures: Iterable[dt.date] = (),
) -> dt.date:
    """Return the date *days* working days after *start*, exactly like ``WORKDAY``.

    *start* itself is never counted. ``days=0`` returns *start* unchanged, even
    on a weekend or holiday. When *start* is not a working day, counting
    begins from the next working day in the direction of travel. Negative
    *days* count back.

    Args:
        start: The day the clock starts (a `datetime` means its date).
        days: How many working days to move.
        region: Bank-holiday region: ``"england-and-wales"`` (default),
            ``"scotland"`` or ``"northern-ireland"``.
        closures: Local non-working days to skip as well (not statutory).

    Returns:
        The resulting date.

    Raises:
        InvalidTypeError: *start* is not a date or *days* not an int.
        UnknownRegionError: *region* is not one of `REGIONS`.
        OutsideCalendarError: The move leaves the years the data covers.

    Examples:
        >>> import datetime as dt
        >>> add_working_days(dt.date(2023, 5, 16), 35)  # a priority action plan
        datetime.date(2023, 7, 5)
        >>> add_working_days(dt.date(2023, 5, 8), 0)  # the Coronation: 0 keeps it
        datetime.date(2023, 5, 8)
    """
    return calendar_for(region, closures).add_working_days(start, days)


def count_working_days(
    start: dt.date,
    end: dt.date,
    *,
    region: str = DEFAULT_REGION,
    closures: Iterable[dt.date] = (),
) -> int:
    """Count the working days from *start* to *end*, exactly like ``NETWORKDAYS``.

    Both ends are counted. The count is negative when *end* is before
    *start*; the same day counts 1 if it is a working day and 0 if not.

    Examples:
        >>> import datetime as dt
        >>> count_working_days(dt.date(2012, 10, 1), dt.date(2013, 3, 1))
        107
        >>> count_working_days(dt.date(2023, 7, 5), dt.date(2023, 5, 16))
        -36
    """
    return calendar_for(region, closures).count_working_days(start, end)


def is_working_day(
    day: dt.date,
    *,
    region: str = DEFAULT_REGION,
    closures: Iterable[dt.date] = (),
) -> bool:
    """Return whether *day* is a working day in *region*.

    Examples:
        >>> import datetime as dt
        >>> is_working_day(dt.date(2024, 8, 5), region="scotland")  # first Monday of August
        False
        >>> is_working_day(dt.date(2024, 8, 5))
        True
    """
    return calendar_for(region, closures).is_working_day(day)
