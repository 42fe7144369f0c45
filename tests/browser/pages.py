"""The public page types the browser tests visit on the demo content, and helpers."""

import pytest

from django.apps import apps
from django.urls import NoReverseMatch, reverse


def _has_subscribe_page():
    try:
        apps.get_model("subscriptions", "SubscribePage")
    except LookupError:
        return False
    return True


def _has_search():
    try:
        reverse("search")
    except NoReverseMatch:
        return False
    return True


HAS_SUBSCRIBE_PAGE = _has_subscribe_page()
HAS_SEARCH = _has_search()
needs_subscriptions = pytest.mark.skipif(
    not HAS_SUBSCRIBE_PAGE,
    reason="Abonnement-Seite (subscriptions.SubscribePage) fehlt noch.",
)
needs_search = pytest.mark.skipif(
    not HAS_SEARCH, reason="Suche (URL-Name „search“) fehlt noch."
)

# The demo post with the most kinds of blocks: image, quote, callout, video.
RICH_POST = "/blog/purpose-ist-mehr-als-ein-slogan/"

PUBLIC_PAGES = {
    "home": "/",
    "index": "/blog/",
    "tag": "/blog/tag/purpose/",
    "post": RICH_POST,
    "standard": "/impressum/",
    "404": "/diese-seite-gibt-es-nicht/",
}
if HAS_SUBSCRIBE_PAGE:
    PUBLIC_PAGES["subscribe"] = "/abonnieren/"
if HAS_SEARCH:
    PUBLIC_PAGES["search"] = "/suche/?q=Marke"

# Pages the issue names for the accessibility check; missing ones show up as skips.
A11Y_PAGES = [
    "home",
    "index",
    "tag",
    "post",
    "standard",
    "404",
    pytest.param("subscribe", marks=needs_subscriptions),
    pytest.param("search", marks=needs_search),
]


def live_post_paths():
    """Every published post, whichever listing page it is on."""
    from posts.models import BlogPostPage

    return sorted(post.url for post in BlogPostPage.objects.live())


def load_fully(page, path):
    """Open a page and scroll to its end, so lazy images load too."""
    response = page.goto(path)
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_load_state("networkidle")
    return response
