"""The project's URLs plus a bare view, mounted only while a benchmark runs: the baseline that
shows what Django itself costs per request (middleware, URL resolution, a JSON response)."""

from django.http import HttpRequest, JsonResponse
from django.urls import path

from goglobal.urls import urlpatterns as project_urlpatterns

BASELINE_PATH = "/__bench__/baseline"


def baseline(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"ok": True})


urlpatterns = [path(BASELINE_PATH.lstrip("/"), baseline), *project_urlpatterns]
