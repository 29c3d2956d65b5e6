"""goglobal cases rollup [--check]"""

from django.core.management.base import BaseCommand, CommandError

from goglobal.cases.rollup import rollup_check, rollup_rebuild


class Command(BaseCommand):
    help = "Support cases: rebuild (or check) the metrics' roll-up from the cases table."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        rollup = actions.add_parser("rollup", help="Rewrite the metrics' roll-up from the cases.")
        rollup.add_argument(
            "--check",
            action="store_true",
            help="Only compare the roll-up with a rebuild; fail if they differ.",
        )

    def handle(self, *args, action: str, check: bool, **options):
        if check:
            differences = rollup_check()
            if any(differences.values()):
                found = ", ".join(f"{table} {count:,}" for table, count in differences.items())
                raise CommandError(
                    f"The roll-up differs from the cases ({found} rows): run goglobal cases rollup."
                )
            self.stdout.write("The roll-up equals the cases.")
            return
        counts = rollup_rebuild()
        written = ", ".join(f"{count:,} {table}" for table, count in counts.items())
        self.stdout.write(f"Rebuilt the metrics' roll-up: {written} rows.")
