"""Real processes for the system tests: PostgreSQL database, gunicorn servers,
one task worker per queue and an SMTP server, all on loopback.

Everything runs with `settings.production` and the commands the README gives
(gunicorn with gunicorn.conf.py, `manage.py run_worker`). Other system tests
(e.g. slow clients) reuse `Stack` or `start_server` with their own env.

Environment knobs: SYSTEM_PG_URL (server, default postgres://postgres@127.0.0.1:5432),
SYSTEM_DB_PREFIX (database names, default feder_system), SYSTEM_REDIS_URL
(default redis://127.0.0.1:6379/0; keys get a per-run prefix).
"""

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import requests

from tests.smtp import free_port

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
ARTIFACTS = ROOT / "test-artifacts" / "system"
PG_URL = os.environ.get("SYSTEM_PG_URL", "postgres://postgres@127.0.0.1:5432")
DB_PREFIX = os.environ.get("SYSTEM_DB_PREFIX", "feder_system")
REDIS_URL = os.environ.get("SYSTEM_REDIS_URL", "redis://127.0.0.1:6379/0")
QUEUES = ("mail", "newsletter", "search", "imports", "default")


def postgres_problem():
    """None if PostgreSQL answers, else why not (for the skip message)."""
    try:
        import psycopg

        with psycopg.connect(f"{PG_URL}/postgres", connect_timeout=3):
            return None
    except Exception as error:  # any failure means: not available here
        return f"PostgreSQL antwortet nicht ({PG_URL}): {error}"


def redis_problem():
    parts = urlsplit(REDIS_URL)
    try:
        with socket.create_connection(
            (parts.hostname or "127.0.0.1", parts.port or 6379), timeout=3
        ) as sock:
            sock.sendall(b"PING\r\n")
            if not sock.recv(16).startswith(b"+PONG"):
                return f"Redis antwortet nicht mit PONG ({REDIS_URL})"
    except OSError as error:
        return f"Redis antwortet nicht ({REDIS_URL}): {error}"
    return None


class Database:
    """A fresh PostgreSQL database, dropped at the end."""

    def __init__(self, suffix):
        self.name = f"{DB_PREFIX}_{suffix}"
        self.url = f"{PG_URL}/{self.name}"

    def admin(self, sql):
        import psycopg

        with psycopg.connect(f"{PG_URL}/postgres", autocommit=True) as conn:
            conn.execute(sql)

    def create(self):
        self.drop()
        self.admin(f'CREATE DATABASE "{self.name}"')
        return self

    def drop(self):
        self.admin(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            f"WHERE datname = '{self.name}' AND pid <> pg_backend_pid()"
        )
        self.admin(f'DROP DATABASE IF EXISTS "{self.name}"')

    def query(self, sql, params=()):
        """Rows of one SQL statement, in its own short connection."""
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as conn:
            cursor = conn.execute(sql, params)
            return cursor.fetchall() if cursor.description else []

    def value(self, sql, params=()):
        return self.query(sql, params)[0][0]

    def terminate_connections(self):
        """Drop every connection to this database (a database blip)."""
        return self.value(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            (self.name,),
        )


