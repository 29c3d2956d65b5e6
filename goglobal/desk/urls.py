from django.urls import path

from goglobal.desk.views import notes, opportunities, orders, pages

app_name = "desk"

urlpatterns = [
    path("", pages.desk_home, name="home"),
    path("missions/<int:pk>/", pages.desk_mission, name="mission"),
    path("countries/<str:code>/", pages.country_detail, name="country"),
    path("notes/", notes.note_list, name="note-list"),
    path("notes/export.<str:fmt>", notes.note_export, name="note-export"),
    path("notes/new/", notes.note_create, name="note-create"),
    path("notes/<int:pk>/", notes.note_detail, name="note-detail"),
    path("opportunities/", opportunities.opportunity_list, name="opportunity-list"),
    path(
        "opportunities/export.<str:fmt>",
        opportunities.opportunity_export,
        name="opportunity-export",
    ),
    path("opportunities/new/", opportunities.opportunity_create, name="opportunity-create"),
    path("opportunities/<int:pk>/", opportunities.opportunity_detail, name="opportunity-detail"),
    path("opportunities/<int:pk>/interest/", opportunities.interest_create, name="interest-create"),
    path(
        "opportunities/<int:pk>/interests/<int:interest_pk>/",
        opportunities.interest_follow_up,
        name="interest-follow-up",
    ),
    path(
        "opportunities/<int:pk>/close/", opportunities.opportunity_close, name="opportunity-close"
    ),
    path("orders/", orders.order_list, name="order-list"),
    path("orders/export.<str:fmt>", orders.order_export, name="order-export"),
    path("orders/new/", orders.order_create, name="order-create"),
    path("orders/<int:pk>/", orders.order_detail, name="order-detail"),
    path("orders/<int:pk>/transition/", orders.order_transition, name="order-transition"),
]
