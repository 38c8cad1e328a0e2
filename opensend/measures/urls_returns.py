"""Statutory returns for SEN managers: the SEN2 return and the inspection lists."""

from django.urls import path

from opensend.measures.views import returns

app_name = "returns"

urlpatterns = [
    path("", returns.index, name="index"),
    path("sen2/", returns.sen2, name="sen2"),
    path("sen2/download/", returns.sen2_xml, name="sen2_download"),
    path("inspection/", returns.inspection, name="inspection"),
    path("inspection/download/", returns.inspection_download, name="inspection_download"),
]
