import functools
import secrets
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from goglobal.core.history import History
from goglobal.core.models import TimeStamped
from goglobal.events.enums import (
    ENDED,
    Criterion,
    EventKind,
    EventStatus,
    Language,
    RegistrationStatus,
)


def _english() -> bool:
    return (get_language() or "vi").startswith("en")


@functools.cache
def _time_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def validate_time_zone(value: str) -> None:
    # Checked against the list rather than by opening the zone: ZoneInfo("America") raises
    # IsADirectoryError, and odd keys raise other errors still.
    if value not in _time_zones():
        raise ValidationError(
            _("Unknown time zone: %(zone)s (use an IANA name such as Asia/Singapore)."),
            params={"zone": value},
        )


def validate_languages(value) -> None:
    if not isinstance(value, list) or any(code not in Language.values for code in value):
        raise ValidationError(_("Choose languages from the list."))


def new_ticket_nonce() -> str:
    return secrets.token_urlsafe(12)


class EventSeries(models.Model):
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=255)
    name_en = models.CharField(_("name (English)"), max_length=255, blank=True)

    class Meta:
        ordering = ["name_vi"]
        verbose_name = _("event series")
        verbose_name_plural = _("event series")

    @property
    def name(self) -> str:
        return (self.name_en or self.name_vi) if _english() else self.name_vi

    def __str__(self) -> str:
        return self.name_vi


