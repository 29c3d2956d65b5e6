"""A new record type joins the search by registering a source: nothing in the search core
changes. (Cases, events and opportunities will do this from their apps' ready().)"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from goglobal.accounts.models import Role
from goglobal.advisory.models import Agency
from goglobal.search import registry
from goglobal.search.registry import Document, SearchSource
from goglobal.search.selectors import SearchFilters, search_for_user
from goglobal.search.services import search_index_record, search_rebuild
from goglobal.testing.factories import AgencyFactory, user_with_role

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_hashers")]


def _agency_documents(ids):
    agencies = Agency.objects.all() if ids is None else Agency.objects.filter(pk__in=list(ids))
    for agency in agencies:
        yield Document(
            object_id=agency.pk,
            title=agency.name_vi,
            title_en=agency.name_en,
            url=reverse("core:home"),
            names=[agency.name_vi, agency.name_en],
        )


def _signed_in_only(user):
    return Agency.objects.all() if user.is_authenticated else Agency.objects.none()


@pytest.fixture
def agency_source():
    source = SearchSource(
        kind="agency",
        label="Agency",
        model=Agency,
        visible=_signed_in_only,
        documents=_agency_documents,
    )
    registry.register(source)
    try:
        yield source
    finally:
        registry._SOURCES.pop("agency", None)


def test_a_registered_source_is_indexed_searched_and_scoped(agency_source):
    agency = AgencyFactory(
        name_vi="Cục Viễn thông Biển Đông", name_en="East Sea Telecoms Authority"
    )
    search_rebuild(kinds=["agency"])
    officer = user_with_role(Role.PROGRAMME_OFFICER)
    found = search_for_user(officer, "bien dong", SearchFilters(type="agency"))
    assert [(hit.kind, hit.title) for hit in found.items] == [
        ("agency", "Cục Viễn thông Biển Đông")
    ]
    assert search_for_user(AnonymousUser(), "bien dong").count == 0
    agency.name_vi = "Cục Viễn thông Hoàng Sa"
    agency.save()
    search_index_record(agency)
    assert search_for_user(officer, "bien dong").count == 0
    assert search_for_user(officer, "east sea").count == 1
    assert search_for_user(officer, "hoang sa").items[0].title == "Cục Viễn thông Hoàng Sa"
    agency.delete()
    assert search_for_user(officer, "hoang sa").count == 0
