from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "opensend.directory"
    label = "directory"
