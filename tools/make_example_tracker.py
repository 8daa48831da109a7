"""Write docs/downloads/example-tracker.xlsx (and .csv): a filled-in example plan.

The partnership ("Northshire") and its wording are invented for illustration;
the plan's deadlines come from sendkit's rule catalogue. Run from the project
root:

    .venv/bin/python tools/make_example_tracker.py

The output is deterministic: the same sendkit gives the same files' contents.
"""

from __future__ import annotations

import datetime as dt
import pathlib

import attrs

from sendkit.inspections import Framework, Inspection, Outcome
from sendkit.io import write_plan
from sendkit.plans import (
    Action,
    ActionPlan,
    Kpi,
    Measurement,
    Milestone,
    Partner,
    ProgressUpdate,
    Rag,
    RagOverride,
    Status,
    plan_from_inspection,
)

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "downloads"
AS_OF = dt.date(2025, 3, 31)

INSPECTION = Inspection(
    local_area="Northshire",
    framework=Framework.AREA_SEND_2023,
    outcome=Outcome.SYSTEMIC,
    report_received=dt.date(2024, 3, 11),
    areas_for_priority_action=(
        (
            "Leaders across the partnership should make sure EHC plans are issued "
            "on time and are of good quality"
        ),
        (
            "Leaders should reduce waiting times for speech and language therapy "
            "and neurodevelopmental assessment"
        ),
    ),
    areas_for_improvement=(
        "Preparation for adulthood should start earlier",
        "The local offer should be easier for families to use",
    ),
)


def _log(*entries: tuple[str, Status | None, str]) -> list[ProgressUpdate]:
    return [
        ProgressUpdate(
            on=dt.date.fromisoformat(on), status=status, note=note, by="Action owner"
        )
        for on, status, note in entries
    ]


