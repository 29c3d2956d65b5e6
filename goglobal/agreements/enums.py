from django.db import models
from django.utils.translation import gettext_lazy as _


class AgreementKind(models.TextChoices):
    MOU = "mou", _("Memorandum of understanding")
    MINISTRY_DIGITAL = "ministry_digital", _("Ministry-level digital cooperation agreement")
    NATIONAL_PARTNERSHIP = "national_partnership", _("National digital partnership")


# An upgrade goes up this ladder (seed 004: MoUs replaced by ministry-level digital cooperation
# agreements, to be raised to national level).
KIND_RANK = {
    AgreementKind.MOU: 1,
    AgreementKind.MINISTRY_DIGITAL: 2,
    AgreementKind.NATIONAL_PARTNERSHIP: 3,
}


class AgreementStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    NEGOTIATING = "negotiating", _("Negotiating")
    SIGNED = "signed", _("Signed")
    IN_FORCE = "in_force", _("In force")
    EXPIRED = "expired", _("Expired")
    TERMINATED = "terminated", _("Terminated")


class SignatorySide(models.TextChoices):
    VIETNAM = "vietnam", _("Viet Nam")
    PARTNER = "partner", _("Partner")
