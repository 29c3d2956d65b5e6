from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from goglobal.partners.models import ForeignOrganisation
from goglobal.search.admin import KeepsSearchInStep


@admin.register(ForeignOrganisation)
class ForeignOrganisationAdmin(KeepsSearchInStep, SimpleHistoryAdmin):
    list_display = ("name", "kind", "country", "city")
    list_filter = ("kind", "country")
    list_select_related = ("country",)
    search_fields = ("name", "name_vi")
    filter_horizontal = ("sectors",)
