import uuid
from datetime import datetime

from django.http import FileResponse, Http404, HttpRequest
from ninja import File, Form, Router, Schema, Status
from ninja.files import UploadedFile

from goglobal.core.api import READ_ONE, WRITE_ONE, responses
from goglobal.core.schemas import Id
from goglobal.files import selectors, services, storage

router = Router(tags=["files"])


class AttachmentOut(Schema):
    public_id: uuid.UUID
    name: str
    media_type: str
    size: int
    note: str
    created_at: datetime


@router.post(
    "/files/{kind}/{parent_id}",
    response=responses({201: AttachmentOut}, *WRITE_ONE),
    summary="Attach a file to a record (agreement, content-order, market-note)",
)
def attachment_upload(
    request: HttpRequest,
    kind: str,
    parent_id: Id,
    file: File[UploadedFile],
    name: Form[str] = "",
    note: Form[str] = "",
):
    parent = selectors.parent_get_for_user(request.auth, kind, parent_id)
    attachment = services.attachment_add(
        actor=request.auth,
        parent=parent,
        stream=file,
        size=file.size,
        name=name or file.name,
        note=note,
    )
    return Status(201, attachment)


@router.get("/files/{public_id}", response=responses({200: None}, *READ_ONE))
def attachment_download(request: HttpRequest, public_id: str):
    attachment = selectors.attachment_get_for_user(request.auth, public_id)
    try:
        handle = open(storage.path_of(attachment.stored_name), "rb")  # noqa: SIM115
    except FileNotFoundError as exc:
        raise Http404 from exc
    return FileResponse(
        handle, as_attachment=True, filename=attachment.name, content_type=attachment.media_type
    )
