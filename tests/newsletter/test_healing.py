"""A send heals after a worker died: leases, the one uncertain delivery, the
admin's decision, a resumed fan-out, and every Django email backend."""

from datetime import timedelta

import pytest
import time_machine

from django.core import mail
from django.utils import timezone

from newsletter import sending
from newsletter.models import Delivery, PostSend
from newsletter.tasks import start_send
from subscriptions.models import Subscriber

from .conftest import newsletter_post, recipients, subscribers

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CONFIRMED = ["anna@example.org", "ben@example.org", "cem@example.org"]


@pytest.fixture
def audience(site_tree):
    subscribers("wartet@example.org", status=Subscriber.Status.PENDING)
    return subscribers(*CONFIRMED)


@pytest.fixture
def post(blog):
    return newsletter_post(blog, title="Zuhören als Führung", teaser="Warum es wirkt.")


def die_mid_batch(send):
    """A worker claims two deliveries, hands the first to SMTP and dies."""
    claimed = sending.claim_batch(send.pk, 2)
    batch = sending.Batch(send, claimed)
    assert batch.hand_over(claimed[0])
    return claimed


def test_a_dead_batch_resumes_with_one_uncertain_delivery(
    client, editor, smtp_server, audience, post, settings
):
    send = PostSend.objects.create(page=post, subject="x")
    sending.fan_out(send.pk)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        in_flight, _ = die_mid_batch(send)
    # Within the lease nothing is taken from the (maybe slow) worker.
    lease = timedelta(seconds=settings.NEWSLETTER_LEASE_SECONDS)
    with time_machine.travel(start + lease / 2, tick=False):
        assert sending.reap_expired_leases() == 0
    assert smtp_server.inbox.envelopes == []

    with time_machine.travel(start + lease + timedelta(seconds=1), tick=False):
        sending.reap_expired_leases()
    in_flight.refresh_from_db()
    assert in_flight.status == Delivery.Status.UNCERTAIN
    # The untouched one and the rest were sent, the one in flight was not.
    assert recipients(smtp_server.inbox) == sorted(
        e for e in CONFIRMED if e != in_flight.subscriber.email
    )
    send.refresh_from_db()
    assert send.status == PostSend.Status.DONE
    assert send.counts()["uncertain"] == 1

    client.force_login(editor)
    page = client.get(f"/admin/newsletter/{post.pk}/").content.decode()
    assert "Unklare Zustellungen (1)" in page
    assert in_flight.subscriber.email in page
    response = client.post(
        f"/admin/newsletter/{post.pk}/versand/{send.pk}/unklar/",
        {"delivery": in_flight.pk, "decision": "resend"},
    )
    assert response.status_code == 302
    assert recipients(smtp_server.inbox) == CONFIRMED
    send.refresh_from_db()
    assert send.status == PostSend.Status.DONE
    assert send.counts()["sent"] == 3


def test_uncertain_delivery_marked_as_sent_gets_no_second_mail(
    client, editor, smtp_server, audience, post, settings
):
    send = PostSend.objects.create(page=post, subject="x")
    sending.fan_out(send.pk)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        in_flight, _ = die_mid_batch(send)
    later = start + timedelta(seconds=settings.NEWSLETTER_LEASE_SECONDS + 1)
    with time_machine.travel(later, tick=False):
        sending.reap_expired_leases()
    client.force_login(editor)
    client.post(
        f"/admin/newsletter/{post.pk}/versand/{send.pk}/unklar/",
        {"decision": "sent"},
    )
    in_flight.refresh_from_db()
    assert in_flight.status == Delivery.Status.SENT
    assert len(smtp_server.inbox.envelopes) == 2
    assert in_flight.subscriber.email not in recipients(smtp_server.inbox)


def test_a_fan_out_interrupted_before_the_batches_is_resumed(
    smtp_server, audience, post, settings
):
    """Killed after the delivery rows exist, before any batch was queued."""
    send = PostSend.objects.create(page=post, subject="x")
    sending.fan_out(send.pk)
    send.refresh_from_db()
    assert send.status == PostSend.Status.SENDING
    # A subscriber confirmed meanwhile is not added by the resumed fan-out.
    Subscriber.objects.filter(email="wartet@example.org").update(
        status=Subscriber.Status.CONFIRMED
    )
    later = timezone.now() + timedelta(seconds=settings.NEWSLETTER_LEASE_SECONDS + 1)
    with time_machine.travel(later, tick=False):
        assert sending.reap_expired_leases() == 1
    send.refresh_from_db()
    assert send.status == PostSend.Status.DONE
    assert recipients(smtp_server.inbox) == CONFIRMED


