import pytest
from django.db import transaction
from django.test import override_settings

from goglobal.testing.api import client_as
from goglobal.testing.world import World, build_world

# Argon2 is deliberately slow (a quarter second a user); the world's users never sign in with a
# password, so a fast hasher keeps the permission matrices quick.
FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _reference_data_in_transactional_tests(request):
    """A transactional test ends with a flush that empties the reference tables the migrations
    loaded, and serialized_rollback does not always bring them back once plain database tests
    ran earlier in the session; so every transactional test loads them again (idempotent) when
    they are missing, whatever ran before it."""
    marker = request.node.get_closest_marker("django_db")
    transactional = "transactional_db" in request.fixturenames or (
        marker is not None and marker.kwargs.get("transaction", False)
    )
    if not transactional:
        return
    if marker is None or not marker.kwargs.get("serialized_rollback", False):
        # The flush after a transactional test without it runs post_migrate, which recreates
        # content types under new ids: a later test restoring the serialized database then
        # fails on their unique keys, depending on which tests a worker ran before.
        pytest.fail("A transactional test needs serialized_rollback=True in its django_db mark.")
    from io import StringIO

    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command

    from goglobal.reference.models import Country

    request.getfixturevalue("transactional_db")
    if not Country.objects.filter(code="VN").exists():
        call_command("loadreference", stdout=StringIO())
    # For the same reason the content types may be missing, and a `migrate` in the test (the
    # demo command) then recreates them under new ids through the migration state's own
    # manager, which leaves this one's cache holding the old ids: an attachment would point at
    # a content type that is gone. Cached ids are read again from the database.
    ContentType.objects.clear_cache()


@pytest.fixture(autouse=True)
def _search_estimates_afresh():
    """The search index's common words are kept for a while in each process
    (search/frequency.py); each test's index is its own, so each test estimates them again."""
    from goglobal.search import frequency

    frequency.forget()


@pytest.fixture(autouse=True)
def _static_files_on_demand(settings):
    # With finders on and autorefresh off, WhiteNoise indexes every static file each time a test
    # client loads the middleware (0.15 s a client); on demand it looks up only what is asked.
    settings.WHITENOISE_AUTOREFRESH = True


@pytest.fixture
def fast_hashers(settings):
    settings.PASSWORD_HASHERS = FAST_HASHERS


@pytest.fixture
def world(db) -> World:
    """The access-rule world (goglobal/testing/world.py), fresh for a test that changes it."""
    with override_settings(PASSWORD_HASHERS=FAST_HASHERS):
        return build_world()


@pytest.fixture(scope="module")
def shared_world(django_db_setup, django_db_blocker):
    """The same world built once per module, for tests that only send requests. Like
    TestCase.setUpTestData it lives in an outer transaction that each test's own transaction
    nests in (so a test's writes still roll back) and that is rolled back after the module.
    Tests must not change the Python objects it holds, and a module that uses it must not also
    use `world` (the two would share the database)."""
    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=FAST_HASHERS):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield build_world()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def client_for(world):
    return lambda role: client_as(world, role)


@pytest.fixture(autouse=True)
def _attachments_in_a_temporary_folder(settings, tmp_path_factory):
    # Uploaded files never land in the developer's data/ folder.
    settings.ATTACHMENTS_DIR = tmp_path_factory.mktemp("attachments")
