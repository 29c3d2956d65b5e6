"""goglobal import KIND FILE [--dry-run] [--user USERNAME]"""

import json
import time
from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError

from goglobal.accounts.models import User
from goglobal.bulk.models import ImportKind
from goglobal.bulk.services import import_file


class Command(BaseCommand):
    help = (
        "Imports enterprises, products, presence or declarations from a CSV or XLSX file: "
        "every row is checked; unless --dry-run, all rows are written in one transaction, or "
        "none if any row is wrong. The changes are recorded in the history as the given user's."
    )

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=ImportKind.values)
        parser.add_argument("file", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="Check only; write nothing.")
        parser.add_argument(
            "--user",
            help="The staff account the changes are recorded under (default: the first "
            "active superuser).",
        )
        parser.add_argument("--json", action="store_true", help="Print the report as JSON.")

    def _user(self, username: str | None) -> User:
        users = User.objects.filter(is_active=True)
        user = (
            users.filter(username=username).first()
            if username
            else users.filter(is_superuser=True).order_by("id").first()
        )
        if user is None:
            raise CommandError(
                f"No active user {username!r}." if username else "No active superuser: use --user."
            )
        return user

    def handle(self, *args, kind: str, file: Path, **options):
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise CommandError(f"Cannot read {file}: {exc.strerror}.") from exc
        started = time.perf_counter()
        try:
            report = import_file(
                actor=self._user(options["user"]),
                kind=kind,
                data=data,
                dry_run=options["dry_run"],
            )
        except PermissionDenied as exc:
            raise CommandError(str(exc)) from exc
        seconds = time.perf_counter() - started
        if options["json"]:
            self.stdout.write(json.dumps(report.as_dict(), ensure_ascii=False, default=str))
        else:
            for message in report.file_errors:
                self.stderr.write(message)
            for row in report.as_dict()["rows"]:
                for error in row["errors"]:
                    column = f" [{error['column']}]" if error["column"] else ""
                    self.stderr.write(f"row {row['row']}{column}: {error['message']}")
            counts = report.counts()
            verb = (
                "would be" if options["dry_run"] else ("were" if report.committed else "would be")
            )
            self.stdout.write(
                f"{counts['total']:,} rows in {seconds:.1f} s: {counts['create']:,} {verb} "
                f"created, {counts['update']:,} updated, {counts['unchanged']:,} unchanged, "
                f"{counts['error']:,} with errors."
            )
        if not report.ok:
            raise CommandError("Refused: nothing was written.")
