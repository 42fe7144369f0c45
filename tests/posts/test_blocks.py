import re

import pytest
from bs4 import BeautifulSoup

from django.core.exceptions import ValidationError

from wagtail.blocks import StreamValue

from core.blocks import BodyBlock, VideoBlock, parse_video_url
from posts.models import BlogPostPage
from tests.factories import make_image, make_post

BODY = BodyBlock()


def render(block_type, value):
    child = BODY.child_blocks[block_type]
    return str(
        child.render(child.to_python(value) if not hasattr(value, "pk") else value)
    )


def test_paragraph_keeps_bold_italic_links_and_lists():
    html = render(
        "paragraph",
        '<p><b>fett</b> <i>kursiv</i> <a href="https://example.org/">Link</a></p><ul><li>a</li></ul><ol><li>b</li></ol>',
    )
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one("div.rich-text b").text == "fett"
    assert soup.select_one("i").text == "kursiv"
    assert soup.select_one("a")["href"] == "https://example.org/"
    assert soup.select_one("ul li").text == "a"
    assert soup.select_one("ol li").text == "b"


def test_heading_has_its_level_and_an_anchor_id():
    soup = BeautifulSoup(
        render("heading", {"text": "Führung & Kultur", "level": "h3"}), "html.parser"
    )
    heading = soup.find("h3")
    assert heading["id"] == "fuehrung-kultur"
    assert heading.find("a")["href"] == "#fuehrung-kultur"
    assert "Führung &amp; Kultur" in str(heading)


def test_quote_renders_text_and_attribution():
    soup = BeautifulSoup(
        render("quote", {"text": "Zuhören ist Arbeit.", "attribution": "Eine Kundin"}),
        "html.parser",
    )
    assert soup.select_one("blockquote p").text == "Zuhören ist Arbeit."
    assert soup.select_one("figcaption").text.strip() == "– Eine Kundin"


@pytest.mark.parametrize("tone", ["info", "tip", "warning"])
def test_callout_renders_tone_title_and_text(tone):
    soup = BeautifulSoup(
        render(
            "callout", {"tone": tone, "title": "Kurz gesagt", "text": "<p>Merken!</p>"}
        ),
        "html.parser",
    )
    box = soup.select_one(".callout")
    assert f"callout--{tone}" in box["class"]
    # Part of the text, not a landmark (<aside>) or a live alert, whatever the tone.
    assert box.name == "div" and box["role"] == "note"
    assert "Kurz gesagt" in box.text and "Merken!" in box.text


def test_each_callout_tone_has_its_own_symbol_as_the_help_text_promises():
    from core.blocks import CalloutBlock

    symbols = {}
    for tone in ["info", "tip", "warning"]:
        soup = BeautifulSoup(
            render("callout", {"tone": tone, "title": "", "text": "<p>x</p>"}),
            "html.parser",
        )
        symbol = soup.select_one(".callout__symbol")
        assert symbol["aria-hidden"] == "true"
        symbols[tone] = symbol.get_text(strip=True)
    assert len(set(symbols.values())) == 3 and all(symbols.values())
    help_text = str(CalloutBlock().child_blocks["tone"].field.help_text)
    assert "Symbol" in help_text
    for symbol in symbols.values():
        assert symbol.rstrip("\ufe0e") in help_text


def test_every_block_in_the_picker_has_an_icon_that_wagtail_draws():
    from wagtail.admin.icons import get_icons

    from core.blocks import StandardBodyBlock

    sprite = str(get_icons())
    for stream in (BodyBlock(), StandardBodyBlock()):
        for name, block in stream.child_blocks.items():
            icon = block.meta.icon
            assert icon and icon != "placeholder", name
            assert f'id="icon-{icon}"' in sprite, (name, icon)


def test_divider_renders_a_rule():
    assert "<hr" in render("divider", None)


@pytest.mark.django_db
def test_image_block_renders_picture_with_avif_webp_jpeg_alt_caption_and_credit():
    image = make_image(size=(1600, 900), credit="Bild: Lena / Nordlicht")
    block = BODY.child_blocks["image"]
    value = block.to_python(
        {"image": image.pk, "alt_text": "Ein Sonnenaufgang", "caption": "Morgens"}
    )
    soup = BeautifulSoup(str(block.render(value)), "html.parser")
    types = sorted(source["type"] for source in soup.select("picture source"))
    assert types == ["image/avif", "image/webp"]
    img = soup.select_one("picture img")
    assert img["alt"] == "Ein Sonnenaufgang"
    assert len(img["srcset"].split(",")) == 3
    assert img["src"].endswith(".jpg")
    assert soup.select_one(".figure__caption").text == "Morgens"
    assert soup.select_one(".figure__credit").text == "Bild: Lena / Nordlicht"


def test_image_block_requires_alt_text():
    block = BODY.child_blocks["image"]
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"image": None, "alt_text": "", "caption": ""}))


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.youtube.com/watch?v=Fq7Kd2mWx9T", ("youtube", "Fq7Kd2mWx9T")),
        ("https://youtu.be/Fq7Kd2mWx9T?t=3", ("youtube", "Fq7Kd2mWx9T")),
        ("https://m.youtube.com/shorts/Fq7Kd2mWx9T", ("youtube", "Fq7Kd2mWx9T")),
        (
            "https://www.youtube-nocookie.com/embed/Fq7Kd2mWx9T",
            ("youtube", "Fq7Kd2mWx9T"),
        ),
        ("https://vimeo.com/76979871", ("vimeo", "76979871")),
        ("https://player.vimeo.com/video/76979871", ("vimeo", "76979871")),
        ("https://www.youtube.com/watch?v=short", None),
        ("https://example.org/watch?v=Fq7Kd2mWx9T", None),
        ("javascript:alert(1)", None),
        ("https://vimeo.com/channels/staffpicks", None),
        ("", None),
    ],
)
def test_parse_video_url(url, expected):
    assert parse_video_url(url) == expected


