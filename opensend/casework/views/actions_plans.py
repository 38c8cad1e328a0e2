"""The plan editor: the working version's sections A to K, each saved as you go."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from opensend.casework.forms import PlanSectionForm
from opensend.casework.forms.plans import default_kind, plan_state, section_wording
from opensend.casework.models import Case
from opensend.casework.plan_sections import SECTION_BY_CODE, SECTIONS, Section, empty_sections
from opensend.casework.presenters.plan import plan_overview, section_href
from opensend.casework.services.common import ConflictError
from opensend.casework.services.plans import plan_version_save
from opensend.casework.views.actions_common import action_case
from opensend.core.forms import posted
from opensend.core.permissions import permission_required
from opensend.core.render import render_page
from opensend.core.today import today


@permission_required("casework.change_case")
@require_GET
def plan_edit(request: HttpRequest, case_id: int) -> HttpResponse:
    """The plan's sections with where each stands, and the actions that issue it."""
    case = action_case(request, case_id, "edit the plan")
    state = plan_state(case)
    return render_page(request, "casework/plan_overview.html", {
        "case": case, "state": state, "overview": plan_overview(case, state)})


def _section_of(code: str) -> Section:
    section = SECTION_BY_CODE.get(code.upper())
    if section is None:
        raise Http404
    return section


@permission_required("casework.change_case")
@require_http_methods(["GET", "POST"])
def plan_section(request: HttpRequest, case_id: int, section: str) -> HttpResponse:
    return _plan_section(request, case_id, _section_of(section))


def _plan_section(request: HttpRequest, case_id: int, section: Section) -> HttpResponse:
    case = action_case(request, case_id, "edit the plan")
    state = plan_state(case)
    sections = state.latest.sections if state.latest else empty_sections()
    form = PlanSectionForm(posted(request), case=case, today=today(), section=section,
                           sections=sections, add_row=request.GET.get("add") == "1")
    if request.method == "POST" and form.is_valid():
        action = request.POST.get("action", "continue")
        removed = _removed_row(action)
        value = form.value(without=removed)
        try:
            saved = plan_version_save(
                actor=request.user, case=case, kind=default_kind(case, state),
                sections={section.code: value}, today=form.today,
                expected_version=form.expected_version)
        except ConflictError as error:
            case.refresh_from_db(fields=["version", "stage"])
            form.conflict(str(error), case.version)
        else:
            found = section_wording(section, value, saved.sections).found
            _saved_message(request, section, found, removed)
            return redirect(_after_save(case, section, action, len(value), found))
    return render_page(request, "casework/plan_section.html", {
        "case": case, "state": state, "form": form, "section": section,
        "is_case_change": True, "next_section": _next(section)})


def _removed_row(action: str) -> int | None:
    if not action.startswith("remove-"):
        return None
    try:
        return int(action.removeprefix("remove-"))
    except ValueError:
        return None


def _saved_message(request: HttpRequest, section: Section, found: tuple[str, ...],
                   removed: int | None) -> None:
    saved = f"Section {section.code} saved" + (f": row {removed} removed" if removed else "")
    if not found:
        messages.success(request, saved)
        return
    quoted = ", ".join(f"\u2018{word}\u2019" for word in found)
    messages.warning(request, (
        f"{saved}. Check these words: {quoted}. Say exactly what, how much and how often, "
        "and write each abbreviation in full (or spell it out once, in brackets after the "
        "words)."))


def _next(section: Section) -> Section | None:
    index = SECTIONS.index(section)
    return SECTIONS[index + 1] if index + 1 < len(SECTIONS) else None


def _after_save(case: Case, section: Section, action: str, rows: int,
                found: tuple[str, ...]) -> str:
    here = section_href(case, section.code)
    if action == "add":
        return f"{here}?add=1#row-{rows + 1}"
    if action.startswith("remove-") or (found and action == "continue"):
        return here
    following = _next(section)
    if action == "continue" and following is not None:
        return section_href(case, following.code)
    return reverse("casework:plan_edit", args=[case.pk])
