"""The demo plan loads on a demo area, replaces itself, and its page opens."""

from django.urls import reverse

from opensend.nonprod.generator import names
from opensend.nonprod.generator.store import area_reset
from opensend.nonprod.strategy_demo import TITLE, demo_strategy_load
from opensend.people.models import Role
from opensend.strategy.models import Strategy
from tests import factories as f


def test_the_demo_plan_loads_and_reloads(today, staff_client):
    la = f.LocalAuthorityFactory(name="Northmoor Council", la_code=names.LA_CODE)
    f.NhsTrustFactory(name="Northmoor Health NHS Trust", local_authority=la)
    lead = f.staff_user(Role.SEN_MANAGER, la, email=f"lead@{names.EMAIL_DOMAIN}")
    f.staff_user(Role.CASEWORKER, la, email=f"owner@{names.EMAIL_DOMAIN}")
    demo_strategy_load(today)
    strategy = demo_strategy_load(today)  # replaces the first
    assert Strategy.objects.filter(title=TITLE).count() == 1
    assert strategy.priorities.count() == 3 and strategy.actions.count() == 4
    page = staff_client(lead).get(reverse("strategy:strategy", args=[strategy.pk]))
    text = page.content.decode()
    assert "Overdue</h2>" in text and "Agree one advice template" in text
    area_reset()  # the demo reset removes the plan before the people who wrote it
    assert not Strategy.objects.exists()
