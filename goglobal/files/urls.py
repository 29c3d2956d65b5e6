from django.urls import path

from goglobal.files import views

app_name = "files"

urlpatterns = [
    path("<str:public_id>/", views.attachment_download, name="download"),
    path("upload/<slug:kind>/<int:pk>/", views.attachment_upload, name="upload"),
]
