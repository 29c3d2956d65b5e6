from django.urls import path

from goglobal.bulk import views

app_name = "bulk"

urlpatterns = [
    path("imports/", views.import_start, name="import"),
    path("imports/<int:pk>/", views.import_detail, name="import-detail"),
    path("imports/<int:pk>/confirm/", views.import_confirm, name="import-confirm"),
    path("exports/<str:kind>.<str:fmt>", views.export, name="export"),
]
