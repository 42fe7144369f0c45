"""The email built from a post: German, HTML and text, absolute URLs, no scripts."""

from datetime import date

import pytest
from bs4 import BeautifulSoup

from core.portable import to_text as html_to_text
from newsletter.services import create_send

from .conftest import newsletter_post, subscribers

pytestmark = pytest.mark.django_db


@pytest.fixture
def message(smtp_server, blog, committed):
    subscribers("anna@example.org")
    other = newsletter_post(blog, title="Ein anderer Artikel", slug="anderer")
    post = newsletter_post(
        blog,
        title="Zuhören als Führung",
        teaser="Warum Zuhören wirkt.",
        slug="zuhoeren",
        post_date=date(2026, 3, 9),
        body=[
            (
                "paragraph",
                f'<p>Siehe <a linktype="page" id="{other.pk}">den anderen</a> '
                'und <a href="https://example.com/">extern</a>.</p>',
            ),
            ("heading", {"text": "Zwischentitel", "level": "h2"}),
            (
                "image",
                {"image": blog_image(), "alt_text": "Ein Bild", "caption": "Unten"},
            ),
            ("video", {"url": "https://youtu.be/dQw4w9WgXcQ", "title": "Das Video"}),
            ("callout", {"tone": "tip", "title": "Tipp", "text": "<p>Kurz.</p>"}),
            ("quote", {"text": "Zuhören ist Führung.", "attribution": "Mesut"}),
            ("divider", None),
            (
                "table",
                {
                    "caption": "Termine",
                    "columns": [
                        {"type": "text", "heading": "Tag"},
                        {"type": "number", "heading": "Plätze"},
                    ],
                    "rows": [{"values": ["Montag", "12"]}],
                },
            ),
            ("code", {"language": "bash", "code": "cd projekt\n  make test"}),
        ],
    )
    with committed():
        create_send(post)
    return smtp_server.inbox.messages[0]


def blog_image():
    from tests.factories import make_image

    return make_image(size=(1600, 900))


def test_html_part(message):
    html = message.get_body(("html",)).get_content()
    soup = BeautifulSoup(html, "html.parser")
    assert soup.html["lang"] == "de"
    assert soup.h1.get_text(strip=True) == "Zuhören als Führung"
    assert "Warum Zuhören wirkt." in html
    assert "9. März 2026" in html
    assert not soup.find_all(["script", "iframe", "video", "form"])
    assert not soup.select("[onclick], [onload]")
    # Every link and image is absolute.
    for tag in soup.find_all(href=True):
        assert tag["href"].startswith("http"), tag
    images = soup.find_all("img")
    assert images
    for image in images:
        assert image["src"].startswith("http://testserver/media/images/")
        assert image["src"].endswith(".jpg")
        assert "max-width:600px" in image["style"]
    assert soup.find("a", string="den anderen")["href"] == (
        "http://testserver/blog/anderer/"
    )
    # The video is a link to the post, not a player; nothing from YouTube loads.
    video = soup.find("a", string=lambda s: s and "Das Video" in s)
    assert video["href"] == "http://testserver/blog/zuhoeren/"
    assert "youtube.com/embed" not in html and "ytimg" not in html
    # Table and code arrive as plain markup that reads without CSS.
    table = soup.find("caption").find_parent("table")
    assert table.caption.text == "Termine"
    assert [th.text for th in table.select("thead th")] == ["Tag", "Plätze"]
    assert [td.text for td in table.select("tbody td")] == ["Montag", "12"]
    assert "text-align:right" in table.select("tbody td")[1]["style"]
    assert soup.find("pre").text.replace("\r\n", "\n") == "cd projekt\n  make test"
    assert "monospace" in soup.find("pre")["style"]
    more = soup.find("a", string="Im Blog weiterlesen")
    assert more["href"] == "http://testserver/blog/zuhoeren/"
    assert soup.find("a", string="Abmelden")["href"].startswith(
        "http://testserver/abo/abmelden/"
    )


def test_plain_text_part(message):
    text = message.get_body(("plain",)).get_content().replace("\r\n", "\n")
    assert text.startswith("Zuhören als Führung\n9. März 2026 · Mesuts Blog\n")
    assert "Warum Zuhören wirkt." in text
    assert "den anderen (http://testserver/blog/anderer/)" in text
    assert "Zwischentitel\n-------------" in text
    assert "[Bild: Ein Bild]" in text
    assert "„Zuhören ist Führung.“\n– Mesut" in text
    assert "Termine\nTag | Plätze\nMontag | 12" in text
    assert "    cd projekt\n      make test" in text
    assert "Im Blog weiterlesen: http://testserver/blog/zuhoeren/" in text
    assert "Abmelden: http://testserver/abo/abmelden/" in text
    assert "<" not in text


def test_headers(message):
    assert message["Subject"] == "Zuhören als Führung"
    assert message["To"] == "anna@example.org"
    assert message["Auto-Submitted"] == "auto-generated"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_html_to_text_lists_and_entities():
    assert html_to_text("<ul><li>Eins</li><li>Zwei &amp; drei</li></ul>") == (
        "- Eins\n- Zwei & drei"
    )
