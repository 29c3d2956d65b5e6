"""Keys and search text read from query strings: what is not a key is no key, and no value a
user can type reaches the database in a form it refuses."""

import pytest

from goglobal.core.pages import query_id
from goglobal.core.schemas import MAX_ID
from goglobal.testing.api import client_as

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("value", "expected"),
    [("12", 12), (str(MAX_ID), MAX_ID), ("", None), (None, None), ("0", None), ("²", None),
     ("٣", None), ("1e3", None), ("-4", None), (str(MAX_ID + 1), None), ("9" * 30, None)],
)  # fmt: skip
def test_query_id_takes_keys_only(value, expected):
    assert query_id(value) == expected


@pytest.mark.parametrize(
    "url",
    [
        "/cases/new/?enterprise=%C2%B2",
        "/cases/new/?enterprise=99999999999999999999",
        "/bulk/exports/products.csv?enterprise=%C2%B2",
        "/bulk/exports/declarations.csv?year=%C2%B2",
        "/matchmaking/profiles/new/?enterprise=%C2%B2",
        "/matchmaking/profiles/new/?organisation=99999999999999999999",
        "/matchmaking/?q=a%00b",
    ],
)
def test_odd_keys_in_query_strings_are_no_server_error(world, url):
    response = client_as(world, "admin").get(url)
    if hasattr(response, "streaming_content"):
        b"".join(response.streaming_content)
    assert response.status_code in (200, 302, 404), response.status_code
