"""Recording activities and delivering them, independent of the task queue.

One Delivery per (activity, inbox), unique in the database: a repeated
fan-out, a second editor or a retried task cannot create a second one. A
worker sends only a row it claimed (pending -> sending by a conditional
UPDATE that two workers cannot both win) and writes the outcome after the
request; a claim without outcome (the worker died) is never sent again.
"""

import logging
import uuid
from datetime import timedelta

import requests

from django.conf import settings
from django.db.models import F, Q
from django.utils import timezone

from core.retry import backoff

from . import documents
from .models import Delivery, Follower, OutgoingActivity
from .remote import FetchError, post_activity

logger = logging.getLogger(__name__)

PAGE_KINDS = [OutgoingActivity.Kind.CREATE, OutgoingActivity.Kind.UPDATE]
FOLLOW_KINDS = [OutgoingActivity.Kind.ACCEPT, OutgoingActivity.Kind.REJECT]


def retry_delay(attempt):
    """1, 4, 16, 64, 256 minutes with the default base of 60 s."""
    return backoff(attempt, settings.FEDIVERSE_RETRY_BASE_SECONDS)


def describe(error):
    return f"{timezone.now():%Y-%m-%d %H:%M} {error}"[:300]


def last_page_activity(page):
    return (
        OutgoingActivity.objects.filter(page=page)
        .exclude(kind__in=FOLLOW_KINDS)
        .order_by("-created_at", "-pk")
        .first()
    )


def record(kind, obj, page=None, object_id="", to=None, cc=None):
    key = uuid.uuid4()
    to = to or [documents.AS_PUBLIC]
    payload = documents.activity(key, kind, obj, to=to, cc=cc, published=timezone.now())
    return OutgoingActivity.objects.create(
        uuid=key, kind=kind, page=page, object_id=object_id, payload=payload
    )


def record_page_published(page):
    """Create for a page the followers have not seen (or saw withdrawn),
    Update for one they have."""
    previous = last_page_activity(page)
    kind = (
        OutgoingActivity.Kind.UPDATE
        if previous and previous.kind in PAGE_KINDS
        else OutgoingActivity.Kind.CREATE
    )
    updated = timezone.now() if kind == OutgoingActivity.Kind.UPDATE else None
    return record(
        kind,
        documents.article(page, updated=updated),
        page=page,
        object_id=documents.page_object_id(page),
        cc=[documents.url("followers")],
    )


def record_page_unpublished(page):
    previous = last_page_activity(page)
    if not previous or previous.kind not in PAGE_KINDS:
        return None
    object_id = documents.page_object_id(page)
    return record(
        OutgoingActivity.Kind.DELETE,
        documents.tombstone(object_id),
        page=page,
        object_id=object_id,
        cc=[documents.url("followers")],
    )


def record_accept(follow, follower):
    return record(
        OutgoingActivity.Kind.ACCEPT,
        follow,
        object_id=follow.get("id", ""),
        to=[follower.actor_url],
    )


def remove_follower(follower):
    """Remove a follower by the editor's decision and tell their server
    (a Reject of their Follow), so their account stops showing the blog as
    followed. Returns the delivery to enqueue."""
    follow = {
        "id": follower.follow_activity_id or None,
        "type": "Follow",
        "actor": follower.actor_url,
        "object": documents.actor_id(),
    }
    activity = record(
        OutgoingActivity.Kind.REJECT,
        {key: value for key, value in follow.items() if value},
        object_id=follower.follow_activity_id,
        to=[follower.actor_url],
    )
    delivery = Delivery.objects.create(activity=activity, inbox_url=follower.inbox_url)
    follower.delete()
    return delivery


