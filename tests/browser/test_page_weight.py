"""Page weight and privacy: small post pages, and no request leaves the site."""

import pytest

from .conftest import RequestLog
from .pages import PUBLIC_PAGES, RICH_POST, live_post_paths, load_fully

pytestmark = pytest.mark.browser

# HTML + CSS + JS + fonts of a post page, uncompressed; content images do not count.
WEIGHT_BUDGET = 60_000
COUNTED_TYPES = {"document", "stylesheet", "script", "font"}


def weigh(page, path):
    """Bytes per resource type, as a first-time visitor downloads them."""
    responses = []
    page.on("response", lambda response: responses.append(response))
    load_fully(page, path)
    by_type = {}
    for response in responses:
        # A fresh browser has no cache, so nothing should be a 304 or redirect.
        assert response.status < 300, (response.status, response.url)
        kind = response.request.resource_type
        by_type[kind] = by_type.get(kind, 0) + len(response.body())
    return by_type


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_public_page_requests_nothing_from_other_hosts(page, request_log, name):
    load_fully(page, PUBLIC_PAGES[name])
    assert request_log.requests, "no requests recorded"
    assert request_log.foreign() == []


def test_post_pages_stay_within_the_weight_budget(
    new_context, server_url, quality_report
):
    posts = live_post_paths()
    assert RICH_POST in posts and len(posts) >= 10
    weights = {}
    for path in posts:
        context = new_context()
        page = context.new_page()
        log = RequestLog(page, server_url)
        by_type = weigh(page, path)
        assert log.foreign() == [], path
        context.close()
        counted = sum(size for kind, size in by_type.items() if kind in COUNTED_TYPES)
        weights[path] = {"counted": counted, **by_type}
    quality_report["page_weight"] = weights
    # The post with a video also loads the click-to-play script.
    assert weights[RICH_POST].get("script", 0) > 0
    heaviest = max(weights, key=lambda path: weights[path]["counted"])
    assert weights[heaviest]["counted"] < WEIGHT_BUDGET, (heaviest, weights[heaviest])
