"""Support cases in the one search: registered by the cases app (cases/search.py), found only by
those the cases selector lets see them, kept in step by the case services; the search core is
unchanged."""

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client
from django.utils import translation

from goglobal.accounts.models import Role
from goglobal.cases import services
from goglobal.cases.enums import CaseStatus
from goglobal.cases.models import Case
from goglobal.cases.selectors import case_visible_for_user
from goglobal.cases.tests.helpers import case_payload
from goglobal.enterprises.services.registry import enterprise_update
from goglobal.search.models import SearchEntry
from goglobal.search.selectors import SearchFilters, search_for_user
from goglobal.search.services import search_rebuild
from goglobal.testing import factories as f

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_hashers")]

ENTRY_FIELDS = ("object_id", "title", "subtitle", "subtitle_en", "url", "sort_key", "names",
                "body", "facets")  # fmt: skip


def _payload() -> dict:
    # The services take Python values: the API and the forms parse the date.
    return case_payload(first_met_on=dt.date(2026, 9, 15))


def _found_ids(user, q: str) -> set[int]:
    result = search_for_user(user, q, SearchFilters(type="case"), page_size=50)
    assert result.count == len(result.items)
    return {hit.object_id for hit in result.items}


def _entries() -> list[tuple]:
    return sorted(SearchEntry.objects.filter(kind="case").values_list(*ENTRY_FIELDS))


def test_each_role_finds_exactly_the_cases_its_selector_lets_it_see(case_world):
    """The world's cases (drafts, unshared, other agencies'): every role's search finds the
    cases `case_visible_for_user` gives it, no more; the public and partners find none."""
    search_rebuild(kinds=["case"])
    every = set(Case.objects.values_list("id", flat=True))
    assert len(every) >= 5
    assert _found_ids(case_world.users["admin"], "vuong mac") == every
    for role, user in case_world.users.items():
        expected = set(case_visible_for_user(user).values_list("id", flat=True))
        assert _found_ids(user, "vuong mac so") == expected, role
    assert _found_ids(AnonymousUser(), "vuong mac") == set()
    assert _found_ids(case_world.users["partner_rep"], "vuong mac") == set()
    # The enterprise representative sees its own enterprise's cases, not the other's.
    own = _found_ids(case_world.users["enterprise_rep"], "vuong mac")
    assert case_world.case_a.pk in own and case_world.case_b.pk not in own
    # Nor are hidden cases counted in the facets.
    result = search_for_user(case_world.users["mission_officer"], "vuong mac")
    types = {v.value: v.count for f_ in result.facets if f_.name == "type" for v in f_.values}
    assert types.get("case", 0) == len(_found_ids(case_world.users["mission_officer"], "vuong mac"))


def test_a_filed_case_is_found_by_its_words_number_and_enterprise_and_follows_its_moves():
    staff = f.user_with_role(Role.PROGRAMME_OFFICER)
    enterprise = f.EnterpriseFactory(
        name_vi="Công ty TNHH Sen Vàng Số", name_en="Golden Lotus Digital"
    )
    reporter = f.user_with_role(Role.ENTERPRISE_REP, enterprise=enterprise)
    case = services.case_create(actor=reporter, enterprise=enterprise, data=_payload())
    with translation.override("vi"):
        draft = str(CaseStatus.DRAFT.label)
        submitted = str(CaseStatus.SUBMITTED.label)
    # By its title without diacritics, its description, its number, its enterprise's names, its
    # category in either language.
    for q in ("thi thuc cong tac", "ky su osaka", str(case.pk), "sen vang so", "golden lotus",
              "visas and mobility"):  # fmt: skip
        assert _found_ids(staff, q) == {case.pk}, q
    hit = search_for_user(staff, "thi thuc cong tac").items[0]
    assert (hit.kind, hit.kind_label, hit.title, hit.url) == (
        "case", "Hồ sơ vướng mắc", "Thị thực công tác bị từ chối", f"/cases/{case.pk}/"
    )  # fmt: skip
    assert hit.subtitle == f"#{case.pk} · Công ty TNHH Sen Vàng Số · Nhật Bản · {draft}"
    services.case_transition(actor=reporter, case=case, to=CaseStatus.SUBMITTED)
    hit = search_for_user(staff, "thi thuc cong tac").items[0]
    assert hit.subtitle.endswith(f" · {submitted}") and draft != submitted
    with translation.override("en"):
        hit = search_for_user(staff, "thi thuc cong tac").items[0]
    assert hit.subtitle == f"#{case.pk} · Golden Lotus Digital · Japan · Submitted"
    # Not allowed: another enterprise's representative, the public.
    stranger = f.user_with_role(Role.ENTERPRISE_REP, enterprise=f.EnterpriseFactory())
    assert _found_ids(stranger, "thi thuc cong tac") == set()
    assert _found_ids(AnonymousUser(), "thi thuc cong tac") == set()
    # A renamed enterprise is rewritten in its cases' entries.
    enterprise_update(actor=staff, enterprise=enterprise, data={"name_vi": "Công ty TNHH Mây Hồng"})
    assert _found_ids(staff, "sen vang so") == set()
    assert _found_ids(staff, "may hong thi thuc") == {case.pk}
    # What the services wrote is what a rebuild writes.
    written = _entries()
    search_rebuild(kinds=["case"])
    assert _entries() == written


def test_a_draft_edit_renames_the_case_and_a_delete_removes_it():
    enterprise = f.EnterpriseFactory()
    reporter = f.user_with_role(Role.ENTERPRISE_REP, enterprise=enterprise)
    case = services.case_create(actor=reporter, enterprise=enterprise, data=_payload())
    services.case_update(actor=reporter, case=case, data={"title": "Giấy phép dữ liệu ở Đức"})
    assert _found_ids(reporter, "giay phep du lieu") == {case.pk}
    hits = search_for_user(reporter, "thi thuc cong tac").items  # still its description's words
    assert [hit.title for hit in hits] == ["Giấy phép dữ liệu ở Đức"]
    case.delete()
    assert _entries() == []


def test_the_search_page_and_api_show_a_case_to_its_enterprise_only(case_world):
    search_rebuild(kinds=["case"])
    rep = case_world.users["enterprise_rep"]
    client = Client()
    client.force_login(rep)
    page = client.get("/search/", {"q": "vuong mac", "type": "case"}).content.decode()
    assert f"/cases/{case_world.case_a.pk}/" in page
    assert f"/cases/{case_world.case_b.pk}/" not in page
    body = Client().get("/api/v1/search", {"q": "vuong mac", "type": "case"}).json()
    assert body["count"] == 0 and body["items"] == []
