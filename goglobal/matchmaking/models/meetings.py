import zoneinfo

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from goglobal.core.models import TimeStamped
from goglobal.matchmaking.enums import (
    LIVE_REQUEST,
    MeetingStatus,
    Priority,
    RequestStatus,
    RunStatus,
)


class MeetingSettings(models.Model):
    """How an event's one-to-one meetings run. The slots themselves are rows of `Slot`,
    generated from the day's start and end, the meeting length and the breaks."""

    event = models.OneToOneField(
        "events.Event", on_delete=models.CASCADE, related_name="meeting_settings"
    )
    meeting_minutes = models.PositiveSmallIntegerField(
        _("meeting length (minutes)"),
        default=20,
        validators=[MinValueValidator(5), MaxValueValidator(180)],
    )
    tables = models.PositiveIntegerField(
        _("tables"), default=10, validators=[MaxValueValidator(5000)]
    )
    virtual_rooms = models.PositiveIntegerField(
        _("virtual rooms"),
        default=0,
        validators=[MaxValueValidator(5000)],
        help_text=_("For meetings between participants at different venues."),
    )
    pending_limit = models.PositiveSmallIntegerField(
        _("pending requests per participant"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(500)],
    )
    request_hours = models.PositiveSmallIntegerField(
        _("hours to answer a request"),
        default=72,
        validators=[MinValueValidator(1), MaxValueValidator(720)],
    )

    class Meta:
        verbose_name = _("meeting settings")
        verbose_name_plural = _("meeting settings")

    def __str__(self) -> str:
        return str(self.event)


class Slot(models.Model):
    event = models.ForeignKey("events.Event", on_delete=models.CASCADE, related_name="slots")
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("slot")
        constraints = [
            models.UniqueConstraint(fields=["event", "starts_at"], name="slot_once"),
            models.CheckConstraint(
                name="slot_ends_after_start", condition=Q(ends_at__gt=F("starts_at"))
            ),
        ]

    def __str__(self) -> str:
        return f"{self.starts_at:%Y-%m-%d %H:%M}"


class Participant(models.Model):
    """A profile taking part in an event's matchmaking, at the main venue or a bridge point
    (whose time zone is the participant's own)."""

    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="match_participants"
    )
    profile = models.ForeignKey(
        "matchmaking.MatchProfile", on_delete=models.CASCADE, related_name="participations"
    )
    venue = models.ForeignKey(
        "events.Venue",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("venue"),
    )
    fixed_table = models.PositiveIntegerField(
        _("fixed table or booth"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Every in-person meeting of this participant takes place here."),
    )

    class Meta:
        ordering = ["id"]
        verbose_name = _("participant")
        constraints = [
            models.UniqueConstraint(fields=["event", "profile"], name="participant_once"),
            models.UniqueConstraint(
                fields=["event", "fixed_table"],
                condition=Q(fixed_table__isnull=False),
                name="participant_fixed_table_once",
            ),
        ]

    @property
    def time_zone(self) -> str:
        return self.venue.time_zone if self.venue_id else settings.TIME_ZONE

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def remote(self) -> bool:
        return self.venue_id is not None and not self.venue.is_main

    def __str__(self) -> str:
        return str(self.profile)


class Availability(models.Model):
    """A window in which the participant can meet (stored in UTC, entered in their own time).
    A participant without windows can meet in every slot."""

    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="availability"
    )
    starts_at = models.DateTimeField(_("from"))
    ends_at = models.DateTimeField(_("until"))

    class Meta:
        ordering = ["starts_at", "id"]
        constraints = [
            models.CheckConstraint(
                name="availability_ends_after_start", condition=Q(ends_at__gt=F("starts_at"))
            ),
        ]

    def __str__(self) -> str:
        return f"{self.starts_at:%Y-%m-%d %H:%M}–{self.ends_at:%H:%M}"


class MeetingRequest(TimeStamped):
    event = models.ForeignKey("events.Event", on_delete=models.CASCADE, related_name="+")
    sender = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="sent")
    receiver = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="received")
    message = models.TextField(_("message"), max_length=2000, blank=True)
    priority = models.PositiveSmallIntegerField(
        _("priority"), choices=Priority.choices, default=Priority.NORMAL
    )
    slot = models.ForeignKey(
        Slot,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("preferred slot"),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=RequestStatus.choices, default=RequestStatus.PENDING
    )
    expires_at = models.DateTimeField(_("expires at"))
    decided_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "id"]
        verbose_name = _("meeting request")
        verbose_name_plural = _("meeting requests")
        indexes = [models.Index(fields=["status", "expires_at"], name="mm_request_expiry")]
        constraints = [
            models.CheckConstraint(
                name="meeting_request_not_to_oneself", condition=~Q(sender=F("receiver"))
            ),
            models.UniqueConstraint(
                fields=["sender", "receiver"],
                condition=Q(status__in=sorted(LIVE_REQUEST)),
                name="meeting_request_one_live",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.sender} → {self.receiver}"


class Meeting(TimeStamped):
    """An accepted request placed in a slot, at a table or in a virtual room."""

    request = models.OneToOneField(MeetingRequest, on_delete=models.CASCADE, related_name="meeting")
    slot = models.ForeignKey(Slot, on_delete=models.PROTECT, related_name="meetings")
    table = models.PositiveIntegerField(_("table"), null=True, blank=True)
    room = models.PositiveIntegerField(_("virtual room"), null=True, blank=True)
    locked = models.BooleanField(
        _("locked"), default=False, help_text=_("Kept in place when the schedule is run again.")
    )
    status = models.CharField(
        _("status"), max_length=12, choices=MeetingStatus.choices, default=MeetingStatus.SCHEDULED
    )
    feedback = models.TextField(_("feedback"), max_length=2000, blank=True)
    rating = models.PositiveSmallIntegerField(
        _("rating"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )

    class Meta:
        ordering = ["slot__starts_at", "table", "room", "id"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.UniqueConstraint(
                fields=["slot", "table"],
                condition=Q(table__isnull=False) & ~Q(status="cancelled"),
                name="meeting_table_once_per_slot",
            ),
            models.UniqueConstraint(
                fields=["slot", "room"],
                condition=Q(room__isnull=False) & ~Q(status="cancelled"),
                name="meeting_room_once_per_slot",
            ),
        ]


class ScheduleRun(models.Model):
    """One run of the scheduler for an event, with how good its result is."""

    event = models.ForeignKey("events.Event", on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=12, choices=RunStatus.choices, default=RunStatus.QUEUED)
    time_limit = models.PositiveSmallIntegerField(default=30)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    value = models.PositiveIntegerField(default=0)
    bound = models.FloatField(null=True, blank=True)
    greedy_value = models.PositiveIntegerField(default=0)
    meetings = models.PositiveIntegerField(default=0)
    requests = models.PositiveIntegerField(default=0)
    participants_without = models.PositiveIntegerField(default=0)
    # Of the participants who could meet, how many no schedule at all can give a meeting (a
    # proven minimum, `coverage_bound`); empty for runs before it was computed.
    fewest_without = models.PositiveIntegerField(null=True, blank=True)
    seconds = models.FloatField(default=0)
    message = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("schedule run")

    @property
    def percent(self) -> float | None:
        if not self.bound:
            return None if self.bound is None else 100.0
        return min(100.0, 100.0 * self.value / self.bound)

    def __str__(self) -> str:
        return f"{self.event} {self.created_at:%Y-%m-%d %H:%M} {self.status}"
