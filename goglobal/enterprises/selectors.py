"""Reads of the registry, and the one place that says who may see which registry record.

Public: active enterprises' profiles, products and presence. Confidential: contacts and
declarations — ministry staff and the enterprise itself; a mission officer sees contacts of
enterprises present in its jurisdiction whose contact consented to sharing with missions, and
declarations only in aggregate."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import (
    Count,
    DecimalField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Sum,
)
from django.http import Http404

from goglobal.accounts import access
from goglobal.accounts.access import AnyUser
from goglobal.accounts.models import Role
from goglobal.core.text import fold
from goglobal.enterprises.enums import ConsentPurpose, DeclarationStatus, EnterpriseStatus
from goglobal.enterprises.models import (
    Contact,
    ContactConsent,
    Declaration,
    DeclarationCountry,
    Enterprise,
    MarketPresence,
    Product,
)
from goglobal.reference.models import Province

# A published aggregate never describes fewer enterprises than this (re-identification).
AGGREGATE_MIN_ENTERPRISES = 3


def _visible_enterprise_q(user: AnyUser, through: str = "") -> Q:
    """The enterprises the user may see, as a condition on an enterprise, or on another
    model's through the path to its enterprise (`through`, "enterprise__")."""
    if access.is_staff(user):
        return Q()
    visible = Q(**{f"{through}status": EnterpriseStatus.ACTIVE})
    if access.has_role(user, Role.ENTERPRISE_REP):
        visible |= Q(**{f"{through}pk__in": access.own_enterprise_ids(user)})
    return visible


def enterprise_visible_for_user(user: AnyUser) -> QuerySet[Enterprise]:
    return Enterprise.objects.filter(_visible_enterprise_q(user))


@dataclass(frozen=True)
class EnterpriseFilters:
    q: str = ""
    sector: str = ""
    province: int | None = None
    country: str = ""
    mode: str = ""
    size: str = ""
    status: str = ""


def enterprise_list_for_user(
    user: AnyUser, filters: EnterpriseFilters | None = None, *, many_matches: bool = False
) -> QuerySet[Enterprise]:
    """The enterprises the user may see, filtered, in name order. `many_matches` states that the
    filters match a large share of the registry: the sector condition is then a correlated
    EXISTS, so that the database walks the name index and checks each row, stopping after the
    page, instead of reading every enterprise of the sector and sorting them."""
    filters = filters or EnterpriseFilters()
    qs = enterprise_visible_for_user(user)
    if filters.q:
        folded = fold(filters.q)
        qs = qs.filter(
            Q(name_folded__contains=folded) | Q(tax_code__startswith=folded.replace("-", ""))
        )
    if filters.sector:
        # A join rather than "pk IN (subquery)": an enterprise has a sector at most once, so no
        # row repeats, and SQLite can then walk the name index and probe the link table (a page
        # of a common sector) or start from the sector's links (a count, a rare sector) instead
        # of materialising every enterprise of the sector first.
        if many_matches:
            qs = qs.filter(
                Exists(
                    Enterprise.sectors.through.objects.filter(
                        enterprise_id=OuterRef("pk"), sector__code=filters.sector
                    )
                )
            )
        else:
            qs = qs.filter(sectors__code=filters.sector)
    if filters.province is not None:
        qs = qs.filter(province_id=filters.province)
    if filters.country or filters.mode:
        presence = MarketPresence.objects.all()
        if filters.country:
            presence = presence.filter(country_id=filters.country.upper())
        if filters.mode:
            presence = presence.filter(mode=filters.mode)
        qs = qs.filter(pk__in=presence.values("enterprise_id"))
    if filters.size:
        qs = qs.filter(employee_band=filters.size)
    if filters.status:
        qs = qs.filter(status=filters.status)
    return qs.select_related("province").prefetch_related("sectors").order_by("name_folded", "id")


# The enterprise list's rows as the API returns them (EnterpriseListItem), built from plain
# values: see goglobal.core.pagination.Rows.
ENTERPRISE_ROW_FIELDS = (
    "id",
    "name_vi",
    "name_en",
    "tax_code",
    "province_id",
    "employee_band",
    "status",
)


