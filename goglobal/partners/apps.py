from django.apps import AppConfig


class PartnersConfig(AppConfig):
    name = "goglobal.partners"
    label = "partners"
