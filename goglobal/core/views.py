from django.shortcuts import render
from django.views.decorators.http import require_GET

from goglobal.core.selectors import home_summary


@require_GET
def home(request):
    return render(
        request, "core/home.html", {"summary": home_summary(request.user), "section": "home"}
    )
