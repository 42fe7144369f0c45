"""Admin imports (the dry-run preview and the confirmed run) run here, on the
"imports" queue, never inside the request. Progress is written to the ImportRun row at most once a second.
Re-running after a crash is safe: the writer updates instead of duplicating."""

import dataclasses
import time

from django.utils import timezone

from core.retry import retried_task

from .models import ImportRun
from .runner import run_import
from .uploads import discard, source_of
from .writer import find_index

QUEUE = "imports"


def report_json(report):
    data = dataclasses.asdict(report)
    for row in data["rows"]:
        if row.get("date"):
            row["date"] = row["date"].isoformat()
    return data


class Progress:
    def __init__(self, run_id):
        self.run_id = run_id
        self.last = 0.0

    def __call__(self, done, total, label=""):
        now = time.monotonic()
        if done < total and now - self.last < 1:
            return
        self.last = now
        ImportRun.objects.filter(pk=self.run_id).update(
            done=done, total=total, label=label[:255]
        )


@retried_task(queue_name=QUEUE, max_attempts=3)
def run_import_task(run_id):
    run = ImportRun.objects.filter(pk=run_id).select_related("user").first()
    if run is None or run.status == ImportRun.Status.DONE:
        return "nothing to do"
    source = source_of(run.token)
    if source is None:
        ImportRun.objects.filter(pk=run_id).update(
            status=ImportRun.Status.FAILED,
            error="Die hochgeladene Datei ist nicht mehr da. Bitte erneut hochladen.",
            finished_at=timezone.now(),
        )
        return "upload gone"
    ImportRun.objects.filter(pk=run_id).update(status=ImportRun.Status.RUNNING)
    try:
        report = run_import(
            source,
            find_index(),
            fmt=run.format,
            publish=run.publish,
            dry_run=run.dry_run,
            user=run.user,
            progress=Progress(run_id),
        )
    except Exception as error:
        ImportRun.objects.filter(pk=run_id).update(
            status=ImportRun.Status.FAILED, error=str(error)[:2000]
        )
        raise
    ImportRun.objects.filter(pk=run_id).update(
        status=ImportRun.Status.DONE,
        report=report_json(report),
        error="",
        finished_at=timezone.now(),
    )
    if not run.dry_run:
        discard(run.token)
    return "done"
