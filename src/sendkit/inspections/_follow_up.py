"""What follows an inspection: the milestones, each dated by the rule catalogue.

The plan for each outcome is a table (`FOLLOW_UP`, `REVISIT_FOLLOW_UP`) of
steps naming a rule code and the date that starts its clock; `follow_up` looks
the rules up in `sendkit.rules` and never branches on a code. Dates counted
from "the report is received" use `Inspection.received`, which is the
publication date when the receipt date is unknown; every such milestone says so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any, Final

import attrs

from ..calendars import DEFAULT_REGION, WorkingCalendar, calendar_for
from ..dates import as_date
from ..rules import Deadline, Rule, get_rule
from ..rules._engine import deadline_on
from ._model import Inspection, Outcome, RevisitOutcome, WsoaOutcome

__all__ = [
    "CLOCK_DATES",
    "FOLLOW_UP",
    "REVISITS_ENDED",
    "REVISIT_FOLLOW_UP",
    "Ended",
    "Milestone",
    "Status",
    "Step",
    "follow_up",
]


class Status:
    """A milestone's position on a given day (`Milestone.status`)."""

    #: The event is recorded as having happened.
    DONE: Final = "done"
    #: Its date is on or after the day asked about.
    UPCOMING: Final = "upcoming"
    #: A hard deadline before the day asked about: whether it was met is not known.
    PASSED: Final = "passed"
    #: An expected event whose date is past and which is not recorded as done.
    OVERDUE: Final = "overdue"
    #: An event that can no longer happen: the process that held it ended
    #: (`Milestone.ended`) before the day asked about, and it is not recorded.
    LAPSED: Final = "lapsed"
    #: No date can be given.
    UNDATED: Final = "undated"


@attrs.frozen(kw_only=True)
class Ended:
    """The end of a process: after *on*, its events can no longer happen.

    Attributes:
        on: The last day the process ran.
        note: What that means for a milestone not recorded as done, in a
            few words for a status line.
        source: Where the end is reported.
        url: Where the source can be read.
        confidence: The confidence tag (docs/rules.md, Confidence levels).
    """

    on: dt.date
    note: str
    source: str
    url: str
    confidence: str


_NEW_FRAMEWORK_URL: Final = (
    "https://schoolsweek.co.uk/failed-send-councils-could-get-four-year-reprieve/"
)

#: Revisits under the 2016 framework ended in December 2022 (Schools Week,
#: "failed SEND councils could get four-year reprieve", [S]): an area not revisited by
#: then never will be; it has a 2023-framework inspection instead.
REVISITS_ENDED: Final = Ended(
    on=dt.date(2022, 12, 31),
    note="revisits ended December 2022; not revisited",
    source="Schools Week, on revisits under the 2016 framework ending in December 2022",
    url=_NEW_FRAMEWORK_URL,
    confidence="[S]",
)

#: Clocks that start on a fixed day rather than on a date of the inspection.
CLOCK_DATES: Final[Mapping[str, dt.date]] = MappingProxyType(
    {"area_send_start": dt.date(2023, 1, 1)}  # the 2023 framework's first day
)


@attrs.frozen(kw_only=True)
class Step:
    """One line of a follow-up plan: a rule and the date that starts its clock.

    Attributes:
        label: What happens, for people.
        rule: The rule code in `sendkit.rules`, or None for an item no rule
            can date (its *note* says why).
        clock: The inspection field whose date starts the clock: ``received``,
            ``revisit_published`` or ``wsoa_accepted``; a name in
            `CLOCK_DATES` for a fixed day (``area_send_start``); ``previous``
            for a repeating step, which counts from its own last occurrence.
        repeat_until: For a repeating step, the rule code of the milestone
            before which it stops (engagement meetings stop at the next full
            inspection).
        happened: The inspection field that records the event itself, if any.
        ended: The end of the process the event belongs to, if it has one:
            an event not recorded by then has lapsed rather than being overdue.
        note: For an undated item, why there is no date; for a dated one, an
            assumption its date rests on.
        source: For an undated item: where it comes from.
        url: For an undated item: where the source can be read.
        confidence: For an undated item: the confidence tag (docs/rules.md).
    """

    label: str
    rule: str | None = None
    clock: str = "received"
    repeat_until: str | None = None
    happened: str | None = None
    ended: Ended | None = None
    note: str = ""
    source: str = ""
    url: str = ""
    confidence: str = "[U]"


