"""Reader statistics in a real browser: Chromium loads the beacon from the
demo site, the endpoint counts, the flush writes; from the full-page cache
too. Editors, bots, DNT/GPC and preview links are not counted, and nothing is
stored in the browser."""

import json
import os
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from django.core.cache import caches
from django.core.management import call_command
from django.test import override_settings

from core.pagecache import PageCacheMiddleware
from posts.models import BlogIndexPage, BlogPostPage
from previews.models import PreviewLink
from stats.buffer import flush
from stats.models import (
    DailyCampaign,
    DailyDevice,
    DailyPageStat,
    DailyReferrer,
    DailySiteStat,
    FlushedBatch,
    HourlyPageStat,
)
from tests.factories import make_post

from .conftest import EDITOR
from .pages import RICH_POST

pytestmark = pytest.mark.browser

DOCS = Path(__file__).resolve().parents[2] / "docs"
# A desktop Chrome's user agent: Playwright's own says "HeadlessChrome",
# which the endpoint rightly takes for a bot.
CHROME = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36"
)
TABLES = (
    DailySiteStat,
    DailyPageStat,
    HourlyPageStat,
    DailyReferrer,
    DailyCampaign,
    DailyDevice,
    FlushedBatch,
)


def clear_stats():
    for model in TABLES:
        model.objects.all().delete()
    caches["stats"].clear()


@pytest.fixture(autouse=True)
def _clean_stats(server_url):
    clear_stats()
    yield
    clear_stats()


@pytest.fixture
def post():
    return BlogPostPage.objects.get(url_path__endswith=RICH_POST)


def beacons(page):
    sent = []
    page.on(
        "request",
        lambda r: (
            sent.append(json.loads(r.post_data)) if "/statistik/b/" in r.url else None
        ),
    )
    return sent


def views_of(page_obj):
    flush(wait=True)
    row = DailyPageStat.objects.filter(page_id=page_obj.pk).first()
    return (row.views, row.visitors, row.reads) if row else (0, 0, 0)


def visit(context, url, kind="v"):
    page = context.new_page()
    page.set_default_timeout(10_000)
    with page.expect_response(lambda r: "/statistik/b/" in r.url) as info:
        response = page.goto(url)
    assert info.value.status == 204
    assert json.loads(info.value.request.post_data)["k"] == kind
    return page, response


def test_a_view_is_counted_once(new_context, server_url, post):
    context = new_context(user_agent=CHROME)
    page, _ = visit(
        context, f"{server_url}{post.url}?utm_source=mastodon&utm_campaign=start"
    )
    page.wait_for_timeout(300)
    assert views_of(post) == (1, 1, 0)
    assert DailyCampaign.objects.get().source == "mastodon"
    assert DailyDevice.objects.get().device == "desktop"
    script = page.locator('script[src*="stats/beacon"]')
    expect(script).to_have_attribute("data-page", str(post.pk))
    expect(script).to_have_attribute("defer", "")


@pytest.fixture
def page_cache(site_server, tmp_path):
    """The live server answers through the WSGI page cache, as gunicorn does."""
    httpd = site_server.thread.httpd
    app = httpd.get_app()
    with override_settings(
        PAGE_CACHE_ENABLED=True, PAGE_CACHE_GENERATION_FILE=str(tmp_path / "generation")
    ):
        caches["pagecache"].clear()
        httpd.set_app(PageCacheMiddleware(app))
        try:
            yield
        finally:
            httpd.set_app(app)
            caches["pagecache"].clear()


def test_views_from_the_full_page_cache_are_counted(
    new_context, server_url, post, page_cache
):
    context = new_context(user_agent=CHROME)
    first_page, first = visit(context, f"{server_url}{post.url}")
    second_page, second = visit(context, f"{server_url}{post.url}")
    assert first.headers["x-cache"] == "miss"
    assert second.headers["x-cache"] == "hit"
    assert first_page.content() and second_page.content()
    assert views_of(post) == (2, 1, 0)


def test_reading_to_the_end_counts_a_read(new_context, server_url, post):
    context = new_context(user_agent=CHROME, viewport={"width": 1000, "height": 700})
    page = context.new_page()
    page.set_default_timeout(10_000)
    sent = beacons(page)
    with page.expect_response(lambda r: "/statistik/b/" in r.url):
        page.goto(f"{server_url}{post.url}")
    page.wait_for_timeout(400)
    assert [b["k"] for b in sent] == ["v"]  # the end is not in view yet
    assert views_of(post) == (1, 1, 0)
    with page.expect_response(
        lambda r: "/statistik/b/" in r.url and '"k":"r"' in (r.request.post_data or "")
    ):
        page.locator("[data-stats-end]").scroll_into_view_if_needed()
    page.mouse.wheel(0, -3000)
    page.wait_for_timeout(200)
    page.locator("[data-stats-end]").scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    assert [b["k"] for b in sent] == ["v", "r"]  # sent once
    assert views_of(post) == (1, 1, 1)


def log_in(page, server_url):
    page.goto(f"{server_url}/admin/login/")
    page.fill("#id_username", EDITOR[0])
    page.fill("#id_password", EDITOR[1])
    page.locator("form button[type=submit]").click()
    expect(page).to_have_url(f"{server_url}/admin/")


