from django.apps import AppConfig


class FilesConfig(AppConfig):
    name = "goglobal.files"
    label = "files"
