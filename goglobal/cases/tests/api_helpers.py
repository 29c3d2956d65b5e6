from __future__ import annotations

from django.apps import apps

from goglobal.testing.api import call, client_as


def case_row_counts() -> dict[str, int]:
    """Rows of every model of the cases app, history included."""
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_app_config("cases").get_models()
    }


def fill(path: str, world) -> str:
    return path.format(**{name: row.pk for name, row in world.rows.items()})


def request(world, role: str, method: str, path: str, body=None):
    return call(client_as(world, role), method, fill(path, world), body)
