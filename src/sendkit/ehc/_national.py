"""England's published 20-week timeliness figures, as cited data.

Sources: DfE's "Education, health and care plans" publication on Explore
Education Statistics
(https://explore-education-statistics.service.gov.uk/find-statistics/education-health-and-care-plans).
Calendar years 2014-2018 come from its ``sen2_mi.csv`` (national rows, fields
``no_exc_20week_rate`` and ``inc_exc_20week_rate``); 2019-2024 from the
national headline rows of its ``timeliness_20_week.csv`` (release of June
2025), shipped in `sendkit.dfe`, all read in DfE's own files [P].
Each figure carries a confidence tag: ``P`` (read in DfE's own file), ``S``
(secondary: a report of DfE's figure), ``U`` (unconfirmed: read once, not
checked against a second source).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any, Final

import attrs

__all__ = ["NATIONAL", "NationalFigure", "national_figure"]

_SEN2_MI: Final = (
    "DfE, Education, health and care plans: sen2_mi.csv (national rows), archived "
    "in dfe-analytical-services/SEND-AP-Inclusion-Dashboard data/ehc_plans/"
    "sen2_mi.csv at commit 3a80b0d8c227574d6b0bc6c4a556e174c3f78609"
)
_EES_URL: Final = (
    "https://explore-education-statistics.service.gov.uk/find-statistics/"
    "education-health-and-care-plans"
)


@attrs.frozen(kw_only=True)
class NationalFigure:
    """England's share of new EHC plans issued within 20 weeks in one calendar year.

    Attributes:
        year: The calendar year in which the plans were issued.
        percent_excluding_exceptions: DfE's headline rate (exceptions removed
            from both numerator and denominator).
        percent_including_exceptions: The rate over all plans, when known.
        issued_excluding_exceptions: Plans issued, exceptions removed, when known.
        within_20_weeks_excluding_exceptions: Of those, how many were in time.
        issued: All plans issued, when known.
        within_20_weeks: Of all plans, how many were in time, when known.
        confidence: The tag of the headline rate: ``P``, ``S`` or ``U``.
        detail_confidence: The tag of the other numbers.
        source: Where the figures come from.
        url: A page to check them against.
        note: Revisions, partial years, series breaks.
    """

    year: int
    percent_excluding_exceptions: float
    percent_including_exceptions: float | None = None
    issued_excluding_exceptions: int | None = None
    within_20_weeks_excluding_exceptions: int | None = None
    issued: int | None = None
    within_20_weeks: int | None = None
    confidence: str
    detail_confidence: str
    source: str
    url: str = _EES_URL
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Return the figure as plain JSON-ready values."""
        return attrs.asdict(self)


def _mi(
    year: int, excl: float, incl: float, n_excl: int, note: str = ""
) -> NationalFigure:
    return NationalFigure(
        year=year,
        percent_excluding_exceptions=excl,
        percent_including_exceptions=incl,
        issued_excluding_exceptions=n_excl,
        confidence="P",
        detail_confidence="P",
        source=_SEN2_MI,
        note=note,
    )


_BREAK: Final = (
    "From 2023 SEN2 is a person-level collection; DfE warns of a break in the "
    "time series. "
)

_MI: Final = MappingProxyType(
    {
        2014: _mi(
            2014,
            64.3,
            61.5,
            1_177,
            "Partial year: EHC plans began on 1 September 2014.",
        ),
        2015: _mi(2015, 59.2, 54.6, 19_712),
        2016: _mi(2016, 58.6, 55.7, 30_942),
        2017: _mi(2017, 64.9, 61.3, 36_702),
        2018: _mi(2018, 60.1, 58.0, 45_145),
        2019: _mi(
            2019,
            60.4,
            58.7,
            49_519,
            "Also confirmed by the EES data catalogue preview (58.7 incl. / 60.4 excl.).",
        ),
        2020: _mi(2020, 58.0, 55.6, 54_175),
        2021: _mi(2021, 59.9, 57.9, 57_196),
        2022: _mi(
            2022,
            49.2,
            47.7,
            62_108,
            "Revised: first published in June 2023 as 50.7% (reported at "
            "https://www.schoolvacancies.co.uk/news/only-half-of-children-receive-"
            "ehcp-within-the-legal-timeframe-233); the corrected data (and the 2024 "
            "release) give 49.2% (49.166).",
        ),
    }
)


_DFE_FILE: Final = (
    "DfE, Education, health and care plans (release of June 2025): the national "
    "headline row of timeliness_20_week.csv, shipped in sendkit.dfe; " + _EES_URL
)


def _from_table(year: int) -> NationalFigure | None:
    from ..dfe._table import ENGLAND, shipped_table  # noqa: PLC0415 - read on first use

    table = shipped_table()
    if year not in table.years:
        return None

    def count(column: str) -> int | None:
        text = table.raw(ENGLAND, year, column)
        return int(text) if text.isdigit() else None

    excl = table.figure(ENGLAND, "pc_within_20_weeks_ex", year)
    incl = table.figure(ENGLAND, "pc_within_20_weeks", year)
    if excl.value is None or excl.computed:
        return None
    note = _MI[year].note if year in _MI else ""
    return NationalFigure(
        year=year,
        percent_excluding_exceptions=excl.value,
        percent_including_exceptions=None if incl.computed else incl.value,
        issued_excluding_exceptions=count("plans_issued_den_ex"),
        within_20_weeks_excluding_exceptions=count("plans_issued_20_weeks_ex"),
        issued=count("plans_issued_den"),
        within_20_weeks=count("plans_issued_within_20_weeks"),
        confidence="P",
        detail_confidence="P",
        source=_DFE_FILE,
        note=(_BREAK + note).strip() if year >= 2023 else note,  # noqa: PLR2004
    )


class _National(Mapping[int, NationalFigure]):
    """England's figures by year, read on first use.

    DfE's sen2_mi.csv before 2019, then the headline table shipped in
    `sendkit.dfe`, so importing sendkit does not load the table.
    """

    @functools.cached_property
    def _figures(self) -> dict[int, NationalFigure]:
        figures = dict(_MI)
        from ..dfe._table import shipped_table  # noqa: PLC0415 - read on first use

        for year in shipped_table().years:
            figure = _from_table(year)
            if figure is not None:
                figures[year] = figure
        return dict(sorted(figures.items()))

    def __getitem__(self, year: int) -> NationalFigure:
        return self._figures[year]

    def __iter__(self) -> Iterator[int]:
        return iter(self._figures)

    def __len__(self) -> int:
        return len(self._figures)


#: National figures by calendar year, 2014 to 2024. 2025 is not yet read.
NATIONAL: Final[Mapping[int, NationalFigure]] = _National()


def national_figure(year: int) -> NationalFigure | None:
    """Return England's figure for calendar *year*, or ``None`` if sendkit has none.

    Examples:
        >>> national_figure(2022).percent_excluding_exceptions
        49.2
        >>> national_figure(2025) is None
        True
    """
    return NATIONAL.get(year)
