from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "goglobal.accounts"
    label = "accounts"