def test_an_editor_is_not_counted(new_context, server_url, post):
    context = new_context(user_agent=CHROME)
    page = context.new_page()
    page.set_default_timeout(10_000)
    log_in(page, server_url)
    sent = beacons(page)
    page.goto(f"{server_url}{post.url}")
    expect(page.locator('script[src*="stats/beacon"]')).to_have_count(0)
    page.wait_for_timeout(300)
    assert not sent
    # Even a beacon sent by hand with the editor's session is not counted.
    status = page.evaluate(
        """async (id) => (await fetch('/statistik/b/', {method: 'POST',
            body: JSON.stringify({p: id, k: 'v', r: '', q: '', w: 1200})})).status""",
        post.pk,
    )
    assert status == 204
    assert views_of(post) == (0, 0, 0)


def test_a_bot_user_agent_is_not_counted(new_context, server_url, post):
    context = new_context(
        user_agent="Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
    )
    visit(context, f"{server_url}{post.url}")
    headless = new_context()  # Playwright's own user agent: HeadlessChrome
    visit(headless, f"{server_url}{post.url}")
    assert views_of(post) == (0, 0, 0)


def test_dnt_header_is_not_counted_and_gpc_sends_nothing(new_context, server_url, post):
    context = new_context(user_agent=CHROME, extra_http_headers={"DNT": "1"})
    visit(context, f"{server_url}{post.url}")
    assert views_of(post) == (0, 0, 0)
    gpc = new_context(user_agent=CHROME)
    gpc.add_init_script(
        "Object.defineProperty(navigator, 'globalPrivacyControl', {get: () => true})"
    )
    page = gpc.new_page()
    sent = beacons(page)
    page.goto(f"{server_url}{post.url}")
    page.wait_for_timeout(500)
    assert not sent
    dnt = new_context(user_agent=CHROME)
    dnt.add_init_script(
        "Object.defineProperty(navigator, 'doNotTrack', {get: () => '1'})"
    )
    page = dnt.new_page()
    sent = beacons(page)
    page.goto(f"{server_url}{post.url}")
    page.wait_for_timeout(500)
    assert not sent
    assert views_of(post) == (0, 0, 0)


@pytest.fixture
def post_with_draft(server_url):
    """A live post with a newer draft (a preview link of a page without one
    redirects to the live page), removed afterwards."""
    post = make_post(
        BlogIndexPage.objects.get(),
        "Zählt die Vorschau?",
        body=[("paragraph", "<p>Öffentlich.</p>")],
        slug="zaehlt-die-vorschau",
    )
    draft = post.get_latest_revision_as_object()
    draft.body = [("paragraph", "<p>Entwurf.</p>")]
    draft.save_revision()
    yield post
    post.delete()


def test_a_preview_link_is_not_counted(new_context, server_url, post_with_draft):
    from django.contrib.auth import get_user_model

    post = post_with_draft
    link, token = PreviewLink.create_for(
        post, get_user_model().objects.get(username=EDITOR[0])
    )
    try:
        context = new_context(user_agent=CHROME)
        page = context.new_page()
        sent = beacons(page)
        response = page.goto(f"{server_url}/vorschau/{token}/")
        assert response.status == 200
        expect(page.locator(".preview-banner")).to_be_visible()
        expect(page.locator('script[src*="stats/beacon"]')).to_have_count(0)
        page.wait_for_timeout(400)
        assert not sent
        assert views_of(post) == (0, 0, 0)
        # The live page itself is counted (so the check above can fail).
        visit(context, f"{server_url}{post.url}")
        assert views_of(post)[:2] == (1, 1)
    finally:
        link.delete()


def test_no_cookie_and_no_storage_after_visits(new_context, server_url, post):
    context = new_context(user_agent=CHROME)
    page = context.new_page()
    set_cookies = []
    page.on(
        "response",
        lambda r: set_cookies.append(r.url) if r.headers.get("set-cookie") else None,
    )
    for path in ("/", "/blog/", post.url, "/impressum/"):
        with page.expect_response(lambda r: "/statistik/b/" in r.url):
            page.goto(f"{server_url}{path}")
    page.wait_for_timeout(300)
    assert not set_cookies
    assert not context.cookies()
    stored = page.evaluate(
        "() => [document.cookie, localStorage.length, sessionStorage.length]"
    )
    assert stored == ["", 0, 0]
    flush(wait=True)
    assert DailySiteStat.objects.get().views == 4
    assert DailySiteStat.objects.get().visitors == 1


def test_the_report_has_no_axe_violations_and_its_screenshot(
    new_context, server_url, quality_report
):
    call_command("generate_stats", days=365, verbosity=0)
    context = new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    log_in(page, server_url)
    page.goto(f"{server_url}/admin/statistik/?tage=90")
    expect(page.locator("svg.stats-chart")).to_be_visible()
    results = Axe().run(page)
    violations = results.response["violations"]
    quality_report.setdefault("axe", {})["statistik (admin)"] = {
        "violations": len(violations)
    }
    assert not violations, [
        (v["id"], [n["target"] for n in v["nodes"]]) for v in violations
    ]
    if os.environ.get("STATS_SCREENSHOT"):
        (DOCS / "screenshots").mkdir(exist_ok=True)
        page.screenshot(
            path=str(DOCS / "screenshots" / "statistik.png"),
            full_page=True,
            animations="disabled",
        )
