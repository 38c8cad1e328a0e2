"""Statutory returns for SEN managers: the SEN2 return and the inspection lists."""

from django.urls import path

from opensend.measures.returns import views

app_name = "returns"

urlpatterns = [
    path("", views.index, name="index"),
    path("sen2/", views.sen2, name="sen2"),
    path("sen2/download/", views.sen2_xml, name="sen2_download"),
    path("inspection/", views.inspection, name="inspection"),
    path("inspection/download/", views.inspection_download, name="inspection_download"),
]
