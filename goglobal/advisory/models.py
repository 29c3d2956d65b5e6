from django.db import models
from django.utils.translation import gettext_lazy as _

from goglobal.core.models import TimeStamped


class AgencyKind(models.TextChoices):
    MINISTRY_DEPARTMENT = "ministry_department", _("Ministry department")
    MINISTRY = "ministry", _("Ministry or government agency")
    ASSOCIATION = "association", _("Industry association")
    ENTERPRISE = "enterprise", _("Member enterprise")


class Agency(TimeStamped):
    """A Vietnamese agency or association; Advisory Group members belong to one."""

    name_vi = models.CharField(_("name (Vietnamese)"), max_length=255)
    name_en = models.CharField(_("name (English)"), max_length=255)
    abbreviation = models.CharField(_("abbreviation"), max_length=30, blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=AgencyKind.choices)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="units"
    )
    website = models.URLField(_("website"), blank=True)
    in_advisory_group = models.BooleanField(_("member of the Advisory Group"), default=False)

    class Meta:
        ordering = ["name_vi"]
        verbose_name = _("agency or association")
        verbose_name_plural = _("agencies and associations")
        constraints = [models.UniqueConstraint(fields=["name_vi"], name="uniq_agency_name_vi")]

    def __str__(self) -> str:
        return self.name_vi
