"""The pages of a plan's registers: risks (add, change, close), dependencies between
actions (add, remove), co-production evidence (add, change). Editors only; readers see
them on the plan and action pages. Every page works without JavaScript."""

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from opensend.core.forms import posted
from opensend.core.permissions import permission_required
from opensend.core.render import render_page
from opensend.core.today import today
from opensend.strategy import selectors as plans
from opensend.strategy.registers import forms as f
from opensend.strategy.registers import selectors as s
from opensend.strategy.registers import services
from opensend.strategy.services import PlanRefused

EDIT = "strategy.edit_strategy"
GET_POST = require_http_methods(["GET", "POST"])
POST = require_http_methods(["POST"])



def _risk_form(request: HttpRequest, strategy: Any, risk: Any = None) -> HttpResponse:
    initial = None
    if risk is not None:
        initial = {name: getattr(risk, name) for name in f.RiskForm.base_fields}
    form = f.RiskForm(posted(request), strategy=strategy, today=today(), initial=initial)
    if request.method == "POST" and form.is_valid():
        if risk is None:
            risk = services.risk_create(actor=request.user, strategy=strategy, **form.cleaned_data)  # type: ignore[arg-type]
        else:
            services.risk_update(actor=request.user, risk=risk, **form.cleaned_data)  # type: ignore[arg-type]
        messages.success(request, "The risk was saved")
        return redirect("strategy:strategy", strategy.pk)
    context = {"form": form, "strategy": strategy, "risk": risk}
    return render_page(request, "strategy/risk_form.html", context)


@permission_required(EDIT)
@GET_POST
def risk_new(request: HttpRequest, strategy_id: int) -> HttpResponse:
    return _risk_form(request, plans.strategy_get(user=request.user, strategy_id=strategy_id))  # type: ignore[arg-type]


@permission_required(EDIT)
@GET_POST
def risk_edit(request: HttpRequest, risk_id: int) -> HttpResponse:
    found = s.risk_get(user=request.user, risk_id=risk_id)  # type: ignore[arg-type]
    return _risk_form(request, found.strategy, found)


@permission_required(EDIT)
@POST
def risk_close(request: HttpRequest, risk_id: int) -> HttpResponse:
    found = s.risk_get(user=request.user, risk_id=risk_id)  # type: ignore[arg-type]
    services.risk_close(actor=request.user, risk=found, closed_on=today())  # type: ignore[arg-type]
    messages.success(request, "The risk was closed")
    return redirect("strategy:strategy", found.strategy_id)


@permission_required(EDIT)
@GET_POST
def dependency_new(request: HttpRequest, action_id: int) -> HttpResponse:
    found = plans.action_get(user=request.user, action_id=action_id)  # type: ignore[arg-type]
    form = f.DependencyForm(posted(request), action=found)
    if request.method == "POST" and form.is_valid():
        try:
            services.dependency_add(actor=request.user, action=found, **form.cleaned_data)  # type: ignore[arg-type]
        except PlanRefused as refused:
            form.add_error("depends_on", str(refused))
        else:
            messages.success(request, "The dependency was added")
            return redirect("strategy:action", found.pk)
    return render_page(request, "strategy/dependency_form.html", {"form": form, "action": found})


@permission_required(EDIT)
@POST
def dependency_remove(request: HttpRequest, dependency_id: int) -> HttpResponse:
    found = s.dependency_get(user=request.user, dependency_id=dependency_id)  # type: ignore[arg-type]
    services.dependency_remove(actor=request.user, dependency=found)  # type: ignore[arg-type]
    messages.success(request, "The dependency was removed")
    return redirect("strategy:action", found.action_id)


def _coproduction_form(request: HttpRequest, strategy: Any, evidence: Any = None) -> HttpResponse:
    initial = None if evidence is None else f.coproduction_initial(evidence)
    form = f.CoProductionForm(posted(request), strategy=strategy, today=today(), initial=initial)
    if request.method == "POST" and form.is_valid():
        if evidence is None:
            services.coproduction_create(
                actor=request.user,
                strategy=strategy,
                **form.service_arguments(),  # type: ignore[arg-type]
            )
        else:
            services.coproduction_update(
                actor=request.user,
                evidence=evidence,
                **form.service_arguments(),  # type: ignore[arg-type]
            )
        messages.success(request, "The co-production evidence was saved")
        return redirect("strategy:strategy", strategy.pk)
    context = {"form": form, "strategy": strategy, "evidence": evidence}
    return render_page(request, "strategy/coproduction_form.html", context)


@permission_required(EDIT)
@GET_POST
def coproduction_new(request: HttpRequest, strategy_id: int) -> HttpResponse:
    found = plans.strategy_get(user=request.user, strategy_id=strategy_id)  # type: ignore[arg-type]
    return _coproduction_form(request, found)


@permission_required(EDIT)
@GET_POST
def coproduction_edit(request: HttpRequest, coproduction_id: int) -> HttpResponse:
    found = s.coproduction_get(user=request.user, coproduction_id=coproduction_id)  # type: ignore[arg-type]
    return _coproduction_form(request, found.strategy, found)
