"""The healing worker's pieces on the real database queue: retries with
backoff, orphaned tasks of dead workers, and the worker loop itself."""

from datetime import timedelta

import pytest
import time_machine
from django_tasks_db.models import DBTaskResult

from django.core.management import call_command
from django.utils import timezone

from core.models import WorkerHeartbeat
from core.retry import retried_task
from core.worker import requeue_orphaned_tasks

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CALLS = []


@retried_task(queue_name="default", max_attempts=3, base_seconds=10)
def flaky(label):
    CALLS.append(label)
    if len(CALLS) < 3:
        raise RuntimeError("not yet")
    return "ok"


@pytest.fixture
def db_queue(settings):
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks_db.DatabaseBackend",
            "QUEUES": settings.TASK_QUEUES,
        }
    }
    CALLS.clear()


def run_worker():
    call_command(
        "run_worker",
        "--queue-name=*",
        "--batch",
        "--no-startup-delay",
        "--no-reload",
        verbosity=0,
    )


def test_a_failing_task_is_retried_with_backoff_until_it_succeeds(db_queue):
    start = timezone.now()
    flaky.enqueue("a")
    with time_machine.travel(start, tick=False):
        run_worker()
    retry = DBTaskResult.objects.get(status="READY")
    assert retry.args_kwargs["kwargs"] == {"retry_attempt": 2}
    assert retry.run_after == start + timedelta(seconds=10)
    with time_machine.travel(start + timedelta(seconds=11), tick=False):
        run_worker()
    third = DBTaskResult.objects.get(status="READY")
    assert third.run_after == start + timedelta(seconds=11 + 40)
    with time_machine.travel(start + timedelta(seconds=60), tick=False):
        run_worker()
    assert CALLS == ["a", "a", "a"]
    assert (
        list(DBTaskResult.objects.values_list("status", flat=True))
        == ["SUCCESSFUL"] * 3
    )


def test_the_last_attempt_fails_for_good(db_queue):
    flaky.enqueue("b", retry_attempt=3)  # raises: its first call of three
    run_worker()
    assert DBTaskResult.objects.get().status == "FAILED"


def test_tasks_of_a_dead_worker_run_again_those_of_a_live_one_do_not(
    db_queue, settings
):
    now = timezone.now()
    lease = timedelta(seconds=settings.TASK_LEASE_SECONDS)
    WorkerHeartbeat.objects.create(
        worker_id="dead",
        queues="mail",
        host="h",
        pid=1,
        started_at=now,
        seen_at=now - 2 * lease,
    )
    WorkerHeartbeat.objects.create(
        worker_id="alive", queues="mail", host="h", pid=2, started_at=now, seen_at=now
    )
    dead = flaky.enqueue("c").id
    alive = flaky.enqueue("d").id
    unknown_fresh = flaky.enqueue("e").id
    for pk, worker, started in [
        (dead, "dead", now - 2 * lease),
        (alive, "alive", now - 2 * lease),
        (unknown_fresh, "plain", now),
    ]:
        DBTaskResult.objects.filter(pk=pk).update(
            status="RUNNING", worker_ids=[worker], started_at=started
        )
    assert requeue_orphaned_tasks(now) == 1
    statuses = dict(DBTaskResult.objects.values_list("pk", "status"))
    assert {str(k): v for k, v in statuses.items()} == {
        str(dead): "READY",
        str(alive): "RUNNING",
        str(unknown_fresh): "RUNNING",
    }
    # The worker picks the requeued task up and runs it.
    run_worker()
    assert DBTaskResult.objects.get(pk=dead).status in {"SUCCESSFUL", "READY"}
    assert CALLS == ["c"]


def test_the_worker_removes_its_heartbeat_when_it_stops(db_queue):
    run_worker()
    assert WorkerHeartbeat.objects.count() == 0
