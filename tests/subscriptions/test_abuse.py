"""Honeypot, rate limits, enumeration, cross-site posts, bad input, IDN, races."""

import threading

import pytest

from django.core import mail
from django.db import connection
from django.test import Client

from subscriptions.models import Subscriber

from .conftest import SAME_ORIGIN, sign_up

pytestmark = pytest.mark.django_db


def test_honeypot_pretends_success_and_stores_nothing(client):
    response = sign_up(client, website="http://spam.example")
    assert response.status_code == 303
    assert response["Location"] == "/abo/bitte-bestaetigen/"
    assert sign_up(client, json=True, website="x").json()["ok"] is True
    assert not Subscriber.objects.exists()
    assert mail.outbox == []


def test_rate_limit_per_ip(client, settings):
    settings.SUBSCRIBE_RATE_LIMIT_PER_IP = "3/h"
    for number in range(3):
        assert sign_up(client, email=f"leser{number}@example.org").status_code == 303
    response = sign_up(client, email="leser9@example.org")
    assert response.status_code == 429
    assert "Zu viele Versuche" in response.content.decode()
    assert sign_up(client, json=True, email="leser8@example.org").status_code == 429
    assert Subscriber.objects.count() == 3
    # Another reader (another address) is not affected.
    other = sign_up(client, email="leser9@example.org", REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 303


def test_typos_do_not_count_and_the_limit_still_shows_input_errors(client, settings):
    settings.SUBSCRIBE_RATE_LIMIT_PER_IP = "2/h"
    # Three typos in a row: each is answered with what is wrong, none is counted.
    for _attempt in range(3):
        response = sign_up(client, email="leser@example")
        assert response.status_code == 400
    assert sign_up(client, email="a@example.org").status_code == 303
    assert sign_up(client, email="b@example.org").status_code == 303
    # Over the limit: a typo still gets its input error, not "too many".
    typo = sign_up(client, email="c@example", consent="")
    assert typo.status_code == 400
    html = typo.content.decode()
    assert "Zu viele Versuche" not in html
    assert 'aria-invalid="true"' in html or "field__error" in html
    assert sign_up(client, json=True, email="c@example").json()["errors"]["email"]
    # A valid address over the limit: refused, and the form keeps what was typed.
    limited = sign_up(client, email="spaeter@example.org", first_name="Lena")
    assert limited.status_code == 429
    html = limited.content.decode()
    assert "Zu viele Versuche" in html
    assert 'value="spaeter@example.org"' in html and 'value="Lena"' in html
    assert Subscriber.objects.count() == 2


def test_the_re_shown_form_keeps_the_typed_address(client):
    response = sign_up(client, email="leser@example.org", consent="")
    assert response.status_code == 400
    assert 'value="leser@example.org"' in response.content.decode()


def test_rate_limit_per_address(client, settings):
    settings.SUBSCRIBE_RATE_LIMIT_PER_EMAIL = "2/h"
    for ip in ("192.0.2.1", "192.0.2.2"):
        assert sign_up(client, REMOTE_ADDR=ip).status_code == 303
    assert (
        sign_up(client, REMOTE_ADDR="192.0.2.3", email="LESER@example.org").status_code
        == 429
    )


def test_confirmation_mails_per_address_are_limited(client, settings):
    settings.SUBSCRIBE_CONFIRMATION_LIMIT = "3/d"
    for number in range(5):
        assert sign_up(client, REMOTE_ADDR=f"192.0.2.{number}").status_code == 303
    assert len(mail.outbox) == 3
    assert Subscriber.objects.count() == 1


def test_forwarded_address_counts_behind_a_trusted_proxy(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.SUBSCRIBE_RATE_LIMIT_PER_IP = "1/h"
    assert sign_up(client, HTTP_X_FORWARDED_FOR="198.51.100.1").status_code == 303
    assert (
        sign_up(
            client, HTTP_X_FORWARDED_FOR="198.51.100.2", email="b@example.org"
        ).status_code
        == 303
    )
    assert (
        sign_up(
            client, HTTP_X_FORWARDED_FOR="198.51.100.2", email="c@example.org"
        ).status_code
        == 429
    )


def _response_shape(response):
    return response.status_code, response.get("Location"), response.content


@pytest.mark.parametrize("json", [False, True])
def test_identical_responses_for_known_and_unknown_addresses(client, json):
    new = sign_up(client, json=json, email="neu@example.org")
    sign_up(client, email="wartet@example.org")
    Subscriber.objects.create(
        email="dabei@example.org", status=Subscriber.Status.CONFIRMED
    )
    Subscriber.objects.create(
        email="weg@example.org", status=Subscriber.Status.UNSUBSCRIBED
    )
    mail.outbox.clear()
    responses = [
        sign_up(client, json=json, email=address, REMOTE_ADDR=f"192.0.2.{n}")
        for n, address in enumerate(
            [
                "anders@example.org",
                "wartet@example.org",
                "dabei@example.org",
                "weg@example.org",
            ]
        )
    ]
    assert {_response_shape(r) for r in responses} == {_response_shape(new)}
    # A confirmed subscriber gets no new confirmation mail; the others do.
    assert sorted(m.to[0] for m in mail.outbox) == [
        "anders@example.org",
        "wartet@example.org",
        "weg@example.org",
    ]


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_SEC_FETCH_SITE": "same-site"},
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_REFERER": "https://evil.example/seite"},
        # The browser's word wins over a forged-looking Origin.
        {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_ORIGIN": "http://testserver"},
    ],
)
def test_cross_origin_posts_are_rejected(client, headers):
    response = sign_up(client, headers=headers)
    assert response.status_code == 403
    assert "nicht über diese Website" in response.content.decode()
    assert sign_up(client, headers=headers, json=True).status_code == 403
    assert not Subscriber.objects.exists()


@pytest.mark.parametrize(
    "headers",
    [
        SAME_ORIGIN,
        {"HTTP_ORIGIN": "http://testserver"},
        {"HTTP_REFERER": "http://testserver/blog/artikel/"},
        {},  # not a browser: no cross-site forgery possible
    ],
)
def test_same_origin_posts_are_accepted(client, headers):
    assert sign_up(client, headers=headers).status_code == 303
    assert Subscriber.objects.count() == 1


def test_subscribe_endpoint_needs_no_csrf_token():
    client = Client(enforce_csrf_checks=True)
    assert sign_up(client).status_code == 303


def test_subscribe_endpoint_only_takes_post(client):
    assert client.get("/abo/anmelden/").status_code == 405


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"email": ""}, "email"),
        ({"email": "kein-at-zeichen"}, "email"),
        ({"email": "a@b@example.org"}, "email"),
        ({"email": "leser@exa mple.org"}, "email"),
        ({"email": "x" * 250 + "@example.org"}, "email"),
        ({"email": "leser@" + "a" * 64 + ".org"}, "email"),
        ({"email": "leser\x00@example.org"}, "email"),
        ({"email": "leser@example.org\r\nBcc: opfer@example.org"}, "email"),
        ({"consent": ""}, "consent"),
        ({"first_name": "A" * 51}, "first_name"),
        ({"first_name": "Anna\r\nBcc: opfer@example.org"}, "first_name"),
        ({"first_name": "Anna\nSubject: Gewinn"}, "first_name"),
        ({"first_name": "Besuchen Sie http://spam.example"}, "first_name"),
        ({"first_name": "<script>alert(1)</script>"}, "first_name"),
        ({"first_name": "Anna\x00"}, "first_name"),
    ],
)
def test_invalid_and_overlong_input_is_refused_in_german(client, data, field):
    response = sign_up(client, **data)
    assert response.status_code == 400
    body = response.content.decode()
    assert "Da scheint etwas schiefgelaufen zu sein" in body
    json_response = sign_up(client, json=True, **data)
    assert json_response.status_code == 400
    assert field in json_response.json()["errors"]
    assert not Subscriber.objects.exists()
    assert mail.outbox == []


