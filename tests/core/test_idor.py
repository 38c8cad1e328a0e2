"""No insecure direct object reference (security.md goal 2; ASVS 8.2.2, 8.4.1).

For every route that takes a record's id (case_id, advice_id, review_id, a plan version's
number...), a user of each role with NO relationship to the record (a caseworker of other
cases, a SENCO of another school, an advice giver not asked, a parent of another child,
another young person, an analyst...) is refused with 404, on GET and POST, for pages,
actions and downloads alike:

- the answer is the same as for an id that does not exist, so it reveals nothing;
- nothing is written;
- and the refusal is in the audit log (action "denied").

The record is Tom's (tests/personas.py); the users are personas.UNRELATED_PERSONAS.
"""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from opensend.casework.models import (
    AdviceFile,
    AdviceRequest,
    AnnualReview,
    Case,
    CaseEvent,
    ClockException,
    Dispute,
    IssuedDocument,
    PlanVersion,
)
from opensend.contributions.models import (
    AllAboutMe,
    AllAboutMeUse,
    DraftComment,
    FamilyRequest,
    MeetingRequest,
    PreferredSetting,
)
from opensend.core.models import AuditAction, AuditEvent
from opensend.dataprotection.models import ErasureRequest, SubjectAccessRequest
from tests.core.test_routes import OBJECT_IDS, ROUTED, ROUTES, url_for
from tests.personas import UNRELATED_PERSONAS, World

# Routes that take an id of a record someone may not see. Public routes (the Local
# Offer's ORUK API) hold no personal data: anyone may read every object they name.
# Local Offer feedback (task: feedback): every directory editor triages all of it (no
# record belongs to one editor) and it names no child; tests/core/test_routes.py and
# tests/directory/test_feedback_triage.py check that every other role gets 404.
ROLE_WIDE_ROUTES = {"feedback:item"}
# Local Offer editorial (issue 4): directory listings are not child records, and every
# directory editor may open all of them; providers are kept to their own organisation's
# listings by tests/directory/test_editorial_access.py.
ROLE_WIDE_ROUTES |= {name for name in ROUTED if name.startswith("editorial:")}
# strategy (issue 12): a partnership's plans hold no child's record, and every reader of
# the area may open all of them; staff of another area get 404
# (tests/strategy/test_views.py test_another_areas_staff_see_nothing).
ROLE_WIDE_ROUTES |= {name for name in ROUTED if name.startswith("strategy:")}
# strategy import, export and board (issue 12, branch i12-io): a plan is the area's, not a
# child's, and every partner of the area may read it; another area's staff get 404 and a
# pending import is its uploader's alone: tests/strategy/test_area_scope.py.
ROLE_WIDE_ROUTES |= {
    name for name in ROUTED
    if name.startswith(("strategy_import:", "strategy_export:", "strategy_board:"))
}  # fmt: skip
# A plan's public page (issue 12 item 6, branch s4-public) is public: anyone may read a
# published plan; an unpublished one is the same 404 for everyone
# (test_an_unpublished_plan_is_the_same_404_for_everyone below).
# measures dashboard (issue 3): an indicator's code and a month name no record; who may
# use those routes is the route matrix's to check (tests/core/test_routes.py).
NOT_RECORD_IDS = frozenset({"code", "month"})
OBJECT_ROUTES = sorted(
    name
    for name, found in ROUTED.items()
    if set(found.kwargs) - NOT_RECORD_IDS
    and name in ROUTES
    and not ROUTES[name].public
    and name not in ROLE_WIDE_ROUTES
)
NO_SUCH_ID = 99_999_999


def nonexistent(name: str) -> str:
    return reverse(name, kwargs=dict.fromkeys(ROUTED[name].kwargs, NO_SUCH_ID))


def state(world: World) -> dict[str, object]:
    """What an action could change: compared before and after the unrelated requests."""
    case = Case.objects.get(pk=world.tom.case.pk)
    return {
        "version": case.version,
        "stage": case.stage,
        "events": CaseEvent.objects.count(),
        "advice": list(AdviceRequest.objects.values_list("pk", "received_on", "times_chased")),
        "advice_files": AdviceFile.objects.count(),
        "reviews": list(AnnualReview.objects.values_list("pk", "decision_on", "outcome")),
        "plan_versions": PlanVersion.objects.count(),
        "issued_documents": IssuedDocument.objects.count(),
        "exceptions": ClockException.objects.count(),
        "disputes": Dispute.objects.count(),
        "cases": Case.objects.count(),
        # the family's contributions (issue 11 item 1)
        "family_contributions": [
            model.objects.count()
            for model in (
                DraftComment,
                MeetingRequest,
                PreferredSetting,
                FamilyRequest,
                AllAboutMe,
                AllAboutMeUse,
            )
        ],
        # subject access and erasure requests (issue 13 item 3)
        "access_requests": list(
            SubjectAccessRequest.objects.values_list("pk", "due_on", "extended_on", "completed_on")
        ),
        "erasure_requests": list(
            ErasureRequest.objects.values_list(
                "pk", "due_on", "extended_on", "decided_on", "outcome"
            )
        ),
    }


