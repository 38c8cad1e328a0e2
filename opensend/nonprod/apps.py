from django.apps import AppConfig


class NonprodConfig(AppConfig):
    name = "opensend.nonprod"
    label = "nonprod"
