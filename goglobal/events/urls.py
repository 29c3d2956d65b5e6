from django.urls import path

from goglobal.events.views import booths, calendars, checkin, events, registrations, reports

app_name = "events"

urlpatterns = [
    path("", events.event_list, name="list"),
    path("export.<str:fmt>", events.event_export, name="export"),
    path("programme/", events.programme, name="programme"),
    path("programme.ics", calendars.programme_ics, name="programme-ics"),
    path("new/", events.event_create, name="create"),
    path("mine/", registrations.mine, name="mine"),
    path("feeds/<str:token>/events.ics", calendars.feed, name="feed"),
    path("tickets/<str:token>/", registrations.ticket, name="ticket"),
    path("tickets/<str:token>/confirm/", registrations.ticket_confirm, name="ticket-confirm"),
    path("tickets/<str:token>/cancel/", registrations.ticket_cancel, name="ticket-cancel"),
    path("registrations/<int:rid>/cancel/", registrations.registration_cancel, name="cancel"),
    path("registrations/<int:rid>/confirm/", registrations.registration_confirm, name="confirm"),
    path("registrations/<int:rid>/outcome/", registrations.outcome, name="outcome"),
    path("booths/<int:bid>/exhibitors/new/", booths.exhibitor_add, name="exhibitor-add"),
    path("exhibitors/<int:xid>/leads/new/", booths.lead_create, name="lead-create"),
    path("leads/<int:lid>/edit/", booths.lead_edit, name="lead-edit"),
    path("<int:pk>/", events.event_detail, name="detail"),
    path("<int:pk>/booths/", booths.booth_list, name="booths"),
    path("<int:pk>/booths/export.<str:fmt>", booths.booth_export, name="booth-export"),
    path("<int:pk>/booths/new/", booths.booth_create, name="booth-create"),
    path("<int:pk>/leads/", booths.lead_list, name="leads"),
    path("<int:pk>/event.ics", calendars.event_ics, name="event-ics"),
    path("<int:pk>/edit/", events.event_edit, name="edit"),
    path("<int:pk>/venues/new/", events.venue_create, name="venue-create"),
    path("<int:pk>/venues/<int:vid>/edit/", events.venue_edit, name="venue-edit"),
    path("<int:pk>/sessions/new/", events.session_create, name="session-create"),
    path("<int:pk>/register/", registrations.register, name="register"),
    path("<int:pk>/invite/", registrations.invite, name="invite"),
    path("<int:pk>/check-in/", checkin.check_in, name="check-in"),
    path("<int:pk>/venues/<int:vid>/check-in/", checkin.check_in, name="venue-check-in"),
    path("<int:pk>/attendance/", reports.attendance, name="attendance"),
    path("<int:pk>/attendance.xlsx", reports.attendance_xlsx, name="attendance-xlsx"),
    path("<int:pk>/registrations/", registrations.registration_list, name="registrations"),
    path(
        "<int:pk>/registrations/export.<str:fmt>",
        registrations.registration_export,
        name="registration-export",
    ),
    path(
        "<int:pk>/registrations/<int:rid>/select/",
        registrations.registration_select,
        name="select",
    ),
    path(
        "<int:pk>/registrations/<int:rid>/reject/",
        registrations.registration_reject,
        name="reject",
    ),
    path(
        "<int:pk>/registrations/<int:rid>/score/",
        registrations.registration_score,
        name="score",
    ),
]
