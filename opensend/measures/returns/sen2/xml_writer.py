"""Write a SEN2 Return as the person-level XML the DfE's COLLECT system takes.

Element names follow the SEN2 technical specification's modules (Header; Person ->
Requests -> Request -> Assessment -> NamedPlan -> PlanDetail; ActivePlans ->
PlacementDetail, SENneed). The order of persons is the order of ``Return.persons``
(collect.py sorts them), every element is written in a fixed order, and the output is
pretty-printed UTF-8: the same records always give the same bytes. Elements whose value
OpenSEND does not hold are left out rather than guessed (docs/sen2-return.md lists them).
"""

from __future__ import annotations

from datetime import date

from lxml import etree

from opensend.measures.returns.sen2.records import (
    ActivePlan,
    Assessment,
    Header,
    NamedPlan,
    Person,
    Placement,
    Request,
    Return,
)

__all__ = ["SOFTWARE_CODE", "return_xml"]

SOFTWARE_CODE = "OpenSEND"
_Element = etree._Element


def _text(parent: _Element, tag: str, value: str | int | date | None) -> None:
    """A child element, unless there is no value to write."""
    if value is None or value == "":
        return
    element = etree.SubElement(parent, tag)
    element.text = value.isoformat() if isinstance(value, date) else str(value)


def _flag(value: bool) -> str:
    return "1" if value else "0"


def _header(parent: _Element, header: Header) -> None:
    element = etree.SubElement(parent, "Header")
    collection = etree.SubElement(element, "CollectionDetails")
    _text(collection, "Collection", "SEN2")
    _text(collection, "Year", header.year)
    _text(collection, "ReferenceDate", header.census_date)
    source = etree.SubElement(element, "Source")
    _text(source, "SourceLevel", "L")
    _text(source, "LEA", header.la_code)
    _text(source, "SoftwareCode", SOFTWARE_CODE)
    _text(source, "Release", header.software_release)
    _text(source, "SerialNo", 1)
    _text(source, "DateTime", header.generated_at)


def _setting(parent: _Element, placement: Placement) -> None:
    _text(parent, "URN", placement.urn)
    _text(parent, "UKPRN", placement.ukprn)
    _text(parent, "SENsetting", placement.setting_code)


def _named_plan(parent: _Element, plan: NamedPlan) -> None:
    element = etree.SubElement(parent, "NamedPlan")
    _text(element, "StartDate", plan.start_date)
    _text(element, "CeaseDate", plan.cease_date)
    _text(element, "CeaseReason", plan.cease_reason)
    if plan.placement is not None:
        detail = etree.SubElement(element, "PlanDetail")
        _setting(detail, plan.placement)
        _text(detail, "PlacementRank", plan.placement.rank)


def _assessment(parent: _Element, assessment: Assessment) -> None:
    element = etree.SubElement(parent, "Assessment")
    _text(element, "AssessmentOutcome", assessment.outcome)
    _text(element, "AssessmentOutcomeDate", assessment.outcome_date)
    _text(element, "AssessmentMediation", _flag(assessment.mediation))
    _text(element, "AssessmentTribunal", _flag(assessment.tribunal))
    _text(element, "Week20", _flag(assessment.week20_exception))
    if assessment.named_plan is not None:
        _named_plan(element, assessment.named_plan)


def _request(parent: _Element, request: Request) -> None:
    element = etree.SubElement(parent, "Request")
    _text(element, "ReceivedDate", request.received_date)
    _text(element, "RequestSource", request.source)
    _text(element, "RYA", _flag(request.youth_accommodation))
    _text(element, "RequestOutcome", request.outcome)
    _text(element, "RequestOutcomeDate", request.outcome_date)
    _text(element, "RequestMediation", _flag(request.mediation))
    _text(element, "RequestTribunal", _flag(request.tribunal))
    _text(element, "Exported", _flag(request.exported))
    if request.assessment is not None:
        _assessment(element, request.assessment)


def _active_plan(parent: _Element, plan: ActivePlan) -> None:
    element = etree.SubElement(parent, "ActivePlans")
    _text(element, "LastReview", plan.last_review)
    _text(element, "ReviewOutcome", plan.review_outcome)
    for placement in plan.placements:
        detail = etree.SubElement(element, "PlacementDetail")
        _setting(detail, placement)
        _text(detail, "PlacementRank", placement.rank)
        _text(detail, "EntryDate", placement.entry_date)
        _text(detail, "LeavingDate", placement.leaving_date)
    for need in plan.needs:
        sen_need = etree.SubElement(element, "SENneed")
        _text(sen_need, "SENtype", need.need)
        _text(sen_need, "SENtypeRank", need.rank)


def _person(parent: _Element, person: Person) -> None:
    element = etree.SubElement(parent, "Person")
    _text(element, "Surname", person.surname)
    _text(element, "Forename", person.forename)
    _text(element, "PersonBirthDate", person.birth_date)
    _text(element, "Sex", person.sex)
    _text(element, "Ethnicity", person.ethnicity)
    _text(element, "PostCode", person.postcode)
    _text(element, "UPN", person.upn)
    _text(element, "UniqueLearnerNumber", person.uln)
    _text(element, "UPNunknown", person.upn_unknown_reason)
    if person.requests:
        requests = etree.SubElement(element, "Requests")
        for request in person.requests:
            _request(requests, request)
    if person.active_plan is not None:
        _active_plan(element, person.active_plan)


def return_xml(sen2: Return) -> bytes:
    """The whole return as pretty-printed UTF-8 XML bytes (with an XML declaration)."""
    root = etree.Element("Message")
    _header(root, sen2.header)
    persons = etree.SubElement(root, "Persons")
    for person in sen2.persons:
        _person(persons, person)
    return etree.tostring(root, pretty_print=True, xml_declaration=True, encoding="UTF-8")
