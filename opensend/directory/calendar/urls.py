from django.urls import path

from opensend.directory.calendar import views

app_name = "activities"

urlpatterns = [
    path("activities/", views.calendar, name="calendar"),
    path("activities.ics", views.feed, name="feed"),
    path("activities/<uuid:activity_id>.ics", views.activity_feed, name="activity_feed"),
]
