from django.urls import path

from opensend.strategy import views
from opensend.strategy.publication import views as publication
from opensend.strategy.registers.urls import urlpatterns as register_patterns

app_name = "strategy"

urlpatterns = [
    path("", views.strategies, name="strategies"),
    path("new/", views.strategy_new, name="strategy_new"),
    path("<int:strategy_id>/", views.strategy, name="strategy"),
    path("<int:strategy_id>/edit/", views.strategy_edit, name="strategy_edit"),
    path("<int:strategy_id>/publish/", publication.publish, name="publish"),
    path("<int:strategy_id>/unpublish/", publication.unpublish, name="unpublish"),
    path("<int:strategy_id>/priorities/new/", views.priority_new, name="priority_new"),
    path("priorities/<int:priority_id>/edit/", views.priority_edit, name="priority_edit"),
    path("<int:strategy_id>/actions/new/", views.action_new, name="action_new"),
    path("<int:strategy_id>/measures/new/", views.measure_new, name="measure_new"),
    path("actions/<int:action_id>/", views.action, name="action"),
    path("actions/<int:action_id>/edit/", views.action_edit, name="action_edit"),
    path("actions/<int:action_id>/milestones/new/", views.milestone_new, name="milestone_new"),
    path("actions/<int:action_id>/progress/new/", views.progress_new, name="progress_new"),
    path("milestones/<int:milestone_id>/done/", views.milestone_done, name="milestone_done"),
    path("measures/<int:measure_id>/", views.measure, name="measure"),
    path("measures/<int:measure_id>/edit/", views.measure_edit, name="measure_edit"),
    path("evidence/<int:evidence_id>/", views.evidence, name="evidence"),
    *register_patterns,
]
