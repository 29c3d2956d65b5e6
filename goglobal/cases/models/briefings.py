"""The Advisory Group's briefings: agendas, action items, nominations; and public summaries."""

from django.conf import settings
from django.core.validators import MaxLengthValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from goglobal.cases.enums import (
    ActionStatus,
    AgendaReason,
    BriefingKind,
    BriefingStatus,
)
from goglobal.cases.models.cases import (
    Case,
)
from goglobal.core.history import History
from goglobal.core.models import TimeStamped


class Briefing(TimeStamped):
    """A meeting (giao ban) of the Advisory Group: periodic on a schedule, or ad hoc."""

    kind = models.CharField(_("kind"), max_length=10, choices=BriefingKind.choices)
    title = models.CharField(_("title"), max_length=200)
    held_on = models.DateField(_("date"))
    # Periodic briefings: the next one is planned this many weeks later.
    repeat_every_weeks = models.PositiveSmallIntegerField(
        _("repeat every (weeks)"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("chair"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=BriefingStatus.choices, default=BriefingStatus.PLANNED
    )
    minutes = models.TextField(
        _("minutes"), blank=True, max_length=20000, validators=[MaxLengthValidator(20000)]
    )
    previous = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    history = History()

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("briefing")
        constraints = [
            models.CheckConstraint(
                name="briefing_periodic_has_schedule",
                condition=Q(kind="ad_hoc", repeat_every_weeks__isnull=True)
                | Q(kind="periodic", repeat_every_weeks__gte=1),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.held_on})"


class ActionItem(TimeStamped):
    """Decided at a briefing; carried to every next agenda until done (with evidence)."""

    briefing = models.ForeignKey(Briefing, on_delete=models.CASCADE, related_name="action_items")
    case = models.ForeignKey(
        Case, null=True, blank=True, on_delete=models.SET_NULL, related_name="action_items"
    )
    title = models.CharField(_("action"), max_length=300)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("owner"),
    )
    due_on = models.DateField(_("due"))
    status = models.CharField(
        _("status"), max_length=10, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    evidence = models.TextField(_("evidence"), blank=True, max_length=4000)
    done_at = models.DateTimeField(null=True, blank=True)

    history = History()

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("action item")

    def __str__(self) -> str:
        return self.title


class CaseNomination(models.Model):
    """A case put forward for a briefing; it goes on the agenda once the chair accepts it."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="nominations")
    nominated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField(_("reason"), max_length=2000)
    created_at = models.DateTimeField(default=timezone.now)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.reason[:40]}"


class AgendaItem(models.Model):
    briefing = models.ForeignKey(Briefing, on_delete=models.CASCADE, related_name="agenda")
    position = models.PositiveIntegerField()
    reason = models.CharField(max_length=20, choices=AgendaReason.choices)
    case = models.ForeignKey(
        Case, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    action_item = models.ForeignKey(
        ActionItem, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        ordering = ["position"]
        constraints = [
            models.CheckConstraint(
                name="agenda_item_case_xor_action",
                condition=Q(case__isnull=False, action_item__isnull=True)
                | Q(case__isnull=True, action_item__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.briefing_id} #{self.position}"


class PublicSummary(TimeStamped):
    """An anonymised account of a case for the public: country, category, sector, status and
    year — never the enterprise. Drafted by staff, approved by one person and published by
    another, and only while the enterprise's consent to publish stands."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="public_summary")
    sector = models.ForeignKey(
        "reference.Sector", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    text = models.TextField(_("summary"), max_length=4000, validators=[MaxLengthValidator(4000)])
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)

    history = History()

    class Meta:
        verbose_name = _("public summary")
        constraints = [
            models.CheckConstraint(
                name="summary_two_people",
                condition=Q(published_by__isnull=True) | ~Q(published_by=models.F("approved_by")),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case_id} ({self.year})"
