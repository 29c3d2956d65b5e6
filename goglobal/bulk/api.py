"""Bulk import (ministry staff) and export of the lists a caller can see."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import File, Form, Query, Router, Schema, Status
from ninja.files import UploadedFile

from goglobal.bulk import exports, services
from goglobal.bulk.models import ImportKind
from goglobal.core.api import READ, WRITE, responses
from goglobal.core.schemas import CodeQuery, CountryQuery, Id, OptionalId, SearchQuery
from goglobal.enterprises import selectors
from goglobal.enterprises.enums import (
    DeclarationStatus,
    EmployeeBand,
    EnterpriseStatus,
    PresenceMode,
)

router = Router(tags=["import and export"])

Format = Annotated[Literal["csv", "xlsx"], Query(alias="format")]
# The 200 of an export is a file, not JSON: documented by hand.
FILE_RESPONSES = {200: None}
FILE_OPENAPI = {
    "responses": {
        "200": {
            "description": "The file: CSV (UTF-8 with BOM, formulas escaped) or XLSX.",
            "content": {
                "text/csv": {"schema": {"type": "string"}},
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
                    "schema": {"type": "string", "format": "binary"}
                },
            },
        }
    }
}


# The route of a list's download (`@router.get(path, **EXPORT_ROUTE, summary=…)`).
EXPORT_ROUTE = {"response": responses(FILE_RESPONSES, *READ), "openapi_extra": FILE_OPENAPI}


class ImportJobOut(Schema):
    id: int
    kind: str
    dry_run: bool
    status: str
    file_name: str
    total_rows: int
    processed_rows: int
    progress_pct: int
    created_count: int
    updated_count: int
    error_count: int
    report: dict
    created_at: dt.datetime
    finished_at: dt.datetime | None


@router.post(
    "/imports",
    response=responses({201: ImportJobOut, 202: ImportJobOut}, *WRITE),
    summary="Import a CSV or XLSX file",
    description=(
        "Multipart form: `kind` (enterprises, products, presence, declarations), `dry_run` "
        "(default true) and `file`. Small files are checked (and, unless a dry run, written) "
        "at once: 201 with the report; `status` is `done` or `refused` (nothing written). "
        "Large files are queued: 202, then poll `GET /imports/{id}`."
    ),
)
def import_create(
    request: HttpRequest,
    kind: Form[ImportKind],
    file: File[UploadedFile],
    dry_run: Form[bool] = True,
):
    if not services.can_import(request.auth):
        raise PermissionDenied(_("Only ministry staff may import into the registry."))
    if file.size > services.MAX_UPLOAD_BYTES:
        raise ValidationError(
            {
                "file": _("The file is larger than %(mb)s MB.")
                % {"mb": services.MAX_UPLOAD_BYTES // 2**20}
            }
        )
    job = services.import_job_create(
        actor=request.auth, kind=kind, data=file.read(), file_name=file.name, dry_run=dry_run
    )
    job = services.import_job_start(job=job)
    return Status(201 if job.is_finished else 202, job)


@router.get("/imports/{job_id}", response=responses({200: ImportJobOut}, 401, 403, 404, 422))
def import_detail(request: HttpRequest, job_id: Id):
    if not services.can_import(request.auth):
        raise PermissionDenied(_("Only ministry staff may import into the registry."))
    return services.import_job_get_for_user(request.auth, job_id)


@router.get(
    "/enterprises/export",
    **EXPORT_ROUTE,
    summary="Export the enterprise list",
    description="The enterprises the caller can see, with the list's filters.",
)
def enterprise_export(
    request: HttpRequest,
    fmt: Format = "csv",
    q: SearchQuery = "",
    sector: CodeQuery = "",
    province: Annotated[int | None, Query(ge=0, le=32767)] = None,
    country: CountryQuery = "",
    mode: PresenceMode | None = None,
    size: EmployeeBand | None = None,
    status: EnterpriseStatus | None = None,
):
    filters = selectors.EnterpriseFilters(
        q=q,
        sector=sector,
        province=province,
        country=country,
        mode=mode or "",
        size=size or "",
        status=status or "",
    )
    queryset = exports.export_queryset(request.auth, "enterprises", filters=filters)
    return exports.export_response("enterprises", queryset, fmt)


@router.get("/products/export", **EXPORT_ROUTE)
def product_export(request: HttpRequest, fmt: Format = "csv", enterprise: OptionalId = None):
    queryset = exports.export_queryset(request.auth, "products", enterprise_id=enterprise)
    return exports.export_response("products", queryset, fmt)


@router.get("/presence/export", **EXPORT_ROUTE)
def presence_export(request: HttpRequest, fmt: Format = "csv", enterprise: OptionalId = None):
    queryset = exports.export_queryset(request.auth, "presence", enterprise_id=enterprise)
    return exports.export_response("presence", queryset, fmt)


@router.get(
    "/declarations/export",
    response=responses(FILE_RESPONSES, 401, 403, 422),
    openapi_extra=FILE_OPENAPI,
    description="Staff: every declaration; an enterprise representative: their own.",
)
def declaration_export(
    request: HttpRequest,
    fmt: Format = "csv",
    enterprise: OptionalId = None,
    year: Annotated[int | None, Query(ge=1000, le=9999)] = None,
    status: DeclarationStatus | None = None,
):
    queryset = exports.export_queryset(
        request.auth,
        "declarations",
        enterprise_id=enterprise,
        year=year,
        status=status or "",
    )
    return exports.export_response("declarations", queryset, fmt)
