"""Our SEN2 XML read the way the local-authority data community's SEN2 readers read it
(data-to-insight/patch apps/013_SEND_to_csv and apps/015_SEN2_app: Persons/Person, then
each repeated Requests element as one request, its Assessment/NamedPlan/PlanDetail, and
ActivePlans inside the Requests record). On a generated demo area the walk must recover
every request, assessment, plan and need the database holds for the return."""

import datetime as dt
from collections import defaultdict

import pytest
from lxml import etree

from opensend.casework.models import EhcRequest, Plan
from opensend.measures.returns.sen2.exports import area_cases, sen2_build
from opensend.measures.returns.sen2.records import activity_period
from opensend.nonprod.generator import generate_area
from opensend.nonprod.generator.store import demo_la
from opensend.people.models import ChildNeed

pytestmark = pytest.mark.django_db

CENSUS = dt.date(2027, 1, 21)


def _values(block: etree._Element, tags: tuple[str, ...]) -> dict[str, str | None]:
    """As the readers' get_values: each tag's text found directly in the block, or None."""
    return {tag: block.findtext(tag) for tag in tags}


def community_walk(xml: bytes) -> dict[str, list[dict[str, object]]]:
    """The readers' walk, table by table, keyed by the person's (Surname, Forename,
    PersonBirthDate) as the readers key rows by person."""
    tables: dict[str, list[dict[str, object]]] = defaultdict(list)
    for person in etree.fromstring(xml).find("Persons").findall("Person"):
        key = (person.findtext("Surname"), person.findtext("Forename"),
               person.findtext("PersonBirthDate"))
        tables["persons"].append({"key": key})
        for request in person.findall("Requests"):
            row = _values(request, ("ReceivedDate", "RequestOutcomeDate", "RequestOutcome"))
            tables["requests"].append({"key": key, **row})
            for assessment in request.findall("Assessment"):
                outcome = _values(assessment, ("AssessmentOutcome", "AssessmentOutcomeDate"))
                tables["assessments"].append({"key": key, **outcome})
                named = assessment.find("NamedPlan")
                if named is not None:
                    tables["named_plans"].append({"key": key, **_values(named, ("StartDate",))})
            active = request.find("ActivePlans")
            if active is not None:
                needs = [(n.findtext("SENtype"), n.findtext("SENtypeRank"))
                         for n in active.findall("SENneed")]
                places = [d.findtext("URN") or d.findtext("UKPRN") or d.findtext("SENSetting")
                          for d in active.findall("PlacementDetail")]
                tables["active_plans"].append({"key": key, "needs": needs, "places": places,
                                               "received": row["ReceivedDate"]})
    return tables


def _key(child) -> tuple[str, str, str]:
    return (child.legal_surname, child.legal_forename, child.date_of_birth.isoformat())


@pytest.fixture
def demo(today: dt.date):
    generate_area(seed=2026, children=120, today=today, progress=False)
    la = demo_la()
    assert la is not None
    return la


def test_the_community_walk_recovers_every_record(demo, today: dt.date):
    export = sen2_build(
        cases=area_cases(demo), local_authority=demo, census_date=CENSUS, today=today
    )
    assert export.schema_valid
    tables = community_walk(export.xml())
    keys = [row["key"] for row in tables["persons"]]
    assert len(keys) == len(set(keys)), "each person once"
    period = activity_period(CENSUS)

    # Every plan in place on the census date is reachable through its request, with the
    # request's received date (even for a plan made before the period) and every need.
    in_place = Plan.objects.filter(
        case__local_authority=demo, first_issued_on__lte=CENSUS
    ).exclude(ceased_on__lte=CENSUS).select_related("case__child", "case__request")
    assert in_place, "the demo has plans in place"
    active = {row["key"]: row for row in tables["active_plans"]}
    assert len(active) == len(tables["active_plans"]) == len(in_place)
    for plan in in_place:
        child = plan.case.child
        row = active[_key(child)]
        assert row["received"] == plan.case.request.received_on.isoformat()
        needs = ChildNeed.objects.filter(child=child).order_by("rank")
        assert row["needs"] == [(n.need, str(n.rank)) for n in needs]
        assert row["places"] and all(row["places"])

    # Every request received in the activity period is there with its received date.
    received = EhcRequest.objects.filter(
        case__local_authority=demo, received_on__range=(period.start, period.end)
    ).select_related("case__child")
    got = {(row["key"], row["ReceivedDate"]) for row in tables["requests"]}
    assert received
    for request in received:
        assert (_key(request.case.child), request.received_on.isoformat()) in got
    assert all(row["ReceivedDate"] for row in tables["requests"])

    # Every plan issued in the period is an assessment with outcome Y and a named plan.
    issued = Plan.objects.filter(
        case__local_authority=demo, first_issued_on__range=(period.start, period.end)
    ).select_related("case__child")
    assert issued
    starts = {(row["key"], row["StartDate"]) for row in tables["named_plans"]}
    outcomes = {(row["key"], row["AssessmentOutcomeDate"]) for row in tables["assessments"]
                if row["AssessmentOutcome"] == "Y"}
    for plan in issued:
        day = (_key(plan.case.child), plan.first_issued_on.isoformat())
        assert day in starts and day in outcomes
