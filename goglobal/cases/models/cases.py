from django.conf import settings
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from goglobal.cases.enums import (
    CaseCategory,
    CaseStatus,
    ImpactBand,
    Priority,
    RoutingKind,
    SlaClock,
    SlaLevel,
    Urgency,
    WaitingOn,
)
from goglobal.core.history import History
from goglobal.core.models import TimeStamped

METRIC_FIELDS = (
    "acknowledged_at",
    "assigned_at",
    "resolved_at",
    "reopened",
    "days_to_acknowledge",
    "days_to_triage",
    "days_to_resolve",
    "submitted_month",
    "sla_breached",
)


class Case(TimeStamped):
    """An obstacle an enterprise meets abroad. Its status changes only through
    `services.case_transition`, which logs every move in CaseTransition."""

    enterprise = models.ForeignKey(
        "enterprises.Enterprise",
        on_delete=models.PROTECT,
        related_name="cases",
        verbose_name=_("enterprise"),
    )
    contact = models.ForeignKey(
        "enterprises.Contact",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cases",
        verbose_name=_("contact"),
    )
    title = models.CharField(_("title"), max_length=200)
    country = models.ForeignKey(
        "reference.Country",
        on_delete=models.PROTECT,
        related_name="cases",
        verbose_name=_("country"),
    )
    region = models.CharField(_("region or city"), max_length=120, blank=True)
    other_countries = models.ManyToManyField(
        "reference.Country",
        blank=True,
        related_name="+",
        verbose_name=_("other countries affected"),
    )
    category = models.CharField(_("category"), max_length=30, choices=CaseCategory.choices)
    sub_category = models.CharField(_("sub-category"), max_length=120, blank=True)
    description = models.TextField(
        _("description"), max_length=10000, validators=[MaxLengthValidator(10000)]
    )
    first_met_on = models.DateField(_("date first met"))
    impact_band = models.CharField(_("impact"), max_length=12, choices=ImpactBand.choices)
    urgency = models.CharField(_("urgency"), max_length=10, choices=Urgency.choices)
    share_with_mission = models.BooleanField(
        _("the enterprise agrees to share this case with Vietnam's mission"), default=False
    )
    publish_summary = models.BooleanField(
        _("the enterprise agrees to publish an anonymised summary"), default=False
    )
    is_systemic = models.BooleanField(_("systemic (affects many enterprises)"), default=False)

    priority = models.CharField(_("priority"), max_length=2, choices=Priority.choices, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_cases",
        verbose_name=_("owner"),
    )
    contributors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="contributed_cases",
        verbose_name=_("contributors"),
    )
    owning_mission = models.ForeignKey(
        "missions.Mission",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cases",
        verbose_name=_("owning mission"),
    )
    owning_agency = models.ForeignKey(
        "advisory.Agency",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cases",
        verbose_name=_("owning agency"),
    )
    advisory_group = models.BooleanField(_("referred to the Advisory Group"), default=False)

    status = models.CharField(
        _("status"), max_length=20, choices=CaseStatus.choices, default=CaseStatus.DRAFT
    )
    waiting_on = models.CharField(
        _("waiting on"), max_length=20, choices=WaitingOn.choices, blank=True
    )
    merged_into = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged_cases",
        verbose_name=_("merged into"),
    )
    # Bumped by every transition: a move made on a stale copy of the case is refused.
    version = models.PositiveIntegerField(default=0)
    status_changed_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    rating = models.PositiveSmallIntegerField(
        _("rating"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    rating_comment = models.TextField(
        _("comment on the help"), max_length=2000, blank=True, validators=[MaxLengthValidator(2000)]
    )
    rated_at = models.DateTimeField(null=True, blank=True)

    # Milestones for the metrics, stamped by `services.case_transition` as the case moves (and
    # recomputed from the transition log by `milestones.case_milestones_refresh`), so that the
    # metrics page aggregates one table in SQL instead of reading every transition back.
    acknowledged_at = models.DateTimeField(null=True, blank=True, editable=False)
    assigned_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The latest move into a resolved state; kept when the case is reopened.
    resolved_at = models.DateTimeField(null=True, blank=True, editable=False)
    reopened = models.BooleanField(default=False, editable=False)
    # Calendar days from submission, rounded to hundredths.
    days_to_acknowledge = models.FloatField(null=True, blank=True, editable=False)
    days_to_triage = models.FloatField(null=True, blank=True, editable=False)
    days_to_resolve = models.FloatField(null=True, blank=True, editable=False)
    # The first of the month of submission in Vietnam's time zone.
    submitted_month = models.DateField(null=True, blank=True, editable=False)
    # Set with the first breach notice (notices.sla_sweep).
    sla_breached = models.BooleanField(default=False, editable=False)

    history = History(excluded_fields=["version", *METRIC_FIELDS])

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("support case")
        verbose_name_plural = _("support cases")
        indexes = [
            models.Index(fields=["status", "created_at"], name="case_status_created"),
            models.Index(fields=["country", "category"], name="case_country_category"),
            # The metrics page reads only these (covering) indexes, never the wide table.
            models.Index(
                fields=[
                    "category",
                    "country",
                    "submitted_at",
                    "sla_breached",
                    "reopened",
                    "days_to_acknowledge",
                    "days_to_triage",
                    "days_to_resolve",
                ],
                name="case_intake",
            ),
            models.Index(fields=["submitted_month", "submitted_at"], name="case_intake_month"),
            models.Index(fields=["status", "submitted_at"], name="case_open_age"),
            models.Index(fields=["enterprise", "submitted_at"], name="case_intake_enterprise"),
            models.Index(fields=["days_to_acknowledge", "submitted_at"], name="case_days_ack"),
            models.Index(fields=["days_to_triage", "submitted_at"], name="case_days_triage"),
            models.Index(fields=["days_to_resolve", "submitted_at"], name="case_days_resolve"),
        ]
        constraints = [
            models.CheckConstraint(
                name="case_rating_1_5",
                condition=Q(rating__isnull=True) | Q(rating__gte=1, rating__lte=5),
            ),
            models.CheckConstraint(
                name="case_waiting_on_only_when_waiting",
                condition=Q(status="waiting", waiting_on__gt="")
                | (~Q(status="waiting") & Q(waiting_on="")),
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.title}"


class CaseTransition(models.Model):
    """One move of a case's status: who, when, why. Never edited."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(_("from"), max_length=20, choices=CaseStatus.choices)
    to_status = models.CharField(_("to"), max_length=20, choices=CaseStatus.choices)
    waiting_on = models.CharField(max_length=20, choices=WaitingOn.choices, blank=True)
    # Empty for moves the system makes (closing after 14 silent days).
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField(_("reason"), blank=True)
    at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("case transition")
        indexes = [models.Index(fields=["case", "at"], name="case_transition_at")]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.from_status} → {self.to_status}"


class RoutingRule(TimeStamped):
    """Applied when a case enters triage. Administrators edit the table."""

    kind = models.CharField(_("kind"), max_length=10, choices=RoutingKind.choices)
    country = models.ForeignKey(
        "reference.Country",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("country"),
    )
    category = models.CharField(
        _("category"), max_length=30, choices=CaseCategory.choices, blank=True
    )
    mission = models.ForeignKey(
        "missions.Mission",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("mission"),
    )
    agency = models.ForeignKey(
        "advisory.Agency",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("agency"),
    )
    active = models.BooleanField(_("active"), default=True)

    history = History()

    class Meta:
        ordering = ["kind", "id"]
        verbose_name = _("routing rule")
        verbose_name_plural = _("routing rules")
        constraints = [
            models.CheckConstraint(
                name="routing_rule_shape",
                condition=Q(kind="country", country__isnull=False, mission__isnull=False)
                | Q(kind="category", category__gt="", agency__isnull=False)
                | Q(kind="systemic"),
            ),
        ]

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.kind == RoutingKind.COUNTRY and not (self.country_id and self.mission_id):
            raise ValidationError(_("A country rule needs a country and a mission."))
        if self.kind == RoutingKind.CATEGORY and not (self.category and self.agency_id):
            raise ValidationError(_("A category rule needs a category and an agency."))

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}"


class Notification(models.Model):
    """An in-app notice; the same text is e-mailed when the recipient has an address."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    case = models.ForeignKey(
        Case, null=True, blank=True, on_delete=models.CASCADE, related_name="notifications"
    )
    message = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("notification")

    def __str__(self) -> str:
        return self.message[:60]


class SlaNotice(models.Model):
    """That a warning, breach or escalation was sent for a case's clock, so it is sent once."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="sla_notices")
    clock = models.CharField(max_length=12, choices=SlaClock.choices)
    level = models.CharField(max_length=12, choices=SlaLevel.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["case", "clock", "level"], name="uniq_sla_notice"),
        ]

    def __str__(self) -> str:
        return f"{self.case_id} {self.clock} {self.level}"
