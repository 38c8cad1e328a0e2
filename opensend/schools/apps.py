from django.apps import AppConfig


class SchoolsConfig(AppConfig):
    name = "opensend.schools"
    label = "schools"
    verbose_name = "Schools and settings"

    def ready(self) -> None:
        from opensend.schools import retention, rules  # noqa: F401  (register them)
