"""The search tests' data: the seed organisations (goglobal.core.seed) and a few named
enterprises, indexed once per module; nothing from the random generator."""

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.test import override_settings

from goglobal.accounts.models import Role
from goglobal.conftest import FAST_HASHERS
from goglobal.core.seed import load_seed
from goglobal.enterprises.enums import EnterpriseStatus
from goglobal.enterprises.models import Enterprise
from goglobal.missions.models import Mission
from goglobal.reference.models import Province, Sector
from goglobal.search.services import search_rebuild
from goglobal.testing.factories import (
    ContactFactory,
    EnterpriseFactory,
    PresenceFactory,
    ProductFactory,
    user_with_role,
    valid_tax_code,
)

# (name_vi, name_en, trading names, province, sectors, status, size)
NAMED = [
    ("Công ty TNHH Phần mềm Đà Nẵng Xanh", "Da Nang Green Software Co., Ltd", ["DNG Soft"],
     "da-nang", ["software-it-services"], EnterpriseStatus.ACTIVE, "11-50"),
    ("Công ty Cổ phần Giải pháp Số Đông Á", "Dong A Digital Solutions JSC", [],
     "ha-noi", ["digital-transformation"], EnterpriseStatus.ACTIVE, "51-200"),
    ("Công ty TNHH Dữ liệu Sài Gòn", "Saigon Data Company Limited", ["SGData"],
     "ho-chi-minh", ["big-data", "cloud-data-centres"], EnterpriseStatus.ACTIVE, "201-1000"),
    ("Công ty TNHH Công nghệ Hòa Bình", "Hoa Binh Technology Co., Ltd", [],
     "ha-noi", ["software-it-services"], EnterpriseStatus.INACTIVE, "1-10"),
    ("Công ty Cổ phần Trí tuệ Nhân tạo Hội An", "Hoi An AI JSC", [],
     "da-nang", ["ai"], EnterpriseStatus.ACTIVE, "11-50"),
]  # fmt: skip


@dataclass
class SearchWorld:
    users: dict
    enterprises: dict[str, Enterprise]
    branch: Enterprise


def build_search_world() -> SearchWorld:
    load_seed()
    provinces = {p.codename: p for p in Province.objects.all()}
    enterprises = {}
    for index, (name_vi, name_en, trading, province, sectors, status, size) in enumerate(NAMED):
        enterprise = EnterpriseFactory(
            name_vi=name_vi,
            name_en=name_en,
            trading_names=trading,
            tax_code=valid_tax_code(900 + index),
            province=provinces[province],
            status=status,
            employee_band=size,
            sectors=list(Sector.objects.filter(code__in=sectors)),
        )
        enterprises[name_en] = enterprise
    saigon = enterprises["Saigon Data Company Limited"]
    PresenceFactory(enterprise=saigon, country_id="JP", mode="representative_office")
    PresenceFactory(enterprise=saigon, country_id="SG", mode="subsidiary")
    ProductFactory(
        enterprise=saigon, name_vi="Kho dữ liệu Mây Sài Gòn", name_en="Saigon Cloud Warehouse"
    )
    hoa_binh = enterprises["Hoa Binh Technology Co., Ltd"]
    ProductFactory(
        enterprise=hoa_binh, name_vi="Phần mềm kế toán Hòa Bình", name_en="Hoa Binh Accounting"
    )
    ContactFactory(enterprise=hoa_binh, full_name="Đặng Văn Quyết", position="Giám đốc")
    branch = EnterpriseFactory(
        name_vi="Chi nhánh Công ty TNHH Dữ liệu Sài Gòn tại Đà Nẵng",
        name_en="Saigon Data Company Limited, Da Nang branch",
        tax_code=saigon.tax_code + "001",
        province=provinces["da-nang"],
    )
    search_rebuild()
    japan = Mission.objects.get(name_en="Embassy of Viet Nam in Japan")
    users = {
        "anonymous": AnonymousUser(),
        "officer": user_with_role(Role.PROGRAMME_OFFICER),
        "mission": user_with_role(Role.MISSION_OFFICER, mission=japan),
        "enterprise": user_with_role(Role.ENTERPRISE_REP, enterprise=hoa_binh),
        "partner": user_with_role(Role.PARTNER_REP),
    }
    return SearchWorld(users=users, enterprises=enterprises, branch=branch)


@pytest.fixture(scope="module")
def search_world(django_db_setup, django_db_blocker):
    """Built once per module inside an outer transaction that is rolled back afterwards (as
    goglobal.conftest.shared_world); tests must not change it."""
    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=FAST_HASHERS):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield build_search_world()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
