"""The strategy pages: the plan on one page, an action, a success measure, the forms."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from opensend.strategy.models import Action, EvidenceFile, ProgressUpdate, Strategy
from tests.strategy.plan_world import northshire_plan, plan_world


@pytest.fixture
def plan(today, area, sam, cara):
    return northshire_plan(area, sam, cara)


def _get(client, name, *args, **query):
    response = client.get(reverse(name, args=args), query)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_the_plan_on_one_page(plan, staff_client, ann):
    page = _get(staff_client(ann), "strategy:strategy", plan.strategy.pk)
    assert "Priority 1: Timely, good quality plans" in page
    assert "When we get this right" in page and "Families wait less" in page
    # status at a glance, worked out: 1.1 behind its measure, 1.2 overdue, 2.1 finished
    assert "Needs attention</strong> 2 actions" in page
    assert "Finished</strong> 1 action" in page
    assert (
        "Overdue</h2>" in page
        and "Advice templates agreed with health</a>: due 1 October 2026" in page
    )
    # the declaration disagrees with the data, said plainly
    assert "Where the figures disagree with the updates" in page
    assert (
        "the figures say otherwise: New plans issued within 20 weeks, including "
        "exceptions is behind its trajectory" in page
    )
    assert '70% of reviews on time</a> <strong class="govuk-tag govuk-tag--green">On course' in page


def test_filters_and_changed_since(plan, staff_client, sue, area):
    client = staff_client(sue)
    by_partner = _get(client, "strategy:strategy", plan.strategy.pk, partner=area.health.pk)
    assert "Showing 1 of 3 actions" in by_partner and "Weekly multi-agency panel" in by_partner
    finished = _get(client, "strategy:strategy", plan.strategy.pk, status="done")
    listed = finished.split("Showing 1 of 3 actions")[1]  # the overdue and exceptions stay
    assert "Review paperwork rewritten" in listed and "Weekly multi-agency" not in listed
    later = _get(client, "strategy:strategy", plan.strategy.pk, since="2026-11-21")
    assert "What changed since 21 November 2026" in later
    assert "Nothing has changed since then" not in later  # all were written today
    junk = _get(client, "strategy:strategy", plan.strategy.pk, since="nonsense", owner="x")
    assert "What changed since 25 October 2026" in junk  # four weeks before today


def test_another_areas_staff_see_nothing(plan, staff_client, nadia, hari):
    for user in (nadia, hari):
        client = staff_client(user)
        for name, pk in (
            ("strategy:strategy", plan.strategy.pk),
            ("strategy:action", plan.timely.pk),
            ("strategy:measure", plan.timeliness.pk),
            ("strategy:progress_new", plan.timely.pk),
        ):
            assert client.get(reverse(name, args=[pk])).status_code == 404, (user, name)
        assert "Northshire SEND" not in _get(client, "strategy:strategies")


def test_the_action_page_says_the_figures_disagree(plan, staff_client, cara):
    page = _get(staff_client(cara), "strategy:action", plan.timely.pk)
    assert "The last update says “on track”, but the figures say otherwise" in page
    assert "Panel meets every Tuesday." in page and "By Sam Shah" in page
    assert "Add a progress update" in page  # Cara owns it


def test_an_owner_posts_an_update_with_evidence(plan, staff_client, cara, today):
    client = staff_client(cara)
    url = reverse("strategy:progress_new", args=[plan.timely.pk])
    evidence = SimpleUploadedFile("panel-minutes.pdf", b"%PDF-1.7\n%%EOF\n")
    response = client.post(url, {
        "status": "at_risk", "reported_on-day": "20", "reported_on-month": "11",
        "reported_on-year": "2026", "narrative": "Two panels were cancelled.", "files": [evidence],
    })  # fmt: skip
    assert response.status_code == 302
    update = ProgressUpdate.objects.get(narrative="Two panels were cancelled.")
    assert update.reported_by == cara and update.status == "at_risk"
    stored = EvidenceFile.objects.get(progress_update=update)
    page = _get(client, "strategy:action", plan.timely.pk)
    assert "20 November 2026: At risk" in page and "panel-minutes.pdf" in page
    assert "the figures say otherwise" not in page  # no longer declared on track
    download = client.get(reverse("strategy:evidence", args=[stored.pk]))
    assert download.status_code == 200 and download["Content-Disposition"].startswith("attachment")


def test_an_update_in_the_future_or_without_words_is_refused(plan, staff_client, cara):
    response = staff_client(cara).post(
        reverse("strategy:progress_new", args=[plan.timely.pk]),
        {"status": "on_track", "reported_on-day": "1", "reported_on-month": "1",
         "reported_on-year": "2027", "narrative": ""},
    )  # fmt: skip
    page = response.content.decode()
    assert response.status_code == 200
    assert "The date of this update must be today or in the past" in page
    assert "Enter what has happened" in page
    assert plan.timely.progress_updates.count() == 1


def test_the_owner_marks_a_milestone_done(plan, staff_client, cara, colin, today):
    from opensend.strategy import services

    milestone = services.milestone_create(action=plan.timely, title="Chair named", due_date=today)
    url = reverse("strategy:milestone_done", args=[milestone.pk])
    assert staff_client(colin).post(url).status_code == 404  # not his action
    assert staff_client(cara).get(url).status_code == 405
    assert staff_client(cara).post(url).status_code == 302
    milestone.refresh_from_db()
    assert milestone.done_date == today
    assert "Mark done" not in _get(staff_client(cara), "strategy:action", plan.timely.pk)


def test_only_editors_and_the_owner_may_report(plan, staff_client, colin, sam):
    url = reverse("strategy:progress_new", args=[plan.overdue.pk])
    Action.objects.filter(pk=plan.overdue.pk).update(owner_user=colin)
    assert staff_client(colin).get(url).status_code == 200
    assert (
        staff_client(colin).get(reverse("strategy:progress_new", args=[plan.timely.pk])).status_code
        == 404
    )  # Cara's, not his
    assert staff_client(sam).get(url).status_code == 200  # the SEN manager edits the plan


def test_a_lead_gives_an_action_an_owner_with_an_account(plan, staff_client, sam, aled, nadia):
    """The owner's account (reminders, progress) is chosen from the area's staff who read
    the plans; another area's staff are not offered, and the service refuses them."""
    from opensend.strategy import services
    from opensend.strategy.services import PlanRefused

    action = plan.overdue
    client = staff_client(sam)
    url = reverse("strategy:action_edit", args=[action.pk])
    page = client.get(url).content.decode()
    assert "Their OpenSEND account" in page and aled.email in page and nadia.email not in page
    fields = {
        "title": action.title, "priorities": [p.pk for p in action.priorities.all()],
        "status": action.status, "due_date-day": "1", "due_date-month": "10",
        "due_date-year": "2026",
    }  # fmt: skip
    assert client.post(url, {**fields, "owner_user": aled.pk}).status_code == 302
    action.refresh_from_db()
    assert action.owner_user == aled
    refused = client.post(url, {**fields, "owner_user": nadia.pk}).content.decode()
    assert "Select a valid choice" in refused
    with pytest.raises(PlanRefused, match="staff of the local area"):
        services.action_update(action=action, priorities=list(action.priorities.all()),
                               owner_user=nadia)  # fmt: skip


