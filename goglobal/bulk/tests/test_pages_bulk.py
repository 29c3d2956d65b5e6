import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from goglobal.bulk.models import ImportJob
from goglobal.bulk.tests.helpers import csv_bytes, enterprise_rows
from goglobal.enterprises.models import Enterprise
from goglobal.testing.api import client_as, row_counts

pytestmark = pytest.mark.django_db


def test_page_import_dry_run_then_confirm(world):
    client = client_as(world, "programme_officer")
    assert client.get(reverse("bulk:import")).status_code == 200
    before = Enterprise.objects.count()
    upload = SimpleUploadedFile("dn.csv", csv_bytes(enterprise_rows(2)))
    response = client.post(reverse("bulk:import"), {"kind": "enterprises", "file": upload})
    job = ImportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "bulk:import-detail", args=[job.pk]
    )
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert (
        "Import these rows" in page.content.decode() or "Nhập các dòng này" in page.content.decode()
    )
    assert Enterprise.objects.count() == before
    confirmed = client.post(reverse("bulk:import-confirm", args=[job.pk]))
    assert confirmed.status_code == 302
    assert Enterprise.objects.count() == before + 2
    real = ImportJob.objects.exclude(pk=job.pk).get()
    assert (real.dry_run, real.status, real.created_count) == (False, "done", 2)


def test_page_import_detail_partial_for_htmx(world):
    client = client_as(world, "admin")
    upload = SimpleUploadedFile("x.png", b"\x89PNG\r\n\x1a\n")
    client.post(reverse("bulk:import"), {"kind": "enterprises", "file": upload})
    job = ImportJob.objects.get()
    assert job.status == "refused"
    partial = client.get(
        reverse("bulk:import-detail", args=[job.pk]), HTTP_HX_REQUEST="true", HTTP_HX_TARGET="job"
    )
    body = partial.content.decode()
    assert body.lstrip().startswith('<section id="job"')
    assert "<html" not in body
    # A refused check offers no confirm button, and confirming it anyway is refused.
    assert reverse("bulk:import-confirm", args=[job.pk]) not in body
    before = row_counts()
    assert client.post(reverse("bulk:import-confirm", args=[job.pk])).status_code == 404
    assert row_counts() == before


@pytest.mark.parametrize("role", ["mission_officer", "enterprise_rep", "partner_rep"])
def test_page_import_not_allowed(world, role):
    client = client_as(world, role)
    assert client.get(reverse("bulk:import")).status_code == 403
    upload = SimpleUploadedFile("dn.csv", csv_bytes(enterprise_rows(1)))
    response = client.post(reverse("bulk:import"), {"kind": "enterprises", "file": upload})
    assert response.status_code == 403
    assert not ImportJob.objects.exists()


def test_page_import_anonymous_redirected_to_login(world):
    response = client_as(world, "anonymous").get(reverse("bulk:import"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_page_import_without_file_is_422(world):
    response = client_as(world, "admin").post(reverse("bulk:import"), {"kind": "enterprises"})
    assert response.status_code == 422
    assert not ImportJob.objects.exists()


def test_page_export_keeps_filters_and_visibility(world):
    url = reverse("bulk:export", args=["enterprises", "csv"])
    rows = list(
        csv.reader(
            io.StringIO(
                b"".join(
                    client_as(world, "anonymous").get(url + "?country=JP").streaming_content
                ).decode("utf-8-sig")
            )
        )
    )
    assert [row[0] for row in rows[1:]] == [world.ent_a.tax_code]  # ent_c (JP) is inactive
    listing = client_as(world, "anonymous").get(reverse("enterprises:list") + "?country=JP")
    assert f"{url}?country=JP" in listing.content.decode()


def test_page_export_declarations_not_for_missions(world):
    url = reverse("bulk:export", args=["declarations", "xlsx"])
    assert client_as(world, "mission_officer").get(url).status_code == 403
    assert client_as(world, "anonymous").get(url).status_code == 302
    assert client_as(world, "admin").get(url).status_code == 200
    assert (
        client_as(world, "admin").get(reverse("bulk:export", args=["contacts", "csv"])).status_code
        == 404
    )


def test_command_import_dry_run_and_real(world, tmp_path):
    path = tmp_path / "dn.csv"
    path.write_bytes(csv_bytes(enterprise_rows(2)))
    before = Enterprise.objects.count()
    out = io.StringIO()
    call_command(
        "import",
        "enterprises",
        str(path),
        "--dry-run",
        "--user",
        world.users["admin"].username,
        stdout=out,
    )
    assert "2 would be created" in out.getvalue()
    assert Enterprise.objects.count() == before
    call_command(
        "import", "enterprises", str(path), "--user", world.users["admin"].username, stdout=out
    )
    assert Enterprise.objects.count() == before + 2
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest")
    with pytest.raises(CommandError, match="nothing was written"):
        call_command(
            "import",
            "enterprises",
            str(bad),
            "--user",
            world.users["admin"].username,
            stdout=out,
            stderr=io.StringIO(),
        )
    with pytest.raises(CommandError, match="ministry staff"):
        call_command(
            "import",
            "enterprises",
            str(path),
            "--user",
            world.users["mission_officer"].username,
            stdout=out,
        )


def test_page_import_detail_polls_while_queued(world):
    from goglobal.bulk.services import import_job_create

    admin = world.users["admin"]
    job = import_job_create(
        actor=admin,
        kind="enterprises",
        data=csv_bytes(enterprise_rows(1)),
        file_name="a.csv",
        dry_run=True,
    )
    body = (
        client_as(world, "admin").get(reverse("bulk:import-detail", args=[job.pk])).content.decode()
    )
    assert 'hx-trigger="every 2s"' in body and "<progress" in body
    assert reverse("bulk:import-confirm", args=[job.pk]) not in body


def test_page_enterprise_tabs_link_their_exports(world):
    client = client_as(world, "anonymous")
    pk = world.ent_a.pk
    products = client.get(reverse("enterprises:products", args=[pk])).content.decode()
    assert f"{reverse('bulk:export', args=['products', 'csv'])}?enterprise={pk}" in products
    rows = list(
        csv.reader(
            io.StringIO(
                b"".join(
                    client.get(
                        f"{reverse('bulk:export', args=['presence', 'csv'])}?enterprise={pk}"
                    ).streaming_content
                ).decode("utf-8-sig")
            )
        )
    )
    assert [(row[0], row[2]) for row in rows[1:]] == [(world.ent_a.tax_code, "JP")]
    hidden = client.get(
        f"{reverse('bulk:export', args=['presence', 'csv'])}?enterprise={world.ent_c.pk}"
    )
    assert (
        len(list(csv.reader(io.StringIO(b"".join(hidden.streaming_content).decode("utf-8-sig")))))
        == 1
    )


def test_page_export_declarations_ignores_a_status_it_does_not_know(world):
    from goglobal.testing.downloads import csv_rows

    url = reverse("bulk:export", args=["declarations", "csv"])
    admin = client_as(world, "admin")
    every = {row[0] for row in csv_rows(admin.get(url))[1:]}
    assert every == {world.ent_a.tax_code, world.ent_b.tax_code}
    submitted = csv_rows(admin.get(url, {"status": "submitted"}))
    assert [row[0] for row in submitted[1:]] == [world.ent_b.tax_code]
    # As the list's filter form: an unknown status is no filter, a NUL never reaches the database.
    for status in ("lost", "sub\x00mitted"):
        assert {row[0] for row in csv_rows(admin.get(url, {"status": status}))[1:]} == every
