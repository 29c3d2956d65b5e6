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
    path("cases/", include("goglobal.cases.urls")),
    path("", include("goglobal.core.urls")),
]
