"""``sendkit ehc reviews``: annual-review measures from a case file, beside DfE's."""

from __future__ import annotations

import datetime as dt
import json
import pathlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sendkit.cli import main
from sendkit.ehc import PlanRecord, census_day, review_measures

DATA = pathlib.Path(__file__).parent / "data"
REVIEWS = DATA / "caseload_reviews.csv"
SECRET = "Jane-Doe-2012"  # noqa: S105 - a personal value in the wrong column

#: Hand-counted from tests/data/caseload_reviews.csv for 2024, census
#: 16 January 2025 (the reasoning is beside each figure).
GOLDEN = {
    "plans": 8,  # A1-A7 and A9: A8 ceased before the census, A10 made after it
    "reviews_expected": 6,  # A1-A5, A9: made before 2024
    "review_meetings": 6,  # every expected review has a meeting by the census
    "review_decisions": 4,  # A1, A2, A4 (LastReview on/after the meeting), A9
    "decisions_not_due": 1,  # A3: meeting 6 Jan 2025, 10 days before the census
    "decisions_outstanding": 1,  # A5: meeting 1 Nov 2024, 76 days
    "decisions_within_4_weeks": 3,  # A1 18 days, A4 19, A9 day 28 (29 Feb)
    "decisions_over_4_weeks": 1,  # A2: 46 days
    "outcome_amend": 2,  # A1, A9
    "outcome_no_amend": 2,  # A2 maintain, A4 cease
    "no_outcome": 2,  # A3, A5
    "reviews_overdue": 3,  # A3 due 29 Jun 2024, A4 19 Oct 2024, A5 31 Oct 2024
}


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, object]:
    assert main(["ehc", "reviews", *argv, "--json"]) == 0
    data: dict[str, object] = json.loads(capsys.readouterr().out)
    return data


def test_reviews_golden_counts(capsys: pytest.CaptureFixture[str]) -> None:
    data = _json(capsys, str(REVIEWS), "--year", "2024")
    assert data["census"] == "2025-01-16"
    assert {key: data[key] for key in GOLDEN} == GOLDEN
    assert data["meetings_by_year"] == {"before": 1, "in": 4, "after": 1}
    assert data["decisions_by_year"] == {"before": 1, "in": 3, "after": 0}
    assert data["percent_within_4_weeks"] == 75.0
    definitions = data["definitions"]
    assert isinstance(definitions, dict)
    assert definitions["reviews_overdue"]["confidence"] == "[P]"
    assert "DfE does not publish" in definitions["reviews_overdue"]["definition"]


def test_reviews_bad_rows_are_counted_and_not_echoed(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["ehc", "reviews", str(REVIEWS), "--year", "2024", "--json"]) == 0
    out = capsys.readouterr()
    data = json.loads(out.out)
    assert data["rows_left_out"] == 2
    assert len(data["problems"]) == 2
    assert "row 12, column 'ReviewOutcome'" in data["problems"][0]
    assert "row 13, column 'LastReview'" in data["problems"][1]
    assert SECRET not in out.out
    assert SECRET not in out.err