@pytest.mark.parametrize(
    "payload",
    [
        {"email": "x" * 100_000},
        {"source": "/" + "x" * 5000},
        {"source": "https://evil.example/"},
        {"email": ["a@example.org", "b@example.org"]},
        {"consent": "ja"},
        {"website": ""},
    ],
)
def test_odd_payloads_never_cause_a_server_error(client, payload):
    response = sign_up(client, **payload)
    assert response.status_code in (303, 400)


def test_raw_garbage_body_never_causes_a_server_error(client):
    for body, content_type in [
        (b"\xff\xfe\x00garbage", "application/x-www-form-urlencoded"),
        (b"{not json", "application/json"),
        (b"--x\r\nbroken", "multipart/form-data; boundary=x"),
    ]:
        response = client.post(
            "/abo/anmelden/", body, content_type=content_type, **SAME_ORIGIN
        )
        assert response.status_code in (400, 403)


def test_foreign_source_is_not_kept_as_proof(client):
    sign_up(client, source="https://evil.example/")
    assert Subscriber.objects.get().signup_page == ""


def test_valid_names_pass(client):
    for number, name in enumerate(
        ["Anna-Lena", "Zoë", "O’Brien", "Jean Luc", "Dr. Ali"]
    ):
        response = sign_up(client, email=f"n{number}@example.org", first_name=name)
        assert response.status_code == 303, name
    assert Subscriber.objects.count() == 5


def test_idn_and_upper_case_addresses_are_one_subscriber(client):
    assert sign_up(client, email="  Juergen.Meyer@BÜCHER.Example  ").status_code == 303
    subscriber = Subscriber.objects.get()
    # Trimmed, domain in ASCII (punycode) and lower case; the local part as typed.
    assert subscriber.email == "Juergen.Meyer@xn--bcher-kva.example"
    assert mail.outbox[0].to == ["Juergen.Meyer@xn--bcher-kva.example"]
    for n, variant in enumerate(
        [
            "juergen.meyer@bücher.example",
            "JUERGEN.MEYER@XN--BCHER-KVA.EXAMPLE",
            "juergen.meyer@xn--bcher-kva.example.",
        ]
    ):
        assert (
            sign_up(client, email=variant, REMOTE_ADDR=f"192.0.2.{n}").status_code
            == 303
        )
    assert Subscriber.objects.count() == 1


def test_unicode_local_part_is_refused_in_german(client):
    response = sign_up(client, json=True, email="jürgen@example.org")
    assert response.status_code == 400
    assert response.json()["errors"]["email"] == [
        "Das sieht nicht nach einer gültigen E-Mail-Adresse aus."
    ]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_concurrent_sign_ups_of_the_same_address_leave_one_row():
    barrier = threading.Barrier(2)
    results = []

    def post(address):
        try:
            barrier.wait(timeout=10)
            response = sign_up(
                Client(), email=address, REMOTE_ADDR=f"192.0.2.{len(address)}"
            )
            results.append(response.status_code)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=post, args=(address,))
        for address in ("gleichzeitig@example.org", "Gleichzeitig@Example.org ")
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert results == [303, 303]
    assert (
        Subscriber.objects.filter(email__iexact="gleichzeitig@example.org").count() == 1
    )
