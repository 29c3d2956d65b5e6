import pytest
from django.utils import timezone

from goglobal.accounts.models import Role
from goglobal.enterprises.models import Enterprise
from goglobal.reference.models import Province
from goglobal.testing import factories as f
from goglobal.testing.pages import login_redirect, text

pytestmark = pytest.mark.django_db

CHECKSUM = "Chữ số kiểm tra của mã số thuế không đúng: vui lòng kiểm tra lại số."
DIGITS_ONLY = "Mã số thuế chỉ gồm chữ số (và dấu gạch ngang trước hậu tố chi nhánh)."
FUTURE_YEAR = "Năm thành lập không được ở tương lai."
DUPLICATE = "Một doanh nghiệp với mã số thuế này đã được đăng ký."


def _form(**overrides) -> dict:
    data = {
        "name_vi": "Tập đoàn Công nghiệp - Viễn thông Quân đội",
        "name_en": "Viettel Group",
        "trading_names": "Viettel\nViettel Global",
        "tax_code": "0100109106",
        "province": str(Province.objects.get(codename="ha-noi").code),
        "founded_year": "1989",
        "employee_band": "5000+",
        "vn_ownership_pct": "100",
        "sectors": ["telecoms-5g", "cyber-security"],
        "website": "https://viettel.com.vn",
        "description_vi": "",
        "description_en": "",
        "status": "active",
    }
    data.update(overrides)
    return data


def _field_errors(response, field) -> list[str]:
    return list(response.context["form"].errors.get(field, []))


def test_enterprise_create_by_staff_saves_through_the_service(client, officer):
    client.force_login(officer)
    response = client.post("/enterprises/new/", _form())
    enterprise = Enterprise.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/enterprises/{enterprise.pk}/"
    assert enterprise.tax_code == "0100109106"
    assert enterprise.trading_names == ["Viettel", "Viettel Global"]
    assert enterprise.name_folded == "tap doan cong nghiep - vien thong quan doi"
    assert sorted(s.code for s in enterprise.sectors.all()) == ["cyber-security", "telecoms-5g"]
    record = enterprise.history.get()
    assert (record.history_user, record.history_type) == (officer, "+")


def test_enterprise_create_accepts_a_branch_tax_code_with_dash(client, officer):
    client.force_login(officer)
    client.post("/enterprises/new/", _form(tax_code="0100109106-001"))
    assert Enterprise.objects.get().tax_code == "0100109106001"


def test_enterprise_create_page_is_refused_to_non_staff(client):
    rep = f.user_with_role(Role.ENTERPRISE_REP, enterprise=f.EnterpriseFactory())
    client.force_login(rep)
    assert client.get("/enterprises/new/").status_code == 403
    assert client.post("/enterprises/new/", _form()).status_code == 403
    assert Enterprise.objects.count() == 1


def test_enterprise_create_sends_anonymous_to_sign_in(client):
    response = client.get("/enterprises/new/")
    assert response.status_code == 302
    assert response["Location"] == login_redirect("/enterprises/new/")


@pytest.mark.parametrize(
    ("tax_code", "message"),
    [
        ("0100109107", CHECKSUM),
        ("01001O9106", DIGITS_ONLY),
        ("010010910", "Mã số thuế có 10 chữ số, hoặc 13 chữ số nếu có hậu tố chi nhánh."),
    ],
)
def test_enterprise_create_refuses_bad_tax_code_in_vietnamese(client, officer, tax_code, message):
    client.force_login(officer)
    response = client.post("/enterprises/new/", _form(tax_code=tax_code))
    assert response.status_code == 200
    assert _field_errors(response, "tax_code") == [message]
    assert message in text(response)
    assert not Enterprise.objects.exists()


def test_enterprise_create_refuses_duplicate_tax_code(client, officer):
    f.EnterpriseFactory(tax_code="0100109106")
    client.force_login(officer)
    response = client.post("/enterprises/new/", _form(tax_code="0100109106"))
    assert _field_errors(response, "tax_code") == [DUPLICATE]
    assert Enterprise.objects.count() == 1


def test_enterprise_create_refuses_founding_year_in_future(client, officer):
    client.force_login(officer)
    next_year = timezone.localdate().year + 1
    response = client.post("/enterprises/new/", _form(founded_year=str(next_year)))
    assert _field_errors(response, "founded_year") == [FUTURE_YEAR]
    assert not Enterprise.objects.exists()


def test_enterprise_create_refuses_missing_name_and_unknown_province(client, officer):
    client.force_login(officer)
    response = client.post("/enterprises/new/", _form(name_vi="", province="9999"))
    assert _field_errors(response, "name_vi") == ["Trường này là bắt buộc."]
    assert len(_field_errors(response, "province")) == 1
    assert not Enterprise.objects.exists()


def test_enterprise_create_escapes_script_in_name_on_the_page(client, officer):
    client.force_login(officer)
    client.post("/enterprises/new/", _form(name_vi="<script>alert('x')</script>"))
    enterprise = Enterprise.objects.get()
    body = text(client.get(f"/enterprises/{enterprise.pk}/"))
    assert "<script>alert('x')</script>" not in body
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in body


def test_enterprise_edit_by_own_rep_saves_but_cannot_set_status_or_tax_code(client):
    enterprise = f.EnterpriseFactory(tax_code="0100109106")
    rep = f.user_with_role(Role.ENTERPRISE_REP, enterprise=enterprise)
    client.force_login(rep)
    page = client.get(f"/enterprises/{enterprise.pk}/edit/")
    assert page.status_code == 200
    assert "status" not in page.context["form"].fields
    assert page.context["form"].initial["tax_code"] == "0100109106"
    assert page.context["form"].fields["tax_code"].disabled
    response = client.post(
        f"/enterprises/{enterprise.pk}/edit/",
        _form(name_vi="Tên mới", status="dissolved", tax_code="0101248141"),
    )
    assert response.status_code == 302
    enterprise.refresh_from_db()
    assert (enterprise.name_vi, enterprise.status) == ("Tên mới", "active")
    assert enterprise.tax_code == "0100109106"
    assert enterprise.history.latest().history_user == rep


def test_enterprise_edit_of_another_enterprise_is_refused(client):
    mine, theirs = f.EnterpriseFactory(), f.EnterpriseFactory(name_vi="Của người khác")
    client.force_login(f.user_with_role(Role.ENTERPRISE_REP, enterprise=mine))
    assert client.get(f"/enterprises/{theirs.pk}/edit/").status_code == 403
    response = client.post(f"/enterprises/{theirs.pk}/edit/", _form(name_vi="Chiếm"))
    assert response.status_code == 403
    theirs.refresh_from_db()
    assert theirs.name_vi == "Của người khác"


def test_enterprise_edit_refuses_bad_check_digit_and_keeps_the_record(client, officer):
    enterprise = f.EnterpriseFactory(tax_code="0100109106")
    client.force_login(officer)
    response = client.post(f"/enterprises/{enterprise.pk}/edit/", _form(tax_code="0100109107"))
    assert _field_errors(response, "tax_code") == [CHECKSUM]
    enterprise.refresh_from_db()
    assert enterprise.tax_code == "0100109106"
    assert enterprise.history.count() == 1