def enterprise_rows_finish(rows: list[dict]) -> list[dict]:
    """Adds each row's province and sectors, one query each for the page. (The province is not
    joined in the page query: a join makes SQLite's planner start from the provinces and sort
    every match instead of walking the name index.)"""
    provinces = {
        code: {"code": code, "name_vi": name_vi, "name_en": name_en}
        for code, name_vi, name_en in Province.objects.filter(
            code__in={row["province_id"] for row in rows}
        ).values_list("code", "name_vi", "name_en")
    }
    links = Enterprise.sectors.through.objects.filter(
        enterprise_id__in=[row["id"] for row in rows]
    ).order_by("sector__name_en")
    sectors: dict[int, list[dict]] = {row["id"]: [] for row in rows}
    for enterprise_id, code, name_vi, name_en in links.values_list(
        "enterprise_id", "sector__code", "sector__name_vi", "sector__name_en"
    ):
        sectors[enterprise_id].append({"code": code, "name_vi": name_vi, "name_en": name_en})
    for row in rows:
        row["province"] = provinces[row.pop("province_id")]
        row["sectors"] = sectors[row["id"]]
    return rows


def enterprise_get_for_user(user: AnyUser, pk: int) -> Enterprise:
    try:
        return (
            enterprise_visible_for_user(user)
            .select_related("province")
            .prefetch_related("sectors")
            .get(pk=pk)
        )
    except Enterprise.DoesNotExist as exc:
        raise Http404 from exc


def product_visible_for_user(user: AnyUser) -> QuerySet[Product]:
    """The rule product_list_for_user applies (products of visible enterprises) as a join to
    each product's enterprise, for callers that test a few products at a time (search): the IN
    form makes SQLite list every visible enterprise first, and a correlated EXISTS cost Django
    three times as long to build and compile (342 µs against 108, for the public). Every
    product has one enterprise, so no product repeats; when the user may see them all, every
    product, with no condition."""
    return Product.objects.filter(_visible_enterprise_q(user, through="enterprise__"))


def product_list_for_user(user: AnyUser, *, enterprise_id: int | None = None) -> QuerySet[Product]:
    qs = Product.objects.filter(enterprise__in=enterprise_visible_for_user(user))
    if enterprise_id is not None:
        qs = qs.filter(enterprise_id=enterprise_id)
    return qs.select_related("enterprise").prefetch_related("sectors", "target_markets")


def product_get_for_user(user: AnyUser, pk: int) -> Product:
    try:
        return product_list_for_user(user).get(pk=pk)
    except Product.DoesNotExist as exc:
        raise Http404 from exc


def presence_list_for_user(
    user: AnyUser, *, enterprise_id: int | None = None
) -> QuerySet[MarketPresence]:
    qs = MarketPresence.objects.filter(enterprise__in=enterprise_visible_for_user(user))
    if enterprise_id is not None:
        qs = qs.filter(enterprise_id=enterprise_id)
    return qs.select_related("country", "enterprise")


def presence_get_for_user(user: AnyUser, pk: int) -> MarketPresence:
    try:
        return presence_list_for_user(user).get(pk=pk)
    except MarketPresence.DoesNotExist as exc:
        raise Http404 from exc


def _mission_shared_contacts_q(user: AnyUser) -> Q:
    """Only people who consented to sharing with missions (withdrawal ends it at once), and only
    at organisations the mission deals with: enterprises present in its jurisdiction, foreign
    organisations based there."""
    codes = access.jurisdiction_codes(user)
    present = MarketPresence.objects.filter(country_id__in=codes).values("enterprise_id")
    consented = ContactConsent.objects.filter(
        purpose=ConsentPurpose.SHARE_WITH_MISSIONS, withdrawn_at__isnull=True
    ).values("contact_id")
    return Q(pk__in=consented) & (
        Q(enterprise_id__in=present, enterprise__status=EnterpriseStatus.ACTIVE)
        | Q(foreign_organisation__country_id__in=codes)
    )


def contact_visible_for_user(user: AnyUser) -> QuerySet[Contact]:
    if access.is_staff(user):
        return Contact.objects.all()
    role = access.role_of(user)
    if role == Role.ENTERPRISE_REP:
        return Contact.objects.filter(enterprise_id__in=access.own_enterprise_ids(user))
    if role == Role.PARTNER_REP:
        return Contact.objects.filter(
            foreign_organisation_id__in=access.own_foreign_organisation_ids(user)
        )
    if role == Role.MISSION_OFFICER:
        return Contact.objects.filter(_mission_shared_contacts_q(user))
    return Contact.objects.none()


def contact_list_for_user(
    user: AnyUser, *, enterprise_id: int | None = None, foreign_organisation_id: int | None = None
) -> QuerySet[Contact]:
    qs = contact_visible_for_user(user)
    if enterprise_id is not None:
        qs = qs.filter(enterprise_id=enterprise_id)
    if foreign_organisation_id is not None:
        qs = qs.filter(foreign_organisation_id=foreign_organisation_id)
    consents = Prefetch("consents", queryset=ContactConsent.objects.select_related("recorded_by"))
    return qs.select_related("enterprise", "foreign_organisation").prefetch_related(consents)


