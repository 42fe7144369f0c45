"""A reader's way through the blog, in a real browser."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from .pages import RICH_POST, needs_subscriptions

pytestmark = pytest.mark.browser

PLAYER_HOST = "www.youtube-nocookie.com"


def test_reader_filters_by_tag_reads_a_post_plays_the_video_and_moves_on(
    page, request_log
):
    player_requests = []
    # The player is answered locally: the test proves the click, not YouTube.
    page.route(
        f"https://{PLAYER_HOST}/**",
        lambda route: (
            player_requests.append(route.request.url),
            route.fulfill(body="<title>Player</title>", content_type="text/html"),
        ),
    )

    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mesuts Blog")
    page.get_by_role("navigation", name="Nach Schlagwort filtern").get_by_role(
        "link", name=re.compile(r"^Purpose")
    ).click()

    expect(page).to_have_url(re.compile(r"/blog/tag/purpose/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Artikel zum Thema „Purpose“"
    )
    cards = page.locator(".post-card")
    expect(cards.first).to_be_visible()
    for tags in cards.locator(".tag-list").all_inner_texts():
        assert "Purpose" in tags
    page.get_by_role("link", name="Purpose ist mehr als ein Slogan").click()

    expect(page).to_have_url(re.compile(re.escape(RICH_POST) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Purpose ist mehr als ein Slogan"
    )
    expect(page.locator(".post__header .post-meta")).to_contain_text("Min. Lesezeit")
    page.locator(".post__body").scroll_into_view_if_needed()
    expect(page.locator(".post__body p").first).not_to_be_empty()

    video = page.locator("[data-video-embed]").first
    video.scroll_into_view_if_needed()
    expect(page.locator("iframe")).to_have_count(0)
    assert player_requests == []
    video.get_by_role("button", name=re.compile("Video abspielen")).click()
    iframe = video.locator("iframe")
    expect(iframe).to_have_count(1)
    assert iframe.get_attribute("src").startswith(f"https://{PLAYER_HOST}/embed/")
    expect(iframe).to_be_focused()
    page.wait_for_load_state("networkidle")
    assert [url.split("/")[2] for url in player_requests] == [PLAYER_HOST]
    # The click was the only way off the site.
    assert {url.split("/")[2] for url in request_log.foreign()} == {PLAYER_HOST}

    next_link = page.get_by_role("navigation", name="Weitere Artikel").locator(
        "a[rel=next]"
    )
    next_title = next_link.inner_text().replace("Nächster Artikel", "").strip()
    next_link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(next_title)
    assert page.url != RICH_POST


@needs_subscriptions
def test_reader_subscribes_and_confirms_through_the_emailed_link(
    page, smtp_inbox, server_url
):
    from subscriptions.models import Subscriber

    # Links in emails are absolute: PUBLIC_BASE_URL is the live server's (conftest).
    page.goto("/abonnieren/")
    form = page.locator("main form.subscribe-form")
    form.get_by_label("E-Mail-Adresse", exact=True).fill("leserin@example.org")
    form.locator("input[name=consent]").check()
    form.get_by_role("button", name="Abonnieren").click()
    expect(form.locator("[data-subscribe-status]")).to_contain_text("Spam-Ordner")
    assert Subscriber.objects.get(email="leserin@example.org").status != (
        Subscriber.Status.CONFIRMED
    )

    [message] = smtp_inbox.messages
    assert message["To"] == "leserin@example.org"
    text = message.get_body(("plain",)).get_content()
    confirm_url = re.search(
        re.escape(server_url) + r"/abo/bestaetigen/[^\s/]+/", text
    ).group(0)
    page.goto(confirm_url)
    # Opening the link confirms nothing (mail scanners open links too).
    assert Subscriber.objects.get(email="leserin@example.org").status != (
        Subscriber.Status.CONFIRMED
    )
    assert Axe().run(page).response["violations"] == []
    page.get_by_role("button", name="Anmeldung bestätigen").click()
    expect(page.get_by_text("Danke, du bist dabei!")).to_be_visible()
    subscriber = Subscriber.objects.get(email="leserin@example.org")
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert Axe().run(page).response["violations"] == []
