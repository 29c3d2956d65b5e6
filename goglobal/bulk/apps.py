from django.apps import AppConfig


class BulkConfig(AppConfig):
    name = "goglobal.bulk"
    label = "bulk"
