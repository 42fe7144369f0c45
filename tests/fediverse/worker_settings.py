"""Settings of a real db_worker process started by a test: the test settings
on the durable database queue (DATABASE_URL names the test database)."""

from settings.test import *  # noqa: F403

TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default", "fediverse"],
    }
}
