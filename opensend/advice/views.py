"""The advice giver's pages (issue 11, item 2): their queue, what one request needs,
the structured advice; the oversight of timeliness; and the caseworker's "add the advice
to the plan", section by section."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_GET, require_http_methods

from opensend.advice import presenters
from opensend.advice.forms import AdviceForm, AdvicePullSectionsForm
from opensend.advice.models import Answer
from opensend.advice.selectors import (
    OPEN,
    SUBMITTED,
    advice_oversight,
    advice_queue,
    advice_queue_count,
    advice_request_for_adviser,
    oversight_services,
    what_the_advice_needs,
)
from opensend.advice.services import (
    advice_submit,
    latest_advice,
    plan_advice_sections_pull,
    section_content,
)
from opensend.casework.services.advice import AdviceError
from opensend.casework.services.common import ConflictError, OrderRefused
from opensend.casework.views.actions_common import advice_request_get, case_form_page
from opensend.core.forms import posted
from opensend.core.pagination import govuk_pagination, page_of
from opensend.core.permissions import permission_required
from opensend.core.render import render_page
from opensend.core.today import today
from opensend.core.uploads import UploadRefused
from opensend.people.models import AdviceService
from opensend.statutory.advice import answer_meets_step, timeliness_of
from opensend.statutory.clock import ClockError

PAGE_SIZE = 25
SUBMITTED_MESSAGES = {
    True: "Your advice was sent to the council today: the advice step is met",
    False: "The council has been told you need to see the child first. Your advice is "
           "still due by the date shown",
}


@permission_required("advice.view_queue")
@require_GET
def queue(request: HttpRequest) -> HttpResponse:
    """The requests addressed to the adviser's organisation, soonest due first."""
    status = SUBMITTED if request.GET.get("status") == SUBMITTED else OPEN
    total = advice_queue_count(user=request.user, status=status)
    page = page_of(request.GET.get("page"), total=total, size=PAGE_SIZE)
    rows = advice_queue(user=request.user, status=status, limit=page.size, offset=page.offset,
                        request=request)
    return render_page(request, "advice/queue.html", {
        "rows": presenters.queue_rows(rows, today()), "status": status, "page": page,
        "pagination": govuk_pagination(page, path=request.path, query={"status": status})})


@permission_required("advice.give_advice")
@require_GET
def request_page(request: HttpRequest, advice_id: int) -> HttpResponse:
    """Only what the advice needs: identity, setting, needs, the request, family views."""
    advice = advice_request_for_adviser(user=request.user, advice_id=advice_id,
                                        why="read what the advice needs", request=request)
    return render_page(request, "advice/request.html", {
        "advice": advice, "needed": what_the_advice_needs(advice=advice, today=today()),
        "row": presenters.queue_rows([advice], today())[0]})


@permission_required("advice.give_advice")
@require_http_methods(["GET", "POST"])
def submit(request: HttpRequest, advice_id: int) -> HttpResponse:
    advice = advice_request_for_adviser(user=request.user, advice_id=advice_id,
                                        why="give advice", request=request)
    form = AdviceForm(posted(request), request.FILES or None, advice=advice)
    if request.method == "POST" and form.is_valid():
        arguments = form.service_arguments()
        try:
            advice_submit(actor=request.user, advice=advice, today=today(), **arguments)
        except (AdviceError, ConflictError, OrderRefused, ClockError, UploadRefused) as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, SUBMITTED_MESSAGES[answer_meets_step(arguments["answer"])])
            return redirect("advice:request", advice.pk)
    return render_page(request, "advice/submit.html", {
        "advice": advice, "form": form, "row": presenters.queue_rows([advice], today())[0],
        "answers": Answer})


@permission_required("advice.view_oversight")
@require_GET
def oversight(request: HttpRequest) -> HttpResponse:
    """Every health (DCO) or social care advice request of the area, with timeliness."""
    services = oversight_services(request.user)
    service = request.GET.get("service") if request.GET.get("service") in services else services[0]
    rows = presenters.oversight_rows(
        advice_oversight(user=request.user, service=service, request=request), today())
    page = page_of(request.GET.get("page"), total=len(rows), size=PAGE_SIZE)
    return render_page(request, "advice/oversight.html", {
        "rows": rows[page.offset : page.offset + page.size], "service": service,
        "services": [(s, AdviceService(s).label) for s in services],
        "label": AdviceService(service).label, "page": page,
        "timeliness": timeliness_of(row.status for row in rows),
        "pagination": govuk_pagination(page, path=request.path, query={"service": service})})


@permission_required("casework.change_case")
@require_http_methods(["GET", "POST"])
def plan_pull(request: HttpRequest, advice_id: int) -> HttpResponse:
    """The caseworker adds the structured advice to the plan, section by section."""
    advice = advice_request_get(request, advice_id, "add advice to the plan")
    submission = latest_advice(advice)
    if submission is None:  # nothing structured: the free-text summary's page
        return redirect("casework:advice_pull", advice.pk)
    offered = list(section_content(advice, submission))
    form = AdvicePullSectionsForm(posted(request), advice=advice, offered=offered, today=today())
    added: list[str] = []
    return case_form_page(
        request, case=advice.case, form=form, template="advice/plan_pull.html",
        context={"advice": advice, "submission": submission},
        success=lambda: f"The advice was added to the plan: section {', '.join(added)}",
        save=lambda: added.extend(plan_advice_sections_pull(
            actor=request.user, advice=advice, sections=form.cleaned_data["sections"],
            today=form.today, expected_version=form.expected_version)))
