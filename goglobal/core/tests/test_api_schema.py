"""schemathesis over the whole API, straight through the WSGI application: every operation of
/api/v1/openapi.json is called with generated valid and invalid input as a programme officer
(so writes are exercised) holding a Bearer token. No response may be a server error, carry a
status the operation does not document, or break the documented response schema.

Bounded and deterministic: a fixed seed, derandomised Hypothesis, a few examples per phase."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    response_schema_conformance,
    status_code_conformance,
)

from goglobal.accounts.models import ApiToken, Role, hash_token
from goglobal.testing import factories as f
from goglobal.testing.world import build_world

CONFIG = {
    "seed": 20250701,
    "generation": {"mode": "all", "deterministic": True, "max-examples": 10},
    "phases": {
        "examples": {"enabled": True},
        "coverage": {"enabled": True},
        "fuzzing": {"enabled": True},
        "stateful": {"enabled": False},
    },
}
CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance]


@pytest.fixture
def _keep_test_connection():
    """The WSGI handler closes old connections at the start and end of every request, which
    would end the test's transaction on PostgreSQL; Django's test client stands them aside the
    same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def bearer(db, fast_hashers, _keep_test_connection) -> dict:
    # Records for the generated ids to find: the small ids Hypothesis favours hit real rows.
    build_world()
    raw = ApiToken.new_raw()
    ApiToken.objects.create(
        user=f.user_with_role(Role.PROGRAMME_OFFICER),
        name="schemathesis",
        token_hash=hash_token(raw),
        hint=raw[:12],
    )
    return {"Authorization": f"Bearer {raw}"}


def _load_schema():
    from goglobal.wsgi import application

    # The schema is served by the application itself (no database needed to render it).
    return schemathesis.openapi.from_wsgi(
        "/api/v1/openapi.json", application, config=schemathesis.Config.from_dict(CONFIG)
    )


schema = _load_schema()


@schema.parametrize()
@hypothesis_settings(deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_api_conforms_to_its_schema(case, bearer):
    response = case.call(headers=bearer)
    case.validate_response(response, checks=CHECKS)
