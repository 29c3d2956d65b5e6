from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from goglobal.core.history import History
from goglobal.core.models import TimeStamped


class OrganisationKind(models.TextChoices):
    COMPANY = "company", _("Company")
    UNIVERSITY = "university", _("University or research institute")
    GOVERNMENT = "government", _("Government body")
    TRADE_BODY = "trade_body", _("Trade body or chamber")
    DELEGATION = "delegation", _("Delegation")


class ForeignOrganisation(TimeStamped):
    name = models.CharField(_("name"), max_length=255)
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=255, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices)
    country = models.ForeignKey(
        "reference.Country",
        on_delete=models.PROTECT,
        related_name="foreign_organisations",
        verbose_name=_("country"),
    )
    city = models.CharField(_("city"), max_length=120, blank=True)
    sectors = models.ManyToManyField(
        "reference.Sector",
        blank=True,
        related_name="foreign_organisations",
        verbose_name=_("sectors"),
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(
        _("description"), max_length=5000, blank=True, validators=[MaxLengthValidator(5000)]
    )

    history = History(m2m_fields=[sectors])

    class Meta:
        ordering = ["name"]
        verbose_name = _("foreign organisation")
        verbose_name_plural = _("foreign organisations")
        constraints = [
            models.UniqueConstraint(
                fields=["name", "country"], name="uniq_foreign_org_name_country"
            )
        ]

    def __str__(self) -> str:
        return self.name
