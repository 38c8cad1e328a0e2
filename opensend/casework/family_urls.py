"""Pages for parents, carers and young people (mounted at /family/)."""

from django.urls import path

from opensend.casework.views import family

app_name = "family"
urlpatterns = [
    path("", family.home, name="home"),
    path("cases/<int:case_id>/", family.case_page, name="case"),
]
