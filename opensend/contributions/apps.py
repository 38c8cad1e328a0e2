from django.apps import AppConfig


class ContributionsConfig(AppConfig):
    name = "opensend.contributions"
    label = "contributions"
    verbose_name = "Family contributions"

    def ready(self) -> None:
        from opensend.contributions import retention, rules  # noqa: F401  (registers them)
