import hashlib
import secrets

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMIN = "admin", _("Ministry administrator")
    PROGRAMME_OFFICER = "programme_officer", _("Programme officer")
    ADVISORY_MEMBER = "advisory_member", _("Advisory Group member")
    MISSION_OFFICER = "mission_officer", _("Mission officer")
    ENTERPRISE_REP = "enterprise_rep", _("Enterprise representative")
    PARTNER_REP = "partner_rep", _("Foreign-partner representative")


STAFF_ROLES = frozenset({Role.ADMIN, Role.PROGRAMME_OFFICER})


class User(AbstractUser):
    role = models.CharField(_("role"), max_length=30, choices=Role.choices, blank=True)
    full_name = models.CharField(_("full name"), max_length=200, blank=True)

    @property
    def is_ministry_staff(self) -> bool:
        return self.role in STAFF_ROLES

    def __str__(self) -> str:
        return self.full_name or self.username


class Membership(models.Model):
    """Ties a user to the organisation their role works for; exactly one target is set."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    enterprise = models.ForeignKey(
        "enterprises.Enterprise",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    mission = models.ForeignKey(
        "missions.Mission",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    agency = models.ForeignKey(
        "advisory.Agency",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    foreign_organisation = models.ForeignKey(
        "partners.ForeignOrganisation",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        constraints = [
            models.CheckConstraint(
                name="membership_exactly_one_target",
                condition=(
                    Q(
                        enterprise__isnull=False,
                        mission__isnull=True,
                        agency__isnull=True,
                        foreign_organisation__isnull=True,
                    )
                    | Q(
                        enterprise__isnull=True,
                        mission__isnull=False,
                        agency__isnull=True,
                        foreign_organisation__isnull=True,
                    )
                    | Q(
                        enterprise__isnull=True,
                        mission__isnull=True,
                        agency__isnull=False,
                        foreign_organisation__isnull=True,
                    )
                    | Q(
                        enterprise__isnull=True,
                        mission__isnull=True,
                        agency__isnull=True,
                        foreign_organisation__isnull=False,
                    )
                ),
            ),
        ]

    def __str__(self) -> str:
        target = self.enterprise or self.mission or self.agency or self.foreign_organisation
        return f"{self.user} → {target}"


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiToken(models.Model):
    """A personal access token. Only its SHA-256 is stored; the raw value is shown once."""

    PREFIX = "ggv_"

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100)
    token_hash = models.CharField(max_length=64, unique=True)
    hint = models.CharField(max_length=12)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("API token")

    @classmethod
    def new_raw(cls) -> str:
        return cls.PREFIX + secrets.token_urlsafe(32)

    def is_usable(self) -> bool:
        now = timezone.now()
        return self.revoked_at is None and (self.expires_at is None or self.expires_at > now)

    def __str__(self) -> str:
        return f"{self.name} ({self.hint}…)"
