"""Reading the SEN2 person-level XML return.

The layout follows DfE's SEN2 person-level technical specification
(https://www.gov.uk/government/publications/special-educational-needs-person-level-survey-technical-specification).

Scope: the request, assessment and named-plan modules (2, 3 and 4a), which are
what the 20-week measure and the case timelines need, and the review and
phase-transfer dates of the active-plans module (5a), which the worklist
needs (items as in the 2025 return: ``ReviewMeeting``, ``ReviewOutcome``,
``LastReview``, ``PhaseTransferDueDate``, ``PhaseTransferFinalDate``).
The person module (1) holds personal data; its elements are recognised and
skipped unread.
Plan details (4b), placements (5b) and needs (5c) are recognised and skipped.
Any other element, and any value that cannot be read, is reported as a
`Problem` (by position and element name, never by content: an element's text
is never shown) instead of guessed.
"""

from __future__ import annotations

import datetime as dt
import pathlib
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from typing import Final

from ..dates import ACCEPTED_DATE_FORMS, parse_date
from ..ehc._model import EhcCase
from ..ehc._worklist import PlanRecord, settle_review, transfer_from_due
from ..errors import InvalidInputError, SendkitError
from ._case_file import NOT_SHOWN, CaseFile, Problem, case_queries
from ._files import check_input

__all__ = ["read_sen2_return", "read_sen2_xml"]

#: Person (module 1). Personal fields: skipped, never read.
_PERSON: Final = frozenset(
    {
        "Surname",
        "Forename",
        "PersonBirthDate",
        "Sex",
        "GenderCurrent",
        "Ethnicity",
        "PostCode",
        "UPN",
        "UniqueLearnerNumber",
        "UPNunknown",
    }
)
#: Requests (module 2): elements read, and elements recognised but not used.
_REQUEST_READ: Final = frozenset({"ReceivedDate", "RequestOutcomeDate"})
_REQUEST_SKIP: Final = frozenset(
    {
        "RequestSource",
        "RYA",
        "RequestOutcome",
        "RequestMediation",
        "RequestTribunal",
        "Exported",
    }
)
#: Assessment (module 3).
_ASSESSMENT_READ: Final = frozenset({"AssessmentOutcomeDate", "Week20"})
_ASSESSMENT_SKIP: Final = frozenset(
    {
        "AssessmentOutcome",
        "AssessmentMediation",
        "AssessmentTribunal",
        "OtherMediation",
        "OtherTribunal",
    }
)
#: Named plan (module 4a). PlanWBP is spelt PlanWPB by one parser; both accepted.
_PLAN_SKIP: Final = frozenset(
    {
        "PlanRes",
        "PlanWBP",
        "PlanWPB",
        "PB",
        "OA",
        "DP",
        "CeaseReason",
        "PlanDetail",
    }
)
#: Active plans (module 5a): dates read for the worklist, and items
#: recognised but not used (TransferLA names the council a plan came from in
#: the year, without the date of the move; ReviewDraft dates a draft).
_ACTIVE_READ: Final = frozenset(
    {
        "ReviewMeeting",
        "ReviewOutcome",
        "LastReview",
        "PhaseTransferDueDate",
        "PhaseTransferFinalDate",
    }
)
_ACTIVE_SKIP: Final = frozenset(
    {
        "TransferLA",
        "ReviewDraft",
        "RES",
        "Res",
        "WBP",
        "PlacementDetail",
        "SENneed",
    }
)
#: PlanRecord fields and the SEN2 elements they come from, for messages.
_ELEMENT_NAMES: Final = {
    "ceased": "NamedPlan/CeaseDate",
    "last_review": "LastReview",
    "review_meeting": "ReviewMeeting",
    "review_decision": "LastReview",
}
#: SEN2's ReviewOutcome codes: A amend, M maintain, C cease.
_OUTCOMES: Final = {"A": True, "M": False, "C": False}
_FLAGS: Final = {"1": True, "0": False}
#: Where each value sits below its Requests element, for query locations.
_ELEMENT_PATHS: Final = {
    "ReceivedDate": "ReceivedDate",
    "RequestOutcomeDate": "RequestOutcomeDate",
    "AssessmentOutcomeDate": "Assessment/AssessmentOutcomeDate",
    "Week20": "Assessment/Week20",
    "StartDate": "Assessment/NamedPlan/StartDate",
}
#: Message/Persons/Person: a Person element ends at this depth.
_PERSON_DEPTH: Final = 2


