from django.db import models
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    FORUM = "forum", _("Forum")
    CONFERENCE = "conference", _("Conference")
    SEMINAR = "seminar", _("Seminar or webinar")
    OUTBOUND_DELEGATION = "outbound_delegation", _("Outbound delegation")
    INBOUND_DELEGATION = "inbound_delegation", _("Inbound delegation visit")
    FAIR_BOOTH = "fair_booth", _("Booth at a fair abroad")


class EventStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    CANCELLED = "cancelled", _("Cancelled")


class Language(models.TextChoices):
    VI = "vi", _("Vietnamese")
    EN = "en", _("English")
    KO = "ko", _("Korean")
    JA = "ja", _("Japanese")
    ZH = "zh", _("Chinese")
    FR = "fr", _("French")
    DE = "de", _("German")


class RegistrationStatus(models.TextChoices):
    APPLIED = "applied", _("Applied")
    SELECTED = "selected", _("Selected")
    REJECTED = "rejected", _("Rejected")
    INVITED = "invited", _("Invited")
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("On the waiting list")
    OFFERED = "offered", _("Offered a place")
    CANCELLED = "cancelled", _("Cancelled")
    CHECKED_IN = "checked_in", _("Checked in")


# Statuses that hold one of the venue's seats. Counting exactly these under the venue's lock is
# what keeps a venue from being overbooked.
SEAT_HOLDING = frozenset(
    {
        RegistrationStatus.SELECTED,
        RegistrationStatus.INVITED,
        RegistrationStatus.CONFIRMED,
        RegistrationStatus.OFFERED,
        RegistrationStatus.CHECKED_IN,
    }
)
# Statuses that may be checked in at the door (an open offer must be accepted first).
ADMISSIBLE = frozenset(
    {RegistrationStatus.SELECTED, RegistrationStatus.INVITED, RegistrationStatus.CONFIRMED}
)
# A person's registration that is still alive: a second one for the same event is refused.
ENDED = frozenset({RegistrationStatus.CANCELLED, RegistrationStatus.REJECTED})


class Criterion(models.TextChoices):
    """The published selection criteria of moderated events, each scored 0–5."""

    EXPORT_READINESS = "export_readiness", _("Export readiness")
    MARKET_FIT = "market_fit", _("Fit with the target market")
    PRODUCT = "product", _("Product")
    EARLIER_PARTICIPATION = "earlier_participation", _("Earlier participation")


class LeadFollowUp(models.TextChoices):
    """Where the exhibitor stands with a lead after the fair."""

    NEW = "new", _("Not contacted yet")
    CONTACTED = "contacted", _("Contacted")
    MEETING = "meeting", _("Meeting held")
    PROPOSAL = "proposal", _("Proposal sent")
    WON = "won", _("Contract won")
    CLOSED = "closed", _("No further interest")
