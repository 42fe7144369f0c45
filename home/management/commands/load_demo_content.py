"""Load the demo blog: idempotent, offline, and safe to run on every start.

Pages that already exist (matched by slug) are left as they are, so an editor's
changes to demo content survive a second run. Every post and page it created is
remembered (home.DemoItem), so one an editor deleted is not created again.
"""

import io
import zlib
from datetime import date, datetime, time

from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.translation import ngettext

from wagtail.images import get_image_model
from wagtail.models import Page, Site

from core.images import filter_specs
from core.models import SiteSettings
from core.site import sync_default_site
from core.voice import Address, Sender
from home import demo_data, demo_more
from home.demo_pictures import generate_picture, portrait
from home.models import DemoItem, HomePage, StandardPage
from posts.models import Author, BlogIndexPage, BlogPostPage, BlogTag
from subscriptions.models import SubscribePage

DEMO_ADMIN_USERNAME = "admin"
DEMO_ADMIN_PASSWORD = "feder-demo"


def credit_for(seed):
    """A credit line that reads like a real one, the same for the same picture."""
    return demo_more.CREDITS[zlib.crc32(seed.encode()) % len(demo_more.CREDITS)]


# Demo texts of the subscribe page: the blog's own voice (du, ich).
SUBSCRIBE_TEXTS = {
    "success_heading": "Juhu, fast geschafft! 🎉",
    "success_message": (
        "Schau gleich in dein Postfach: Ich habe dir eine E-Mail mit einem Link "
        "geschickt. Ein Klick darauf, und du landest direkt wieder hier im Blog – ab "
        "dann als Abonnentin oder Abonnent. Nichts da? Dann wirf bitte einen Blick in "
        "den Spam-Ordner."
    ),
    "error_heading": "Ups.",
    "error_message": (
        "Da scheint etwas schiefgegangen zu sein. Prüf doch bitte kurz deine Angaben "
        "und versuch es gleich noch einmal."
    ),
}


