"""A small area for the SEN2 and inspection tests, built through the casework services.

Census 21 January 2027, so the activity period is the calendar year 2026 (today in the
tests is 22 November 2026).
"""

import datetime as dt
from dataclasses import dataclass

from opensend.casework.models import Case, PanelQuestion, VersionKind
from opensend.casework.services.reviews import plan_cease
from opensend.people.models import Organisation
from tests.factories import (
    WEEK,
    ChildFactory,
    ChildNeedFactory,
    CollegeFactory,
    EnrolmentFactory,
    LocalAuthorityFactory,
    SchoolFactory,
    case_with_draft_plan,
    case_with_final_plan,
    case_with_request,
    clock_exception,
    panel_decide,
    plan_issue,
)

CENSUS = dt.date(2027, 1, 21)


@dataclass
class Sen2Area:
    la: Organisation
    school: Organisation
    on_time: Case  # plan issued within 20 weeks in 2026
    refused: Case  # request refused in 2026
    excepted: Case  # plan issued late in 2026, with a Reg 13(3) exception; no setting (A03)
    late: Case  # plan issued late in 2026, no exception; no setting named (fails A03)
    ceased: Case  # plan issued in 2025, ceased in 2026 (moved to another LA)
    awaiting: Case  # request received in November 2026, no decision yet
    college: Case  # plan issued in 2026 naming a college (UKPRN, no URN)


def _child(la: Organisation, *needs: str, **fields: object):
    child = ChildFactory(local_authority=la, **fields)
    for rank, need in enumerate(needs, start=1):
        ChildNeedFactory(child=child, need=need, rank=rank)
    return child


def _late_plan(la: Organisation, received: dt.date, exception: bool) -> Case:
    case = case_with_draft_plan(child=_child(la, "SEMH"), received_on=received)
    if exception:
        clock_exception(case, start=received + 3 * WEEK, end=received + 10 * WEEK)
    plan_issue(case, kind=VersionKind.FINAL, issued_on=received + 24 * WEEK)
    case.refresh_from_db()
    return case


def build_area() -> Sen2Area:
    la = LocalAuthorityFactory(la_code="929", name="Northmoor Council")
    school = SchoolFactory(local_authority=la)
    college = CollegeFactory(local_authority=la)
    child = _child(la, "ASD", "SLCN")
    EnrolmentFactory(child=child, setting=school, start=dt.date(2022, 9, 1))
    on_time = case_with_final_plan(
        child=child, received_on=dt.date(2026, 3, 2), named_setting=school
    )
    refused = case_with_request(child=_child(la, "MLD"), received_on=dt.date(2026, 5, 4))
    refused = panel_decide(
        refused, question=PanelQuestion.ASSESS, agreed=False, met_on=dt.date(2026, 6, 1)
    )
    EnrolmentFactory(child=refused.child, setting=school, start=dt.date(2021, 9, 1))
    ceased = case_with_final_plan(child=_child(la, "PD"), received_on=dt.date(2025, 1, 6))
    plan_cease(
        actor=ceased.caseworker,
        case=ceased,
        ceased_on=dt.date(2026, 9, 1),
        reason="5",
        today=dt.date(2026, 11, 22),
        expected_version=ceased.version,
    )
    student = _child(la, "SLD", date_of_birth=dt.date(2009, 3, 1), upn="", upn_unknown_reason="UN2")
    college_case = case_with_final_plan(
        child=student, received_on=dt.date(2026, 2, 2), named_setting=college
    )
    return Sen2Area(
        la=la,
        school=school,
        on_time=on_time,
        refused=refused,
        excepted=_late_plan(la, dt.date(2026, 1, 5), exception=True),
        late=_late_plan(la, dt.date(2026, 1, 12), exception=False),
        ceased=ceased,
        awaiting=case_with_request(child=_child(la, "HI"), received_on=dt.date(2026, 11, 2)),
        college=college_case,
    )
