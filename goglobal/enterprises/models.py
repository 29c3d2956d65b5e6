from decimal import Decimal

from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from stdnum.vn import mst

from goglobal.core.history import History
from goglobal.core.models import TimeStamped
from goglobal.enterprises.enums import (
    ConsentMethod,
    ConsentPurpose,
    DeclarationStatus,
    EmployeeBand,
    EnterpriseStatus,
    PresenceMode,
)

MONEY = {"max_digits": 20, "decimal_places": 2}


class Bilingual:
    @property
    def name(self) -> str:
        english = (get_language() or "vi").startswith("en")
        return (self.name_en or self.name_vi) if english else self.name_vi

    @property
    def description(self) -> str:
        english = (get_language() or "vi").startswith("en")
        return (self.description_en or self.description_vi) if english else self.description_vi


class Enterprise(Bilingual, TimeStamped):
    name_vi = models.CharField(_("legal name (Vietnamese)"), max_length=255)
    name_en = models.CharField(_("English name"), max_length=255, blank=True)
    trading_names = models.JSONField(_("trading names"), default=list, blank=True)
    # Folded (diacritic-free, lower-case) legal name: sorting and simple look-ups.
    name_folded = models.CharField(max_length=255, db_index=True, editable=False)
    # Stored compact: 10 digits, or 13 for a branch (the suffix without its dash).
    tax_code = models.CharField(
        _("tax code"),
        max_length=13,
        unique=True,
        error_messages={"unique": _("An enterprise with this tax code is already registered.")},
    )
    province = models.ForeignKey(
        "reference.Province",
        on_delete=models.PROTECT,
        related_name="enterprises",
        verbose_name=_("headquarters province"),
    )
    founded_year = models.PositiveSmallIntegerField(_("founding year"), null=True, blank=True)
    employee_band = models.CharField(
        _("employees"), max_length=12, choices=EmployeeBand.choices, blank=True
    )
    vn_ownership_pct = models.DecimalField(
        _("Vietnamese ownership (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))],
    )
    sectors = models.ManyToManyField(
        "reference.Sector", blank=True, related_name="enterprises", verbose_name=_("sectors")
    )
    website = models.URLField(_("website"), blank=True)
    description_vi = models.TextField(
        _("description (Vietnamese)"),
        max_length=10000,
        blank=True,
        validators=[MaxLengthValidator(10000)],
    )
    description_en = models.TextField(
        _("description (English)"),
        max_length=10000,
        blank=True,
        validators=[MaxLengthValidator(10000)],
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=EnterpriseStatus.choices,
        default=EnterpriseStatus.ACTIVE,
    )

    history = History(m2m_fields=[sectors], excluded_fields=["name_folded"])

    class Meta:
        ordering = ["name_folded", "id"]
        verbose_name = _("enterprise")
        verbose_name_plural = _("enterprises")
        indexes = [
            models.Index(fields=["status", "name_folded"], name="ent_status_name"),
            models.Index(fields=["province", "name_folded"], name="ent_province_name"),
            models.Index(fields=["employee_band", "name_folded"], name="ent_band_name"),
            # Narrow indexes that let the list's COUNT(*) run on the index alone at 100,000
            # enterprises; `status` alone also answers "status=? AND id=?" probes from the
            # sector and presence subqueries.
            models.Index(fields=["status"], name="ent_status"),
            models.Index(fields=["status", "employee_band"], name="ent_status_band"),
            models.Index(
                fields=["status", "province", "employee_band"], name="ent_status_prov_band"
            ),
            models.Index(fields=["province", "employee_band"], name="ent_province_band"),
        ]
        constraints = [
            models.CheckConstraint(
                name="enterprise_ownership_0_100",
                condition=Q(vn_ownership_pct__isnull=True)
                | Q(vn_ownership_pct__gte=0, vn_ownership_pct__lte=100),
            ),
        ]

    @property
    def tax_code_display(self) -> str:
        return mst.format(self.tax_code)

    def __str__(self) -> str:
        return self.name_vi


class Product(Bilingual, TimeStamped):
    enterprise = models.ForeignKey(
        Enterprise, on_delete=models.CASCADE, related_name="products", verbose_name=_("enterprise")
    )
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=255)
    name_en = models.CharField(_("name (English)"), max_length=255, blank=True)
    description_vi = models.TextField(
        _("description (Vietnamese)"),
        max_length=10000,
        blank=True,
        validators=[MaxLengthValidator(10000)],
    )
    description_en = models.TextField(
        _("description (English)"),
        max_length=10000,
        blank=True,
        validators=[MaxLengthValidator(10000)],
    )
    sectors = models.ManyToManyField(
        "reference.Sector", blank=True, related_name="products", verbose_name=_("sectors")
    )
    target_markets = models.ManyToManyField(
        "reference.Country",
        blank=True,
        related_name="targeted_by_products",
        verbose_name=_("target markets"),
    )
    make_in_vietnam = models.BooleanField(_("Make in Viet Nam"), default=False)
    website = models.URLField(_("website"), blank=True)

    history = History(m2m_fields=[sectors, target_markets])

    class Meta:
        ordering = ["enterprise_id", "name_vi", "id"]
        verbose_name = _("product")
        verbose_name_plural = _("products")

    def __str__(self) -> str:
        return self.name_vi


