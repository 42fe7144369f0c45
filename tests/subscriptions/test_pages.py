"""SubscribePage, the compact box, and the cacheability of public pages."""

from datetime import timedelta

import pytest
import time_machine

from django.core.management import call_command
from django.utils import timezone

from wagtail.test.utils import WagtailPageTestCase

from core.voice import Voice
from home.models import HomePage
from subscriptions.models import (
    SubscribePage,
    Subscriber,
    SubscriberToken,
    default_consent,
)
from tests.factories import make_post, make_standard_page

from .conftest import sign_up

pytestmark = pytest.mark.django_db


class TestSubscribePageRules(WagtailPageTestCase):
    def test_page_type_rules(self):
        self.assertCanCreateAt(HomePage, SubscribePage)
        self.assertAllowedSubpageTypes(SubscribePage, {})
        self.assertAllowedParentPageTypes(SubscribePage, {HomePage})
        assert SubscribePage.max_count == 1


def test_defaults_are_german_and_complete(site_tree):
    page = SubscribePage(title="Abonnieren", slug="abonnieren")
    assert page.consent_text == default_consent()
    assert "Mesuts Blog" in page.consent_text  # the site's name, not a literal
    texts = page.texts_in(Voice())
    assert "Spam-Ordner" in texts.success_message
    assert "schiefgelaufen" in texts.error_message
    assert texts.intro and texts.success_heading and texts.error_heading
    for name in (
        "heading",
        "intro",
        "consent_text",
        "success_heading",
        "success_message",
        "error_heading",
        "error_message",
    ):
        assert SubscribePage._meta.get_field(name).help_text


def test_subscribe_page_renders_the_form_with_privacy_link(
    client, home, subscribe_page
):
    from core.models import SiteSettings

    privacy = make_standard_page(home, "Datenschutz", "datenschutz")
    site_settings = SiteSettings.for_site(home.get_site())
    site_settings.privacy_page = privacy
    site_settings.save()
    subscribe_page.consent_text = "Ja, schickt mir neue Artikel."
    subscribe_page.save_revision().publish()

    response = client.get("/abonnieren/")
    assert response.status_code == 200
    body = response.content.decode()
    assert 'action="/abo/anmelden/"' in body
    assert "Ja, schickt mir neue Artikel." in body
    assert 'href="/datenschutz/"' in body
    assert 'name="website"' in body  # honeypot
    assert 'href="/abonnieren/"' in body  # header link


def _assert_cacheable(response):
    assert response.status_code == 200
    assert b"csrfmiddlewaretoken" not in response.content
    assert not response.cookies


def test_box_on_home_and_posts_has_no_csrf_token_and_sets_no_cookie(
    client, blog, subscribe_page
):
    post = make_post(blog, "Ein Artikel")
    subscribe_page.consent_text = "Einwilligung aus der Seite."
    subscribe_page.save_revision().publish()
    for url in ("/", post.url):
        response = client.get(url)
        _assert_cacheable(response)
        body = response.content.decode()
        assert 'action="/abo/anmelden/"' in body
        assert "Einwilligung aus der Seite." in body
        assert f'name="source" value="{url}"' in body
    _assert_cacheable(client.get("/abonnieren/"))
    _assert_cacheable(client.get("/blog/?angemeldet=1"))


def test_box_works_without_a_subscribe_page(client, blog):
    response = client.get("/")
    assert default_consent() in response.content.decode()
    assert sign_up(client).status_code == 303
    assert Subscriber.objects.get().consent_text == default_consent()


def test_consent_proof_is_stored(client, subscribe_page):
    moment = timezone.now().replace(microsecond=0)
    with time_machine.travel(moment, tick=False):
        sign_up(client, source="/blog/ein-artikel/")
    subscriber = Subscriber.objects.get()
    assert subscriber.created_at == moment
    assert subscriber.signup_page == "/blog/ein-artikel/"
    assert subscriber.consent_text == subscribe_page.consent_text
    assert len(subscriber.consent_version) == 12


def test_no_js_error_shows_the_form_again_with_values(client, subscribe_page):
    response = sign_up(client, email="kaputt", first_name="Anna", consent="")
    assert response.status_code == 400
    assert "no-cache" in response["Cache-Control"]
    body = response.content.decode()
    assert subscribe_page.texts_in(Voice()).error_message in body
    assert 'value="kaputt"' in body
    assert 'value="Anna"' in body
    assert "Ohne Häkchen bei der Einwilligung geht es leider nicht." in body
    assert 'aria-invalid="true"' in body


def test_purge_removes_only_old_unconfirmed_sign_ups(client):
    now = timezone.now()
    old_pending = Subscriber.objects.create(
        email="alt@example.org", created_at=now - timedelta(days=31)
    )
    SubscriberToken.issue(old_pending, SubscriberToken.Purpose.CONFIRM)
    Subscriber.objects.create(
        email="neu@example.org", created_at=now - timedelta(days=29)
    )
    Subscriber.objects.create(
        email="dabei@example.org",
        status=Subscriber.Status.CONFIRMED,
        created_at=now - timedelta(days=400),
    )
    call_command("purge_subscribers", "--dry-run")
    assert Subscriber.objects.count() == 3
    call_command("purge_subscribers")
    assert set(Subscriber.objects.values_list("email", flat=True)) == {
        "neu@example.org",
        "dabei@example.org",
    }
    assert not SubscriberToken.objects.exists()
    call_command("purge_subscribers", "--days", "1")
    assert set(Subscriber.objects.values_list("email", flat=True)) == {
        "dabei@example.org"
    }
