from django.contrib import admin
from django.urls import include, path

from goglobal.core.api_routes import api

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("accounts/", include("goglobal.accounts.urls")),
    path("enterprises/", include("goglobal.enterprises.urls")),
    path("partners/", include("goglobal.partners.urls")),
    path("missions/", include("goglobal.missions.urls")),
    path("bulk/", include("goglobal.bulk.urls")),
    path("search/", include("goglobal.search.urls")),
    path("events/", include("goglobal.events.urls")),
    path("cases/", include("goglobal.cases.urls")),
    path("files/", include("goglobal.files.urls")),
    path("agreements/", include("goglobal.agreements.urls")),
    path("desk/", include("goglobal.desk.urls")),
    path("matchmaking/", include("goglobal.matchmaking.urls")),
    path("", include("goglobal.core.urls")),
]
