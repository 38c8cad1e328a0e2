from django.urls import path

from opensend.directory.public import views

app_name = "local_offer"

urlpatterns = [
    path("", views.start, name="start"),
    path("search/", views.results, name="search"),
    path("services/<uuid:service_id>/", views.service, name="service"),
    path("shortlist/", views.shortlist_page, name="shortlist"),
    path("shortlist/add/", views.shortlist_add, name="shortlist_add"),
    path("shortlist/remove/", views.shortlist_remove, name="shortlist_remove"),
    path("information/<slug:slug>/", views.information, name="information"),
    path("sen-information-reports/", views.sen_reports, name="sen_reports"),
    path("searches-not-found/", views.searches_not_found, name="searches_not_found"),
]
