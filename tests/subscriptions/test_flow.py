"""The whole double opt-in flow against a real SMTP server on loopback."""

import pytest

from core.voice import Voice
from subscriptions.models import Subscriber

from .conftest import links, one_click_unsubscribe, sign_up

pytestmark = pytest.mark.django_db


def test_sign_up_confirm_and_one_click_unsubscribe(client, smtp_server, subscribe_page):
    response = sign_up(client, email="Leserin@Example.ORG", first_name="Anna")
    assert response.status_code == 303
    assert response["Location"] == "/abo/bitte-bestaetigen/"
    pending_page = client.get(response["Location"])
    texts = subscribe_page.texts_in(Voice())
    assert texts.success_message in pending_page.content.decode()
    assert texts.success_heading in pending_page.content.decode()
    assert "no-cache" in pending_page["Cache-Control"]

    subscriber = Subscriber.objects.get()
    assert subscriber.email == "Leserin@example.org"
    assert subscriber.status == Subscriber.Status.PENDING
    assert subscriber.signup_page == "/blog/"
    assert subscriber.consent_text == subscribe_page.consent_text
    assert subscriber.confirmed_at is None

    # The email arrived over SMTP with the right headers and links.
    assert len(smtp_server.inbox.envelopes) == 1
    envelope = smtp_server.inbox.envelopes[0]
    assert envelope.rcpt_tos == ["Leserin@example.org"]
    message = smtp_server.inbox.messages[0]
    raw_headers = envelope.original_content.split(b"\r\n\r\n", 1)[0]
    print("\n--- headers of the confirmation email as received by aiosmtpd ---")
    print(raw_headers.decode())
    print("--- end of headers ---")
    assert message["Subject"] == "Bitte bestätigen Sie Ihre Anmeldung bei Mesuts Blog"
    assert message["To"] == "Leserin@example.org"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    confirm_path, unsubscribe_path = links(message)
    # Long headers are folded after the colon; the value itself is exact.
    assert (
        message["List-Unsubscribe"].strip() == f"<http://testserver{unsubscribe_path}>"
    )
    html = message.get_body(("html",)).get_content()
    assert f"http://testserver{confirm_path}" in html
    assert f"http://testserver{unsubscribe_path}" in html
    assert "Hallo Anna" in message.get_body(("plain",)).get_content()

    # Opening the link (as a mail scanner would) confirms nothing.
    page = client.get(confirm_path)
    assert page.status_code == 200
    assert "Anmeldung bestätigen" in page.content.decode()
    assert page["X-Robots-Tag"] == "noindex, nofollow"
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING

    # The POST confirms and lands on the blog with the thank-you flag.
    response = client.post(confirm_path)
    assert response.status_code == 303
    assert response["Location"] == "/blog/?angemeldet=1"
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert subscriber.confirmed_at is not None
    blog = client.get(response["Location"])
    assert blog.status_code == 200
    # The thank-you is in the page itself, so it shows without JavaScript.
    html = blog.content.decode()
    assert 'class="notice notice--success subscribe-thanks"' in html
    assert "Danke, Sie sind dabei!" in html
    assert "Danke, Sie sind dabei!" not in client.get("/blog/").content.decode()

    # RFC 8058 one-click: a POST without any CSRF token unsubscribes at once.
    response = one_click_unsubscribe(client, unsubscribe_path)
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert subscriber.unsubscribed_at is not None
    assert subscriber.first_name == ""


def test_unsubscribe_page_needs_a_button_press_with_csrf(client, smtp_server):
    from django.test import Client

    sign_up(client)
    _, unsubscribe_path = links(smtp_server.inbox.messages[0])
    csrf_client = Client(enforce_csrf_checks=True)

    page = csrf_client.get(unsubscribe_path)
    assert page.status_code == 200
    assert "Jetzt abmelden" in page.content.decode()
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING

    # A plain form POST without the token is refused ...
    assert csrf_client.post(unsubscribe_path, {}).status_code == 403
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING

    # ... with the token from the page it works, and the link keeps working.
    token = csrf_client.cookies["csrftoken"].value
    response = csrf_client.post(unsubscribe_path, {"csrfmiddlewaretoken": token})
    assert response.status_code == 200
    assert "Sie sind abgemeldet" in response.content.decode()
    assert Subscriber.objects.get().status == Subscriber.Status.UNSUBSCRIBED
    again = csrf_client.get(unsubscribe_path)
    assert "Sie sind abgemeldet" in again.content.decode()


def test_confirm_post_needs_csrf_token(client, smtp_server):
    from django.test import Client

    sign_up(client)
    confirm_path, _ = links(smtp_server.inbox.messages[0])
    csrf_client = Client(enforce_csrf_checks=True)
    assert csrf_client.post(confirm_path).status_code == 403
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING
    csrf_client.get(confirm_path)
    token = csrf_client.cookies["csrftoken"].value
    response = csrf_client.post(confirm_path, {"csrfmiddlewaretoken": token})
    assert response.status_code == 303
    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED


def test_json_sign_up_for_the_script(client, smtp_server, subscribe_page):
    response = sign_up(client, json=True)
    assert response.status_code == 200
    texts = subscribe_page.texts_in(Voice())
    assert response.json() == {
        "ok": True,
        "heading": texts.success_heading,
        "message": texts.success_message,
        "errors": {},
    }
    response = sign_up(client, json=True, email="kaputt", consent="")
    assert response.status_code == 400
    data = response.json()
    assert data["ok"] is False
    assert data["heading"] == "Ups."
    assert data["message"] == texts.error_message
    assert set(data["errors"]) == {"email", "consent"}
