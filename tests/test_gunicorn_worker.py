"""The worker's accept deferral (settings/gunicorn_worker.py): a busy worker
lets its sibling take new connections, but never waits more than its budget
per second. tests/system/test_slow_clients.py shows the spreading itself."""

import socket
import time
from types import SimpleNamespace

import pytest

from settings import gunicorn_worker
from settings.gunicorn_worker import BufferingThreadWorker


@pytest.fixture
def listener():
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    sock.setblocking(False)  # nothing waiting: accept finds the queue empty
    yield sock
    sock.close()


@pytest.fixture
def pauses(monkeypatch):
    waited = []
    monkeypatch.setattr(gunicorn_worker.time, "sleep", waited.append)
    return waited


def worker(connections):
    found = object.__new__(BufferingThreadWorker)
    found.nr_conns = connections
    found.cfg = SimpleNamespace(threads=4, workers=2)
    return found


def test_a_worker_with_spare_threads_accepts_at_once(listener, pauses):
    worker(4).accept(listener)
    assert pauses == []


def test_a_busy_worker_waits_per_extra_connection_within_a_budget(listener, pauses):
    busy = worker(6)
    busy.accept(listener)
    assert pauses == [pytest.approx(2 * gunicorn_worker.ACCEPT_DEFER)]
    crowded = worker(40)
    started = time.monotonic()
    for _ in range(30):
        crowded.accept(listener)
    assert time.monotonic() - started < 1.0  # all within one budget second
    assert pauses[1] == pytest.approx(gunicorn_worker.ACCEPT_DEFER_MAX)
    assert sum(pauses[1:]) == pytest.approx(gunicorn_worker.ACCEPT_DEFER_BUDGET)
