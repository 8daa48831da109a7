"""A council beside its region, England and its ten statistical neighbours."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs

from ..errors import InvalidInputError
from ._lookup import find_council
from ._measures import MEASURES, SERIES_BREAK
from ._neighbours import NEIGHBOURS_CONFIDENCE, NEIGHBOURS_SOURCE, neighbours
from ._table import ENGLAND, Area, Figure, Table, shipped_table

__all__ = ["Benchmark", "MeasureBenchmark", "benchmark", "rank"]

#: The measures a benchmark shows, in order.
BENCHMARK_MEASURES = (
    "pc_within_20_weeks",
    "pc_within_20_weeks_ex",
    "plans_issued",
    "requests",
    "pc_requests_refused",
    "assessments_issued",
    "assessments_not_issued",
    "pc_review_decisions_4_weeks",
)


def rank(mine: Figure, others: Sequence[Figure]) -> tuple[int, int] | None:
    """Return (rank, out of) of *mine* among itself and *others*, highest first.

    Only published figures are ranked; ties share the better rank. ``None``
    when *mine* is not published.

    Examples:
        >>> def f(v):
        ...     return Figure(area="a", name="a", measure="plans_issued", year=2024, value=v)
        >>> rank(f(5.0), [f(9.0), f(5.0), f(1.0), f(None)])
        (2, 4)
    """
    if mine.value is None:
        return None
    values = [other.value for other in others if other.value is not None]
    higher = sum(1 for value in values if value > mine.value)
    return higher + 1, len(values) + 1


@attrs.frozen(kw_only=True)
class MeasureBenchmark:
    """One measure for a council, its region, England and its neighbours.

    Attributes:
        measure: The `Measure` key.
        council: The council's figure in the year.
        region: Its region's figure.
        england: England's figure.
        neighbours: The neighbours' figures, nearest neighbour first.
        rank: The council's (rank, out of) among itself and its neighbours,
            highest value first, published figures only; ``None`` when the
            council's figure is not published.
        trend: The council's figure in every year of the table.
        england_trend: England's, year by year.
        region_trend: The region's, year by year.
    """

    measure: str
    council: Figure
    region: Figure | None
    england: Figure
    neighbours: tuple[Figure, ...]
    rank: tuple[int, int] | None
    trend: tuple[Figure, ...]
    england_trend: tuple[Figure, ...]
    region_trend: tuple[Figure, ...]

    @property
    def rank_text(self) -> str:
        """``3 of 11`` or ``-``."""
        return "-" if self.rank is None else f"{self.rank[0]} of {self.rank[1]}"

    def to_dict(self) -> dict[str, Any]:
        """Return the measure as JSON-ready values."""
        spec = MEASURES[self.measure]
        return {
            "measure": self.measure,
            "label": spec.label,
            "definition": spec.definition,
            "dfe_column": spec.column,
            "council": self.council.to_dict(),
            "region": None if self.region is None else self.region.to_dict(),
            "england": self.england.to_dict(),
            "neighbours": [figure.to_dict() for figure in self.neighbours],
            "rank_among_neighbours": (
                None
                if self.rank is None
                else {
                    "rank": self.rank[0],
                    "of": self.rank[1],
                    "order": "highest first",
                }
            ),
            "trend": [figure.to_dict() for figure in self.trend],
            "england_trend": [figure.to_dict() for figure in self.england_trend],
            "region_trend": [figure.to_dict() for figure in self.region_trend],
        }


@attrs.frozen(kw_only=True)
class Benchmark:
    """A council's published EHC figures beside its comparators.

    Attributes:
        council: The council.
        region: Its region, when DfE's rows give one.
        year: The calendar year compared.
        neighbours: Its ten statistical neighbours, nearest first [S].
        measures: One `MeasureBenchmark` per measure, in the order shown.
        years: The years of the trend.
        source: Where the figures come from.
    """

    council: Area
    region: Area | None
    year: int
    neighbours: tuple[Area, ...]
    measures: tuple[MeasureBenchmark, ...]
    years: tuple[int, ...]
    source: str

    @property
    def series_break(self) -> int:
        """The first year of DfE's person-level collection (a break in the series)."""
        return SERIES_BREAK

    def to_dict(self) -> dict[str, Any]:
        """Return the benchmark as one JSON-ready object."""
        return {
            "council": self.council.to_dict(),
            "region": None if self.region is None else self.region.to_dict(),
            "year": self.year,
            "years": list(self.years),
            "series_break": {
                "year": SERIES_BREAK,
                "note": (
                    f"From {SERIES_BREAK} SEN2 is a person-level collection; DfE "
                    "warns of a break in the time series."
                ),
            },
            "neighbours": [area.to_dict() for area in self.neighbours],
            "neighbours_confidence": NEIGHBOURS_CONFIDENCE,
            "neighbours_source": NEIGHBOURS_SOURCE,
            "measures": [measure.to_dict() for measure in self.measures],
            "not_published": (
                "A figure DfE does not publish has value null, DfE's symbol and "
                "the reason; it is never 0. A rate marked computed was worked "
                "out by sendkit from DfE's published counts."
            ),
            "source": self.source,
        }


def benchmark(
    council: str | Area,
    *,
    year: int | None = None,
    table: Table | None = None,
    measures: Sequence[str] = BENCHMARK_MEASURES,
) -> Benchmark:
    """Compare a council with its region, England and its ten neighbours.

    Args:
        council: A name, DfE number or ONS code (see `find_council`), or an
            `Area`.
        year: The calendar year; the latest year of the 20-week figures when
            ``None``.
        table: The figures (the shipped table by default).
        measures: Which `MEASURES` to show.

    Raises:
        UnknownAreaError: No council matches (with suggestions).
        AmbiguousAreaError: Several match (with the candidates).
        InvalidInputError: *year* is not in the table.

    Examples:
        >>> result = benchmark("Derbyshire", year=2024)
        >>> first = result.measures[0]
        >>> first.council.text, first.england.text, result.neighbours[0].name
        ('35.7%', '45.9%', 'Nottinghamshire')
    """
    table = table or shipped_table()
    area = council if isinstance(council, Area) else find_council(council, table=table)
    if year is None:
        year = table.latest_year("pc_within_20_weeks")
    if year not in table.years:
        first, last = table.years[0], table.years[-1]
        msg = f"no DfE figures for {year}: the table holds {first}-{last}"
        raise InvalidInputError(msg)
    region = table.areas.get(area.region)
    near = neighbours(area, table=table)
    rows = []
    for measure in measures:
        mine = table.figure(area.key, measure, year)
        theirs = tuple(table.figure(n.key, measure, year) for n in near)
        rows.append(
            MeasureBenchmark(
                measure=measure,
                council=mine,
                region=None
                if region is None
                else table.figure(region.key, measure, year),
                england=table.figure(ENGLAND, measure, year),
                neighbours=theirs,
                rank=rank(mine, theirs) if near else None,
                trend=tuple(table.series(area.key, measure)),
                england_trend=tuple(table.series(ENGLAND, measure)),
                region_trend=(
                    () if region is None else tuple(table.series(region.key, measure))
                ),
            )
        )
    return Benchmark(
        council=area,
        region=region,
        year=year,
        neighbours=near,
        measures=tuple(rows),
        years=table.years,
        source=table.source,
    )
