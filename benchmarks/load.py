"""60 s of mixed traffic against two app servers: 95 % reads, 5 % sign-ups.
Prints throughput, p50/p99 latency and errors. Not run by CI.

Starts the system-test stack (tests/system/harness.py: two gunicorn servers
with production settings on a fresh PostgreSQL database and Redis, one
`run_worker` per queue, an SMTP sink), then drives it from threads:

    .venv/bin/python benchmarks/load.py
    LOAD_SECONDS=30 LOAD_CONCURRENCY=16 SYSTEM_REDIS_URL=redis://127.0.0.1:6379/3 \\
        SYSTEM_DB_PREFIX=feder_bench .venv/bin/python benchmarks/load.py

Against servers that already run: LOAD_SERVERS=http://a:8000,http://b:8000.
The client runs on the same machine as the servers and competes for its CPU.
"""

import os
import random
import statistics
import sys
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.system.harness import Stack, sign_up  # noqa: E402

SECONDS = float(os.environ.get("LOAD_SECONDS", "60"))
CONCURRENCY = int(os.environ.get("LOAD_CONCURRENCY", "16"))
SIGNUP_SHARE = 0.05
READ_PATHS = ["/", "/blog/", "/feed/", "/blog/tag/leadership/", "/impressum/"]


def post_paths(base):
    """The demo's post URLs, read from the blog index."""
    import re

    html = requests.get(f"{base}/blog/", timeout=30).text
    return sorted(set(re.findall(r'href="(/blog/[a-z0-9-]+/)"', html)))[:10]


class Load:
    def __init__(self, servers, paths):
        self.servers = servers
        self.paths = paths
        self.lock = threading.Lock()
        self.samples = {"read": [], "signup": []}
        self.outcomes = Counter()
        self.run_id = uuid.uuid4().hex[:6]
        self.counter = 0

    def one(self, rng, session):
        server = rng.choice(self.servers)
        if rng.random() < SIGNUP_SHARE:
            kind = "signup"
            with self.lock:
                self.counter += 1
                number = self.counter
            started = time.perf_counter()
            try:
                status = sign_up(server, f"last{number}@last-{self.run_id}.example.org")
            except requests.RequestException as error:
                status = type(error).__name__
        else:
            kind = "read"
            started = time.perf_counter()
            try:
                response = session.get(f"{server}{rng.choice(self.paths)}", timeout=30)
                status = response.status_code
            except requests.RequestException as error:
                status = type(error).__name__
        elapsed = time.perf_counter() - started
        with self.lock:
            self.samples[kind].append(elapsed)
            self.outcomes[status] += 1

    def worker(self, seed, deadline):
        rng = random.Random(seed)
        session = requests.Session()
        while time.monotonic() < deadline:
            self.one(rng, session)

    def run(self, seconds, concurrency):
        deadline = time.monotonic() + seconds
        threads = [
            threading.Thread(target=self.worker, args=(n, deadline))
            for n in range(concurrency)
        ]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return time.monotonic() - started


def quantile(values, q):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def report(load, elapsed):
    total = sum(len(v) for v in load.samples.values())
    errors = sum(
        n
        for status, n in load.outcomes.items()
        if not isinstance(status, int) or status >= 500
    )
    print(
        f"Dauer {elapsed:.1f} s, {CONCURRENCY} parallele Clients, {len(load.servers)} Server"
    )
    print(
        f"Anfragen: {total} = {total / elapsed:.1f}/s, Fehler (5xx/Verbindung): {errors}"
    )
    for kind, values in load.samples.items():
        if values:
            print(
                f"  {kind:6} n={len(values):6}  p50 {1000 * statistics.median(values):7.1f} ms"
                f"  p99 {1000 * quantile(values, 0.99):7.1f} ms"
            )
    print("  Statuscodes:", dict(sorted(load.outcomes.items(), key=str)))


def main():
    if os.environ.get("LOAD_SERVERS"):
        servers = os.environ["LOAD_SERVERS"].split(",")
        load = Load(servers, READ_PATHS + post_paths(servers[0]))
        report(load, load.run(SECONDS, CONCURRENCY))
        return
    print("Starte zwei Server, Worker, PostgreSQL-Datenbank und SMTP-Senke …")
    with Stack("load") as stack:
        servers = [server.url for server in stack.servers]
        load = Load(servers, READ_PATHS + post_paths(servers[0]))
        report(load, load.run(SECONDS, CONCURRENCY))


if __name__ == "__main__":
    main()
