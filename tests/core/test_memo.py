"""core.memo: what every render asks is worked out once per content change.

A warm render needs (nearly) no SQL; a change committed anywhere (another app
server: only the generation token changes here) or made in this process shows
at once; previews, search highlights and hostile input never use or fill it."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from core import pagecache
from core.memo import MAX_ENTRIES, memo
from posts.models import BlogPostPage
from tests.factories import make_image, make_post

pytestmark = pytest.mark.django_db


def warm(client, *urls):
    """Twice: the first request may create rows (site settings, renditions),
    and a change in this process keeps that request's answers out."""
    for url in urls:
        client.get(url)
        client.get(url)


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


@pytest.fixture
def posts(blog):
    made = [
        make_post(blog, f"Beitrag {n}", tags=["Führung"], feature_image=make_image())
        for n in range(4)
    ]
    return made


def test_a_warm_render_needs_at_most_the_view_restriction_query(client, posts):
    urls = [
        "/",
        "/blog/",
        "/blog/tag/fuehrung/",
        posts[1].url,
        "/feed/",
        "/sitemap.xml",
    ]
    warm(client, *urls)  # renditions, site settings created on first use
    memo.clear()
    cold = {url: queries(client, url) for url in urls}
    hot = {url: queries(client, url) for url in urls}
    print("queries cold/warm:", cold, hot)
    for url in urls:
        assert hot[url] <= 2, (url, hot[url])
        assert hot[url] < cold[url], url


def test_a_change_committed_elsewhere_shows_on_the_next_request(client, posts):
    post = posts[1]
    warm(client, post.url)
    assert "Beitrag 2" in client.get(post.url).content.decode()  # the next post
    # Another app server publishes: here only the generation token changes
    # (no signal in this process); an UPDATE without signals stands in for it.
    BlogPostPage.objects.filter(pk=posts[2].pk).update(title="Umbenannt")
    stale = client.get(post.url).content.decode()
    assert "Umbenannt" not in stale, "the memo should still answer"
    pagecache.invalidate()
    assert "Umbenannt" in client.get(post.url).content.decode()


def test_a_change_in_this_process_shows_at_once(client, blog, posts):
    warm(client, "/blog/", "/blog/tag/fuehrung/", posts[3].url)
    assert "Beitrag 0" in client.get("/blog/").content.decode()
    # No commit in this test's transaction, so no new generation: the signals
    # of the save itself empty the memo.
    make_post(blog, "Ganz neu", tags=["Führung"])
    html = client.get("/blog/").content.decode()
    assert "Ganz neu" in html
    assert "Ganz neu" in client.get("/blog/tag/fuehrung/").content.decode()
    assert "Ganz neu" in client.get(posts[3].url).content.decode()  # as next post


def test_previews_render_the_draft_not_the_memo(client, posts):
    post = posts[1]
    warm(client, post.url)  # the live page is remembered
    post.title = "Entwurfstitel"
    post.body = [("paragraph", "<p>Nur im Entwurf.</p>")]
    post.save_revision()
    # Wagtail's preview machinery, as the admin and preview links use it.
    draft = BlogPostPage.objects.get(pk=post.pk).get_latest_revision_as_object()
    preview = draft.make_preview_request(preview_mode=draft.default_preview_mode)
    preview.render()
    assert "Nur im Entwurf." in preview.content.decode()
    assert "Nur im Entwurf." not in client.get(post.url).content.decode()


def test_search_highlights_are_never_remembered(client, posts, search_index):
    from django.core.management import call_command

    call_command("update_index", verbosity=0)
    warm(client, "/blog/")  # the plain cards are remembered
    html = client.get("/suche/", {"q": "Beitrag"}).content.decode()
    assert "<mark>Beitrag</mark>" in html


def test_probes_for_missing_pages_and_foreign_hosts_leave_no_trace(
    client, posts, settings
):
    settings.ALLOWED_HOSTS = ["testserver"]
    warm(client, posts[0].url, "/blog/gibt-es-nicht/")
    before = len(memo._values)
    for n in range(50):
        assert client.get(f"/blog/gibt-es-nicht-{n}/").status_code == 404
        assert (
            client.get(posts[0].url, HTTP_HOST=f"fremd{n}.example").status_code == 400
        )
    # Nothing was added (another test's leftovers may empty the memo meanwhile).
    assert len(memo._values) <= before
    probes = ("gibt-es-nicht-", "fremd")
    assert not [key for key in memo._values if any(p in repr(key) for p in probes)]


def test_the_memo_stops_growing_at_its_limit(monkeypatch):
    monkeypatch.setattr("core.memo.MAX_ENTRIES", 3)
    memo.clear()
    for n in range(10):
        assert memo.get(("probe", n), lambda n=n: n) == n
    assert len(memo._values) == 3
    assert MAX_ENTRIES > 1000  # the real limit holds a big site's keys


def test_sitemap_pages_are_one_key_and_bad_pages_are_404(client, posts):
    first = client.get("/sitemap.xml")
    assert client.get("/sitemap.xml", {"p": "01"}).content == first.content
    assert client.get("/sitemap.xml", {"p": "2"}).status_code == 404
    assert client.get("/sitemap.xml", {"p": "abc"}).status_code == 404
    assert first["X-Robots-Tag"] == "noindex, noodp, noarchive"


def test_each_remembered_sign_up_box_records_its_own_page(client, posts):
    warm(client, posts[0].url, posts[1].url)
    for post in posts[:2]:
        html = client.get(post.url).content.decode()
        assert f'name="source" value="{post.url}"' in html, post.url


def test_a_page_cache_miss_hands_its_token_to_the_render(posts, settings):
    """The render's lookups use the token the WSGI layer read (no second read)."""
    from django.test import Client

    from core.pagecache import GENERATION_ENVIRON_KEY, PageCacheMiddleware

    settings.PAGE_CACHE_ENABLED = True
    seen = []

    def app(environ, start_response):
        seen.append(environ.get(GENERATION_ENVIRON_KEY))
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"ok"]

    environ = Client().get("/").wsgi_request.environ.copy()
    environ.update(REQUEST_METHOD="GET", PATH_INFO="/probe/", HTTP_COOKIE="")
    list(PageCacheMiddleware(app)(environ, lambda *a: None))
    assert seen == [pagecache.generation.current()]


def test_without_a_generation_token_pages_render_in_full(client, posts, monkeypatch):
    """Redis restarting: the memo steps aside, readers still get their pages."""

    def down():
        raise ConnectionError("Redis weg")

    warm(client, posts[1].url)
    monkeypatch.setattr(pagecache.generation, "current", down)
    response = client.get(posts[1].url)
    assert response.status_code == 200
    assert "Beitrag 2" in response.content.decode()
