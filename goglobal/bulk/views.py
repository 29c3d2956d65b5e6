"""Pages: upload a file for a dry run, read its report, confirm the real run; export lists."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from goglobal.accounts import access
from goglobal.bulk import exports, services
from goglobal.bulk.forms import ImportForm
from goglobal.bulk.models import ImportKind
from goglobal.core.pages import query_id, render_page
from goglobal.enterprises.enums import DeclarationStatus
from goglobal.enterprises.forms import EnterpriseFilterForm


def _staff_only(request) -> None:
    if not services.can_import(request.user):
        raise PermissionDenied


@login_required
@require_http_methods(["GET", "POST"])
def import_start(request):
    _staff_only(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        job = services.import_job_create(
            actor=request.user,
            kind=form.cleaned_data["kind"],
            data=upload.read(),
            file_name=upload.name,
            dry_run=True,
        )
        services.import_job_start(job=job)
        return redirect("bulk:import-detail", pk=job.pk)
    status = 422 if form.is_bound else 200
    context = {"form": form, "section": "enterprises", "kinds": ImportKind.choices}
    return render_page(request, "bulk/import_form.html", context, status=status)


@login_required
@require_GET
def import_detail(request, pk: int):
    _staff_only(request)
    job = services.import_job_get_for_user(request.user, pk)
    context = {"job": job, "report": job.report or {}, "section": "enterprises"}
    return render_page(request, "bulk/import_detail.html", context, partial="job", target="job")


@login_required
@require_POST
def import_confirm(request, pk: int):
    _staff_only(request)
    job = services.import_job_get_for_user(request.user, pk)
    if not (job.dry_run and job.status == "done"):
        raise Http404
    real = services.import_job_confirm(actor=request.user, job=job)
    return redirect("bulk:import-detail", pk=real.pk)


@require_GET
def export(request, kind: str, fmt: str):
    if kind not in exports.COLUMNS or fmt not in exports.FORMATS:
        raise Http404
    params: dict = {}
    if kind == "enterprises":
        form = EnterpriseFilterForm(request.GET or None, show_status=access.is_staff(request.user))
        params["filters"] = form.filters()
    else:
        params["enterprise_id"] = query_id(request.GET.get("enterprise"))
    if kind == "declarations":
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        params["year"] = query_id(request.GET.get("year"))
        status = request.GET.get("status", "")
        # As the list's filter: a status it does not know is no filter (and never reaches the
        # database, which refuses a NUL in text).
        params["status"] = status if status in DeclarationStatus.values else ""
    queryset = exports.export_queryset(request.user, kind, **params)
    return exports.export_response(kind, queryset, fmt)
