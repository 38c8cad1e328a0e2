from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "opensend.directory"
    label = "directory"

    def ready(self) -> None:
        # Signal receivers are connected here, once every model is loaded, not by an
        # import at the bottom of a models module.
        from opensend.directory.public import signals

        signals.connect()