def example_plan() -> ActionPlan:
    """Return the example plan, with a year of progress recorded."""
    skeleton = plan_from_inspection(INSPECTION, title="SEND Priority Action Plan")
    pa1, pa2, afi1, afi2 = skeleton.sections
    timeliness = Kpi(
        id="KPI-20WK",
        description="% new EHC plans issued within 20 weeks (excluding exceptions)",
        unit="%",
        baseline=31.0,
        baseline_on=dt.date(2024, 3, 31),
        target=60.0,
        target_on=dt.date(2025, 9, 30),
        actuals=[
            Measurement(on=dt.date(2024, 6, 30), value=34.0),
            Measurement(on=dt.date(2024, 9, 30), value=41.5),
            Measurement(on=dt.date(2024, 12, 31), value=47.0),
            Measurement(on=dt.date(2025, 3, 31), value=52.5),
        ],
    )
    slt = Kpi(
        id="KPI-SLT18",
        description="Children waiting over 18 weeks for speech and language therapy",
        unit="children",
        baseline=412.0,
        baseline_on=dt.date(2024, 3, 31),
        target=150.0,
        target_on=dt.date(2025, 12, 31),
        actuals=[
            Measurement(on=dt.date(2024, 9, 30), value=398.0),
            Measurement(on=dt.date(2025, 3, 31), value=371.0),
        ],
    )
    board = "SEND Improvement Board"
    pa1_actions = [
        Action(
            id="PA1.1",
            description="Recruit four educational psychologists and a locum pool",
            owner="Principal Educational Psychologist",
            lead_partner=Partner.LOCAL_AUTHORITY,
            start=dt.date(2024, 4, 1),
            due=dt.date(2024, 12, 20),
            status=Status.COMPLETE,
            success_measure="EP advice returned within 6 weeks for 90% of requests",
            milestones=[
                Milestone(
                    due=dt.date(2024, 6, 28),
                    description="Posts advertised",
                    achieved=dt.date(2024, 6, 3),
                ),
                Milestone(
                    due=dt.date(2024, 11, 29),
                    description="Four posts filled",
                    achieved=dt.date(2024, 12, 2),
                ),
            ],
            kpi=timeliness,
            evidence="Recruitment report to board, December 2024",
            updates=_log(
                ("2024-05-07", Status.ON_TRACK, "Business case approved"),
                (
                    "2024-09-10",
                    Status.AT_RISK,
                    "Two of four posts filled; market is thin",
                ),
                ("2024-12-02", Status.COMPLETE, "All four posts filled"),
            ),
            board=board,
        ),
        Action(
            id="PA1.2",
            description="Weekly EHC timeliness tracking meeting with health and social care",
            owner="Head of SEND Assessment",
            lead_partner=Partner.LOCAL_AUTHORITY,
            start=dt.date(2024, 4, 15),
            due=dt.date(2025, 9, 30),
            status=Status.ON_TRACK,
            success_measure="60% of new plans within 20 weeks by September 2025",
            kpi=timeliness,
            updates=_log(
                ("2024-04-22", Status.ON_TRACK, "First weekly meeting held"),
                ("2024-10-14", Status.ON_TRACK, "Timeliness up to 41.5% in Q2"),
                ("2025-03-17", Status.ON_TRACK, "47% in Q3; on trajectory"),
            ),
            board=board,
            co_produced=True,
        ),
        Action(
            id="PA1.3",
            description="Quality-assure a sample of 30 new EHC plans each term with parents",
            owner="SEND Quality Assurance Lead",
            lead_partner=Partner.PARENT_CARER_FORUM,
            start=dt.date(2024, 9, 2),
            due=dt.date(2025, 2, 28),
            status=Status.AT_RISK,
            success_measure="80% of audited plans rated good or better",
            updates=_log(
                (
                    "2024-11-04",
                    Status.ON_TRACK,
                    "Autumn audit done: 58% good or better",
                ),
                ("2025-02-10", Status.AT_RISK, "Spring audit delayed by staff absence"),
            ),
            board=board,
            co_produced=True,
        ),
    ]
    pa2_actions = [
        Action(
            id="PA2.1",
            description="Commission extra speech and language therapy capacity",
            owner="ICB Director of Commissioning",
            lead_partner=Partner.ICB,
            start=dt.date(2024, 5, 1),
            due=dt.date(2025, 4, 4),
            status=Status.AT_RISK,
            success_measure="Fewer than 150 children waiting over 18 weeks",
            kpi=slt,
            updates=_log(
                ("2024-07-01", Status.ON_TRACK, "Procurement started"),
                (
                    "2025-01-13",
                    Status.AT_RISK,
                    "Provider mobilisation slipping to April",
                ),
            ),
            board=board,
        ),
        Action(
            id="PA2.2",
            description="Single neurodevelopmental pathway across both provider trusts",
            owner="Community Paediatrics Clinical Lead",
            lead_partner=Partner.PROVIDER_TRUST,
            start=dt.date(2024, 6, 3),
            due=dt.date(2025, 1, 31),
            status=Status.OFF_TRACK,
            success_measure="One referral route and one waiting list",
            updates=_log(
                ("2024-08-05", Status.ON_TRACK, "Design workshops held"),
                ("2024-12-09", Status.OFF_TRACK, "Data-sharing agreement not signed"),
            ),
            override=RagOverride(
                rag=Rag.AMBER,
                reason="Board agreed a revised date of 30 May 2025 on 12 March 2025",
                by="Independent Chair",
                on=dt.date(2025, 3, 12),
            ),
            board=board,
        ),
        Action(
            id="PA2.3",
            description="Publish waiting times on the local offer each month",
            owner="ICB Head of Children's Commissioning",
            lead_partner=Partner.ICB,
            start=dt.date(2024, 9, 2),
            due=dt.date(2025, 6, 30),
            status=Status.AT_RISK,
            updates=_log(("2024-10-07", Status.ON_TRACK, "First month published")),
            board=board,
        ),
    ]
    afi1_actions = [
        Action(
            id="AFI1.1",
            description="Preparation-for-adulthood reviews from Year 9 in every EHC plan",
            owner="Head of Preparing for Adulthood",
            lead_partner=Partner.LOCAL_AUTHORITY,
            start=dt.date(2024, 9, 2),
            due=dt.date(2025, 7, 18),
            status=Status.NOT_STARTED,
            board=board,
        ),
    ]
    afi2_actions = [
        Action(
            id="AFI2.1",
            description="Redesign the local offer website with the parent carer forum",
            owner="Local Offer Manager",
            lead_partner=Partner.PARENT_CARER_FORUM,
            start=dt.date(2025, 1, 6),
            due=dt.date(2025, 10, 31),
            status=Status.ON_TRACK,
            updates=_log(("2025-02-03", Status.ON_TRACK, "Co-design sessions booked")),
            board=board,
            co_produced=True,
            extra={"Directorate": "Children and Families"},
        ),
    ]
    return attrs.evolve(
        skeleton,
        sections=[
            attrs.evolve(pa1, actions=pa1_actions),
            attrs.evolve(pa2, actions=pa2_actions),
            attrs.evolve(afi1, actions=afi1_actions),
            attrs.evolve(afi2, actions=afi2_actions),
        ],
        board_dates=[
            dt.date(2024, 6, 12),
            dt.date(2024, 9, 11),
            dt.date(2024, 12, 11),
            dt.date(2025, 3, 12),
            dt.date(2025, 6, 11),
        ],
        extra_columns=["Directorate"],
    )


def main() -> None:
    """Write the example tracker in both formats."""
    OUT.mkdir(parents=True, exist_ok=True)
    plan = example_plan()
    for suffix in ("xlsx", "csv"):
        path = OUT / f"example-tracker.{suffix}"
        write_plan(plan, path, as_of=AS_OF)
        print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
