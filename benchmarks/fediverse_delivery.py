"""Publish one post to 1,000 fediverse followers on 50 servers and measure it.
Not run by CI.

    .venv/bin/python benchmarks/fediverse_delivery.py
    BENCH_FOLLOWERS=5000 BENCH_SERVERS=200 .venv/bin/python benchmarks/fediverse_delivery.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/feder_bench .venv/bin/python benchmarks/fediverse_delivery.py

A fresh SQLite database in a temporary folder (or DATABASE_URL), one loopback
HTTP server that plays all servers (one shared inbox per server, counted per
path), the post published in-process, then the real
`manage.py db_worker --batch --queue-name fediverse` as a separate process.
Prints the publish time, the number of requests per inbox and deliveries per
second (from the first task's start to the last one's end, without the
worker's start-up).
"""

import collections
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLLOWERS = int(os.environ.get("BENCH_FOLLOWERS", "1000"))
SERVERS = int(os.environ.get("BENCH_SERVERS", "50"))


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_inboxes(port):
    hits = collections.Counter()
    unsigned = []

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_POST(self):
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            if "Signature" not in self.headers or "Digest" not in self.headers:
                unsigned.append(self.path)
            hits[self.path] += 1
            self.send_response(202)
            self.send_header("Content-Length", "0")
            self.end_headers()

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, hits, unsigned


def configure(tmp):
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{tmp}/bench.sqlite3")
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "benchmarks.fediverse_settings",
            "MEDIA_ROOT": str(Path(tmp) / "media"),
            "LOG_LEVEL": "WARNING",
        }
    )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def setup_followers(base):
    from django.core.management import call_command

    from fediverse.models import Follower
    from tests.factories import build_site

    call_command("migrate", verbosity=0)
    _, blog, _ = build_site()
    per_server = FOLLOWERS // SERVERS
    Follower.objects.bulk_create(
        Follower(
            actor_url=f"{base}/s{server}/users/u{user}",
            username=f"u{user}",
            domain=f"server{server}.example",
            inbox_url=f"{base}/s{server}/users/u{user}/inbox",
            shared_inbox_url=f"{base}/s{server}/inbox",
        )
        for server in range(SERVERS)
        for user in range(per_server)
    )
    return blog


def main():
    with tempfile.TemporaryDirectory() as tmp:
        port = free_port()
        server, hits, unsigned = start_inboxes(port)
        try:
            configure(tmp)
            from django_tasks_db.models import DBTaskResult

            from django.db import connection
            from django.db.models import Max, Min

            from fediverse.models import ActorKey, Delivery, Follower
            from tests.factories import make_post

            blog = setup_followers(f"http://127.0.0.1:{port}")
            ActorKey.current()  # generated once, as on a running site
            print(
                f"Datenbank: {connection.vendor}, Follower: {Follower.objects.count()} "
                f"auf {SERVERS} Servern"
            )
            started = time.perf_counter()
            make_post(blog, "Benchmark-Artikel", tags=["Teams"])
            publish_seconds = time.perf_counter() - started
            print(
                f"Veröffentlichen (im Prozess, ohne Zustellung): {publish_seconds * 1000:.0f} ms"
            )

            started = time.perf_counter()
            worker = subprocess.run(
                [
                    sys.executable,
                    *os.environ.get("BENCH_PROFILE", "").split(),
                    "manage.py",
                    "db_worker",
                    "--batch",
                    "--queue-name",
                    "fediverse",
                    "--no-startup-delay",
                    "--no-reload",
                    "-v0",
                ],
                cwd=ROOT,
                env=os.environ,
                check=False,
            )
            worker_seconds = time.perf_counter() - started
            if worker.returncode:
                raise SystemExit("The worker failed")
            statuses = collections.Counter(
                Delivery.objects.values_list("status", flat=True)
            )
            span = DBTaskResult.objects.filter(queue_name="fediverse").aggregate(
                first=Min("started_at"), last=Max("finished_at")
            )
            tasks_seconds = (span["last"] - span["first"]).total_seconds()
        finally:
            server.shutdown()
    requests = sum(hits.values())
    print(f"Zustellungen: {dict(statuses)}")
    print(
        f"Anfragen an Posteingänge: {requests} an {len(hits)} Adressen, "
        f"höchstens {max(hits.values(), default=0)} je Adresse, unsigniert: {len(unsigned)}"
    )
    print(f"Worker-Prozess (Start bis leer, mit Django-Start): {worker_seconds:.1f} s")
    print(
        f"Aufgaben (Fan-out bis letzte Zustellung): {tasks_seconds:.2f} s = "
        f"{requests / tasks_seconds:.0f} Zustellungen/s"
    )


if __name__ == "__main__":
    main()
