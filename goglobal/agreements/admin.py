from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from goglobal.agreements.models import Agreement, AgreementTransition


@admin.register(Agreement)
class AgreementAdmin(SimpleHistoryAdmin):
    list_display = ("title_vi", "kind", "status", "partner_country", "proposed_on", "signed_on")
    list_filter = ("kind", "status")
    # Status and its dates move only through the transition service (it logs each move).
    readonly_fields = (
        "status",
        "negotiation_started_on",
        "signed_on",
        "in_force_on",
        "ended_on",
        "upgraded_from",
    )


@admin.register(AgreementTransition)
class AgreementTransitionAdmin(admin.ModelAdmin):
    list_display = ("agreement", "from_status", "to_status", "effective_on", "actor", "at")

    def has_change_permission(self, request, obj=None):
        return False
