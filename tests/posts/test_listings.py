from datetime import date

import pytest
from bs4 import BeautifulSoup

from posts.models import BlogTag
from tests.factories import make_image, make_post

pytestmark = pytest.mark.django_db


def soup_of(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def titles(response):
    return [a.text for a in soup_of(response).select(".post-card__title a")]


def test_home_shows_name_tagline_tag_row_newest_posts_and_subscribe_box(client, blog):
    make_post(blog, "Älterer Artikel", post_date=date(2025, 3, 1), tags=["Marketing"])
    make_post(
        blog,
        "Neuester Artikel",
        post_date=date(2026, 1, 16),
        tags=["Leadership"],
        feature_image=make_image(),
    )
    make_post(blog, "Entwurf", live=False)
    soup = soup_of(client.get("/"))
    assert soup.find("h1").text.strip() == "Mesuts Blog"
    assert soup.select_one(".hero__tagline").text == "Ein Testblog"
    filters = [a.text.split(" (")[0].strip() for a in soup.select(".tag-filter a")]
    assert filters == ["Alle", "Leadership", "Marketing"]
    assert [a.text for a in soup.select(".post-card__title a")] == [
        "Neuester Artikel",
        "Älterer Artikel",
    ]
    assert soup.select_one(".post-card time").text == "16. Januar 2026"
    assert soup.select_one(".post-card picture img")["alt"] == ""
    assert soup.find(id="abonnieren-titel").text == "Abonnieren"


def test_home_shows_at_most_six_posts(client, blog):
    for _ in range(8):
        make_post(blog)
    assert len(titles(client.get("/"))) == 6


def test_index_lists_newest_first_with_german_dates(client, blog):
    make_post(blog, "März", post_date=date(2026, 3, 5))
    make_post(blog, "Januar", post_date=date(2026, 1, 16))
    make_post(blog, "Dezember", post_date=date(2025, 12, 24))
    response = client.get("/blog/")
    assert response.status_code == 200
    assert titles(response) == ["März", "Januar", "Dezember"]
    dates = [t.text for t in soup_of(response).select(".post-card time")]
    assert dates == ["5. März 2026", "16. Januar 2026", "24. Dezember 2025"]


def test_drafts_and_private_posts_are_not_listed(client, blog):
    make_post(blog, "Öffentlich")
    make_post(blog, "Nur Entwurf", live=False)
    assert titles(client.get("/blog/")) == ["Öffentlich"]


def test_tag_filter_row_has_all_first_counts_and_marks_the_current_tag(client, blog):
    make_post(blog, "A", tags=["Leadership", "Marketing"])
    make_post(blog, "B", tags=["Leadership"])
    make_post(blog, "Entwurf mit Tag", tags=["Branding"], live=False)
    soup = soup_of(client.get("/blog/tag/leadership/"))
    links = soup.select(".tag-filter a")
    assert links[0].text == "Alle" and links[0]["href"] == "/blog/"
    labels = {a.text.split(" (")[0].strip(): a for a in links[1:]}
    assert set(labels) == {"Leadership", "Marketing"}  # tags of drafts are not offered
    assert "(2)" in labels["Leadership"].text and "(1)" in labels["Marketing"].text
    assert labels["Leadership"].get("aria-current") == "page"
    assert not links[0].get("aria-current")
    assert (
        soup_of(client.get("/blog/")).select(".tag-filter a")[0].get("aria-current")
        == "page"
    )


def test_tag_page_lists_only_that_tags_posts_and_has_a_clean_url(client, blog):
    make_post(blog, "Führung", tags=["Leadership"])
    make_post(blog, "Werbung", tags=["Marketing"])
    response = client.get("/blog/tag/leadership/")
    assert response.status_code == 200
    assert titles(response) == ["Führung"]
    assert soup_of(response).find("h1").text == "Artikel zum Thema „Leadership“"


def test_tags_with_umlauts_and_spaces_get_readable_slugs(client, blog):
    make_post(blog, "Kultur", tags=["Führung & Kultur", "Customer Experience"])
    assert set(BlogTag.objects.values_list("slug", flat=True)) == {
        "fuehrung-kultur",
        "customer-experience",
    }
    assert titles(client.get("/blog/tag/fuehrung-kultur/")) == ["Kultur"]
    assert titles(client.get("/blog/tag/customer-experience/")) == ["Kultur"]
    html = client.get("/blog/").content.decode()
    assert 'href="/blog/tag/fuehrung-kultur/"' in html


@pytest.mark.parametrize(
    "path", ["/blog/tag/gibt-es-nicht/", "/blog/tag/%C3%BC/", "/blog/tag/a%00b/"]
)
def test_unknown_tag_is_a_404(client, blog, path):
    make_post(blog, tags=["Leadership"])
    response = client.get(path)
    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.content.decode()


def test_tag_with_only_drafts_is_a_404(client, blog):
    make_post(blog, tags=["Geheim"], live=False)
    assert client.get("/blog/tag/geheim/").status_code == 404


@pytest.fixture
def five_posts_two_per_page(blog, monkeypatch):
    monkeypatch.setattr(type(blog), "posts_per_page", 2)
    for number in range(5):
        make_post(blog, f"Artikel Nr. {number}", post_date=date(2025, 1, 1 + number))


@pytest.mark.usefixtures("five_posts_two_per_page")
def test_pagination_edge_cases_never_fail(client):
    cases = [
        ("", 200, "Artikel Nr. 4"),
        ("?page=1", 200, "Artikel Nr. 4"),
        ("?page=2", 200, "Artikel Nr. 2"),
        ("?page=3", 200, "Artikel Nr. 0"),
        ("?page=abc", 200, "Artikel Nr. 4"),
        ("?page=0", 200, "Artikel Nr. 4"),
        ("?page=-3", 200, "Artikel Nr. 4"),
        ("?page=2.5", 200, "Artikel Nr. 4"),
        ("?page=%00", 200, "Artikel Nr. 4"),
        ("?page=&page=2", 200, "Artikel Nr. 2"),
        ("?page=" + "9" * 400, 404, None),
        ("?page=4", 404, None),
    ]
    for query, status, first_title in cases:
        response = client.get("/blog/" + query)
        assert response.status_code == status, query
        if first_title:
            assert titles(response)[0] == first_title, query


@pytest.mark.usefixtures("five_posts_two_per_page")
def test_pagination_links_and_page_sizes(client):
    first = client.get("/blog/")
    assert len(titles(first)) == 2
    nav = soup_of(first).select_one(".pagination")
    assert nav.select_one('a[rel="next"]')["href"] == "?page=2"
    assert "Seite 1 von 3" in nav.text
    last = client.get("/blog/?page=3")
    assert titles(last) == ["Artikel Nr. 0"]
    assert soup_of(last).select_one('.pagination a[rel="prev"]')["href"] == "?page=2"


def test_ten_posts_per_page_by_default(client, blog):
    for _ in range(11):
        make_post(blog)
    assert len(titles(client.get("/blog/"))) == 10
    assert len(titles(client.get("/blog/?page=2"))) == 1


def test_post_page_shows_date_reading_time_teaser_tags_and_neighbours(client, blog):
    older = make_post(blog, "Der Ältere", post_date=date(2026, 1, 10))
    post = make_post(
        blog,
        "Der Mittlere",
        post_date=date(2026, 1, 16),
        tags=["Leadership"],
        teaser="Worum es geht.",
        body=[("paragraph", "<p>" + "Wort " * 500 + "</p>")],
        feature_image=make_image(credit="Bild: Lena / Nordlicht"),
        feature_image_alt="Ein Bild",
    )
    newer = make_post(blog, "Der Neuere", post_date=date(2026, 2, 1))
    make_post(blog, "Unveröffentlicht", post_date=date(2026, 1, 20), live=False)
    soup = soup_of(client.get(post.url))
    assert len(soup.find_all("h1")) == 1
    assert soup.find("h1").text == "Der Mittlere"
    meta = soup.select_one(".post__header .post-meta").text
    assert "16. Januar 2026" in meta and "3 Min. Lesezeit" in meta
    assert soup.select_one(".post__header .lead").text == "Worum es geht."
    assert [a.text for a in soup.select(".post__header .tag-list a")] == ["Leadership"]
    assert soup.select_one(".post__hero img")["alt"] == "Ein Bild"
    assert (
        soup.select_one(".post__hero .figure__credit").text == "Bild: Lena / Nordlicht"
    )
    prev_link = soup.select_one('.post-nav a[rel="prev"]')
    next_link = soup.select_one('.post-nav a[rel="next"]')
    assert prev_link["href"] == older.url and "Der Ältere" in prev_link.text
    assert next_link["href"] == newer.url and "Der Neuere" in next_link.text


def test_editor_can_override_the_date_which_orders_the_index(client, blog):
    post = make_post(blog, "Zurückdatiert", post_date=date(2026, 5, 1))
    make_post(blog, "Dazwischen", post_date=date(2026, 3, 1))
    post.date = date(2020, 1, 1)
    post.save_revision().publish()
    assert titles(client.get("/blog/")) == ["Dazwischen", "Zurückdatiert"]
    assert "1. Januar 2020" in client.get(post.url).content.decode()


def test_pages_carry_the_accessibility_basics(client, blog):
    post = make_post(blog)
    for url in ("/", "/blog/", post.url):
        soup = soup_of(client.get(url))
        assert soup.html["lang"] == "de"
        skip = soup.select_one("a.skip-link")
        assert skip["href"] == "#inhalt" and soup.find(id="inhalt").name == "main"
        assert soup.find("header") and soup.find("footer") and soup.find("nav")
        assert len(soup.find_all("h1")) == 1, url


def test_footer_links_impressum_and_datenschutz_from_the_site_setting(
    client, site_tree
):
    from core.models import SiteSettings
    from tests.factories import make_standard_page

    home, site = site_tree["home"], site_tree["site"]
    impressum = make_standard_page(
        home, "Impressum", "impressum", [("paragraph", "<p>Angaben gemäß § 5 DDG</p>")]
    )
    privacy = make_standard_page(home, "Datenschutz", "datenschutz")
    settings = SiteSettings.for_site(site)
    settings.impressum_page, settings.privacy_page = impressum, privacy
    settings.save()
    soup = soup_of(client.get("/"))
    footer_links = {a.text: a["href"] for a in soup.select("footer a")}
    assert footer_links["Impressum"] == "/impressum/"
    assert footer_links["Datenschutz"] == "/datenschutz/"
    response = client.get("/impressum/")
    assert response.status_code == 200 and "§ 5 DDG" in response.content.decode()


def test_public_pages_set_no_cookies_for_anonymous_readers(client, blog):
    post = make_post(blog, tags=["Leadership"])
    for url in ("/", "/blog/", "/blog/tag/leadership/", post.url):
        response = client.get(url)
        assert response.status_code == 200
        assert not response.cookies, url
        assert "csrfmiddlewaretoken" not in response.content.decode()


def test_german_404_page(client, blog):
    response = client.get("/gibt-es-nicht/")
    assert response.status_code == 404
    soup = soup_of(response)
    assert soup.html["lang"] == "de" and soup.find("h1").text == "Seite nicht gefunden"
