from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from goglobal.accounts import services
from goglobal.accounts.forms import TokenForm
from goglobal.accounts.models import ApiToken
from goglobal.core.forms import apply_service_errors


def _tokens(user):
    return ApiToken.objects.filter(user=user).order_by("revoked_at", "-created_at", "-id")


@login_required
@require_http_methods(["GET", "POST"])
def token_list(request):
    form = TokenForm(request.POST or None)
    raw = None
    if request.method == "POST" and form.is_valid():
        try:
            _token, raw = services.token_create(user=request.user, name=form.cleaned_data["name"])
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            # The raw value is rendered in this response only: it is never stored, so a
            # redirect would lose it.
            form = TokenForm()
    context = {"form": form, "tokens": _tokens(request.user), "raw": raw, "section": "tokens"}
    return render(request, "accounts/tokens.html", context)


@login_required
@require_POST
def token_revoke(request, pk: int):
    # Another user's token is "not found", not "forbidden": its existence is not shown.
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    services.token_revoke(user=request.user, token=token)
    messages.success(request, _("The token “%(name)s” is revoked.") % {"name": token.name})
    return redirect("accounts:tokens")
