"""The sign-up box in Debian's Chromium: in place with JavaScript, POST and
redirect without it, and the thank-you on the blog after confirming."""

import re

import pytest

from django.core import mail

from subscriptions.models import Subscriber

pytestmark = pytest.mark.browser

ADDRESSES = ["browser@example.org", "ohnejs@example.org"]


@pytest.fixture
def site(server_url):
    """The shared demo site; the sign-ups made here are removed afterwards."""
    yield server_url
    Subscriber.objects.filter(email__in=ADDRESSES).delete()


def test_box_submits_in_place_and_blog_says_thank_you(page, site):
    page.goto(f"{site}/")
    box = page.locator(".subscribe-box")
    box.get_by_label("E-Mail-Adresse", exact=True).fill("browser@example.org")
    box.get_by_label("Vorname (freiwillig)").fill("Bea")
    box.locator("input[name=consent]").check()
    box.get_by_role("button", name="Abonnieren").click()
    status = box.locator("[data-subscribe-status]")
    status.wait_for(state="visible")
    assert "Spam-Ordner" in status.inner_text()
    assert page.url == f"{site}/"  # no reload
    subscriber = Subscriber.objects.get(email="browser@example.org")

    confirm = re.search(
        r"http://[^\s]+/abo/bestaetigen/[^\s]+/", mail.outbox[0].body
    ).group(0)
    page.goto(confirm)
    page.get_by_role("button", name="Anmeldung bestätigen").click()
    page.wait_for_url(re.compile(r"/blog/"))
    thanks = page.locator(".subscribe-thanks")
    thanks.wait_for()
    assert "Danke, du bist dabei!" in thanks.inner_text()
    # In the content column, aligned with the heading, not against the window edge.
    heading = page.locator("main h1").bounding_box()
    box = thanks.bounding_box()
    assert box["x"] == pytest.approx(heading["x"], abs=1) and box["x"] > 0
    assert page.url == f"{site}/blog/"  # the flag is removed from the address
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED


def test_box_shows_errors_in_place(page, site):
    page.goto(f"{site}/")
    box = page.locator(".subscribe-box")
    box.get_by_label("E-Mail-Adresse", exact=True).fill("kaputt")
    box.get_by_role("button", name="Abonnieren").click()
    status = box.locator("[data-subscribe-status]")
    status.wait_for(state="visible")
    assert "Ups." in status.inner_text()
    assert "schiefgegangen" in status.inner_text()
    assert box.locator("[aria-invalid=true]").count() == 2  # email, consent
    assert not Subscriber.objects.filter(email="kaputt").exists()


def test_without_javascript_post_redirect_message(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site}/")
    box = page.locator(".subscribe-box")
    box.get_by_label("E-Mail-Adresse", exact=True).fill("ohnejs@example.org")
    box.locator("input[name=consent]").check()
    box.get_by_role("button", name="Abonnieren").click()
    page.wait_for_url(f"{site}/abo/bitte-bestaetigen/")
    assert "Spam-Ordner" in page.content()
    assert Subscriber.objects.filter(email="ohnejs@example.org").exists()
    context.close()
