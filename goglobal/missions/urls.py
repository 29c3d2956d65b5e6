from django.urls import path

from goglobal.missions import views

app_name = "missions"

urlpatterns = [
    path("", views.mission_list, name="list"),
    path("export.<str:fmt>", views.mission_export, name="export"),
    path("new/", views.mission_create, name="create"),
    path("<int:pk>/", views.mission_detail, name="detail"),
    path("<int:pk>/edit/", views.mission_edit, name="edit"),
]
