"""What a user may do to agreements: ministry staff keep them (the ministry negotiates and
signs); missions and everyone else read what the selectors show them."""

from __future__ import annotations

from goglobal.accounts import access
from goglobal.accounts.access import AnyUser


def can_manage_agreements(user: AnyUser) -> bool:
    return access.is_staff(user)