def base_env(database_url, smtp_port, public_url, **extra):
    """Environment for settings.production on loopback, with short timeouts so
    the tests stay bounded."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key in {"PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "VIRTUAL_ENV"}
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "settings.production",
            "PYTHONUNBUFFERED": "1",
            "SECRET_KEY": secrets.token_urlsafe(60),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "PUBLIC_BASE_URL": public_url,
            "CSRF_TRUSTED_ORIGINS": public_url,
            "DATABASE_URL": database_url,
            "REDIS_URL": REDIS_URL,
            "CACHE_KEY_PREFIX": f"feder-system-{secrets.token_hex(4)}",
            "ALLOW_LOCAL_PUBLIC_BASE_URL": "true",
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_HSTS_SECONDS": "0",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(smtp_port),
            "EMAIL_TIMEOUT": "20",
            "DEFAULT_FROM_EMAIL": "blog@example.org",
            "SUBSCRIBE_RATE_LIMIT_PER_IP": "100000/h",
            "SUBSCRIBE_RATE_LIMIT_PER_EMAIL": "1000/h",
            # One confirmation email per address: a repeated sign-up of a
            # pending address sends no second one.
            "SUBSCRIBE_CONFIRMATION_LIMIT": "1/d",
            "SUBSCRIBE_EMAIL_RETRY_BASE_SECONDS": "2",
            "NEWSLETTER_RETRY_BASE_SECONDS": "2",
            "TASK_RETRY_BASE_SECONDS": "1",
            "TASK_LEASE_SECONDS": "6",
            "WORKER_HEARTBEAT_SECONDS": "1",
            "NEWSLETTER_LEASE_SECONDS": "6",
            "GUNICORN_WORKERS": "2",
            "GUNICORN_ACCESS_LOG": "/dev/null",
            "LOG_LEVEL": "WARNING",
        }
    )
    env.update({key: str(value) for key, value in extra.items()})
    return env


class Process:
    """A child process with its output in test-artifacts/system/<name>.log."""

    def __init__(self, name, argv, env):
        self.name = name
        self.argv = argv
        self.env = env
        self.popen = None
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        self.log_path = ARTIFACTS / f"{name}.log"

    def start(self):
        log = self.log_path.open("ab")
        self.popen = subprocess.Popen(
            self.argv,
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()
        return self

    @property
    def alive(self):
        return self.popen is not None and self.popen.poll() is None

    def kill(self):
        """SIGKILL: no clean-up, as when a machine dies."""
        if self.alive:
            os.killpg(self.popen.pid, signal.SIGKILL)
            self.popen.wait(10)

    def stop(self, timeout=15):
        if not self.alive:
            return
        os.killpg(self.popen.pid, signal.SIGTERM)
        try:
            self.popen.wait(timeout)
        except subprocess.TimeoutExpired:
            self.kill()

    def log(self):
        return (
            self.log_path.read_text(errors="replace") if self.log_path.exists() else ""
        )


def manage(env, *args, timeout=600):
    """Run a management command to completion; its output, or an AssertionError."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if result.returncode:
        raise AssertionError(
            f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
        )
    return result.stdout


def wait_until(condition, timeout, interval=0.2, message="condition"):
    """Poll until condition() is truthy; its value, or AssertionError after timeout."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {message}")
        time.sleep(interval)


class Server(Process):
    """gunicorn with the project's gunicorn.conf.py on 127.0.0.1:port."""

    def __init__(self, name, port, env):
        env = {**env, "GUNICORN_BIND": f"127.0.0.1:{port}", "PORT": str(port)}
        super().__init__(
            name,
            [
                str(BIN / "gunicorn"),
                "-c",
                "gunicorn.conf.py",
                "settings.wsgi:application",
            ],
            env,
        )
        self.port = port
        self.url = f"http://127.0.0.1:{port}"

    def start(self, timeout=60):
        super().start()

        def ready():
            if not self.alive:
                raise AssertionError(f"{self.name} exited:\n{self.log()[-3000:]}")
            try:
                return (
                    requests.get(f"{self.url}/healthz/", timeout=2).status_code == 200
                )
            except requests.RequestException:
                return False

        wait_until(ready, timeout, message=f"{self.name} to answer")
        return self


def start_server(name, env, port=None, timeout=60):
    """Start one gunicorn server with the given env; returns the running Server."""
    return Server(name, port or free_port(), env).start(timeout)


class Worker(Process):
    def __init__(self, name, queues, env):
        super().__init__(
            name,
            [
                sys.executable,
                "manage.py",
                "run_worker",
                "--queue-name",
                ",".join(queues),
                "--interval",
                "0.2",
                "--no-startup-delay",
                "--no-reload",
            ],
            env,
        )
        self.queues = queues


class SmtpSink(Process):
    """aiosmtpd in its own process (tests/system/smtp_sink.py); what it
    received is read from its JSON-lines file. Stop and start it again on the
    same port to simulate an outage."""

    def __init__(self, port):
        self.port = port
        self.messages_path = ARTIFACTS / f"smtp-{port}.jsonl"
        super().__init__(
            "smtp",
            [
                sys.executable,
                "-m",
                "tests.system.smtp_sink",
                str(port),
                str(self.messages_path),
            ],
            {**os.environ, "PYTHONUNBUFFERED": "1"},
        )

    def start(self, timeout=30):
        super().start()

        def listening():
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return True
            except OSError:
                return False

        wait_until(listening, timeout, message="the SMTP server to listen")
        return self

    def stop(self, timeout=15):
        super().stop(timeout)

    def messages(self):
        if not self.messages_path.exists():
            return []
        with self.messages_path.open(encoding="utf-8") as lines:
            return [json.loads(line) for line in lines if line.endswith("\n")]


