from django.apps import AppConfig


class AdvisoryConfig(AppConfig):
    name = "goglobal.advisory"
    label = "advisory"