class Event(TimeStamped):
    series = models.ForeignKey(
        EventSeries,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        verbose_name=_("series"),
    )
    title_vi = models.CharField(_("title (Vietnamese)"), max_length=255)
    title_en = models.CharField(_("title (English)"), max_length=255, blank=True)
    description_vi = models.TextField(_("description (Vietnamese)"), max_length=10000, blank=True)
    description_en = models.TextField(_("description (English)"), max_length=10000, blank=True)
    kind = models.CharField(_("kind"), max_length=24, choices=EventKind.choices)
    organiser = models.CharField(_("organiser"), max_length=255)
    partner_organisations = models.ManyToManyField(
        "partners.ForeignOrganisation",
        blank=True,
        related_name="events",
        verbose_name=_("partner organisations"),
    )
    sectors = models.ManyToManyField(
        "reference.Sector", blank=True, related_name="events", verbose_name=_("sectors")
    )
    target_countries = models.ManyToManyField(
        "reference.Country",
        blank=True,
        related_name="targeted_by_events",
        verbose_name=_("target countries"),
    )
    languages = models.JSONField(
        _("languages"), default=list, blank=True, validators=[validate_languages]
    )
    is_public = models.BooleanField(
        _("public"), default=True, help_text=_("Invitation-only events are not listed publicly.")
    )
    moderated = models.BooleanField(
        _("moderated"),
        default=False,
        help_text=_("Enterprises apply and staff select them (delegations)."),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=EventStatus.choices, default=EventStatus.DRAFT
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    registration_closes_at = models.DateTimeField(
        _("registration closes at"), null=True, blank=True
    )
    offer_hours = models.PositiveSmallIntegerField(
        _("hours to accept a freed place"),
        default=48,
        validators=[MinValueValidator(1), MaxValueValidator(720)],
    )

    # Made by `goglobal generate` (the synthetic population), which finds and replaces them.
    generated = models.BooleanField(default=False, editable=False)

    history = History(m2m_fields=[partner_organisations, sectors, target_countries])

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [models.Index(fields=["status", "is_public", "starts_at"], name="ev_public")]
        constraints = [
            models.CheckConstraint(
                name="event_ends_after_start", condition=Q(ends_at__gte=F("starts_at"))
            ),
        ]

    @property
    def title(self) -> str:
        return (self.title_en or self.title_vi) if _english() else self.title_vi

    @property
    def description(self) -> str:
        return (self.description_en or self.description_vi) if _english() else self.description_vi

    @property
    def closes_at(self):
        return self.registration_closes_at or self.starts_at

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.status == EventStatus.PUBLISHED and now < self.closes_at

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": _("The event cannot end before it starts.")})
        if (
            self.registration_closes_at
            and self.ends_at
            and self.registration_closes_at > self.ends_at
        ):
            raise ValidationError(
                {"registration_closes_at": _("Registration must close before the event ends.")}
            )

    def __str__(self) -> str:
        return self.title_vi


class Venue(models.Model):
    """The main venue or a bridge point (điểm cầu) linked live to it; each has its own seats."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="venues")
    name = models.CharField(_("name"), max_length=255)
    country = models.ForeignKey(
        "reference.Country", on_delete=models.PROTECT, related_name="+", verbose_name=_("country")
    )
    city = models.CharField(_("city"), max_length=120)
    time_zone = models.CharField(
        _("time zone"), max_length=64, validators=[validate_time_zone], default="Asia/Ho_Chi_Minh"
    )
    capacity = models.PositiveIntegerField(
        _("capacity"), validators=[MinValueValidator(1), MaxValueValidator(100_000)]
    )
    online_link = models.URLField(_("online link"), blank=True)
    is_main = models.BooleanField(_("main venue"), default=False)

    history = History()

    class Meta:
        ordering = ["-is_main", "name", "id"]
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        constraints = [
            models.UniqueConstraint(
                fields=["event"], condition=Q(is_main=True), name="venue_one_main_per_event"
            ),
            models.CheckConstraint(name="venue_capacity_positive", condition=Q(capacity__gte=1)),
        ]

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    def local(self, moment):
        return moment.astimezone(self.zone)

    def __str__(self) -> str:
        return f"{self.name} ({self.city})"


class Session(models.Model):
    """A slot of the programme at one venue, stored in UTC and shown in the venue's time."""

    venue = models.ForeignKey(Venue, on_delete=models.CASCADE, related_name="sessions")
    title_vi = models.CharField(_("title (Vietnamese)"), max_length=255)
    title_en = models.CharField(_("title (English)"), max_length=255, blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("session")
        constraints = [
            models.CheckConstraint(
                name="session_ends_after_start", condition=Q(ends_at__gt=F("starts_at"))
            ),
        ]

    @property
    def title(self) -> str:
        return (self.title_en or self.title_vi) if _english() else self.title_vi

    @property
    def local_start(self):
        return self.venue.local(self.starts_at)

    @property
    def local_end(self):
        return self.venue.local(self.ends_at)

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The session must end after it starts.")})

    def __str__(self) -> str:
        return self.title_vi


class Registration(TimeStamped):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    venue = models.ForeignKey(Venue, on_delete=models.PROTECT, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_registrations",
    )
    enterprise = models.ForeignKey(
        "enterprises.Enterprise",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_registrations",
        verbose_name=_("enterprise"),
    )
    full_name = models.CharField(_("full name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    organisation = models.CharField(_("organisation"), max_length=255, blank=True)
    country = models.ForeignKey(
        "reference.Country",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("country"),
    )
    status = models.CharField(_("status"), max_length=12, choices=RegistrationStatus.choices)
    reason = models.CharField(_("reason"), max_length=1000, blank=True)
    waitlist_position = models.PositiveIntegerField(
        _("waiting-list position"), null=True, blank=True
    )
    offer_expires_at = models.DateTimeField(_("offer expires at"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminded at"), null=True, blank=True, editable=False)
    # Part of the signed ticket: rotating it voids a ticket without touching the signing key.
    ticket_nonce = models.CharField(max_length=32, default=new_ticket_nonce, editable=False)

    history = History(excluded_fields=["ticket_nonce", "reminded_at"])

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        indexes = [
            models.Index(fields=["venue", "status"], name="reg_venue_status"),
            models.Index(fields=["status", "offer_expires_at"], name="reg_offers"),
        ]
        constraints = [
            # The database's word on "twice by the same person", whatever races the service.
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=~Q(status__in=sorted(ENDED)),
                name="registration_one_live_per_email",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.full_name} — {self.event}"


class Score(models.Model):
    """A staff member's score of an application on one published criterion."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="scores")
    criterion = models.CharField(_("criterion"), max_length=24, choices=Criterion.choices)
    value = models.PositiveSmallIntegerField(
        _("score"), validators=[MinValueValidator(0), MaxValueValidator(5)]
    )
    scored_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    scored_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("score")
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "criterion"], name="score_one_per_criterion"
            ),
            models.CheckConstraint(name="score_0_5", condition=Q(value__lte=5)),
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.value}"


class Outcome(TimeStamped):
    """What a participant reports after the event: meetings held, agreements signed, contracts
    won and their value. One report per registration, corrected in place."""

    registration = models.OneToOneField(
        Registration, on_delete=models.CASCADE, related_name="outcome"
    )
    meetings_held = models.PositiveIntegerField(
        _("meetings held"), default=0, validators=[MaxValueValidator(100_000)]
    )
    agreements = models.PositiveIntegerField(
        _("agreements signed"), default=0, validators=[MaxValueValidator(10_000)]
    )
    contracts = models.PositiveIntegerField(
        _("contracts won"), default=0, validators=[MaxValueValidator(10_000)]
    )
    contract_value = models.DecimalField(
        _("value of the contracts"),
        max_digits=20,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
    )
    currency = models.ForeignKey(
        "reference.Currency",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("currency"),
        default="USD",
    )
    note = models.TextField(_("note"), max_length=2000, blank=True)

    history = History()

    class Meta:
        verbose_name = _("outcome")
        constraints = [
            models.CheckConstraint(
                name="outcome_value_not_negative", condition=Q(contract_value__gte=0)
            ),
        ]

    def __str__(self) -> str:
        return f"{self.registration}: {self.contracts} × {self.contract_value} {self.currency_id}"
