"""Small helpers every page view shares: rendering a template partial for HTMX requests, and
running a service behind a form."""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers

from goglobal.core.forms import apply_service_errors
from goglobal.core.schemas import MAX_ID


def query_id(value: str | None) -> int | None:
    """A record's key from a query-string or form value, or None when it is not one: ASCII digits
    only ("²" passes str.isdigit but not int()) and within the keys' range (a longer number
    overflows SQLite's integers)."""
    if not value or not (value.isascii() and value.isdigit()) or len(value) > len(str(MAX_ID)):
        return None
    number = int(value)
    return number if 1 <= number <= MAX_ID else None


def search_text(request: HttpRequest, limit: int) -> str:
    """A search box's text from the query string, trimmed to `limit` characters. NUL is dropped:
    PostgreSQL refuses it in any text, a LIKE pattern included (a form's CharField refuses it
    too; these boxes have no form)."""
    return (request.GET.get("q") or "").replace("\x00", "").strip()[:limit]


def wants_partial(request: HttpRequest, target: str) -> bool:
    """An HTMX request that swaps only `target`. A history restore (the browser's back button
    after a cache miss) needs the whole page."""
    htmx = getattr(request, "htmx", None)
    return bool(htmx) and not htmx.history_restore_request and htmx.target == target


def render_page(
    request: HttpRequest,
    template: str,
    context: dict,
    *,
    partial: str | None = None,
    target: str | None = None,
    status: int = 200,
) -> HttpResponse:
    name = f"{template}#{partial}" if partial and wants_partial(request, target or "") else template
    response = render(request, name, context, status=status)
    # The same URL answers with a fragment or a page: caches must keep them apart.
    patch_vary_headers(response, ["HX-Request", "HX-Target"])
    return response


def run_service(form, call: Callable, field_map: dict | None = None):
    """Calls the service if the form is valid; its ValidationError lands on the form. Returns
    the service's result, or None when there are errors to show."""
    if not form.is_valid():
        return None
    try:
        return call(form)
    except ValidationError as exc:
        apply_service_errors(form, exc, field_map)
        return None


def run_service_or_report(
    request: HttpRequest, form, call: Callable, field_map: dict | None = None
):
    """run_service, with a refusal because of the record's state (ConflictError) shown to the
    user as a message. None means: form errors to show again, or the refusal to redirect on."""
    from django.contrib import messages

    from goglobal.core.errors import ConflictError

    try:
        return run_service(form, call, field_map)
    except ConflictError as exc:
        messages.error(request, str(exc))
        return None