_ENGAGE = "Engagement meeting with Ofsted and CQC"
_STRATEGIC_PLAN_URL: Final = "https://parallelparliament.co.uk/question/15834/special-educational-needs-hertfordshire"

#: The plan after each full-inspection outcome, in order of the clock.
FOLLOW_UP: Final[Mapping[Outcome | WsoaOutcome, tuple[Step, ...]]] = MappingProxyType(
    {
        Outcome.SYSTEMIC: (
            Step(
                label="Submit the priority action plan to Ofsted and CQC",
                rule="area-send.pap.submit",
            ),
            Step(
                label="Publish the priority action plan", rule="area-send.pap.publish"
            ),
            Step(label="DfE and NHS England stocktake", rule="dfe.stocktake"),
            Step(
                label=_ENGAGE,
                rule="area-send.engagement-meeting",
                repeat_until="area-send.full-inspection.after-systemic",
            ),
            Step(label="Monitoring inspection", rule="area-send.monitoring-inspection"),
            Step(
                label="Next full inspection",
                rule="area-send.full-inspection.after-systemic",
            ),
        ),
        Outcome.INCONSISTENT: (
            Step(
                label="Update and publish the SEND strategic plan",
                note=(
                    "The partnership updates and publishes its SEND strategic plan; "
                    "no deadline for this could be found in Ofsted's or DfE's published guidance."
                ),
                source="DfE, parliamentary answer on Hertfordshire (strategic plans are expected to be published)",
                url=_STRATEGIC_PLAN_URL,
                confidence="[U]",
            ),
            Step(
                label=_ENGAGE,
                rule="area-send.engagement-meeting",
                repeat_until="area-send.full-inspection.after-inconsistent",
            ),
            Step(
                label="Next full inspection",
                rule="area-send.full-inspection.after-inconsistent",
            ),
        ),
        Outcome.POSITIVE: (
            Step(
                label=_ENGAGE,
                rule="area-send.engagement-meeting",
                repeat_until="area-send.full-inspection.after-positive",
            ),
            Step(
                label="Next full inspection",
                rule="area-send.full-inspection.after-positive",
            ),
        ),
        WsoaOutcome.REQUIRED: (
            Step(
                label="Submit the written statement of action",
                rule="legacy.wsoa.submit",
            ),
            Step(
                label="Revisit by Ofsted and CQC",
                rule="legacy.revisit",
                clock="wsoa_accepted",
                happened="revisit_start",
                ended=REVISITS_ENDED,
            ),
        ),
        WsoaOutcome.NOT_REQUIRED: (
            Step(
                label="Next full inspection, under the 2023 framework",
                note=(
                    "No written statement was required, so nothing followed under the "
                    "2016 framework. Every area has a full inspection at least once in "
                    "any 5-year period of the 2023 framework; no rule dates the first."
                ),
                source="South Glos Parent Carers and Contact, reproducing the area SEND framework",
                url="https://sgpc.org.uk/news-feed/inspection-possible-outcomes",
                confidence="[S]",
            ),
        ),
    }
)

_APP_REVIEW = Step(
    label="Review of the accelerated progress plan (DfE and NHS England)",
    rule="legacy.app.review",
    clock="revisit_published",
    note=(
        "DfE required an accelerated progress plan where a revisit found "
        "insufficient progress; this date assumes one was required."
    ),
)

#: What follows a 2016-2022 revisit, by its outcome; also used, with None as
#: the key, for an area with a written statement that was never revisited.
REVISIT_FOLLOW_UP: Final[Mapping[RevisitOutcome | None, tuple[Step, ...]]] = (
    MappingProxyType(
        {
            RevisitOutcome.ALL: (
                Step(
                    label="DfE and NHS England monitoring of the written statement ends",
                    note="Sufficient progress on every weakness: DfE/NHS England monitoring stops.",
                    source="DfE announcement of revisits (November 2018), as reported by nasen and IPSEA",
                    url="https://www.ipsea.org.uk/news/ofsted-and-the-cqc-to-revisit-failing-local-authorities",
                    confidence="[S]",
                ),
            ),
            RevisitOutcome.SOME: (_APP_REVIEW,),
            RevisitOutcome.NONE: (_APP_REVIEW,),
            None: (
                Step(
                    label="Full inspection under the 2023 framework (areas never revisited)",
                    rule="area-send.full-inspection.legacy-wsoa",
                    clock="area_send_start",
                    note=(
                        "Ofsted's 2016-2022 data cannot record a 2023-framework "
                        "inspection: check its management-information file before "
                        "treating this as overdue."
                    ),
                ),
            ),
        }
    )
)


