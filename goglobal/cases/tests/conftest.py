import pytest

from goglobal.cases.tests.helpers import add_cases


@pytest.fixture
def case_world(world):
    add_cases(world)
    return world


@pytest.fixture(scope="module")
def shared_case_world(shared_world, django_db_blocker):
    """The shared world with the cases of helpers.add_cases, built once per module (inside the
    shared world's outer transaction, so they are rolled back with it)."""
    with django_db_blocker.unblock():
        add_cases(shared_world)
    return shared_world
