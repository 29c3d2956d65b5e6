from django.db import models
from django.utils.translation import gettext_lazy as _


class NoteTopic(models.TextChoices):
    REGULATION = "regulation", _("Regulation")
    DEMAND = "demand", _("Demand")
    TENDERS = "tenders", _("Tenders")
    CONTACTS = "contacts", _("Contacts")
    OTHER = "other", _("Other")


class NoteVisibility(models.TextChoices):
    STAFF = "staff", _("Ministry staff and missions only")
    ENTERPRISES = "enterprises", _("Also Vietnamese enterprises")


class OpportunityKind(models.TextChoices):
    BUYER_REQUEST = "buyer_request", _("Buyer request")
    TENDER = "tender", _("Tender")
    INVESTMENT = "investment", _("Investment")
    PARTNERSHIP = "partnership", _("Partnership")


class OpportunityStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class OpportunityOutcome(models.TextChoices):
    CONTRACT = "contract", _("Contract or deal signed")
    ONGOING = "ongoing", _("Talks continue")
    NO_DEAL = "no_deal", _("No deal")
    WITHDRAWN = "withdrawn", _("Withdrawn by the buyer")


class InterestStatus(models.TextChoices):
    NEW = "new", _("New")
    INTRODUCED = "introduced", _("Introduced to the buyer")
    MEETING = "meeting", _("Meeting held")
    DEAL = "deal", _("Deal")
    NO_DEAL = "no_deal", _("No deal")


class OrderKind(models.TextChoices):
    ARTICLE = "article", _("Article")
    PHOTO_SET = "photo_set", _("Photo set")
    VIDEO = "video", _("Video")
    BROCHURE = "brochure", _("Brochure")
    EXHIBITION_PROGRAMME = "exhibition_programme", _("Exhibition programme")


class OrderStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    ACCEPTED = "accepted", _("Accepted")
    IN_PRODUCTION = "in_production", _("In production")
    DELIVERED = "delivered", _("Delivered")
    CONFIRMED = "confirmed", _("Confirmed")
    RETURNED = "returned", _("Returned")
    CANCELLED = "cancelled", _("Cancelled")


# Orders that still owe the mission something: these can be overdue.
ORDER_PENDING = (OrderStatus.REQUESTED, OrderStatus.ACCEPTED, OrderStatus.IN_PRODUCTION)
