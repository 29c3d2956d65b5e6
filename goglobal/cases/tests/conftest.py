import pytest

from goglobal.cases.tests.helpers import add_cases


@pytest.fixture
def case_world(world):
    add_cases(world)
    return world
