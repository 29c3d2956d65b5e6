import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class Attachment(models.Model):
    """A file attached to a record (a content order, an agreement, a market note). The bytes live
    outside the web root under `stored_name`, a generated name; the user's name is only shown.
    Who may download it is decided by the parent record's selector (see registry)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    parent_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    parent_id = models.PositiveBigIntegerField()
    parent = GenericForeignKey("parent_type", "parent_id")
    name = models.CharField(_("file name"), max_length=200)
    stored_name = models.CharField(max_length=64, unique=True, editable=False)
    media_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size"))
    sha256 = models.CharField(max_length=64)
    note = models.CharField(_("note"), max_length=200, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        indexes = [models.Index(fields=["parent_type", "parent_id"], name="attachment_parent")]

    def __str__(self) -> str:
        return self.name
