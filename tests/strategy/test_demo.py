"""The demo plan loads on a demo area, replaces itself, and its page opens."""

from django.urls import reverse

from opensend.nonprod.generator import names
from opensend.nonprod.generator.store import area_reset
from opensend.nonprod.strategy_demo import TITLE, demo_strategy_load
from opensend.nonprod.wsoa_demo import TITLE as WSOA_TITLE
from opensend.nonprod.wsoa_demo import demo_wsoa_load
from opensend.people.models import Role
from opensend.strategy.models import Milestone, ProgressUpdate, Strategy
from tests import factories as f


def test_the_demo_plan_loads_and_reloads(today, staff_client):
    la = f.LocalAuthorityFactory(name="Northmoor Council", la_code=names.LA_CODE)
    f.NhsTrustFactory(name="Northmoor Health NHS Trust", local_authority=la)
    lead = f.staff_user(Role.SEN_MANAGER, la, email=f"lead@{names.EMAIL_DOMAIN}")
    f.staff_user(Role.CASEWORKER, la, email=f"owner@{names.EMAIL_DOMAIN}")
    demo_strategy_load(today)
    strategy = demo_strategy_load(today)  # replaces the first
    assert Strategy.objects.filter(title=TITLE).count() == 1
    assert strategy.priorities.count() == 4 and strategy.actions.count() == 4
    linked = strategy.success_measures.filter(kind="indicator", priority__isnull=False)
    assert linked.values("priority").distinct().count() == 3  # and one from a survey
    page = staff_client(lead).get(reverse("strategy:strategy", args=[strategy.pk]))
    text = page.content.decode()
    assert "Overdue</h2>" in text and "Agree one advice template" in text
    assert "Too few educational psychologists" in text and "Three evening sessions" in text
    panel = strategy.actions.get(reference="1.1")
    action_page = staff_client(lead).get(reverse("strategy:action", args=[panel.pk]))
    assert "Blocked: it cannot finish until action 1.2 is done." in action_page.content.decode()
    wsoa = demo_wsoa_load(la, today)
    assert demo_wsoa_load(la, today).pk != wsoa.pk  # replaces itself too
    wsoa = Strategy.objects.get(title=WSOA_TITLE)
    assert wsoa.kind == "written_statement" and wsoa.actions.count() == 4
    assert Milestone.objects.filter(action__strategy=wsoa, done_date__isnull=False).count() == 5
    assert ProgressUpdate.objects.filter(action__strategy=wsoa).count() == 4
    text = staff_client(lead).get(reverse("strategy:strategy", args=[wsoa.pk])).content.decode()
    assert "Tell families where their request is" in text
    area_reset()  # the demo reset removes the plan before the people who wrote it
    assert not Strategy.objects.exists()
