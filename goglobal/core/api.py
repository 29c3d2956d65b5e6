"""The API's shared machinery: the NinjaAPI instance, authentication, uniform pagination and
one error body for every failure, so that every router behaves the same."""

import copy
import math
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import Field, NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.pagination import PaginationBase
from ninja.security import APIKeyCookie, HttpBearer

from goglobal.accounts.models import ApiToken, hash_token
from goglobal.core.api_messages import field_message
from goglobal.core.errors import ConflictError


class FieldError(Schema):
    field: str
    message: str


class ErrorOut(Schema):
    detail: str
    errors: list[FieldError] = []


def responses(ok: dict[int, Any] | None = None, *codes: int) -> dict[int, Any]:
    """The documented responses of an operation: its successes plus the error codes it can give."""
    out: dict[int, Any] = dict(ok or {})
    for code in codes:
        out[code] = ErrorOut
    return out


READ = (401, 422)
READ_ONE = (401, 404, 422)
# 400: the body is not JSON; 403: not allowed, or a session write without its CSRF token;
# 413: the body is over DATA_UPLOAD_MAX_MEMORY_SIZE; 409: the record's state forbids the change.
WRITE = (400, 401, 403, 413, 422)
WRITE_ONE = (400, 401, 403, 404, 409, 413, 422)


class TokenAuth(HttpBearer):
    """Personal access tokens: `Authorization: Bearer ggv_…`. A wrong token is refused (401)
    rather than treated as anonymous, so an integration never silently sees less."""

    def authenticate(self, request: HttpRequest, token: str):
        found = ApiToken.objects.select_related("user").filter(token_hash=hash_token(token)).first()
        if found is None or not found.is_usable() or not found.user.is_active:
            raise AuthenticationError(_("The access token is not valid."))
        now = timezone.now()
        if found.last_used_at is None or (now - found.last_used_at).total_seconds() > 300:
            ApiToken.objects.filter(pk=found.pk).update(last_used_at=now)
        request.user = found.user
        return found.user


class SessionAuth(APIKeyCookie):
    """The browser's session; unsafe methods need the CSRF token as on any form."""

    param_name = settings.SESSION_COOKIE_NAME

    def _get_key(self, request: HttpRequest) -> str | None:
        # Only a signed-in session is worth forging, so only it is checked for CSRF: a caller
        # without one is anonymous and its unsafe request gets 401, not a CSRF 403.
        if not request.user.is_authenticated:
            return None
        return super()._get_key(request)

    def authenticate(self, request: HttpRequest, key: str | None):
        return request.user if key and request.user.is_authenticated else None


SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def anonymous(request: HttpRequest):
    """Public reads are open (the selectors decide what an anonymous caller sees); every write
    needs a signed-in caller, so an anonymous write is 401 before its body or target is looked
    at — it never learns whether a record exists."""
    if request.method not in SAFE_METHODS:
        return None
    return request.user


class GoGlobalAPI(NinjaAPI):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._openapi_schemas: dict[tuple[str, str], dict] = {}

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        """Built once per process, path and language, and a copy given to each caller:
        django-ninja builds it at every request, 1.2 s of a core for this API, which anyone may
        ask for (GET /api/v1/openapi.json needs no credentials) as often as they like."""
        if path_prefix is None:
            path_prefix = self.get_root_path(path_params or {})
        key = (path_prefix, get_language() or "")
        schema = self._openapi_schemas.get(key)
        if schema is None:
            schema = super().get_openapi_schema(path_prefix=path_prefix)
            # Reads also work without credentials: say so with the empty requirement `{}`.
            for operations in schema["paths"].values():
                for method, operation in operations.items():
                    if method.upper() in SAFE_METHODS and operation.get("security"):
                        operation["security"] = [*operation["security"], {}]
            self._openapi_schemas[key] = schema
        return copy.deepcopy(schema)


api = GoGlobalAPI(
    title="Go Global Vietnam API",
    version="1",
    description="The registry of Vietnamese digital-technology enterprises going global. "
    "Authenticate with a personal access token (`goglobal token create USERNAME`) as a Bearer token, "
    "or with the browser session.",
    auth=[TokenAuth(), SessionAuth(), anonymous],
    urls_namespace="api",
)


def _error(request: HttpRequest, status: int, detail: str, errors: list[dict] | None = None):
    return api.create_response(request, {"detail": detail, "errors": errors or []}, status=status)


@api.exception_handler(NinjaValidationError)
def _on_schema_error(request, exc: NinjaValidationError):
    errors = []
    for item in exc.errors:
        location = [
            str(part)
            for part in item.get("loc", [])
            if part not in ("body", "query", "path", "payload", "form", "file")
        ]
        errors.append({"field": ".".join(location) or "body", "message": field_message(item)})
    return _error(request, 422, _("The request has invalid fields."), errors)


@api.exception_handler(DjangoValidationError)
def _on_validation_error(request, exc: DjangoValidationError):
    if hasattr(exc, "error_dict"):
        errors = [
            {"field": "non_field" if field == "__all__" else field, "message": str(message)}
            for field, messages in exc.message_dict.items()
            for message in messages
        ]
    else:
        errors = [{"field": "non_field", "message": str(message)} for message in exc.messages]
    return _error(request, 422, _("The request has invalid fields."), errors)


@api.exception_handler(PermissionDenied)
def _on_denied(request, exc: PermissionDenied):
    if not request.user.is_authenticated:
        return _error(request, 401, _("Sign in or send an access token."))
    return _error(request, 403, str(exc) or _("You are not allowed to do this."))


@api.exception_handler(Http404)
def _on_not_found(request, exc: Http404):
    return _error(request, 404, _("Not found."))


@api.exception_handler(ConflictError)
def _on_conflict(request, exc: ConflictError):
    return _error(request, 409, str(exc))


@api.exception_handler(AuthenticationError)
def _on_unauthenticated(request, exc: AuthenticationError):
    # ninja's own refusal says "Unauthorized" in English; ours are already translated.
    message = str(exc)
    if not message or message == "Unauthorized":
        message = _("Sign in or send an access token.")
    return _error(request, 401, message)


@api.exception_handler(RequestDataTooBig)
def _on_too_big(request, exc: RequestDataTooBig):
    return _error(request, 413, _("The request body is too large."))


@api.exception_handler(HttpError)
def _on_http_error(request, exc: HttpError):
    message = str(exc)
    if exc.status_code == 400 and message == "Cannot parse request body":  # ninja's own words
        message = _("The request body is not valid JSON.")
    return _error(request, exc.status_code, message)


class PageNumberPagination(PaginationBase):
    """?page=1&page_size=50 → {items, count, page, page_size, pages}; the same on every list."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=1_000_000)
        page_size: int = Field(
            settings.NINJA_PAGINATION_PER_PAGE, ge=1, le=settings.NINJA_PAGINATION_MAX_PER_PAGE_SIZE
        )

    class Output(Schema):
        items: list[Any]
        count: int
        page: int
        page_size: int
        pages: int

    items_attribute = "items"

    def paginate_queryset(self, queryset, pagination: Input, **params):
        count = queryset.count()
        offset = (pagination.page - 1) * pagination.page_size
        items = list(queryset[offset : offset + pagination.page_size]) if offset < count else []
        return {
            "items": items,
            "count": count,
            "page": pagination.page,
            "page_size": pagination.page_size,
            "pages": math.ceil(count / pagination.page_size) if count else 0,
        }
