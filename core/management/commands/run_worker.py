"""`manage.py run_worker`: db_worker that survives database outages, reports a
heartbeat and hands the tasks of dead workers to the living (core.worker).

Same options as db_worker, e.g. one process per queue:
`run_worker --queue-name mail`, `--queue-name newsletter`, ….
"""

import os

from django_tasks_db.management.commands import db_worker

from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader

from core.worker import HealingWorker


class Command(db_worker.Command):
    help = (
        "Run a task worker that reconnects, heartbeats and heals (see core/worker.py)"
    )

    def handle(self, *, verbosity, queue_name, exclude_queues, reload, **options):
        self.configure_logging(verbosity)
        batch = options["batch"]
        worker = HealingWorker(
            queue_names=queue_name.split(","),
            excluded_queue_names=exclude_queues.split(",") if exclude_queues else [],
            interval=options["interval"],
            batch=batch,
            backend_name=options["backend_name"],
            startup_delay=options["startup_delay"],
            max_tasks=options["max_tasks"],
            worker_id=options["worker_id"],
        )
        if reload and not batch:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
