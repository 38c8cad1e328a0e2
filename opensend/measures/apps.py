from django.apps import AppConfig


class MeasuresConfig(AppConfig):
    name = "opensend.measures"
    label = "measures"
