"""DfE's published EHC figures as a table: areas, years, measures, symbols.

A `Table` holds DfE's headline rows (the "All ..." breakdown of each file)
for England, its regions and every council, keyed by calendar year and area.
Values stay as DfE wrote them (``"1253"``, ``"35.7"``, ``"x"``) until a
`Figure` is asked for, so a suppressed figure can never turn into 0.

Areas are keyed by: ``"E92000001"`` for England, the region's ONS code for a
region, and the council's three-digit DfE number (``old_la_code``, such as
``"830"`` for Derbyshire) for a council, because that number survives the
changes of ONS code DfE's files show (Buckinghamshire has two).
"""

from __future__ import annotations

import csv
import functools
import io
from collections.abc import Iterable, Mapping
from importlib import resources
from typing import Any, Final

import attrs

from ..errors import InvalidInputError
from ._measures import KINDS, MEASURES, SERIES_BREAK, Measure

__all__ = [
    "ENGLAND",
    "META_COLUMNS",
    "SOURCE",
    "SYMBOLS",
    "Area",
    "Figure",
    "Table",
    "headline_rows",
    "shipped_table",
]

#: England's key (its ONS code).
ENGLAND: Final = "E92000001"

#: Where the shipped table comes from.
SOURCE: Final = (
    "Department for Education, Education, health and care plans, Explore "
    "Education Statistics, release of June 2025 (calendar years 2019-2024): "
    "timeliness_20_week.csv, requests.csv, assessments.csv, annual_reviews.csv, "
    "headline rows. Contains public sector information licensed under the Open "
    "Government Licence v3.0. "
    "https://explore-education-statistics.service.gov.uk/find-statistics/"
    "education-health-and-care-plans"
)

#: DfE's columns that say which area and year a row is about.
META_COLUMNS: Final = (
    "time_period",
    "geographic_level",
    "region_code",
    "region_name",
    "new_la_code",
    "old_la_code",
    "la_name",
)

#: DfE's symbols for a figure it does not publish, and what each means
#: (the Government Statistical Service's symbols, as DfE uses them).
SYMBOLS: Final = {
    "x": "not available: not collected for this year or level, or withheld by DfE",
    "c": "confidential: suppressed by DfE to protect individuals",
    "z": "not applicable",
    "low": "a positive number too small to show (rounds to 0)",
    "u": "low reliability",
    ":": "not available",
}

_MISSING: Final = "not in DfE's file for this area and year"

_LEVELS: Final = {
    "national": "national",
    "regional": "regional",
    "local authority": "local authority",
}


@attrs.frozen(kw_only=True)
class Area:
    """England, a region, or a council, as DfE's files name it.

    Attributes:
        key: ``"E92000001"``, a region's ONS code, or a council's three-digit
            DfE number (``"830"``).
        level: ``"national"``, ``"regional"`` or ``"local authority"``.
        name: The name in DfE's latest row for it.
        code: The ONS code in DfE's latest row.
        codes: Every ONS code DfE's rows give it, oldest first.
        names: Every name DfE's rows give it, oldest first.
        region: For a council, its region's key; otherwise ``""``.
        years: The calendar years with a row for it.
    """

    key: str
    level: str
    name: str
    code: str
    codes: tuple[str, ...]
    names: tuple[str, ...]
    region: str
    years: tuple[int, ...]

    @property
    def label(self) -> str:
        """The name with the DfE number for a council: ``Derbyshire (830)``."""
        if self.level == "local authority":
            return f"{self.name} ({self.key})"
        return self.name

    def to_dict(self) -> dict[str, Any]:
        """Return the area as JSON-ready values."""
        return attrs.asdict(self)