def _local(tag: str) -> str:
    """Drop an XML namespace, if any: ``{ns}Person`` is ``Person``."""
    return tag.rpartition("}")[2]


def _text(element: ET.Element) -> str:
    return (element.text or "").strip()


class _Reader:
    """Collects cases and problems while the file is parsed."""

    def __init__(self, source: str, *, strict: bool) -> None:
        self.source = source
        self.strict = strict
        self.cases: list[EhcCase] = []
        self.problems: list[Problem] = []
        self.ignored: set[str] = set()
        self.lea = ""
        self.reference: dt.date | None = None
        self.queries: list[Problem] = []
        self.plans: list[PlanRecord] = []

    def problem(self, reason: str, *, person: int | None, path: str) -> None:
        if person is not None:
            path = path.replace("Person", f"Person[{person}]", 1)
        found = Problem(reason=reason, element=path, source=self.source)
        if self.strict:
            raise found.to_error()
        self.problems.append(found)

    def unknown(self, element: ET.Element, *, person: int | None, path: str) -> None:
        name = _local(element.tag)
        self.problem(
            f"unknown element {name!r} in {path.rpartition('/')[2] or 'Message'}; "
            "it was not read",
            person=person,
            path=f"{path}/{name}" if path else name,
        )

    def header(self, header: ET.Element) -> None:
        for element in header.iter():
            name = _local(element.tag)
            if name == "LEA":
                self.lea = _text(element)
            elif name == "ReferenceDate" and _text(element):
                try:
                    self.reference = parse_date(_text(element), field=name)
                except SendkitError:
                    self.problem(
                        f"ReferenceDate is not a real date in an accepted form "
                        f"({ACCEPTED_DATE_FORMS})",
                        person=None,
                        path="Header/ReferenceDate",
                    )

    def person(self, person: ET.Element, number: int) -> None:
        requests = 0
        for child in person:
            name = _local(child.tag)
            if name == "Requests":
                requests += 1
                self.request(child, number, requests)
            elif name not in _PERSON:
                self.unknown(child, person=number, path="Person")

    def _date(
        self, element: ET.Element, *, person: int, path: str
    ) -> dt.date | str | None:
        """Return the date, None when empty, or "bad" after reporting it."""
        name = _local(element.tag)
        text = _text(element)
        if not text:
            return None
        try:
            return parse_date(text, field=name)
        except SendkitError:
            # parse_date shows the text; an element may hold a name, so not here.
            self.problem(
                f"{name} is not a real date in an accepted form "
                f"({ACCEPTED_DATE_FORMS}); {NOT_SHOWN}",
                person=person,
                path=f"{path}/{name}",
            )
            return "bad"

    def _read(
        self,
        element: ET.Element,
        *,
        read: frozenset[str],
        skip: frozenset[str],
        person: int,
        path: str,
        nested: Iterable[str] = (),
    ) -> tuple[dict[str, dt.date | bool | str | None], dict[str, list[ET.Element]]]:
        values: dict[str, dt.date | bool | str | None] = {}
        children: dict[str, list[ET.Element]] = {name: [] for name in nested}
        for child in element:
            name = _local(child.tag)
            if name in children:
                children[name].append(child)
            elif name in read:
                if name == "Week20":
                    flag = _FLAGS.get(_text(child))
                    if flag is None and _text(child):
                        self.problem(
                            f"Week20 must be 1 or 0; {NOT_SHOWN}",
                            person=person,
                            path=f"{path}/Week20",
                        )
                        values[name] = "bad"
                    else:
                        values[name] = flag
                elif name == "ReviewOutcome":
                    code = _text(child).upper()
                    if code and code not in _OUTCOMES:
                        self.problem(
                            f"ReviewOutcome must be A, M or C; {NOT_SHOWN}",
                            person=person,
                            path=f"{path}/ReviewOutcome",
                        )
                        values[name] = "bad"
                    else:
                        values[name] = _OUTCOMES.get(code)
                else:
                    values[name] = self._date(child, person=person, path=path)
            elif name in skip:
                self.ignored.add(name)
            else:
                self.unknown(child, person=person, path=path)
        return values, children

    def request(self, request: ET.Element, person: int, number: int) -> None:
        path = f"Person/Requests[{number}]"
        values, children = self._read(
            request,
            read=_REQUEST_READ,
            skip=_REQUEST_SKIP,
            person=person,
            path=path,
            nested=("Assessment", "ActivePlans"),
        )
        assessments = children["Assessment"]
        active = self.active_plan(children["ActivePlans"], person, path)
        plans: list[tuple[dict[str, dt.date | bool | str | None], ET.Element]] = []
        assessed: list[dict[str, dt.date | bool | str | None]] = []
        for index, assessment in enumerate(assessments, start=1):
            a_path = f"{path}/Assessment[{index}]"
            a_values, a_children = self._read(
                assessment,
                read=_ASSESSMENT_READ,
                skip=_ASSESSMENT_SKIP,
                person=person,
                path=a_path,
                nested=("NamedPlan",),
            )
            assessed.append(a_values)
            named = a_children["NamedPlan"]
            if len(named) > 1:
                self.problem(
                    f"{len(named)} NamedPlan elements in one assessment; "
                    "the request was left out",
                    person=person,
                    path=f"{a_path}/NamedPlan",
                )
                return
            plans.extend((a_values, plan) for plan in named)
        if len(plans) > 1 or (len(assessments) > 1 and not plans):
            self.problem(
                f"{len(assessments)} Assessment elements and {len(plans)} named "
                "plans; sendkit cannot tell which assessment the measure should "
                "use, so the request was left out",
                person=person,
                path=f"{path}/Assessment",
            )
            return
        assessment_values = plans[0][0] if plans else (assessed[0] if assessed else {})
        issued: dt.date | bool | str | None = None
        if plans:
            plan = plans[0][1]
            p_path = f"{path}/Assessment/NamedPlan"
            p_values, _ = self._read(
                plan,
                read=frozenset({"StartDate", "CeaseDate"}),
                skip=_PLAN_SKIP,
                person=person,
                path=p_path,
            )
            issued = p_values.get("StartDate")
            if active is not None:
                active["ceased"] = p_values.get("CeaseDate")
        self.build(
            person=person,
            number=number,
            path=path,
            received=values.get("ReceivedDate"),
            request_outcome=values.get("RequestOutcomeDate"),
            assessment_outcome=assessment_values.get("AssessmentOutcomeDate"),
            week20=assessment_values.get("Week20"),
            issued=issued,
            assessed=bool(assessments),
        )
        built = self.cases and self.cases[-1].case_id == self.case_id(person, number)
        if built and active is not None:
            self.plan(self.cases[-1], active, person=person, path=path)

    def case_id(self, person: int, number: int) -> str:
        return f"{self.lea or 'LA'}-P{person}-R{number}"

    def active_plan(
        self, elements: list[ET.Element], person: int, path: str
    ) -> dict[str, object] | None:
        """Read a request's ActivePlans element; None (reported) if unusable.

        A problem here leaves the plan record out, not the request.
        """
        if len(elements) > 1:
            self.problem(
                f"{len(elements)} ActivePlans elements in one request; "
                "the plan was left out of the worklist",
                person=person,
                path=f"{path}/ActivePlans",
            )
            return None
        if not elements:
            return {}
        values, _ = self._read(
            elements[0],
            read=_ACTIVE_READ,
            skip=_ACTIVE_SKIP,
            person=person,
            path=f"{path}/ActivePlans",
        )
        return dict(values)  # a "bad" value (reported) leaves the plan out

    def plan(
        self, case: EhcCase, active: dict[str, object], *, person: int, path: str
    ) -> None:
        """Add the plan record of *case*'s plan, if the return holds one."""
        if "bad" in active.values():
            return  # already reported
        values: dict[str, object] = {
            "plan_issued": case.plan_issued,
            "ceased": active.get("ceased"),
            "review_meeting": active.get("ReviewMeeting"),
            "last_review": active.get("LastReview"),
            "transfer_amended": active.get("PhaseTransferFinalDate"),
            "amended_plan_on_file": False,
        }
        if isinstance(active.get("ReviewOutcome"), bool):
            values["decided_to_amend"] = active["ReviewOutcome"]
        due = active.get("PhaseTransferDueDate")
        if isinstance(due, dt.date):
            values["transfer_year"], values["transfer_post_16"] = transfer_from_due(due)
        values = {k: v for k, v in values.items() if v is not None}
        if not {"plan_issued", "last_review"} & values.keys():
            return
        settle_review(values)
        try:
            self.plans.append(PlanRecord(case_id=case.case_id, **values))  # type: ignore[arg-type]
        except InvalidInputError as exc:  # a date before the plan's; no values
            field = str(exc).split(" ", 1)[0]
            self.problem(
                f"{_ELEMENT_NAMES.get(field, field)} is before the plan's "
                "StartDate; the plan was left out of the worklist",
                person=person,
                path=f"{path}/ActivePlans",
            )

    def build(
        self,
        *,
        person: int,
        number: int,
        path: str,
        received: object,
        request_outcome: object,
        assessment_outcome: object,
        week20: object,
        issued: object,
        assessed: bool,
    ) -> None:
        if "bad" in (received, request_outcome, assessment_outcome, week20, issued):
            return  # already reported
        if not isinstance(received, dt.date):
            self.problem(
                "ReceivedDate is missing; the request was left out",
                person=person,
                path=f"{path}/ReceivedDate",
            )
            return
        dates = {
            "RequestOutcomeDate": request_outcome,
            "AssessmentOutcomeDate": assessment_outcome,
            "StartDate": issued,
        }
        for name, value in dates.items():
            if isinstance(value, dt.date) and value < received:
                self.problem(
                    f"{name} is before ReceivedDate; the request was left out",
                    person=person,
                    path=f"{path}/{name}",
                )
                return
        case_id = self.case_id(person, number)
        case = EhcCase(
            case_id=case_id,
            received=received,
            request_outcome_date=_date_or_none(request_outcome),
            decided_to_assess=True if assessed else None,
            assessment_outcome_date=_date_or_none(assessment_outcome),
            decided_to_issue=True if isinstance(issued, dt.date) else None,
            plan_issued=_date_or_none(issued),
            week20=week20 if isinstance(week20, bool) else None,
        )
        self.cases.append(case)
        where = f"Person[{person}]/Requests[{number}]"
        for column, reason in case_queries(case):
            self.queries.append(
                Problem(
                    reason=reason,
                    element=f"{where}/{_ELEMENT_PATHS.get(column, column)}",
                    source=self.source,
                )
            )
        if self.reference is not None:
            for column, day in (("ReceivedDate", received), *dates.items()):
                if isinstance(day, dt.date) and day > self.reference:
                    self.queries.append(
                        Problem(
                            reason=(
                                f"{column} is after the return's ReferenceDate "
                                f"{self.reference.isoformat()} (sendkit check)"
                            ),
                            element=f"{where}/{_ELEMENT_PATHS[column]}",
                            source=self.source,
                        )
                    )


