"""`goglobal bench cases`: the case metrics page's numbers over 200,000 generated cases.

Method. The bench makes (or reuses) a generated population of `--enterprises` enterprises and
`--cases` support cases with their transition logs and breach notices
(goglobal.cases.generate, bulk inserts). It then computes the metrics page's numbers for a
programme officer — intake by category, country, sector and month; median and 90th percentile
days to acknowledge, triage and resolve; SLA compliance; backlog ageing; resolution and reopen
rates — exactly as the page and GET /api/v1/cases/metrics do (`metrics.case_metrics_for_user`:
an officer sees every case, so the numbers come from the metrics' roll-up), `--runs` times
after one warm-up run, wall time in this process with the database connection kept open. The baseline, measured in the same run, is the
straightforward computation from the transition log (`metrics_log.case_metrics_from_log`,
`--baseline-runs` times); both must give the same numbers, or the bench fails.

When the cases are generated in this run, generation is timed too, beside Django's bulk_create
of a `--slice` of the same rows (rolled back), scaled to the whole count. Give the bench its
own database: GOGLOBAL_DATA_DIR=/tmp/ggcases goglobal bench cases."""

from __future__ import annotations

import json
import time
from dataclasses import asdict

from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from goglobal.accounts.models import Role, User
from goglobal.cases import metrics, metrics_log, selectors
from goglobal.cases.generate import CaseMaker, clear_generated_cases, generate_cases
from goglobal.cases.models import (
    Case,
    CaseDurationCount,
    CaseEnterpriseCount,
    CaseIntakeCell,
    CaseTransition,
    SlaNotice,
)
from goglobal.core.bench.registry import Figure, percentile
from goglobal.core.generate import generate
from goglobal.core.models import SyntheticDataset

BENCH_USERNAME = "bench-cases-officer"
ROLLUP = (CaseIntakeCell, CaseEnterpriseCount, CaseDurationCount)


def add_cases_bench(benches) -> None:
    """The `cases` sub-command of `goglobal bench`."""
    parser = benches.add_parser("cases", help="The case metrics over 200,000 generated cases.")
    parser.add_argument("--cases", type=int, default=200_000)
    parser.add_argument("--enterprises", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=30, help="Timed runs of the metrics.")
    parser.add_argument("--baseline-runs", type=int, default=3, help="Timed runs of the baseline.")
    parser.add_argument("--slice", type=int, default=2000, help="Cases bulk_created as baseline.")
    parser.add_argument("--regenerate", action="store_true", help="Generate the cases again.")
    parser.add_argument(
        "--replace",
        action="store_true",
        help="Replace a generated population of another size or seed (e.g. the demo's).",
    )
    parser.add_argument("--json", action="store_true", help="One JSON object per line.")


def _population(enterprises: int, seed: int, replace: bool, note) -> SyntheticDataset:
    dataset = SyntheticDataset.objects.first()
    if dataset and dataset.enterprises == enterprises and dataset.seed == seed:
        note(f"Reusing the {enterprises:,} generated enterprises (seed {seed}).")
        return dataset
    if dataset and not replace:
        raise CommandError(
            f"This database holds another generated population ({dataset.enterprises:,} "
            f"enterprises, seed {dataset.seed}). Run the bench on its own database "
            "(GOGLOBAL_DATA_DIR=/tmp/ggcases goglobal bench cases) or pass --replace."
        )
    if dataset and dataset.enterprise_id_min is not None:
        # Cases protect their enterprises: the old generated cases go first.
        clear_generated_cases((dataset.enterprise_id_min, dataset.enterprise_id_max))
    note(f"Generating {enterprises:,} enterprises (seed {seed})…")
    return generate(enterprises=enterprises, seed=seed).dataset


def _bulk_create_seconds(*, count: int, slice_rows: int, seed: int, ids: tuple[int, int]) -> float:
    """Django's bulk_create of `slice_rows` generated cases with their transitions and notices
    (rolled back), scaled to `count` cases."""
    maker = CaseMaker(seed=seed + 1, enterprise_ids=ids, now=timezone.now(), orm=True)
    rows: dict[str, list] = {"cases": [], "moves": [], "notices": []}
    first = 10**9
    for offset in range(slice_rows):
        maker._case(first + offset, rows)
    started = time.perf_counter()
    with transaction.atomic():
        Case.objects.bulk_create([Case(**row) for row in rows["cases"]], batch_size=1000)
        CaseTransition.objects.bulk_create(
            [CaseTransition(**row) for row in rows["moves"]], batch_size=1000
        )
        SlaNotice.objects.bulk_create([SlaNotice(**row) for row in rows["notices"]])
        seconds = time.perf_counter() - started
        transaction.set_rollback(True)
    return seconds * count / slice_rows


