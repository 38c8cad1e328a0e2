from django.urls import include, path

urlpatterns = [
    path("", include("opensend.core.urls")),
    path("cases/", include("opensend.casework.urls")),
    path("family/", include("opensend.casework.family_urls")),
    path("api/oruk/v3/", include("opensend.directory.oruk_urls")),
    # sen2 (issue 3, items 6-7): the SEN2 return and the inspection lists
    path("returns/", include("opensend.measures.urls_returns")),
]

handler400 = "opensend.core.views.errors.bad_request"
handler403 = "opensend.core.views.errors.permission_denied"
handler404 = "opensend.core.views.errors.page_not_found"
handler500 = "opensend.core.views.errors.server_error"
