"""Writes to accounts: personal access tokens for the API."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from goglobal.accounts.models import ApiToken, User, hash_token

TOKEN_NAME_MAX = 100
# Enough for every integration a person runs; a leaked script cannot mint thousands.
MAX_ACTIVE_TOKENS = 20


@transaction.atomic
def token_create(*, user: User, name: str) -> tuple[ApiToken, str]:
    """Creates a personal access token and returns it with its raw value. Only the SHA-256 of
    the raw value is stored, so the caller must show it now: it cannot be read back later."""
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": _("Give the token a name.")})
    if len(name) > TOKEN_NAME_MAX:
        raise ValidationError(
            {"name": _("A token name has at most %(n)s characters.") % {"n": TOKEN_NAME_MAX}}
        )
    if not user.is_active:
        raise PermissionDenied(_("This account is disabled."))
    active = ApiToken.objects.filter(user=user, revoked_at__isnull=True).count()
    if active >= MAX_ACTIVE_TOKENS:
        raise ValidationError(
            {"name": _("You have %(n)s active tokens: revoke one first.") % {"n": active}}
        )
    raw = ApiToken.new_raw()
    token = ApiToken.objects.create(user=user, name=name, token_hash=hash_token(raw), hint=raw[:12])
    return token, raw


@transaction.atomic
def token_revoke(*, user: User, token: ApiToken) -> ApiToken:
    """Revokes one of the user's own tokens; revoking twice keeps the first time."""
    if token.user_id != user.pk:
        raise PermissionDenied(_("You are not allowed to do this."))
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token
