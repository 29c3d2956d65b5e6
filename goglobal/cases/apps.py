from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "goglobal.cases"
    label = "cases"
