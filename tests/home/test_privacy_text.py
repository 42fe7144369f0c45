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


# --- Reader statistics (stats app) ---


def test_statistics_say_what_is_counted_with_the_codes_device_thresholds(privacy):
    from stats import counting

    assert (
        "Telefon unter 768 Pixel, Tablet ab 768 Pixel, Desktop ab 1200 Pixel" in privacy
    )
    assert (counting.TABLET_FROM, counting.DESKTOP_FROM) == (768, 1200)
    assert counting.device_of(767) == "phone"
    assert counting.device_of(768) == "tablet"
    assert counting.device_of(1200) == "desktop"
    assert "utm_source, utm_medium und utm_campaign" in privacy
    assert counting.UTM == ("utm_source", "utm_medium", "utm_campaign")
    assert (
        "gespeichert wird nur deren Domain, nicht die vollständige Adresse" in privacy
    )
    host = counting.referrer_host(
        "https://www.example.net/pfad?geheim=1", {"testserver"}
    )
    assert host == "example.net"
    assert "einmal, wenn das Ende eines Artikels sichtbar wird („gelesen“)" in privacy


def test_statistics_keep_only_sums_and_the_retention_matches_the_setting(privacy):
    from stats.models import DailyPageStat, HourlyPageStat

    assert "nur Summen je Tag, für die letzten 48 Stunden auch je Stunde" in privacy
    assert settings.STATS_HOURLY_KEEP_HOURS == 48
    days = settings.STATS_RETENTION_DAYS
    assert f"Die Tagessummen lösche ich nach {days} Tagen." in privacy
    for model in (DailyPageStat, HourlyPageStat):
        assert "views" in {f.name for f in model._meta.get_fields()}


def test_statistics_store_no_address_agent_or_hash_as_the_text_says(privacy):
    from django.apps import apps

    from stats import counting

    assert (
        "Ihre IP-Adresse und die Kennung Ihres Browsers (User-Agent) speichere ich dafür nicht."
        in privacy
    )
    assert "nie in der Datenbank" in privacy
    assert "der Tageswert wird nach Mitternacht verworfen" in privacy
    words = {"ip", "address", "agent", "hash", "visitor", "salt"}
    for model in apps.get_app_config("stats").get_models():
        names = {part for f in model._meta.get_fields() for part in f.name.split("_")}
        assert not names & words, (model, names & words)
    # The salt lives in the cache until shortly after midnight (Berlin), no longer.
    now = counting.berlin_now().replace(hour=23, minute=59)
    assert counting.seconds_until_after_midnight(now) <= 60 * 60 + 120


def test_statistics_store_nothing_on_the_device(privacy, client):
    assert "kein Cookie, kein Local Storage, kein Session Storage" in privacy
    script = (ROOT / "static" / "stats" / "beacon.js").read_text()
    assert not re.search(
        r"document\.cookie|localStorage|sessionStorage|indexedDB", script
    )
    page = StandardPage.objects.get(slug="datenschutz")
    response = client.post(
        "/statistik/b/",
        data=f'{{"p": {page.pk}, "k": "v", "r": "", "q": "", "w": 1000}}',
        content_type="text/plain",
        HTTP_ORIGIN="http://testserver",
        HTTP_USER_AGENT="Mozilla/5.0 Firefox/133.0",
    )
    assert response.status_code == 204 and not response.cookies


def test_statistics_respect_dnt_and_gpc_as_the_text_says(privacy, rf):
    from stats import counting

    assert (
        "„Do Not Track“ (DNT) oder „Global Privacy Control“ (GPC), zähle ich nichts"
        in privacy
    )
    script = (ROOT / "static" / "stats" / "beacon.js").read_text()
    assert 'doNotTrack == "1"' in script and "globalPrivacyControl" in script
    for header in ({"HTTP_DNT": "1"}, {"HTTP_SEC_GPC": "1"}):
        request = rf.post(
            "/statistik/b/",
            HTTP_ORIGIN="http://testserver",
            HTTP_USER_AGENT="Mozilla/5.0",
            **header,
        )
        assert counting.refused(request) == "opt-out"


def test_statistics_skip_what_the_text_says_is_not_counted(privacy, rf):
    from stats import counting

    assert (
        "Nicht gezählt werden Suchmaschinen und andere Bots, vorab geladene Seiten "
        "(Prefetch und Prerender), angemeldete Redakteure, Vorschau-Links und der "
        "Verwaltungsbereich."
    ) in privacy
    bot = rf.post(
        "/statistik/b/",
        HTTP_ORIGIN="http://testserver",
        HTTP_USER_AGENT="Googlebot/2.1",
    )
    assert counting.refused(bot) == "bot"
    prefetch = rf.post(
        "/statistik/b/",
        HTTP_ORIGIN="http://testserver",
        HTTP_USER_AGENT="Mozilla/5.0",
        HTTP_SEC_PURPOSE="prefetch",
    )
    assert counting.refused(prefetch) == "prefetch"
    script = (ROOT / "static" / "stats" / "beacon.js").read_text()
    assert "prerendering" in script
    assert "Öffnungen und Klicks in E-Mails messe ich nicht." in privacy
    from newsletter.models import Delivery

    fields = {f.name for f in Delivery._meta.get_fields()}
    assert not {name for name in fields if "open" in name or "click" in name}


def test_statistics_name_the_legal_basis(privacy):
    assert "berechtigtes Interesse nach Art. 6 Abs. 1 lit. f DSGVO" in privacy
    assert (
        "Dieser Blog bindet keine Analyse- oder Tracking-Dienste von Drittanbietern ein."
        in privacy
    )
