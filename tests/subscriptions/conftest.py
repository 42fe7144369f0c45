import re

import pytest

from subscriptions.models import SubscribePage

SAME_ORIGIN = {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "same-origin"}
LINK = re.compile(r"http://testserver(/abo/[a-z-]+/[A-Za-z0-9_-]+/)")


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


def one_click_unsubscribe(client, url):
    """The RFC 8058 POST a mail client sends: no CSRF token, a fixed body."""
    return client.post(
        url,
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )


def links(message):
    """Confirm and unsubscribe paths from the plain-text part."""
    text = message.get_body(("plain",)).get_content()
    found = LINK.findall(text)
    confirm = next(p for p in found if p.startswith("/abo/bestaetigen/"))
    unsubscribe = next(p for p in found if p.startswith("/abo/abmelden/"))
    return confirm, unsubscribe
