"""Settings of real blog processes (db_worker, gunicorn) started by a test:
the test settings on the durable database queue (DATABASE_URL names the test
database, PUBLIC_BASE_URL the address they serve)."""

import os

from settings.test import *  # noqa: F403

TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": TASK_QUEUES,  # noqa: F405
    }
}
PUBLIC_BASE_URL = WAGTAILADMIN_BASE_URL = os.environ.get(
    "PUBLIC_BASE_URL",
    PUBLIC_BASE_URL,  # noqa: F405
)
