"""gunicorn settings for production: `gunicorn -c gunicorn.conf.py settings.wsgi:application`.
Every value can be overridden from the environment (README, „Running in production“)."""

import multiprocessing
import os

import gunicorn.http.wsgi

# Behind a reverse proxy on the same machine: listen on loopback only, unless
# GUNICORN_BIND says otherwise (containers bind 0.0.0.0, see compose.yaml).
bind = os.environ.get("GUNICORN_BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")

# SQLite has one writer at a time: a few workers suit it. PostgreSQL takes
# the usual two per core plus one.
_postgres = os.environ.get("DATABASE_URL", "").startswith(("postgres", "pgsql"))
workers = int(
    os.environ.get(
        "GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1 if _postgres else 2
    )
)
# Threads per worker; each request is read in full before a thread takes it
# (settings/gunicorn_worker.py), so slow clients wait in the poller, not here.
worker_class = "settings.gunicorn_worker.BufferingThreadWorker"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
# Idle keep-alive connections, and the longest pause allowed inside a request
# (GUNICORN_REQUEST_READ_TIMEOUT bounds the whole request).
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
# No URL, header or header count of the site comes near these.
limit_request_line = 4094
limit_request_fields = 60
limit_request_field_size = 8190

# Workers are not recycled by default: the page cache answers 100,000 requests
# in well under a minute, and each restart (1-2 s of Django start-up) costs more
# than a slow leak would. Set a count to recycle after that many requests.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "0"))
max_requests_jitter = max_requests // 10

# Do not tell the world which server and version answers.
gunicorn.http.wsgi.SERVER = "feder"

accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
raw_env = ["DJANGO_SETTINGS_MODULE=settings.production"]
# No gunicornc control socket: several servers on one machine would share its path.
control_socket_disable = True


def worker_exit(server, worker):
    """A worker that stops (restart, deploy, shutdown) first writes the views
    it has collected in memory (stats.buffer)."""
    try:
        from stats.buffer import write_all_pending
    except Exception:  # the app never loaded
        return
    write_all_pending()
