import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from imports.html_to_blocks import html_to_blocks, safe_href
from imports.media import MediaResolver

ALLOWED = {
    "p": set(),
    "b": set(),
    "i": set(),
    "a": {"href"},
    "ul": set(),
    "ol": set(),
    "li": set(),
    "br": set(),
}


@pytest.fixture
def resolver(tmp_path):
    return MediaResolver(tmp_path)


def convert(html, resolver):
    warnings = []
    return html_to_blocks(html, resolver, warnings), warnings


def assert_clean(blocks):
    for kind, value in blocks:
        if kind in ("paragraph", "callout"):
            html = value if kind == "paragraph" else value["text"]
            for tag in BeautifulSoup(html, "html.parser").find_all(True):
                assert tag.name in ALLOWED, tag
                assert set(tag.attrs) <= ALLOWED[tag.name], tag


NASTY = """
<html><head><title>x</title><style>p{}</style></head><body onload="x()">
<p style="color:red" class="a" id="b">Text <font color=red>rot</font> <u>unter</u>
<a href="  java&#x09;script:alert(1)">a</a> <a href="data:text/html,x">b</a>
<a href="vbscript:x">c</a> <a href="//example.org/x">d</a> <a href="/intern/">e</a>
<a href="#anker">f</a> <a href="https://example.org/?a=1&amp;b=2" target="_blank" onclick="x">g</a>
<img src=x onerror=alert(1)><svg><script>alert(1)</script></svg></p>
<object data="x.swf"></object><embed src="x.swf"><form><input name=a></form>
<ul><li>eins<ol><li>tief <script>x</script></li></ol></li><li><div>block im li</div></li></ul>
<p>Unclosed <b>bold <i>italic <a href="https://example.org">link
<h2>Heading inside broken paragraph</h2>
<![CDATA[ cdata ]]><!-- Kommentar --><?php echo 1; ?>
<table><tr><th>Kopf</th></tr><tr><td><b>fett</b></td></tr></table>
</body></html>
"""


def test_nasty_html_is_reduced_to_allowed_markup(resolver):
    blocks, warnings = convert(NASTY, resolver)
    assert_clean(blocks)
    everything = str(blocks)
    for forbidden in (
        "script",
        "alert",
        "onerror",
        "onclick",
        "style",
        "javascript",
        "data:",
        "vbscript",
        "swf",
        "Kommentar",
        "php",
    ):
        assert forbidden not in everything, forbidden
    links = re.findall(r'href="([^"]*)"', everything)
    assert links == [
        "https://example.org/x", "/intern/", "#anker", "https://example.org/?a=1&amp;b=2",
        "https://example.org",
    ]  # fmt: skip
    # The heading sits inside unclosed inline markup: its text survives as text.
    assert [kind for kind, _ in blocks] == ["paragraph"]
    assert "link<br/>Heading inside broken paragraph" in blocks[0][1]
    assert "Unerlaubtes HTML entfernt: embed, form, object, script" in warnings


def test_blocks_inside_an_unclosed_paragraph(resolver):
    blocks, _ = convert(
        "<p>Vorher<h2>Titel</h2>nachher<ul><li>Punkt</li></ul>", resolver
    )
    assert blocks == [
        ("paragraph", "<p>Vorher</p>"),
        ("heading", {"text": "Titel", "level": "h2"}),
        ("paragraph", "<p>nachher</p><ul><li>Punkt</li></ul>"),
    ]


def test_headings_map_to_two_levels(resolver):
    blocks, _ = convert(
        "<h1>A</h1><h2>B</h2><h3>C</h3><h4>D</h4><h5>E</h5><h6>F</h6><h2> </h2>",
        resolver,
    )
    assert [value["level"] for _, value in blocks] == [
        "h2",
        "h2",
        "h3",
        "h3",
        "h3",
        "h3",
    ]


def test_limits_of_our_blocks_are_respected(resolver):
    long_heading = "Wort " * 40
    blocks, warnings = convert(
        f"<h2>{long_heading}</h2><blockquote>{'Satz. ' * 300}</blockquote>", resolver
    )
    assert [kind for kind, _ in blocks] == ["paragraph"]
    assert len(warnings) == 2


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (
            "<p>https://youtu.be/dQw4w9WgXcQ</p>",
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        ),
        (
            '<p><a href="https://vimeo.com/76979871">Mein Film</a></p>',
            "https://vimeo.com/76979871",
        ),
        (
            '<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"></iframe>',
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        ),
        (
            '<figure><iframe src="https://player.vimeo.com/video/76979871"></iframe><figcaption>Z</figcaption></figure>',
            "https://vimeo.com/76979871",
        ),
    ],
)
def test_videos_on_their_own_line(resolver, html, expected):
    blocks, _ = convert(html, resolver)
    assert blocks[0][0] == "video" and blocks[0][1]["url"] == expected


