"""Mounted at /local-offer/ (opensend/config/urls.py)."""

from django.urls import path

from opensend.directory.feedback import views_manage, views_public
from opensend.directory.feedback.feeds import YouSaidWeDidFeed

app_name = "feedback"

urlpatterns = [
    path("feedback/", views_public.give_feedback, name="give"),
    path("feedback/sent/", views_public.feedback_sent, name="sent"),
    path("you-said-we-did/", views_public.you_said_we_did, name="you_said_we_did"),
    path("you-said-we-did/feed.atom", YouSaidWeDidFeed(), name="you_said_we_did_feed"),
    path("manage/feedback/", views_manage.queue, name="queue"),
    path("manage/feedback/<uuid:feedback_id>/", views_manage.item, name="item"),
]
