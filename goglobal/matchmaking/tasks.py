"""Background work of matchmaking, run by the django-tasks database worker."""

from django_tasks import task

from goglobal.matchmaking.services import schedule_execute


@task()
def schedule_task(run_id: int) -> int:
    """Runs the scheduler for a large event (see `schedule_start`)."""
    return schedule_execute(run_id).meetings
