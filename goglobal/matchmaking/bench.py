"""`goglobal bench scheduler`: the meeting scheduler on generated instances.

Method. For each table count (150 and 320 by default) the bench generates an instance with
`scheduling.generate.generate_instance` (1,000 participants of whom 30 % foreign, 5,000
accepted requests with skewed popularity, 16 slots, 40 % of participants available for a
window only, priorities 1/2/3 worth 3/2/1; deterministic per seed), then in the same process:
the plain greedy (the baseline, as used for live booking); the LP bound (scipy's HiGHS); the
greedy guided by the relaxation; CP-SAT from it for what is left of `--time-limit`. Every
schedule goes through the validator. "Fewest possible at zero" is the participants who could
meet less the proven maximum any schedule can give a meeting (`coverage_bound`, a bipartite
matching): the goal for "participants at zero", outside the timed part. Time is wall-clock from the bound to the final schedule;
memory is the process's peak resident set (getrusage: it counts the solvers' C++ memory,
which tracemalloc does not see). Needs no database."""

from __future__ import annotations

import json
import resource
import time
from dataclasses import dataclass

from goglobal.matchmaking import scheduling
from goglobal.matchmaking.scheduling.bound import lp_relaxation
from goglobal.matchmaking.scheduling.generate import generate_instance
from goglobal.matchmaking.scheduling.instance import could_meet


@dataclass
class Figure:
    name: str
    value: float
    baseline: float
    unit: str

    def as_dict(self) -> dict:
        ratio = round(self.value / self.baseline, 3) if self.baseline else 0.0
        return {
            "name": self.name,
            "value": round(self.value, 3),
            "unit": self.unit,
            "baseline": round(self.baseline, 3),
            "ratio": ratio,
        }


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_one(
    *,
    tables: int,
    participants: int,
    requests: int,
    slots: int,
    seed: int,
    time_limit: float,
    workers: int,
) -> tuple[list[Figure], dict]:
    instance = generate_instance(
        participants=participants, requests=requests, slots=slots, tables=tables, seed=seed
    )
    plain = scheduling.greedy(instance)
    memory_before = _peak_mb()
    started = time.perf_counter()
    bound, fractions = lp_relaxation(instance)
    guided = scheduling.greedy(instance, fractions)
    # A second kept back: the solver stops a little after its limit.
    left = max(1.0, time_limit - (time.perf_counter() - started) - 1.0)
    best = scheduling.optimise(
        instance, time_limit=left, workers=workers, start=guided, bound=bound, seed=seed
    )
    seconds = time.perf_counter() - started
    problems = scheduling.validate(instance, best) + scheduling.validate(instance, plain)
    reachable = could_meet(instance)
    # Everyone who could meet, less the most any schedule can give a meeting (proven).
    fewest = len(reachable) - scheduling.coverage_bound(instance)
    label = f"tables {tables}"
    figures = [
        Figure(f"value % of LP bound, {label}", 100 * best.value(instance) / bound, 100 * plain.value(instance) / bound, "%"),
        Figure(f"meetings placed, {label}", len(best.placements), len(plain.placements), "meetings"),
        Figure(f"participants at zero (could meet), {label}", len(reachable - set(best.met(instance))), len(reachable - set(plain.met(instance))), "participants"),
        Figure(f"fewest possible at zero (proven), {label}", fewest, fewest, "participants"),
        Figure(f"idle gaps, {label}", best.idle_gaps(instance), plain.idle_gaps(instance), "slots"),
        Figure(f"time, {label}", seconds, plain.seconds, "s"),
        Figure(f"peak memory, {label}", _peak_mb(), memory_before, "MB"),
        Figure(f"validator problems, {label}", len(problems), 0, "problems"),
    ]  # fmt: skip
    facts = {
        "bound": bound,
        "value": best.value(instance),
        "greedy": plain.value(instance),
        "notes": best.notes,
        "problems": problems[:5],
        "requests": len(instance.requests),
        "reachable": len(reachable),
        "fewest_at_zero": fewest,
    }
    return figures, facts


def add_scheduler_bench(benches) -> None:
    """The `scheduler` sub-command of `goglobal bench`."""
    parser = benches.add_parser("scheduler", help="Meeting schedules against the LP bound.")
    parser.add_argument("--participants", type=int, default=1000)
    parser.add_argument("--requests", type=int, default=5000)
    parser.add_argument("--slots", type=int, default=16)
    parser.add_argument("--tables", type=int, nargs="+", default=[150, 320])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--time-limit", type=float, default=60.0, help="Seconds per instance.")
    parser.add_argument("--workers", type=int, default=2, help="CP-SAT search workers.")
    parser.add_argument("--json", action="store_true", help="One JSON object per figure.")


def run_scheduler_bench(command, **options) -> None:
    from django.core.management.base import CommandError

    for name in ("participants", "requests", "slots", "workers"):
        if options[name] < 1:
            raise CommandError(f"--{name.replace('_', '-')} must be 1 or more.")
    if options["time_limit"] <= 0 or any(t < 1 for t in options["tables"]):
        raise CommandError("--time-limit and --tables must be positive.")
    pairs = options["participants"] * (options["participants"] - 1) // 2
    if options["requests"] > pairs:
        raise CommandError(f"--requests must be at most {pairs} for this many participants.")
    for tables in options["tables"]:
        figures, facts = run_one(
            tables=tables,
            participants=options["participants"],
            requests=options["requests"],
            slots=options["slots"],
            seed=options["seed"],
            time_limit=options["time_limit"],
            workers=options["workers"],
        )
        if options["json"]:
            for figure in figures:
                command.stdout.write(json.dumps(figure.as_dict()))
            continue
        command.stdout.write(
            f"\nScheduler, {options['participants']:,} participants, {facts['requests']:,} "
            f"accepted requests, {options['slots']} slots, {tables} tables, seed "
            f"{options['seed']}; LP bound {facts['bound']:.1f}, CP-SAT {facts['value']}, "
            f"greedy {facts['greedy']}\n  steps: {'; '.join(facts['notes'])}\n"
        )
        command.stdout.write(f"  {'figure':48} {'CP-SAT':>10} {'greedy':>10}  unit")
        for figure in figures:
            command.stdout.write(
                f"  {figure.name:48} {figure.value:10.2f} {figure.baseline:10.2f}  {figure.unit}"
            )
        if facts["problems"]:
            raise CommandError("The validator refused a schedule: " + "; ".join(facts["problems"]))
