import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from goglobal.bulk.models import ImportJob
from goglobal.bulk.tests.helpers import csv_bytes, enterprise_rows, valid_tax_code
from goglobal.enterprises.models import Enterprise
from goglobal.testing.api import client_as, row_counts
from goglobal.testing.downloads import csv_rows
from goglobal.testing.factories import EnterpriseFactory

pytestmark = pytest.mark.django_db


def _upload(client, data: bytes, *, kind="enterprises", dry_run="true", name="file.csv"):
    return client.post(
        "/api/v1/imports",
        {"kind": kind, "dry_run": dry_run, "file": SimpleUploadedFile(name, data)},
    )


def test_api_import_dry_run_then_real_run(world):
    client = client_as(world, "programme_officer")
    data = csv_bytes(enterprise_rows(2))
    before = Enterprise.objects.count()
    response = _upload(client, data)
    assert response.status_code == 201
    body = response.json()
    assert (body["status"], body["dry_run"], body["created_count"]) == ("done", True, 2)
    assert body["report"]["counts"]["create"] == 2
    assert Enterprise.objects.count() == before
    real = _upload(client, data, dry_run="false")
    assert real.status_code == 201
    assert real.json()["report"]["committed"] is True
    assert Enterprise.objects.count() == before + 2
    job = client.get(f"/api/v1/imports/{real.json()['id']}")
    assert job.status_code == 200 and job.json()["status"] == "done"
    assert bytes(ImportJob.objects.get(pk=real.json()["id"]).file_data) == b""


def test_api_import_refused_file_is_201_refused_with_nothing_written(world):
    client = client_as(world, "admin")
    before = row_counts()
    response = _upload(client, b"\x89PNG\r\n\x1a\n\x00\x00", dry_run="false", name="x.png")
    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "refused"
    # Vietnamese is the default language of the site and of the report.
    assert body["report"]["file_errors"] == [
        "Tệp này không phải bảng tính: hãy tải lên tệp CSV hoặc XLSX."
    ]
    english = client.post(
        "/api/v1/imports",
        {"kind": "enterprises", "file": SimpleUploadedFile("x.png", b"\x89PNG\r\n\x1a\n")},
        HTTP_ACCEPT_LANGUAGE="en",
    ).json()
    assert english["report"]["file_errors"] == [
        "This file is not a spreadsheet: upload a CSV or an XLSX file."
    ]
    assert row_counts() == before


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 401),
        ("mission_officer", 403),
        ("enterprise_rep", 403),
        ("advisory_member", 403),
    ],
)
def test_api_import_not_allowed(world, role, status):
    client = client_as(world, role)
    before = row_counts()
    response = _upload(client, csv_bytes(enterprise_rows(1)), dry_run="false")
    assert response.status_code == status
    assert set(response.json()) == {"detail", "errors"}
    assert row_counts() == before
    assert not ImportJob.objects.exists()


def test_api_import_job_hidden_from_non_staff(world):
    job = _upload(client_as(world, "admin"), csv_bytes(enterprise_rows(1))).json()
    response = client_as(world, "enterprise_rep").get(f"/api/v1/imports/{job['id']}")
    assert response.status_code == 403
    assert client_as(world, "admin").get("/api/v1/imports/999999").status_code == 404


def test_api_import_bad_kind_is_422(world):
    response = _upload(client_as(world, "admin"), csv_bytes(enterprise_rows(1)), kind="cats")
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "kind"


