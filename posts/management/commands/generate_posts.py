"""`manage.py generate_posts N`: the blog gets N published posts.

Sample posts (posts/sample_posts.py) are added until the blog index has N live
posts; post number n always reads the same, so a re-run with the same N changes
nothing and a larger N only adds. Made for benchmarks and for trying pagination.

Pages are written in bulk instead of with `add_child` per post (which costs a
tree query, a full clean and a search-index update each): the tree paths are
computed here, one INSERT per batch goes to wagtailcore_page and one to the
post table, then the parent's child count is set once. Posts get no revision
(the admin edits the live page and creates the first one); the search index
is updated once at the end.
"""

import io
import random
from datetime import datetime, time

from PIL import Image as PILImage
from PIL import ImageDraw

from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.rich_text import RichText
from wagtail.search.backends import get_search_backends

from core.images import prepare_renditions
from posts.models import (
    Author,
    BlogIndexPage,
    BlogPostPage,
    BlogTag,
    TaggedPost,
    refresh_tag_counts,
)
from posts.sample_posts import TAGS, sample_post

IMAGE_TITLE = "Beispielbild {}"
IMAGE_CREDIT = "Bild: Feder-Beispiel / mit Pillow erzeugt"
AUTHOR_NAME = "Lena Beispiel"
BATCH = 200


def sample_picture(number, size=(1200, 675)):
    """A small, calm JPEG: two colour fields and a circle."""
    rng = random.Random(f"feder-image-{number}")
    colours = [tuple(rng.randint(30, 220) for _ in range(3)) for _ in range(3)]
    picture = PILImage.new("RGB", size, colours[0])
    draw = ImageDraw.Draw(picture)
    width, height = size
    draw.rectangle((0, height * 2 // 3, width, height), fill=colours[1])
    radius = height // 4
    x, y = rng.randint(radius, width - radius), height // 2
    draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=colours[2])
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=80)
    return buffer


