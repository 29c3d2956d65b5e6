from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from goglobal.core.history import History
from goglobal.core.models import TimeStamped


class MissionKind(models.TextChoices):
    EMBASSY = "embassy", _("Embassy")
    CONSULATE_GENERAL = "consulate_general", _("Consulate general")
    PERMANENT_MISSION = "permanent_mission", _("Permanent mission")


class Mission(TimeStamped):
    """A Vietnamese representative mission abroad. Its jurisdiction is every country it covers
    (one ambassador may be accredited to several); a permanent mission may instead represent
    Vietnam to an international organisation."""

    name_vi = models.CharField(_("name (Vietnamese)"), max_length=255)
    name_en = models.CharField(_("name (English)"), max_length=255)
    kind = models.CharField(_("kind"), max_length=30, choices=MissionKind.choices)
    host_country = models.ForeignKey(
        "reference.Country",
        on_delete=models.PROTECT,
        related_name="hosted_missions",
        verbose_name=_("host country"),
    )
    city = models.CharField(_("city"), max_length=120)
    jurisdiction = models.ManyToManyField(
        "reference.Country",
        related_name="missions",
        blank=True,
        verbose_name=_("countries of jurisdiction"),
    )
    international_organisation = models.CharField(
        _("international organisation"), max_length=200, blank=True
    )
    head_name = models.CharField(_("head of mission"), max_length=200, blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)

    history = History(m2m_fields=[jurisdiction])

    class Meta:
        ordering = ["name_vi"]
        verbose_name = _("overseas mission")
        verbose_name_plural = _("overseas missions")
        constraints = [
            models.UniqueConstraint(fields=["name_vi"], name="uniq_mission_name_vi"),
            models.CheckConstraint(
                name="mission_intl_org_only_for_permanent",
                condition=Q(international_organisation="") | Q(kind="permanent_mission"),
            ),
        ]

    @property
    def name(self) -> str:
        return self.name_en if (get_language() or "vi").startswith("en") else self.name_vi

    def __str__(self) -> str:
        return self.name
