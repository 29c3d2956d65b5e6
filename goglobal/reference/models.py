"""Reference data: loaded from libraries by migrations, retired with `disabled_on`, never deleted."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class BilingualName(models.Model):
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    disabled_on = models.DateField(_("disabled on"), null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def name(self) -> str:
        return self.name_en if (get_language() or "vi").startswith("en") else self.name_vi

    def __str__(self) -> str:
        return self.name


class Country(BilingualName):
    code = models.CharField(_("ISO code"), max_length=2, primary_key=True)

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")


class Province(BilingualName):
    """The 34 provincial units in force since 1 July 2025 (vietnam-provinces)."""

    code = models.PositiveSmallIntegerField(_("code"), primary_key=True)
    codename = models.SlugField(_("code name"), max_length=60, unique=True)
    kind = models.CharField(_("kind"), max_length=40)

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("province")
        verbose_name_plural = _("provinces")


class Sector(BilingualName):
    code = models.SlugField(_("code"), max_length=40, unique=True)

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")


class VsicVersion(models.TextChoices):
    VSIC_2018 = "2018", "VSIC 2018"
    VSIC_2025 = "2025", "VSIC 2025"


class SectorVsicCode(models.Model):
    """A sector's industry codes, per VSIC edition (2025 renumbered several ICT codes)."""

    sector = models.ForeignKey(Sector, on_delete=models.CASCADE, related_name="vsic_codes")
    version = models.CharField(_("VSIC version"), max_length=4, choices=VsicVersion.choices)
    code = models.CharField(_("VSIC code"), max_length=5)
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        ordering = ["version", "code"]
        constraints = [
            models.UniqueConstraint(fields=["sector", "version", "code"], name="uniq_sector_vsic")
        ]

    def __str__(self) -> str:
        return f"VSIC {self.version} {self.code}"


class Currency(BilingualName):
    code = models.CharField(_("ISO code"), max_length=3, primary_key=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("currency")
        verbose_name_plural = _("currencies")
