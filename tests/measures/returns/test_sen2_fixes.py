"""Each SEN2 validation failure links straight to the screen that fixes it (issue 9).

For every rule a record can fail through the data OpenSEND holds, a record is broken the
way an import or an older version of OpenSEND left it, the report is prepared, the
failure's link is followed as a SEN manager would, the fix is saved on that screen, and
the report prepared again no longer lists the failure. Rules about the dates of recorded
steps are fixed by correcting the step in the case's history: their link must at least
open the case there.
"""

import datetime as dt
import re
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from opensend.casework.models import Case, Plan
from opensend.measures.returns.presenters import RULE_FIXES
from opensend.measures.returns.sen2.validation import RULES
from opensend.people.models import Child, ChildNeed, Role
from opensend.statutory.identifiers import make_uln, make_upn
from tests.factories import (
    ChildFactory,
    ChildNeedFactory,
    LocalAuthorityFactory,
    SchoolFactory,
    case_with_final_plan,
    staff_user,
)

pytestmark = pytest.mark.django_db
CENSUS = "2027-01-21"
NAME = "Robin Example"


@pytest.fixture
def case() -> Case:
    la = LocalAuthorityFactory(la_code="929")
    child = ChildFactory(local_authority=la, legal_forename="Robin", legal_surname="Example",
                         ethnicity="WBRI", postcode="NR1 1AA", upn=make_upn(929, 2001, 20, 7))
    ChildNeedFactory(child=child, need="ASD", rank=1)
    return case_with_final_plan(child=child, received_on=dt.date(2026, 3, 2),
                                named_setting=SchoolFactory(local_authority=la))


@pytest.fixture
def manager(case: Case, staff_client: Callable) -> Client:
    return staff_client(staff_user(Role.SEN_MANAGER, case.local_authority))


def _report(client: Client) -> str:
    response = client.post(reverse("returns:sen2"), {"census": CENSUS})
    assert response.status_code == 302
    return client.get(response["Location"]).content.decode()


def _fix_link(report: str, rule: str) -> str | None:
    found = re.search(rf'href="([^"]+)">[^<]+<span class="govuk-visually-hidden"> for '
                      rf'{NAME}, rule {rule}</span></a>\s*<br>', report)
    return found.group(1).replace("&amp;", "&") if found else None


def _child_form(child: Child, version: int, **changes: str) -> dict[str, str]:
    needs = dict(child.needs.values_list("rank", "need"))
    data = {
        "version": str(version), "legal_forename": child.legal_forename,
        "legal_surname": child.legal_surname, "preferred_name": child.preferred_name,
        "date_of_birth-day": str(child.date_of_birth.day),
        "date_of_birth-month": str(child.date_of_birth.month),
        "date_of_birth-year": str(child.date_of_birth.year), "sex": child.sex,
        "ethnicity": child.ethnicity, "postcode": child.postcode, "upn": child.upn,
        "upn_unknown_reason": child.upn_unknown_reason, "uln": child.uln,
        "nhs_number": child.nhs_number, "primary_need": needs.get(1, ""),
        "secondary_need": needs.get(2, ""),
    }
    return {**data, **changes}


def _break_child(**fields: object) -> Callable[[Case], None]:
    return lambda case: Child.objects.filter(pk=case.child_id).update(**fields)


def _break_plan(**fields: object) -> Callable[[Case], None]:
    return lambda case: Plan.objects.filter(case=case).update(**fields)


def _no_needs(case: Case) -> None:
    ChildNeed.objects.filter(child=case.child_id).delete()


# rule -> (how the record was left broken, what the fixing screen is sent)
FIXABLE: dict[str, tuple[Callable[[Case], None], Callable[[Case], dict[str, str]]]] = {
    "P01": (_break_child(upn="", upn_unknown_reason=""),
            lambda case: {"upn": "", "upn_unknown_reason": "UN2"}),
    "P02": (_break_child(upn="B929200120007"),
            lambda case: {"upn": make_upn(929, 2001, 20, 8)}),
    "P03": (_break_child(uln="1234567890"), lambda case: {"uln": make_uln(12345678)}),
    "P04": (_break_child(sex=""), lambda case: {"sex": "F"}),
    "P05": (_break_child(ethnicity=""), lambda case: {"ethnicity": "REFU"}),
    "P06": (_break_child(postcode=""), lambda case: {"postcode": "nr1 1aa"}),
    "P07": (_break_child(date_of_birth=dt.date(2026, 4, 1)),
            lambda case: {"date_of_birth-year": "2016"}),
    "A01": (_no_needs, lambda case: {"primary_need": "SLCN"}),
    "A03": (_break_plan(named_setting=None, setting_code=""),
            lambda case: {"setting_code": "EHE"}),
    "A04": (_break_plan(named_setting=None, setting_code="XYZ"),
            lambda case: {"setting_code": "OLA"}),
}


def _form_data(case: Case, rule: str) -> dict[str, str]:
    case.refresh_from_db()
    changes = FIXABLE[rule][1](case)
    if rule.startswith("A0") and "setting_code" in changes:
        return {"version": str(case.version), **changes}
    child = Child.objects.get(pk=case.child_id)
    return _child_form(child, case.version, **changes)


@pytest.mark.parametrize("rule", sorted(FIXABLE))
def test_each_failure_is_fixed_from_the_screen_its_link_opens(
    rule: str, case: Case, manager: Client
) -> None:
    assert _fix_link(_report(manager), rule) is None, f"{rule} fails before the record is broken"
    FIXABLE[rule][0](case)
    link = _fix_link(_report(manager), rule)
    assert link is not None, f"{rule}: the report lists no failure with a link to fix it"
    assert manager.get(link).status_code == 200
    response = manager.post(link, _form_data(case, rule))
    assert response.status_code == 302, response.content.decode()[:3000]
    assert _fix_link(_report(manager), rule) is None, f"{rule} still fails after the fix"


def test_every_rule_links_to_a_screen_that_opens(case: Case, manager: Client) -> None:
    """Rules about the dates of recorded steps (R01-R09), and those the services cannot
    let fail (A02, A05), link to the case: the step is corrected in its history."""
    assert set(RULE_FIXES) == {rule.id for rule in RULES}
    for rule, fix in RULE_FIXES.items():
        url = reverse(fix.url_name, kwargs={"case_id": case.pk}) + fix.anchor
        assert manager.get(url).status_code == 200, rule
