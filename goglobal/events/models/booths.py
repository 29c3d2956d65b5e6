"""Booths at fairs abroad: exhibitors and the leads they collect."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from goglobal.core.history import History
from goglobal.core.models import TimeStamped
from goglobal.events.enums import LeadFollowUp
from goglobal.events.models.events import Event


class Booth(models.Model):
    """A Vietnamese digital-technology booth (gian hàng) at a fair abroad."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="booths")
    name = models.CharField(_("name"), max_length=255)
    location = models.CharField(_("hall and stand"), max_length=120, blank=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("booth")

    def __str__(self) -> str:
        return self.name


class Exhibitor(models.Model):
    booth = models.ForeignKey(Booth, on_delete=models.CASCADE, related_name="exhibitors")
    enterprise = models.ForeignKey(
        "enterprises.Enterprise", on_delete=models.PROTECT, related_name="exhibitions"
    )
    products = models.ManyToManyField("enterprises.Product", blank=True, related_name="+")

    history = History(m2m_fields=[products])

    class Meta:
        verbose_name = _("exhibitor")
        constraints = [
            models.UniqueConstraint(
                fields=["booth", "enterprise"], name="exhibitor_once_per_booth"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.enterprise} @ {self.booth}"


class Lead(TimeStamped):
    """A visitor met at a booth who agreed to be contacted by the exhibitor (the consent is the
    legal basis under Law 91/2025/QH15; it is recorded with who collected it and when)."""

    exhibitor = models.ForeignKey(Exhibitor, on_delete=models.CASCADE, related_name="leads")
    full_name = models.CharField(_("full name"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=255, blank=True)
    country = models.ForeignKey(
        "reference.Country", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    email = models.EmailField(_("e-mail"), blank=True)
    interest = models.TextField(_("interest"), max_length=2000, blank=True)
    consent_to_contact = models.BooleanField(_("agreed to be contacted"), default=False)
    follow_up = models.CharField(
        _("follow-up"), max_length=12, choices=LeadFollowUp.choices, default=LeadFollowUp.NEW
    )
    follow_up_note = models.TextField(_("follow-up note"), max_length=2000, blank=True)
    collected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    history = History()

    class Meta:
        ordering = ["-created_at", "id"]
        verbose_name = _("lead")

    def __str__(self) -> str:
        return self.full_name
