"""What the task queue is doing: for `manage.py queue_status` and monitoring.

Reads django-tasks-db's table directly. Queue names come from settings.TASKS
(the backend's QUEUES), so a queue nobody runs a worker for still shows up.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django_tasks_db.models import DBTaskResult

from django.conf import settings
from django.db.models import Count, Min, Q
from django.utils import timezone

# A task RUNNING for longer than this has most likely lost its worker.
DEFAULT_STALLED_AFTER = timedelta(minutes=5)
# Workers that started or finished a task within this window count as seen.
DEFAULT_SEEN_WITHIN = timedelta(minutes=10)


@dataclass
class QueueState:
    name: str
    waiting: int = 0
    scheduled: int = 0
    running: int = 0
    oldest_waiting_since: object = None
    stalled: list = field(default_factory=list)


@dataclass
class QueueReport:
    queues: list
    workers: list
    stalled_after: timedelta
    now: object

    @property
    def stalled(self):
        return [task for queue in self.queues for task in queue.stalled]

    def as_dict(self):
        return {
            "time": self.now.isoformat(),
            "stalled_after_seconds": int(self.stalled_after.total_seconds()),
            "queues": [
                {
                    "name": queue.name,
                    "waiting": queue.waiting,
                    "scheduled": queue.scheduled,
                    "running": queue.running,
                    "oldest_waiting_since": queue.oldest_waiting_since.isoformat()
                    if queue.oldest_waiting_since
                    else None,
                    "stalled": queue.stalled,
                }
                for queue in self.queues
            ],
            "workers": self.workers,
        }


def configured_queues(alias="default"):
    config = settings.TASKS.get(alias, {})
    return list(config.get("QUEUES") or ["default"])


def stalled_after():
    seconds = getattr(settings, "TASK_LEASE_SECONDS", None)
    return timedelta(seconds=int(seconds)) if seconds else DEFAULT_STALLED_AFTER


def queue_report(alias="default", seen_within=DEFAULT_SEEN_WITHIN):
    now = timezone.now()
    limit = stalled_after()
    names = configured_queues(alias)
    tasks = DBTaskResult.objects.filter(backend_name=alias)
    queues = {name: QueueState(name) for name in names}

    waiting = (
        tasks.ready()
        .values("queue_name")
        .annotate(count=Count("id"), oldest=Min("enqueued_at"))
    )
    for row in waiting:
        queue = queues.setdefault(row["queue_name"], QueueState(row["queue_name"]))
        queue.waiting = row["count"]
        queue.oldest_waiting_since = row["oldest"]
    scheduled = (
        tasks.filter(status="READY", run_after__gt=now)
        .exclude(pk__in=tasks.ready().values("pk"))
        .values("queue_name")
        .annotate(count=Count("id"))
    )
    for row in scheduled:
        queues.setdefault(row["queue_name"], QueueState(row["queue_name"]))
        queues[row["queue_name"]].scheduled = row["count"]
    for task in tasks.running().only(
        "id", "queue_name", "task_path", "started_at", "worker_ids"
    ):
        queue = queues.setdefault(task.queue_name, QueueState(task.queue_name))
        queue.running += 1
        if task.started_at and task.started_at < now - limit:
            queue.stalled.append(
                {
                    "id": str(task.id),
                    "task": task.task_path,
                    "started_at": task.started_at.isoformat(),
                    "worker": (task.worker_ids or [""])[-1],
                }
            )

    since = now - seen_within
    seen = {}
    for started, finished, worker_ids in tasks.filter(
        Q(started_at__gte=since) | Q(finished_at__gte=since)
    ).values_list("started_at", "finished_at", "worker_ids"):
        last = max(moment for moment in (started, finished) if moment)
        for worker in worker_ids or []:
            if worker not in seen or seen[worker] < last:
                seen[worker] = last
    workers = [
        {"id": worker, "last_seen": moment.isoformat()}
        for worker, moment in sorted(
            seen.items(), key=lambda item: item[1], reverse=True
        )
    ]
    return QueueReport(list(queues.values()), workers, limit, now)