def test_api_export_anonymous_excludes_inactive_enterprises(world):
    response = client_as(world, "anonymous").get("/api/v1/enterprises/export?format=csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = csv_rows(response)
    assert rows[0][:2] == ["Mã số thuế", "Tên pháp lý (tiếng Việt)"]
    tax_codes = {row[0] for row in rows[1:]}
    assert tax_codes == {world.ent_a.tax_code, world.ent_b.tax_code, world.ent_d.tax_code}
    staff = csv_rows(client_as(world, "admin").get("/api/v1/enterprises/export"))
    assert world.ent_c.tax_code in {row[0] for row in staff[1:]}


def test_api_export_keeps_filters(world):
    response = client_as(world, "admin").get("/api/v1/enterprises/export?country=DE")
    assert [row[0] for row in csv_rows(response)[1:]] == [world.ent_b.tax_code]


def test_api_export_escapes_formula_injection(world):
    EnterpriseFactory(
        name_vi='=HYPERLINK("http://evil","x")', name_en="-2+3", tax_code=valid_tax_code(9)
    )
    rows = csv_rows(client_as(world, "admin").get("/api/v1/enterprises/export?q=hyperlink"))
    assert rows[1][1] == '\'=HYPERLINK("http://evil","x")'
    assert rows[1][2] == "'-2+3"


def test_api_export_xlsx_stores_text_not_formulas(world):
    EnterpriseFactory(name_vi="=1+1", tax_code=valid_tax_code(9))
    response = client_as(world, "admin").get("/api/v1/enterprises/export?format=xlsx&q=1")
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = workbook.active
    values = [[cell for cell in row] for row in sheet.iter_rows(min_row=2)]
    cells = {row[0].value: row[1] for row in values}
    assert cells[valid_tax_code(9)].value == "=1+1"
    assert cells[valid_tax_code(9)].data_type == "s"


def test_api_export_declarations_refused_to_a_mission_officer(world):
    assert client_as(world, "mission_officer").get("/api/v1/declarations/export").status_code == 403
    assert client_as(world, "anonymous").get("/api/v1/declarations/export").status_code == 401
    own = csv_rows(client_as(world, "enterprise_rep").get("/api/v1/declarations/export"))
    assert [row[0] for row in own[1:]] == [world.ent_a.tax_code]
    every = csv_rows(client_as(world, "admin").get("/api/v1/declarations/export"))
    assert sorted(row[0] for row in every[1:]) == sorted(
        [world.ent_a.tax_code, world.ent_b.tax_code]
    )


def test_api_export_products_follow_visibility(world):
    rows = csv_rows(client_as(world, "anonymous").get("/api/v1/products/export"))
    assert world.ent_c.tax_code not in {row[0] for row in rows[1:]}
    assert len(rows) == 4


def test_api_export_bad_format_is_422(world):
    response = client_as(world, "admin").get("/api/v1/enterprises/export?format=pdf")
    assert response.status_code == 422


def test_api_openapi_documents_import_and_export(world):
    schema = client_as(world, "anonymous").get("/api/v1/openapi.json").json()
    post = schema["paths"]["/api/v1/imports"]["post"]["responses"]
    assert set(post) == {"201", "202", "400", "401", "403", "413", "422"}
    export = schema["paths"]["/api/v1/enterprises/export"]["get"]["responses"]
    assert set(export) == {"200", "401", "422"}
    assert "text/csv" in export["200"]["content"]


@pytest.mark.parametrize("kind", ["enterprises", "products", "presence", "declarations"])
def test_api_export_query_count_does_not_grow_with_rows(world, kind):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from goglobal.testing.factories import DeclarationFactory, PresenceFactory, ProductFactory

    client = client_as(world, "admin")
    path = f"/api/v1/{kind}/export"
    with CaptureQueriesContext(connection) as few:
        b"".join(client.get(path).streaming_content)
    for n in range(3):
        enterprise = EnterpriseFactory(tax_code=valid_tax_code(40 + n))
        ProductFactory(enterprise=enterprise)
        PresenceFactory(enterprise=enterprise)
        DeclarationFactory(enterprise=enterprise)
    with CaptureQueriesContext(connection) as more:
        rows = csv_rows(client.get(path))
    assert len(rows) >= 4
    assert len(more) == len(few)


def test_api_export_writes_whole_amounts_as_plain_numbers(world):
    rows = csv_rows(client_as(world, "admin").get("/api/v1/declarations/export"))
    header = rows[0]
    amounts = {
        (row[0], header[i]): row[i]
        for row in rows[1:]
        for i in (header.index("Tổng doanh thu"), header.index("Doanh thu ở nước ngoài"))
    }
    assert amounts and all(value.isdigit() for value in amounts.values()), amounts