def inboxes_for(activity):
    if activity.kind == OutgoingActivity.Kind.REJECT:
        return []  # its one delivery was created with it
    if activity.kind == OutgoingActivity.Kind.ACCEPT:
        actor = activity.payload["to"][0]
        return list(
            Follower.objects.filter(actor_url=actor).values_list("inbox_url", flat=True)
        )
    # One request per server that has a shared inbox, else per follower.
    shared = Follower.objects.exclude(shared_inbox_url="").values_list(
        "shared_inbox_url", flat=True
    )
    own = Follower.objects.filter(shared_inbox_url="").values_list(
        "inbox_url", flat=True
    )
    return sorted(set(shared) | set(own))


def fan_out(activity_pk):
    """Create the pending deliveries of an activity; safe to repeat.
    Returns the ids of the pending ones."""
    activity = OutgoingActivity.objects.get(pk=activity_pk)
    Delivery.objects.bulk_create(
        (
            Delivery(activity=activity, inbox_url=inbox)
            for inbox in inboxes_for(activity)
        ),
        batch_size=500,
        ignore_conflicts=True,
    )
    return list(
        Delivery.objects.filter(
            activity=activity, status=Delivery.Status.PENDING
        ).values_list("pk", flat=True)
    )


def claim(delivery_pk):
    """The delivery, if this worker won it; else None."""
    now = timezone.now()
    due = Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    won = Delivery.objects.filter(
        due, pk=delivery_pk, status=Delivery.Status.PENDING
    ).update(status=Delivery.Status.SENDING, claimed_at=now)
    if not won:
        return None
    return Delivery.objects.select_related("activity").get(pk=delivery_pk)


def finish(delivery, status, error="", failed_attempt=False, next_attempt_at=None):
    changes = {
        "status": status,
        "last_error": error,
        "next_attempt_at": next_attempt_at,
    }
    if failed_attempt:
        changes["attempts"] = F("attempts") + 1
    if status == Delivery.Status.SENT:
        changes["sent_at"] = timezone.now()
    Delivery.objects.filter(pk=delivery.pk, status=Delivery.Status.SENDING).update(
        **changes
    )


def transient(delivery, text):
    attempts = delivery.attempts + 1
    if attempts >= settings.FEDIVERSE_MAX_ATTEMPTS:
        finish(
            delivery,
            Delivery.Status.FAILED,
            error=describe(f"Aufgegeben nach {attempts} Versuchen: {text}"),
            failed_attempt=True,
        )
        return None
    retry_at = timezone.now() + retry_delay(attempts)
    finish(
        delivery,
        Delivery.Status.PENDING,
        error=describe(text),
        failed_attempt=True,
        next_attempt_at=retry_at,
    )
    return retry_at


def deliver(delivery_pk):
    """Send one delivery if it can be claimed; returns the retry time or None."""
    delivery = claim(delivery_pk)
    if delivery is None:
        return None
    try:
        status, text = post_activity(delivery.inbox_url, delivery.activity.payload)
    except (requests.RequestException, FetchError) as error:
        return transient(delivery, f"{type(error).__name__}: {error}")
    if 200 <= status < 300:
        finish(delivery, Delivery.Status.SENT)
        return None
    if status in {408, 429} or status >= 500:
        return transient(delivery, f"HTTP {status}")
    # The inbox refused the activity itself (401, 403, 404, 410 …): no retry.
    finish(
        delivery,
        Delivery.Status.FAILED,
        error=describe(f"Abgelehnt: HTTP {status} {text}".strip()),
        failed_attempt=True,
    )
    return None


def close_stale_claims():
    """Claims whose worker has not reported for a long time (killed mid-request):
    whether the inbox got the activity is unknown, so it is not sent again."""
    cutoff = timezone.now() - timedelta(minutes=settings.FEDIVERSE_STALE_CLAIM_MINUTES)
    return Delivery.objects.filter(
        status=Delivery.Status.SENDING, claimed_at__lt=cutoff
    ).update(
        status=Delivery.Status.FAILED,
        last_error="Zustellung ungewiss: Der Versandprozess wurde abgebrochen.",
    )
