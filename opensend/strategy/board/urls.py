"""The board's meetings on a plan and their packs: /strategy/<id>/board/..."""

from django.urls import path

from opensend.strategy.board import views

app_name = "strategy_board"

urlpatterns = [
    path("", views.meetings, name="meetings"),
    path("new/", views.meeting_new, name="meeting_new"),
    path("<int:meeting_id>/", views.meeting, name="meeting"),
    path("<int:meeting_id>/decision/", views.decision_new, name="decision_new"),
    path("<int:meeting_id>/action/", views.action_log_new, name="action_log_new"),
    path("<int:meeting_id>/pack/", views.pack, name="pack"),
    path("<int:meeting_id>/pack.pdf", views.pack_pdf, name="pack_pdf"),
]
