"""Fan-out and delivery of a PostSend, independent of the task queue.

At most once per subscriber and send: a worker sends only deliveries it has
claimed (pending -> sending with its own token, by a conditional UPDATE that two
workers cannot both win), and a delivery never goes back to pending once its
message may have left.
"""

import logging
import math
import smtplib
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from core.retry import backoff
from subscriptions.emails import build_message
from subscriptions.models import Subscriber, SubscriberToken

from .models import Delivery, PostSend
from .rendering import post_context

logger = logging.getLogger(__name__)

TEMPLATE = "newsletter/post"
# After this many connection failures in a row the rest of the batch waits for
# the retry instead of trying the server once per message.
MAX_CONNECTION_FAILURES = 3


def retry_delay(attempt):
    """1, 4, 16, 64 minutes with the default base of 60 s."""
    return backoff(attempt, settings.NEWSLETTER_RETRY_BASE_SECONDS)


def fan_out(send_id):
    """Create one pending delivery per confirmed subscriber; safe to repeat.

    Returns the number of batches to enqueue.
    """
    now = timezone.now()
    PostSend.objects.filter(pk=send_id, status=PostSend.Status.QUEUED).update(
        status=PostSend.Status.SENDING, started_at=now
    )
    send = PostSend.objects.get(pk=send_id)
    recipients = Subscriber.objects.filter(status=Subscriber.Status.CONFIRMED)
    if send.only_missing:
        reached = Delivery.objects.filter(
            send__page_id=send.page_id, status=Delivery.Status.SENT
        ).values("subscriber_id")
        recipients = recipients.exclude(pk__in=reached)
    ids = recipients.order_by("pk").values_list("pk", flat=True)
    Delivery.objects.bulk_create(
        (Delivery(send_id=send_id, subscriber_id=pk) for pk in ids.iterator()),
        batch_size=1000,
        ignore_conflicts=True,
    )
    total = Delivery.objects.filter(send_id=send_id).count()
    PostSend.objects.filter(pk=send_id).update(total=total)
    pending = Delivery.objects.filter(
        send_id=send_id, status=Delivery.Status.PENDING
    ).count()
    if not pending:
        finish_if_complete(send_id)
    return math.ceil(pending / settings.NEWSLETTER_BATCH_SIZE)


def claim_batch(send_id, size):
    token = uuid.uuid4().hex
    now = timezone.now()
    due = Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    with transaction.atomic():
        candidates = Delivery.objects.filter(
            due, send_id=send_id, status=Delivery.Status.PENDING
        ).order_by("pk")
        if connection.features.has_select_for_update_skip_locked:
            # PostgreSQL: concurrent workers take different rows instead of waiting.
            candidates = candidates.select_for_update(skip_locked=True)
        ids = list(candidates.values_list("pk", flat=True)[:size])
        # The status condition makes the claim safe where row locks do not
        # exist (SQLite serialises writers instead).
        Delivery.objects.filter(pk__in=ids, status=Delivery.Status.PENDING).update(
            status=Delivery.Status.SENDING, claim_token=token, claimed_at=now
        )
    return list(
        Delivery.objects.filter(claim_token=token, status=Delivery.Status.SENDING)
        .order_by("pk")
        .only("pk", "subscriber_id", "attempts")
    )


def smtp_code(error):
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in error.recipients.values()]
        return codes[0] if codes else None
    return getattr(error, "smtp_code", None)


def describe(error):
    return f"{timezone.now():%Y-%m-%d %H:%M} {type(error).__name__}: {error}"[:300]


