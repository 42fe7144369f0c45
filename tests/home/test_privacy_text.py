"""The demo Datenschutz page says what the code does.

Each test quotes one statement of the demo text and checks it against the
setting or behaviour it describes, so a change to either shows up here.
"""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from django.conf import settings
from django.core import mail

from home.models import StandardPage
from posts.models import BlogPostPage
from subscriptions import guards
from subscriptions.models import Subscriber
from tests.subscriptions.conftest import LINK, sign_up

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]
ROOT = Path(__file__).resolve().parents[2]


def links(message):
    found = LINK.findall(message.body)
    confirm = next(p for p in found if p.startswith("/abo/bestaetigen/"))
    unsubscribe = next(p for p in found if p.startswith("/abo/abmelden/"))
    return confirm, unsubscribe


@pytest.fixture
def privacy(client):
    page = StandardPage.objects.get(slug="datenschutz")
    html = client.get(page.url).content.decode()
    return " ".join(BeautifulSoup(html, "html.parser").main.get_text(" ").split())


def test_the_confirmation_link_lifetime_and_the_purge_match_the_settings(privacy):
    hours = settings.SUBSCRIBE_CONFIRM_TOKEN_HOURS
    assert f"Der Link gilt {hours} Stunden." in privacy
    days = settings.SUBSCRIBE_PURGE_PENDING_AFTER_DAYS
    assert f"nicht innerhalb von {days} Tagen bestätigt werden, lösche ich" in privacy


def test_only_the_button_confirms_as_the_text_says(privacy, client):
    assert "Schaltfläche „Anmeldung bestätigen“" in privacy
    assert "Das bloße Öffnen des Links" in privacy
    mail.outbox = []
    sign_up(client, email="datenschutz@example.org", first_name="Dana")
    confirm, _unsubscribe = links(mail.outbox[-1])
    page = client.get(confirm).content.decode()
    assert ">Anmeldung bestätigen</button>" in page
    subscriber = Subscriber.objects.get(email="datenschutz@example.org")
    assert subscriber.status == Subscriber.Status.PENDING  # opening is not enough
    client.post(confirm)
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED


def test_what_is_kept_after_unsubscribing_is_what_the_text_says(privacy, client):
    assert "Nach der Abmeldung lösche ich Ihren Vornamen sofort." in privacy
    assert (
        "Ihre E-Mail-Adresse und die Zeitpunkte von Anmeldung, Bestätigung und "
        "Abmeldung bewahre ich auf"
    ) in privacy
    mail.outbox = []
    sign_up(client, email="weg@example.org", first_name="Wanda")
    confirm, unsubscribe = links(mail.outbox[-1])
    client.post(confirm)
    client.post(unsubscribe)
    subscriber = Subscriber.objects.get(email="weg@example.org")
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert subscriber.first_name == ""
    assert subscriber.email == "weg@example.org"
    assert subscriber.created_at and subscriber.confirmed_at
    assert subscriber.unsubscribed_at


def test_no_ip_address_is_stored_and_its_counters_expire_within_a_day(privacy):
    assert "Ihre IP-Adresse speichere ich dabei nicht." in privacy
    assert "verfällt nach höchstens einem Tag" in privacy
    fields = [field.name for field in Subscriber._meta.get_fields()]
    assert not [name for name in fields if "ip" in name.split("_")], fields
    for rate in (
        settings.SUBSCRIBE_RATE_LIMIT_PER_IP,
        settings.SUBSCRIBE_RATE_LIMIT_PER_EMAIL,
    ):
        assert guards.parse_rate(rate)[1] <= 24 * 60 * 60


def test_the_video_placeholder_is_what_the_text_describes(privacy, client):
    assert "Schaltfläche „Video abspielen“" in privacy
    assert "ein Vorschaubild des Anbieters wird nicht geladen" in privacy
    assert "youtube-nocookie.com" in privacy and "„Do Not Track“" in privacy
    post = next(
        post
        for post in BlogPostPage.objects.live()
        if any(block.block_type == "video" for block in post.body)
    )
    soup = BeautifulSoup(client.get(post.url).content, "html.parser")
    video = soup.select_one("figure.video")
    assert "Video abspielen" in video.get_text()
    # In the demo's voice (du): the provider gets the reader's address.
    assert "erhält dabei deine IP-Adresse" in video.get_text()
    assert not video.find_all(["img", "iframe"])  # nothing from the provider
    assert "youtube-nocookie.com/embed/" in video["data-video-embed"] or (
        "dnt=1" in video["data-video-embed"]
    )


def test_no_cookies_and_no_web_fonts_as_the_text_says(privacy, client):
    assert "Beim Lesen setzt er keine Cookies." in privacy
    assert "Er lädt keine Schriftarten nach" in privacy
    for path in ["/", "/blog/", StandardPage.objects.get(slug="datenschutz").url]:
        assert not client.get(path).cookies, path
    css = (ROOT / "static" / "css" / "site.css").read_text()
    assert not re.search(r"@font-face|@import|url\(\s*['\"]?https?:", css)
