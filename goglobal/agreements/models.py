from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from goglobal.agreements.enums import AgreementKind, AgreementStatus, SignatorySide
from goglobal.agreements.machine import DATE_ORDER
from goglobal.core.history import History
from goglobal.core.models import TimeStamped


class Agreement(TimeStamped):
    """A cooperation agreement with a partner country or an international organisation. Its
    status changes only through `services.agreement_transition`, which logs each move. An
    upgrade (an MoU raised to a digital partnership) is a new agreement whose `upgraded_from`
    is the one it replaces: the lineage."""

    kind = models.CharField(_("kind"), max_length=30, choices=AgreementKind.choices)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=AgreementStatus.choices,
        default=AgreementStatus.PROPOSED,
    )
    title_vi = models.CharField(_("title (Vietnamese)"), max_length=255)
    title_en = models.CharField(_("title (English)"), max_length=255, blank=True)
    partner_country = models.ForeignKey(
        "reference.Country",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="agreements",
        verbose_name=_("partner country"),
    )
    partner_organisation = models.CharField(
        _("partner international organisation"), max_length=200, blank=True
    )
    vietnam_party = models.CharField(_("Vietnamese party"), max_length=255)
    partner_party = models.CharField(_("partner party"), max_length=255)
    proposed_on = models.DateField(_("proposed on"))
    negotiation_started_on = models.DateField(_("negotiation started on"), null=True, blank=True)
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    in_force_on = models.DateField(_("in force from"), null=True, blank=True)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    place = models.CharField(_("place of signature"), max_length=200, blank=True)
    areas = models.JSONField(_("areas of cooperation"), default=list, blank=True)
    summary = models.TextField(_("summary"), max_length=5000, blank=True)
    upgraded_from = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="upgrades",
        verbose_name=_("upgrade of"),
    )
    events = models.ManyToManyField(
        "events.Event", blank=True, related_name="agreements", verbose_name=_("events")
    )
    cases = models.ManyToManyField(
        "cases.Case", blank=True, related_name="agreements", verbose_name=_("support cases")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    history = History()

    class Meta:
        ordering = ["-proposed_on", "-id"]
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        constraints = [
            models.CheckConstraint(
                name="agreement_one_partner",
                condition=(Q(partner_country__isnull=False) & Q(partner_organisation=""))
                | (Q(partner_country__isnull=True) & ~Q(partner_organisation="")),
            ),
        ]

    @property
    def title(self) -> str:
        english = (get_language() or "vi").startswith("en")
        return (self.title_en or self.title_vi) if english else self.title_vi

    @property
    def partner_name(self) -> str:
        return self.partner_country.name if self.partner_country_id else self.partner_organisation

    def clean(self):
        errors = {}
        if bool(self.partner_country_id) == bool(self.partner_organisation):
            errors["partner_country"] = _(
                "Give either a partner country or an international organisation, not both."
            )
        earlier = None
        for field in DATE_ORDER:
            value = getattr(self, field)
            if value is None:
                continue
            if earlier is not None and value < earlier[1]:
                errors.setdefault(
                    field,
                    _("%(this)s cannot be before %(earlier)s.")
                    % {
                        "this": self._meta.get_field(field).verbose_name,
                        "earlier": self._meta.get_field(earlier[0]).verbose_name,
                    },
                )
            earlier = (field, value)
        if self.proposed_on and self.proposed_on > timezone.localdate():
            errors.setdefault("proposed_on", _("The date proposed cannot be in the future."))
        if errors:
            raise ValidationError(errors)

    def __str__(self) -> str:
        return self.title_vi


class Signatory(models.Model):
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="signatories")
    side = models.CharField(_("side"), max_length=10, choices=SignatorySide.choices)
    name = models.CharField(_("name"), max_length=200)
    position = models.CharField(_("position"), max_length=200, blank=True)

    class Meta:
        ordering = ["side", "id"]
        verbose_name = _("signatory")

    def __str__(self) -> str:
        return self.name


class AgreementTransition(models.Model):
    """One move of an agreement's status: who, when, why, and the date it took effect."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(_("from"), max_length=20, choices=AgreementStatus.choices)
    to_status = models.CharField(_("to"), max_length=20, choices=AgreementStatus.choices)
    effective_on = models.DateField(_("effective on"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField(_("reason"), blank=True)
    at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("agreement transition")

    def __str__(self) -> str:
        return f"{self.agreement_id}: {self.from_status} → {self.to_status}"
