from datetime import UTC, date, datetime

import feedparser
import pytest
import time_machine
from bs4 import BeautifulSoup

from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.memo import memo
from core.models import SiteSettings
from tests.factories import make_post
from tests.posts.helpers import make_author, make_full_post, make_private

FEEDS = ["/feed/", "/feed/atom/"]


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert not response.cookies
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return response, parsed


@pytest.mark.parametrize("url", FEEDS)
def test_feed_lists_newest_published_posts_with_absolute_urls(client, blog, url):
    author = make_author()
    older = make_full_post(
        blog, "Älterer Artikel", post_date=date(2026, 1, 2), author=author
    )
    newer = make_full_post(
        blog, "Neuerer Artikel", post_date=date(2026, 1, 5), link_page=older
    )
    make_post(blog, "Entwurf", live=False)
    make_private(make_post(blog, "Geschützt"))

    _, parsed = fetch(client, url)

    assert parsed.feed.language == "de"
    assert [entry.title for entry in parsed.entries] == [newer.title, older.title]
    first, second = parsed.entries
    assert first.link == newer.get_full_url()
    assert first.link.startswith("http://")
    assert first.summary == newer.teaser
    assert [tag.term for tag in first.tags] == ["Leadership"]
    assert second.author == "Mesut Karaca"
    content = first.content[0].value
    # Full content: body text, an absolute image, the internal link made absolute.
    assert "Gesprächskultur" in content
    assert f'href="{older.get_full_url()}"' in content
    assert 'src="http://testserver/' in content and 'src="/' not in content
    assert "youtube.com/watch?v=aaaaaaaaaaa" in content
    assert "<script" not in content


def test_rss_dates_carry_the_time_zone(client, blog):
    with time_machine.travel(datetime(2026, 1, 15, 10, 30, tzinfo=UTC), tick=False):
        make_post(blog, "Winterartikel", post_date=date(2026, 1, 15))
    with time_machine.travel(datetime(2026, 7, 15, 10, 30, tzinfo=UTC), tick=False):
        make_post(blog, "Sommerartikel", post_date=date(2026, 7, 15))
    rss = client.get("/feed/").content.decode()
    assert "<pubDate>Thu, 15 Jan 2026 11:30:00 +0100</pubDate>" in rss
    assert "<pubDate>Wed, 15 Jul 2026 12:30:00 +0200</pubDate>" in rss
    atom = client.get("/feed/atom/").content.decode()
    assert "<published>2026-07-15T12:30:00+02:00</published>" in atom


def test_backdated_post_is_dated_by_its_date_field(client, blog):
    make_post(blog, "Nachgetragen", post_date=date(2020, 3, 1))
    _, parsed = fetch(client, "/feed/atom/")
    assert parsed.entries[0].published.startswith("2020-03-01T00:00:00+01:00")


@pytest.mark.parametrize("url", ["/feed/tag/marketing/", "/feed/tag/marketing/atom/"])
def test_tag_feed_lists_only_posts_with_that_tag(client, blog, url):
    make_post(blog, "Nur Führung", tags=["Leadership"])
    tagged = [
        make_post(blog, f"Marke {n}", tags=["Marketing", "Purpose"]) for n in range(2)
    ]
    make_post(blog, "Marke als Entwurf", tags=["Marketing"], live=False)

    _, parsed = fetch(client, url)

    assert {entry.title for entry in parsed.entries} == {post.title for post in tagged}
    assert "Marketing" in parsed.feed.title
    assert parsed.feed.link.endswith("/blog/tag/marketing/")


def test_unknown_or_empty_tag_feed_is_404(client, blog):
    make_post(blog, "Entwurf", tags=["Branding"], live=False)
    assert client.get("/feed/tag/gibt-es-nicht/").status_code == 404
    assert client.get("/feed/tag/branding/").status_code == 404


def test_summary_setting_leaves_out_the_body(client, blog, site_tree):
    post = make_full_post(blog, "Kurzfassung")
    settings = SiteSettings.for_site(site_tree["site"])
    settings.feed_full_content = False
    settings.save()

    for url in FEEDS:
        _, parsed = fetch(client, url)
        content = parsed.entries[0].content[0].value
        assert post.teaser in content
        assert "Gesprächskultur" not in content
        assert f'href="{post.get_full_url()}"' in content
        assert 'src="http://testserver/' in content


def test_feed_has_at_most_twenty_entries(client, blog):
    for n in range(22):
        make_post(blog, f"Artikel Nummer {n}", post_date=date(2026, 1, 1 + n))
    _, parsed = fetch(client, "/feed/")
    assert len(parsed.entries) == 20
    assert parsed.entries[0].title == "Artikel Nummer 21"


def feed_queries(client, url):
    client.get(url)  # the first request makes the image renditions
    memo.clear()  # the first render after a change (core.memo)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_feed_queries_do_not_grow_with_entries(
    client, blog, django_assert_max_num_queries
):
    urls = [*FEEDS, "/feed/tag/leadership/"]
    author = make_author()
    first = make_full_post(blog, "Artikel 0", author=author)
    for n in range(1, 5):
        make_full_post(blog, f"Artikel {n}", author=author, link_page=first)
    with_five = {url: feed_queries(client, url) for url in urls}
    for n in range(5, 25):
        make_full_post(blog, f"Artikel {n}", author=author, link_page=first)
    with_twenty_five = {url: feed_queries(client, url) for url in urls}
    assert with_five == with_twenty_five
    for url in urls:
        with django_assert_max_num_queries(with_five[url]):
            client.get(url)
    print(f"queries for 5 and 25 posts: {with_five}")


@pytest.mark.parametrize("url", FEEDS)
def test_feed_carries_tables_and_code_as_plain_markup(client, blog, url):
    make_full_post(blog, "Mit Tabelle und Code")
    _, parsed = fetch(client, url)
    soup = BeautifulSoup(parsed.entries[0].content[0].value, "html.parser")
    table = soup.find("table")
    assert table.caption.text == "Sprechzeiten"
    assert [th.text for th in table.select("thead th")] == ["Tag", "Minuten"]
    assert [td.text for td in table.select("tbody td")] == ["Dienstag", "45"]
    assert soup.select_one("pre > code").text == "echo 'Zuhören' > notiz.txt"
