"""Start the site under gunicorn (production settings, demo SQLite database) and
measure the public pages: latency, throughput and bytes. Not run by CI.

    make bench                      # or: .venv/bin/python benchmarks/pages.py
    BENCH_REQUESTS=500 BENCH_CONCURRENCY=8 make bench

    .venv/bin/python benchmarks/pages.py --in-process URL ...

renders the URLs in this process (Django's test client, the settings and
database of the environment; benchmarks/http.sh uses it) and prints, per URL,
the median wall and CPU time of a render and its SQL queries.
"""

import gzip
import os
import re
import secrets
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "200"))
CONCURRENCY = int(os.environ.get("BENCH_CONCURRENCY", "4"))
PAGES = [
    "/",
    "/blog/",
    "/blog/tag/leadership/",
    "/blog/purpose-ist-mehr-als-ein-slogan/",
    "/impressum/",
]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url):
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=30) as response:
        body = response.read()
        status = response.status
    return time.perf_counter() - started, status, body


def main():
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "settings.production",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        # Production settings refuse a loopback public address; links are not measured.
        "PUBLIC_BASE_URL": os.environ.get(
            "PUBLIC_BASE_URL", "https://blog.example.org"
        ),
        "SECURE_SSL_REDIRECT": "false",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": os.environ.get("GUNICORN_WORKERS", "2"),
        "GUNICORN_ACCESS_LOG": os.devnull,
    }
    python = sys.executable
    subprocess.run(
        [python, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    server = subprocess.Popen(
        [
            str(Path(python).with_name("gunicorn")),
            "-c",
            "gunicorn.conf.py",
            "settings.wsgi:application",
        ],
        cwd=ROOT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                fetch(base + "/healthz/")
                break
            except OSError:
                time.sleep(0.1)
        print(
            f"gunicorn on {base}, {env['GUNICORN_WORKERS']} workers; {REQUESTS} requests per page, {CONCURRENCY} at a time\n"
        )
        print(
            f"{'page':45} {'p50 ms':>8} {'p95 ms':>8} {'req/s':>8} {'HTML B':>8} {'gzip B':>8}"
        )
        for path in PAGES:
            _, status, body = fetch(base + path)  # warm-up (renditions, caches)
            assert status == 200, (path, status)
            started = time.perf_counter()
            with ThreadPoolExecutor(CONCURRENCY) as pool:
                timings = [t for t, _, _ in pool.map(fetch, [base + path] * REQUESTS)]
            elapsed = time.perf_counter() - started
            p95 = statistics.quantiles(timings, n=20)[18]
            print(
                f"{path:45} {statistics.median(timings) * 1000:8.1f} {p95 * 1000:8.1f} "
                f"{REQUESTS / elapsed:8.0f} {len(body):8d} {len(gzip.compress(body)):8d}"
            )
        _, _, post = fetch(base + PAGES[3])
        print()
        for asset in sorted(
            set(re.findall(rb'(?:href|src)="(/static/[^"]+\.(?:css|js))"', post))
        ):
            _, _, body = fetch(base + asset.decode())
            print(
                f"{asset.decode():45} {len(body):8d} B, gzip {len(gzip.compress(body)):d} B"
            )
    finally:
        server.terminate()
        server.wait(timeout=10)


def in_process(urls, repeat):
    """Median wall and CPU milliseconds per render, and the queries of one."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.production")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    # The first allowed host, as a browser on the benchmark machine would send it.
    client = Client(
        SERVER_NAME=os.environ.get("ALLOWED_HOSTS", "127.0.0.1").split(",")[0]
    )
    print(f"{'in-process render':45} {'wall ms':>8} {'CPU ms':>8} {'queries':>8}")
    for url in urls:
        response = client.get(url)  # warm-up: templates, site root paths
        assert response.status_code == 200, (url, response.status_code)
        queries = []

        def count(execute, sql, params, many, context, queries=queries):
            queries.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            client.get(url)
        walls, cpus = [], []
        for _ in range(repeat):
            wall, cpu = time.perf_counter(), time.process_time()
            client.get(url)
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
        print(
            f"{url:45} {statistics.median(walls) * 1000:8.1f} "
            f"{statistics.median(cpus) * 1000:8.1f} {len(queries):8d}"
        )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--in-process"]:
        in_process(sys.argv[2:], int(os.environ.get("BENCH_RENDERS", "50")))
    else:
        main()
