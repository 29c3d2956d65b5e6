from django.urls import path

from goglobal.partners import views

app_name = "partners"

urlpatterns = [
    path("", views.organisation_list, name="list"),
    path("export.<str:fmt>", views.organisation_export, name="export"),
    path("new/", views.organisation_create, name="create"),
    path("<int:pk>/", views.organisation_detail, name="detail"),
    path("<int:pk>/edit/", views.organisation_edit, name="edit"),
]
