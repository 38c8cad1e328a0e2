"""The Local Offer's editorial pages, under /local-offer/manage/ (namespace "editorial")."""

from django.urls import path

from opensend.directory.editorial import views_import, views_listings, views_review

app_name = "editorial"
urlpatterns = [
    path("", views_listings.listings, name="listings"),
    path("listings/new/", views_listings.listing_new, name="listing_new"),
    path("listings/<uuid:listing_id>/", views_listings.listing, name="listing"),
    path("listings/<uuid:listing_id>/edit/", views_listings.listing_edit, name="listing_edit"),
    path(
        "listings/<uuid:listing_id>/confirm/",
        views_listings.listing_confirm,
        name="listing_confirm",
    ),
    path(
        "listings/<uuid:listing_id>/history/",
        views_listings.listing_history,
        name="listing_history",
    ),
    path(
        "listings/<uuid:listing_id>/history/<int:version_number>/",
        views_listings.listing_version,
        name="listing_version",
    ),
    path("approvals/", views_review.queue, name="queue"),
    path("approvals/<int:revision_id>/", views_review.revision, name="revision"),
    path(
        "approvals/<int:revision_id>/approve/",
        views_review.revision_approve,
        name="revision_approve",
    ),
    path(
        "approvals/<int:revision_id>/reject/", views_review.revision_reject, name="revision_reject"
    ),
    path("out-of-date/", views_review.stale, name="stale"),
    path("import/", views_import.import_file, name="import"),
]
