from django.urls import path

from goglobal.matchmaking.views import agenda, events, profiles

app_name = "matchmaking"

urlpatterns = [
    path("", profiles.profile_list, name="list"),
    path("export.<str:fmt>", profiles.profile_export, name="export"),
    path("profiles/new/", profiles.profile_create, name="profile-create"),
    path("profiles/<int:pk>/", profiles.profile_detail, name="profile"),
    path("profiles/<int:pk>/edit/", profiles.profile_edit, name="profile-edit"),
    path("profiles/<int:pk>/dismiss/<int:other>/", profiles.dismiss, name="dismiss"),
    path("events/<int:pk>/", events.event_page, name="event"),
    path("events/<int:pk>/join/", events.join, name="join"),
    path("events/<int:pk>/settings/", events.settings_page, name="settings"),
    path("events/<int:pk>/schedule/", events.schedule, name="schedule"),
    path(
        "events/<int:pk>/participants/<int:participant>/requests/",
        events.send_request,
        name="request-send",
    ),
    path("requests/<int:rid>/<str:action>/", events.answer, name="request-answer"),
    path("meetings/<int:mid>/lock/", events.lock, name="lock"),
    path("meetings/<int:mid>/record/", agenda.record, name="record"),
    path("participants/<int:pid>/agenda/", agenda.agenda_page, name="agenda"),
    path("participants/<int:pid>/agenda.pdf", agenda.agenda_pdf, name="agenda-pdf"),
    path("participants/<int:pid>/agenda.ics", agenda.agenda_ics, name="agenda-ics"),
    path("participants/<int:pid>/availability/", agenda.availability, name="availability"),
]
