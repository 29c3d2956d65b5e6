"""goglobal bench registry|search|import [--enterprises N] [--seed S] [--requests N] [--json] [--replace]"""

import json

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor

from goglobal.cases.bench import add_cases_bench, run_cases_bench
from goglobal.core.bench import registry
from goglobal.core.bench import search as search_bench
from goglobal.core.generate import generate
from goglobal.core.models import SyntheticDataset
from goglobal.events.bench import add_registration_bench, run_registration_bench
from goglobal.matchmaking.bench import add_scheduler_bench, run_scheduler_bench


class Command(BaseCommand):
    help = (
        "Benchmarks the registry API: p50/p95 server time of the filtered enterprise list and "
        "the enterprise detail beside a bare Django view, for staff and for the public. It "
        "generates the population in the current database (or reuses one of the same size and "
        "seed), so give it its own database: GOGLOBAL_DATA_DIR=/tmp/ggbench goglobal bench "
        "registry."
    )

    def add_arguments(self, parser):
        benches = parser.add_subparsers(dest="bench", required=True)
        reg = benches.add_parser("registry", help="The enterprise list and detail endpoints.")
        reg.add_argument("--enterprises", type=int, default=100_000)
        reg.add_argument("--seed", type=int, default=1)
        reg.add_argument("--requests", type=int, default=300, help="Timed requests per endpoint.")
        reg.add_argument("--json", action="store_true", help="One JSON object per line.")
        found = benches.add_parser(
            "search", help="The search endpoint beside a naive icontains scan (50 queries)."
        )
        found.add_argument("--enterprises", type=int, default=100_000)
        found.add_argument("--seed", type=int, default=1)
        found.add_argument("--json", action="store_true", help="One JSON object per line.")
        found.add_argument("--replace", action="store_true", help="As for registry.")

        imp = benches.add_parser("import", help="A generated enterprises CSV imported.")
        imp.add_argument("--rows", type=int, default=100_000)
        imp.add_argument("--seed", type=int, default=1)
        imp.add_argument(
            "--slice", type=int, default=1000, help="Rows timed through enterprise_create."
        )
        imp.add_argument("--json", action="store_true", help="One JSON object per line.")
        add_registration_bench(benches)
        add_cases_bench(benches)
        add_scheduler_bench(benches)
        reg.add_argument(
            "--replace",
            action="store_true",
            help="Replace a generated population of another size or seed (e.g. the demo's).",
        )

    def _table(self, figures, *, unit: str, baseline: str = "baseline", ratio=None) -> None:
        """The figures as a text table: value, baseline and their ratio (or `ratio`'s own)."""
        label, compute = ratio or ("ratio", lambda figure: figure.ratio)
        self.stdout.write(f"  {'figure':42} {unit:>9} {baseline:>9} {label:>9}")
        for figure in figures:
            self.stdout.write(
                f"  {figure.name:42} {figure.value:9.2f} {figure.baseline:9.2f} "
                f"{compute(figure):9.2f}"
            )

    def _note(self, text: str, as_json: bool) -> None:
        (self.stderr if as_json else self.stdout).write(text)

    def _population(self, enterprises: int, seed: int, replace: bool, as_json: bool):
        dataset = SyntheticDataset.objects.first()
        if dataset and dataset.enterprises == enterprises and dataset.seed == seed:
            self._note(f"Reusing the {enterprises:,} generated enterprises (seed {seed}).", as_json)
            return dataset
        if dataset and not replace:
            raise CommandError(
                f"This database holds another generated population ({dataset.enterprises:,} "
                f"enterprises, seed {dataset.seed}). Run the bench on its own database "
                "(GOGLOBAL_DATA_DIR=/tmp/ggbench goglobal bench registry) or pass --replace."
            )
        self._note(f"Generating {enterprises:,} enterprises (seed {seed})…", as_json)
        result = generate(enterprises=enterprises, seed=seed)
        self._note(f"Generated in {result.seconds:.1f} s.", as_json)
        return result.dataset

    def handle(self, *args, bench: str, **options):
        if bench == "registration":
            return run_registration_bench(self, **options)
        if bench == "cases":
            return run_cases_bench(self, **options)
        if bench == "scheduler":
            return run_scheduler_bench(self, **options)
        as_json = options["json"]
        connection = connections[DEFAULT_DB_ALIAS]
        executor = MigrationExecutor(connection)
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            call_command("migrate", interactive=False, verbosity=0)
        if bench == "import":
            return self._import(options)
        dataset = self._population(
            options["enterprises"], options["seed"], options["replace"], as_json
        )
        if dataset.enterprise_id_min is None:
            raise CommandError("The bench needs at least one enterprise.")
        if bench == "search":
            self._search(dataset, options)
            return
        ids = registry.sample_enterprise_ids(
            low=dataset.enterprise_id_min, high=dataset.enterprise_id_max, seed=options["seed"]
        )
        try:
            figures, query_counts = registry.run(
                requests=options["requests"], seed=options["seed"], enterprise_ids=ids
            )
        except RuntimeError as exc:
            raise CommandError(str(exc)) from exc
        if as_json:
            for figure in figures:
                self.stdout.write(json.dumps(figure.as_dict()))
            return
        database = settings.DATABASES["default"]
        self.stdout.write(
            f"\nRegistry API, {dataset.enterprises:,} enterprises, {options['requests']} timed "
            f"requests per endpoint and scope; database {database['ENGINE'].rsplit('.', 1)[-1]} "
            f"{database['NAME']}\nServer time through Django's WSGI handler (see "
            "goglobal/core/bench/registry.py).\n"
        )
        self._table(figures, unit="ms")
        counts = ", ".join(f"{name} {count}" for name, count in query_counts.items())
        self.stdout.write(f"\nQueries per request: {counts}")

    def _search(self, dataset, options) -> None:
        from goglobal.search.models import SearchEntry
        from goglobal.search.services import search_rebuild

        as_json = options["json"]
        if not SearchEntry.objects.exists():
            self._note("Building the search index…", as_json)
            search_rebuild()
        ids = registry.sample_enterprise_ids(
            low=dataset.enterprise_id_min, high=dataset.enterprise_id_max, seed=options["seed"]
        )
        try:
            figures, detail = search_bench.run(seed=options["seed"], enterprise_ids=ids)
        except RuntimeError as exc:
            raise CommandError(str(exc)) from exc
        if not detail["warmed"]:
            self._note(
                "The database was not read before timing (PostgreSQL: the pg_prewarm extension "
                "could not be created), so the searches' first reads may come from the disk.",
                as_json,
            )
        if as_json:
            for figure in figures:
                self.stdout.write(json.dumps(figure.as_dict()))
            return
        database = settings.DATABASES["default"]
        self.stdout.write(
            f"\nSearch, {dataset.enterprises:,} enterprises, {len(detail['queries'])} mixed "
            f"queries; database {database['ENGINE'].rsplit('.', 1)[-1]} {database['NAME']}; "
            f"{SearchEntry.objects.count():,} index entries\nServer time of GET /api/v1/search "
            "beside a naive icontains scan (see goglobal/core/bench/search.py).\n"
        )
        self._table(
            figures,
            unit="ms",
            baseline="scan ms",
            ratio=("× faster", lambda f: f.baseline / f.value if f.value else 0.0),
        )

    def _import(self, options) -> None:
        from goglobal.core.bench import imports

        as_json = options["json"]
        figures, facts = imports.run(
            rows=options["rows"],
            seed=options["seed"],
            slice_rows=options["slice"],
            note=lambda text: self._note(text, as_json),
        )
        if as_json:
            for figure in figures:
                self.stdout.write(json.dumps(figure.as_dict()))
            return
        database = settings.DATABASES["default"]
        self.stdout.write(
            f"\nImport of {facts['rows']:,} enterprises from CSV; database "
            f"{database['ENGINE'].rsplit('.', 1)[-1]} {database['NAME']}\n"
            f"Stored {facts['stored']:,} enterprises with {facts['history_records']:,} history "
            f"records. Baselines: enterprise_create per row ({facts['service_slice_rows']:,} "
            "rows timed, scaled) and reading the CSV alone.\n"
        )
        self._table(figures, unit="s")
