"""manage.py queue_status: waiting per queue with the oldest, stalled tasks,
workers seen recently; read from django-tasks-db's table."""

import json
from datetime import timedelta
from io import StringIO

import pytest
from django_tasks_db.models import DBTaskResult, get_date_max

from django.core.management import call_command
from django.utils import timezone

pytestmark = pytest.mark.django_db

QUEUES = ["default", "mail", "newsletter", "search", "imports"]


@pytest.fixture
def db_queue(settings):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": QUEUES}
    }
    settings.TASK_LEASE_SECONDS = 300


def task(
    queue,
    *,
    status="READY",
    enqueued_ago=timedelta(0),
    started_ago=None,
    run_in=None,
    worker=None,
    finished_ago=None,
):
    now = timezone.now()
    row = DBTaskResult.objects.create(
        status=status,
        args_kwargs={"args": [], "kwargs": {}},
        task_path="subscriptions.tasks.send_confirmation",
        queue_name=queue,
        backend_name="default",
        run_after=now + run_in if run_in else get_date_max(),
        worker_ids=[worker] if worker else [],
        started_at=now - started_ago if started_ago is not None else None,
        finished_at=now - finished_ago if finished_ago is not None else None,
    )
    # auto_now_add: set the enqueue time afterwards.
    DBTaskResult.objects.filter(pk=row.pk).update(enqueued_at=now - enqueued_ago)
    return row


def report(*args):
    out = StringIO()
    call_command("queue_status", *args, stdout=out)
    return out.getvalue()


def test_report_per_configured_queue_with_oldest_stalled_and_workers(db_queue):
    task("mail", enqueued_ago=timedelta(minutes=3))
    task("mail", enqueued_ago=timedelta(seconds=5))
    task("search", enqueued_ago=timedelta(minutes=40))
    task("mail", run_in=timedelta(minutes=4))  # a retry waiting for its time
    stalled = task(
        "newsletter",
        status="RUNNING",
        enqueued_ago=timedelta(minutes=30),
        started_ago=timedelta(minutes=20),
        worker="worker-dead",
    )
    task("mail", status="RUNNING", started_ago=timedelta(seconds=10), worker="worker-a")
    task(
        "search",
        status="SUCCESSFUL",
        started_ago=timedelta(minutes=2),
        finished_ago=timedelta(minutes=1),
        worker="worker-b",
    )
    task(
        "search",
        status="SUCCESSFUL",
        started_ago=timedelta(hours=3),
        finished_ago=timedelta(hours=3),
        worker="worker-old",
    )

    data = json.loads(report("--json"))
    queues = {queue["name"]: queue for queue in data["queues"]}
    assert list(queues) == QUEUES
    assert queues["mail"]["waiting"] == 2
    assert queues["mail"]["scheduled"] == 1
    assert queues["mail"]["running"] == 1 and queues["mail"]["stalled"] == []
    assert queues["imports"]["waiting"] == 0
    assert queues["imports"]["oldest_waiting_since"] is None
    oldest_mail = timezone.datetime.fromisoformat(
        queues["mail"]["oldest_waiting_since"]
    )
    assert timedelta(minutes=2) < timezone.now() - oldest_mail < timedelta(minutes=4)
    [dead] = queues["newsletter"]["stalled"]
    assert dead["id"] == str(stalled.pk) and dead["worker"] == "worker-dead"
    # Seen: started or finished a task in the last 10 minutes (not the dead one).
    assert [worker["id"] for worker in data["workers"]] == ["worker-a", "worker-b"]

    text = report()
    assert "mail: 2 wartend, älteste wartet seit 3 min, 1 geplant, 1 laufend" in text
    assert "search: 1 wartend, älteste wartet seit 40 min" in text
    assert "Hängende Aufgaben (länger als 5 min laufend):" in text
    assert "worker-dead" in text


def test_check_fails_only_when_something_is_stalled(db_queue):
    task("mail", status="RUNNING", started_ago=timedelta(minutes=1), worker="w")
    assert "Keine hängenden Aufgaben." in report("--check")
    task("mail", status="RUNNING", started_ago=timedelta(minutes=6), worker="w")
    with pytest.raises(SystemExit) as exit_info:
        report("--check")
    assert exit_info.value.code == 1


def test_empty_queue_reads_in_a_fixed_number_of_queries(
    db_queue, django_assert_max_num_queries
):
    for number in range(30):
        task(
            QUEUES[number % 5],
            status="RUNNING",
            started_ago=timedelta(minutes=number),
            worker=f"w{number}",
        )
    with django_assert_max_num_queries(5):
        report("--json")
