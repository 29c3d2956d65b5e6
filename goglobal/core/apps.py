from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "goglobal.core"
    label = "core"
