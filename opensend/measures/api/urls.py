"""The indicators read API, mounted at /api/v1/ (opensend/config/urls.py)."""

from django.urls import path

from opensend.measures.api import views

app_name = "api_v1"

urlpatterns = [
    path("indicators/", views.indicators, name="indicators"),
    path("indicators/<str:code>/", views.indicator, name="indicator"),
    path("openapi.yaml", views.openapi, name="openapi"),
]
