"""SMTP down: the sign-up is kept, the email task retries with backoff and is
delivered once the server is back. Runs on the durable django-tasks-db queue
with the real `db_worker` command, as in production."""

from datetime import timedelta

import pytest
import time_machine
from django_tasks_db.models import DBTaskResult

from django.core.management import call_command
from django.utils import timezone

from subscriptions.models import Subscriber, SubscriberToken
from subscriptions.tasks import retry_delay, send_confirmation_email

from .conftest import links, sign_up

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def db_queue(settings):
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks_db.DatabaseBackend",
            "QUEUES": settings.TASK_QUEUES,
        }
    }


def mail_tasks():
    return DBTaskResult.objects.filter(
        task_path="subscriptions.tasks.send_confirmation_email"
    )


def run_worker():
    call_command(
        "run_worker",
        "--queue-name=*",
        "--batch",
        "--no-startup-delay",
        "--no-reload",
        verbosity=0,
    )


def test_smtp_down_retries_with_backoff_and_delivers_later(
    client, smtp, site_tree, db_queue
):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        response = sign_up(client)
    # The reader gets the usual answer and the row exists before any email is tried.
    assert response.status_code == 303
    subscriber = Subscriber.objects.get()
    assert subscriber.email_attempts == 0
    assert mail_tasks().count() == 1

    # First attempt: nothing listens on the SMTP port.
    with time_machine.travel(start + timedelta(seconds=1), tick=False):
        run_worker()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING
    assert subscriber.email_attempts == 1
    assert "ConnectionRefusedError" in subscriber.last_email_error
    assert subscriber.last_email_sent_at is None
    # Tokens of the undelivered email are withdrawn.
    assert not SubscriberToken.objects.exists()
    retry = mail_tasks().ready().first()
    assert retry is None  # not yet due
    queued = mail_tasks().filter(status="READY").get()
    assert queued.args_kwargs == {"args": [subscriber.pk], "kwargs": {"attempt": 2}}
    assert queued.run_after == start + timedelta(seconds=1) + retry_delay(1)

    # Second attempt after the backoff: still down, next delay is longer.
    with time_machine.travel(queued.run_after + timedelta(seconds=1), tick=False):
        run_worker()
    subscriber.refresh_from_db()
    assert subscriber.email_attempts == 2
    queued = mail_tasks().filter(status="READY").get()
    assert queued.args_kwargs["kwargs"] == {"attempt": 3}
    assert retry_delay(2) == timedelta(minutes=4)

    # The server is back: the third attempt delivers.
    smtp.start()
    with time_machine.travel(queued.run_after + timedelta(seconds=1), tick=False):
        run_worker()
    subscriber.refresh_from_db()
    assert subscriber.email_attempts == 3
    assert subscriber.last_email_error == ""
    assert subscriber.last_email_sent_at is not None
    assert not mail_tasks().filter(status="READY").exists()
    assert len(smtp.inbox.envelopes) == 1
    confirm_path, _ = links(smtp.inbox.messages[0])
    assert client.post(confirm_path).status_code == 303
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED


def test_retries_stop_after_the_last_attempt(smtp, site_tree, db_queue, settings):
    settings.SUBSCRIBE_EMAIL_MAX_ATTEMPTS = 2
    subscriber = Subscriber.objects.create(email="leser@example.org")
    send_confirmation_email.enqueue(subscriber.pk)
    run_worker()
    later = timezone.now() + retry_delay(1) + timedelta(seconds=5)
    with time_machine.travel(later, tick=False):
        run_worker()
    assert mail_tasks().filter(status="FAILED").count() == 1
    assert not mail_tasks().filter(status="READY").exists()
    subscriber.refresh_from_db()
    assert subscriber.email_attempts == 2
    assert subscriber.status == Subscriber.Status.PENDING  # kept; an editor can resend


def test_immediate_backend_keeps_the_sign_up_when_smtp_is_down(client, smtp, site_tree):
    response = sign_up(client)
    assert response.status_code == 303
    subscriber = Subscriber.objects.get()
    assert subscriber.email_attempts == 1
    assert subscriber.last_email_error
    # Once the server is back, the task succeeds.
    smtp.start()
    send_confirmation_email.enqueue(subscriber.pk)
    subscriber.refresh_from_db()
    assert subscriber.last_email_error == ""
    assert len(smtp.inbox.envelopes) == 1


def test_nothing_is_sent_to_confirmed_or_deleted_subscribers(smtp_server, site_tree):
    confirmed = Subscriber.objects.create(
        email="dabei@example.org", status=Subscriber.Status.CONFIRMED
    )
    assert send_confirmation_email.call(confirmed.pk) == "skipped"
    assert send_confirmation_email.call(123456) == "skipped"
    assert smtp_server.inbox.envelopes == []


def test_a_sign_up_whose_confirmation_was_never_queued_gets_it(
    db_queue, smtp_server, settings
):
    from subscriptions.tasks import reap_unsent_confirmations

    # The row was stored, then the database went away before the task was queued.
    subscriber = Subscriber.objects.create(email="verloren@example.org")
    assert reap_unsent_confirmations() == 0  # too young: the normal path may still run
    later = timezone.now() + timedelta(seconds=settings.TASK_LEASE_SECONDS + 1)
    with time_machine.travel(later, tick=False):
        assert reap_unsent_confirmations() == 1
        assert reap_unsent_confirmations() == 0  # its task is waiting now
    run_worker()
    assert [m["To"] for m in smtp_server.inbox.messages] == ["verloren@example.org"]
    subscriber.refresh_from_db()
    assert subscriber.last_email_sent_at is not None
    with time_machine.travel(later + timedelta(minutes=5), tick=False):
        assert reap_unsent_confirmations() == 0
