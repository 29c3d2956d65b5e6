"""Background work of matchmaking, run by the django-tasks database worker."""

from django_tasks import task

from goglobal.matchmaking.services import requests_expire, schedule_execute


@task()
def schedule_task(run_id: int) -> int:
    """Runs the scheduler for a large event (see `schedule_start`)."""
    return schedule_execute(run_id).meetings


@task()
def requests_expire_task() -> int:
    """Marks pending meeting requests past their deadline as expired; enqueue it every few
    minutes (`goglobal periodic` runs the same sweep). Idempotent."""
    return requests_expire()
