"""How many slow clients it takes to stall a server: plain gunicorn gthread,
Feder's worker (settings/gunicorn_worker.py) and nginx in front of it.

For each setup and each count of slow clients (each sends headers and half a
POST body, then waits), 20 normal GET /healthz/ requests are timed with a 3 s
limit. Prints median and worst latency and how many got no answer. Production
settings on an empty SQLite file; nginx is skipped when missing. Not run by CI.

    .venv/bin/python benchmarks/slow_clients.py
"""

import os
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
COUNTS = (2, 8, 20, 100)
PROBES = 20
LIMIT = 3.0
HALF_A_BODY = (
    b"POST /abo/anmelden/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    b"Content-Type: application/x-www-form-urlencoded\r\n"
    b"Content-Length: 4000\r\n\r\nemail=leser%40example.org&consent=1"
)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def probe(port):
    started = time.perf_counter()
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=LIMIT) as conn:
            conn.sendall(
                b"GET /healthz/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
            )
            if b" 200 " not in conn.recv(4096):
                return None
    except OSError:
        return None
    return time.perf_counter() - started


def wait_for(port):
    for _ in range(300):
        if probe(port) is not None:
            return
        time.sleep(0.2)
    raise SystemExit(f"nothing answers on {port}")


def gunicorn(port, workdir, *extra):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "settings.production",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "127.0.0.1",
        "PUBLIC_BASE_URL": "https://blog.example.org",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": f"sqlite:///{workdir}/db.sqlite3",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_ACCESS_LOG": os.devnull,
        "LOG_LEVEL": "ERROR",
    }
    return subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "-c",
            "gunicorn.conf.py",
            *extra,
            "settings.wsgi:application",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def nginx(port, upstream, workdir):
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(binary).exists():
        return None
    prefix = Path(workdir) / "nginx"
    prefix.mkdir()
    prefix.chmod(0o777)
    site = (ROOT / "deploy/nginx/feder.conf").read_text()
    site = site.replace("listen 80;", f"listen 127.0.0.1:{port};").replace(
        "listen [::]:80;", ""
    )
    (prefix / "feder.conf").write_text(site)
    (prefix / "upstream.conf").write_text(
        (ROOT / "deploy/nginx/upstream.conf")
        .read_text()
        .replace("127.0.0.1:8000", f"127.0.0.1:{upstream}")
    )
    (prefix / "nginx.conf").write_text(
        f"worker_processes 1; pid {prefix}/nginx.pid; error_log {prefix}/error.log;\n"
        f"events {{ worker_connections 1024; }}\nhttp {{ access_log off;\n"
        f"client_body_temp_path {prefix}/b; proxy_temp_path {prefix}/p;\n"
        f"fastcgi_temp_path {prefix}/f; uwsgi_temp_path {prefix}/u; scgi_temp_path {prefix}/s;\n"
        f"include {prefix}/upstream.conf; include {prefix}/feder.conf; }}\n"
    )
    return subprocess.Popen(
        [
            binary,
            "-p",
            str(prefix),
            "-c",
            str(prefix / "nginx.conf"),
            "-g",
            "daemon off;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def measure(port, count):
    slow = []
    try:
        for _ in range(count):
            conn = socket.create_connection(("127.0.0.1", port), timeout=5)
            conn.sendall(HALF_A_BODY)
            slow.append(conn)
        time.sleep(0.5)
        times = [probe(port) for _ in range(PROBES)]
    finally:
        for conn in slow:
            conn.close()
    answered = [t for t in times if t is not None]
    time.sleep(1)
    return answered, PROBES - len(answered)


def stop(process):
    if process and process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


def main():
    with tempfile.TemporaryDirectory() as workdir:
        ports = {name: free_port() for name in ("stock", "feder", "nginx")}
        processes = [
            gunicorn(ports["stock"], workdir, "-k", "gthread"),
            gunicorn(ports["feder"], workdir),
        ]
        proxy = nginx(ports["nginx"], ports["feder"], workdir)
        processes.append(proxy)
        try:
            setups = [
                ("gunicorn gthread (stock)", ports["stock"]),
                ("gunicorn, Feder's worker", ports["feder"]),
            ]
            if proxy:
                setups.append(("nginx → Feder's worker", ports["nginx"]))
            for _, port in setups:
                wait_for(port)
            print(f"{PROBES} GET /healthz/ per row, {LIMIT:.0f} s limit each")
            print(
                f"{'setup':28} {'slow':>5} {'p50 ms':>8} {'max ms':>8} {'no answer':>10}"
            )
            for name, port in setups:
                for count in COUNTS:
                    answered, failed = measure(port, count)
                    p50 = (
                        statistics.median(answered) * 1000 if answered else float("nan")
                    )
                    worst = max(answered) * 1000 if answered else float("nan")
                    print(
                        f"{name:28} {count:>5} {p50:>8.1f} {worst:>8.1f} {failed:>10}"
                    )
        finally:
            for process in processes:
                stop(process)


if __name__ == "__main__":
    main()