class Command(BaseCommand):
    help = (
        "Sorgt dafür, dass die Blog-Übersicht N veröffentlichte Artikel hat, und "
        "ergänzt fehlende Beispielartikel (mehrfach ausführbar)."
    )

    def add_arguments(self, parser):
        parser.add_argument("count", type=int, help="Gewünschte Zahl der Artikel.")
        parser.add_argument(
            "--images",
            type=int,
            default=4,
            help="Zahl der Beispielbilder, die sich die Artikel teilen (Standard 4).",
        )

    def handle(self, *args, count, images, **options):
        if count < 0 or images < 0:
            raise CommandError("Bitte eine Zahl ab 0 angeben.")
        blog = BlogIndexPage.objects.first()
        if blog is None:
            raise CommandError(
                "Es gibt noch keine Blog-Übersicht. Zuerst "
                "„manage.py load_demo_content“ ausführen."
            )
        with transaction.atomic():
            new_posts = self.fill(blog, count, images)
        if new_posts:
            for backend in get_search_backends(with_auto_update=False):
                backend.add_bulk(BlogPostPage, new_posts)
            prepare_renditions(
                pair for post in new_posts for pair in post.image_sizes()
            )
        total = BlogPostPage.objects.child_of(blog).live().count()
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(new_posts)} Beispielartikel neu angelegt, "
                f"{total} veröffentlichte Artikel insgesamt."
            )
        )

    def fill(self, blog, count, image_count):
        live = BlogPostPage.objects.child_of(blog).live().count()
        if live >= count:
            return []
        existing = set(
            Page.objects.child_of(blog).values_list("slug", flat=True).iterator()
        )
        wanted = []
        number = 0
        while live + len(wanted) < count:
            number += 1
            data = sample_post(number, image_count)
            if data["slug"] not in existing:
                wanted.append(data)
        images = self.ensure_images(image_count)
        tags = self.ensure_tags()
        author = Author.objects.first() or Author.objects.create(
            name=AUTHOR_NAME,
            bio="Schreibt Beispieltexte, damit Listen und Seitenzahlen etwas zu zeigen haben.",
        )
        posts = self.insert_posts(blog, wanted, images, author)
        TaggedPost.objects.bulk_create(
            [
                TaggedPost(content_object_id=post.pk, tag=tags[name])
                for post, data in zip(posts, wanted, strict=True)
                for name in data["tags"]
            ],
            batch_size=BATCH * 4,
        )
        refresh_tag_counts()
        return posts

    def ensure_images(self, count):
        Image = get_image_model()
        found = {
            image.title: image
            for image in Image.objects.filter(
                title__in=[IMAGE_TITLE.format(n + 1) for n in range(count)]
            )
        }
        images = []
        for n in range(count):
            title = IMAGE_TITLE.format(n + 1)
            image = found.get(title)
            if image is None:
                image = Image(
                    title=title,
                    credit=IMAGE_CREDIT,
                    description="Abstrakte Farbflächen mit einem Kreis.",
                )
                image.file = ImageFile(
                    sample_picture(n + 1), name=f"beispielbild-{n + 1}.jpg"
                )
                image.save()
            images.append(image)
        return images

    def ensure_tags(self):
        tags = {tag.name: tag for tag in BlogTag.objects.filter(name__in=TAGS)}
        for name in TAGS:
            if name not in tags:
                tags[name] = BlogTag.objects.create(name=name)
        return tags

    def insert_posts(self, blog, wanted, images, author):
        content_type = ContentType.objects.get_for_model(BlogPostPage)
        last = blog.get_last_child()
        step = Page._str2int(last.path[-Page.steplen :]) if last else 0
        posts = []
        for data in wanted:
            step += 1
            published = timezone.make_aware(datetime.combine(data["date"], time(8)))
            feature = data["feature_image"]
            posts.append(
                BlogPostPage(
                    title=data["title"],
                    draft_title=data["title"],
                    slug=data["slug"],
                    path=Page._get_path(blog.path, blog.depth + 1, step),
                    depth=blog.depth + 1,
                    numchild=0,
                    url_path=f"{blog.url_path}{data['slug']}/",
                    content_type=content_type,
                    locale_id=blog.locale_id,
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=published,
                    last_published_at=published,
                    latest_revision_created_at=published,
                    date=data["date"],
                    teaser=data["teaser"],
                    feature_image=images[feature] if feature is not None else None,
                    author=author,
                    body=[self.block(block, images) for block in data["body"]],
                )
            )
        page_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
        post_fields = BlogPostPage._meta.local_concrete_fields
        for start in range(0, len(posts), BATCH):
            batch = posts[start : start + BATCH]
            pages = [
                Page(**{f.attname: getattr(post, f.attname) for f in page_fields})
                for post in batch
            ]
            Page.objects.bulk_create(pages)
            if pages and pages[0].pk is None:  # a database without RETURNING
                by_path = dict(
                    Page.objects.filter(path__in=[p.path for p in pages]).values_list(
                        "path", "pk"
                    )
                )
                for page in pages:
                    page.pk = by_path[page.path]
            for post, page in zip(batch, pages, strict=True):
                post.pk = post.page_ptr_id = page.pk
            # bulk_create refuses multi-table models; the parent rows exist, so
            # only the post table's own columns are inserted here.
            BlogPostPage._base_manager._insert(
                batch, fields=post_fields, using=connection.alias
            )
            for post in batch:
                post._state.adding = False
                post._state.db = connection.alias
        Page.objects.filter(pk=blog.pk).update(numchild=F("numchild") + len(posts))
        return posts

    @staticmethod
    def block(block, images):
        kind, value = block
        if kind == "paragraph":
            return kind, RichText(value)
        if kind == "image":
            image = images[value]
            return kind, {"image": image, "alt_text": "", "caption": ""}
        if kind == "callout":
            return kind, {**value, "text": RichText(value["text"])}
        return kind, value
