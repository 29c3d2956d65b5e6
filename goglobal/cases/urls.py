from django.urls import path

from goglobal.cases import views, views_briefings, views_work

app_name = "cases"

urlpatterns = [
    path("", views.case_list, name="list"),
    path("export.<str:fmt>", views.case_export, name="export"),
    path("new/", views.case_create, name="create"),
    path("notifications/", views.notification_list, name="notifications"),
    path("metrics/", views.case_metrics, name="metrics"),
    path("notifications/read/", views_work.notification_read_all, name="notifications-read"),
    path("notifications/<int:pk>/read/", views_work.notification_read, name="notification-read"),
    path("briefings/", views_briefings.briefing_list, name="briefing-list"),
    path("briefings/export.<str:fmt>", views_briefings.briefing_export, name="briefing-export"),
    path("briefings/new/", views_briefings.briefing_create, name="briefing-create"),
    path("briefings/<int:pk>/", views_briefings.briefing_detail, name="briefing-detail"),
    path("briefings/<int:pk>/agenda/", views_briefings.briefing_agenda, name="briefing-agenda"),
    path("briefings/<int:pk>/minutes/", views_briefings.briefing_minutes, name="briefing-minutes"),
    path("briefings/<int:pk>/next/", views_briefings.briefing_next, name="briefing-next"),
    path(
        "briefings/<int:pk>/action-items/",
        views_briefings.action_item_create,
        name="action-item-create",
    ),
    path(
        "briefings/<int:pk>/nominations/<int:nomination_pk>/accept/",
        views_briefings.nomination_accept,
        name="nomination-accept",
    ),
    path("action-items/<int:pk>/done/", views_briefings.action_item_done, name="action-item-done"),
    path("<int:pk>/", views.case_detail, name="detail"),
    path("<int:pk>/edit/", views.case_edit, name="edit"),
    path("<int:pk>/move/", views.case_move, name="move"),
    path("<int:pk>/triage/", views.case_triage, name="triage"),
    path("<int:pk>/rate/", views.case_rate, name="rate"),
    path("<int:pk>/nominate/", views_briefings.case_nominate, name="nominate"),
    path("<int:pk>/contributors/", views_work.contributor_add, name="contributor-add"),
    path(
        "<int:pk>/contributors/<int:user_pk>/remove/",
        views_work.contributor_remove,
        name="contributor-remove",
    ),
    path("<int:pk>/summary/", views_work.summary_draft, name="summary-draft"),
    path("<int:pk>/summary/approve/", views_work.summary_approve, name="summary-approve"),
    path("<int:pk>/summary/publish/", views_work.summary_publish, name="summary-publish"),
]
