"""Emails go out as background tasks on the "mail" queue (its own worker, so
they never wait behind bulk work); the Subscriber row always exists first.

django-tasks 0.12 has no retry of its own: a failed send records the error on
the row and enqueues the task again with a later `run_after` (exponential
backoff). Backends that cannot defer (the immediate backend of dev and tests)
keep the failure on the row; an editor can resend from the admin.
"""

import logging
import smtplib

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