@attrs.frozen(kw_only=True)
class Milestone:
    """One thing that follows an inspection, with its date and how firm it is.

    Attributes:
        label: What happens.
        on: Its date: the deadline or the expected date; None when no rule
            can date it.
        rule: The rule code that dated it, or None.
        start: The date that started the clock.
        is_hard_limit: True for a deadline (framework), False for an expected
            date (usual practice), None when undated.
        basis: The rule's basis (``framework``, ``usual_practice``, ``law``),
            or ``unknown`` when undated.
        confirmed: Whether the figure is confirmed by a primary source.
        confidence: The confidence tag, such as ``[S]`` (docs/rules.md).
        period: The rule's period in words (``"35 working days"``).
        source: Where the rule comes from.
        url: Where the source can be read.
        assumptions: What was assumed to date it, such as the publication
            date standing in for the day the report was received.
        trail: How the date was reached, line by line (the rule engine's
            explanation, after the assumptions).
        happened: The day the event is recorded as having happened, if known.
        ended: The end of the process the event belongs to (revisits ended
            in December 2022), or None.
        overridden: How the rule that dated it was changed locally (a local
            rule file or `sendkit.rules.RuleBook.with_period`), or None when
            the catalogue's own rule was used.
    """

    label: str
    on: dt.date | None
    rule: str | None
    start: dt.date | None = None
    is_hard_limit: bool | None = None
    basis: str = "unknown"
    confirmed: bool = False
    confidence: str = "[U]"
    period: str = ""
    source: str = ""
    url: str = ""
    assumptions: tuple[str, ...] = ()
    trail: tuple[str, ...] = ()
    happened: dt.date | None = None
    ended: Ended | None = None
    overridden: str | None = None

    @property
    def kind(self) -> str:
        """``"deadline"``, ``"expected"`` or ``"undated"``."""
        if self.on is None:
            return "undated"
        return "deadline" if self.is_hard_limit else "expected"

    def status(self, *, as_of: dt.date) -> str:
        """Where the milestone stands on *as_of* (a `Status` value).

        An expected event dated before *as_of* and not recorded as done is
        ``overdue``. A hard deadline before *as_of* is only ``passed``: the
        published files do not say whether it was met. An event whose process
        ended before *as_of* (`ended`) without it is ``lapsed``, whatever its
        date: it can no longer happen, so it is not overdue.

        Raises:
            InvalidTypeError: *as_of* is not a date (a datetime counts as its day).
        """
        as_of = as_date(as_of, "as_of")
        if self.happened is not None and self.happened <= as_of:
            return Status.DONE
        if self.ended is not None and self.ended.on < as_of:
            return Status.LAPSED
        if self.on is None:
            return Status.UNDATED
        if self.on >= as_of:
            return Status.UPCOMING
        return Status.PASSED if self.is_hard_limit else Status.OVERDUE

    def to_dict(self, *, as_of: dt.date | None = None) -> dict[str, Any]:
        """Return a JSON-ready dict; with *as_of*, also the milestone's status."""
        out: dict[str, Any] = {
            "label": self.label,
            "date": self.on.isoformat() if self.on else None,
            "rule": self.rule,
            "kind": self.kind,
            "basis": self.basis,
            "is_hard_limit": self.is_hard_limit,
            "confirmed": self.confirmed,
            "confidence": self.confidence,
            "start": self.start.isoformat() if self.start else None,
            "period": self.period,
            "source": self.source,
            "url": self.url,
            "assumptions": list(self.assumptions),
            "trail": list(self.trail),
            "happened": self.happened.isoformat() if self.happened else None,
            "ended": self.ended.on.isoformat() if self.ended else None,
            "ended_note": self.ended.note if self.ended else None,
            "overridden": self.overridden,
        }
        if as_of is not None:
            out["status"] = self.status(as_of=as_of)
        return out


