from django.apps import AppConfig


class DataProtectionConfig(AppConfig):
    name = "opensend.dataprotection"
    label = "dataprotection"
    verbose_name = "Data protection"