def _timed(call, runs: int) -> tuple[list[float], list[float], dict]:
    """Wall and CPU milliseconds per run. SQLite works inside this process, so there its CPU
    time is the whole cost, undisturbed by other processes sharing the machine."""
    result = call()  # warm-up
    wall, cpu = [], []
    for _ in range(runs):
        started, started_cpu = time.perf_counter_ns(), time.process_time_ns()
        result = call()
        wall.append((time.perf_counter_ns() - started) / 1e6)
        cpu.append((time.process_time_ns() - started_cpu) / 1e6)
    return wall, cpu, result


def _plain(result: dict) -> dict:
    return json.loads(json.dumps(result, default=lambda value: asdict(value)))


def run(*, cases: int, enterprises: int, seed: int, runs: int, baseline_runs: int, **options):
    note = options["note"]
    dataset = _population(enterprises, seed, options["replace"], note)
    if dataset.enterprise_id_min is None:
        raise CommandError("The bench needs at least one enterprise.")
    ids = (dataset.enterprise_id_min, dataset.enterprise_id_max)
    figures: list[Figure] = []
    present = Case.objects.filter(enterprise_id__gte=ids[0], enterprise_id__lte=ids[1]).count()
    if present != cases or options["regenerate"]:
        note(f"Generating {cases:,} cases (seed {seed})…")
        made = generate_cases(cases=cases, seed=seed, enterprise_ids=ids)
        note(
            f"Generated {made.cases:,} cases, {made.transitions:,} transitions in {made.seconds:.1f} s."
        )
        baseline = _bulk_create_seconds(
            count=cases, slice_rows=min(options["slice"], cases), seed=seed, ids=ids
        )
        figures.append(Figure("cases.generate", made.seconds, baseline, unit="s"))
    else:
        note(f"Reusing the {cases:,} generated cases.")
    connection = connections[DEFAULT_DB_ALIAS]
    # Fresh statistics for the planner; on PostgreSQL VACUUM also sets the visibility map
    # that index-only scans need (it cannot run inside a transaction, as in the tests).
    vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
    with connection.cursor() as cursor:
        for model in (Case, CaseTransition, SlaNotice, *ROLLUP):
            table = connection.ops.quote_name(model._meta.db_table)
            cursor.execute(f"{'VACUUM ANALYZE' if vacuum else 'ANALYZE'} {table}")
    officer, _created = User.objects.get_or_create(
        username=BENCH_USERNAME, defaults={"role": Role.PROGRAMME_OFFICER, "full_name": "Bench"}
    )
    visible = selectors.case_visible_for_user(officer)
    # Both count the backlog's ages at the same moment, so that their numbers can be compared.
    now = timezone.now()
    wall, cpu, fast = _timed(lambda: metrics.case_metrics_for_user(officer, now=now), runs)
    base_wall, base_cpu, slow = _timed(
        lambda: metrics_log.case_metrics_from_log(visible, now=now), baseline_runs
    )
    if _plain(fast) != _plain(slow):
        raise CommandError("The metrics differ from the transition log's: see the tests.")
    for label, times, base in (("", wall, base_wall), (".cpu", cpu, base_cpu)):
        for stat in (50, 95):
            figures.append(
                Figure(
                    f"cases.metrics{label}.p{stat}", percentile(times, stat), percentile(base, stat)
                )
            )
    return figures, {"submitted": fast["submitted"], "cases": cases, "enterprises": enterprises}


def run_cases_bench(command, **options) -> None:
    for name in ("cases", "enterprises", "runs", "baseline_runs", "slice"):
        if options[name] < 1:
            raise CommandError(f"--{name.replace('_', '-')} must be 1 or more.")
    as_json = options["json"]
    connection = connections[DEFAULT_DB_ALIAS]
    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        call_command("migrate", interactive=False, verbosity=0)
    note = (command.stderr if as_json else command.stdout).write
    figures, facts = run(**{**options, "note": note})
    if as_json:
        for figure in figures:
            command.stdout.write(json.dumps(figure.as_dict()))
        return
    database = connection.settings_dict
    command.stdout.write(
        f"\nCase metrics, {facts['cases']:,} cases ({facts['submitted']:,} submitted) of "
        f"{facts['enterprises']:,} enterprises, {options['runs']} timed runs; database "
        f"{database['ENGINE'].rsplit('.', 1)[-1]} {database['NAME']}\nBaseline: the same "
        "numbers from the transition log (see goglobal/cases/bench.py).\n"
    )
    command._table(figures, unit="value", baseline="baseline")
