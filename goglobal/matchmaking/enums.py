from django.db import models
from django.utils.translation import gettext_lazy as _


class Direction(models.TextChoices):
    OFFER = "offer", _("Offer")
    NEED = "need", _("Need")


class InterestKind(models.TextChoices):
    BUSINESS = "business", _("Business")
    TECHNOLOGY = "technology", _("Technology")
    PARTNERSHIP = "partnership", _("Partnership")
    INVESTMENT = "investment", _("Investment")


class Priority(models.IntegerChoices):
    HIGH = 1, _("High")
    NORMAL = 2, _("Normal")
    LOW = 3, _("Low")


class RequestStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    EXPIRED = "expired", _("Expired")
    CANCELLED = "cancelled", _("Cancelled")


class MeetingStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    HELD = "held", _("Held")
    NO_SHOW = "no_show", _("No-show")
    CANCELLED = "cancelled", _("Cancelled")


class RunStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


# A request still open or agreed: a second one between the same two is refused.
LIVE_REQUEST = frozenset({RequestStatus.PENDING, RequestStatus.ACCEPTED})
