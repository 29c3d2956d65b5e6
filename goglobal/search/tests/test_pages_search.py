import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_header_search_box_goes_to_search_page(search_world):
    page = Client().get("/").content.decode()
    assert 'action="/search/"' in page


def test_search_page_lists_results_and_facets(search_world):
    response = Client().get("/search/", {"q": "da nang"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "3 kết quả" in page
    assert "Công ty TNHH Phần mềm Đà Nẵng Xanh" in page
    assert "?q=da+nang&amp;size=11-50" in page  # a facet link
    narrowed = Client().get("/search/", {"q": "da nang", "size": "11-50"}).content.decode()
    assert "2 kết quả" in narrowed
    assert "Chi nhánh Công ty TNHH Dữ liệu Sài Gòn tại Đà Nẵng" not in narrowed


def test_search_page_hides_what_the_user_may_not_see(search_world):
    public = Client().get("/search/", {"q": "hoa binh"}).content.decode()
    assert "Công ty TNHH Công nghệ Hòa Bình" not in public
    assert "0 kết quả" in public
    client = Client()
    client.force_login(search_world.users["officer"])
    staff = client.get("/search/", {"q": "hoa binh"}).content.decode()
    assert "Công ty TNHH Công nghệ Hòa Bình" in staff and "Đặng Văn Quyết" in staff


@pytest.mark.parametrize(
    "params",
    [{"q": "x" * 10_000}, {"q": "a\x00b"}, {"q": "fpt", "type": "bogus"}, {"q": "fpt", "page": "-3"},
     {"q": "fpt", "province": "abc"}, {"q": 'NEAR("fpt")*'}, {}],
)  # fmt: skip
def test_search_page_survives_bad_input(search_world, params):
    assert Client().get("/search/", params).status_code == 200


def test_search_page_partial_for_htmx(search_world):
    response = Client().get(
        "/search/", {"q": "fpt"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="results"
    )
    page = response.content.decode()
    assert "Công ty Cổ phần FPT" in page and "<html" not in page
