from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from goglobal.core.history import History
from goglobal.core.models import TimeStamped
from goglobal.desk.enums import NoteTopic, NoteVisibility


class MarketNote(TimeStamped):
    """A short report a mission writes about a country and sector. Its author chooses whether
    Vietnamese enterprises may read it, or only ministry staff and missions."""

    mission = models.ForeignKey(
        "missions.Mission",
        on_delete=models.CASCADE,
        related_name="notes",
        verbose_name=_("mission"),
    )
    country = models.ForeignKey(
        "reference.Country", on_delete=models.PROTECT, related_name="+", verbose_name=_("country")
    )
    sector = models.ForeignKey(
        "reference.Sector",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("sector"),
    )
    topic = models.CharField(_("topic"), max_length=20, choices=NoteTopic.choices)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), max_length=10000, validators=[MaxLengthValidator(10000)])
    visibility = models.CharField(
        _("who may read it"),
        max_length=20,
        choices=NoteVisibility.choices,
        default=NoteVisibility.STAFF,
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    history = History()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("market note")
        verbose_name_plural = _("market notes")
        indexes = [models.Index(fields=["country", "created_at"], name="note_country")]

    def __str__(self) -> str:
        return self.title