def follow_up(
    inspection: Inspection,
    *,
    region: str = DEFAULT_REGION,
    closures: Iterable[dt.date] = (),
    rules: Mapping[str, Rule] | None = None,
) -> tuple[Milestone, ...]:
    """Return what follows *inspection*, dated by the rule catalogue, in date order.

    After a 2023-framework outcome 3: the priority action plan's submission
    (35 working days) and publication (70 working days) from the day the
    report was received, the DfE/NHS England stocktake (about 6 months,
    expected), annual engagement meetings, the monitoring inspection (about
    18 months, expected) and the next full inspection (about 3 years).
    After outcome 2: engagement meetings, the strategic-plan update (no known
    deadline: undated) and the next full inspection (about 3 years); after
    outcome 1 the same without the plan, about 5 years. Under the 2016
    framework: the written statement of action (70 working days) and the
    revisit (about 18 months after the statement is accepted), then what
    the revisit's outcome leads to; an area never revisited gets the
    2023-framework full inspection promised by 31 December 2025 instead,
    and its revisit lapses once revisits ended (December 2022).

    Working days are counted like Excel's ``WORKDAY`` (the start day is not
    counted) on *region*'s bank holidays; months with calendar months.
    Undated items come last. Nothing here reads the clock: see
    `Milestone.status` for what is overdue on a given day.

    Args:
        inspection: The inspection; its outcome and publication (or receipt)
            date are needed for dated milestones.
        region: Bank-holiday region for working days.
        closures: Local closure days, skipped as well by working-day rules.
        rules: A rule book with local figures (`sendkit.rules.RuleBook`);
            the catalogue by default.

    Returns:
        The milestones; empty when the outcome is not known.

    Examples:
        >>> import datetime as dt
        >>> from sendkit.inspections import Framework, Inspection, Outcome
        >>> notts = Inspection(local_area="Nottinghamshire", framework=Framework.AREA_SEND_2023,
        ...                    outcome=Outcome.SYSTEMIC, published=dt.date(2023, 5, 16))
        >>> for m in follow_up(notts)[:3]:
        ...     print(m.on, m.kind, m.rule)
        2023-07-05 deadline area-send.pap.submit
        2023-08-23 deadline area-send.pap.publish
        2023-11-16 expected dfe.stocktake
    """
    # One calendar for every step: the closures are read once, here.
    calendar = calendar_for(region, closures)
    if inspection.outcome is None:
        return ()
    steps = FOLLOW_UP[inspection.outcome]
    if inspection.outcome is WsoaOutcome.REQUIRED:
        steps = steps + REVISIT_FOLLOW_UP[inspection.revisit_outcome]
    milestones: list[Milestone] = []
    dated: dict[str, Milestone] = {}
    for step in steps:
        if step.repeat_until is None:
            milestone = _milestone(
                step,
                inspection,
                earlier=milestones,
                calendar=calendar,
                rules=rules,
            )
            milestones.append(milestone)
            if step.rule is not None:
                dated[step.rule] = milestone
    for step in steps:
        if step.repeat_until is not None:
            milestones.extend(
                _repeat(
                    step,
                    inspection,
                    until=dated.get(step.repeat_until),
                    calendar=calendar,
                    rules=rules,
                )
            )
    far = dt.date.max
    return tuple(sorted(milestones, key=lambda m: (m.on or far, m.on is None)))


def _clock(  # noqa: PLR0911 - one return per kind of clock, clearer than a table
    step: Step, inspection: Inspection, earlier: list[Milestone]
) -> tuple[dt.date | None, tuple[str, ...]]:
    """Return the date that starts *step*'s clock and the assumptions made."""
    if step.clock == "received":
        received = inspection.received
        if received is None:
            return None, ("The report's publication or receipt date is not known.",)
        if inspection.received_is_assumed:
            return received, (
                (
                    f"The day the report was received is not known; the publication date, "
                    f"{received.isoformat()}, is used instead. Receipt usually comes first, "
                    "so the real dates may be earlier."
                ),
            )
        return received, ()
    if step.clock in CLOCK_DATES:
        return CLOCK_DATES[step.clock], ()
    if step.clock == "wsoa_accepted":
        if inspection.wsoa_accepted is not None:
            return inspection.wsoa_accepted, ()
        submitted = next((m for m in earlier if m.rule == "legacy.wsoa.submit"), None)
        if submitted is None or submitted.on is None:
            return None, ("The day the written statement was accepted is not known.",)
        return submitted.on, (
            (
                "The day the written statement was accepted as fit for purpose is not "
                f"known; its submission deadline, {submitted.on.isoformat()}, is used "
                "instead (the earliest it could have been accepted)."
            ),
            *submitted.assumptions,
        )
    value = getattr(inspection, step.clock)
    if value is None:
        return None, (f"The {step.clock.replace('_', ' ')} date is not known.",)
    return value, ()


