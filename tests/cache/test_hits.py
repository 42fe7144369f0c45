"""A second anonymous request is answered from the cache, without SQL."""

import pytest

from tests.factories import make_post, make_standard_page

from .conftest import warm

pytestmark = pytest.mark.django_db


@pytest.fixture
def post(blog):
    return make_post(blog, "Zuhören lernen", tags=["Führung"])


PUBLIC_URLS = [
    "/",
    "/blog/",
    "/blog/?page=1",
    "/blog/zuhoeren-lernen/",
    "/blog/tag/fuehrung/",
    "/impressum/",
    "/feed/",
    "/feed/atom/",
    "/feed/tag/fuehrung/",
    "/sitemap.xml",
    "/robots.txt",
    "/suche/",
]


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_second_anonymous_get_is_a_hit_without_sql(
    server, home, blog, django_assert_num_queries, url
):
    make_post(blog, "Zuhören lernen", slug="zuhoeren-lernen", tags=["Führung"])
    make_standard_page(home, "Impressum", "impressum")

    first = server.get(url)
    assert first.status == 200
    assert first.cache == "miss"
    with django_assert_num_queries(0):
        second = server.get(url)
    assert second.cache == "hit"
    assert second.body == first.body
    assert second.headers["content-type"] == first.headers["content-type"]


def test_public_answers_tell_a_cdn_how_long(server, post):
    answer = server.get(post.url)
    control = answer.headers["cache-control"]
    assert "public" in control
    assert "s-maxage=300" in control
    assert "stale-while-revalidate=3600" in control
    assert "max-age=0" in control
    assert answer.headers["etag"]


def test_matching_if_none_match_gets_304_from_the_cache(
    server, post, django_assert_num_queries
):
    etag = warm(server, post.url)[post.url].headers["etag"]
    with django_assert_num_queries(0):
        answer = server.get(post.url, if_none_match=etag)
    assert answer.status == 304
    assert answer.body == b""
    assert answer.headers["etag"] == etag
    assert answer.cache == "hit"

    other = server.get(post.url, if_none_match='"something-else"')
    assert other.status == 200
    assert other.body


def test_304_on_the_first_request_too(server, post, client):
    # The ETag is the content's, so a browser's copy from before a restart
    # still matches; and Django answers 304 itself when the cache is off.
    etag = client.get(post.url)["ETag"]
    assert server.get(post.url, if_none_match=etag).status == 304
    assert client.get(post.url, HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_changed_page_gets_a_new_etag(server, blog, post, committing):
    etag = server.get(post.url).headers["etag"]
    with committing():
        post.title = "Zuhören üben"
        post.save_revision().publish()
    answer = server.get(post.url, if_none_match=etag)
    assert answer.status == 200
    assert answer.headers["etag"] != etag
    assert "Zuhören üben" in answer.text


def test_head_is_answered_from_the_cache_without_body(
    server, post, django_assert_num_queries
):
    head = server.get(post.url, method="HEAD")
    assert head.status == 200 and head.body == b""
    with django_assert_num_queries(0):
        again = server.get(post.url, method="HEAD")
        full = server.get(post.url)
    assert again.cache == full.cache == "hit"
    assert again.body == b""
    assert "Zuhören lernen" in full.text


def test_query_strings_are_separate_entries(server, blog):
    for number in range(12):
        make_post(blog, f"Beitrag {number}")
    first = server.get("/blog/")
    second = server.get("/blog/?page=2")
    assert first.body != second.body
    assert server.get("/blog/?page=2").body == second.body


def test_switched_off_nothing_is_cached(server, post, settings):
    settings.PAGE_CACHE_ENABLED = False
    server.get(post.url)
    answer = server.get(post.url)
    assert answer.cache == "bypass"
    assert "s-maxage" in answer.headers["cache-control"]  # still CDN-ready
