"""Images are resized when a post is published (a task), not by its first
reader; every <img> has width and height; only images below the fold load lazily."""

import re
from html.parser import HTMLParser

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.images import get_image_model

from core.images import filter_specs
from tests.factories import make_image, make_post
from tests.posts.helpers import make_author, rich_body

pytestmark = pytest.mark.django_db

Rendition = get_image_model().get_rendition_model()


class Images(HTMLParser):
    def __init__(self, html):
        super().__init__()
        self.images = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.images.append(dict(attrs))


def specs_of(image):
    return set(
        Rendition.objects.filter(image=image).values_list("filter_spec", flat=True)
    )


def publish_with_tasks(django_capture_on_commit_callbacks, blog, **fields):
    with django_capture_on_commit_callbacks(execute=True):
        return make_post(blog, **fields)


def test_publishing_creates_every_rendition_the_post_shows(
    client, blog, django_capture_on_commit_callbacks
):
    hero = make_image(size=(1600, 900), description="Titelbild")
    inline = make_image(size=(1600, 900), description="Bild im Text")
    portrait = make_image(size=(300, 300), description="Porträt")
    author = make_author()
    author.portrait = portrait
    author.save()
    assert Rendition.objects.count() == 0

    post = publish_with_tasks(
        django_capture_on_commit_callbacks,
        blog,
        tags=["Leadership"],
        body=rich_body(image=inline),
        feature_image=hero,
        author=author,
    )

    for size in ("hero", "teaser", "share", "portable_hero"):
        assert set(filter_specs(size)) <= specs_of(hero), size
    for size in ("body", "portable_body"):
        assert set(filter_specs(size)) <= specs_of(inline), size
    assert set(filter_specs("portrait")) <= specs_of(portrait)

    # The first reader only reads: no rendition is made during the request.
    before = Rendition.objects.count()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(post.url)
        client.get("/")
        client.get("/blog/")
    assert response.status_code == 200
    assert Rendition.objects.count() == before
    writes = [q["sql"] for q in captured if q["sql"].startswith(("INSERT", "UPDATE"))]
    assert not any("rendition" in sql for sql in writes), writes


def test_a_draft_makes_no_renditions(blog, django_capture_on_commit_callbacks):
    image = make_image(size=(1600, 900))
    with django_capture_on_commit_callbacks(execute=True):
        make_post(blog, feature_image=image, live=False)
    assert Rendition.objects.filter(image=image).count() == 0


def test_a_new_portrait_is_rendered_when_saved(django_capture_on_commit_callbacks):
    portrait = make_image(size=(300, 300))
    with django_capture_on_commit_callbacks(execute=True):
        author = make_author()
        author.portrait = portrait
        author.save()
    assert set(filter_specs("portrait")) <= specs_of(portrait)


def images_on(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return Images(response.content.decode()).images


def test_every_img_has_its_size_and_only_the_first_loads_eagerly(client, blog):
    author = make_author()
    author.portrait = make_image(size=(300, 300))
    author.save()
    posts = [
        make_post(
            blog,
            f"Artikel {number}",
            tags=["Leadership"],
            body=rich_body(),
            feature_image=make_image(size=(1600, 900)),
            author=author,
        )
        for number in range(4)
    ]
    for url in ("/", "/blog/", "/blog/tag/leadership/", posts[0].url):
        images = images_on(client, url)
        assert images, url
        for image in images:
            assert re.fullmatch(r"[1-9]\d*", image.get("width", "")), (url, image)
            assert re.fullmatch(r"[1-9]\d*", image.get("height", "")), (url, image)

    # Listings: the first card is above the fold, the others wait.
    for url in ("/", "/blog/", "/blog/tag/leadership/"):
        first, *rest = images_on(client, url)
        assert "loading" not in first, url
        assert rest and all(image.get("loading") == "lazy" for image in rest), url

    # A post: its hero loads first and eagerly, everything after it lazily.
    hero, *below = images_on(client, posts[0].url)
    assert "loading" not in hero
    assert hero.get("fetchpriority") == "high"
    assert below and all(image.get("loading") == "lazy" for image in below)