class Contact(TimeStamped):
    """A person at an organisation. Personal data under Law 91/2025/QH15: no sensitive
    categories here, and consent is recorded per purpose in ContactConsent."""

    enterprise = models.ForeignKey(
        Enterprise,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="contacts",
        verbose_name=_("enterprise"),
    )
    foreign_organisation = models.ForeignKey(
        "partners.ForeignOrganisation",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="contacts",
        verbose_name=_("foreign organisation"),
    )
    full_name = models.CharField(_("full name"), max_length=200)
    position = models.CharField(_("position"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)

    history = History()

    class Meta:
        ordering = ["full_name", "id"]
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        constraints = [
            models.CheckConstraint(
                name="contact_exactly_one_organisation",
                condition=Q(enterprise__isnull=False, foreign_organisation__isnull=True)
                | Q(enterprise__isnull=True, foreign_organisation__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return self.full_name


class ContactConsent(models.Model):
    """The contact's consent for one purpose: given (who recorded it, when, how, evidence) and,
    perhaps, withdrawn. History keeps every earlier state."""

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(_("purpose"), max_length=30, choices=ConsentPurpose.choices)
    method = models.CharField(_("how it was given"), max_length=20, choices=ConsentMethod.choices)
    evidence = models.CharField(_("evidence"), max_length=500)
    given_at = models.DateTimeField(_("given at"))
    recorded_by = models.ForeignKey(
        "accounts.User",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    history = History()

    class Meta:
        ordering = ["purpose"]
        verbose_name = _("consent")
        constraints = [
            models.UniqueConstraint(fields=["contact", "purpose"], name="uniq_consent_purpose")
        ]

    @property
    def is_active(self) -> bool:
        return self.withdrawn_at is None

    def __str__(self) -> str:
        return f"{self.contact} · {self.get_purpose_display()}"


class MarketPresence(TimeStamped):
    enterprise = models.ForeignKey(
        Enterprise, on_delete=models.CASCADE, related_name="presences", verbose_name=_("enterprise")
    )
    country = models.ForeignKey(
        "reference.Country",
        on_delete=models.PROTECT,
        related_name="presences",
        verbose_name=_("country"),
    )
    mode = models.CharField(_("mode"), max_length=30, choices=PresenceMode.choices)
    since = models.DateField(_("since"), null=True, blank=True)
    staff_abroad = models.PositiveIntegerField(_("staff abroad"), default=0)
    city = models.CharField(_("city"), max_length=120, blank=True)

    history = History()

    class Meta:
        ordering = ["country_id", "mode"]
        verbose_name = _("market presence")
        verbose_name_plural = _("market presence")
        indexes = [
            models.Index(fields=["country", "mode", "enterprise"], name="presence_country_mode"),
            models.Index(fields=["mode", "enterprise"], name="presence_mode"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["enterprise", "country", "mode"], name="uniq_presence"),
        ]

    def __str__(self) -> str:
        return f"{self.enterprise} · {self.country_id} · {self.get_mode_display()}"


class Declaration(TimeStamped):
    """An enterprise's yearly declaration. Amounts are in `currency`; `exchange_rate` is the
    units of that currency per US dollar used, so figures compare across enterprises."""

    enterprise = models.ForeignKey(
        Enterprise,
        on_delete=models.CASCADE,
        related_name="declarations",
        verbose_name=_("enterprise"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    currency = models.ForeignKey(
        "reference.Currency", on_delete=models.PROTECT, verbose_name=_("currency")
    )
    exchange_rate = models.DecimalField(_("units per US dollar"), max_digits=18, decimal_places=6)
    total_revenue = models.DecimalField(_("total revenue"), **MONEY)
    overseas_revenue = models.DecimalField(_("overseas revenue"), **MONEY)
    staff_abroad = models.PositiveIntegerField(_("staff abroad"), default=0)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=DeclarationStatus.choices,
        default=DeclarationStatus.DRAFT,
    )
    return_reason = models.TextField(_("reason for return"), max_length=2000, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    history = History()

    class Meta:
        ordering = ["-year", "enterprise_id"]
        verbose_name = _("yearly declaration")
        verbose_name_plural = _("yearly declarations")
        indexes = [models.Index(fields=["year", "status"], name="declaration_year_status")]
        constraints = [
            models.UniqueConstraint(fields=["enterprise", "year"], name="uniq_declaration_year"),
            models.CheckConstraint(
                name="declaration_revenue_not_negative",
                condition=Q(total_revenue__gte=0, overseas_revenue__gte=0),
            ),
            models.CheckConstraint(
                name="declaration_overseas_within_total",
                condition=Q(overseas_revenue__lte=F("total_revenue")),
            ),
            models.CheckConstraint(
                name="declaration_rate_positive", condition=Q(exchange_rate__gt=0)
            ),
        ]

    @property
    def overseas_share(self) -> Decimal | None:
        if not self.total_revenue:
            return None
        return (self.overseas_revenue / self.total_revenue * 100).quantize(Decimal("0.1"))

    def __str__(self) -> str:
        return f"{self.enterprise} · {self.year}"


class DeclarationCountry(models.Model):
    declaration = models.ForeignKey(Declaration, on_delete=models.CASCADE, related_name="countries")
    country = models.ForeignKey(
        "reference.Country", on_delete=models.PROTECT, related_name="+", verbose_name=_("country")
    )
    revenue = models.DecimalField(_("revenue"), **MONEY)

    history = History()

    class Meta:
        ordering = ["-revenue"]
        verbose_name = _("overseas revenue by country")
        constraints = [
            models.UniqueConstraint(
                fields=["declaration", "country"], name="uniq_declaration_country"
            ),
            models.CheckConstraint(
                name="declaration_country_not_negative", condition=Q(revenue__gte=0)
            ),
        ]

    def __str__(self) -> str:
        return f"{self.declaration} · {self.country_id}"
