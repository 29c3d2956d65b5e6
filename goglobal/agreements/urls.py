from django.urls import path

from goglobal.agreements import views

app_name = "agreements"

urlpatterns = [
    path("", views.agreement_list, name="list"),
    path("export.<str:fmt>", views.agreement_export, name="export"),
    path("new/", views.agreement_create, name="create"),
    path("<int:pk>/", views.agreement_detail, name="detail"),
    path("<int:pk>/transition/", views.agreement_transition, name="transition"),
    path("<int:pk>/upgrade/", views.agreement_upgrade, name="upgrade"),
]
