"""What is never cached or shared between readers."""

import pytest

from previews.models import PreviewLink
from tests.factories import make_post

from .conftest import warm

pytestmark = pytest.mark.django_db

USERBAR = "wagtail-userbar"


@pytest.fixture
def post(blog):
    return make_post(blog, "Zuhören lernen", slug="zuhoeren-lernen", tags=["Führung"])


@pytest.fixture
def test_urls(settings):
    settings.ROOT_URLCONF = "tests.cache.urls"


@pytest.fixture
def editor_cookies(client, editor):
    client.force_login(editor)
    return {"sessionid": client.cookies["sessionid"].value}


def assert_never_stored(server, url, **kwargs):
    server.get(url, **kwargs)
    second = server.get(url, **kwargs)
    assert second.cache in {"miss", "bypass"}, (url, second.headers)
    return second


def assert_private(answer):
    control = answer.headers.get("cache-control", "")
    assert "private" in control or "no-store" in control or "no-cache" in control
    assert "public" not in control


def test_editor_never_gets_the_cached_anonymous_page(server, post, editor_cookies):
    anonymous = warm(server, post.url)[post.url]
    assert USERBAR not in anonymous.text

    answer = server.get(post.url, cookies=editor_cookies)
    assert answer.cache == "bypass"
    assert USERBAR in answer.text
    assert_private(answer)


def test_anonymous_never_gets_the_editors_page(server, post, editor_cookies):
    editors = server.get(post.url, cookies=editor_cookies)
    assert USERBAR in editors.text

    first = server.get(post.url)
    assert first.cache == "miss"
    assert USERBAR not in first.text
    assert USERBAR not in server.get(post.url).text


def test_a_csrf_cookie_alone_bypasses_the_cache(server, post):
    warm(server, post.url)
    answer = server.get(post.url, cookies={"csrftoken": "x" * 32})
    assert answer.cache == "bypass"
    assert_private(answer)


def test_a_session_cookie_behind_a_malformed_cookie_still_bypasses(
    server, post, editor_cookies
):
    warm(server, post.url)
    cookies = {"kaputt": 'a"b;c', **editor_cookies}
    answer = server.get(post.url, cookies=cookies)
    assert answer.cache == "bypass"
    assert USERBAR in answer.text


def test_other_cookies_still_get_the_cached_page(server, post):
    warm(server, post.url)
    assert server.get(post.url, cookies={"theme": "dunkel"}).cache == "hit"


def test_preview_links_are_never_cached(server, post, editor):
    draft = post.get_latest_revision_as_object()
    draft.title = "Geheimer Entwurf"
    draft.save_revision()
    _, token = PreviewLink.create_for(post, editor)
    url = f"/vorschau/{token}/"
    second = assert_never_stored(server, url)
    assert "Geheimer Entwurf" in second.text
    assert second.cache == "bypass"
    assert second.headers["cache-control"] == "private, no-store"


@pytest.mark.parametrize(
    "url",
    [
        "/abo/bitte-bestaetigen/",
        "/abo/bestaetigen/unbekannt/",
        "/abo/abmelden/unbekannt/",
    ],
)
def test_subscription_pages_are_never_cached(server, home, url):
    second = assert_never_stored(server, url)
    assert second.cache == "bypass"
    assert_private(second)


def test_search_with_a_query_is_never_cached(server, post, search_index):
    post.save_revision().publish()
    second = assert_never_stored(server, "/suche/?q=Zuh%C3%B6ren")
    assert "<mark>Zuhören</mark> lernen" in second.text  # found, and highlighted
    assert_private(second)
    # The empty search page is the same for everyone.
    warm(server, "/suche/")


def test_the_admin_is_never_cached(server, editor_cookies, home):
    second = assert_never_stored(server, "/admin/login/")
    assert second.cache == "bypass"
    answer = server.get("/admin/", cookies=editor_cookies)
    assert answer.status == 200 and answer.cache == "bypass"
    assert_private(answer)


def test_non_get_requests_go_to_django(server, post):
    warm(server, post.url)
    cached = server.get(post.url).body
    answer = server.request(post.url, method="POST")
    assert answer.cache == "bypass"
    assert answer.body != cached
    assert server.request(post.url, method="OPTIONS").cache == "bypass"


def test_responses_setting_cookies_are_never_stored(server, test_urls, home):
    second = assert_never_stored(server, "/test/keks/")
    assert "gesehen=1" in second.headers["set-cookie"]
    assert_private(second)


def test_responses_varying_on_other_headers_are_not_shared(server, test_urls, home):
    assert_never_stored(server, "/test/sprache/")


def test_compressed_and_plain_answers_are_kept_apart(server, test_urls, home):
    warm(server, "/test/gzip/")
    gzip = {"accept_encoding": "gzip, deflate, br"}
    assert server.get("/test/gzip/", **gzip).text == "gepackt"
    answer = server.get("/test/gzip/", **gzip)
    assert answer.cache == "hit" and answer.text == "gepackt"
    assert server.get("/test/gzip/").text == "ungepackt"


def test_streamed_answers_pass_through_unstored(server, test_urls, home):
    answer = assert_never_stored(server, "/test/strom/")
    assert answer.text == "Teil 1, Teil 2."


def test_vary_accept_is_shared_as_html_only(server, test_urls, home):
    warm(server, "/test/accept/")
    answer = server.get("/test/accept/", accept="application/activity+json")
    assert answer.cache == "bypass"


@pytest.mark.parametrize("url", ["/test/umleitung/", "/test/fehler/"])
def test_other_statuses_are_never_stored(server, test_urls, home, url):
    second = assert_never_stored(server, url)
    assert second.status in {302, 500}
    assert_private(second)


def test_404_is_cached_briefly(server, home, django_assert_num_queries):
    server.get("/gibt-es-nicht/")
    with django_assert_num_queries(0):
        answer = server.get("/gibt-es-nicht/")
    assert answer.status == 404 and answer.cache == "hit"
    assert "s-maxage=60" in answer.headers["cache-control"]


def test_301_is_cached_briefly(server, blog):
    server.get("/blog")
    answer = server.get("/blog")
    assert answer.status == 301 and answer.cache == "hit"
    assert answer.headers["location"].endswith("/blog/")
    assert "s-maxage=60" in answer.headers["cache-control"]


def test_json_content_negotiation_is_never_answered_from_html(server, post):
    warm(server, post.url)
    answer = server.get(post.url, accept="application/activity+json")
    assert answer.cache == "bypass"


def test_media_and_static_files_are_not_stored(server, home):
    assert server.get("/static/css/site.css").cache == "bypass"


@pytest.mark.parametrize("kind", ["password", "login"])
def test_restricted_pages_are_never_shared(server, post, kind):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(
        page=post,
        restriction_type=kind,
        password="geheim" if kind == "password" else "",
    )
    for _ in range(2):
        answer = server.get(post.url)
        assert answer.cache == "miss"
        assert "Text von Artikel" not in answer.text
        assert_private(answer)
