"""Attachments: type by content and extension, size, names, storage under generated names
outside the web root, and downloads only for those who may see the parent record."""

import io
import uuid
import zipfile

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from goglobal.files import services, storage
from goglobal.files.models import Attachment
from goglobal.testing.api import client_as

PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"


def _docx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", "<w:document/>")
    return out.getvalue()


def _upload(client, kind, pk, file_name, data, **fields):
    body = {"file": SimpleUploadedFile(file_name, data), **fields}
    response = client.post(f"/api/v1/files/{kind}/{pk}", body)
    return response.status_code, response.json()


def _stored_files():
    root = storage.files_dir()
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_attachment_upload_stores_under_a_generated_name_outside_the_web_root(desk_world):
    admin = client_as(desk_world, "admin")
    status, body = _upload(admin, "agreement", desk_world.agreement_jp.pk, "Bản ký.pdf", PDF)
    assert status == 201, body
    assert body["name"] == "Bản ký.pdf"
    assert body["media_type"] == "application/pdf"
    assert body["size"] == len(PDF)
    attachment = Attachment.objects.get()
    files = _stored_files()
    assert [f.name for f in files] == [attachment.stored_name]
    assert "Bản" not in attachment.stored_name and not attachment.stored_name.endswith(".pdf")
    assert files[0].read_bytes() == PDF
    assert not str(files[0]).startswith(str(settings.STATIC_ROOT))


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("admin", 200),
        ("programme_officer", 200),
        ("mission_officer", 200),  # the agreement is with JP, in its jurisdiction
        ("mission_multi", 404),
        ("enterprise_rep", 404),
        ("partner_rep", 404),
        ("advisory_member", 404),
        ("anonymous", 404),
    ],
)
def test_attachment_download_follows_the_parent_records_selector(desk_world, role, status):
    attachment = services.attachment_add(
        actor=desk_world.users["admin"],
        parent=desk_world.agreement_jp,
        stream=io.BytesIO(PDF),
        size=len(PDF),
        name="mou.pdf",
    )
    client = client_as(desk_world, role)
    page = client.get(f"/files/{attachment.public_id}/")
    api = client.get(f"/api/v1/files/{attachment.public_id}")
    assert (page.status_code, api.status_code) == (status, status)
    if status == 200:
        assert b"".join(page.streaming_content) == PDF
        assert page["Content-Disposition"].startswith("attachment;")
        assert page["Content-Type"] == "application/pdf"


def test_attachment_guessed_urls_are_refused_with_404(desk_world):
    admin = client_as(desk_world, "admin")
    for guess in (str(uuid.uuid4()), "1", "..%2F..%2Fsettings.py", "x" * 40):
        assert admin.get(f"/files/{guess}/").status_code == 404
        assert admin.get(f"/api/v1/files/{guess}").status_code == 404


def test_attachment_of_a_record_that_becomes_invisible_is_refused(desk_world):
    """Visibility is checked on each download, not at upload: a note its author closes to
    enterprises stops serving its files to them."""
    note = desk_world.note_jp_ent
    attachment = services.attachment_add(
        actor=desk_world.users["mission_officer"],
        parent=note,
        stream=io.BytesIO(PDF),
        size=len(PDF),
        name="note.pdf",
    )
    rep = client_as(desk_world, "enterprise_rep")
    assert rep.get(f"/files/{attachment.public_id}/").status_code == 200
    note.visibility = "staff"
    note.save()
    assert rep.get(f"/files/{attachment.public_id}/").status_code == 404


