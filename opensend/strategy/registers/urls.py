"""The routes of a plan's registers, in the `strategy` namespace (strategy/urls.py)."""

from django.urls import path

from opensend.strategy.registers import views

urlpatterns = [
    path("<int:strategy_id>/risks/new/", views.risk_new, name="risk_new"),
    path("risks/<int:risk_id>/edit/", views.risk_edit, name="risk_edit"),
    path("risks/<int:risk_id>/close/", views.risk_close, name="risk_close"),
    path("actions/<int:action_id>/dependencies/new/", views.dependency_new, name="dependency_new"),
    path(
        "dependencies/<int:dependency_id>/remove/",
        views.dependency_remove,
        name="dependency_remove",
    ),
    path("<int:strategy_id>/co-production/new/", views.coproduction_new, name="coproduction_new"),
    path(
        "co-production/<int:coproduction_id>/edit/",
        views.coproduction_edit,
        name="coproduction_edit",
    ),
]
