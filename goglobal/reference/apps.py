from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class ReferenceConfig(AppConfig):
    name = "goglobal.reference"
    label = "reference"

    def ready(self) -> None:
        from goglobal.reference.labels import forget_reference_names
        from goglobal.reference.models import Country, Province, Sector

        for model in (Country, Province, Sector):
            post_save.connect(forget_reference_names, sender=model, dispatch_uid=f"labels-{model}")
            post_delete.connect(
                forget_reference_names, sender=model, dispatch_uid=f"labels-del-{model}"
            )
