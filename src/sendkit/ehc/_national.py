"""England's published 20-week timeliness figures, as cited data.

Sources: DfE's "Education, health and care plans" publication on Explore
Education Statistics
(https://explore-education-statistics.service.gov.uk/find-statistics/education-health-and-care-plans).
Calendar years 2014-2022 come from its ``sen2_mi.csv`` (national rows, fields
``no_exc_20week_rate`` and ``inc_exc_20week_rate``); 2023 and 2024 headline
rates come from press reports of DfE's releases, and their counts from the
national rows of its ``timeliness_20_week.csv``.
Each figure carries a confidence tag: ``P`` (read in DfE's own file), ``S``
(secondary: a report of DfE's figure), ``U`` (unconfirmed: read once, not
checked against a second source).
"""

from __future__ import annotations

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


_COUNTS: Final = (
    "Counts and the including-exceptions rate: the national row of DfE's "
    "timeliness_20_week.csv on Explore Education Statistics, not "
    "checked against a second source."
)

_BREAK: Final = (
    "From 2023 SEN2 is a person-level collection; DfE warns of a break in the "
    "time series. "
)

#: National figures by calendar year. 2025 is not yet read.
NATIONAL: Final = MappingProxyType(
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
        2023: NationalFigure(
            year=2023,
            percent_excluding_exceptions=50.3,
            percent_including_exceptions=49.1,
            issued_excluding_exceptions=76_506,
            within_20_weeks_excluding_exceptions=38_471,
            issued=80_945,
            within_20_weeks=39_784,
            confidence="S",
            detail_confidence="U",
            source=(
                "Headline: DfE's 2024 release (calendar year 2023) as reported at "
                "https://nurseriesandschools.org/news-detail/number-of-children-on-"
                "special-educational-needs-support-plans-in-england-rises and "
                "https://www.flourisheducation.co.uk/resources/news/2023-saw-the-"
                "largest-rise-in-education-health-and/57/ . " + _COUNTS
            ),
            note=_BREAK,
        ),
        2024: NationalFigure(
            year=2024,
            percent_excluding_exceptions=46.4,
            percent_including_exceptions=45.9,
            issued_excluding_exceptions=84_866,
            within_20_weeks_excluding_exceptions=39_407,
            issued=90_392,
            within_20_weeks=41_448,
            confidence="S",
            detail_confidence="U",
            source=(
                "Headline: DfE's 2025 release (calendar year 2024) as reported at "
                "https://polimapper.co.uk/2025/06/surge-in-number-of-ehcps-in-"
                'england-amid-rising-demand and in DfE\'s briefing ("just 46%", '
                "down from 50.3%) via "
                "https://www.parliamenttoday.com/free/viewnews.html?id=165567 . "
                + _COUNTS
            ),
            note=_BREAK,
        ),
    }
)


def national_figure(year: int) -> NationalFigure | None:
    """Return England's figure for calendar *year*, or ``None`` if sendkit has none.

    Examples:
        >>> national_figure(2022).percent_excluding_exceptions
        49.2
        >>> national_figure(2025) is None
        True
    """
    return NATIONAL.get(year)