def test_video_link_inside_text_stays_a_link(resolver):
    blocks, _ = convert(
        '<p>Siehe <a href="https://youtu.be/dQw4w9WgXcQ">hier</a> mehr.</p>', resolver
    )
    assert blocks[0][0] == "paragraph"


def test_images_resolve_only_inside_the_source(tmp_path):
    from PIL import Image

    folder = tmp_path / "export"
    (folder / "wp-content/uploads/2020").mkdir(parents=True)
    Image.new("RGB", (4, 4)).save(folder / "wp-content/uploads/2020/a.png")
    Image.new("RGB", (4, 4)).save(tmp_path / "secret.png")
    resolver = MediaResolver(folder)
    warnings = []
    found = resolver.resolve(
        "https://old.example/wp-content/uploads/2020/a.png", warnings
    )
    assert found == (folder / "wp-content/uploads/2020/a.png").resolve()
    assert resolver.resolve("../secret.png", warnings) is None
    assert resolver.resolve(str(tmp_path / "secret.png"), warnings) is None
    assert resolver.resolve("file:///etc/passwd", warnings) is None
    assert resolver.resolve("ftp://x/y.png", warnings) is None
    assert resolver.resolve("data:image/png;base64,AAAA", warnings) is None
    assert len(warnings) == 5 and Path(found).name == "a.png"


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("https://a.de", "https://a.de"),
        ("mailto:x@y.de", "mailto:x@y.de"),
        ("JAVASCRIPT:alert(1)", None),
        (" java\nscript:x", None),
        ("relativ/pfad", "relativ/pfad"),
        ("__GHOST_URL__/tag/x/", "/tag/x/"),
        ("tel:123", None),
        ("", None),
    ],
)
def test_safe_href(href, expected):
    assert safe_href(href) == expected


def test_table_header_row_from_thead_or_th_cells(resolver):
    blocks, _ = convert(
        "<table><tr><th>Zug</th><th>Abfahrt</th></tr>"
        "<tr><td>RE 3</td><td>7:12</td></tr></table>",
        resolver,
    )
    assert blocks == [
        (
            "table",
            {
                "caption": "",
                "columns": [
                    {"type": "text", "heading": "Zug"},
                    {"type": "text", "heading": "Abfahrt"},
                ],
                "rows": [{"values": ["RE 3", "7:12"]}],
            },
        )
    ]


def test_merged_cells_are_split_with_a_warning(resolver):
    blocks, warnings = convert(
        "<table><thead><tr><th colspan='2'>Wochenende</th></tr></thead>"
        "<tr><td>Sa</td><td>So</td></tr></table>",
        resolver,
    )
    assert [c["heading"] for c in blocks[0][1]["columns"]] == ["Wochenende", ""]
    assert "Verbundene Tabellenzellen aufgeteilt." in warnings


def test_layout_tables_are_taken_apart(resolver):
    blocks, warnings = convert(
        "<table><tr><td><p>Nur eine Spalte.</p></td></tr>"
        "<tr><td><ul><li>mit Liste</li></ul></td></tr></table>",
        resolver,
    )
    assert blocks == [
        ("paragraph", "<p>Nur eine Spalte.</p><ul><li>mit Liste</li></ul>")
    ]
    assert "Layout-Tabelle aufgelöst, Inhalt als Text." in warnings


@pytest.mark.parametrize(
    ("html", "language"),
    [
        ('<pre><code class="language-python">x = 1</code></pre>', "python"),
        ('<pre><code class="lang-js">x = 1</code></pre>', "javascript"),
        ('<pre class="brush: php; gutter: false">x = 1</pre>', "php"),
        ('<pre lang="yml">x: 1</pre>', "yaml"),
        ('<pre lang="de">Nur Text</pre>', ""),  # a human language, not code
        ("<pre>x = 1</pre>", ""),
    ],
)
def test_code_language_from_the_markup(resolver, html, language):
    blocks, _ = convert(html, resolver)
    assert blocks[0][0] == "code" and blocks[0][1]["language"] == language


def test_code_keeps_indentation_and_markup_as_text(resolver):
    blocks, _ = convert(
        "<pre>\n\n    eingerückt\n&lt;b&gt;kein Fett&lt;/b&gt;<br>neue Zeile  \n\n</pre>",
        resolver,
    )
    assert blocks == [
        (
            "code",
            {"language": "", "code": "    eingerückt\n<b>kein Fett</b>\nneue Zeile"},
        )
    ]