def test_the_success_measure_page(plan, staff_client, ann):
    page = _get(staff_client(ann), "strategy:measure", plan.timeliness.pk)
    assert "Behind trajectory" in page
    assert "<strong>45%</strong> on 28 October 2026, against 72.9% expected" in page
    assert 'class="strategy-chart__trajectory"' in page and "<svg" in page
    assert "40% on 1 January 2026" in page and "Typed: SEN2 2025" in page
    assert "80% by 1 January 2027" in page
    reviews = _get(staff_client(ann), "strategy:measure", plan.reviews.pk)
    assert "60% on 31 January 2026" in reviews  # the baseline read from the snapshot
    assert "On course" in reviews


def test_a_lead_writes_a_plan(today, staff_client, sam, area):
    client = staff_client(sam)
    response = client.post(reverse("strategy:strategy_new"), {
        "title": "Inclusion plan", "kind": "inclusion_plan", "period_start-day": "1",
        "period_start-month": "4", "period_start-year": "2027", "period_end-day": "31",
        "period_end-month": "3", "period_end-year": "2027", "status": "draft",
    })  # fmt: skip
    assert "The end date must be on or after the start date" in response.content.decode()
    response = client.post(reverse("strategy:strategy_new"), {
        "title": "Inclusion plan", "kind": "inclusion_plan", "period_start-day": "1",
        "period_start-month": "4", "period_start-year": "2027", "period_end-day": "31",
        "period_end-month": "3", "period_end-year": "2030", "status": "draft",
    })  # fmt: skip
    strategy = Strategy.objects.get(title="Inclusion plan")
    assert response.status_code == 302 and strategy.local_authority == area.northshire
    client.post(reverse("strategy:priority_new", args=[strategy.pk]), {"title": "Belonging"})
    priority = strategy.priorities.get()
    response = client.post(reverse("strategy:action_new", args=[strategy.pk]), {
        "title": "Inclusion charter for every school", "priorities": [priority.pk],
        "status": "not_started",
    })  # fmt: skip
    assert "Enter a due date, or the timescale in words" in response.content.decode()
    response = client.post(reverse("strategy:action_new", args=[strategy.pk]), {
        "title": "Inclusion charter for every school", "priorities": [priority.pk],
        "status": "not_started", "timescale": "Autumn 2027",
    })  # fmt: skip
    action = strategy.actions.get()
    assert response.status_code == 302 and action.timescale == "Autumn 2027"
    client.post(reverse("strategy:milestone_new", args=[action.pk]), {
        "title": "Charter drafted", "due_date-day": "1", "due_date-month": "9",
        "due_date-year": "2027"})  # fmt: skip
    assert action.milestones.get().due_date == dt.date(2027, 9, 1)
    response = client.post(reverse("strategy:measure_new", args=[strategy.pk]), {
        "belongs_to": f"action-{action.pk}", "title": "Fewer suspensions", "kind": "indicator",
    })  # fmt: skip
    assert "Choose the indicator" in response.content.decode()
    response = client.post(reverse("strategy:measure_new", args=[strategy.pk]), {
        "belongs_to": f"priority-{priority.pk}", "title": "Pupils say they belong",
        "kind": "qualitative", "evidence": "Annual pupil survey",
    })  # fmt: skip
    assert response.status_code == 302
    assert priority.success_measures.get().evidence == "Annual pupil survey"


def test_the_page_reads_a_bounded_number_of_queries(
    today, area, sam, staff_client, django_assert_max_num_queries
):
    world = plan_world(la=area.northshire, lead=sam)
    client = staff_client(sam)
    with django_assert_max_num_queries(40):
        client.get(reverse("strategy:strategy", args=[world.strategy.pk]))
