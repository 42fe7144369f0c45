"""A real db_worker killed while an inbox is receiving: no inbox gets the
post twice, whatever is retried afterwards."""

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from django_tasks_db.models import DBTaskResult

from django.db import connection

from fediverse.delivery import close_stale_claims
from fediverse.models import ActorKey, Delivery, Follower
from fediverse.tasks import deliver_activity
from tests.factories import make_post

from .peer import Peer

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ROOT = Path(__file__).resolve().parents[2]


def database_url():
    """The test database, for processes started by a test."""
    config = connection.settings_dict
    if config["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{config['NAME']}"
    user = quote(config["USER"] or "postgres")
    password = f":{quote(config['PASSWORD'])}" if config["PASSWORD"] else ""
    host = config["HOST"] or "127.0.0.1"
    port = config["PORT"] or 5432
    return f"postgres://{user}{password}@{host}:{port}/{config['NAME']}"


def start_worker(log):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.fediverse.process_settings",
        "DATABASE_URL": database_url(),
    }
    return subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "db_worker",
            "--queue-name",
            "fediverse",
            "--no-startup-delay",
            "--no-reload",
            "--interval",
            "0.2",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def fediverse_tasks():
    return DBTaskResult.objects.filter(queue_name="fediverse")


def wait_for(condition, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


@pytest.fixture
def db_queue(settings):
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks_db.DatabaseBackend",
            "QUEUES": settings.TASK_QUEUES,
        }
    }


def follower_of(peer, name):
    actor = peer.actor_url(name)
    return Follower.objects.create(
        actor_url=actor,
        username=name,
        domain=f"127.0.0.1:{peer.port}",
        inbox_url=actor + "/inbox",
    )


def test_a_worker_killed_mid_delivery_sends_no_inbox_the_post_twice(
    blog, db_queue, tmp_path
):
    public_key = ActorKey.current().private_key().public_key()
    slow, fast = Peer(public_key).start(), Peer(public_key).start()
    slow.hang = threading.Event()
    follower_of(slow, "anna")
    follower_of(fast, "anna")
    log = (tmp_path / "worker.log").open("w")
    worker = start_worker(log)
    try:
        make_post(blog, title="Einmal und nicht öfter")
        assert wait_for(lambda: slow.received), (tmp_path / "worker.log").read_text()
        # The slow inbox has the post; its answer never reaches the worker.
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait(10)
        stuck = Delivery.objects.get(inbox_url__startswith=slow.base)
        assert stuck.status == Delivery.Status.SENDING

        # Whatever runs the deliveries again (a retried task, a second
        # worker), the claimed row is not sent again.
        for delivery in Delivery.objects.all():
            deliver_activity.enqueue(delivery.pk)
        worker = start_worker(log)
        assert wait_for(lambda: fast.received), (tmp_path / "worker.log").read_text()
        # Every task has run, but the one the killed worker left running.
        assert wait_for(
            lambda: (
                not fediverse_tasks().filter(status="READY").exists()
                and fediverse_tasks().filter(status="RUNNING").count() == 1
            )
        ), (tmp_path / "worker.log").read_text()
    finally:
        worker.send_signal(signal.SIGTERM)
        worker.wait(20)
        slow.hang.set()
        slow.stop()
        fast.stop()
        log.close()

    assert len(slow.received) == 1
    assert len(fast.received) == 1
    assert Delivery.objects.get(inbox_url__startswith=fast.base).status == "sent"
    # A claim without outcome is closed as uncertain later, never resent.
    stuck.refresh_from_db()
    assert stuck.status == Delivery.Status.SENDING
    Delivery.objects.filter(pk=stuck.pk).update(
        claimed_at=stuck.claimed_at.replace(year=2000)
    )
    assert close_stale_claims() == 1
    stuck.refresh_from_db()
    assert stuck.status == Delivery.Status.FAILED
    assert "ungewiss" in stuck.last_error
