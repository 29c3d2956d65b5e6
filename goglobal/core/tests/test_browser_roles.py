"""Playwright, driving Debian's Chromium: each demo account signs in through the real login page
and finds what its role should see, and is refused what it should not. The pages are the
Vietnamese ones; expected texts come from the translation catalogue, so a wording change in the
.po file does not break the test, but a page showing the wrong thing does."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from goglobal.enterprises.models import Enterprise
from goglobal.missions.models import Mission
from goglobal.testing.pages import vi

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "goglobal-demo"
VIETTEL = "0100109106"
FPT = "0101248141"


def sign_in(page: Page, username: str) -> None:
    page.goto("/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name=vi("Sign in")).click()
    expect(page.get_by_role("button", name=vi("Sign out"))).to_be_visible()


def sign_out(page: Page) -> None:
    page.goto("/")
    page.get_by_role("button", name=vi("Sign out")).click()
    expect(page.get_by_role("link", name=vi("Sign in")).first).to_be_visible()


def expect_refused(page: Page, path: str) -> None:
    response = page.goto(path)
    assert response is not None and response.status == 403, (
        f"{path}: {response and response.status}"
    )
    expect(page.get_by_role("heading", name=vi("Not allowed"))).to_be_visible()


def expect_allowed(page: Page, path: str) -> None:
    response = page.goto(path)
    assert response is not None and response.status == 200, (
        f"{path}: {response and response.status}"
    )


def tab_names(page: Page) -> list[str]:
    return [name.strip() for name in page.locator("ul.tabs a").all_inner_texts()]


@pytest.fixture
def demo(db):
    call_command("demo", "--no-serve", "--enterprises", "10", verbosity=0, stdout=StringIO())
    return {
        "viettel": Enterprise.objects.get(tax_code=VIETTEL),
        "fpt": Enterprise.objects.get(tax_code=FPT),
        "japan": Mission.objects.get(name_vi__startswith="Đại sứ quán Việt Nam tại Nhật Bản"),
    }


def test_each_demo_role_sees_its_pages_and_is_refused_the_rest(page: Page, demo):
    viettel, fpt, japan = demo["viettel"], demo["fpt"], demo["japan"]

    # The anonymous public: public profiles, never a form.
    page.goto("/")
    expect(page.get_by_role("heading", name=vi("Public figures"))).to_be_visible()
    page.goto(f"/enterprises/{viettel.pk}/")
    expect(page.get_by_role("heading", name=viettel.name_vi)).to_be_visible()
    assert vi("Contacts") not in tab_names(page)
    page.goto("/enterprises/new/")
    assert page.url.split("?")[0].endswith("/accounts/login/")

    # Programme officer: the whole registry, its forms and history, but not Django's admin.
    sign_in(page, "officer")
    expect(page.get_by_role("heading", name=vi("The registry at a glance"))).to_be_visible()
    page.goto(f"/enterprises/{viettel.pk}/")
    assert {vi("Contacts"), vi("Declarations"), vi("History")} <= set(tab_names(page))
    expect_allowed(page, "/enterprises/new/")
    expect(page.locator("#id_tax_code")).to_be_visible()
    expect_allowed(page, "/enterprises/declarations/")
    page.goto("/admin/")
    assert "/admin/login/" in page.url
    sign_out(page)

    # Administrator: Django's admin as well.
    sign_in(page, "admin")
    expect_allowed(page, "/admin/")
    expect(page.locator("#site-name")).to_be_visible()
    assert "/admin/login/" not in page.url
    sign_out(page)

    # Enterprise representative (FPT): edits its own profile only; sees only its own contacts.
    sign_in(page, "enterprise")
    expect(page.get_by_role("heading", name=vi("Your enterprise"))).to_be_visible()
    expect(page.get_by_role("link", name=re.compile(re.escape(fpt.name_vi))).first).to_be_visible()
    expect_allowed(page, f"/enterprises/{fpt.pk}/edit/")
    expect(page.locator("#id_name_vi")).to_have_value(fpt.name_vi)
    page.goto(f"/enterprises/{fpt.pk}/")
    assert vi("Contacts") in tab_names(page)
    page.goto(f"/enterprises/{viettel.pk}/")
    assert vi("Contacts") not in tab_names(page)
    assert vi("History") not in tab_names(page)
    expect_refused(page, f"/enterprises/{viettel.pk}/edit/")
    expect_refused(page, f"/enterprises/{viettel.pk}/contacts/")
    expect_allowed(page, "/enterprises/declarations/")  # its own declarations only
    expect(page.get_by_text(viettel.name_vi)).to_have_count(0)
    expect_refused(page, "/enterprises/new/")
    sign_out(page)

    # Mission officer (Japan): its mission and the enterprises present there; declarations only
    # in aggregate; no registry forms.
    sign_in(page, "mission")
    expect(page.get_by_role("heading", name=vi("Your mission"))).to_be_visible()
    expect_allowed(page, f"/missions/{japan.pk}/")
    expect(page.get_by_role("heading", name=japan.name).first).to_be_visible()
    expect_allowed(page, "/enterprises/declarations/by-country/")
    expect_refused(page, "/enterprises/declarations/")
    expect_refused(page, "/enterprises/new/")
    expect_refused(page, f"/enterprises/{fpt.pk}/edit/")
    expect_refused(page, "/missions/new/")
    sign_out(page)

    # Advisory Group member: its agency on the home page; public profiles; no confidential lists.
    sign_in(page, "advisory")
    expect(page.get_by_role("heading", name=vi("Your agency"))).to_be_visible()
    page.goto(f"/enterprises/{fpt.pk}/")
    assert vi("Contacts") not in tab_names(page)
    expect_refused(page, "/enterprises/declarations/")
    expect_refused(page, "/enterprises/new/")
    sign_out(page)

    # Foreign-partner representative: its organisation, public enterprise profiles, no forms.
    sign_in(page, "partner")
    expect(page.get_by_role("heading", name=vi("Your organisation"))).to_be_visible()
    expect_allowed(page, "/enterprises/")
    expect(
        page.get_by_role("link", name=re.compile(re.escape(viettel.name_vi))).first
    ).to_be_visible()
    expect_refused(page, "/enterprises/new/")
    expect_refused(page, f"/enterprises/{viettel.pk}/edit/")
    expect_refused(page, "/enterprises/declarations/")
    expect_refused(page, "/partners/new/")
    sign_out(page)


def test_wrong_password_is_refused_in_vietnamese(page: Page, demo):
    page.goto("/accounts/login/")
    page.fill("#id_username", "officer")
    page.fill("#id_password", "not-the-password")
    page.get_by_role("button", name=vi("Sign in")).click()
    expect(page.get_by_role("button", name=vi("Sign out"))).to_have_count(0)
    expect(page.locator(".errorlist, .errornote, [role=alert]").first).to_be_visible()
    assert page.url.split("?")[0].endswith("/accounts/login/")
