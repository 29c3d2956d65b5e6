from django.db import models
from django.utils.translation import gettext_lazy as _


class EnterpriseStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    INACTIVE = "inactive", _("Inactive")
    DISSOLVED = "dissolved", _("Dissolved")


class EmployeeBand(models.TextChoices):
    B1_10 = "1-10", _("1–10 staff")
    B11_50 = "11-50", _("11–50 staff")
    B51_200 = "51-200", _("51–200 staff")
    B201_1000 = "201-1000", _("201–1,000 staff")
    B1001_5000 = "1001-5000", _("1,001–5,000 staff")
    B5000_PLUS = "5000+", _("More than 5,000 staff")


class PresenceMode(models.TextChoices):
    EXPLORING = "exploring", _("Exploring")
    PROJECT_EXPORTS = "project_exports", _("Project exports")
    REPRESENTATIVE_OFFICE = "representative_office", _("Representative office")
    BRANCH = "branch", _("Branch")
    SUBSIDIARY = "subsidiary", _("Subsidiary")
    ACQUIRED_COMPANY = "acquired_company", _("Acquired company")
    JOINT_VENTURE = "joint_venture", _("Joint venture")


# Modes that mean a legal establishment abroad (the draft "international-level" criterion).
ESTABLISHED_MODES = frozenset(
    {
        PresenceMode.BRANCH,
        PresenceMode.SUBSIDIARY,
        PresenceMode.ACQUIRED_COMPANY,
        PresenceMode.JOINT_VENTURE,
    }
)


class DeclarationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    ACCEPTED = "accepted", _("Accepted")
    RETURNED = "returned", _("Returned for correction")


class ConsentPurpose(models.TextChoices):
    PROGRAMME_CONTACT = "programme_contact", _("Contact about the programme")
    SHARE_WITH_MISSIONS = "share_with_missions", _("Share with Vietnam's overseas missions")
    SHARE_WITH_PARTNERS = "share_with_partners", _("Share with foreign partners for matchmaking")
    PUBLISH_ON_SHOWCASE = "publish_on_showcase", _("Publish on the public showcase")


class ConsentMethod(models.TextChoices):
    WEB_FORM = "web_form", _("Online form")
    EMAIL = "email", _("E-mail")
    PAPER_FORM = "paper_form", _("Signed paper form")
    IN_PERSON = "in_person", _("In person, recorded by staff")
