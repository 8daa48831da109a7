"""Named Hypothesis date strategies shared by the tests.

Each range is chosen for a reason given beside it, most often to stay inside
the years whose bank holidays GOV.UK has announced (sendkit warns past them,
and warnings are errors in the test suite). Use one of these rather than a
fresh ``st.dates(...)`` so that the ranges, and their reasons, live in one
place.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

D = dt.date

#: Any day since EHC plans began (1 September 2014) to 2032: an ``as_of`` day
#: for a caseload report.
ehc_era_days = st.dates(D(2014, 9, 1), D(2032, 12, 31))

#: Requests received from June 2022 to the end of 2024: the SEN2 years the
#: measure tests look at, with room for 20 weeks inside announced holidays.
sen2_received_days = st.dates(D(2022, 6, 1), D(2024, 12, 31))

#: Calendar years 2023 and 2024, whole.
days_2023_2024 = st.dates(D(2023, 1, 1), D(2024, 12, 31))

#: Reports received under the 2023 area SEND framework (from 1 January 2023),
#: up to 2027 so follow-up dates stay inside the holiday data.
framework_2023_days = st.dates(D(2023, 1, 1), D(2027, 12, 31))

#: Letters published under the 2016-2022 framework (first letters June 2016).
framework_2016_days = st.dates(D(2016, 6, 1), D(2022, 12, 31))

#: Action-plan days from 2021 to mid-2026: a plan's dates plus a year's review
#: cycle stay inside announced holidays.
plan_days = st.dates(D(2021, 1, 1), D(2026, 6, 30))

#: Action-plan days from 2020 to mid-2027; 400 days later is still announced.
plan_days_with_room = st.dates(D(2020, 1, 1), D(2027, 6, 30))

#: Tracker days from 2016 to mid-2028, inside the announced holidays.
tracker_days = st.dates(D(2016, 1, 1), D(2028, 6, 30))
