"""Settings for benchmarks/fediverse_delivery.py: dev settings with the durable
task queue (as in production), plain-HTTP peers on loopback, no DEBUG."""

from settings.dev import *  # noqa: F403

DEBUG = False
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": TASK_QUEUES,  # noqa: F405
    }
}
FEDIVERSE_ALLOW_HTTP = FEDIVERSE_ALLOW_LOCAL_ADDRESSES = True
