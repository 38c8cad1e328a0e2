"""Publishing a plan (issue 12 item 6, ADR 0034): only an adopted plan with co-production
evidence, only once a lead confirms the evidence she saw; unpublishing takes it down."""

import pytest
from django.urls import reverse
from django.utils import timezone

from opensend.strategy import services
from opensend.strategy.models import StrategyStatus
from opensend.strategy.publication.models import Publication
from opensend.strategy.publication.services import (
    PublicationRefused,
    strategy_publish,
    strategy_unpublish,
)
from tests.strategy.plan_world import northshire_plan
from tests.strategy.public_world import co_production


@pytest.fixture
def plan(today, area, sam, cara):
    return northshire_plan(area, sam, cara)


def _publish(strategy, lead, seen=None):
    count = strategy.co_production.count() if seen is None else seen
    return strategy_publish(strategy=strategy, actor=lead, evidence_seen=count, now=timezone.now())


@pytest.mark.parametrize(
    ("status", "evidence", "seen", "refusal"),
    [
        (StrategyStatus.DRAFT, 1, None, "Only an adopted plan can be published: this plan is dr"),
        (StrategyStatus.CLOSED, 1, None, "this plan is closed"),
        (StrategyStatus.ADOPTED, 0, None, "This plan has no co-production evidence recorded"),
        (StrategyStatus.ADOPTED, 2, 1, "The co-production evidence changed while you were"),
    ],
)
def test_publishing_is_refused_with_the_reason(plan, sam, status, evidence, seen, refusal):
    strategy = plan.strategy
    services.strategy_update(strategy=strategy, status=status)
    for _ in range(evidence):
        co_production(strategy, sam)
    with pytest.raises(PublicationRefused, match=refusal):
        _publish(strategy, sam, seen)
    assert not Publication.objects.exists()


def test_publishing_records_who_confirmed_and_when_and_unpublishing_keeps_the_history(
    plan, sam, today
):
    strategy = plan.strategy
    co_production(strategy, sam)
    first = _publish(strategy, sam)
    assert (first.confirmed_by, first.evidence_seen) == (sam, 1)
    assert timezone.localtime(first.confirmed_at).date() == today
    with pytest.raises(PublicationRefused, match="already published"):
        _publish(strategy, sam)
    strategy_unpublish(strategy=strategy, actor=sam, now=timezone.now())
    with pytest.raises(PublicationRefused, match="not published"):
        strategy_unpublish(strategy=strategy, actor=sam, now=timezone.now())
    again = _publish(strategy, sam)
    first.refresh_from_db()
    assert first.withdrawn_by == sam and first.withdrawn_at is not None
    assert again.withdrawn_at is None and strategy.publications.count() == 2


def test_a_lead_confirms_the_evidence_then_publishes_and_unpublishes(
    plan, sam, staff_client, client
):
    strategy = plan.strategy
    co_production(strategy, sam, activity="A survey of 212 families", what_changed="New panel")
    lead = staff_client(sam)
    page = lead.get(reverse("strategy:strategy", args=(strategy.pk,))).content.decode()
    assert reverse("strategy:publish", args=(strategy.pk,)) in page
    url = reverse("strategy:publish", args=(strategy.pk,))
    confirm = lead.get(url).content.decode()
    assert "A survey of 212 families" in confirm and "The parent carer forum" in confirm
    # without ticking the confirmation: the form again, with its error, nothing published
    response = lead.post(url, {"evidence_seen": "1"})
    assert response.status_code == 200
    assert "Confirm that the co-production evidence is strong enough" in response.content.decode()
    assert not Publication.objects.exists()
    response = lead.post(url, {"evidence_seen": "1", "confirm": "confirmed"})
    assert response.status_code == 302
    public = reverse("public_strategy:strategy", args=(strategy.local_authority_id, strategy.pk))
    assert client.get(public).status_code == 200
    page = lead.get(reverse("strategy:strategy", args=(strategy.pk,))).content.decode()
    assert "Published</strong>" in page and "after Sam Shah confirmed" in page
    response = lead.post(reverse("strategy:unpublish", args=(strategy.pk,)))
    assert response.status_code == 302
    assert client.get(public).status_code == 404  # at once: nothing is cached


def test_the_confirmation_page_says_why_a_plan_cannot_be_published(plan, sam, staff_client):
    lead = staff_client(sam)
    url = reverse("strategy:publish", args=(plan.strategy.pk,))
    page = lead.get(url).content.decode()
    assert "This plan cannot be published" in page and "no co-production evidence" in page
    assert "Publish the plan</button>" not in page
    response = lead.post(url, {"evidence_seen": "0", "confirm": "confirmed"})
    assert response.status_code == 200 and not Publication.objects.exists()


def test_only_the_plans_leads_publish(plan, sam, staff_client, ann, cara, nadia):
    co_production(plan.strategy, sam)
    url = reverse("strategy:publish", args=(plan.strategy.pk,))
    for user in (ann, cara, nadia):  # an analyst, an action owner, another area's lead
        response = staff_client(user).post(url, {"evidence_seen": "1", "confirm": "confirmed"})
        assert response.status_code == 404, user
    assert not Publication.objects.exists()
