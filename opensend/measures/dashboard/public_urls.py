"""/local-area/measures/: the public measures (no sign-in)."""

from django.urls import path

from opensend.measures.dashboard import public_views

app_name = "public_measures"

urlpatterns = [
    path("", public_views.dashboard, name="dashboard"),
    path("<slug:code>/", public_views.indicator, name="indicator"),
    path("<slug:code>/figures.csv", public_views.indicator_csv, name="csv"),
    path("<slug:code>/figures.xlsx", public_views.indicator_xlsx, name="xlsx"),
]
