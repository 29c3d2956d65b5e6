from django.apps import AppConfig


class ReferenceConfig(AppConfig):
    name = "goglobal.reference"
    label = "reference"
