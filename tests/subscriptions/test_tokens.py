"""Expired, tampered and reused links."""

from datetime import timedelta

import pytest
import time_machine

from django.core import mail
from django.utils import timezone

from core.tokens import hash_token
from subscriptions.models import Subscriber, SubscriberToken

from .conftest import LINK, one_click_unsubscribe, sign_up

pytestmark = pytest.mark.django_db


def mailed_links(message):
    found = LINK.findall(message.body)
    confirm = next(p for p in found if p.startswith("/abo/bestaetigen/"))
    unsubscribe = next(p for p in found if p.startswith("/abo/abmelden/"))
    return confirm, unsubscribe


def test_tokens_are_random_and_stored_only_hashed(client):
    sign_up(client)
    confirm, unsubscribe = mailed_links(mail.outbox[0])
    raw_confirm = confirm.rstrip("/").rsplit("/", 1)[-1]
    raw_unsubscribe = unsubscribe.rstrip("/").rsplit("/", 1)[-1]
    assert len(raw_confirm) >= 43 and raw_confirm != raw_unsubscribe
    stored = set(SubscriberToken.objects.values_list("token_hash", flat=True))
    assert stored == {hash_token(raw_confirm), hash_token(raw_unsubscribe)}
    assert raw_confirm not in stored


def test_expired_link_explains_itself_and_offers_a_new_one(client):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        sign_up(client)
    confirm, _ = mailed_links(mail.outbox[0])
    with time_machine.travel(start + timedelta(hours=47, minutes=59), tick=False):
        assert client.get(confirm).status_code == 200
    with time_machine.travel(start + timedelta(hours=48, minutes=1), tick=False):
        page = client.get(confirm)
        assert page.status_code == 410
        assert "abgelaufen" in page.content.decode()
        assert "Neuen Bestätigungslink senden" in page.content.decode()
        # Posting the expired link does not confirm.
        assert client.post(confirm).status_code == 410
        assert Subscriber.objects.get().status == Subscriber.Status.PENDING
        # The button sends a fresh link that works.
        response = client.post(f"{confirm}neuer-link/")
        assert response.status_code == 200
        assert len(mail.outbox) == 2
        fresh, _ = mailed_links(mail.outbox[1])
        assert fresh != confirm
        assert client.post(fresh).status_code == 303
    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED


@pytest.mark.parametrize(
    "path",
    [
        "/abo/bestaetigen/{token}x/",
        "/abo/bestaetigen/{short}/",
        "/abo/bestaetigen/{long}/",
        "/abo/abmelden/{token}x/",
        "/abo/abmelden/{long}/",
        "/abo/bestaetigen/%00%ff/",
    ],
)
def test_tampered_links_are_rejected(client, path):
    sign_up(client)
    confirm, _ = mailed_links(mail.outbox[0])
    token = confirm.rstrip("/").rsplit("/", 1)[-1]
    url = path.format(token=token, short=token[:-1], long=token * 5)
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert one_click_unsubscribe(client, url).status_code == 404
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


def test_confirm_token_cannot_unsubscribe_and_vice_versa(client):
    sign_up(client)
    confirm, unsubscribe = mailed_links(mail.outbox[0])
    confirm_token = confirm.rstrip("/").rsplit("/", 1)[-1]
    unsubscribe_token = unsubscribe.rstrip("/").rsplit("/", 1)[-1]
    assert client.post(f"/abo/bestaetigen/{unsubscribe_token}/").status_code == 404
    assert (
        one_click_unsubscribe(client, f"/abo/abmelden/{confirm_token}/").status_code
        == 404
    )
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


def test_reused_confirm_link(client):
    sign_up(client)
    confirm, unsubscribe = mailed_links(mail.outbox[0])
    assert client.post(confirm).status_code == 303
    # Again: harmless, says so.
    again = client.post(confirm)
    assert again.status_code == 200
    assert "bereits bestätigt" in again.content.decode()
    # After unsubscribing, the old confirm link cannot bring the address back.
    one_click_unsubscribe(client, unsubscribe)
    assert client.post(confirm).status_code == 404
    assert Subscriber.objects.get().status == Subscriber.Status.UNSUBSCRIBED


def test_unsubscribing_a_pending_sign_up_voids_its_confirm_link(client):
    sign_up(client)
    confirm, unsubscribe = mailed_links(mail.outbox[0])
    one_click_unsubscribe(client, unsubscribe)
    assert client.post(confirm).status_code == 404
    assert Subscriber.objects.get().status == Subscriber.Status.UNSUBSCRIBED


def test_resubscribing_after_unsubscribe_needs_a_fresh_confirmation(client):
    sign_up(client)
    confirm, unsubscribe = mailed_links(mail.outbox[0])
    client.post(confirm)
    one_click_unsubscribe(client, unsubscribe)
    sign_up(client, first_name="Bea")
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.PENDING
    assert subscriber.confirmed_at is None
    assert subscriber.first_name == "Bea"
    assert len(mail.outbox) == 2
    fresh, _ = mailed_links(mail.outbox[1])
    assert client.post(fresh).status_code == 303
    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED


def test_unsubscribe_links_do_not_expire(client):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        sign_up(client)
    confirm, unsubscribe = mailed_links(mail.outbox[0])
    with time_machine.travel(start + timedelta(hours=1), tick=False):
        client.post(confirm)
    with time_machine.travel(start + timedelta(days=800), tick=False):
        response = one_click_unsubscribe(client, unsubscribe)
    assert response.status_code == 200
    assert Subscriber.objects.get().status == Subscriber.Status.UNSUBSCRIBED
