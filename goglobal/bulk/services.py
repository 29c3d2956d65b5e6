"""Imports: read the file, check every row with the registry's rules, and write all rows or
none. Small files run at once; large ones in the background with their progress on the job."""

from __future__ import annotations

import gc
import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from goglobal.accounts import access
from goglobal.accounts.access import AnyUser
from goglobal.bulk.columns import match_headers
from goglobal.bulk.importers import IMPORTERS, Progress, Reference, run_rows
from goglobal.bulk.models import ImportJob, ImportKind, ImportStatus
from goglobal.bulk.reader import FileRefused, read_sheet
from goglobal.bulk.report import Report

logger = logging.getLogger(__name__)

# Beyond this many data rows an upload runs as a background task.
BACKGROUND_ROWS = 2000
MAX_UPLOAD_BYTES = 20 * 1024 * 1024


def can_import(user: AnyUser) -> bool:
    """Ministry staff (administrators and programme officers) keep the registry."""
    return access.is_staff(user)


def _no_progress(_rows: int) -> None:
    return None


def import_file(
    *,
    actor: AnyUser,
    kind: str,
    data: bytes,
    dry_run: bool,
    progress: Progress = _no_progress,
    on_total=None,
) -> Report:
    """Checks the file and, unless a dry run or anything is wrong, writes every row in one
    transaction. Never raises for bad input: the report says what is wrong."""
    if not can_import(actor):
        raise PermissionDenied(_("Only ministry staff may import into the registry."))
    if kind not in IMPORTERS:
        raise ValidationError({"kind": _("Unknown kind of import: %(kind)s.") % {"kind": kind}})
    report = Report(kind=kind, dry_run=dry_run)
    try:
        sheet = read_sheet(data)
    except FileRefused as exc:
        report.file_errors.append(str(exc))
        return report
    match = match_headers(kind, sheet.headers)
    if match.missing:
        report.file_errors.append(
            _("Required columns are missing: %(missing)s. The columns found were: %(found)s.")
            % {
                "missing": ", ".join(str(column.label) for column in match.missing),
                "found": ", ".join(h for h in sheet.headers if h) or "—",
            }
        )
    if match.repeated:
        report.file_errors.append(
            _("These columns appear twice: %(columns)s.") % {"columns": ", ".join(match.repeated)}
        )
    if not sheet.rows:
        report.file_errors.append(_("The file has a header line but no rows."))
    if report.file_errors:
        return report
    if on_total:
        on_total(len(sheet.rows))
    formulas: dict[int, list[int]] = {}
    for number, column in sheet.formulas:
        formulas.setdefault(number, []).append(column)
    header_formulas = [c for n, c in sheet.formulas if n not in {r for r, _c in sheet.rows}]
    if header_formulas:
        report.file_errors.append(_("The header line holds a formula; import values only."))
        return report
    importer = IMPORTERS[kind](actor=actor, match=match, reference=Reference())
    # A large file makes hundreds of thousands of long-lived objects; the cyclic collector
    # would rescan them all again and again (a third of the run). Nothing here makes cycles
    # that must be freed before the import ends.
    collecting = gc.isenabled()
    gc.disable()
    try:
        run_rows(
            importer,
            sheet.rows,
            dry_run=dry_run,
            report=report,
            progress=progress,
            formulas=formulas,
        )
    except IntegrityError:
        # Someone registered one of these records between the check and the write; the
        # transaction rolled back, so nothing of the file is in.
        report.committed = False
        report.file_errors.append(
            _("The registry changed while the file was imported; nothing was written. Try again.")
        )
    finally:
        if collecting:
            gc.enable()
    return report


def import_job_create(
    *, actor: AnyUser, kind: str, data: bytes, file_name: str, dry_run: bool
) -> ImportJob:
    """Records the upload; the caller then runs it (import_job_start)."""
    if not can_import(actor):
        raise PermissionDenied(_("Only ministry staff may import into the registry."))
    if kind not in ImportKind.values:
        raise ValidationError({"kind": _("Unknown kind of import: %(kind)s.") % {"kind": kind}})
    if len(data) > MAX_UPLOAD_BYTES:
        raise ValidationError(
            {"file": _("The file is larger than %(mb)s MB.") % {"mb": MAX_UPLOAD_BYTES // 2**20}}
        )
    return ImportJob.objects.create(
        kind=kind,
        dry_run=dry_run,
        file_name=(file_name or "")[:255],
        file_data=data,
        language=translation.get_language() or "vi",
        created_by=actor,
    )


def _estimated_rows(data: bytes) -> int:
    # A cheap guess good enough to choose: lines of text, or the XLSX's size (≈ 40 bytes a row).
    if data.startswith(b"PK\x03\x04"):
        return len(data) // 40
    return data.count(b"\n")


def import_job_start(*, job: ImportJob) -> ImportJob:
    """Small files run now; large ones are queued for the task worker after this transaction
    commits (the worker must see the job)."""
    if _estimated_rows(bytes(job.file_data)) <= BACKGROUND_ROWS:
        import_job_run(job_id=job.pk)
        job.refresh_from_db()
        return job
    from goglobal.bulk.tasks import run_import

    transaction.on_commit(lambda: run_import.enqueue(job_id=job.pk))
    return job


def import_job_confirm(*, actor: AnyUser, job: ImportJob) -> ImportJob:
    """The real run of a checked dry run: a new job over the same file."""
    if not can_import(actor):
        raise PermissionDenied(_("Only ministry staff may import into the registry."))
    real = import_job_create(
        actor=actor,
        kind=job.kind,
        data=bytes(job.file_data),
        file_name=job.file_name,
        dry_run=False,
    )
    return import_job_start(job=real)


def import_job_run(*, job_id: int) -> None:
    job = ImportJob.objects.select_related("created_by").get(pk=job_id)
    if job.is_finished:
        return
    ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.RUNNING)

    def on_total(total: int) -> None:
        ImportJob.objects.filter(pk=job.pk).update(total_rows=total)

    def progress(rows: int) -> None:
        ImportJob.objects.filter(pk=job.pk).update(processed_rows=rows)

    with translation.override(job.language):
        try:
            report = import_file(
                actor=job.created_by,
                kind=job.kind,
                data=bytes(job.file_data),
                dry_run=job.dry_run,
                progress=progress,
                on_total=on_total,
            )
        except Exception:
            logger.exception("Import %s failed", job.pk)
            ImportJob.objects.filter(pk=job.pk).update(
                status=ImportStatus.FAILED,
                finished_at=timezone.now(),
                report={"file_errors": [_("The import failed unexpectedly; nothing was written.")]},
            )
            return
        counts = report.counts()
        fields = {
            "status": ImportStatus.DONE if report.ok else ImportStatus.REFUSED,
            "report": report.as_dict(),
            "total_rows": counts["total"],
            "processed_rows": counts["total"],
            "created_count": counts["create"],
            "updated_count": counts["update"],
            "error_count": counts["error"] + len(report.file_errors),
            "finished_at": timezone.now(),
        }
        if report.committed:
            fields["file_data"] = b""
        ImportJob.objects.filter(pk=job.pk).update(**fields)


def import_job_get_for_user(user: AnyUser, pk: int) -> ImportJob:
    from django.http import Http404

    job = ImportJob.objects.filter(pk=pk).first()
    if job is None or not can_import(user):
        raise Http404
    return job
