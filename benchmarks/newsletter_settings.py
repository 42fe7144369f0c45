"""Settings for benchmarks/newsletter_send.py: dev settings with the durable
task queue (as in production) and without DEBUG's query log."""

from settings.dev import *  # noqa: F403

DEBUG = False
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": TASK_QUEUES,  # noqa: F405
    }
}
