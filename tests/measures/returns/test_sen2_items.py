"""The SEN2 items of the current specification, from the records casework keeps: review
meeting, decision and draft; phase transfer dates; other mediation; the plan's provision
(SEN unit, residential, personal budget) and the LA it was transferred from. And the schema
(sen2.xsd): every export is checked against it before it can be downloaded."""

import datetime as dt

import pytest
from lxml import etree

from opensend.casework.models import PhaseTransfer, TransferKind, VersionKind
from opensend.casework.services.plans import plan_version_issue, plan_version_save
from opensend.casework.services.reviews import review_decision_record
from opensend.measures.returns.sen2.exports import area_cases, sen2_build, sen2_download
from opensend.measures.returns.sen2.schema import XSD_PATH, Sen2SchemaError
from opensend.statutory import codes
from tests.factories import (
    ChildFactory,
    ChildNeedFactory,
    case_with_final_plan,
    dispute,
    plan_sections,
    review_meeting,
)
from tests.measures.sen2_area import CENSUS, Sen2Area, build_area

pytestmark = pytest.mark.django_db

PROVISION = {
    "transferred_from_la": "926",
    "sen_unit": True,
    "resourced_provision": False,
    "residential": "A",
    "work_based_learning": False,
    "organised_arrangement": True,
    "direct_payment": True,
}


def _amend(area: Sen2Area, kind: str, issued_on: dt.date, provision=None) -> None:
    case = area.on_time
    case.refresh_from_db()
    plan_version_save(
        actor=case.caseworker, case=case, kind=kind, sections=plan_sections(area.school),
        today=dt.date(2026, 11, 22), expected_version=case.version,
    )
    case.refresh_from_db()
    plan_version_issue(
        actor=case.caseworker, case=case, issued_on=issued_on, today=dt.date(2026, 11, 22),
        expected_version=case.version, provision=provision,
    )


@pytest.fixture
def area(today: dt.date) -> Sen2Area:
    """The on-time plan (issued 6 July 2026) reviewed, amended with its provision
    recorded, a phase transfer coming, and a mediation about its contents."""
    area = build_area()
    case = area.on_time
    review = review_meeting(case, meeting_on=dt.date(2026, 10, 1))
    case.refresh_from_db()
    review_decision_record(
        actor=case.caseworker, review=review, decision_on=dt.date(2026, 10, 8), outcome="A",
        today=today, expected_version=case.version,
    )
    _amend(area, VersionKind.PROPOSED_AMENDMENT, dt.date(2026, 10, 15))
    _amend(area, VersionKind.AMENDED_FINAL, dt.date(2026, 11, 10), PROVISION)
    PhaseTransfer.objects.create(
        case=case, transfer_date=dt.date(2027, 9, 1), kind=TransferKind.SCHOOL,
        from_setting=area.school, finalised_on=dt.date(2026, 11, 10),
    )
    dispute(case, kind="mediation", decision="contents", started_on=dt.date(2026, 8, 3))
    return area


def _export(area: Sen2Area, today: dt.date):
    return sen2_build(
        cases=area_cases(area.la), local_authority=area.la, census_date=CENSUS, today=today
    )


def _requests(xml: bytes, surname: str) -> list[etree._Element]:
    root = etree.fromstring(xml)
    person = next(p for p in root.iterfind("Persons/Person") if p.findtext("Surname") == surname)
    return person.findall("Requests")


def test_the_new_items_come_from_the_records(area: Sen2Area, today: dt.date):
    (request,) = _requests(_export(area, today).xml(), area.on_time.child.legal_surname)
    assessment = request.find("Assessment")
    assert (assessment.findtext("OtherMediation"), assessment.findtext("OtherTribunal")) == (
        "1",
        "0",
    )
    plan = assessment.find("NamedPlan")
    assert [plan.findtext(tag) for tag in ("PlanRes", "PlanWPB", "PB", "OA", "DP")] == [
        "A", "0", "1", "1", "1",
    ]
    assert plan.findtext("PlanDetail/SENunitIndicator") == "1"
    active = request.find("ActivePlans")
    expected = {
        "TransferLA": "926",
        "RES": "A",
        "WPB": "0",
        "ReviewMeeting": "2026-10-01",
        "ReviewOutcome": "A",
        "LastReview": "2026-10-08",  # the decision, not the meeting
        "ReviewDraft": "2026-10-15",
        "PhaseTransferDueDate": "2027-02-15",  # Reg 18(1)
        "PhaseTransferFinalDate": "2026-11-10",
    }
    assert {tag: active.findtext(tag) for tag in expected} == expected
    detail = active.find("PlacementDetail")
    units = [detail.findtext(tag) for tag in ("SENunitIndicator", "ResourcedProvisionIndicator")]
    assert units == ["1", "0"]


