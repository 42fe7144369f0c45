import email
import email.policy
import re
import socket

import pytest
from aiosmtpd.controller import Controller

from django.core.cache import cache

from subscriptions.models import SubscribePage

SAME_ORIGIN = {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "same-origin"}
LINK = re.compile(r"http://testserver(/abo/[a-z-]+/[A-Za-z0-9_-]+/)")


class Inbox:
    """aiosmtpd handler keeping every message it receives."""

    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"

    @property
    def messages(self):
        return [
            email.message_from_bytes(
                e.original_content or e.content, policy=email.policy.default
            )
            for e in self.envelopes
        ]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class SMTPServer:
    """A real SMTP server on loopback that can be stopped and started again."""

    def __init__(self, port):
        self.port = port
        self.inbox = Inbox()
        self.controller = None

    def start(self):
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


@pytest.fixture(autouse=True)
def _clear_cache():
    # Rate-limit counters live in the (locmem) cache; every test starts fresh.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def smtp(settings):
    """Django's SMTP backend pointed at a loopback server (not started yet)."""
    server = SMTPServer(free_port())
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5
    yield server
    server.stop()


@pytest.fixture
def smtp_server(smtp):
    smtp.start()
    return smtp


@pytest.fixture
def subscribe_page(home):
    page = SubscribePage(title="Abonnieren", slug="abonnieren")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def sign_up(client, headers=SAME_ORIGIN, json=False, **data):
    """POST the form; upper-case keywords (REMOTE_ADDR, HTTP_*) go to the request."""
    meta = {key: data.pop(key) for key in list(data) if key.isupper()}
    payload = {"email": "leser@example.org", "consent": "1", "source": "/blog/", **data}
    extra = {**headers, **meta}
    if json:
        extra["HTTP_ACCEPT"] = "application/json"
    return client.post("/abo/anmelden/", payload, **extra)


def links(message):
    """Confirm and unsubscribe paths from the plain-text part."""
    text = message.get_body(("plain",)).get_content()
    found = LINK.findall(text)
    confirm = next(p for p in found if p.startswith("/abo/bestaetigen/"))
    unsubscribe = next(p for p in found if p.startswith("/abo/abmelden/"))
    return confirm, unsubscribe