class Stack:
    """Two app servers (A and B) on one PostgreSQL database and one Redis, one
    worker per queue, one SMTP server. Use as a context manager."""

    def __init__(self, suffix="stack", servers=2, **extra_env):
        self.db = Database(f"{suffix}_{os.getpid()}")
        self.smtp = SmtpSink(free_port())
        ports = [free_port() for _ in range(servers)]
        self.public_url = f"http://127.0.0.1:{ports[0]}"
        self.ports = ports
        self.extra_env = extra_env
        self.servers = []
        self.workers = {}

    def __enter__(self):
        try:
            self.setup()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc):
        self.close()

    @property
    def env(self):
        return base_env(self.db.url, self.smtp.port, self.public_url, **self.extra_env)

    def setup(self):
        for old in [*ARTIFACTS.glob("*.log"), *ARTIFACTS.glob("*.jsonl")]:
            old.unlink()
        self.db.create()
        self.smtp.start()
        env = self.env
        manage(env, "migrate", "--noinput")
        manage(env, "collectstatic", "--noinput")
        manage(env, "load_demo_content")
        for number, port in enumerate(self.ports):
            name = "AB"[number] if number < 2 else str(number)
            self.servers.append(Server(f"server-{name}", port, env).start())
        for queue in QUEUES:
            self.start_worker(queue)

    def start_worker(self, queue, name=None):
        name = name or f"worker-{queue}"
        worker = Worker(name, [queue], self.env).start()
        self.workers[name] = worker
        return worker

    def kill_worker(self, name):
        """SIGKILL a worker; it is no longer one of the stack's workers."""
        self.workers.pop(name).kill()

    def stop_worker(self, name):
        self.workers.pop(name).stop()

    def close(self):
        for process in [*self.workers.values(), *self.servers]:
            process.stop()
        self.smtp.stop()
        self.db.drop()

    def shell(self, code, timeout=300):
        """Run Python in a Django shell of this stack (a separate process)."""
        return manage(self.env, "shell", "--no-imports", "-c", code, timeout=timeout)

    def recipients(self, subject=None):
        """Every envelope recipient received so far (one per message and
        address), optionally only of messages with this subject."""
        return [
            rcpt.lower()
            for message in self.smtp.messages()
            if subject is None or message["subject"] == subject
            for rcpt in message["rcpt_tos"]
        ]


def sign_up(server_url, email, timeout=30):
    """POST the sign-up form like a browser on the site; returns the status code."""
    response = requests.post(
        f"{server_url}/abo/anmelden/",
        data={"email": email, "consent": "on", "source": "/"},
        headers={"Sec-Fetch-Site": "same-origin", "Origin": server_url},
        timeout=timeout,
        allow_redirects=False,
    )
    return response.status_code


class AdminClient:
    """A logged-in Wagtail admin over plain HTTP (the stack has no TLS)."""

    def __init__(self, server_url, username, password):
        self.url = server_url
        self.session = requests.Session()
        self.session.headers["X-Forwarded-Proto"] = "https"
        self.login(username, password)

    def _insecure_cookies(self):
        # Production marks cookies Secure; over loopback HTTP send them anyway.
        for cookie in self.session.cookies:
            cookie.secure = False

    def csrf(self):
        self._insecure_cookies()
        return self.session.cookies.get("csrftoken", "")

    def get(self, path, **kwargs):
        response = self.session.get(f"{self.url}{path}", timeout=60, **kwargs)
        self._insecure_cookies()
        return response

    def post(self, path, data=None, files=None, **kwargs):
        self.get(path) if not self.session.cookies.get("csrftoken") else None
        response = self.session.post(
            f"{self.url}{path}",
            data={**(data or {}), "csrfmiddlewaretoken": self.csrf()},
            files=files,
            headers={"Referer": f"https://127.0.0.1:{urlsplit(self.url).port}{path}"},
            timeout=60,
            **kwargs,
        )
        self._insecure_cookies()
        return response

    def login(self, username, password):
        self.get("/admin/login/")
        response = self.post(
            "/admin/login/", {"username": username, "password": password}
        )
        if "sessionid" not in self.session.cookies:
            raise AssertionError(f"admin login failed: {response.status_code}")
