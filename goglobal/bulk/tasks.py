from django_tasks import task

from goglobal.bulk.services import import_job_run


@task()
def run_import(job_id: int) -> None:
    import_job_run(job_id=job_id)
