"""Two officers moving the same case at the same moment, in two threads with their own database
connections: one move wins, the other is refused with a conflict, and the winner's move is
kept whole (on SQLite and on PostgreSQL)."""

import threading

import pytest
from django.db import connection

from goglobal.accounts.models import Role
from goglobal.cases import services
from goglobal.cases.enums import CaseStatus
from goglobal.cases.models import Case, CaseTransition
from goglobal.cases.tests.helpers import CaseFactory
from goglobal.core.errors import ConflictError
from goglobal.testing import factories as f


# serialized_rollback as every transactional test here: without it the flush afterwards runs
# post_migrate, which recreates content types under new ids, and a later test that restores the
# serialized database then fails on their unique keys.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_officers_at_once_one_wins_the_other_gets_a_conflict(fast_hashers):
    first = f.user_with_role(Role.PROGRAMME_OFFICER)
    second = f.user_with_role(Role.ADMIN)
    case = CaseFactory(status=CaseStatus.IN_PROGRESS, owner=first, priority="P2")
    moves = {
        "first": (first, {"to": "waiting", "waiting_on": "foreign_authority", "reason": "Chờ"}),
        "second": (second, {"to": "resolved_full", "reason": "Đã xong"}),
    }
    barrier = threading.Barrier(2)
    outcome: dict[str, str] = {}

    def officer(name: str) -> None:
        actor, move = moves[name]
        try:
            seen = Case.objects.get(pk=case.pk)  # both read version 0 before either moves
            barrier.wait(timeout=10)
            services.case_transition(actor=actor, case=seen, expected_version=seen.version, **move)
            outcome[name] = "moved"
        except ConflictError:
            outcome[name] = "conflict"
        except Exception as exc:  # noqa: BLE001 — reported by the assertion below
            outcome[name] = repr(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=officer, args=(name,)) for name in moves]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcome.values()) == ["conflict", "moved"], outcome
    winner = next(name for name, result in outcome.items() if result == "moved")
    case.refresh_from_db()
    assert case.status == moves[winner][1]["to"]
    assert case.version == 1
    log = list(CaseTransition.objects.filter(case=case))
    assert [(t.to_status, t.actor_id) for t in log] == [
        (moves[winner][1]["to"], moves[winner][0].pk)
    ]
