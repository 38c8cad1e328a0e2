"""The school's pages (mounted at /school/)."""

from django.urls import path

from opensend.schools import views

app_name = "schools"
urlpatterns = [
    path("pupils/", views.pupils, name="pupils"),
    path("request/", views.request_new, name="request_new"),
    path("cases/<int:case_id>/review/", views.review_start, name="review_start"),
    path("reviews/<int:school_review_id>/", views.review, name="review"),
    path("reviews/<int:school_review_id>/views/", views.review_views, name="review_views"),
    path("reviews/<int:school_review_id>/circulate/", views.review_circulate,
         name="review_circulate"),
    path("reviews/<int:school_review_id>/meeting/", views.review_meeting,
         name="review_meeting"),
    path("reviews/<int:school_review_id>/report/", views.review_report, name="review_report"),
    path("files/<int:contribution_file_id>/", views.contribution_file,
         name="contribution_file"),
]
