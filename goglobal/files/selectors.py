"""Reads of attachments. A file is visible exactly when its parent record is: the parent kind's
own selector is asked, so an unguessable id is a second lock, not the only one."""

from __future__ import annotations

import uuid

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, QuerySet
from django.http import Http404

from goglobal.accounts.access import AnyUser
from goglobal.files import registry
from goglobal.files.models import Attachment


def attachment_list_for_parent(parent: Model) -> QuerySet[Attachment]:
    """The parent's files; the caller has fetched the parent through its selector."""
    return Attachment.objects.filter(
        parent_type=ContentType.objects.get_for_model(parent), parent_id=parent.pk
    ).select_related("uploaded_by")


def attachment_get_for_user(user: AnyUser, public_id: str | uuid.UUID) -> Attachment:
    try:
        public_id = uuid.UUID(str(public_id))
    except ValueError as exc:
        raise Http404 from exc
    attachment = (
        Attachment.objects.select_related("parent_type").filter(public_id=public_id).first()
    )
    if attachment is None:
        raise Http404
    model = attachment.parent_type.model_class()
    try:
        kind = registry.kind_for_model(model)
    except LookupError as exc:
        raise Http404 from exc
    if not kind.visible(user).filter(pk=attachment.parent_id).exists():
        raise Http404
    return attachment


def parent_get_for_user(user: AnyUser, key: str, pk: int) -> Model:
    """The record of kind `key` the user may see (404 otherwise), to attach a file to."""
    kind = registry.kind_for_key(key)
    found = kind.visible(user).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found
