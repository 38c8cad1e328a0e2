"""Pages for parents, carers and young people: their EHC journey in plain English.

Families see the statutory steps and dates, their caseworker and the issued plans;
never the internal history notes.
"""

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from opensend.casework.presenters import pages as presenters
from opensend.casework.presenters.family import family_stage
from opensend.casework.selectors import case_get, case_timeline, family_children, plan_versions
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
    return render_page(request, "casework/family_case.html", {"case": case, "page": page})
