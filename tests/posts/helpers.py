"""Posts with every kind of body block, for the reader tests."""

from wagtail.models import PageViewRestriction

from posts.models import Author
from tests.factories import make_image, make_post


def rich_body(link_page=None, image=None, word="Gesprächskultur"):
    """A body using every block type; the paragraph links to link_page if given."""
    link = (
        f'<a linktype="page" id="{link_page.pk}">ein älterer Artikel</a>'
        if link_page
        else "kein Link"
    )
    image = image or make_image(credit="Bild: Test")
    return [
        ("heading", {"text": "Worum es geht", "level": "h2"}),
        ("paragraph", f"<p>Ein Absatz über {word} und {link}.</p>"),
        (
            "image",
            {
                "image": image,
                "alt_text": "Ein Testbild",
                "caption": "Unterschrift",
            },
        ),
        ("quote", {"text": "Zuhören ist alles.", "attribution": "Jemand"}),
        (
            "video",
            {
                "url": "https://www.youtube.com/watch?v=aaaaaaaaaaa",
                "title": "Vortrag",
                "caption": "",
            },
        ),
        (
            "callout",
            {
                "tone": "tip",
                "title": "Kurz gesagt",
                "text": "<p>Ein Tipp im Kasten.</p>",
            },
        ),
        ("divider", None),
        (
            "table",
            {
                "caption": "Sprechzeiten",
                "columns": [
                    {"type": "text", "heading": "Tag"},
                    {"type": "number", "heading": "Minuten"},
                ],
                "rows": [{"values": ["Dienstag", "45"]}],
            },
        ),
        ("code", {"language": "bash", "code": "echo 'Zuhören' > notiz.txt"}),
    ]


def make_author(name="Mesut Karaca", bio="Schreibt über Kundennähe."):
    return Author.objects.create(name=name, bio=bio)


def make_full_post(
    blog, title=None, *, tags=("Leadership",), author=None, link_page=None, **fields
):
    return make_post(
        blog,
        title,
        tags=tags,
        body=rich_body(link_page=link_page),
        feature_image=fields.pop("feature_image", None) or make_image(),
        feature_image_alt="Ein Titelbild",
        author=author,
        **fields,
    )


def make_private(page):
    return PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
