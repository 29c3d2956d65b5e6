"""Django admin for administrators. Saving here bypasses the services' rules, so the registry's
pages and API remain the way to change records; admin is for inspection and repair, and keeps
history like everything else."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from goglobal.enterprises.models import (
    Contact,
    ContactConsent,
    Declaration,
    DeclarationCountry,
    Enterprise,
    MarketPresence,
    Product,
)
from goglobal.search.admin import KeepsSearchInStep


@admin.register(Enterprise)
class EnterpriseAdmin(KeepsSearchInStep, SimpleHistoryAdmin):
    list_display = ("name_vi", "tax_code", "province", "employee_band", "status")
    list_filter = ("status", "employee_band", "province")
    list_select_related = ("province",)
    search_fields = ("name_vi", "name_en", "name_folded", "tax_code")
    filter_horizontal = ("sectors",)
    readonly_fields = ("created_at", "updated_at")


@admin.register(Product)
class ProductAdmin(KeepsSearchInStep, SimpleHistoryAdmin):
    list_display = ("name_vi", "enterprise", "make_in_vietnam")
    list_filter = ("make_in_vietnam",)
    list_select_related = ("enterprise",)
    search_fields = ("name_vi", "name_en", "enterprise__name_vi")
    autocomplete_fields = ("enterprise",)
    filter_horizontal = ("sectors", "target_markets")


@admin.register(MarketPresence)
class MarketPresenceAdmin(KeepsSearchInStep, SimpleHistoryAdmin):
    list_display = ("enterprise", "country", "mode", "since", "staff_abroad")
    list_filter = ("mode", "country")
    list_select_related = ("enterprise", "country")
    search_fields = ("enterprise__name_vi",)
    autocomplete_fields = ("enterprise",)


class ConsentInline(admin.TabularInline):
    model = ContactConsent
    extra = 0
    readonly_fields = ("recorded_by",)


@admin.register(Contact)
class ContactAdmin(KeepsSearchInStep, SimpleHistoryAdmin):
    list_display = ("full_name", "enterprise", "foreign_organisation", "email")
    list_select_related = ("enterprise", "foreign_organisation")
    search_fields = ("full_name", "email")
    autocomplete_fields = ("enterprise", "foreign_organisation")
    inlines = [ConsentInline]


@admin.register(ContactConsent)
class ContactConsentAdmin(SimpleHistoryAdmin):
    list_display = ("contact", "purpose", "method", "given_at", "withdrawn_at")
    list_filter = ("purpose", "method")
    list_select_related = ("contact",)
    autocomplete_fields = ("contact",)


class DeclarationCountryInline(admin.TabularInline):
    model = DeclarationCountry
    extra = 0


@admin.register(Declaration)
class DeclarationAdmin(SimpleHistoryAdmin):
    list_display = ("enterprise", "year", "status", "total_revenue", "overseas_revenue", "currency")
    list_filter = ("status", "year")
    list_select_related = ("enterprise", "currency")
    search_fields = ("enterprise__name_vi", "enterprise__tax_code")
    autocomplete_fields = ("enterprise",)
    readonly_fields = ("submitted_at", "submitted_by", "reviewed_at", "reviewed_by")
    inlines = [DeclarationCountryInline]
