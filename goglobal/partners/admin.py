from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from goglobal.partners.models import ForeignOrganisation


@admin.register(ForeignOrganisation)
class ForeignOrganisationAdmin(SimpleHistoryAdmin):
    list_display = ("name", "kind", "country", "city")
    list_filter = ("kind", "country")
    list_select_related = ("country",)
    search_fields = ("name", "name_vi")
    filter_horizontal = ("sectors",)
