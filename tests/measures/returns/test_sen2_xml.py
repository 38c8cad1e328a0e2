"""The SEN2 XML from a small area: structure, codes from the statutory code lists, the
reporting periods, the Week20 flag from the clock, and the same bytes every time."""

import datetime as dt

import pytest
from lxml import etree

from opensend.measures.returns.sen2.collect import sen2_return
from opensend.measures.returns.sen2.exports import area_cases
from opensend.measures.returns.sen2.xml_writer import return_xml
from opensend.statutory import codes
from tests.measures.sen2_area import CENSUS, Sen2Area, build_area

pytestmark = pytest.mark.django_db


@pytest.fixture
def area(today: dt.date) -> Sen2Area:
    return build_area()


def _xml(area: Sen2Area, today: dt.date) -> bytes:
    sen2 = sen2_return(
        cases=area_cases(area.la),
        local_authority=area.la,
        census_date=CENSUS,
        today=today,
        generated_at="2027-01-22T09:00:00+00:00",
    )
    return return_xml(sen2)


def _person(root: etree._Element, case) -> etree._Element:
    found = [
        p
        for p in root.iterfind("Persons/Person")
        if p.findtext("Surname") == case.child.legal_surname
    ]
    assert len(found) == 1, case.child.legal_surname
    return found[0]


def _values(enum) -> set[str]:
    return {member.value for member in enum}


def test_header(area: Sen2Area, today: dt.date):
    root = etree.fromstring(_xml(area, today))
    assert root.tag == "Message"
    assert root.findtext("Header/CollectionDetails/Collection") == "SEN2"
    assert root.findtext("Header/CollectionDetails/Year") == "2027"
    assert root.findtext("Header/CollectionDetails/ReferenceDate") == "2027-01-21"
    assert root.findtext("Header/Source/LEA") == "929"
    assert root.findtext("Header/Source/SourceLevel") == "L"


def test_the_same_records_give_the_same_bytes(area: Sen2Area, today: dt.date):
    first = _xml(area, today)
    assert first == _xml(area, today)
    assert first.startswith(b"<?xml version='1.0' encoding='UTF-8'?>\n<Message>\n  <Header>")


def test_every_person_of_the_year_and_no_one_else(area: Sen2Area, today: dt.date):
    root = etree.fromstring(_xml(area, today))
    surnames = sorted(p.findtext("Surname") for p in root.iterfind("Persons/Person"))
    cases = [
        area.on_time,
        area.refused,
        area.excepted,
        area.late,
        area.ceased,
        area.awaiting,
        area.college,
    ]
    assert surnames == sorted(case.child.legal_surname for case in cases)


def test_codes_come_from_the_code_lists(area: Sen2Area, today: dt.date):
    root = etree.fromstring(_xml(area, today))
    checks = {
        "Persons/Person/Sex": _values(codes.Sex),
        "Persons/Person/Ethnicity": _values(codes.Ethnicity),
        ".//RequestSource": _values(codes.RequestSource),
        ".//RequestOutcome": _values(codes.RequestOutcome),
        ".//AssessmentOutcome": _values(codes.AssessmentOutcome),
        ".//CeaseReason": _values(codes.CeaseReason),
        ".//SENtype": _values(codes.NeedType),
        ".//ReviewOutcome": _values(codes.ReviewOutcome),
        ".//SENsetting": _values(codes.SettingCode),
    }
    for path, allowed in checks.items():
        for element in root.iterfind(path):
            assert element.text in allowed, (path, element.text)
    for path in (".//RYA", ".//Week20", ".//RequestMediation", ".//AssessmentTribunal"):
        assert {e.text for e in root.iterfind(path)} <= {"0", "1"}


def test_a_plan_issued_on_time(area: Sen2Area, today: dt.date):
    person = _person(etree.fromstring(_xml(area, today)), area.on_time)
    child = area.on_time.child
    assert person.findtext("UPN") == child.upn
    assert person.findtext("PersonBirthDate") == child.date_of_birth.isoformat()
    request = person.find("Requests/Request")
    assert request.findtext("ReceivedDate") == "2026-03-02"
    assert request.findtext("RequestSource") == "2"
    assert request.findtext("RequestOutcome") == "Y"
    assessment = request.find("Assessment")
    assert assessment.findtext("AssessmentOutcome") == "Y"
    assert assessment.findtext("AssessmentOutcomeDate") == "2026-07-06"  # 18 weeks
    assert assessment.findtext("Week20") == "0"
    plan = assessment.find("NamedPlan")
    assert plan.findtext("StartDate") == "2026-07-06"
    assert plan.findtext("PlanDetail/URN") == area.school.urn
    assert plan.find("CeaseDate") is None
    active = person.find("ActivePlans")
    assert active.findtext("PlacementDetail/URN") == area.school.urn
    assert active.findtext("PlacementDetail/EntryDate") == "2022-09-01"
    needs = [(n.findtext("SENtype"), n.findtext("SENtypeRank")) for n in active.iter("SENneed")]
    assert needs == [("ASD", "1"), ("SLCN", "2")]


def test_a_refused_request_has_no_assessment(area: Sen2Area, today: dt.date):
    request = _person(etree.fromstring(_xml(area, today)), area.refused).find("Requests/Request")
    assert request.findtext("RequestOutcome") == "N"
    assert request.findtext("RequestOutcomeDate") == "2026-06-01"
    assert request.find("Assessment") is None


def test_week20_flag_is_the_clocks_exception(area: Sen2Area, today: dt.date):
    root = etree.fromstring(_xml(area, today))
    excepted = _person(root, area.excepted).find("Requests/Request/Assessment")
    late = _person(root, area.late).find("Requests/Request/Assessment")
    assert (excepted.findtext("Week20"), late.findtext("Week20")) == ("1", "0")


def test_historical_outcomes_and_a_ceased_plan(area: Sen2Area, today: dt.date):
    person = _person(etree.fromstring(_xml(area, today)), area.ceased)
    request = person.find("Requests/Request")
    assert request.findtext("RequestOutcome") == "H"  # decided in 2025
    assert request.findtext("Assessment/AssessmentOutcome") == "H"
    plan = request.find("Assessment/NamedPlan")
    assert (plan.findtext("CeaseDate"), plan.findtext("CeaseReason")) == ("2026-09-01", "5")
    assert person.find("ActivePlans") is None


def test_an_open_request_is_awaiting(area: Sen2Area, today: dt.date):
    request = _person(etree.fromstring(_xml(area, today)), area.awaiting).find("Requests/Request")
    assert request.findtext("RequestOutcome") == "A"
    assert request.find("RequestOutcomeDate") is None


def test_a_college_by_ukprn_and_an_unknown_upn_with_its_reason(area: Sen2Area, today: dt.date):
    person = _person(etree.fromstring(_xml(area, today)), area.college)
    assert person.find("UPN") is None
    assert person.findtext("UPNunknown") == "UN2"
    detail = person.find("ActivePlans/PlacementDetail")
    assert detail.find("URN") is None
    assert detail.findtext("UKPRN") == area.college.plan.named_setting.ukprn


def test_a_setting_code_when_no_setting_is_named(area: Sen2Area, today: dt.date):
    plan = area.on_time.plan
    plan.named_setting, plan.setting_code = None, "EHE"
    plan.save()
    active = _person(etree.fromstring(_xml(area, today)), area.on_time).find("ActivePlans")
    assert active.findtext("PlacementDetail/SENsetting") == "EHE"
    assert active.find("PlacementDetail/URN") is None
