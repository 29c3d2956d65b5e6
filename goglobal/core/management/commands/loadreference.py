"""goglobal loadreference"""

from django.core.management.base import BaseCommand

from goglobal.reference.data import load_all


class Command(BaseCommand):
    help = (
        "Loads the reference data (countries, provinces, sectors with VSIC codes, currencies) "
        "from their libraries. The migrations already do this; running it again changes nothing "
        "unless a library brought new data."
    )

    def handle(self, *args, verbosity: int, **options):
        counts = load_all()
        if verbosity:
            summary = ", ".join(f"{count} {name}" for name, count in counts.items())
            self.stdout.write(self.style.SUCCESS(f"Reference data: {summary}."))
