import os

import pytest
from bs4 import BeautifulSoup

from tests.factories import make_post

pytestmark = pytest.mark.usefixtures("search_index")


def result_titles(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [a.get_text().strip() for a in soup.select(".post-list .post-card__title a")]


@pytest.fixture
def posts(blog):
    return {
        "body": make_post(
            blog,
            "Zuhören im Alltag",
            body=[("paragraph", "<p>Ein Text über Wertschätzung im Gespräch.</p>")],
            teaser="Warum Zuhören die wichtigste Führungsaufgabe ist.",
        ),
        "tag": make_post(blog, "Ein Artikel ohne das Wort", tags=["Branding"]),
        "draft": make_post(
            blog,
            "Unveröffentlicht",
            body=[("paragraph", "<p>Auch hier geht es um Wertschätzung.</p>")],
            live=False,
        ),
    }


def test_search_finds_by_body_text_and_shows_the_teaser(client, posts):
    response = client.get("/suche/", {"q": "Wertschätzung"})
    assert response.status_code == 200
    assert result_titles(response) == ["Zuhören im Alltag"]
    assert posts["body"].teaser in response.content.decode()


def test_search_finds_by_tag_and_title(client, posts):
    assert result_titles(client.get("/suche/", {"q": "Branding"})) == [
        "Ein Artikel ohne das Wort"
    ]
    assert result_titles(client.get("/suche/", {"q": "Zuhören Alltag"})) == [
        "Zuhören im Alltag"
    ]


def test_search_without_match_or_query(client, posts):
    empty = client.get("/suche/", {"q": "Quantenphysik"})
    assert empty.status_code == 200
    assert result_titles(empty) == []
    assert "Keine Artikel gefunden" in empty.content.decode()
    start = client.get("/suche/")
    assert start.status_code == 200
    assert "Wonach suchen Sie?" in start.content.decode()


def test_search_page_is_noindex_and_header_has_the_search_field(client, posts):
    soup = BeautifulSoup(client.get("/suche/", {"q": "Zuhören"}).content, "html.parser")
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert soup.find("link", rel="canonical") is None
    home = BeautifulSoup(client.get("/").content, "html.parser")
    form = home.find("form", attrs={"role": "search"})
    assert form["action"] == "/suche/" and form["method"] == "get"
    field = form.find("input", attrs={"name": "q"})
    assert home.find("label", attrs={"for": field["id"]}).get_text(strip=True)
    assert home.find("meta", attrs={"name": "robots"}) is None


HOSTILE = [
    '"',
    '"Zuhören',
    "' OR 1=1; --",
    "'; DROP TABLE wagtailcore_page; --",
    "<script>alert('x')</script>",
    '"><img src=x onerror=alert(1)>',
    "AND OR NOT",
    "NEAR(Zuhören Alltag)",
    "Zuhören*",
    "* ^ ~ : ( ) { } [ ]",
    "%_%",
    "\\",
    "\x00",
    "Zuhören " * 500,
    "ä" * 10_000,
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_neither_fail_nor_reflect_html(client, posts, query):
    response = client.get("/suche/", {"q": query})
    assert response.status_code == 200
    assert not response.cookies
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert 'value="' + "ä" * 201 not in html


def test_html_in_the_query_is_shown_escaped(client, posts):
    html = client.get("/suche/", {"q": "<b>Zuhören</b>"}).content.decode()
    assert "&lt;b&gt;Zuhören&lt;/b&gt;" in html
    assert "<b>Zuhören</b>" not in html


# Not named "page": that is pytest-playwright's fixture, and shadowing it drags the
# test into the browser tests' session parametrization (and their DB flush).
@pytest.mark.parametrize("number", ["abc", "0", "-3", "1.5", "", "1e3"])
def test_odd_page_numbers_show_the_first_page(client, posts, number):
    response = client.get("/suche/", {"q": "Wertschätzung", "page": number})
    assert response.status_code == 200
    assert result_titles(response) == ["Zuhören im Alltag"]


@pytest.mark.parametrize("number", ["7", "99999999999999999999999"])
def test_page_past_the_end_is_404(client, posts, number):
    response = client.get("/suche/", {"q": "Wertschätzung", "page": number})
    assert response.status_code == 404


def test_results_are_paginated_and_links_keep_the_query(client, blog):
    for n in range(12):
        make_post(blog, f"Kundenbrief {n}")
    first = client.get("/suche/", {"q": "Kundenbrief"})
    assert len(result_titles(first)) == 10
    soup = BeautifulSoup(first.content, "html.parser")
    assert soup.find("a", rel="next")["href"] == "?q=Kundenbrief&page=2"
    second = client.get("/suche/", {"q": "Kundenbrief", "page": "2"})
    assert len(result_titles(second)) == 2


@pytest.mark.postgres
@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="German stemming needs PostgreSQL (DATABASE_URL=postgres://…)",
)
def test_german_stemming_on_postgres(client, blog):
    make_post(blog, "Ein Artikel", body=[("paragraph", "<p>Der Kunde ist König.</p>")])
    assert result_titles(client.get("/suche/", {"q": "Kunden"})) == ["Ein Artikel"]


sqlite_only = pytest.mark.skipif(
    os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="PostgreSQL stems with its own german configuration",
)


@pytest.fixture
def german_posts(blog):
    return [
        make_post(
            blog,
            "Was die Kunde verlangt",
            body=[("paragraph", "<p>Ein Text über gute Führung im Team.</p>")],
            teaser="Zuhören statt Verkaufen.",
        ),
        make_post(
            blog,
            "Die fuehrungskraefte von morgen",
            teaser="Geschrieben ohne Umlaute, wie auf einer alten Tastatur.",
        ),
        make_post(blog, "Ein Artikel über die Straße", teaser="Gehweg und Radweg."),
    ]


@sqlite_only
@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("Kunden", "Was die Kunde verlangt"),
        ("kunde", "Was die Kunde verlangt"),
        ("fuehrung", "Was die Kunde verlangt"),
        ("Führungskräfte", "Die fuehrungskraefte von morgen"),
        ("Strasse", "Ein Artikel über die Straße"),
        ("STRASSEN", "Ein Artikel über die Straße"),
    ],
)
def test_sqlite_search_finds_german_inflections_and_umlaut_spellings(
    client, german_posts, query, title
):
    assert result_titles(client.get("/suche/", {"q": query})) == [title]


def test_results_highlight_the_matched_words(client, german_posts):
    html = client.get("/suche/", {"q": "Kunden"}).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    title = soup.select_one(".post-list .post-card__title a")
    assert [mark.get_text() for mark in title.find_all("mark")] == ["Kunde"]
    assert title.get_text() == "Was die Kunde verlangt"


def test_highlighting_escapes_the_text():
    from core.text import german_stems, highlight

    marked = highlight("<b>Kunden</b> & Kunde", german_stems("Kunde"))
    assert marked == "&lt;b&gt;<mark>Kunden</mark>&lt;/b&gt; &amp; <mark>Kunde</mark>"
