"""goglobal periodic [--every SECONDS]: the platform's recurring work in one place.

django-tasks runs queued tasks but schedules nothing, so the jobs that must run on a clock — the
cases' SLA sweep, lapsing offers of freed event seats, the day-before reminders, meeting requests
nobody answered in time — are run here.
Each is idempotent: running it twice, or late, does no harm. Run it from cron every few minutes
(`*/5 * * * * goglobal periodic`) or, on a single machine, as a process of its own with
`--every 300`."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone


def _sla_sweep() -> str:
    from goglobal.cases.notices import sla_sweep

    result = sla_sweep(now=timezone.now())
    return f"{result.notices} notices, {result.closed} closed"


def _offers_expire() -> str:
    from goglobal.events.services import offers_expire

    return f"{offers_expire()} offers lapsed"


def _reminders_send() -> str:
    from goglobal.events.notifications import reminders_send

    return f"{reminders_send()} reminders sent"


def _meeting_requests_expire() -> str:
    from goglobal.matchmaking.services import requests_expire

    return f"{requests_expire()} meeting requests expired"


JOBS = {
    "cases.sla": _sla_sweep,
    "events.offers": _offers_expire,
    "events.reminders": _reminders_send,
    "matchmaking.requests": _meeting_requests_expire,
}


class Command(BaseCommand):
    help = (
        "Runs the recurring work (SLA clocks of support cases, lapsed event offers, event "
        "reminders, lapsed meeting requests) once, or every N seconds with --every."
    )

    def add_arguments(self, parser):
        parser.add_argument("--every", type=int, default=0, help="Repeat every N seconds.")
        parser.add_argument(
            "--only", action="append", choices=sorted(JOBS), help="Run only this job (repeatable)."
        )

    def handle(self, *args, every: int, only: list[str] | None, **options):
        if every < 0:
            raise CommandError("--every must be 0 (once) or a number of seconds.")
        names = only or list(JOBS)
        while True:
            failed = self._run(names)
            if not every:
                if failed:
                    raise CommandError(f"{failed} job(s) failed.")
                return
            time.sleep(every)

    def _run(self, names: list[str]) -> int:
        failed = 0
        for name in names:
            try:
                outcome = JOBS[name]()
            except Exception as exc:  # one failing job must not stop the others
                failed += 1
                self.stderr.write(f"{name}: failed: {exc!r}")
            else:
                self.stdout.write(f"{name}: {outcome}")
        return failed
