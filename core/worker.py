"""A task worker that heals: django-tasks-db's db_worker loop, plus

- reconnecting after the database went away (the loop catches connection
  errors, closes the connections and sleeps with backoff instead of exiting);
- a heartbeat row (core.WorkerHeartbeat) written from a thread of its own, so a
  long task does not look like a dead worker;
- a reaper, run every few seconds by every worker: a task left RUNNING by a
  worker that has gone quiet for TASK_LEASE_SECONDS is made READY again, and
  each app's own reaper (settings.WORKER_REAPERS, dotted paths) gets its turn,
  e.g. the newsletter's expired batch leases.

Started by `manage.py run_worker` (same options as db_worker).
"""

import logging
import os
import socket
import threading
import time
from datetime import timedelta

from django_tasks_db.compat import TaskContext, task_finished, task_started
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

from django.conf import settings
from django.db import close_old_connections, connections
from django.utils import timezone
from django.utils.module_loading import import_string

from .models import WorkerHeartbeat
from .retry import CONNECTION_ERRORS

logger = logging.getLogger(__name__)

READY, RUNNING = "READY", "RUNNING"
# Heartbeats of workers gone this long are deleted (the status pages show the rest).
FORGET_AFTER = timedelta(days=1)


def lease():
    return timedelta(seconds=settings.TASK_LEASE_SECONDS)


def close_connections():
    for conn in connections.all(initialized_only=True):
        try:
            conn.close()
        except Exception:  # a dead connection may fail to close; it is gone anyway
            logger.debug("closing a broken connection failed", exc_info=True)


def live_worker_ids(now=None):
    now = now or timezone.now()
    return set(
        WorkerHeartbeat.objects.filter(seen_at__gte=now - lease()).values_list(
            "worker_id", flat=True
        )
    )


def requeue_orphaned_tasks(now=None):
    """RUNNING tasks whose worker stopped reporting: READY again. Returns the
    number. Tasks of workers that never reported (a plain db_worker) count as
    orphaned once they have run longer than the lease."""
    now = now or timezone.now()
    alive = live_worker_ids(now)
    known = set(WorkerHeartbeat.objects.values_list("worker_id", flat=True))
    requeued = 0
    for pk, worker_ids, started_at in DBTaskResult.objects.filter(
        status=RUNNING
    ).values_list("pk", "worker_ids", "started_at"):
        owner = worker_ids[-1] if worker_ids else None
        if owner in alive:
            continue
        if owner not in known and started_at and started_at > now - lease():
            continue
        requeued += DBTaskResult.objects.filter(pk=pk, status=RUNNING).update(
            status=READY, run_after=now
        )
        logger.warning("Task %s of vanished worker %s queued again", pk, owner)
    WorkerHeartbeat.objects.filter(seen_at__lt=now - FORGET_AFTER).delete()
    return requeued


def reap(now=None):
    """One round of healing; safe to run by several workers at once."""
    now = now or timezone.now()
    done = {"tasks": requeue_orphaned_tasks(now)}
    for path in settings.WORKER_REAPERS:
        done[path] = import_string(path)(now)
    return done


class Heartbeat(threading.Thread):
    def __init__(self, worker_id, queues):
        super().__init__(name="feder-heartbeat", daemon=True)
        self.worker_id = worker_id
        self.queues = ",".join(queues)[:200]
        self.started = timezone.now()
        self.stopping = threading.Event()

    def beat(self):
        WorkerHeartbeat.objects.update_or_create(
            worker_id=self.worker_id,
            defaults={
                "queues": self.queues,
                "host": socket.gethostname()[:200],
                "pid": os.getpid(),
                "started_at": self.started,
                "seen_at": timezone.now(),
            },
        )

    def run(self):
        while not self.stopping.is_set():
            try:
                self.beat()
            except Exception:  # the database may be away; try again next beat
                logger.warning("Worker heartbeat failed", exc_info=True)
                close_connections()
            self.stopping.wait(settings.WORKER_HEARTBEAT_SECONDS)
        close_connections()

    def stop(self):
        self.stopping.set()
        self.join(timeout=10)  # no beat may re-create the row after the delete
        try:
            WorkerHeartbeat.objects.filter(worker_id=self.worker_id).delete()
        except Exception:
            logger.warning("Could not remove the worker heartbeat", exc_info=True)