@attrs.frozen(kw_only=True)
class Figure:
    """One published figure, or the reason there is none.

    Attributes:
        area: The area's key.
        name: The area's name.
        measure: The `Measure` key.
        year: The calendar year.
        value: The number, or ``None`` when DfE does not publish it.
        symbol: DfE's symbol (``x``, ``c``, ``z``, ``low``) when not published.
        reason: Why there is no number, in words; ``""`` when there is one.
        computed: ``True`` when sendkit divided DfE's published counts because
            DfE does not publish the rate for that year.
    """

    area: str
    name: str
    measure: str
    year: int
    value: float | None
    symbol: str = ""
    reason: str = ""
    computed: bool = False

    @property
    def published(self) -> bool:
        """Whether there is a number."""
        return self.value is not None

    @property
    def text(self) -> str:
        """The figure as a person reads it: ``35.7%``, ``1,253`` or ``not published (x)``.

        Examples:
            >>> Figure(area="830", name="Derbyshire", measure="plans_issued",
            ...        year=2024, value=1253.0).text
            '1,253'
            >>> Figure(area="830", name="Derbyshire", measure="plans_issued",
            ...        year=2019, value=None, symbol="x", reason="withheld").text
            'not published (x)'
        """
        if self.value is None:
            return f"not published ({self.symbol})" if self.symbol else "no figure"
        if MEASURES[self.measure].percent:
            mark = "*" if self.computed else ""
            return f"{self.value:.1f}%{mark}"
        return f"{self.value:,.0f}"

    def to_dict(self) -> dict[str, Any]:
        """Return the figure as JSON-ready values."""
        return attrs.asdict(self)


def _level(text: str) -> str:
    level = _LEVELS.get(text.strip().lower())
    if level is None:
        msg = f"unknown geographic_level {text!r} (expected National, Regional or Local authority)"
        raise InvalidInputError(msg)
    return level


def _area_key(row: Mapping[str, str]) -> tuple[str, str]:
    level = _level(row["geographic_level"])
    if level == "national":
        return level, ENGLAND
    if level == "regional":
        return level, row["region_code"].strip()
    return level, row["old_la_code"].strip()


def headline_rows(kind: str, rows: Iterable[Mapping[str, str]]) -> list[dict[str, str]]:
    """Keep the headline rows of one DfE file, with the columns sendkit uses.

    A headline row is a calendar-year row whose ``breakdown_topic`` starts
    with the file's "All ..." topic (see `KINDS`); breakdowns by age, sex and
    ethnicity are left out.

    Examples:
        >>> row = {"time_period": "2024", "time_identifier": "Calendar year",
        ...        "geographic_level": "National", "region_code": "",
        ...        "region_name": "", "new_la_code": "", "old_la_code": "",
        ...        "la_name": "", "breakdown_topic": "Sex", "breakdown": "Male"}
        >>> headline_rows("requests", [row])
        []
    """
    spec = KINDS[kind]
    keep = (*META_COLUMNS, *spec.columns)
    return [
        {column: (row.get(column) or "").strip() for column in keep}
        for row in rows
        if (row.get("breakdown_topic") or "").startswith(spec.topic)
        and (row.get("time_identifier") or "Calendar year") == "Calendar year"
    ]


def _number(text: str) -> float | None:
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


