"""The demo as `make run` starts it: runserver and a db_worker, real processes.

Readers get the German error pages (DEBUG is off), static files are still served,
and a sign-up's confirmation email goes through the database queue to the demo
inbox, as it goes through the queue to SMTP in production.
"""

import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# DEMO_SERVER_PORTS="8400-8449" keeps the server inside a given range (a shared
# machine); by default any free port.
PORTS = os.environ.get("DEMO_SERVER_PORTS", "")


def free_port():
    first, _, last = PORTS.partition("-")
    candidates = range(int(first), int(last or first) + 1) if first else [0]
    for port in candidates:
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return sock.getsockname()[1]
    pytest.fail(f"no free port in {PORTS}")


def wait_for(check, what, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(0.3)
    pytest.fail(f"gave up waiting for {what}")


def fetch(url, data=None, headers=None):
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def answers(url):
    try:
        return fetch(url)
    except OSError:
        return None


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("demo-server")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    database = tmp_path / "demo.sqlite3"
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"EMAIL_BACKEND", "TASKS_BACKEND", "DJANGO_DEBUG"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="settings.dev",
        DATABASE_URL=f"sqlite:///{database}",
        PUBLIC_BASE_URL=base,
        MEDIA_ROOT=str(tmp_path / "media"),
    )
    manage = [sys.executable, "manage.py"]
    subprocess.run(
        [*manage, "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
    )
    processes = [
        subprocess.Popen(
            [*manage, "runserver", "--noreload", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        ),
        subprocess.Popen(
            [*manage, "db_worker", "--queue-name", "*", "--interval", "0.2"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        ),
    ]
    try:
        wait_for(lambda: answers(f"{base}/healthz/"), "runserver")
        yield base, database
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=20)


def test_the_demo_shows_german_error_pages_and_serves_static_files(demo_server):
    base, _database = demo_server
    status, html = fetch(f"{base}/gibt-es-nicht/")
    assert status == 404
    assert 'lang="de"' in html and "Traceback" not in html
    assert "<h1>Seite nicht gefunden</h1>" in html
    status, css = fetch(f"{base}/static/css/site.css")
    assert status == 200 and "body" in css


def test_a_demo_sign_up_reaches_the_inbox_through_the_worker(demo_server):
    base, database = demo_server
    status, _html = fetch(
        f"{base}/abo/anmelden/",
        data=b"email=demo%40example.org&consent=1&source=%2F",
        headers={"Origin": base, "Sec-Fetch-Site": "same-origin"},
    )
    assert status == 200

    def inbox():
        with sqlite3.connect(database) as db:
            return db.execute("SELECT subject, text FROM inbox_inboxmessage").fetchall()

    ((subject, text),) = wait_for(inbox, "the confirmation email")
    assert "bestätigen" in subject
    assert f"{base}/abo/bestaetigen/" in text
