"""Adding and removing attachments. The bytes are checked (name, size, type by content) before
anything is written; the row is created only after the file is safely in place, and the file is
removed again if the row cannot be saved, so a failure leaves neither half."""

from __future__ import annotations

import os
import unicodedata
from typing import BinaryIO

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Model
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from goglobal.accounts.access import AnyUser
from goglobal.files import registry, sniff, storage
from goglobal.files.models import Attachment

MAX_SIZE = 20 * 1024 * 1024
MAX_NAME = 200


def clean_name(name: str) -> str:
    """The name as shown and offered on download. A path is refused, not silently cut: the
    user should know their file was not taken as named."""
    name = unicodedata.normalize("NFC", (name or "").strip())
    if not name:
        raise ValidationError({"name": _("Give the file a name.")})
    if "/" in name or "\\" in name or name in (".", "..") or name.startswith("."):
        raise ValidationError({"name": _("A file name must not contain a folder or path.")})
    if any(unicodedata.category(ch).startswith("C") for ch in name):
        raise ValidationError({"name": _("A file name must not contain control characters.")})
    if len(name) > MAX_NAME:
        raise ValidationError(
            {"name": _("A file name may have at most %(n)s characters.") % {"n": MAX_NAME}}
        )
    return name


def _check(name: str, stream: BinaryIO, size: int) -> str:
    ext = os.path.splitext(name)[1].lower()
    if ext not in sniff.ALLOWED:
        raise ValidationError(
            {
                "file": _("Files of this type are not accepted. Accepted: %(types)s.")
                % {"types": ", ".join(sorted(sniff.ALLOWED))}
            }
        )
    if size == 0:
        raise ValidationError({"file": _("The file is empty.")})
    if size > MAX_SIZE:
        raise ValidationError(
            {
                "file": _("The file is too large: at most %(max)s.")
                % {"max": filesizeformat(MAX_SIZE)}
            }
        )
    media_type = sniff.media_type_of(ext, stream)
    if media_type is None:
        raise ValidationError(
            {"file": _("The file's content is not a %(ext)s file.") % {"ext": ext}}
        )
    return media_type


def attachment_add(
    *, actor: AnyUser, parent: Model, stream: BinaryIO, size: int, name: str, note: str = ""
) -> Attachment:
    kind = registry.kind_for_model(type(parent))
    if not kind.can_attach(actor, parent):
        raise PermissionDenied(_("You are not allowed to attach files to this record."))
    name = clean_name(name)
    note = (note or "").strip()
    if len(note) > 200:
        raise ValidationError({"note": _("A note may have at most 200 characters.")})
    media_type = _check(name, stream, size)
    stored_name = storage.new_stored_name()
    written, digest = storage.write(stream, stored_name)
    try:
        with transaction.atomic():
            return Attachment.objects.create(
                parent_type=ContentType.objects.get_for_model(parent),
                parent_id=parent.pk,
                name=name,
                stored_name=stored_name,
                media_type=media_type,
                size=written,
                sha256=digest,
                note=note,
                uploaded_by=actor if actor.is_authenticated else None,
            )
    except BaseException:
        storage.remove(stored_name)
        raise


@transaction.atomic
def attachment_remove(*, actor: AnyUser, attachment: Attachment) -> None:
    parent = attachment.parent
    kind = registry.kind_for_model(type(parent))
    if not kind.can_attach(actor, parent):
        raise PermissionDenied(_("You are not allowed to remove files from this record."))
    stored_name = attachment.stored_name
    attachment.delete()
    transaction.on_commit(lambda: storage.remove(stored_name))
