"""A post sent to subscribers over a real SMTP server on loopback."""

import threading

import pytest

from django.db import OperationalError, connection
from django.test import Client

from newsletter import sending
from newsletter.models import Delivery, PostSend
from newsletter.tasks import deliver_batch, start_send
from subscriptions.models import Subscriber, SubscriberToken

from .conftest import newsletter_post, recipients, subscribers, unsubscribe_path

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CONFIRMED = ["anna@example.org", "ben@example.org", "cem@example.org"]


@pytest.fixture
def audience(site_tree):
    confirmed = subscribers(*CONFIRMED)
    subscribers("wartet@example.org", status=Subscriber.Status.PENDING)
    subscribers("weg@example.org", status=Subscriber.Status.UNSUBSCRIBED)
    return confirmed


@pytest.fixture
def post(blog):
    return newsletter_post(blog, title="Zuhören als Führung", teaser="Warum es wirkt.")


def send_url(post):
    return f"/admin/newsletter/{post.pk}/senden/"


def test_send_reaches_exactly_the_confirmed_subscribers(
    client, editor, smtp_server, audience, post
):
    client.force_login(editor)
    # GET only shows the confirmation step.
    confirm = client.get(send_url(post))
    assert confirm.status_code == 200
    assert "3</strong> bestätigte Abonnenten" in confirm.text
    assert not PostSend.objects.exists()

    response = client.post(send_url(post))
    assert response.status_code == 302

    assert recipients(smtp_server.inbox) == CONFIRMED
    send = PostSend.objects.get()
    assert send.status == PostSend.Status.DONE
    assert send.finished_at is not None
    assert send.counts()["sent"] == 3
    assert send.created_by == editor

    # Each reader gets their own unsubscribe link, in the body and the RFC 8058 headers.
    paths = {}
    for message in smtp_server.inbox.messages:
        assert message["Subject"] == "Zuhören als Führung"
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        path = unsubscribe_path(message)
        assert message["List-Unsubscribe"].strip() == f"<http://testserver{path}>"
        paths[message["To"]] = path
    assert len(set(paths.values())) == 3
    response = Client().post(paths["ben@example.org"])
    assert response.status_code in (200, 303)
    assert Subscriber.objects.get(email="ben@example.org").status == "unsubscribed"
    assert Subscriber.objects.get(email="anna@example.org").status == "confirmed"

    # The status page shows the outcome.
    page = client.get(f"/admin/newsletter/{post.pk}/")
    assert 'data-count="sent">3<' in page.text
    assert "abgeschlossen" in page.text


def test_sending_twice_sends_nothing_new(client, editor, smtp_server, audience, post):
    client.force_login(editor)
    client.post(send_url(post))
    assert len(smtp_server.inbox.envelopes) == 3

    # A double click, a second editor, a retried task: nothing new.
    response = client.post(send_url(post), follow=True)
    assert "bereits gesendet" in response.text
    send = PostSend.objects.get()
    start_send.enqueue(send.pk)
    deliver_batch.enqueue(send.pk)
    assert len(smtp_server.inbox.envelopes) == 3
    assert PostSend.objects.count() == 1
    assert Delivery.objects.count() == 3


def test_concurrent_send_requests_produce_one_send(
    editor, smtp_server, audience, post, settings
):
    # Requests only record the task here, so they race on the send row alone.
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks.backends.dummy.DummyBackend",
            "QUEUES": settings.TASK_QUEUES,
        }
    }
    barrier = threading.Barrier(4)
    statuses = []

    clients = []
    for _ in range(4):
        clients.append(Client())
        clients[-1].force_login(editor)

    def request(client):
        barrier.wait(timeout=30)
        try:
            statuses.append(post_until_unlocked(client, send_url(post)).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=request, args=(c,)) for c in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert statuses == [302] * 4
    send = PostSend.objects.get()
    assert send.status == PostSend.Status.QUEUED
    start_send.call(send.pk)
    for _ in range(sending.math.ceil(3 / settings.NEWSLETTER_BATCH_SIZE)):
        deliver_batch.call(send.pk)
    assert recipients(smtp_server.inbox) == CONFIRMED


def post_until_unlocked(client, url):
    """The test database is SQLite in memory with a shared cache, where a
    concurrent writer fails with "table is locked" at once instead of waiting as
    PostgreSQL or a SQLite file do; the whole request is retried then (its
    writes were rolled back)."""
    for _ in range(200):
        try:
            return client.post(url)
        except OperationalError as error:
            if "locked" not in str(error):
                raise
    raise AssertionError("database stayed locked")


def test_two_workers_never_claim_the_same_delivery(
    smtp_server, audience, post, settings
):
    settings.NEWSLETTER_BATCH_SIZE = 2
    send = PostSend.objects.create(page=post, subject="x")
    sending.fan_out(send.pk)
    first = sending.claim_batch(send.pk, 2)
    second = sending.claim_batch(send.pk, 2)
    third = sending.claim_batch(send.pk, 2)
    assert len(first) == 2 and len(second) == 1 and third == []
    assert not {d.pk for d in first} & {d.pk for d in second}


def test_unsubscribing_during_a_send_stops_further_mail(smtp_server, audience, post):
    send = PostSend.objects.create(page=post, subject="x")
    sending.fan_out(send.pk)
    # Between fan-out and delivery, one reader leaves.
    Subscriber.objects.filter(email="cem@example.org").update(
        status=Subscriber.Status.UNSUBSCRIBED
    )
    sending.send_batch(send.pk)
    assert recipients(smtp_server.inbox) == CONFIRMED[:2]
    skipped = Delivery.objects.get(subscriber__email="cem@example.org")
    assert skipped.status == Delivery.Status.SKIPPED
    assert send.counts()["skipped"] == 1
    # No token was issued for the mail that was never sent.
    assert not SubscriberToken.objects.filter(subscriber=skipped.subscriber).exists()


def test_a_subscriber_confirmed_after_the_fan_out_is_not_added(
    smtp_server, audience, post
):
    send = PostSend.objects.create(page=post, subject="x")
    sending.fan_out(send.pk)
    Subscriber.objects.filter(email="wartet@example.org").update(
        status=Subscriber.Status.CONFIRMED
    )
    sending.send_batch(send.pk)
    assert recipients(smtp_server.inbox) == CONFIRMED


def test_smtp_down_on_the_immediate_backend_ends_failed_not_stuck(
    smtp, audience, post, settings
):
    settings.NEWSLETTER_MAX_ATTEMPTS = 2
    send = PostSend.objects.create(page=post, subject="x")
    start_send.enqueue(send.pk)
    send.refresh_from_db()
    assert send.status == PostSend.Status.DONE
    assert send.counts()["failed"] == 3
    delivery = Delivery.objects.first()
    assert delivery.attempts == 2
    assert "ConnectionRefusedError" in delivery.last_error