def test_there_are_object_routes_to_check():
    assert OBJECT_ROUTES, "no route takes an id: has the URL configuration changed?"


def test_every_id_a_route_takes_is_known():
    for name in OBJECT_ROUTES:
        unknown = set(ROUTED[name].kwargs) - set(OBJECT_IDS)
        assert not unknown, f"{name}: add {unknown} to OBJECT_IDS in tests/core/test_routes.py"


@pytest.mark.parametrize("name", OBJECT_ROUTES)
def test_unrelated_users_get_404_and_the_refusal_is_audited(
    name: str, world: World, client_for, today: dt.date
):
    tom = world.tom
    url = url_for(name, tom, tom)
    before = state(world)
    wrong = []
    for role, persona in UNRELATED_PERSONAS.items():
        user = world.people[persona]
        client: Client = client_for(user)
        for method in ("GET", "POST"):
            denials = AuditEvent.objects.filter(actor=user, action=AuditAction.DENIED, path=url)
            before_denials = denials.count()
            got = _status(client, method, url)
            missing = _status(client, method, nonexistent(name))
            who = f"{role} ({persona}) {method}"
            if got != missing:
                wrong.append(f"{who}: {got} for Tom's record, {missing} for no record at all")
            elif got != 404 and (got != 405 or accepts(name, method)):
                wrong.append(f"{who}: expected 404, got {got}")
            elif got == 404 and denials.count() <= before_denials:
                wrong.append(f"{who}: refused, but no 'denied' row in the audit log")
    assert not wrong, f"{name} {url}:\n" + "\n".join(wrong)
    assert state(world) == before, f"{name}: an unrelated user's request changed something"


def accepts(name: str, method: str) -> bool:
    """Whether the route takes `method` at all (405 for everyone if not)."""
    route = ROUTES[name]
    return (route.get if method == "GET" else route.post) not in (None, 405)


def _status(client: Client, method: str, url: str) -> int:
    response = client.get(url) if method == "GET" else client.post(url, {})
    return response.status_code


def test_advice_files_are_refused_to_unrelated_users(world: World, client_for, today: dt.date):
    """A file sent with an advice request (advice, issue 9): checked by name as well."""
    url = reverse("casework:advice_file", kwargs={"file_id": world.tom.advice_file.pk})
    for role, persona in UNRELATED_PERSONAS.items():
        response = client_for(world.people[persona]).get(url)
        assert response.status_code == 404, role
        assert "Content-Disposition" not in response, role


def test_downloads_are_refused_to_unrelated_users(world: World, client_for, today: dt.date):
    """The plan itself, the most sensitive document: checked by name as well."""
    version = world.tom.plan_version
    assert version is not None and version.issued_on is not None
    for name in ("casework:plan_pdf", "casework:plan_docx"):
        if name not in ROUTED:
            continue
        url = reverse(name, kwargs={"case_id": world.tom.case.pk, "number": version.number})
        for role, persona in UNRELATED_PERSONAS.items():
            response = client_for(world.people[persona]).get(url)
            assert response.status_code == 404, (name, role)
            assert "Content-Disposition" not in response, (name, role)


def test_an_unpublished_plan_is_the_same_404_for_everyone(world: World, client_for, today: dt.date):
    """The public page of a plan (issue 12 item 6, ADR 0034) takes ids anyone can type.
    For an adopted plan that is not published, every persona (its own lead included) and a
    signed-out visitor get the same 404 as for no plan at all, and never its title."""
    from tests.strategy.plan_world import matrix_plan

    strategy = matrix_plan().strategy
    area = strategy.local_authority_id
    url = reverse("public_strategy:strategy", kwargs={"area_id": area, "plan_id": strategy.pk})
    missing = reverse("public_strategy:strategy", kwargs={"area_id": area, "plan_id": NO_SUCH_ID})
    clients = [Client(), *(client_for(user) for user in world.people.values())]
    for client in clients:
        response = client.get(url)
        assert response.status_code == client.get(missing).status_code == 404
        assert strategy.title not in response.content.decode()


# --- the adviser asked about Tom reaches him only through the request (ADR 0035) --------

# Aled was asked for Tom's health advice: his request's pages and its files, nothing else.
ADVISER_REACHES = {"advice:request", "advice:give", "casework:advice_file"}


def test_the_adviser_asked_reaches_tom_only_through_the_advice_request(
    world: World, client_for, today: dt.date
):
    aled = world.persona("advice_giver")
    client: Client = client_for(aled)
    wrong = []
    for name in OBJECT_ROUTES:
        if not (ROUTES[name].get or 0) or ROUTES[name].get == 405:
            continue
        expected = 200 if name in ADVISER_REACHES else 404
        got = _status(client, "GET", url_for(name, world.tom, world.tom))
        if got != expected:
            wrong.append(f"{name}: expected {expected}, got {got}")
    assert not wrong, "\n".join(wrong)
