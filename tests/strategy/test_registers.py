"""Changing priorities and success measures; a plan's risks, dependencies and co-production
evidence (strategy/registers/); and another area's staff refused on every strategy route
that names a record (the IDOR test leaves strategy routes to this file and test_area_scope)."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from opensend.core.models import AuditAction, AuditEvent
from opensend.strategy import services
from opensend.strategy.models import (
    ActionDependency,
    CoProductionEvidence,
    Priority,
    Risk,
    SuccessMeasure,
)
from opensend.strategy.registers.presenters import risk_level
from opensend.strategy.registers.services import waits_for
from tests.core.test_routes import ROUTED
from tests.strategy.plan_world import matrix_register


def _page(client, name, *args):
    response = client.get(reverse(name, args=args))
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def _date(name, day):
    return {f"{name}-day": day.day, f"{name}-month": day.month, f"{name}-year": day.year}


@pytest.mark.parametrize(
    ("likelihood", "impact", "level"),
    [("low", "low", "Low"), ("low", "medium", "Low"), ("medium", "medium", "Medium"),
     ("high", "low", "Medium"), ("low", "high", "Medium"), ("high", "medium", "High"),
     ("high", "high", "High")],
)  # fmt: skip
def test_risk_level(likelihood, impact, level):
    assert risk_level(likelihood, impact) == level


@pytest.mark.parametrize(
    ("edges", "start", "found"),
    [([], 1, set()), ([(1, 2)], 1, {2}), ([(1, 2), (2, 3), (3, 4)], 1, {2, 3, 4}),
     ([(1, 2), (2, 1)], 1, {1, 2}), ([(2, 1)], 1, set())],
)  # fmt: skip
def test_waits_for(edges, start, found):
    assert waits_for(edges, start) == found


def test_a_lead_changes_a_priority_and_a_measure(plan, staff_client, sam, area):
    client = staff_client(sam)
    priority = plan.strategy.priorities.get(order=2)
    url = reverse("strategy:priority_edit", args=[priority.pk])
    assert "Reviews that change things" in _page(client, "strategy:priority_edit", priority.pk)
    assert "Enter the priority" in client.post(url, {"title": ""}).content.decode()
    response = client.post(url, {"title": "Reviews that lead to change", "right_when": "Sooner"})
    priority.refresh_from_db()
    assert response.status_code == 302 and priority.title == "Reviews that lead to change"
    measure = plan.timeliness
    url = reverse("strategy:measure_edit", args=[measure.pk])
    form = _page(client, "strategy:measure_edit", measure.pk)
    assert 'value="SEN2 2025"' in form and f'value="action-{plan.timely.pk}" selected' in form
    fields = {"belongs_to": f"action-{plan.timely.pk}", "title": "85% of plans in 20 weeks",
              "kind": "indicator", "indicator_code": measure.indicator_code,
              "baseline_source": "typed", **_date("baseline_date", dt.date(2026, 1, 1)),
              "baseline_note": "SEN2 2025", "target_value": "85",
              **_date("target_date", dt.date(2027, 1, 1)), "direction": "higher"}  # fmt: skip
    refused = client.post(url, {**fields, "baseline_value": ""}).content.decode()
    assert "Enter the baseline value" in refused  # checked as when it was added
    assert client.post(url, {**fields, "indicator_code": "no_such"}).status_code == 200
    response = client.post(url, {**fields, "baseline_value": "40"})
    measure.refresh_from_db()
    assert response.status_code == 302 and measure.target_value == 85
    assert AuditEvent.objects.filter(action=AuditAction.CHANGE, why="Changed a success measure")


def test_risks_are_added_changed_and_closed(plan, staff_client, sam, ann, today):
    client = staff_client(sam)
    url = reverse("strategy:risk_new", args=[plan.strategy.pk])
    refused = client.post(url, {**_date("raised_on", today + dt.timedelta(days=1))})
    assert "Enter the risk" in refused.content.decode()
    assert "must be today or in the past" in refused.content.decode()
    for description, likelihood, impact, action in (
        ("Too few educational psychologists", "high", "high", ""),
        ("Panel dates clash with half term", "low", "medium", plan.timely.pk),
    ):
        fields = {"description": description, "likelihood": likelihood, "impact": impact}
        client.post(url, {**fields, "action": action, **_date("raised_on", today)})
    small = Risk.objects.get(description__startswith="Panel dates")
    assert small.action == plan.timely
    page = _page(staff_client(ann), "strategy:strategy", plan.strategy.pk)
    listed = page.split('id="risks"')[1]
    assert listed.index("Too few educational") < listed.index("Panel dates clash")  # by level
    assert "Change<span" not in listed  # Ann reads
    assert "Panel dates clash" in _page(client, "strategy:action", plan.timely.pk)
    response = client.post(reverse("strategy:risk_edit", args=[small.pk]), {
        "description": "Panel dates clash with half term", "likelihood": "high",
        "impact": "high", "mitigation": "Dates moved", **_date("raised_on", today)})  # fmt: skip
    small.refresh_from_db()
    assert response.status_code == 302 and small.likelihood == "high" and small.action is None
    assert client.post(reverse("strategy:risk_close", args=[small.pk])).status_code == 302
    small.refresh_from_db()
    assert small.closed_on == today
    assert "Panel dates clash" not in _page(client, "strategy:strategy", plan.strategy.pk)


def test_dependencies_refuse_a_loop_and_show_blocked(plan, staff_client, sam):
    client = staff_client(sam)
    url = reverse("strategy:dependency_new", args=[plan.overdue.pk])
    response = client.post(url, {"depends_on": plan.timely.pk, "note": "Panel first"})
    assert response.status_code == 302
    page = _page(client, "strategy:action", plan.overdue.pk)
    assert "Blocked: it cannot finish until action 1.1 is done." in page
    assert "Needed by" in _page(client, "strategy:action", plan.timely.pk)
    loop = client.post(reverse("strategy:dependency_new", args=[plan.timely.pk]),
                       {"depends_on": plan.overdue.pk})  # fmt: skip
    assert "Action 1.2 already waits for action 1.1" in loop.content.decode()
    client.post(reverse("strategy:dependency_new", args=[plan.finished.pk]),
                {"depends_on": plan.overdue.pk})  # fmt: skip
    longer = client.post(reverse("strategy:dependency_new", args=[plan.timely.pk]),
                         {"depends_on": plan.finished.pk})  # fmt: skip
    assert "neither could ever finish" in longer.content.decode()  # 1.1 > 2.1 > 1.2 > 1.1
    assert ActionDependency.objects.count() == 2
    done = ActionDependency.objects.get(action=plan.overdue)
    plan.timely.status = "complete"
    plan.timely.save()
    assert "Blocked" not in _page(client, "strategy:action", plan.overdue.pk)
    assert client.post(reverse("strategy:dependency_remove", args=[done.pk])).status_code == 302
    assert not ActionDependency.objects.filter(pk=done.pk).exists()


def test_co_production_evidence_is_added_and_changed(plan, staff_client, sam, ann, today):
    client = staff_client(sam)
    url = reverse("strategy:coproduction_new", args=[plan.strategy.pk])
    refused = client.post(url, {}).content.decode()
    assert "Select who was involved" in refused and "Enter what changed because of it" in refused
    priority = plan.strategy.priorities.get(order=2)
    response = client.post(url, {
        "who": ["children_young_people", "parent_carer_forum"], **_date("happened_on", today),
        "about": f"priority-{priority.pk}", "activity": "Two evenings with the forum",
        "what_changed": "Reviews now start with the young person's own words"})  # fmt: skip
    evidence = CoProductionEvidence.objects.get()
    assert response.status_code == 302 and evidence.priority == priority
    page = _page(staff_client(ann), "strategy:strategy", plan.strategy.pk)
    assert "Children and young people, the parent carer forum" in page
    assert "Priority 2: Reviews that change things" in page.split('id="co-production"')[1]
    client.post(reverse("strategy:coproduction_edit", args=[evidence.pk]), {
        "who": ["practitioners"], **_date("happened_on", today), "about": "",
        "activity": "A survey of SENCOs", "what_changed": "Shorter forms"})  # fmt: skip
    evidence.refresh_from_db()
    assert evidence.who == ["practitioners"] and evidence.priority is None


def _evidence(plan, sam):
    update = services.progress_report(
        action=plan.timely, actor=sam, reported_on=dt.date(2026, 11, 1), status="on_track",
        narrative="Fine", files=[SimpleUploadedFile("n.pdf", b"%PDF-1.7\n%%EOF\n")],
    )  # fmt: skip
    return update.files.get().pk


def test_another_areas_staff_get_404_on_every_record_of_the_plan(plan, staff_client, nadia, sam):
    """Each strategy route that names a record of Northshire's plan, for Southshire's SEN
    manager (who holds edit_strategy in her own area): 404 on GET and POST, nothing written."""
    ids = {
        "strategy_id": plan.strategy.pk, "action_id": plan.timely.pk,
        "measure_id": plan.timeliness.pk, "priority_id": plan.strategy.priorities.first().pk,
        "milestone_id": plan.timely.milestones.create(title="M", due_date=dt.date(2027, 1, 1)).pk,
        "evidence_id": _evidence(plan, sam), "risk_id": matrix_register(plan, "risk").pk,
        "dependency_id": matrix_register(plan, "dependency").pk,
        "coproduction_id": matrix_register(plan, "coproduction").pk,
    }  # fmt: skip
    names = [n for n, found in ROUTED.items() if n.startswith("strategy:") and found.kwargs]
    assert len(names) >= 18
    client = staff_client(nadia)
    before = _state()
    for name in names:
        url = reverse(name, kwargs={arg: ids[arg] for arg in ROUTED[name].kwargs})
        statuses = {client.get(url).status_code, client.post(url, {}).status_code}
        assert 404 in statuses and statuses <= {404, 405}, (name, statuses)
    assert _state() == before


def _state():
    return (
        list(Risk.objects.values_list("closed_on", "description")),
        ActionDependency.objects.count(),
        list(CoProductionEvidence.objects.values_list("activity", flat=True)),
        list(Priority.objects.values_list("title", flat=True)),
        list(SuccessMeasure.objects.values_list("title", flat=True)),
    )
