"""/local-area/<area>/strategy/: the area's published plans (no sign-in, ADR 0034)."""

from django.urls import path

from opensend.strategy.publication import public_views

app_name = "public_strategy"

urlpatterns = [
    path("", public_views.strategies, name="strategies"),
    path("<int:plan_id>/", public_views.strategy, name="strategy"),
]
