"""The family's own actions, mounted at /family/ beside casework's family pages."""

from django.urls import path

from opensend.contributions import views

app_name = "contributions"
urlpatterns = [
    path("request/", views.request_assessment, name="request"),
    path("cases/<int:case_id>/request-sent/", views.request_sent, name="request_sent"),
    path("cases/<int:case_id>/draft-plan/", views.draft_plan, name="draft_plan"),
    path("cases/<int:case_id>/draft-plan/meeting/", views.meeting, name="meeting"),
    path("cases/<int:case_id>/draft-plan/school/", views.preferred_setting,
         name="preferred_setting"),
    path("request-files/<int:family_file_id>/", views.request_file, name="request_file"),
    path("children/<int:child_id>/all-about-me/", views.all_about_me, name="all_about_me"),
    path("all-about-me-files/<int:about_me_file_id>/", views.all_about_me_file,
         name="all_about_me_file"),
    path("all-about-me-files/<int:about_me_file_id>/remove/", views.all_about_me_file_remove,
         name="all_about_me_file_remove"),
    # a caseworker's action, kept with the app that owns "All about me"
    path("cases/<int:case_id>/plan/use-all-about-me/", views.all_about_me_use,
         name="all_about_me_use"),
]
