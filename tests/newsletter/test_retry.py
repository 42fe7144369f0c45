"""Failures for single recipients on the durable queue with the real db_worker:
4xx is retried with backoff, 5xx fails at once, nobody else waits."""

from datetime import timedelta

import pytest
import time_machine
from django_tasks_db.models import DBTaskResult

from django.utils import timezone

from newsletter.models import Delivery, PostSend
from newsletter.sending import retry_delay
from newsletter.services import create_send

from .conftest import FlakyInbox, newsletter_post, recipients, run_worker, subscribers

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def batch_tasks():
    return DBTaskResult.objects.filter(task_path="newsletter.tasks.deliver_batch")


def test_one_failing_recipient_is_retried_and_does_not_stop_the_others(
    client, editor, smtp, blog, db_queue, settings
):
    settings.NEWSLETTER_BATCH_SIZE = 2  # several batches, each on its own connection
    subscribers(
        "anna@example.org",
        "spaeter@example.org",
        "ben@example.org",
        "gibtsnicht@example.org",
        "cem@example.org",
    )
    smtp.inbox = FlakyInbox(
        transient=["spaeter@example.org"], permanent=["gibtsnicht@example.org"]
    )
    smtp.start()
    post = newsletter_post(blog, title="Neu im Blog")
    start = timezone.now()

    with time_machine.travel(start, tick=False):
        client.force_login(editor)
        response = client.post(f"/admin/newsletter/{post.pk}/senden/")
        # The request only queued the work.
        assert response.status_code == 302
        assert smtp.inbox.envelopes == []
        assert PostSend.objects.get().status == PostSend.Status.QUEUED
        run_worker()

    assert recipients(smtp.inbox) == [
        "anna@example.org",
        "ben@example.org",
        "cem@example.org",
    ]
    later = Delivery.objects.get(subscriber__email="spaeter@example.org")
    assert later.status == Delivery.Status.PENDING
    assert later.attempts == 1
    assert "451" in later.last_error
    gone = Delivery.objects.get(subscriber__email="gibtsnicht@example.org")
    assert gone.status == Delivery.Status.FAILED
    assert gone.attempts == 1
    assert "550" in gone.last_error
    send = PostSend.objects.get()
    assert send.status == PostSend.Status.SENDING
    retry = batch_tasks().filter(status="READY").get()
    assert retry.run_after == later.next_attempt_at
    assert later.next_attempt_at - start == retry_delay(1)

    # Not due yet: nothing happens.
    with time_machine.travel(start + timedelta(seconds=30), tick=False):
        run_worker()
    assert len(smtp.inbox.envelopes) == 3

    with time_machine.travel(retry.run_after + timedelta(seconds=1), tick=False):
        run_worker()
    assert recipients(smtp.inbox) == [
        "anna@example.org",
        "ben@example.org",
        "cem@example.org",
        "spaeter@example.org",
    ]
    later.refresh_from_db()
    assert later.status == Delivery.Status.SENT
    assert later.attempts == 2
    gone.refresh_from_db()
    assert gone.attempts == 1  # permanent: never tried again
    send.refresh_from_db()
    assert send.status == PostSend.Status.DONE
    assert send.counts() == {
        "pending": 0,
        "sending": 0,
        "sent": 4,
        "failed": 1,
        "skipped": 0,
        "uncertain": 0,
        "queued": 0,
    }

    # The editor sees the failed address and its error.
    page = client.get(f"/admin/newsletter/{post.pk}/")
    assert "gibtsnicht@example.org" in page.text
    assert "550" in page.text
    assert 'data-count="failed">1<' in page.text


def test_transient_failures_give_up_after_the_last_attempt(
    smtp, blog, db_queue, settings
):
    settings.NEWSLETTER_MAX_ATTEMPTS = 2
    subscribers("anna@example.org", "zaeh@example.org")
    smtp.inbox = FlakyInbox(transient=["zaeh@example.org"], times=10)
    smtp.start()
    post = newsletter_post(blog)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        create_send(post)
        run_worker()
    with time_machine.travel(start + retry_delay(1) + timedelta(seconds=5), tick=False):
        run_worker()
    delivery = Delivery.objects.get(subscriber__email="zaeh@example.org")
    assert delivery.status == Delivery.Status.FAILED
    assert delivery.attempts == 2
    assert not batch_tasks().filter(status="READY").exists()
    assert PostSend.objects.get().status == PostSend.Status.DONE
    assert recipients(smtp.inbox) == ["anna@example.org"]
