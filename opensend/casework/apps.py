from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "opensend.casework"
    label = "casework"
