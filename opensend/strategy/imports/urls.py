"""Importing an action plan into a strategy: /strategy/<id>/import/..."""

from django.urls import path

from opensend.strategy.imports import views

app_name = "strategy_import"

urlpatterns = [
    path("", views.upload, name="upload"),
    path("<int:pending_id>/table/", views.table, name="table"),
    path("<int:pending_id>/", views.preview, name="preview"),
    path("<int:pending_id>/import/", views.confirm, name="confirm"),
    path("<int:pending_id>/discard/", views.discard, name="discard"),
]
