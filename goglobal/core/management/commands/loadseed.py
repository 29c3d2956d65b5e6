"""goglobal loadseed"""

from django.core.management.base import BaseCommand

from goglobal.core.seed import load_seed


class Command(BaseCommand):
    help = (
        "Loads the real organisations of the seed reports: the Advisory Group's agencies, "
        "Viettel, FPT, VNPT, CMC, MobiFone and NTQ Solution, Vietnam's overseas missions and the "
        "UK delegation of July 2023. Idempotent: a second run changes nothing."
    )

    def handle(self, *args, verbosity: int, **options):
        tally = load_seed()
        if verbosity:
            created = ", ".join(f"{n} {name}" for name, n in tally.created.items()) or "nothing"
            updated = ", ".join(f"{n} {name}" for name, n in tally.updated.items()) or "nothing"
            self.stdout.write(
                self.style.SUCCESS(f"Seed data: created {created}; updated {updated}.")
            )