def _milestone(
    step: Step,
    inspection: Inspection,
    *,
    earlier: list[Milestone],
    calendar: WorkingCalendar,
    rules: Mapping[str, Rule] | None,
) -> Milestone:
    milestone = _dated(
        step,
        inspection,
        earlier=earlier,
        calendar=calendar,
        rules=rules,
    )
    if step.ended is None:
        return milestone
    end = step.ended
    return attrs.evolve(
        milestone,
        ended=end,
        trail=(
            *milestone.trail,
            (
                f"Ended: after {end.on.isoformat()}, if not recorded: {end.note}. "
                f"Source: {end.source} {end.confidence} <{end.url}>."
            ),
        ),
    )


def _dated(
    step: Step,
    inspection: Inspection,
    *,
    earlier: list[Milestone],
    calendar: WorkingCalendar,
    rules: Mapping[str, Rule] | None,
) -> Milestone:
    happened = getattr(inspection, step.happened) if step.happened else None
    if step.rule is None:
        return Milestone(
            label=step.label,
            on=None,
            rule=None,
            confidence=step.confidence,
            source=step.source,
            url=step.url,
            trail=(step.note, f"Source: {step.source} {step.confidence} <{step.url}>."),
            happened=happened,
        )
    rule = get_rule(step.rule, rules=rules)
    start, assumptions = _clock(step, inspection, earlier)
    if start is None or not rule.applies_on(start):
        why = (
            assumptions[0]
            if start is None
            else (
                f"The rule {rule.code} applies to clocks starting "
                f"{_validity(rule)}; {start.isoformat()} is outside that."
            )
        )
        return _undated(step.label, rule, why, happened)
    if step.note:
        assumptions = (*assumptions, step.note)
    return _from_deadline(
        step.label,
        deadline_on(rule, start, calendar),
        assumptions,
        happened,
    )


def _repeat(
    step: Step,
    inspection: Inspection,
    *,
    until: Milestone | None,
    calendar: WorkingCalendar,
    rules: Mapping[str, Rule] | None,
) -> list[Milestone]:
    """Date a repeating step (annual meetings) until the milestone *until*."""
    rule = get_rule(step.rule or "", rules=rules)
    start, assumptions = _clock(step, inspection, [])
    if start is None or until is None or until.on is None:
        why = assumptions[0] if assumptions else "The next full inspection has no date."
        return [_undated(step.label, rule, why, None)]
    out: list[Milestone] = []
    count = 0
    while True:
        count += 1
        found = deadline_on(rule, start, calendar)
        if found.due >= until.on or count > _MAX_REPEATS:
            break
        lines = (
            assumptions
            if count == 1
            else (
                f"Counted from the previous engagement meeting's expected date, {start.isoformat()}.",
            )
        )
        out.append(
            _from_deadline(f"{step.label} ({_ordinal(count)})", found, lines, None)
        )
        start = found.due
    return out


_MAX_REPEATS: Final = 10


def _ordinal(number: int) -> str:
    return {1: "1st", 2: "2nd", 3: "3rd"}.get(number, f"{number}th")


def _validity(rule: Rule) -> str:
    since = rule.valid_from.isoformat() if rule.valid_from else "any date"
    until = rule.valid_until.isoformat() if rule.valid_until else "now"
    return f"from {since} to {until}"


def _undated(label: str, rule: Rule, why: str, happened: dt.date | None) -> Milestone:
    return Milestone(
        label=label,
        on=None,
        rule=rule.code,
        is_hard_limit=rule.is_hard_limit,
        basis=rule.basis.value,
        confirmed=rule.confirmed,
        confidence=rule.confidence.tag,
        period=rule.describe_period(),
        source=rule.source,
        url=rule.url,
        trail=(why,),
        happened=happened,
        overridden=rule.overridden,
    )


def _from_deadline(
    label: str, found: Deadline, assumptions: tuple[str, ...], happened: dt.date | None
) -> Milestone:
    return Milestone(
        label=label,
        on=found.due,
        rule=found.code,
        start=found.start,
        is_hard_limit=found.is_hard_limit,
        basis=found.basis.value,
        confirmed=found.confirmed,
        confidence=found.confidence.tag,
        period=found.rule.describe_period(),
        source=found.source,
        url=found.url,
        assumptions=assumptions,
        trail=found.trail,
        happened=happened,
        overridden=found.rule.overridden,
    )
