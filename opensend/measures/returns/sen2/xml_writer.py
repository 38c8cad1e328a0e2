"""Write a SEN2 Return as the person-level XML the DfE's COLLECT system takes.

Element names, nesting and order are those docs/sen2-return.md lists with their sources
(Header; Persons/Person; one Requests element per request holding its Assessment ->
NamedPlan -> PlanDetail and, for the plan in place on the census date, ActivePlans ->
PlacementDetail, SENneed); sen2.xsd checks them. The order of persons is the order of
``Return.persons`` (collect.py sorts them), every element is written in a fixed order,
and the output is pretty-printed UTF-8: the same records always give the same bytes.
Elements whose value OpenSEND does not hold are left out rather than guessed.
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
    _text(parent, "SENSetting", placement.setting_code)
    _text(parent, "PlacementRank", placement.rank)


def _units(parent: _Element, placement: Placement) -> None:
    """Only a placement at a setting with a URN or UKPRN can be in its unit."""
    if placement.urn or placement.ukprn:
        _text(parent, "SENunitIndicator", _flag(placement.sen_unit))
        _text(parent, "ResourcedProvisionIndicator", _flag(placement.resourced_provision))


def _plan_detail(parent: _Element, placement: Placement) -> None:
    detail = etree.SubElement(parent, "PlanDetail")
    _setting(detail, placement)
    _units(detail, placement)


def _named_plan(parent: _Element, plan: NamedPlan) -> None:
    element = etree.SubElement(parent, "NamedPlan")
    _text(element, "StartDate", plan.start_date)
    if plan.placement is not None:
        _plan_detail(element, plan.placement)
    features = plan.features
    _text(element, "PlanRes", features.residential)
    _text(element, "PlanWPB", _flag(features.work_based_learning))
    _text(element, "PB", _flag(features.personal_budget))
    if features.personal_budget:
        _text(element, "OA", _flag(features.organised_arrangement))
        _text(element, "DP", _flag(features.direct_payment))
    _text(element, "CeaseDate", plan.cease_date)
    _text(element, "CeaseReason", plan.cease_reason)


def _assessment(parent: _Element, assessment: Assessment) -> None:
    element = etree.SubElement(parent, "Assessment")
    _text(element, "AssessmentOutcome", assessment.outcome)
    _text(element, "AssessmentOutcomeDate", assessment.outcome_date)
    _text(element, "AssessmentMediation", _flag(assessment.mediation))
    _text(element, "AssessmentTribunal", _flag(assessment.tribunal))
    _text(element, "OtherMediation", _flag(assessment.other_mediation))
    _text(element, "OtherTribunal", _flag(assessment.other_tribunal))
    _text(element, "Week20", _flag(assessment.week20_exception))
    if assessment.named_plan is not None:
        _named_plan(element, assessment.named_plan)


def _placement_detail(parent: _Element, placement: Placement) -> None:
    detail = etree.SubElement(parent, "PlacementDetail")
    _setting(detail, placement)
    _text(detail, "EntryDate", placement.entry_date)
    _text(detail, "LeavingDate", placement.leaving_date)
    _units(detail, placement)


def _active_plan(parent: _Element, plan: ActivePlan) -> None:
    element = etree.SubElement(parent, "ActivePlans")
    _text(element, "TransferLA", plan.transfer_la)
    for placement in plan.placements:
        _placement_detail(element, placement)
    _text(element, "RES", plan.features.residential)
    _text(element, "WPB", _flag(plan.features.work_based_learning))
    for need in plan.needs:
        sen_need = etree.SubElement(element, "SENneed")
        _text(sen_need, "SENtype", need.need)
        _text(sen_need, "SENtypeRank", need.rank)
    _text(element, "ReviewMeeting", plan.review_meeting)
    _text(element, "ReviewOutcome", plan.review_outcome)
    _text(element, "LastReview", plan.last_review)
    _text(element, "ReviewDraft", plan.review_draft)
    _text(element, "PhaseTransferDueDate", plan.phase_transfer_due)
    _text(element, "PhaseTransferFinalDate", plan.phase_transfer_final)


def _request(parent: _Element, request: Request) -> None:
    """One ``Requests`` element per request, with no inner wrapper (docs/sen2-return.md)."""
    element = etree.SubElement(parent, "Requests")
    _text(element, "ReceivedDate", request.received_date)
    _text(element, "RequestSource", request.source)
    _text(element, "RYA", _flag(request.youth_accommodation))
    _text(element, "RequestOutcomeDate", request.outcome_date)
    _text(element, "RequestOutcome", request.outcome)
    _text(element, "RequestMediation", _flag(request.mediation))
    _text(element, "RequestTribunal", _flag(request.tribunal))
    _text(element, "Exported", _flag(request.exported))
    if request.assessment is not None:
        _assessment(element, request.assessment)
    if request.active_plan is not None:
        _active_plan(element, request.active_plan)


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
    for request in person.requests:
        _request(element, request)


def return_xml(sen2: Return) -> bytes:
    """The whole return as pretty-printed UTF-8 XML bytes (with an XML declaration)."""
    root = etree.Element("Message")
    _header(root, sen2.header)
    persons = etree.SubElement(root, "Persons")
    for person in sen2.persons:
        _person(persons, person)
    return etree.tostring(root, pretty_print=True, xml_declaration=True, encoding="UTF-8")
