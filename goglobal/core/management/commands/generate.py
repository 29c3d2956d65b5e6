"""goglobal generate --enterprises N --seed S"""

from django.core.management.base import BaseCommand, CommandError

from goglobal.core.generate import generate


class Command(BaseCommand):
    help = (
        "Generates a deterministic synthetic population: N enterprises with products, presence "
        "abroad, yearly declarations, contacts with consents, foreign organisations, and events "
        "with registrations and attendance. The "
        "same N and seed give the same data. A previous generated population is removed first, "
        "so running it again replaces rather than adds."
    )

    def add_arguments(self, parser):
        parser.add_argument("--enterprises", type=int, default=3000)
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, enterprises: int, seed: int, verbosity: int, **options):
        if enterprises < 0:
            raise CommandError("--enterprises must be 0 or more.")

        def progress(done: int, total: int) -> None:
            if verbosity > 1:
                self.stdout.write(f"  {done:,} / {total:,} enterprises")

        try:
            result = generate(enterprises=enterprises, seed=seed, progress=progress)
        except RuntimeError as exc:
            raise CommandError(str(exc)) from exc
        if result.cleared and verbosity:
            removed = ", ".join(f"{count:,} {name}" for name, count in result.cleared.items())
            self.stdout.write(f"Removed the previous generated population: {removed}.")
        if verbosity:
            made = ", ".join(f"{count:,} {name}" for name, count in result.counts.items())
            self.stdout.write(
                self.style.SUCCESS(f"Generated (seed {seed}) in {result.seconds:.1f} s: {made}.")
            )
