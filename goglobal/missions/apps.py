from django.apps import AppConfig


class MissionsConfig(AppConfig):
    name = "goglobal.missions"
    label = "missions"
