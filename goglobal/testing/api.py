"""Helpers for API tests: a JSON call that returns (status, body), and a snapshot of every
registry table and its history so a refused request can be shown to have written nothing."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import pytest
from django.apps import apps
from django.test import Client

from goglobal.testing.world import ROLES, SIGNED_IN, STAFF

BASE = "/api/v1"
REGISTRY_APPS = ("enterprises", "partners", "missions")


def call(client: Client, method: str, path: str, body: Any = None, **extra) -> tuple[int, Any]:
    kwargs: dict[str, Any] = dict(extra)
    if body is not None:
        kwargs["data"] = body if isinstance(body, str | bytes) else json.dumps(body)
        kwargs["content_type"] = "application/json"
    response = getattr(client, method.lower())(BASE + path, **kwargs)
    try:
        payload = response.json()
    except ValueError:
        payload = response.content
    return response.status_code, payload


def client_as(world, role: str) -> Client:
    """A client signed in (by session) as the world's user for the role; anonymous gets none."""
    client = Client()
    if role != "anonymous":
        client.force_login(world.users[role])
    return client


def row_counts() -> dict[str, int]:
    """Rows per registry model, history tables included."""
    return {
        model._meta.label: model.objects.count()
        for app in REGISTRY_APPS
        for model in apps.get_app_config(app).get_models()
    }


def error_fields(body: dict) -> set[str]:
    return {error["field"] for error in body["errors"]}


@dataclass(frozen=True)
class Case:
    """One row of a permission matrix. `path` names world rows in braces ("/products/{product_a}");
    `expect` gives, per role, the status — or, for a list, the world rows it must return."""

    name: str
    method: str
    path: str
    expect: dict[str, int | frozenset[str]]
    body: Any = None
    creates: str | None = None
    deletes: str | None = None


def expect(*, others: int | frozenset[str], **given: int | frozenset[str]) -> dict:
    """Per-role expectations: a role named outright wins, then `staff` (admin and programme
    officer), then `signed_in` (every role but anonymous), then `others`."""
    out = {}
    for role in ROLES:
        if role in given:
            out[role] = given[role]
        elif "staff" in given and role in STAFF:
            out[role] = given["staff"]
        elif "signed_in" in given and role in SIGNED_IN:
            out[role] = given["signed_in"]
        else:
            out[role] = others
    return out


def write(ok: int, *, others: int = 403, **given: int) -> dict:
    """A write that staff may make (`ok`): anonymous 401, and `others` for anyone not given."""
    given.setdefault("staff", ok)
    given.setdefault("anonymous", 401)
    return expect(others=others, **given)


def rows(*names: str) -> frozenset[str]:
    return frozenset(names)


def matrix(cases: list[Case]) -> list:
    return [pytest.param(case, role, id=f"{case.name}-{role}") for case in cases for role in ROLES]


def run_case(case: Case, role: str, world, client: Client) -> None:
    path = case.path.format(**{name: row.pk for name, row in world.rows.items()})
    before = row_counts()
    status, body = call(client, case.method, path, case.body)
    expected = case.expect[role]
    if isinstance(expected, frozenset):
        assert status == 200, body
        assert {item["id"] for item in body["items"]} == world.ids(*expected)
        assert body["count"] == len(expected)
        return
    assert status == expected, body
    if status >= 400:
        assert body["detail"]
        assert row_counts() == before
    elif case.deletes:
        assert row_counts()[case.deletes] == before[case.deletes] - 1
    elif case.creates:
        assert row_counts()[case.creates] == before[case.creates] + 1
        assert body["id"] == apps.get_model(case.creates).objects.order_by("-pk").first().pk


def _fill(value: Any, world) -> Any:
    """Puts world rows into "{ent_a.pk}"-style placeholders of a path or body."""
    if isinstance(value, str) and "{" in value:
        return value.format(**world.rows)
    if isinstance(value, dict):
        return {key: _fill(item, world) for key, item in value.items()}
    return value


def assert_refused(world, role: str, method: str, path: str, body, status: int, fields: set):
    """The request is refused with `status`, names exactly `fields`, and writes nothing."""
    before = row_counts()
    body = body if isinstance(body, str) else _fill(body, world)
    got, payload = call(client_as(world, role), method, _fill(path, world), body)
    assert got == status, payload
    assert payload["detail"]
    assert error_fields(payload) == fields
    assert all(error["message"] for error in payload["errors"])
    assert row_counts() == before
