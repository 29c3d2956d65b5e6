"""Background work of the cases app, run by the django-tasks database worker."""

from django.utils import timezone
from django_tasks import task

from goglobal.cases.notices import sla_sweep


@task()
def sla_check() -> dict:
    """Warnings, breaches, escalations and closing silent cases; run it every hour or so."""
    result = sla_sweep(now=timezone.now())
    return {
        "notices": result.notices,
        "notifications": result.notifications,
        "closed": result.closed,
        "levels": result.levels,
    }
