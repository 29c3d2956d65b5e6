import pytest

from goglobal.search.selectors import SearchFilters, search_for_user
from goglobal.search.tests.search_cases import CASES

pytestmark = pytest.mark.django_db


def test_search_cases_are_enough():
    assert len(CASES) >= 40


@pytest.mark.parametrize("case", CASES, ids=[f"{i:02d}-{c['q']}" for i, c in enumerate(CASES)])
def test_search_case(search_world, case):
    saigon_tax = search_world.enterprises["Saigon Data Company Limited"].tax_code
    q = case["q"].format(saigon_tax=saigon_tax)
    user = search_world.users[case.get("user", "anonymous")]
    result = search_for_user(user, q, SearchFilters(**case.get("filters", {})), page_size=50)
    found = [(hit.kind, hit.title) for hit in result.items]
    expected = case["top"]
    assert found[: len(expected)] == expected
    if not expected:
        assert all(title not in [t for _, t in found] for title in case.get("absent", []))
        if "absent" not in case:
            assert found == []
    if "count" in case:
        assert result.count == case["count"]
