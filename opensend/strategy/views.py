"""The strategy pages (issue 12, docs/strategy.md): thin views over the selectors,
services and presenters. Every page works without JavaScript."""

import datetime as dt
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_GET, require_http_methods

from opensend.core.audit import audit
from opensend.core.forms import posted
from opensend.core.models import AuditAction
from opensend.core.permissions import has_perm, permission_required
from opensend.core.render import render_page
from opensend.core.today import today
from opensend.core.uploads import UploadRefused, upload_response, upload_servable
from opensend.strategy import forms as f
from opensend.strategy import selectors as s
from opensend.strategy import services
from opensend.strategy.measure_page import measure_context
from opensend.strategy.presenters import Filters, action_row, default_since, plan_page
from opensend.strategy.publication.services import open_publication
from opensend.strategy.registers import presenters as registers
from opensend.strategy.registers import selectors as register_selectors

VIEW, EDIT, REPORT = "strategy.view_strategy", "strategy.edit_strategy", "strategy.report_progress"
GET_POST = require_http_methods(["GET", "POST"])



def _number(text: str | None) -> int | None:
    return int(text) if text and text.isascii() and text.isdigit() and len(text) < 10 else None


def _date(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text or "")
    except ValueError:
        return None


@permission_required(VIEW)
@require_GET
def strategies(request: HttpRequest) -> HttpResponse:
    found = s.strategies_for(request.user)  # type: ignore[arg-type]
    return render_page(
        request,
        "strategy/strategies.html",
        {"strategies": found, "may_edit": has_perm(request.user, EDIT)},
    )


@permission_required(VIEW)
@require_GET
def strategy(request: HttpRequest, strategy_id: int) -> HttpResponse:
    day = today()
    plan = s.strategy_plan(s.strategy_get(user=request.user, strategy_id=strategy_id))  # type: ignore[arg-type]
    query = request.GET
    since = _date(query.get("since")) or default_since(plan, day)
    filters = Filters(
        owner=_number(query.get("owner")),
        partner=_number(query.get("partner")),
        priority=_number(query.get("priority")),
        glance=query.get("status", "")[:10],
    )
    page = plan_page(plan, today=day, since=since, filters=filters)
    organisations = f.area_organisations(plan).order_by("name")
    return render_page(
        request,
        "strategy/strategy.html",
        {
            "page": page,
            "filters": filters,
            "organisations": organisations,
            "today": day,
            "may_edit": has_perm(request.user, EDIT),
            "publication": open_publication(plan),
            "may_publish": has_perm(request.user, "strategy.publish_strategy"),
            "risks": registers.risk_rows(register_selectors.open_risks(plan)),
            "coproduction": registers.coproduction_rows(register_selectors.coproduction_of(plan)),
        },
    )


def _strategy_form(request: HttpRequest, strategy_found: Any = None) -> HttpResponse:
    initial = None
    if strategy_found is not None:
        initial = {name: getattr(strategy_found, name) for name in f.StrategyForm.base_fields}
    form = f.StrategyForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        if strategy_found is None:
            la = s.editor_local_authority(request.user)  # type: ignore[arg-type]
            strategy_found = services.strategy_create(
                actor=request.user, local_authority=la, **form.cleaned_data
            )  # type: ignore[arg-type]
        else:
            services.strategy_update(strategy=strategy_found, **form.cleaned_data)
        messages.success(request, "The plan was saved")
        return redirect("strategy:strategy", strategy_found.pk)
    return render_page(
        request, "strategy/strategy_form.html", {"form": form, "strategy": strategy_found}
    )


@permission_required(EDIT)
@GET_POST
def strategy_new(request: HttpRequest) -> HttpResponse:
    return _strategy_form(request)


@permission_required(EDIT)
@GET_POST
def strategy_edit(request: HttpRequest, strategy_id: int) -> HttpResponse:
    return _strategy_form(request, s.strategy_get(user=request.user, strategy_id=strategy_id))  # type: ignore[arg-type]


