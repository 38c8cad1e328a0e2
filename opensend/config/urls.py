from django.urls import include, path

urlpatterns = [
    path("", include("opensend.core.urls")),
    path("cases/", include("opensend.casework.urls")),
    path("family/", include("opensend.casework.family_urls")),
    path("api/oruk/v3/", include("opensend.directory.oruk_urls")),
    # search: the public Local Offer site (issue 4)
    path("local-offer/", include("opensend.directory.public.urls")),
]

handler400 = "opensend.core.views.errors.bad_request"
handler403 = "opensend.core.views.errors.permission_denied"
handler404 = "opensend.core.views.errors.page_not_found"
handler500 = "opensend.core.views.errors.server_error"
