"""Emails go out as background tasks on the "mail" queue (its own worker, so
they never wait behind bulk work); the Subscriber row always exists first.

django-tasks 0.12 has no retry of its own: a failed send records the error on
the row and enqueues the task again with a later `run_after` (exponential
backoff). Backends that cannot defer (the immediate backend of dev and tests)
keep the failure on the row; an editor can resend from the admin.
"""

import logging
import smtplib
from datetime import timedelta

from django_tasks import task

from django.conf import settings
from django.db.models import F
from django.utils import timezone

from core.retry import backoff

from .emails import confirmation_message
from .models import Subscriber, SubscriberToken

logger = logging.getLogger(__name__)

SEND_ERRORS = (smtplib.SMTPException, OSError)


def retry_delay(attempt):
    """1, 4, 16, 64, 256 minutes with the default base of 60 s."""
    return backoff(attempt, settings.SUBSCRIBE_EMAIL_RETRY_BASE_SECONDS)


@task(queue_name="mail")
def send_confirmation_email(subscriber_id, attempt=1):
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None or subscriber.status != Subscriber.Status.PENDING:
        return "skipped"
    message = confirmation_message(subscriber)
    Subscriber.objects.filter(pk=subscriber_id).update(
        email_attempts=F("email_attempts") + 1
    )
    try:
        message.send()
    except SEND_ERRORS as error:
        # The tokens in an email nobody received are withdrawn.
        SubscriberToken.objects.filter(token_hash__in=message.token_hashes).delete()
        Subscriber.objects.filter(pk=subscriber_id).update(
            last_email_error=f"{timezone.now():%Y-%m-%d %H:%M} {type(error).__name__}: {error}"[
                :300
            ]
        )
        return schedule_retry(subscriber_id, attempt, error)
    Subscriber.objects.filter(pk=subscriber_id).update(
        last_email_error="", last_email_sent_at=timezone.now()
    )
    return "sent"


def schedule_retry(subscriber_id, attempt, error):
    backend = send_confirmation_email.get_backend()
    if attempt >= settings.SUBSCRIBE_EMAIL_MAX_ATTEMPTS or not backend.supports_defer:
        logger.error(
            "Confirmation email for subscriber %s failed (attempt %s), no retry left: %s",
            subscriber_id,
            attempt,
            error,
        )
        raise error
    run_after = timezone.now() + retry_delay(attempt)
    send_confirmation_email.using(run_after=run_after).enqueue(
        subscriber_id, attempt=attempt + 1
    )
    logger.warning(
        "Confirmation email for subscriber %s failed (attempt %s), retry at %s: %s",
        subscriber_id,
        attempt,
        run_after.isoformat(),
        error,
    )
    return "retry scheduled"


def reap_unsent_confirmations(now=None):
    """The workers' reaper (settings.WORKER_REAPERS): a sign-up whose
    confirmation email was never queued (the database went away between the
    row and the task) gets it now. Only recent sign-ups that were never mailed
    nor attempted, and only when no task for them is waiting."""
    from django_tasks_db.models import DBTaskResult

    now = now or timezone.now()
    lease = timedelta(seconds=settings.TASK_LEASE_SECONDS)
    unsent = Subscriber.objects.filter(
        status=Subscriber.Status.PENDING,
        email_attempts=0,
        last_email_sent_at__isnull=True,
        created_at__lt=now - lease,
        created_at__gt=now - timedelta(days=1),
    ).values_list("pk", flat=True)
    if not unsent:
        return 0
    waiting = {
        row["args"][0]
        for row in DBTaskResult.objects.filter(
            status__in=["READY", "RUNNING"], task_path=TASK_PATH
        ).values_list("args_kwargs", flat=True)
        if row.get("args")
    }
    queued = 0
    for pk in set(unsent) - waiting:
        send_confirmation_email.enqueue(pk)
        queued += 1
    if queued:
        logger.warning("Queued %s confirmation emails that were never queued", queued)
    return queued


TASK_PATH = "subscriptions.tasks.send_confirmation_email"
