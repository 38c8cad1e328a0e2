"""The public pages of published plans: /local-area/<area>/strategy/... (ADR 0034).

No sign-in, as the public measures (measures/dashboard/public_views.py): the routes are
declared public in the route matrix, and what is public is decided by the selectors
(published only) and the presenters (public fields only, small numbers suppressed).
Nothing is cached, so that unpublishing takes a page down at once.
"""

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from opensend.core.render import render_page
from opensend.core.today import today
from opensend.strategy.publication import selectors
from opensend.strategy.publication.presenters import public_plan


@require_GET
def strategies(request: HttpRequest, area_id: int) -> HttpResponse:
    area = selectors.public_area(area_id)
    plans = list(selectors.published_strategies(area))
    return render_page(request, "strategy/public/strategies.html", {"area": area, "plans": plans})


@require_GET
def strategy(request: HttpRequest, area_id: int, plan_id: int) -> HttpResponse:
    area = selectors.public_area(area_id)
    found = selectors.published_strategy(area=area, plan_id=plan_id)
    context = {"area": area, "plan_id": found.pk, "plan": public_plan(found, today=today())}
    return render_page(request, "strategy/public/strategy.html", context)
