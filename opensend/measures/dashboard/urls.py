"""/measures/: the staff dashboard, indicator pages, downloads, drill-down, board reports."""

from django.urls import path

from opensend.measures.dashboard import board_views, views

app_name = "measures"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("board-report/", board_views.board_reports, name="board_reports"),
    path("board-report/<str:month>.pdf", board_views.board_report_pdf, name="board_report"),
    path("<slug:code>/", views.indicator, name="indicator"),
    path("<slug:code>/figures.csv", views.indicator_csv, name="csv"),
    path("<slug:code>/figures.xlsx", views.indicator_xlsx, name="xlsx"),
    path("<slug:code>/cases/", views.cases, name="cases"),
]