class Command(BaseCommand):
    help = "Legt die Demo-Inhalte von „Mesuts Blog“ an (mehrfach ausführbar)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--with-admin",
            action="store_true",
            help=f"Legt den Demo-Zugang {DEMO_ADMIN_USERNAME}/{DEMO_ADMIN_PASSWORD} an, "
            "falls es noch keinen Administrator gibt.",
        )

    def handle(self, *args, **options):
        self.created = 0
        self.kept_deleted = 0
        with transaction.atomic():
            home = self.ensure_home()
            blog = self.ensure_blog_index(home)
            self.authors = self.ensure_authors()
            pages = {
                slug: self.ensure_standard_page(home, slug, data)
                for slug, data in demo_data.PAGES.items()
            }
            for number, post in enumerate([*demo_data.POSTS, *demo_more.POSTS]):
                self.ensure_post(blog, post, number)
            self.ensure_tag_descriptions()
            self.ensure_subscribe_page(home)
            self.ensure_settings(home.get_site(), pages)
        self.stdout.write(self.style.SUCCESS(self.summary()))
        if options["with_admin"]:
            self.ensure_admin()

    def summary(self):
        created = ngettext(
            "%(count)d Seite neu angelegt",
            "%(count)d Seiten neu angelegt",
            self.created,
        ) % {"count": self.created}
        text = f"Demo-Inhalte bereit ({created})."
        if self.kept_deleted:
            text += " " + ngettext(
                "%(count)d gelöschte Demo-Seite bleibt gelöscht.",
                "%(count)d gelöschte Demo-Seiten bleiben gelöscht.",
                self.kept_deleted,
            ) % {"count": self.kept_deleted}
        return text

    def should_create(self, key, existing):
        """Whether to create the demo item `key`; `existing` is it, or None.

        An item that was created once is never created again: the editor may
        have deleted it on purpose.
        """
        if DemoItem.objects.filter(key=key).exists():
            if existing is None:
                self.kept_deleted += 1
            return False
        DemoItem.objects.create(key=key)
        return existing is None

    def ensure_home(self):
        site = Site.objects.filter(is_default_site=True).first()
        home = HomePage.objects.first()
        if home is None:
            root = Page.get_first_root_node()
            home = HomePage(
                title="Startseite",
                slug="startseite",
                tagline=demo_data.TAGLINE,
                intro=demo_data.INTRO,
                seo_title=demo_data.SITE_NAME,
            )
            root.add_child(instance=home)
            home.save_revision().publish()
            self.created += 1
        if site is None:
            site = Site.objects.create(
                hostname="localhost", port=80, root_page=home, is_default_site=True
            )
        old_root = site.root_page
        if site.root_page_id != home.pk or not site.site_name:
            site.root_page = home
            site.site_name = site.site_name or demo_data.SITE_NAME
            site.save()
        sync_default_site()
        # Wagtail's migrations create a "Welcome" page; it has no place on this site.
        if (
            old_root.pk != home.pk
            and old_root.specific_class is Page
            and old_root.depth == 2
        ):
            old_root.delete()
        return home

    def ensure_blog_index(self, home):
        blog = BlogIndexPage.objects.child_of(home).first()
        if blog is None:
            blog = BlogIndexPage(
                title="Blog",
                slug="blog",
                intro="Alle Artikel über Kundenorientierung, Empathie, Marken und Führung – die neuesten zuerst.",
            )
            home.add_child(instance=blog)
            blog.save_revision().publish()
            self.created += 1
        return blog

    def ensure_standard_page(self, home, slug, data):
        page = StandardPage.objects.child_of(home).filter(slug=slug).first()
        if self.should_create(f"page:{slug}", page):
            page = StandardPage(
                title=data["title"],
                slug=slug,
                intro=data.get("intro", ""),
                body=data["body"],
            )
            home.add_child(instance=page)
            page.save_revision().publish()
            self.created += 1
        return page

    def ensure_subscribe_page(self, home):
        if not self.should_create("page:abonnieren", SubscribePage.objects.first()):
            return
        page = SubscribePage(title="Abonnieren", slug="abonnieren", **SUBSCRIBE_TEXTS)
        home.add_child(instance=page)
        page.save_revision().publish()
        self.created += 1

    def ensure_image(self, spec, seed):
        Image = get_image_model()
        image = Image.objects.filter(title=spec["title"]).first()
        if image is None:
            content = generate_picture(seed, spec.get("kind"))
            image = Image(
                title=spec["title"],
                description=spec["alt"],
                credit=spec.get("credit") or credit_for(seed),
            )
            image.file = ImageFile(io.BytesIO(content), name=f"demo-{seed}.jpg")
            image.save()
        return image

    def ensure_post(self, blog, data, number):
        existing = BlogPostPage.objects.child_of(blog).filter(slug=data["slug"]).first()
        if not self.should_create(f"post:{data['slug']}", existing):
            return
        feature = data.get("image")
        image = (
            self.ensure_image(feature, seed=f"{data['slug']}-titel")
            if feature
            else None
        )
        body = []
        for index, (block_type, value) in enumerate(data["body"]):
            if block_type == "image":
                value = {
                    "image": self.ensure_image(value, seed=f"{data['slug']}-{index}"),
                    "alt_text": value["alt"],
                    "caption": value.get("caption", ""),
                }
            elif block_type == "video":
                value = {
                    "url": value["url"],
                    "title": value.get("title", ""),
                    "caption": value.get("caption", ""),
                }
            body.append((block_type, value))
        post_date = date.fromisoformat(data["date"])
        page = BlogPostPage(
            title=data["title"],
            slug=data["slug"],
            date=post_date,
            teaser=data["teaser"],
            feature_image=image,
            feature_image_alt=feature["alt"] if feature else "",
            body=body,
            author=self.authors[data.get("author", "mesut")],
            featured=data["slug"] == demo_more.FEATURED_SLUG,
        )
        blog.add_child(instance=page)
        page.tags.set(data["tags"])
        published_at = timezone.make_aware(datetime.combine(post_date, time(8, 0)))
        page.first_published_at = published_at
        page.save_revision().publish()
        # The sitemap and feeds tell when a post appeared, not when the demo loaded.
        BlogPostPage.objects.filter(pk=page.pk).update(
            first_published_at=published_at, last_published_at=published_at
        )
        self.prepare_renditions(page)
        self.created += 1

    def ensure_authors(self):
        authors = {}
        for key, name, bio in (
            ("mesut", demo_data.AUTHOR_NAME, demo_data.AUTHOR_BIO),
            ("lea", demo_more.SECOND_AUTHOR_NAME, demo_more.SECOND_AUTHOR_BIO),
        ):
            author, created = Author.objects.get_or_create(
                name=name, defaults={"bio": bio}
            )
            if created:
                author.portrait = self.ensure_portrait(name)
                author.save()
            authors[key] = author
        return authors

    def ensure_portrait(self, name):
        Image = get_image_model()
        title = f"Porträt {name}"
        image = Image.objects.filter(title=title).first()
        if image is None:
            image = Image(title=title, description=f"Porträt von {name}", credit="")
            image.file = ImageFile(
                io.BytesIO(portrait(name)),
                name=f"demo-portrait-{zlib.crc32(name.encode())}.jpg",
            )
            image.save()
        return image

    def ensure_tag_descriptions(self):
        for name, description in demo_more.TAG_DESCRIPTIONS.items():
            BlogTag.objects.filter(name=name, description="").update(
                description=description
            )

    def prepare_renditions(self, page):
        """Make the image sizes the site shows now, so the first reader does not wait."""
        if page.feature_image:
            page.feature_image.get_renditions(
                *filter_specs("teaser"), *filter_specs("hero")
            )
        for block in page.body:
            if block.block_type == "image":
                block.value["image"].get_renditions(*filter_specs("body"))

    def ensure_settings(self, site, pages):
        first_time = not SiteSettings.objects.filter(site=site).exists()
        site_settings = SiteSettings.for_site(site)
        changed = False
        if first_time:
            # The demo blog speaks like its model: du and ich, whole posts at home.
            site_settings.address = Address.DU
            site_settings.sender = Sender.ICH
            site_settings.home_layout = SiteSettings.HomeLayout.FULL
            changed = True
        if site_settings.impressum_page_id is None and pages.get("impressum"):
            site_settings.impressum_page = pages["impressum"]
            changed = True
        if site_settings.privacy_page_id is None and pages.get("datenschutz"):
            site_settings.privacy_page = pages["datenschutz"]
            changed = True
        if not site_settings.footer_text:
            site_settings.footer_text = (
                f"© {timezone.localdate().year} {demo_data.AUTHOR_NAME}"
            )
            changed = True
        if changed:
            site_settings.save()

    def ensure_admin(self):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write(
                "Ein Administrator existiert bereits; kein Demo-Zugang angelegt."
            )
            return
        User.objects.create_superuser(
            DEMO_ADMIN_USERNAME, "admin@example.org", DEMO_ADMIN_PASSWORD
        )
        self.stdout.write(
            self.style.WARNING(
                f"Demo-Zugang angelegt: Benutzer „{DEMO_ADMIN_USERNAME}“, Passwort „{DEMO_ADMIN_PASSWORD}“ "
                "(nur für die lokale Demo, im Betrieb sofort ändern)."
            )
        )
