from django.apps import AppConfig


class EnterprisesConfig(AppConfig):
    name = "goglobal.enterprises"
    label = "enterprises"