def test_video_block_rejects_other_urls():
    block = VideoBlock()
    with pytest.raises(ValidationError):
        block.clean(
            block.to_python(
                {"url": "https://example.org/film.mp4", "title": "", "caption": ""}
            )
        )
    cleaned = block.clean(
        block.to_python(
            {"url": "https://youtu.be/Fq7Kd2mWx9T", "title": "", "caption": ""}
        )
    )
    assert cleaned.provider() == "youtube"


# Attributes the browser fetches on its own, without a click.
LOADING_ATTRIBUTES = ("src", "srcset", "poster", "data", "background")


def third_party_loads(html, own_host="testserver"):
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for element in soup.find_all(True):
        for attribute in LOADING_ATTRIBUTES:
            for url in re.split(
                r"[,\s]+",
                element.get(attribute, "")
                if isinstance(element.get(attribute), str)
                else "",
            ):
                if url.startswith(("http:", "https:", "//")) and own_host not in url:
                    found.append((element.name, attribute, url))
        # Canonical and feed links are not fetched by the browser.
        navigational = {"canonical", "alternate"} & set(element.get("rel") or [])
        if (
            element.name == "link"
            and not navigational
            and element.get("href", "").startswith(("http", "//"))
        ):
            found.append(("link", "href", element["href"]))
        if element.name in ("iframe", "embed", "object", "video", "audio"):
            found.append((element.name, "element", ""))
    return found


@pytest.mark.parametrize(
    "url", ["https://www.youtube.com/watch?v=Fq7Kd2mWx9T", "https://vimeo.com/76979871"]
)
def test_video_block_loads_nothing_from_a_third_party_before_a_click(url):
    html = render(
        "video", {"url": url, "title": "Ein Gespräch", "caption": "Untertitel"}
    )
    assert third_party_loads(html) == []
    soup = BeautifulSoup(html, "html.parser")
    figure = soup.find("figure")
    # The player address waits in a data attribute for the click handler.
    assert figure["data-video-embed"].startswith(
        ("https://www.youtube-nocookie.com/embed/", "https://player.vimeo.com/video/")
    )
    assert (
        soup.select_one("button .video__label").text == "Ein Gespräch: Video abspielen"
    )


@pytest.mark.django_db
def test_post_page_with_a_video_makes_no_third_party_request(client, blog):
    post = make_post(
        blog,
        body=[
            (
                "video",
                {
                    "url": "https://www.youtube.com/watch?v=Fq7Kd2mWx9T",
                    "title": "",
                    "caption": "",
                },
            )
        ],
    )
    response = client.get(post.url)
    html = response.content.decode()
    assert third_party_loads(html) == []
    assert "js/video.js" in html


@pytest.mark.django_db
def test_every_block_type_renders_inside_a_post(client, blog):
    image = make_image(credit="Bild: X / Y")
    post = make_post(
        blog,
        "Alle Bausteine",
        body=[
            ("paragraph", "<p>Absatztext</p>"),
            ("heading", {"text": "Überschrift zwei", "level": "h2"}),
            (
                "image",
                {
                    "image": image,
                    "alt_text": "Alt",
                    "caption": "Unterschrift",
                },
            ),
            ("quote", {"text": "Zitattext", "attribution": "Quelle"}),
            (
                "video",
                {"url": "https://vimeo.com/76979871", "title": "", "caption": ""},
            ),
            (
                "callout",
                {"tone": "info", "title": "Hinweis", "text": "<p>Kastentext</p>"},
            ),
            ("divider", None),
            (
                "table",
                {
                    "caption": "Tabellentitel",
                    "columns": [{"type": "text", "heading": "Spaltenkopf"}],
                    "rows": [{"values": ["Zellentext"]}],
                },
            ),
            ("code", {"language": "python", "code": "print('Codezeile')"}),
        ],
    )
    assert {block.block_type for block in post.body} == set(BODY.child_blocks)
    html = client.get(post.url).content.decode()
    for text in (
        "Absatztext",
        'id="ueberschrift-zwei"',
        "Unterschrift",
        "Bild: X / Y",
        "Zitattext",
        "Vimeo",
        "Kastentext",
        "<hr",
        "Spaltenkopf",
        "Zellentext",
        "print(&#x27;Codezeile&#x27;)",
    ):
        assert text in html


@pytest.mark.django_db
def test_block_previews_render_in_the_admin_with_the_site_stylesheet(client, editor):
    client.force_login(editor)
    for name, block in BlogPostPage.body.field.stream_block.child_blocks.items():
        assert block.meta.description, name
        assert block.meta.template.startswith("blocks/"), name
        response = client.get("/admin/block-preview/", {"id": block.definition_prefix})
        assert response.status_code == 200, name
        assert "css/site.css" in response.content.decode(), name


@pytest.mark.django_db
def test_stream_value_from_raw_data_counts_words_for_reading_time():
    post = BlogPostPage(
        body=StreamValue(BODY, [("paragraph", "<p>" + "Wort " * 450 + "</p>")])
    )
    assert post.word_count == 450
    assert post.reading_time == 3
