"""Test data built in code: a site tree, posts, images."""

import io
import itertools
from datetime import date, timedelta

from PIL import Image as PILImage

from django.core.files.images import ImageFile

from wagtail.images import get_image_model
from wagtail.models import Page, Site

from home.models import HomePage, StandardPage
from posts.models import BlogIndexPage, BlogPostPage

_counter = itertools.count(1)


def build_site():
    """Home page as the default site's root, with a blog index below it."""
    root = Page.get_first_root_node()
    home = HomePage(
        title="Startseite", slug="startseite", tagline="Ein Testblog", intro="Hallo."
    )
    root.add_child(instance=home)
    site = Site.objects.get(is_default_site=True)
    old_root = site.root_page
    site.root_page = home
    site.site_name = "Mesuts Blog"
    site.save()
    if old_root.pk != home.pk:
        old_root.delete()
    blog = BlogIndexPage(title="Blog", slug="blog", intro="Alle Artikel.")
    home.add_child(instance=blog)
    return home, blog, site


def make_image(
    title=None, size=(320, 180), color=(120, 60, 20), credit="", description=""
):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, color).save(buffer, format="JPEG")
    image = get_image_model()(
        title=title or f"Bild {next(_counter)}", credit=credit, description=description
    )
    image.file = ImageFile(buffer, name=f"test-{next(_counter)}.jpg")
    image.save()
    return image


def make_post(
    blog, title=None, *, tags=(), body=None, live=True, post_date=None, **fields
):
    number = next(_counter)
    post = BlogPostPage(
        title=title or f"Artikel {number}",
        slug=fields.pop("slug", f"artikel-{number}"),
        date=post_date or date(2026, 1, 1) + timedelta(days=number),
        teaser=fields.pop("teaser", f"Anreißer für Artikel {number}."),
        body=body
        if body is not None
        else [("paragraph", f"<p>Text von Artikel {number}.</p>")],
        live=live,
        **fields,
    )
    blog.add_child(instance=post)
    if tags:
        post.tags.set(list(tags))
    revision = post.save_revision()
    if live:
        revision.publish()
    post.refresh_from_db()
    return post


def make_standard_page(home, title, slug, body=()):
    page = StandardPage(title=title, slug=slug, body=list(body))
    home.add_child(instance=page)
    page.save_revision().publish()
    return page
