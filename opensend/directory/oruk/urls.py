"""The ORUK 3.0 API, mounted at /api/oruk/v3/ (opensend/config/urls.py)."""

from django.urls import path

from opensend.directory.oruk import views

app_name = "oruk"

urlpatterns = [
    path("", views.api_details, name="api_details"),
    path("openapi.json", views.openapi, name="openapi"),
    path("services", views.services, name="services"),
    path("services/<str:service_id>", views.service, name="service"),
    path("taxonomies", views.taxonomies, name="taxonomies"),
    path("taxonomy_terms", views.taxonomy_terms, name="taxonomy_terms"),
    path("organizations", views.organizations, name="organizations"),
    path("service_at_locations", views.service_at_locations, name="service_at_locations"),
]
