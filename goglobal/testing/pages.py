"""Helpers for page tests."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation


def vi(message: str, **params) -> str:
    """The Vietnamese of a message as the catalogue has it, its %(name)s filled from `params`:
    tests expect the pages' texts without writing them out again."""
    with translation.override("vi"):
        text = translation.gettext(message)
    return text % params if params else text


def count_queries(client, url: str) -> int:
    """Queries one GET of the page runs; the page must answer 200."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.status_code
    return len(queries)


def text(response) -> str:
    return response.content.decode()


def login_redirect(url: str) -> str:
    from urllib.parse import quote

    return f"/accounts/login/?next={quote(url)}"