class HealingWorker(Worker):
    max_backoff = 30

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.current = None  # pk of the task being run
        self.failures = 0
        self.last_reap = 0.0

    def run(self):
        logger.info(
            "Starting worker worker_id=%s queues=%s",
            self.worker_id,
            ",".join(self.queue_names),
        )
        heartbeat = Heartbeat(self.worker_id, self.queue_names)
        heartbeat.start()
        try:
            while self.running:
                try:
                    ran = self.step()
                except CONNECTION_ERRORS as error:
                    self.recover(error)
                    continue
                if ran is None:  # batch mode and nothing left, or max tasks reached
                    return
                self.failures = 0
                if self.running and not ran:
                    time.sleep(self.interval)
        finally:
            heartbeat.stop()

    def step(self):
        """Reap if due, run one task. True if a task ran, False if none was
        ready, None when the worker should exit."""
        close_old_connections()
        if self.current is not None:
            # A task interrupted by a lost connection goes back to the queue.
            DBTaskResult.objects.filter(pk=self.current, status=RUNNING).update(
                status=READY, run_after=timezone.now()
            )
            self.current = None
        if time.monotonic() - self.last_reap >= settings.WORKER_REAP_SECONDS:
            reap()
            self.last_reap = time.monotonic()
        tasks = DBTaskResult.objects.ready().filter(backend_name=self.backend_name)
        if not self.process_all_queues:
            tasks = tasks.filter(queue_name__in=self.queue_names)
        if self.excluded_queue_names:
            tasks = tasks.exclude(queue_name__in=self.excluded_queue_names)
        task_result = None
        try:
            with exclusive_transaction(tasks.db):
                task_result = tasks.get_locked()
                if task_result is not None:
                    task_result.claim(self.worker_id)
        except CONNECTION_ERRORS as error:
            if not is_locked_database_exception(error):
                raise
        if task_result is not None:
            self.current = task_result.pk
            self.run_task(task_result)
            self.current = None
        if self.batch and task_result is None:
            return None
        if self.max_tasks is not None and self._run_tasks >= self.max_tasks:
            return None
        close_old_connections()
        return task_result is not None

    def run_task(self, db_task_result):
        """db_worker's run_task, except that a lost database connection is not
        the task's failure: it propagates, and the task is run again."""
        self.running_task = True
        try:
            task = db_task_result.task
            task_result = db_task_result.task_result
            backend_type = task.get_backend()
            task_started.send(sender=backend_type, task_result=task_result)
            try:
                if task.takes_context:
                    value = task.call(
                        TaskContext(task_result=task_result),
                        *task_result.args,
                        **task_result.kwargs,
                    )
                else:
                    value = task.call(*task_result.args, **task_result.kwargs)
            except CONNECTION_ERRORS:
                raise
            except Exception as error:
                db_task_result.set_failed(error)
                task_finished.send(
                    sender=backend_type, task_result=db_task_result.task_result
                )
                return
            db_task_result.set_successful(value)
            task_finished.send(
                sender=backend_type, task_result=db_task_result.task_result
            )
        finally:
            self.running_task = False
            self._run_tasks += 1

    def recover(self, error):
        """The database went away: close, wait; step() puts our task back."""
        self.failures += 1
        delay = min(self.max_backoff, 0.5 * 2 ** min(self.failures, 10))
        logger.warning(
            "Database error in worker %s (%r); reconnecting in %.1f s",
            self.worker_id,
            error,
            delay,
        )
        close_connections()
        time.sleep(delay)
