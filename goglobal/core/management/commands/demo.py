"""goglobal demo [--no-serve] [--host H --port P] [--enterprises N]"""

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from goglobal.cases.demo import load_demo_cases
from goglobal.core.generate import generate
from goglobal.core.models import SyntheticDataset
from goglobal.core.seed import load_seed
from goglobal.core.seed.accounts import DEMO_PASSWORD, demo_accounts_ensure, describe_target
from goglobal.desk.demo import load_demo_desk
from goglobal.events.seed import load_seed_events
from goglobal.matchmaking.demo import load_demo_matchmaking

DEMO_SEED = 2026


class Command(BaseCommand):
    help = (
        "Sets up the demo: migrates, loads reference data, the seed reports' organisations and a "
        "synthetic population (seed 2026), creates one account per role, then serves the "
        "platform. Running it again keeps what is there and repairs the demo accounts."
    )

    def add_arguments(self, parser):
        parser.add_argument("--no-serve", action="store_true", help="Set up, then stop.")
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--enterprises", type=int, default=3000)

    def handle(self, *args, no_serve: bool, host: str, port: int, enterprises: int, **options):
        if enterprises < 0:
            raise CommandError("--enterprises must be 0 or more.")
        say = self.stdout.write
        say("Migrating the database…")
        call_command("migrate", interactive=False, verbosity=0)
        call_command("loadreference", verbosity=0)
        load_seed()
        load_seed_events()
        say("Loaded reference data and the organisations of the seed reports.")
        present = SyntheticDataset.objects.filter(enterprises=enterprises, seed=DEMO_SEED).first()
        if present is None:
            say(f"Generating {enterprises:,} synthetic enterprises (seed {DEMO_SEED})…")
            result = generate(enterprises=enterprises, seed=DEMO_SEED)
            say(f"Generated in {result.seconds:.1f} s.")
        else:
            say(f"Keeping the {enterprises:,} synthetic enterprises generated earlier.")
        users = demo_accounts_ensure()
        load_demo_cases()
        load_demo_desk()
        load_demo_matchmaking()

        base = f"http://{host}:{port}"
        say(self.style.SUCCESS(f"\nGo Global Vietnam demo: {base}/"))
        say(f"Sign in at {base}/accounts/login/ with one of these accounts:\n")
        rows = [("username", "password", "role", "tied to")]
        rows += [
            (u.username, DEMO_PASSWORD, str(u.get_role_display()), describe_target(u))
            for u in users
        ]
        widths = [max(len(row[i]) for row in rows) for i in range(4)]
        for row in rows:
            cells = (cell.ljust(width) for cell, width in zip(row, widths, strict=True))
            say(("  " + "  ".join(cells)).rstrip())
        if no_serve:
            return
        say(f"\nServing on {base}/ (Ctrl+C stops it).")
        call_command("runserver", f"{host}:{port}", use_reloader=False)
