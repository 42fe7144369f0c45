"""The demo (`make run`): the site as readers and editors will see it in production.

DEBUG stays off, so readers get the German 404/500 pages; whitenoise serves the
static files straight from the app folders. Tasks go through the database queue
that `make run` works off with `run_worker`, and emails land in the demo inbox
(admin → „Demo-Postfach“) instead of leaving the machine.
"""

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-not-secret-feder")  # noqa: F405
ALLOWED_HOSTS = ["*"]
# The address runserver listens on (the Makefile passes HOST and PORT on).
PUBLIC_BASE_URL = WAGTAILADMIN_BASE_URL = os.environ.get(  # noqa: F405
    "PUBLIC_BASE_URL",
    "http://{}:{}".format(
        os.environ.get("FEDER_HOST", "127.0.0.1"),  # noqa: F405
        os.environ.get("FEDER_PORT", "8000"),  # noqa: F405
    ),
)
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "inbox.backend.InboxBackend")  # noqa: F405
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),  # noqa: F405
        "QUEUES": TASK_QUEUES,  # noqa: F405
    }
}
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
