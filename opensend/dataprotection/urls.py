from django.urls import path

from opensend.dataprotection import views

app_name = "dataprotection"

urlpatterns = [
    path("", views.requests, name="requests"),
    path("children/<int:child_id>/access/new/", views.access_new, name="access_new"),
    path("children/<int:child_id>/erasure/new/", views.erasure_new, name="erasure_new"),
    path("access/<int:sar_id>/", views.access, name="access"),
    path("access/<int:sar_id>/export.zip", views.access_export, name="access_export"),
    path("access/<int:sar_id>/extend/", views.access_extend, name="access_extend"),
    path("access/<int:sar_id>/answered/", views.access_answered, name="access_answered"),
    path("erasure/<int:erasure_id>/", views.erasure, name="erasure"),
    path("erasure/<int:erasure_id>/extend/", views.erasure_extend, name="erasure_extend"),
    path("erasure/<int:erasure_id>/outcome/", views.erasure_outcome, name="erasure_outcome"),
]
