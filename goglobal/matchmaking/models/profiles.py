from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from goglobal.core.models import TimeStamped
from goglobal.matchmaking.enums import Direction, InterestKind


class MatchProfile(TimeStamped):
    """What an enterprise or a foreign organisation offers and looks for, published for
    matchmaking. Exactly one of the two organisations; one profile each."""

    enterprise = models.OneToOneField(
        "enterprises.Enterprise",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="match_profile",
        verbose_name=_("enterprise"),
    )
    foreign_organisation = models.OneToOneField(
        "partners.ForeignOrganisation",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="match_profile",
        verbose_name=_("foreign organisation"),
    )
    sectors = models.ManyToManyField(
        "reference.Sector", blank=True, related_name="+", verbose_name=_("sectors")
    )
    markets = models.ManyToManyField(
        "reference.Country", blank=True, related_name="+", verbose_name=_("markets")
    )
    summary = models.TextField(
        _("summary"), max_length=4000, blank=True, help_text=_("In Vietnamese or English.")
    )
    is_published = models.BooleanField(_("published"), default=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("match profile")
        verbose_name_plural = _("match profiles")
        constraints = [
            models.CheckConstraint(
                name="match_profile_one_organisation",
                condition=(Q(enterprise__isnull=False) & Q(foreign_organisation__isnull=True))
                | (Q(enterprise__isnull=True) & Q(foreign_organisation__isnull=False)),
            ),
        ]

    @property
    def is_foreign(self) -> bool:
        return self.foreign_organisation_id is not None

    @property
    def organisation(self):
        return self.foreign_organisation if self.is_foreign else self.enterprise

    @property
    def name(self) -> str:
        return str(self.organisation.name)

    def __str__(self) -> str:
        return self.name


class ProfileItem(models.Model):
    """One offer or need of a profile: business, technology, partnership or investment."""

    profile = models.ForeignKey(MatchProfile, on_delete=models.CASCADE, related_name="items")
    direction = models.CharField(_("offer or need"), max_length=8, choices=Direction.choices)
    kind = models.CharField(_("kind"), max_length=16, choices=InterestKind.choices)
    text = models.CharField(_("description"), max_length=1000)

    class Meta:
        ordering = ["direction", "kind", "id"]
        verbose_name = _("offer or need")
        verbose_name_plural = _("offers and needs")

    def __str__(self) -> str:
        return f"{self.direction} {self.kind}: {self.text[:40]}"


class Dismissal(models.Model):
    """ "Not interested": the suggestion is not shown to this profile again."""

    profile = models.ForeignKey(MatchProfile, on_delete=models.CASCADE, related_name="dismissals")
    dismissed = models.ForeignKey(MatchProfile, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["profile", "dismissed"], name="dismissal_once"),
        ]

    def __str__(self) -> str:
        return f"{self.profile_id} ✕ {self.dismissed_id}"
