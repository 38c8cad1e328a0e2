from django.apps import AppConfig


class StrategyConfig(AppConfig):
    name = "opensend.strategy"
    label = "strategy"
    verbose_name = "Strategy and action plans"