@permission_required(EDIT)
@GET_POST
def priority_new(request: HttpRequest, strategy_id: int) -> HttpResponse:
    found = s.strategy_get(user=request.user, strategy_id=strategy_id)  # type: ignore[arg-type]
    form = f.PriorityForm(posted(request), strategy=found)
    if request.method == "POST" and form.is_valid():
        services.priority_create(strategy=found, **form.cleaned_data)
        messages.success(request, "The priority was added")
        return redirect("strategy:strategy", found.pk)
    context = {"form": form, "strategy": found, "priority": None}
    return render_page(request, "strategy/priority_form.html", context)


@permission_required(EDIT)
@GET_POST
def priority_edit(request: HttpRequest, priority_id: int) -> HttpResponse:
    found = s.priority_get(user=request.user, priority_id=priority_id)  # type: ignore[arg-type]
    initial = {name: getattr(found, name) for name in f.PriorityForm.base_fields}
    form = f.PriorityForm(posted(request), strategy=found.strategy, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.priority_update(actor=request.user, priority=found, **form.cleaned_data)  # type: ignore[arg-type]
        messages.success(request, "The priority was saved")
        return redirect("strategy:strategy", found.strategy_id)
    return render_page(
        request,
        "strategy/priority_form.html",
        {"form": form, "strategy": found.strategy, "priority": found},
    )


def _action_arguments(form: f.ActionForm) -> dict[str, Any]:
    data = dict(form.cleaned_data)
    data["priorities"] = list(data["priorities"])
    return data


@permission_required(EDIT)
@GET_POST
def action_new(request: HttpRequest, strategy_id: int) -> HttpResponse:
    found = s.strategy_get(user=request.user, strategy_id=strategy_id)  # type: ignore[arg-type]
    form = f.ActionForm(posted(request), strategy=found)
    if request.method == "POST" and form.is_valid():
        action = services.action_create(strategy=found, **_action_arguments(form))
        messages.success(request, "The action was added")
        return redirect("strategy:action", action.pk)
    return render_page(
        request, "strategy/action_form.html", {"form": form, "strategy": found, "action": None}
    )


@permission_required(EDIT)
@GET_POST
def action_edit(request: HttpRequest, action_id: int) -> HttpResponse:
    action = s.action_get(user=request.user, action_id=action_id)  # type: ignore[arg-type]
    initial = {
        name: getattr(action, name)
        for name in f.ActionForm.base_fields
        if name not in ("priorities", "partner_organisations")
    }
    initial["priorities"] = list(action.priorities.all())
    initial["partner_organisations"] = list(action.partner_organisations.all())
    form = f.ActionForm(posted(request), strategy=action.strategy, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.action_update(action=action, **_action_arguments(form))
        messages.success(request, "The action was saved")
        return redirect("strategy:action", action.pk)
    return render_page(
        request,
        "strategy/action_form.html",
        {"form": form, "strategy": action.strategy, "action": action},
    )


@permission_required(VIEW)
@require_GET
def action(request: HttpRequest, action_id: int) -> HttpResponse:
    found = s.action_get(user=request.user, action_id=action_id)  # type: ignore[arg-type]
    day = today()
    return render_page(
        request,
        "strategy/action.html",
        {
            "row": action_row(found, today=day),
            "action": found,
            "waiting_for": registers.waiting_for(found),
            "risks": registers.risk_rows(r for r in found.risks.all() if r.closed_on is None),
            "today": day,
            "may_edit": has_perm(request.user, EDIT),
            "may_report": has_perm(request.user, REPORT, found),
        },
    )


@permission_required(EDIT)
@GET_POST
def milestone_new(request: HttpRequest, action_id: int) -> HttpResponse:
    found = s.action_get(user=request.user, action_id=action_id)  # type: ignore[arg-type]
    form = f.MilestoneForm(posted(request))
    if request.method == "POST" and form.is_valid():
        services.milestone_create(action=found, **form.cleaned_data)
        messages.success(request, "The milestone was added")
        return redirect("strategy:action", found.pk)
    return render_page(request, "strategy/milestone_form.html", {"form": form, "action": found})


@permission_required(REPORT)
@require_http_methods(["POST"])
def milestone_done(request: HttpRequest, milestone_id: int) -> HttpResponse:
    """Mark a milestone done today: the plan's editors, or the action's owner."""
    found = s.milestone_get(user=request.user, milestone_id=milestone_id)  # type: ignore[arg-type]
    if not has_perm(request.user, REPORT, found.action):
        raise Http404("Not an action of yours")
    services.milestone_done(milestone=found, done_date=today())
    messages.success(request, f"“{found.title}” was marked done")
    return redirect("strategy:action", found.action_id)


@permission_required(REPORT)
@GET_POST
def progress_new(request: HttpRequest, action_id: int) -> HttpResponse:
    found = s.action_get(user=request.user, action_id=action_id)  # type: ignore[arg-type]
    if not has_perm(request.user, REPORT, found):
        raise Http404("Not an action of yours")
    day = today()
    form = f.ProgressForm(posted(request), request.FILES or None, today=day)
    if request.method == "POST" and form.is_valid():
        try:
            services.progress_report(action=found, actor=request.user, **form.cleaned_data)  # type: ignore[arg-type]
        except UploadRefused as refused:
            form.add_error("files", str(refused))
        else:
            messages.success(request, "Your update was added")
            return redirect("strategy:action", found.pk)
    return render_page(request, "strategy/progress_form.html", {"form": form, "action": found})


@permission_required(EDIT)
@GET_POST
def measure_new(request: HttpRequest, strategy_id: int) -> HttpResponse:
    found = s.strategy_get(user=request.user, strategy_id=strategy_id)  # type: ignore[arg-type]
    form = f.MeasureForm(posted(request), strategy=found)
    if request.method == "POST" and form.is_valid():
        try:
            measure = services.measure_create(strategy=found, **form.service_arguments())
        except (services.PlanRefused, ValidationError) as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, "The success measure was added")
            return redirect("strategy:measure", measure.pk)
    context = {"form": form, "strategy": found, "measure": None}
    return render_page(request, "strategy/measure_form.html", context)


@permission_required(EDIT)
@GET_POST
def measure_edit(request: HttpRequest, measure_id: int) -> HttpResponse:
    found = s.measure_get(user=request.user, measure_id=measure_id)  # type: ignore[arg-type]
    form = f.MeasureForm(
        posted(request), strategy=found.strategy, initial=f.measure_initial(found)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.measure_update(actor=request.user, measure=found, **form.service_arguments())  # type: ignore[arg-type]
        except (services.PlanRefused, ValidationError) as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, "The success measure was saved")
            return redirect("strategy:measure", found.pk)
    return render_page(
        request,
        "strategy/measure_form.html",
        {"form": form, "strategy": found.strategy, "measure": found},
    )


@permission_required(VIEW)
@require_GET
def measure(request: HttpRequest, measure_id: int) -> HttpResponse:
    found = s.measure_get(user=request.user, measure_id=measure_id)  # type: ignore[arg-type]
    context = {**measure_context(found, today()), "may_edit": has_perm(request.user, EDIT)}
    return render_page(request, "strategy/measure.html", context)


@permission_required(VIEW)
@require_GET
def evidence(request: HttpRequest, evidence_id: int) -> HttpResponse:
    found = s.evidence_get(user=request.user, evidence_id=evidence_id)  # type: ignore[arg-type]
    if not upload_servable(found.upload, request.user):
        raise Http404("This file is waiting for its virus scan, or cannot be served")
    audit(
        actor=request.user,
        action=AuditAction.DOWNLOAD,
        why="strategy evidence",
        detail={"evidence": found.pk, "upload": found.upload_id},
        request=request,
    )
    return upload_response(found.upload)
