"""Reference rows come from libraries through migrations; admin may only retire them
(`disabled_on`) or correct a name, never add or delete."""

from django.contrib import admin

from goglobal.reference.models import Country, Currency, Province, Sector, SectorVsicCode


class ReferenceAdmin(admin.ModelAdmin):
    list_display = ("code", "name_vi", "name_en", "disabled_on")
    search_fields = ("code", "name_vi", "name_en")
    list_filter = ("disabled_on",)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class VsicInline(admin.TabularInline):
    model = SectorVsicCode
    extra = 0


admin.site.register(Country, ReferenceAdmin)
admin.site.register(Province, ReferenceAdmin)
admin.site.register(Currency, ReferenceAdmin)


@admin.register(Sector)
class SectorAdmin(ReferenceAdmin):
    inlines = [VsicInline]
