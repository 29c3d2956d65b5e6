from django.urls import path

from goglobal.search import views

app_name = "search"

urlpatterns = [
    path("", views.search_page, name="results"),
    path("export.<str:fmt>", views.search_export, name="export"),
]