def _date_or_none(value: object) -> dt.date | None:
    return value if isinstance(value, dt.date) else None


def read_sen2_xml(path: str | pathlib.Path, *, strict: bool = False) -> CaseFile:
    """Read the requests in a SEN2 person-level XML return as cases.

    One case per ``Requests`` element.
    Its id is ``<LEA>-P<n>-R<m>``: the LA code from the header, the position
    of the ``Person`` in the file and of the request within that person
    (both counted from 1).
    It is derived from positions only, so it is stable for one file and never
    contains personal data, but a re-ordered file gives different ids.

    Read: ``ReceivedDate``, ``RequestOutcomeDate``, ``AssessmentOutcomeDate``,
    ``Week20`` and the named plan's ``StartDate``.
    A request with an ``Assessment`` is marked ``decided_to_assess=True`` and
    one with a named plan ``decided_to_issue=True``; the ``RequestOutcome`` and
    ``AssessmentOutcome`` codes are not decoded (their code lists are
    not confirmed for sendkit).
    A request with several assessments is read only when exactly one of them
    has a named plan.
    Namespaces are ignored.

    Args:
        path: The XML file.
        strict: Raise `RowError` at the first problem instead.

    Returns:
        The cases, the problems (each naming its element path, such as
        ``Person[3]/Requests[1]/ReceivedDate``) and the names of the elements recognised but not used.

    Raises:
        InvalidInputError: The file is not well-formed XML or not a SEN2
            ``Message``.
    """
    return read_sen2_return(path, strict=strict)[0]


