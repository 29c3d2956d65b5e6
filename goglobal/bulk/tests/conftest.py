import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english():
    # Messages are asserted in English; one test checks the Vietnamese ones.
    with translation.override("en"):
        yield
