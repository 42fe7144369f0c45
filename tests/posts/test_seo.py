import json
from datetime import UTC, date, datetime

import pytest
import time_machine
from bs4 import BeautifulSoup

from django.template.loader import render_to_string
from django.test import RequestFactory

from tests.factories import make_image, make_post, make_standard_page
from tests.posts.helpers import make_author, make_full_post


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def meta(soup, key):
    tag = soup.find("meta", attrs={"property": key}) or soup.find(
        "meta", attrs={"name": key}
    )
    return tag["content"] if tag else None


def json_ld(soup):
    scripts = soup.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


@pytest.fixture
def post(blog):
    with time_machine.travel(datetime(2026, 3, 2, 7, 15, tzinfo=UTC), tick=False):
        post = make_full_post(
            blog,
            "Empathie </script> als Stärke",
            author=make_author(),
            tags=["Leadership", "Purpose"],
            post_date=date(2026, 3, 2),
            # Large enough for the 1200 × 630 link preview.
            feature_image=make_image(size=(1600, 900)),
        )
    return post


def test_post_has_blog_posting_json_ld(client, post):
    data = json_ld(soup_of(client, post.url))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "BlogPosting"
    assert data["headline"] == "Empathie </script> als Stärke"
    assert data["datePublished"] == "2026-03-02T08:15:00+01:00"
    assert datetime.fromisoformat(data["dateModified"]) >= datetime.fromisoformat(
        data["datePublished"]
    )
    assert data["author"] == {"@type": "Person", "name": "Mesut Karaca"}
    assert data["image"].startswith("http://testserver/media/")
    assert data["url"] == post.get_full_url()
    assert data["keywords"] == ["Leadership", "Purpose"]


def test_json_ld_cannot_close_its_script_element(client, post):
    html = client.get(post.url).content.decode()
    script = html.split('<script type="application/ld+json">', 1)[1]
    assert script.index("</script>") > script.index("\\u003C/script\\u003E")


def test_home_has_website_json_ld_with_search_action(client, home):
    data = json_ld(soup_of(client, "/"))
    assert data["@type"] == "WebSite"
    assert data["name"] == "Mesuts Blog"
    assert data["url"] == "http://testserver/"
    action = data["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert (
        action["target"]["urlTemplate"]
        == "http://testserver/suche/?q={search_term_string}"
    )
    assert action["query-input"] == "required name=search_term_string"


def test_post_meta_description_canonical_and_open_graph(client, post):
    soup = soup_of(client, post.url)
    assert soup.title.get_text().startswith("Empathie </script> als Stärke")
    assert meta(soup, "description") == post.teaser
    canonical = soup.find("link", rel="canonical")["href"]
    assert canonical == post.get_full_url() and canonical.startswith("http://")
    assert meta(soup, "og:url") == canonical
    assert meta(soup, "og:type") == "article"
    assert meta(soup, "og:title") == post.title
    assert meta(soup, "og:locale") == "de_DE"
    assert meta(soup, "og:image").startswith("http://testserver/media/images/")
    assert "fill-1200x630" in meta(soup, "og:image")
    rendition = post.feature_image.get_rendition("fill-1200x630|format-jpeg")
    assert meta(soup, "og:image") == "http://testserver" + rendition.url
    assert meta(soup, "og:image:width") == str(rendition.width) == "1200"
    # Wagtail's crop may round a pixel up.
    assert meta(soup, "og:image:height") == str(rendition.height) in {"630", "631"}
    assert meta(soup, "og:image:alt") == "Ein Titelbild"
    assert meta(soup, "article:published_time") == "2026-03-02T08:15:00+01:00"
    assert meta(soup, "twitter:card") == "summary_large_image"
    assert meta(soup, "robots") is None


def test_search_description_wins_over_teaser(client, blog):
    post = make_post(blog, "Mit Beschreibung", search_description="Für Suchmaschinen.")
    assert meta(soup_of(client, post.url), "description") == "Für Suchmaschinen."


@pytest.mark.parametrize("url", ["/", "/blog/", "/impressum/", "/blog/tag/leadership/"])
def test_every_page_has_absolute_canonical_and_feed_links(client, home, post, url):
    make_standard_page(home, "Impressum", "impressum")
    soup = soup_of(client, url)
    canonical = soup.find("link", rel="canonical")["href"]
    assert canonical == "http://testserver" + url
    assert meta(soup, "og:url") == canonical
    assert meta(soup, "twitter:card") == "summary"
    feeds = {
        link["href"]: link["type"] for link in soup.find_all("link", rel="alternate")
    }
    assert feeds["/feed/"] == "application/rss+xml"
    assert feeds["/feed/atom/"] == "application/atom+xml"


def test_tag_page_links_its_own_feeds(client, post):
    soup = soup_of(client, "/blog/tag/purpose/")
    hrefs = [link["href"] for link in soup.find_all("link", rel="alternate")]
    assert "/feed/tag/purpose/" in hrefs and "/feed/tag/purpose/atom/" in hrefs
    assert meta(soup, "og:title") == "Artikel zum Thema „Purpose“"


def test_second_listing_page_is_its_own_canonical(client, blog):
    for n in range(11):
        make_post(blog, f"Artikel {n}")
    soup = soup_of(client, "/blog/?page=2")
    assert (
        soup.find("link", rel="canonical")["href"] == "http://testserver/blog/?page=2"
    )


def test_wagtail_preview_is_noindex(client, post, editor):
    client.force_login(editor)
    response = client.get(f"/admin/pages/{post.pk}/edit/preview/")
    soup = BeautifulSoup(response.content, "html.parser")
    assert meta(soup, "robots") == "noindex"
    assert soup.find("link", rel="canonical") is None


def test_preview_link_context_is_noindex(post):
    request = RequestFactory().get(post.url)
    html = render_to_string(
        "includes/seo.html", {"request": request, "page": post, "is_preview_link": True}
    )
    soup = BeautifulSoup(html, "html.parser")
    assert meta(soup, "robots") == "noindex"
    assert json.loads(soup.find("script", type="application/ld+json").string)[
        "headline"
    ]


def test_not_found_page_renders_its_head(client, home):
    response = client.get("/gibt-es-nicht/")
    assert response.status_code == 404
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("link", rel="canonical") is None
    assert soup.find("link", rel="alternate")["href"] == "/feed/"


def test_overriding_the_meta_block_keeps_the_feed_links(home, rf):
    from django.template import engines

    template = engines["django"].from_string(
        '{% extends "base.html" %}{% block meta %}<meta name="x" content="y">{% endblock %}'
    )
    html = template.render({"page": home}, rf.get("/"))
    assert '<meta name="x" content="y">' in html and 'href="/feed/atom/"' in html
    assert "og:title" not in html


def test_preview_link_page_has_one_robots_tag_and_no_canonical(client, post, editor):
    from previews.models import PreviewLink

    draft = post.get_latest_revision_as_object()
    draft.title = "Neuer Titel im Entwurf"
    draft.save_revision()
    _, token = PreviewLink.create_for(post, editor)
    soup = BeautifulSoup(client.get(f"/vorschau/{token}/").content, "html.parser")
    robots = soup.find_all("meta", attrs={"name": "robots"})
    assert [tag["content"] for tag in robots] == ["noindex, nofollow"]
    assert soup.find("link", rel="canonical") is None
    assert meta(soup, "og:url") is None
    assert json_ld(soup)["headline"] == "Neuer Titel im Entwurf"
