from django.apps import AppConfig


class AdviceConfig(AppConfig):
    name = "opensend.advice"
    label = "advice"
    verbose_name = "Advice givers"
