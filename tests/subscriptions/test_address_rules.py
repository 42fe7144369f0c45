"""Sign-up refuses addresses no mail can reach: localhost, IP literals, broken IDN."""

import pytest

from django.core import mail

from subscriptions.models import Subscriber

from .conftest import sign_up

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("email", "words"),
    [
        ("leser@localhost", "localhost"),
        ("leser@LOCALHOST.", "localhost"),
        ("leser@mail.localhost", "localhost"),
        ("leser@intranet", "Domain-Endung"),
        ("leser@[192.0.2.1]", "IP-Adresse"),
        ("leser@[IPv6:2001:db8::1]", "IP-Adresse"),
        ("leser@192.0.2.1", "IP-Adresse"),
        ("leser@xn--abc.example", "Domainname dieser Adresse ist ungültig"),
        ("leser@xn--.example", "Domainname dieser Adresse ist ungültig"),
        ("leser@xn--zz-zzz.example", "Domainname dieser Adresse ist ungültig"),
        ("leser@exa_mple.org", "Domainname dieser Adresse ist ungültig"),
    ],
)
def test_unreachable_addresses_are_refused_with_a_german_reason(client, email, words):
    response = sign_up(client, json=True, email=email)
    assert response.status_code == 400
    [message] = response.json()["errors"]["email"]
    assert words in message
    page = sign_up(client, email=email)
    assert page.status_code == 400
    assert words in page.content.decode()
    assert not Subscriber.objects.exists()
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("email", "stored"),
    [
        ("leser@bücher.example", "leser@xn--bcher-kva.example"),
        ("leser@xn--bcher-kva.example", "leser@xn--bcher-kva.example"),
        # IDNA 2008: a Greek final sigma stays what it is.
        ("leser@xn--nxasmm1c.example", "leser@xn--nxasmm1c.example"),
        ("leser@sub.example.org", "leser@sub.example.org"),
    ],
)
def test_real_international_domains_still_pass(client, email, stored):
    assert sign_up(client, email=email).status_code == 303
    assert Subscriber.objects.get().email == stored
