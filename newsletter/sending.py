"""Fan-out and delivery of a PostSend, independent of the task queue.

At most once per subscriber and send: a worker sends only deliveries it has
claimed (pending -> sending with its own token, by a conditional UPDATE that two
workers cannot both win), and a delivery never goes back to pending once its
message may have left. Each hand-off to SMTP is recorded before it happens
(`handed_at`), so when a worker dies mid-batch its claim's lease runs out and
the reaper (`reap_expired_leases`, run by every worker) puts the untouched
deliveries back to pending and marks the single one in flight "unklar" for an
admin to decide.
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


def lease():
    return timedelta(seconds=settings.NEWSLETTER_LEASE_SECONDS)


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
    if send.prepared_at is None:
        # Interrupted anywhere here, the next run creates only what is missing.
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
        PostSend.objects.filter(pk=send_id).update(
            total=total, prepared_at=timezone.now()
        )
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
    lease_until = now + lease()
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
            status=Delivery.Status.SENDING,
            claim_token=token,
            claimed_at=now,
            lease_until=lease_until,
            handed_at=None,
        )
    return list(
        Delivery.objects.filter(claim_token=token, status=Delivery.Status.SENDING)
        .order_by("pk")
        .only("pk", "subscriber_id", "attempts", "claim_token")
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
        # Any Django email backend: open() and close() are part of the base
        # API (no-ops where there is no connection), `connection` is not.
        self.backend = get_connection(fail_silently=False)
        self.needs_open = True
        self.renewed_at = None  # the claim's lease was set when it was taken
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
            self.close_backend()

    def close_backend(self):
        try:
            self.backend.close()
        except (smtplib.SMTPException, OSError):
            logger.warning("Closing the mail connection failed", exc_info=True)
        self.needs_open = True

    def hand_over(self, delivery):
        """Record that this delivery's message goes to SMTP now, and renew the
        lease of the whole claim now and then. False if the claim is no
        longer ours."""
        now = timezone.now()
        if self.renewed_at is None or now - self.renewed_at > lease() / 3:
            Delivery.objects.filter(
                status=Delivery.Status.SENDING, claim_token=delivery.claim_token
            ).update(lease_until=now + lease())
            self.renewed_at = now
        return bool(
            Delivery.objects.filter(
                pk=delivery.pk,
                status=Delivery.Status.SENDING,
                claim_token=delivery.claim_token,
            ).update(handed_at=now, lease_until=now + lease())
        )

    def deliver(self, delivery):
        # Re-read right before sending: whoever unsubscribed meanwhile gets nothing.
        subscriber = Subscriber.objects.filter(pk=delivery.subscriber_id).first()
        if subscriber is None or subscriber.status != Subscriber.Status.CONFIRMED:
            self.record(delivery, Delivery.Status.SKIPPED, attempted=False)
            return
        message = build_message(subscriber, self.send.subject, TEMPLATE, self.context)
        if not self.hand_over(delivery):
            return  # the claim was taken away (lease expired): not ours to send
        try:
            if self.needs_open:
                self.backend.open()
                self.needs_open = False
            if self.backend.send_messages([message]) == 0:
                raise smtplib.SMTPException("Die E-Mail wurde nicht angenommen.")
        except (smtplib.SMTPException, OSError) as error:
            SubscriberToken.objects.filter(token_hash__in=message.token_hashes).delete()
            code = smtp_code(error)
            if code is None:
                # Connection-level trouble: start over with a fresh connection.
                self.connection_failures += 1
                self.close_backend()
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
            "lease_until": None,
        }
        if status != Delivery.Status.SENT:
            changes["handed_at"] = None
        if attempted:
            changes["attempts"] = F("attempts") + 1
        if status == Delivery.Status.SENT:
            changes["sent_at"] = timezone.now()
        # Only the claimant writes the outcome.
        Delivery.objects.filter(
            pk=delivery.pk,
            status=Delivery.Status.SENDING,
            claim_token=delivery.claim_token,
        ).update(**changes)


def send_batch(send_id):
    """Send one claimed batch; returns the earliest retry time or None."""
    send = PostSend.objects.select_related("page").filter(pk=send_id).first()
    if send is None or send.status == PostSend.Status.DONE:
        return None
    deliveries = claim_batch(send_id, settings.NEWSLETTER_BATCH_SIZE)
    if deliveries:
        batch = Batch(send, deliveries)
        try:
            batch.run()
        except Exception:
            # Give the claim back at once (the task is retried) instead of
            # waiting for its lease; a delivery already handed over stays "unklar".
            release_claim(deliveries[0].claim_token)
            raise
        retry_at = min(batch.retry_at) if batch.retry_at else None
    else:
        retry_at = None
    finish_if_complete(send_id)
    return retry_at


def release_claim(token):
    claimed = Delivery.objects.filter(status=Delivery.Status.SENDING, claim_token=token)
    claimed.filter(handed_at__isnull=False).update(
        status=Delivery.Status.UNCERTAIN,
        claim_token="",
        lease_until=None,
        last_error=_UNCERTAIN_NOTE,
    )
    claimed.filter(handed_at__isnull=True).update(
        status=Delivery.Status.PENDING, claim_token="", lease_until=None
    )


def expired_claims(send_id=None, now=None):
    """Claimed deliveries whose lease ran out: their worker is gone."""
    rows = Delivery.objects.filter(
        status=Delivery.Status.SENDING, lease_until__lt=now or timezone.now()
    )
    return rows.filter(send_id=send_id) if send_id else rows


def release_expired(send_id=None, now=None):
    """Untouched deliveries of dead claims back to pending; the one in flight
    (handed to SMTP, no outcome) to "unklar". Returns the ids of the sends
    that have work again."""
    now = now or timezone.now()
    expired = expired_claims(send_id, now)
    sends = set(expired.values_list("send_id", flat=True).distinct())
    expired.filter(handed_at__isnull=False).update(
        status=Delivery.Status.UNCERTAIN,
        claim_token="",
        lease_until=None,
        last_error=_UNCERTAIN_NOTE,
    )
    expired.filter(handed_at__isnull=True).update(
        status=Delivery.Status.PENDING, claim_token="", lease_until=None
    )
    return sends


_UNCERTAIN_NOTE = (
    "Unklar: Der Versandprozess brach ab, während diese E-Mail an den "
    "Mailserver übergeben wurde."
)


def busy_sends():
    """Ids of sends with a task queued or running."""
    from django_tasks_db.models import DBTaskResult

    open_tasks = DBTaskResult.objects.filter(
        status__in=["READY", "RUNNING"],
        task_path__in=[TASK_PATHS["start"], TASK_PATHS["batch"]],
    ).values_list("args_kwargs", flat=True)
    return {row["args"][0] for row in open_tasks if row.get("args")}


def unfinished_sends(now=None):
    """Sends not done whose work is not queued or running anywhere."""
    now = now or timezone.now()
    return set(
        PostSend.objects.exclude(status=PostSend.Status.DONE)
        .filter(created_at__lt=now - lease())
        .exclude(pk__in=busy_sends())
        .values_list("pk", flat=True)
    )


TASK_PATHS = {
    "start": "newsletter.tasks.start_send",
    "batch": "newsletter.tasks.deliver_batch",
}


def reap_expired_leases(now=None):
    """The workers' reaper (settings.WORKER_REAPERS): release dead claims and
    restart every unfinished send that nothing works on. Safe to repeat: the
    fan-out is idempotent and batches only send what they claimed."""
    from .tasks import start_send

    now = now or timezone.now()
    released = release_expired(now=now)
    for send_id in released:
        finish_if_complete(send_id)
    # Released rows are taken by the send's queued batches; a send with no
    # task left (or none ever queued: killed during the setup) starts again.
    restarted = unfinished_sends(now)
    for send_id in restarted:
        if not finish_if_complete(send_id):
            start_send.enqueue(send_id)
    return len(released | restarted)


def decide_uncertain(send_id, delivery_ids, sent):
    """The admin's decision on "unklar" deliveries: they did arrive (sent), or
    send them again (pending, the send resumes). Returns the number changed."""
    rows = Delivery.objects.filter(
        send_id=send_id, pk__in=delivery_ids, status=Delivery.Status.UNCERTAIN
    )
    if sent:
        return rows.update(
            status=Delivery.Status.SENT,
            last_error="Als gesendet bestätigt (Zustellung war unklar).",
        )
    changed = rows.update(
        status=Delivery.Status.PENDING,
        handed_at=None,
        next_attempt_at=None,
        last_error="Erneut senden (Zustellung war unklar).",
    )
    if changed:
        PostSend.objects.filter(pk=send_id).update(
            status=PostSend.Status.SENDING, finished_at=None
        )
    return changed


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