class Batch:
    """One claimed batch, sent over one SMTP connection."""

    def __init__(self, send, deliveries):
        self.send = send
        self.deliveries = deliveries
        self.context = None
        self.backend = get_connection(fail_silently=False)
        self.connection_failures = 0
        self.retry_at = []

    def run(self):
        page = self.send.page.specific
        if not page.live:
            for delivery in self.deliveries:
                self.record(
                    delivery,
                    Delivery.Status.FAILED,
                    error="Der Artikel ist nicht mehr veröffentlicht.",
                    attempted=False,
                )
            return
        self.context = post_context(page, self.send.subject)
        try:
            for delivery in self.deliveries:
                if self.connection_failures >= MAX_CONNECTION_FAILURES:
                    self.transient(delivery, None, count_attempt=False)
                else:
                    self.deliver(delivery)
        finally:
            self.backend.close()

    def deliver(self, delivery):
        # Re-read right before sending: whoever unsubscribed meanwhile gets nothing.
        subscriber = Subscriber.objects.filter(pk=delivery.subscriber_id).first()
        if subscriber is None or subscriber.status != Subscriber.Status.CONFIRMED:
            self.record(delivery, Delivery.Status.SKIPPED, attempted=False)
            return
        message = build_message(subscriber, self.send.subject, TEMPLATE, self.context)
        try:
            if self.backend.connection is None:
                self.backend.open()
            self.backend.send_messages([message])
        except (smtplib.SMTPException, OSError) as error:
            SubscriberToken.objects.filter(token_hash__in=message.token_hashes).delete()
            code = smtp_code(error)
            if code is None:
                # Connection-level trouble: start over with a fresh connection.
                self.connection_failures += 1
                self.backend.close()
            if code is not None and code >= 500:
                self.record(delivery, Delivery.Status.FAILED, error=describe(error))
            else:
                self.transient(delivery, error)
            return
        self.connection_failures = 0
        self.record(delivery, Delivery.Status.SENT)

    def transient(self, delivery, error, count_attempt=True):
        attempts = delivery.attempts + (1 if count_attempt else 0)
        text = (
            describe(error)
            if error
            else "Nicht versucht: SMTP-Server nicht erreichbar."
        )
        if attempts >= settings.NEWSLETTER_MAX_ATTEMPTS:
            self.record(delivery, Delivery.Status.FAILED, error=text)
            return
        retry_at = timezone.now() + retry_delay(max(attempts, 1))
        self.retry_at.append(retry_at)
        self.record(
            delivery,
            Delivery.Status.PENDING,
            error=text,
            attempted=count_attempt,
            next_attempt_at=retry_at,
        )

    def record(self, delivery, status, error="", attempted=True, next_attempt_at=None):
        changes = {
            "status": status,
            "last_error": error,
            "claim_token": "",
            "next_attempt_at": next_attempt_at,
        }
        if attempted:
            changes["attempts"] = F("attempts") + 1
        if status == Delivery.Status.SENT:
            changes["sent_at"] = timezone.now()
        # Only the claimant writes the outcome.
        Delivery.objects.filter(pk=delivery.pk, status=Delivery.Status.SENDING).update(
            **changes
        )


def send_batch(send_id):
    """Send one claimed batch; returns the earliest retry time or None."""
    send = PostSend.objects.select_related("page").filter(pk=send_id).first()
    if send is None or send.status == PostSend.Status.DONE:
        return None
    deliveries = claim_batch(send_id, settings.NEWSLETTER_BATCH_SIZE)
    if deliveries:
        batch = Batch(send, deliveries)
        batch.run()
        retry_at = min(batch.retry_at) if batch.retry_at else None
    else:
        retry_at = None
    finish_if_complete(send_id)
    return retry_at


def stale_claims(send_id):
    """Deliveries claimed by a worker that has not reported for a long time
    (killed mid-batch): whether their message left is unknown."""
    cutoff = timezone.now() - timedelta(minutes=settings.NEWSLETTER_STALE_CLAIM_MINUTES)
    return Delivery.objects.filter(
        send_id=send_id, status=Delivery.Status.SENDING, claimed_at__lt=cutoff
    )


def close_stale_claims(send_id):
    """Mark stale claims failed (never resent on their own: at most once) and
    let the send finish."""
    closed = stale_claims(send_id).update(
        status=Delivery.Status.FAILED,
        claim_token="",
        last_error="Zustellung ungewiss: Der Versandprozess wurde abgebrochen.",
    )
    finish_if_complete(send_id)
    return closed


def finish_if_complete(send_id):
    open_ = Delivery.objects.filter(
        send_id=send_id,
        status__in=[Delivery.Status.PENDING, Delivery.Status.SENDING],
    )
    if open_.exists():
        return False
    return bool(
        PostSend.objects.filter(pk=send_id)
        .exclude(status=PostSend.Status.DONE)
        .update(status=PostSend.Status.DONE, finished_at=timezone.now())
    )
