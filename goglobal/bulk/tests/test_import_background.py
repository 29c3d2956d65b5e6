import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from goglobal.bulk.models import ImportJob
from goglobal.bulk.services import BACKGROUND_ROWS
from goglobal.bulk.tests.helpers import csv_bytes, enterprise_rows
from goglobal.enterprises.models import Enterprise
from goglobal.testing.api import client_as

pytestmark = pytest.mark.django_db


@pytest.fixture
def immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def test_large_file_runs_as_a_background_task(
    world, immediate_tasks, django_capture_on_commit_callbacks
):
    client = client_as(world, "admin")
    rows = enterprise_rows(BACKGROUND_ROWS + 50, start=1000)
    upload = SimpleUploadedFile("big.csv", csv_bytes(rows))
    before = Enterprise.objects.count()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(
            "/api/v1/imports", {"kind": "enterprises", "dry_run": "false", "file": upload}
        )
    assert response.status_code == 202
    assert response.json()["status"] == "queued"
    job = ImportJob.objects.get()
    assert Enterprise.objects.count() == before
    assert len(callbacks) == 1
    callbacks[0]()  # the transaction commits: the worker (here the immediate backend) runs it
    job.refresh_from_db()
    assert (job.status, job.total_rows, job.processed_rows) == ("done", len(rows), len(rows))
    assert job.progress_pct == 100
    assert Enterprise.objects.count() == before + len(rows)
    polled = client.get(f"/api/v1/imports/{job.pk}").json()
    assert (polled["status"], polled["created_count"]) == ("done", len(rows))
