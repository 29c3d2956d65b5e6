from django.contrib import admin

from goglobal.advisory.models import Agency


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ("name_vi", "abbreviation", "kind", "in_advisory_group")
    list_filter = ("kind", "in_advisory_group")
    search_fields = ("name_vi", "name_en", "abbreviation")