def test_elements_come_in_the_specifications_order(area: Sen2Area, today: dt.date):
    (request,) = _requests(_export(area, today).xml(), area.on_time.child.legal_surname)
    tags = [child.tag for child in request]
    assert tags.index("RequestOutcomeDate") < tags.index("RequestOutcome")
    active = [child.tag for child in request.find("ActivePlans")]
    assert active.index("ReviewOutcome") < active.index("LastReview")
    assert active[0] == "TransferLA" and active[-1] == "PhaseTransferFinalDate"


def test_a_plan_made_before_the_period_keeps_its_original_request(
    area: Sen2Area, today: dt.date
):
    child = ChildFactory(local_authority=area.la)
    ChildNeedFactory(child=child, need="VI", rank=1)
    old = case_with_final_plan(
        child=child, received_on=dt.date(2024, 6, 3), named_setting=area.school
    )
    (request,) = _requests(_export(area, today).xml(), old.child.legal_surname)
    assert request.findtext("ReceivedDate") == "2024-06-03"
    assert request.findtext("RequestOutcome") == "H"
    assert request.findtext("Assessment/AssessmentOutcome") == "H"
    assert request.find("ActivePlans") is not None


def test_every_export_of_the_area_matches_the_schema(area: Sen2Area, today: dt.date):
    export = _export(area, today)
    assert export.schema_valid
    assert not [f for f in export.failures if f.rule == "S01"]


def test_a_record_that_breaks_the_schema_is_reported_and_blocks_the_download(
    area: Sen2Area, today: dt.date
):
    plan = area.on_time.plan
    plan.transferred_from_la = "9X"  # not a 3-digit LA code
    plan.save()
    export = _export(area, today)
    failing = [f for f in export.failures if f.rule == "S01"]
    assert [f.case_id for f in failing] == [area.on_time.pk]
    assert "TransferLA" in failing[0].message
    with pytest.raises(Sen2SchemaError):
        sen2_download(export=export, actor=None, why="test")


def test_the_schema_code_lists_are_the_statutory_code_lists():
    schema = etree.parse(str(XSD_PATH))
    ns = {"xs": "http://www.w3.org/2001/XMLSchema"}
    lists = {
        "SexType": codes.Sex,
        "EthnicityType": codes.Ethnicity,
        "RequestSourceType": codes.RequestSource,
        "RequestOutcomeType": codes.RequestOutcome,
        "AssessmentOutcomeType": codes.AssessmentOutcome,
        "CeaseReasonType": codes.CeaseReason,
        "SENSettingType": codes.SettingCode,
        "NeedTypeType": codes.NeedType,
        "ReviewOutcomeType": codes.ReviewOutcome,
        "ResidentialType": codes.ResidentialPlacement,
    }
    for name, enum in lists.items():
        values = schema.xpath(
            f"//xs:simpleType[@name='{name}']//xs:enumeration/@value", namespaces=ns
        )
        assert values == [member.value for member in enum], name


def test_the_schema_refuses_elements_out_of_order(area: Sen2Area, today: dt.date):
    from opensend.measures.returns.sen2.schema import schema_failures

    export = _export(area, today)
    root = etree.fromstring(export.xml())
    request = root.find("Persons/Person/Requests")
    outcome = request.find("RequestOutcome")
    request.remove(outcome)
    request.insert(1, outcome)  # straight after ReceivedDate
    failures = schema_failures(etree.tostring(root), export.sen2.persons)
    assert [f.rule for f in failures] == ["S01"]
    assert failures[0].child_id == export.sen2.persons[0].child_id
