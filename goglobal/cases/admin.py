"""Django admin: the routing rules table is edited here by ministry administrators. Cases are
changed through their pages and API (the move table); admin only inspects them, or deletes
them (taking them out of the metrics' roll-up)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from goglobal.cases.models import Case, CaseTransition, RoutingRule
from goglobal.cases.policies import can_edit_routing_rules
from goglobal.cases.rollup import case_delete


@admin.register(RoutingRule)
class RoutingRuleAdmin(SimpleHistoryAdmin):
    list_display = ("kind", "country", "category", "mission", "agency", "active")
    list_filter = ("kind", "active", "category")
    list_select_related = ("country", "mission", "agency")
    autocomplete_fields = ("country", "mission")

    def has_module_permission(self, request):
        return can_edit_routing_rules(request.user)

    def has_view_permission(self, request, obj=None):
        return can_edit_routing_rules(request.user)

    has_add_permission = has_view_permission
    has_delete_permission = has_view_permission

    def has_change_permission(self, request, obj=None):
        return can_edit_routing_rules(request.user)


class TransitionInline(admin.TabularInline):
    model = CaseTransition
    extra = 0
    can_delete = False
    readonly_fields = ("from_status", "to_status", "waiting_on", "actor", "reason", "at")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Case)
class CaseAdmin(SimpleHistoryAdmin):
    list_display = ("id", "title", "enterprise", "country", "category", "status", "priority")
    list_filter = ("status", "category", "priority")
    list_select_related = ("enterprise", "country")
    search_fields = ("title", "enterprise__name_vi")
    inlines = [TransitionInline]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False

    def delete_model(self, request, obj):
        case_delete(Case.objects.filter(pk=obj.pk))

    def delete_queryset(self, request, queryset):
        case_delete(queryset)