def test_status_page_says_what_waits_and_what_stalls(
    client, editor, smtp_server, audience, post, settings
):
    send = PostSend.objects.create(page=post, subject="x")
    sending.fan_out(send.pk)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        die_mid_batch(send)
        retry_at = start + timedelta(minutes=4)
        Delivery.objects.filter(status=Delivery.Status.PENDING).update(
            next_attempt_at=retry_at
        )
    client.force_login(editor)
    url = f"/admin/newsletter/{post.pk}/"
    with time_machine.travel(start + timedelta(seconds=5), tick=False):
        page = client.get(url).content.decode()
        assert "2 E-Mails werden gerade von einem Worker gesendet" in page
        assert "1 Zustellungen warten auf einen neuen Versuch" in page
    later = start + timedelta(seconds=settings.NEWSLETTER_LEASE_SECONDS + 1)
    with time_machine.travel(later, tick=False):
        page = client.get(url).content.decode()
        assert "2 Zustellungen stocken seit" in page
        assert "Versand jetzt fortsetzen" in page
        client.post(f"/admin/newsletter/{post.pk}/fortsetzen/")
    assert Delivery.objects.filter(status=Delivery.Status.UNCERTAIN).count() == 1


@pytest.mark.parametrize(
    "backend",
    [
        "django.core.mail.backends.console.EmailBackend",
        "django.core.mail.backends.locmem.EmailBackend",
        "django.core.mail.backends.filebased.EmailBackend",
    ],
)
def test_a_send_finishes_with_every_django_email_backend(
    backend, audience, post, settings, tmp_path, capsys
):
    settings.EMAIL_BACKEND = backend
    settings.EMAIL_FILE_PATH = tmp_path / "mail"
    send = PostSend.objects.create(page=post, subject="Neu im Blog")
    start_send.enqueue(send.pk)
    send.refresh_from_db()
    assert send.status == PostSend.Status.DONE
    assert send.counts()["sent"] == 3
    if backend.endswith("locmem.EmailBackend"):
        assert sorted(m.to[0] for m in mail.outbox) == CONFIRMED
    elif backend.endswith("filebased.EmailBackend"):
        text = "".join(p.read_text() for p in (tmp_path / "mail").iterdir())
        assert all(f"To: {address}" in text for address in CONFIRMED)
    else:
        out = capsys.readouterr().out
        assert all(f"To: {address}" in out for address in CONFIRMED)


def test_a_batch_that_raises_gives_its_claim_back_and_is_retried(
    smtp_server, audience, post, monkeypatch
):
    send = PostSend.objects.create(page=post, subject="x")
    sending.fan_out(send.pk)
    calls = []

    def broken_context(page, subject):
        calls.append(page.pk)
        if len(calls) == 1:
            raise RuntimeError("Vorlage kaputt")
        return real_context(page, subject)

    real_context = sending.post_context
    monkeypatch.setattr(sending, "post_context", broken_context)
    with pytest.raises(RuntimeError):
        sending.send_batch(send.pk)
    # Nothing was handed over: every delivery is pending again, none uncertain.
    assert send.counts()["pending"] == 3
    sending.send_batch(send.pk)
    assert recipients(smtp_server.inbox) == CONFIRMED


def test_status_page_says_when_no_newsletter_worker_runs(
    client, editor, audience, post, settings
):
    from core.models import WorkerHeartbeat

    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks_db.DatabaseBackend",
            "QUEUES": settings.TASK_QUEUES,
        }
    }
    PostSend.objects.create(page=post, subject="x")
    client.force_login(editor)
    url = f"/admin/newsletter/{post.pk}/"
    assert "Kein Worker für die Newsletter-Warteschlange" in client.get(url).text
    now = timezone.now()
    WorkerHeartbeat.objects.create(
        worker_id="w1", queues="mail", host="h", pid=1, started_at=now, seen_at=now
    )
    assert "Kein Worker für die Newsletter-Warteschlange" in client.get(url).text
    WorkerHeartbeat.objects.create(
        worker_id="w2",
        queues="newsletter",
        host="h",
        pid=2,
        started_at=now,
        seen_at=now,
    )
    assert "Kein Worker für die Newsletter-Warteschlange" not in client.get(url).text


def test_a_slow_live_batch_keeps_its_whole_claim(smtp_server, audience, post, settings):
    send = PostSend.objects.create(page=post, subject="x")
    sending.fan_out(send.pk)
    lease = timedelta(seconds=settings.NEWSLETTER_LEASE_SECONDS)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        claimed = sending.claim_batch(send.pk, 3)
        batch = sending.Batch(send, claimed)
        assert batch.hand_over(claimed[0])
    with time_machine.travel(start + lease * 0.9, tick=False):
        assert batch.hand_over(claimed[1])
    # Past the first lease, but the worker renewed it for every claimed row.
    with time_machine.travel(start + lease * 1.5, tick=False):
        sending.release_expired(send.pk)
    assert send.deliveries.filter(status=Delivery.Status.SENDING).count() == 3
    with time_machine.travel(start + lease * 1.5, tick=False):
        assert batch.hand_over(claimed[2])