def test_reviews_beside_dfe_published_figures(
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = _json(capsys, str(REVIEWS), "--year", "2024", "--la", "Derbyshire")
    published = data["published"]
    assert isinstance(published, dict)
    assert published["council"]["key"] == "830"
    rows = {row["measure"]: row for row in published["figures"]}
    # DfE's 2024 figures for Derbyshire (annual_reviews.csv).
    assert rows["reviews_expected"]["published"] == 6193
    assert rows["reviews_expected"]["difference"] == 6 - 6193
    assert rows["review_meetings"]["published"] == 5265
    assert rows["review_decisions"]["published"] == 1706 + 2846
    assert rows["decisions_within_4_weeks"]["published"] == 1706
    assert rows["percent_within_4_weeks"]["published"] == 37.5
    assert rows["percent_within_4_weeks"]["difference"] == 37.5
    assert published["not_published"] == ["reviews_overdue"]


def test_reviews_text_layout(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["ehc", "reviews", str(REVIEWS), "--year", "2024", "--la", "830"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "Reviews overdue on 31 December *" in out
    assert "Beside DfE's published figures for Derbyshire (830), 2024:" in out
    line = next(x for x in out.splitlines() if x.startswith("% decisions within"))
    assert line.split()[-4:] == ["75.0%", "37.5%", "+37.5", "pts"]


def test_reviews_from_a_sen2_return(capsys: pytest.CaptureFixture[str]) -> None:
    data = _json(
        capsys,
        str(DATA / "caseload_sen2.xml"),
        "--year",
        "2024",
    )
    assert data["census"] == "2025-01-16"  # the header's ReferenceDate
    # P1 (decision 14 days after the meeting), P3 (meeting, no decision),
    # P6 (made in 2024); P2 ceased; P4, P5 left out.
    assert (data["plans"], data["reviews_expected"], data["review_meetings"]) == (
        3,
        2,
        2,
    )
    assert data["decisions_within_4_weeks"] == 1
    assert data["decisions_outstanding"] == 1


@pytest.mark.parametrize(
    ("year", "census"),
    [
        (2024, dt.date(2025, 1, 16)),
        (2025, dt.date(2026, 1, 15)),
        (2026, dt.date(2027, 1, 21)),
    ],
)
def test_census_day_matches_dfe_s_published_dates(year: int, census: dt.date) -> None:
    assert census_day(year) == census


@given(year=st.integers(2000, 2100))
def test_census_day_is_a_mid_january_thursday(year: int) -> None:
    day = census_day(year)
    assert (day.year, day.month, day.weekday()) == (year + 1, 1, 3)
    assert 15 <= day.day <= 21


dates = st.dates(dt.date(2019, 1, 1), dt.date(2026, 12, 31))


@st.composite
def plans(draw: st.DrawFn) -> PlanRecord:
    made = draw(dates)
    after = st.one_of(st.none(), st.dates(made, dt.date(2027, 6, 30)))
    return PlanRecord(
        case_id=f"P{draw(st.integers(1, 999))}",
        plan_issued=made,
        ceased=draw(after),
        review_meeting=draw(after),
        last_review=draw(after),
        review_decision=draw(after),
        decided_to_amend=draw(st.one_of(st.none(), st.booleans())),
    )


@given(records=st.lists(plans(), max_size=30), year=st.integers(2019, 2026))
def test_review_measures_add_up(records: list[PlanRecord], year: int) -> None:
    m = review_measures(records, year=year)
    assert m.review_meetings <= m.reviews_expected <= m.plans <= len(records)
    assert (
        m.review_decisions + m.decisions_not_due + m.decisions_outstanding
        == m.review_meetings
    )
    assert m.decisions_within_4_weeks + m.decisions_over_4_weeks == m.review_decisions
    assert m.outcome_amend + m.outcome_no_amend + m.no_outcome == m.review_meetings
    assert sum(m.meetings_by_year.values()) == m.review_meetings
    assert m.reviews_overdue <= len(records)


@given(records=st.lists(plans(), max_size=20), year=st.integers(2019, 2026))
def test_order_does_not_matter_and_ceased_plans_are_not_counted(
    records: list[PlanRecord], year: int
) -> None:
    m = review_measures(records, year=year)
    assert review_measures(list(reversed(records)), year=year) == m
    census = census_day(year)
    ended = [
        PlanRecord(case_id=p.case_id, plan_issued=p.plan_issued, ceased=p.plan_issued)
        for p in records
    ]
    assert review_measures(ended, year=year).plans == 0
    assert m.plans == sum(
        1
        for p in records
        if p.plan_issued is not None
        and p.plan_issued <= census
        and (p.ceased is None or p.ceased > census)
    )
