"""Reading the SEN2 person-level XML return.

The layout follows DfE's SEN2 person-level technical specification
(https://www.gov.uk/government/publications/special-educational-needs-person-level-survey-technical-specification).

Scope: the request, assessment and named-plan modules (2, 3 and 4a), which are
what the 20-week measure and the case timelines need.
The person module (1) holds personal data; its elements are recognised and
skipped unread.
Plan details (4b) and active plans (5a-5c) are recognised and skipped.
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
from ..errors import InvalidInputError, SendkitError
from ._case_file import NOT_SHOWN, CaseFile, Problem, case_queries
from ._files import check_input

__all__ = ["read_sen2_xml"]

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
        "ActivePlans",
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
        "CeaseDate",
        "CeaseReason",
        "PlanDetail",
    }
)
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
            nested=("Assessment",),
        )
        assessments = children["Assessment"]
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
                read=frozenset({"StartDate"}),
                skip=_PLAN_SKIP,
                person=person,
                path=p_path,
            )
            issued = p_values.get("StartDate")
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
        case_id = f"{self.lea or 'LA'}-P{person}-R{number}"
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
    path = check_input(path, accepted="SEN2 .xml file")
    reader = _Reader(path.name, strict=strict)
    try:
        _walk(path, reader)
    except ET.ParseError as exc:
        line, column = exc.position
        msg = f"{path.name} is not well-formed XML (line {line}, column {column})"
        raise InvalidInputError(msg) from None
    return CaseFile(
        cases=tuple(reader.cases),
        problems=tuple(reader.problems),
        queries=tuple(reader.queries),
        ignored=tuple(sorted(reader.ignored)),
        source=path.name,
    )


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
