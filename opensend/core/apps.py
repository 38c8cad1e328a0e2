from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class CoreConfig(AppConfig):
    name = "opensend.core"
    label = "core"

    def ready(self) -> None:
        # Each app's rules.py registers its named permissions (core/permissions.py).
        autodiscover_modules("rules")
