"""Downloading a plan: /strategy/<id>/action-plan.xlsx and .docx."""

from django.urls import path

from opensend.strategy.imports import export_views

app_name = "strategy_export"

urlpatterns = [
    path("action-plan.xlsx", export_views.plan_download, {"file_format": "xlsx"}, name="xlsx"),
    path("action-plan.docx", export_views.plan_download, {"file_format": "docx"}, name="docx"),
]