def read_sen2_return(
    path: str | pathlib.Path, *, strict: bool = False
) -> tuple[CaseFile, tuple[PlanRecord, ...], dt.date | None]:
    """Read a SEN2 return's requests (as `read_sen2_xml`), plans and reference date.

    One `PlanRecord` per request with a named plan (``StartDate``,
    ``CeaseDate``) or an ``ActivePlans`` element, with the same case id as the
    request. From ``ActivePlans``: ``ReviewMeeting``, ``LastReview`` (the day
    the decision after the review meeting was notified; also taken as that
    decision when on or after the meeting), ``ReviewOutcome`` (A: decided to
    amend), ``PhaseTransferDueDate`` (gives the transfer year, and post-16
    when it is in March) and ``PhaseTransferFinalDate``. The return holds no
    tribunal order dates, no date of a move in (``TransferLA`` is not read)
    and no date of birth sendkit would read, so those steps cannot be listed
    from it.
    """
    path = check_input(path, accepted="SEN2 .xml file")
    reader = _Reader(path.name, strict=strict)
    try:
        _walk(path, reader)
    except ET.ParseError as exc:
        line, column = exc.position
        msg = f"{path.name} is not well-formed XML (line {line}, column {column})"
        raise InvalidInputError(msg) from None
    read = CaseFile(
        cases=tuple(reader.cases),
        problems=tuple(reader.problems),
        queries=tuple(reader.queries),
        ignored=tuple(sorted(reader.ignored)),
        source=path.name,
    )
    return read, tuple(reader.plans), reader.reference


def _walk(path: pathlib.Path, reader: _Reader) -> None:
    """Stream the file, handing each Person to *reader* and then freeing it."""
    persons = 0
    depth = 0
    for event, element in ET.iterparse(path, events=("start", "end")):  # noqa: S314
        name = _local(element.tag)
        if event == "start":
            depth += 1
            if depth == 1 and name != "Message":
                msg = (
                    f"{path.name} is not a SEN2 return: its root element is "
                    f"{name!r}, expected 'Message'"
                )
                raise InvalidInputError(msg)
            continue
        depth -= 1
        if depth == _PERSON_DEPTH and name == "Person":
            persons += 1
            reader.person(element, persons)
            element.clear()
        elif depth == 1:
            if name == "Header":
                reader.header(element)
            elif name == "Persons":
                for child in element:
                    if _local(child.tag) != "Person":
                        reader.unknown(child, person=None, path="Persons")
            else:
                reader.unknown(element, person=None, path="")
