"""An upper bound on the value of any schedule: the linear relaxation of the CP-SAT model,
solved with scipy's HiGHS.

The issue warns that `ortools` and `highspy` cannot be imported in one process. scipy ships its
own build of HiGHS inside `scipy.optimize` (no `highspy`), and importing it beside `ortools`
solves both ways in one process (checked by test_bound_beside_cp_sat_in_one_process), so the
bound runs in process."""

from __future__ import annotations

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import coo_matrix

from goglobal.matchmaking.scheduling.instance import Instance


def lp_bound(instance: Instance) -> float:
    """No schedule of `instance` is worth more than this (locked meetings included)."""
    return lp_relaxation(instance)[0]


def lp_relaxation(instance: Instance) -> tuple[float, dict[tuple[int, int], float]]:
    """The bound and the relaxed solution: (request id, slot) → its fraction, where above 0.
    The fractions guide the warm start of the optimisation (`greedy(..., guide=...)`)."""
    columns: list[tuple[int, int]] = []
    for request in instance.requests:
        kept = instance.locked.get(request.id)
        for s in [kept.slot] if kept else instance.feasible_slots(request):
            columns.append((request.id, s))
    if not columns:
        return 0.0, {}
    rows: dict[tuple, int] = {}
    limits: list[float] = []
    entries_row: list[int] = []
    entries_col: list[int] = []

    def add(key: tuple, limit: float, column: int) -> None:
        row = rows.get(key)
        if row is None:
            row = rows[key] = len(limits)
            limits.append(limit)
        entries_row.append(row)
        entries_col.append(column)

    pool = len(instance.pool_tables)
    lower = np.zeros(len(columns))
    for j, (rid, s) in enumerate(columns):
        request = instance.by_id[rid]
        add(("request", rid), 1, j)
        add(("participant", request.a, s), 1, j)
        add(("participant", request.b, s), 1, j)
        if request.virtual:
            add(("rooms", s), instance.rooms, j)
        elif instance.uses_pool(request):
            add(("tables", s), pool, j)
        if rid in instance.locked:
            lower[j] = 1
    matrix = coo_matrix(
        (np.ones(len(entries_row)), (entries_row, entries_col)),
        shape=(len(limits), len(columns)),
    ).tocsr()
    cost = -np.array([instance.by_id[rid].value for rid, _ in columns], dtype=float)
    result = linprog(
        cost,
        A_ub=matrix,
        b_ub=np.array(limits, dtype=float),
        bounds=np.column_stack([lower, np.ones(len(columns))]),
        method="highs",
    )
    if result.status != 0:
        raise ValueError(f"the bound's linear programme failed: {result.message}")
    fractions = {
        column: float(share)
        for column, share in zip(columns, result.x, strict=True)
        if share > 1e-6
    }
    return float(-result.fun), fractions