def contact_get_for_user(user: AnyUser, pk: int) -> Contact:
    try:
        return contact_list_for_user(user).get(pk=pk)
    except Contact.DoesNotExist as exc:
        raise Http404 from exc


def declaration_visible_for_user(user: AnyUser) -> QuerySet[Declaration]:
    if access.is_staff(user):
        return Declaration.objects.all()
    if access.has_role(user, Role.ENTERPRISE_REP):
        return Declaration.objects.filter(enterprise_id__in=access.own_enterprise_ids(user))
    return Declaration.objects.none()


def declaration_list_for_user(
    user: AnyUser, *, enterprise_id: int | None = None, year: int | None = None, status: str = ""
) -> QuerySet[Declaration]:
    qs = declaration_visible_for_user(user)
    if enterprise_id is not None:
        qs = qs.filter(enterprise_id=enterprise_id)
    if year is not None:
        qs = qs.filter(year=year)
    if status:
        qs = qs.filter(status=status)
    countries = Prefetch("countries", queryset=DeclarationCountry.objects.select_related("country"))
    return (
        qs.select_related("enterprise", "currency")
        .prefetch_related(countries)
        .order_by("-year", "enterprise_id", "id")
    )


def declaration_get_for_user(user: AnyUser, pk: int) -> Declaration:
    try:
        return declaration_list_for_user(user).get(pk=pk)
    except Declaration.DoesNotExist as exc:
        raise Http404 from exc


def can_see_declaration_aggregates(user: AnyUser) -> bool:
    return access.is_staff(user) or access.has_role(user, Role.MISSION_OFFICER)


def declaration_aggregate_by_country(user: AnyUser, *, year: int) -> list[dict]:
    """Accepted overseas revenue per country in US dollars, for staff (every country) and mission
    officers (their jurisdiction). Countries with fewer than AGGREGATE_MIN_ENTERPRISES declaring
    enterprises are left out so that no single enterprise's figure can be read off."""
    if not can_see_declaration_aggregates(user):
        return []
    rows = DeclarationCountry.objects.filter(
        declaration__year=year, declaration__status=DeclarationStatus.ACCEPTED
    )
    if not access.is_staff(user):
        rows = rows.filter(country_id__in=access.jurisdiction_codes(user))
    usd = ExpressionWrapper(
        F("revenue") / F("declaration__exchange_rate"),
        output_field=DecimalField(max_digits=24, decimal_places=2),
    )
    grouped = (
        rows.values("country_id", "country__name_vi", "country__name_en")
        .annotate(
            enterprises=Count("declaration__enterprise_id", distinct=True), revenue_usd=Sum(usd)
        )
        .filter(enterprises__gte=AGGREGATE_MIN_ENTERPRISES)
        .order_by("-revenue_usd")
    )
    return [
        {
            "country": row["country_id"],
            "country_name_vi": row["country__name_vi"],
            "country_name_en": row["country__name_en"],
            "enterprises": row["enterprises"],
            "overseas_revenue_usd": Decimal(row["revenue_usd"] or 0).quantize(Decimal("1")),
        }
        for row in grouped
    ]


def enterprise_own_for_user(user: AnyUser) -> QuerySet[Enterprise]:
    """The enterprises an enterprise representative speaks for (none for other roles)."""
    return (
        Enterprise.objects.filter(pk__in=access.own_enterprise_ids(user))
        .select_related("province")
        .order_by("name_folded", "id")
    )


def enterprise_abroad_for_user(user: AnyUser) -> QuerySet[Enterprise]:
    """Visible enterprises with at least one market presence abroad."""
    return enterprise_visible_for_user(user).filter(
        pk__in=MarketPresence.objects.values("enterprise_id")
    )


def can_see_enterprise_declarations(user: AnyUser, enterprise_id: int) -> bool:
    """Whether the enterprise's declarations are open to the user at all (the page's tab), even
    before there is one: staff and the enterprise's own representatives, as
    declaration_visible_for_user says."""
    if access.is_staff(user):
        return True
    if not access.has_role(user, Role.ENTERPRISE_REP):
        return False
    return access.own_enterprise_ids(user).filter(enterprise_id=enterprise_id).exists()


def can_see_enterprise_contacts(user: AnyUser, enterprise_id: int) -> bool:
    """Whether the enterprise's contacts are open to the user: staff and its representatives
    always (they keep the list); a mission officer only when contact_visible_for_user shows
    them at least one of its contacts."""
    if access.is_staff(user):
        return True
    if access.has_role(user, Role.ENTERPRISE_REP):
        return access.own_enterprise_ids(user).filter(enterprise_id=enterprise_id).exists()
    if access.has_role(user, Role.MISSION_OFFICER):
        return contact_visible_for_user(user).filter(enterprise_id=enterprise_id).exists()
    return False
