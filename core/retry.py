"""Retries with backoff for background work (SMTP, the database, anything).

django-tasks has no retry of its own. `retried_task` makes a task that, when
its function raises, enqueues itself again with a later `run_after` and the
attempt number, until `TASK_MAX_ATTEMPTS`; then the error stands and the task
is recorded as failed. Backends that cannot defer (the immediate backend of
dev and tests) do not retry. Tasks must be idempotent: after a worker crash
the same task may run again (core.worker).
"""

import functools
import logging
from datetime import timedelta

from django_tasks import task

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.utils import timezone

logger = logging.getLogger(__name__)

# Lost database connections are not the task's fault: the worker reconnects
# and runs the task again (core.worker), so they are not counted as attempts.
CONNECTION_ERRORS = (InterfaceError, OperationalError)


def backoff(attempt, base_seconds, factor=4):
    """Delay before retry number `attempt` (1-based): base, base×4, base×16, …"""
    return timedelta(seconds=base_seconds * factor ** (attempt - 1))


def retried_task(*, queue_name, max_attempts=None, base_seconds=None, **options):
    """Like django_tasks.task, plus retry with backoff (kwarg `retry_attempt`)."""

    def decorate(func):
        @functools.wraps(func)
        def run(*args, retry_attempt=1, **kwargs):
            try:
                return func(*args, **kwargs)
            except CONNECTION_ERRORS:
                raise
            except Exception as error:
                limit = max_attempts or settings.TASK_MAX_ATTEMPTS
                base = base_seconds or settings.TASK_RETRY_BASE_SECONDS
                backend = wrapped.get_backend()
                if retry_attempt >= limit or not backend.supports_defer:
                    logger.error(
                        "Task %s failed for good (attempt %s of %s): %r",
                        wrapped.name,
                        retry_attempt,
                        limit,
                        error,
                    )
                    raise
                run_after = timezone.now() + backoff(retry_attempt, base)
                wrapped.using(run_after=run_after).enqueue(
                    *args, retry_attempt=retry_attempt + 1, **kwargs
                )
                logger.warning(
                    "Task %s failed (attempt %s), retry at %s: %r",
                    wrapped.name,
                    retry_attempt,
                    run_after.isoformat(),
                    error,
                )
                return f"retry {retry_attempt + 1} at {run_after.isoformat()}"

        wrapped = task(queue_name=queue_name, **options)(run)
        return wrapped

    return decorate