@pytest.mark.parametrize(
    ("name", "data", "field"),
    [
        ("virus.exe", b"MZ\x90\x00", "file"),
        ("renamed.pdf", b"MZ\x90\x00\x03\x00", "file"),  # an executable under a PDF's name
        ("photo.png", PDF, "file"),
        ("fake.docx", b"PK\x03\x04 not a zip", "file"),
        ("empty.pdf", b"", "file"),
        ("notes.txt", b"binary\x00data", "file"),
        ("page.html", b"<script>alert(1)</script>", "file"),
    ],
)
def test_attachment_of_a_forbidden_type_is_refused_and_nothing_is_stored(
    desk_world, name, data, field
):
    admin = client_as(desk_world, "admin")
    status, body = _upload(admin, "agreement", desk_world.agreement_jp.pk, name, data)
    assert status == 422, body
    assert [e["field"] for e in body["errors"]] == [field]
    assert body["errors"][0]["message"]
    assert Attachment.objects.count() == 0
    assert _stored_files() == []


def test_attachment_accepted_types_by_content(desk_world):
    admin = client_as(desk_world, "admin")
    for name, data in (
        ("a.docx", _docx()),
        ("b.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 20),
        ("c.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 20),
        ("d.csv", "tên,giá\nphần mềm,1\n".encode()),
    ):
        status, body = _upload(admin, "agreement", desk_world.agreement_jp.pk, name, data)
        assert status == 201, (name, body)
    assert Attachment.objects.count() == 4


@pytest.mark.parametrize(
    "name", ["../../etc/passwd.pdf", "thư mục/hợp đồng.pdf", "a\\b.pdf", ".pdf"]
)
def test_attachment_name_with_a_path_is_refused(desk_world, name):
    admin = client_as(desk_world, "admin")
    status, body = _upload(admin, "agreement", desk_world.agreement_jp.pk, "ok.pdf", PDF, name=name)
    assert status == 422, body
    assert [e["field"] for e in body["errors"]] == ["name"]
    assert Attachment.objects.count() == 0
    assert _stored_files() == []


def test_attachment_too_large_is_refused(desk_world):
    data = PDF + b"\x00" * services.MAX_SIZE
    with pytest.raises(ValidationError) as refused:
        services.attachment_add(
            actor=desk_world.users["admin"],
            parent=desk_world.agreement_jp,
            stream=io.BytesIO(data),
            size=len(data),
            name="big.pdf",
        )
    assert refused.value.message_dict["file"][0].startswith("Tệp quá lớn: tối đa 20")
    assert Attachment.objects.count() == 0
    assert _stored_files() == []


def test_attachment_refused_to_those_who_may_not_attach(desk_world):
    # The mission sees the JP agreement but only the ministry keeps its documents.
    with pytest.raises(PermissionDenied):
        services.attachment_add(
            actor=desk_world.users["mission_officer"],
            parent=desk_world.agreement_jp,
            stream=io.BytesIO(PDF),
            size=len(PDF),
            name="x.pdf",
        )
    status, _ = _upload(
        client_as(desk_world, "mission_officer"),
        "agreement",
        desk_world.agreement_jp.pk,
        "x.pdf",
        PDF,
    )
    assert status == 403
    # A record one cannot see is not found at all.
    status, _ = _upload(
        client_as(desk_world, "enterprise_rep"),
        "agreement",
        desk_world.agreement_jp.pk,
        "x.pdf",
        PDF,
    )
    assert status == 404
    assert _upload(Client(), "agreement", desk_world.agreement_jp.pk, "x.pdf", PDF)[0] == 401
    assert _upload(client_as(desk_world, "admin"), "nothing", 1, "x.pdf", PDF)[0] == 404
    assert Attachment.objects.count() == 0


def test_attachment_page_upload_reports_errors_in_vietnamese(desk_world):
    admin = client_as(desk_world, "admin")
    url = f"/files/upload/agreement/{desk_world.agreement_jp.pk}/"
    back = f"/agreements/{desk_world.agreement_jp.pk}/"
    response = admin.post(
        url, {"file": SimpleUploadedFile("x.exe", b"MZ"), "next": back}, follow=True
    )
    assert response.redirect_chain[-1][0] == back
    assert "Không nhận tệp loại này" in response.content.decode()
    response = admin.post(
        url, {"file": SimpleUploadedFile("ok.pdf", PDF), "next": back}, follow=True
    )
    assert "ok.pdf" in response.content.decode()
    assert Attachment.objects.count() == 1
