"""Share links load nothing from other sites until a click; Mastodon asks for
the instance once and remembers it in the browser only. Screenshots of the
home page in both layouts and of a post with its share links."""

import pytest
from playwright.sync_api import expect

from .conftest import ARTIFACTS
from .pages import RICH_POST, load_fully

pytestmark = pytest.mark.browser

INSTANCE = "social.beispiel.example"


def test_share_links_make_no_third_party_request_before_a_click(
    page, request_log, context
):
    load_fully(page, RICH_POST)
    share = page.locator("[data-share]")
    share.scroll_into_view_if_needed()
    for name in [
        "E-Mail",
        "LinkedIn",
        "WhatsApp",
        "X",
        "Bluesky",
        "Mastodon",
        "Link kopieren",
    ]:
        expect(
            share.get_by_role("link", name=name, exact=True).or_(
                share.get_by_role("button", name=name, exact=True)
            )
        ).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert request_log.foreign() == []

    # Mastodon: asked once, then remembered (localStorage only, no cookie).
    shared = []
    context.route(
        f"https://{INSTANCE}/**",
        lambda route: (
            shared.append(route.request.url),
            route.fulfill(body="<title>Teilen</title>", content_type="text/html"),
        ),
    )
    prompts = []

    def answer(dialog):
        prompts.append(dialog.message)
        dialog.accept(f"@mesut@{INSTANCE}")

    page.on("dialog", answer)
    for _ in range(2):
        with context.expect_page() as popup:
            share.get_by_role("button", name="Mastodon", exact=True).click()
        popup.value.wait_for_load_state()
        popup.value.close()
    assert len(prompts) == 1 and "Mastodon-Instanz" in prompts[0]
    assert "bist du" in prompts[0]  # the demo's voice
    assert len(shared) == 2 and all(
        url.startswith(f"https://{INSTANCE}/share?text=") for url in shared
    )
    assert page.evaluate("localStorage.getItem('feder-mastodon-instance')") == INSTANCE
    assert context.cookies() == []
    # The page itself still asked no other site for anything; the two share
    # windows the reader opened went only to the chosen instance.
    assert request_log.foreign() == []


def test_screenshots_of_both_home_layouts_and_the_share_links(page):
    from wagtail.models import Site

    from core.models import SiteSettings

    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    original = settings.home_layout
    try:
        for layout, name in [("full", "ganze-artikel"), ("teasers", "anrisse")]:
            settings.home_layout = layout
            settings.save()
            load_fully(page, "/")
            marker = ".post-full" if layout == "full" else ".post-card"
            expect(page.locator(marker).first).to_be_visible()
            target = folder / f"startseite-{name}.png"
            page.screenshot(path=target, full_page=True)
            assert target.stat().st_size > 10_000
    finally:
        settings.home_layout = original
        settings.save()
    load_fully(page, RICH_POST)
    share = page.locator("[data-share]")
    share.scroll_into_view_if_needed()
    page.screenshot(path=folder / "artikel-teilen.png", full_page=True)
    share.locator("xpath=..").screenshot(path=folder / "artikel-teilen-ausschnitt.png")
