"""The cache in a real gunicorn process: this test's process publishes, the
server's next answer is the new version (the generation file is shared)."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from django.db import connection

from tests.factories import build_site, make_post

ROOT = Path(__file__).resolve().parents[2]


def free_port(first=8210, last=8249):
    for port in range(first, last + 1):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port in 8210-8249")


def fetch(url, method="GET"):
    request = urllib.request.Request(url, method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


@pytest.fixture
def gunicorn(settings, tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("Der Gunicorn-Test nutzt die SQLite-Testdatenbank.")
    settings.PAGE_CACHE_GENERATION_FILE = str(tmp_path / "generation")
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "settings.test",
        "DATABASE_URL": f"sqlite:///{connection.settings_dict['NAME']}",
        "PAGE_CACHE_ENABLED": "true",
        "PAGE_CACHE_GENERATION_FILE": settings.PAGE_CACHE_GENERATION_FILE,
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            # Not the project's gunicorn.conf.py: it names the production settings.
            "--config",
            "/dev/null",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "settings.wsgi:application",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=(tmp_path / "gunicorn.log").open("w"),
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                fetch(base + "/healthz/")
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail(
                "gunicorn did not start: "
                + (tmp_path / "gunicorn.log").read_text()[-2000:]
            )
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_publishing_in_another_process_refreshes_the_server(gunicorn):
    _, blog, _ = build_site()
    post = make_post(blog, "Erste Fassung", slug="fassung")
    url = gunicorn + "/blog/fassung/"

    status, headers, body = fetch(url)
    assert (status, headers["X-Cache"]) == (200, "miss")
    status, headers, again = fetch(url)
    assert headers["X-Cache"] == "hit" and again == body
    status, headers, _ = fetch(url, method="HEAD")
    assert headers["X-Cache"] == "hit"

    post.title = "Zweite Fassung"
    post.save_revision().publish()  # autocommit: the invalidation runs now

    status, headers, body = fetch(url)
    assert headers["X-Cache"] == "miss"
    assert "Zweite Fassung" in body
    status, headers, listing = fetch(gunicorn + "/blog/")
    assert "Zweite Fassung" in listing