class Table:
    """DfE's headline figures by calendar year and area.

    Build one from rows shaped like DfE's (`META_COLUMNS` plus value
    columns); `shipped_table` returns the one inside sendkit, and
    `sendkit.io.read_dfe_table` one that adds a newer release from a file.
    """

    def __init__(self, rows: Iterable[Mapping[str, str]], *, source: str) -> None:
        """Index *rows*; later rows for the same year, area and column win."""
        self.source = source
        self._values: dict[tuple[int, str], dict[str, str]] = {}
        seen: dict[str, list[tuple[int, Mapping[str, str]]]] = {}
        levels: dict[str, str] = {}
        for row in rows:
            level, key = _area_key(row)
            year = int(row["time_period"][:4])
            cell = self._values.setdefault((year, key), {})
            for column, value in row.items():
                if column not in META_COLUMNS and value != "":
                    cell[column] = value
            seen.setdefault(key, []).append((year, row))
            levels[key] = level
        self.areas: dict[str, Area] = {
            key: _area(key, levels[key], history) for key, history in seen.items()
        }
        self.years: tuple[int, ...] = tuple(sorted({y for y, _ in self._values}))

    def __len__(self) -> int:
        return len(self._values)

    def raw(self, area: str, year: int, column: str) -> str:
        """Return DfE's text for one cell, ``""`` when there is no row or column."""
        return self._values.get((year, area), {}).get(column, "")

    def rows(self) -> list[tuple[int, str, dict[str, str]]]:
        """Return every (year, area key, values) in year and key order."""
        return [
            (year, key, dict(values))
            for (year, key), values in sorted(self._values.items())
        ]

    def latest_year(self, measure: str) -> int:
        """Return the last year with any figure for *measure*."""
        column = MEASURES[measure].column
        years = [y for (y, _), values in self._values.items() if column in values]
        return max(years, default=max(self.years, default=0))

    def figure(self, area: str, measure: str, year: int) -> Figure:
        """Return *measure* for area key *area* in *year*, published or not."""
        spec = MEASURES[measure]
        name = self.areas[area].name if area in self.areas else area
        text = self.raw(area, year, spec.column)
        value = _number(text) if text else None
        if value is not None:
            return Figure(area=area, name=name, measure=measure, year=year, value=value)
        computed = self._computed(area, year, spec)
        if computed is not None:
            return Figure(
                area=area,
                name=name,
                measure=measure,
                year=year,
                value=computed,
                computed=True,
            )
        if not text:
            return Figure(
                area=area,
                name=name,
                measure=measure,
                year=year,
                value=None,
                reason=_MISSING,
            )
        symbol = text.strip().lower()
        return Figure(
            area=area,
            name=name,
            measure=measure,
            year=year,
            value=None,
            symbol=symbol,
            reason=SYMBOLS.get(symbol, f"DfE's symbol {text!r}"),
        )

    def _computed(self, area: str, year: int, spec: Measure) -> float | None:
        if not spec.numerator:
            return None
        top = _number(self.raw(area, year, spec.numerator))
        bottom = _number(self.raw(area, year, spec.denominator))
        if top is None or not bottom:
            return None
        return round(100.0 * top / bottom, 1)

    def series(self, area: str, measure: str) -> list[Figure]:
        """Return *measure* for *area* in every year of the table."""
        return [self.figure(area, measure, year) for year in self.years]

    def updated(self, rows: Iterable[Mapping[str, str]], *, source: str) -> Table:
        """Return a table with *rows* (say, a newer release) laid over this one."""
        mine = [
            {
                **self._meta(year, key),
                **values,
            }
            for year, key, values in self.rows()
        ]
        return Table([*mine, *rows], source=f"{self.source}; updated from {source}")

    def _meta(self, year: int, key: str) -> dict[str, str]:
        area = self.areas[key]
        level = {"national": "National", "regional": "Regional"}.get(
            area.level, "Local authority"
        )
        region = area.region if area.level == "local authority" else key
        return {
            "time_period": str(year),
            "geographic_level": level,
            "region_code": region if area.level != "national" else "",
            "region_name": area.name if area.level == "regional" else "",
            "new_la_code": area.code if area.level == "local authority" else "",
            "old_la_code": key if area.level == "local authority" else "",
            "la_name": area.name if area.level == "local authority" else "",
        }

    def break_note(self) -> str:
        """The series-break warning, for outputs that show a trend."""
        return (
            f"From {SERIES_BREAK} SEN2 is a person-level collection; DfE warns of "
            f"a break in the time series between {SERIES_BREAK - 1} and "
            f"{SERIES_BREAK}."
        )


def _area(key: str, level: str, history: list[tuple[int, Mapping[str, str]]]) -> Area:
    history.sort(key=lambda item: item[0])
    codes: list[str] = []
    names: list[str] = []
    region = ""
    for _, row in history:
        if level == "national":
            code, name = ENGLAND, "England"
        elif level == "regional":
            code, name = key, row["region_name"]
        else:
            code, name = row["new_la_code"], row["la_name"]
            region = row["region_code"] or region
        if code and code not in codes:
            codes.append(code)
        if name and name not in names:
            names.append(name)
    return Area(
        key=key,
        level=level,
        name=names[-1] if names else key,
        code=codes[-1] if codes else key,
        codes=tuple(codes),
        names=tuple(names),
        region=region,
        years=tuple(sorted({year for year, _ in history})),
    )


#: The package resource holding the shipped table (made by tools/make_dfe_table.py).
HEADLINE_FILE: Final = "headline.csv"


@functools.cache
def shipped_table() -> Table:
    """Return the headline table shipped inside sendkit (read once, on first use).

    Examples:
        >>> table = shipped_table()
        >>> table.figure("830", "plans_issued", 2024).text
        '1,253'
        >>> table.figure("E92000001", "pc_within_20_weeks", 2024).text
        '45.9%'
    """
    text = resources.files(__package__).joinpath(HEADLINE_FILE).read_text("utf-8")
    return Table(csv.DictReader(io.StringIO(text)), source=SOURCE)
