from django.db import models
from django.utils.translation import gettext_lazy as _


class CaseCategory(models.TextChoices):
    VISAS_MOBILITY = "visas_mobility", _("Visas and mobility")
    LICENSING_MARKET_ACCESS = "licensing_market_access", _("Licensing and market access")
    TAX = "tax", _("Tax")
    PAYMENTS_FX = "payments_fx", _("Payments and foreign exchange")
    DATA_CYBER = "data_cyber", _("Data and cyber rules")
    INTELLECTUAL_PROPERTY = "intellectual_property", _("Intellectual property")
    DISPUTES_LEGAL = "disputes_legal", _("Disputes and legal")
    PROCUREMENT = "procurement", _("Procurement")
    OTHER = "other", _("Other")


class ImpactBand(models.TextChoices):
    UNDER_10K = "under_10k", _("Under USD 10,000")
    FROM_10K = "10k_100k", _("USD 10,000–100,000")
    FROM_100K = "100k_1m", _("USD 100,000–1 million")
    OVER_1M = "over_1m", _("Over USD 1 million")


class Urgency(models.TextChoices):
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")
    CRITICAL = "critical", _("Critical")


class Priority(models.TextChoices):
    P1 = "P1", _("P1 – critical")
    P2 = "P2", _("P2 – high")
    P3 = "P3", _("P3 – normal")
    P4 = "P4", _("P4 – low")


class CaseStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    TRIAGE = "triage", _("In triage")
    ASSIGNED = "assigned", _("Assigned")
    IN_PROGRESS = "in_progress", _("In progress")
    WAITING = "waiting", _("Waiting")
    RESOLVED_FULL = "resolved_full", _("Resolved in full")
    RESOLVED_PART = "resolved_part", _("Resolved in part")
    NOT_RESOLVABLE = "not_resolvable", _("Not resolvable")
    CLOSED = "closed", _("Closed")
    DECLINED = "declined", _("Declined")
    MERGED = "merged", _("Merged into another case")
    REDIRECTED = "redirected", _("Redirected")
    DORMANT = "dormant", _("Dormant")


class WaitingOn(models.TextChoices):
    ENTERPRISE = "enterprise", _("the enterprise")
    FOREIGN_AUTHORITY = "foreign_authority", _("a foreign authority")
    OTHER_AGENCY = "other_agency", _("another agency")


class RoutingKind(models.TextChoices):
    COUNTRY = "country", _("Country → mission")
    CATEGORY = "category", _("Category → agency")
    SYSTEMIC = "systemic", _("Systemic or multi-country → Advisory Group")


class SlaClock(models.TextChoices):
    ACKNOWLEDGE = "acknowledge", _("Acknowledge")
    TRIAGE = "triage", _("Triage")
    UPDATE = "update", _("Update the enterprise")
    RESOLVE = "resolve", _("Resolve")


class SlaLevel(models.TextChoices):
    WARNING = "warning", _("Warning (80%)")
    BREACH = "breach", _("Breach")
    ESCALATION = "escalation", _("Escalation (second breach)")


class BriefingKind(models.TextChoices):
    PERIODIC = "periodic", _("Periodic")
    AD_HOC = "ad_hoc", _("Ad hoc")


class BriefingStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    HELD = "held", _("Held")


class AgendaReason(models.TextChoices):
    P1 = "p1", _("Priority P1")
    REPEATED_BREACH = "repeated_breach", _("Deadlines breached more than once")
    CLUSTER = "cluster", _("Several enterprises, same country and category")
    NOMINATION = "nomination", _("Nominated and accepted by the chair")
    ACTION_ITEM = "action_item", _("Open action item carried over")


class ActionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Done")
