"""Pages for parents, carers and young people: their EHC journey in plain English.

Families see the statutory steps and dates, their caseworker and the issued plans;
never the internal history notes.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from opensend.casework.family_selectors import case_documents
from opensend.casework.presenters import pages as presenters
from opensend.casework.presenters.family import family_stage
from opensend.casework.presenters.family_pages import document_rows, what_happened
from opensend.casework.selectors import (
    case_get,
    case_timeline,
    decision_letters,
    family_children,
    plan_versions,
)
from opensend.casework.views.case import clock_or_error
from opensend.core.permissions import permission_required
from opensend.core.render import render_page
from opensend.core.today import today
from opensend.people.models import UserKind


@permission_required("casework.view_family_plans")
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    children = family_children(user=request.user, today=today(), request=request)
    return render_page(
        request,
        "casework/family_home.html",
        {
            "children": children,
            "young_person": request.user.kind == UserKind.YOUNG_PERSON,
            "stage_text": family_stage,
        },
    )


def _team() -> dict[str, str]:
    return {"email": settings.SEND_TEAM_EMAIL, "phone": settings.SEND_TEAM_PHONE}


@permission_required("casework.view_family_plans")
@require_GET
def case_page(request: HttpRequest, case_id: int) -> HttpResponse:
    day = today()
    case = case_get(
        user=request.user, case_id=case_id, today=day, why="family case page", request=request
    )
    timeline = case_timeline(case)
    page = presenters.family_case_page(
        case,
        clock=clock_or_error(case, timeline["events"], day)[0],
        stored_steps=timeline["steps"],
        versions=plan_versions(case),
        own_record=case.child.young_person_user_id == request.user.pk,
        today=day,
    )
    return render_page(request, "casework/family_case.html",
                       {"case": case, "page": page, "letters": decision_letters(case),
                        "happened": what_happened(timeline["events"]), "team": _team()})


@permission_required("casework.view_family_plans")
@require_GET
def documents(request: HttpRequest, case_id: int) -> HttpResponse:
    """Every document sent on the case, newest first, with the right of appeal."""
    day = today()
    case = case_get(
        user=request.user, case_id=case_id, today=day, why="family documents", request=request
    )
    clock = clock_or_error(case, case_timeline(case)["events"], day)[0]
    rows = document_rows(case_documents(case), clock.steps if clock else (), day)
    return render_page(request, "casework/family_documents.html",
                       {"case": case, "rows": rows, "team": _team(),
                        "own_record": case.child.young_person_user_id == request.user.pk})
