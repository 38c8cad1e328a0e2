"""Casework pages that read (the forms that write are in urls_actions.py)."""

from django.urls import path

from opensend.casework.views import case, queue, search

urlpatterns = [
    path("", queue.queue, name="queue"),
    path("<int:case_id>/", case.case_page, name="case"),
    path("search/", search.search, name="search"),
    path("team/", queue.team, name="team"),
    path("mine/", queue.mine, name="my_cases"),
]
