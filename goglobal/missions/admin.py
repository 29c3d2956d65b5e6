from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from goglobal.missions.models import Mission
from goglobal.search.admin import KeepsSearchInStep


@admin.register(Mission)
class MissionAdmin(KeepsSearchInStep, SimpleHistoryAdmin):
    list_display = ("name_vi", "kind", "host_country", "city")
    list_filter = ("kind",)
    list_select_related = ("host_country",)
    search_fields = ("name_vi", "name_en", "city")
    filter_horizontal = ("jurisdiction",)
