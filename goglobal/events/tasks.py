"""Background work of the events app, run by the django-tasks database worker."""

from django_tasks import task

from goglobal.events import notifications
from goglobal.events.services import offers_expire


@task()
def offers_expire_task() -> int:
    """Lapses offers of a freed place that passed their deadline and offers the seats to the
    next in line. Enqueue it periodically (every few minutes); it is idempotent."""
    return offers_expire()


@task()
def registration_notify_task(registration_id: int) -> bool:
    return notifications.registration_notify(registration_id)


@task()
def reminders_send_task() -> int:
    """Reminds participants the day before; enqueue it hourly. Each is reminded once."""
    return notifications.reminders_send()
