from django.urls import path

from goglobal.cases import views

app_name = "cases"

urlpatterns = [
    path("", views.case_list, name="list"),
    path("new/", views.case_create, name="create"),
    path("notifications/", views.notification_list, name="notifications"),
    path("metrics/", views.case_metrics, name="metrics"),
    path("briefings/", views.briefing_list, name="briefing-list"),
    path("briefings/<int:pk>/", views.briefing_detail, name="briefing-detail"),
    path("<int:pk>/", views.case_detail, name="detail"),
    path("<int:pk>/edit/", views.case_edit, name="edit"),
    path("<int:pk>/move/", views.case_move, name="move"),
    path("<int:pk>/triage/", views.case_triage, name="triage"),
    path("<int:pk>/rate/", views.case_rate, name="rate"),
]
