"""Meeting scheduling as plain Python, independent of Django: an `Instance` in, a `Schedule` out.

`greedy` places meetings fast (live booking, and the warm start); `optimise` runs OR-Tools
CP-SAT from it; `lp_bound` proves how good any schedule can be and `coverage_bound` how many
participants any schedule can give a meeting; `validate` checks every schedule produced."""

from goglobal.matchmaking.scheduling.bound import lp_bound
from goglobal.matchmaking.scheduling.coverage import coverage_bound
from goglobal.matchmaking.scheduling.greedy import assign_tables, greedy
from goglobal.matchmaking.scheduling.instance import Instance, Placement, Request, Schedule
from goglobal.matchmaking.scheduling.optimise import optimise
from goglobal.matchmaking.scheduling.validate import validate

__all__ = [
    "Instance",
    "Placement",
    "Request",
    "Schedule",
    "assign_tables",
    "coverage_bound",
    "greedy",
    "lp_bound",
    "optimise",
    "validate",
]
