from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from goglobal.core.history import History
from goglobal.core.models import TimeStamped
from goglobal.desk.enums import (
    InterestStatus,
    OpportunityKind,
    OpportunityOutcome,
    OpportunityStatus,
)


class Opportunity(TimeStamped):
    """A business opportunity a mission found in its country: matched to enterprises by sector
    and market when posted; enterprises express interest; the mission records the outcome."""

    mission = models.ForeignKey(
        "missions.Mission",
        on_delete=models.CASCADE,
        related_name="opportunities",
        verbose_name=_("mission"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=OpportunityKind.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(
        _("description"), max_length=10000, validators=[MaxLengthValidator(10000)]
    )
    country = models.ForeignKey(
        "reference.Country", on_delete=models.PROTECT, related_name="+", verbose_name=_("country")
    )
    sectors = models.ManyToManyField(
        "reference.Sector", related_name="+", verbose_name=_("sectors")
    )
    value = models.DecimalField(
        _("estimated value"), max_digits=18, decimal_places=2, null=True, blank=True
    )
    currency = models.ForeignKey(
        "reference.Currency",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("currency"),
    )
    deadline = models.DateField(_("deadline"))
    contact_name = models.CharField(_("contact person"), max_length=200)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=OpportunityStatus.choices, default="open"
    )
    outcome = models.CharField(
        _("outcome"), max_length=20, choices=OpportunityOutcome.choices, blank=True
    )
    outcome_note = models.TextField(_("outcome note"), max_length=2000, blank=True)
    outcome_recorded_at = models.DateTimeField(null=True, blank=True)
    outcome_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    history = History()

    class Meta:
        ordering = ["deadline", "id"]
        verbose_name = _("business opportunity")
        verbose_name_plural = _("business opportunities")
        indexes = [models.Index(fields=["country", "status"], name="opportunity_country")]
        constraints = [
            models.CheckConstraint(
                name="opportunity_value_not_negative",
                condition=Q(value__isnull=True) | Q(value__gte=0),
            ),
        ]

    def __str__(self) -> str:
        return self.title


class OpportunityMatch(models.Model):
    """An enterprise the opportunity was matched to when posted, and why; its representatives
    were notified."""

    opportunity = models.ForeignKey(Opportunity, on_delete=models.CASCADE, related_name="matches")
    enterprise = models.ForeignKey(
        "enterprises.Enterprise", on_delete=models.CASCADE, related_name="+"
    )
    present = models.BooleanField(_("present in the country"), default=False)
    targeting = models.BooleanField(_("products target the country"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["opportunity", "enterprise"], name="uniq_match"),
        ]

    def __str__(self) -> str:
        return f"{self.enterprise_id} ~ {self.opportunity_id}"


class OpportunityInterest(TimeStamped):
    """An enterprise's interest in an opportunity, and the mission's follow-up."""

    opportunity = models.ForeignKey(Opportunity, on_delete=models.CASCADE, related_name="interests")
    enterprise = models.ForeignKey(
        "enterprises.Enterprise",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("enterprise"),
    )
    message = models.TextField(_("message"), max_length=2000, blank=True)
    expressed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(
        _("follow-up"), max_length=20, choices=InterestStatus.choices, default="new"
    )
    follow_up_note = models.TextField(_("follow-up note"), max_length=2000, blank=True)
    followed_up_at = models.DateTimeField(null=True, blank=True)
    followed_up_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    history = History()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("expression of interest")
        constraints = [
            models.UniqueConstraint(fields=["opportunity", "enterprise"], name="uniq_interest"),
        ]

    def __str__(self) -> str:
        return f"{self.enterprise_id} → {self.opportunity_id}"
