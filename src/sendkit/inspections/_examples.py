"""Two real inspections, embedded for the demo, the docs and the tests.

Both are outcome 3 ("widespread and/or systemic failings") cases from
Ofsted's published data and local reporting (Ofsted MI Jan-Aug 2023; ITV and Erewash Sound, Nov 2024).
Neither report-received date is public, so both use the publication date.
"""

from __future__ import annotations

import datetime as dt
from types import MappingProxyType
from typing import Final

from ._model import Framework, Inspection, Outcome

__all__ = ["EXAMPLES", "EXAMPLE_SOURCES"]

#: Embedded example inspections, by a short stable key.
EXAMPLES: Final = MappingProxyType(
    {
        # Ofsted MI (start date, publication, outcome, 2 areas for priority
        # action); on-site 30 January to 3 February 2023 per local reporting.
        "nottinghamshire-2023": Inspection(
            local_area="Nottinghamshire",
            framework=Framework.AREA_SEND_2023,
            outcome=Outcome.SYSTEMIC,
            la_code="E10000024",
            ofsted_region="East Midlands",
            start=dt.date(2023, 1, 30),
            end=dt.date(2023, 2, 3),
            published=dt.date(2023, 5, 16),
            priority_action_count=2,
        ),
        # Local reporting: report 14 November 2024, six areas for priority
        # action and five areas for improvement; inspection dates not public.
        "derbyshire-2024": Inspection(
            local_area="Derbyshire",
            framework=Framework.AREA_SEND_2023,
            outcome=Outcome.SYSTEMIC,
            la_code="E10000007",
            ofsted_region="East Midlands",
            published=dt.date(2024, 11, 14),
            priority_action_count=6,
            improvement_count=5,
        ),
    }
)

#: Where each example's facts come from.
EXAMPLE_SOURCES: Final = MappingProxyType(
    {
        "nottinghamshire-2023": (
            "Ofsted, area SEND inspections management information, January to August "
            "2023 (https://www.gov.uk/government/statistical-data-sets/area-send-"
            "inspections-and-outcomes-in-england-management-information-summer-term-"
            "2022-to-2023); Local Democracy Reporting Service, 23 May 2023 "
            "(https://www.hucknalldispatch.co.uk/news/politics/council/action-plan-to-"
            "drive-improvements-after-nottinghamshire-councils-special-needs-failings-"
            "revealed-4152387)"
        ),
        "derbyshire-2024": (
            "ITV Calendar, 14 November 2024 (https://itv.com/news/calendar/2024-11-14/"
            "damning-report-finds-widespread-failings-in-countys-send-service); Erewash "
            "Sound (https://www.erewashsound.com/news/borough-wide/derbyshire-council-and-"
            "partners-plans-to-improve-special-educational-needs-services-after-critical-"
            "report)"
        ),
    }
)
