"""Advice givers' routes (namespace "advice", under /advice/; issue 11, item 2)."""

from django.urls import path

from opensend.advice import views

app_name = "advice"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("oversight/", views.oversight, name="oversight"),
    path("<int:advice_id>/", views.request_page, name="request"),
    path("<int:advice_id>/give/", views.submit, name="give"),
    path("<int:advice_id>/plan/", views.plan_pull, name="plan_pull"),
]
