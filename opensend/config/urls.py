from django.urls import include, path

urlpatterns = [
    path("", include("opensend.core.urls")),
    path("cases/", include("opensend.casework.urls")),
    path("family/", include("opensend.casework.family_urls")),
    path("school/", include("opensend.schools.urls")),
    path("family/", include("opensend.contributions.urls")),  # the family's own actions
    path("api/oruk/v3/", include("opensend.directory.oruk.urls")),
    # measures dashboard (issue 3, dashboard task)
    path("measures/", include("opensend.measures.dashboard.urls")),
    path("local-area/measures/", include("opensend.measures.dashboard.public_urls")),
    # a published strategy's public page (issue 12 item 6, ADR 0034)
    path(
        "local-area/<int:area_id>/strategy/",
        include("opensend.strategy.publication.public_urls"),
    ),
    # Measures (issue 3, api): the indicators read API
    path("api/v1/", include("opensend.measures.api.urls")),
    # Local Offer feedback and "You said, we did" (issue 4 item 5, task: feedback)
    path("local-offer/", include("opensend.directory.feedback.urls")),
    # sen2 (issue 3, items 6-7): the SEN2 return and the inspection lists
    path("returns/", include("opensend.measures.returns.urls")),
    # Local Offer activities calendar and iCalendar feeds (calendar task)
    path("local-offer/", include("opensend.directory.calendar.urls")),
    # search: the public Local Offer site (issue 4)
    path("local-offer/", include("opensend.directory.public.urls")),
    # Local Offer editorial (issue 4)
    path("local-offer/manage/", include("opensend.directory.editorial.urls")),
    # subject access and erasure requests (issue 13 item 3)
    path("data-protection/", include("opensend.dataprotection.urls")),
    # advice givers act in the case (issue 11, item 2)
    path("advice/", include("opensend.advice.urls")),
    # strategy (issue 12, branch i12-io): import and export of plans, board meetings and packs
    path("strategy/<int:strategy_id>/import/", include("opensend.strategy.imports.urls")),
    path("strategy/<int:strategy_id>/", include("opensend.strategy.imports.export_urls")),
    path("strategy/<int:strategy_id>/board/", include("opensend.strategy.board.urls")),
    # the partnership's strategy and action plans (issue 12)
    path("strategy/", include("opensend.strategy.urls")),
]

handler400 = "opensend.core.views.errors.bad_request"
handler403 = "opensend.core.views.errors.permission_denied"
handler404 = "opensend.core.views.errors.page_not_found"
handler500 = "opensend.core.views.errors.server_error"
