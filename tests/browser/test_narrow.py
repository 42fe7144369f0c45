"""At 390 px no public page scrolls sideways, not even with long German words.

A 40-letter compound in a title, a 200-character URL in the body and a search
for a 300-character word are what a phone sees in a German blog sooner or later.
"""

from datetime import date

import pytest

from posts.models import BlogIndexPage
from tests.factories import make_post

from .conftest import PHONE
from .pages import PUBLIC_PAGES

pytestmark = pytest.mark.browser

COMPOUND = "Donaudampfschifffahrtsgesellschaftskapitän"  # 42 letters
LONG_URL = ("https://example.org/" + "verzeichnis/" * 15 + "a" * 200)[:200]
LONG_WORD = "Rindfleischetikettierungsüberwachungsaufgaben" * 7  # 315 letters


@pytest.fixture
def long_post(server_url):
    assert len(COMPOUND) >= 40 and len(LONG_URL) == 200 and len(LONG_WORD) >= 300
    post = make_post(
        BlogIndexPage.objects.get(),
        f"Die {COMPOUND}sfrage",
        slug="lange-woerter",
        post_date=date.today(),
        teaser=f"Ein Anreißer mit {COMPOUND} darin.",
        body=[
            ("heading", {"text": f"Über {COMPOUND}", "level": "h2"}),
            (
                "paragraph",
                f'<p>Quelle: <a href="{LONG_URL}">{LONG_URL}</a> und {LONG_URL}</p>',
            ),
        ],
        tags=["Leadership"],
    )
    yield post
    post.delete()


def horizontal_overflow(page):
    return page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


@pytest.fixture
def phone(new_context):
    return new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()


def test_no_public_page_scrolls_sideways_on_a_phone(phone, server_url, long_post):
    paths = [
        *PUBLIC_PAGES.values(),
        long_post.url,
        f"/suche/?q={LONG_WORD}",
        f"/suche/?q={COMPOUND}",
    ]
    wide = {}
    for path in paths:
        phone.goto(server_url + path)
        overflow = horizontal_overflow(phone)
        if overflow > 0:
            wide[path[:60]] = overflow
    assert not wide, f"pages wider than {PHONE['width']} px: {wide}"
    # The long post is on the pages that were checked.
    phone.goto(server_url + long_post.url)
    assert COMPOUND in phone.locator("h1").inner_text()
