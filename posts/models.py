import math
import re
from datetime import date
from html import unescape

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase, TagBase

from django.db import models
from django.db.models import Count, Prefetch, Q
from django.dispatch import receiver
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images import get_image_model, get_image_model_string
from wagtail.models import Page, PageManager
from wagtail.search import index
from wagtail.search.tasks import insert_or_update_object_task
from wagtail.signals import page_published

from core.blocks import BodyBlock
from core.images import filter_specs
from core.pages import SeoMixin, SitePageManager, SitePageQuerySet, first_text
from core.pagination import paginate
from core.site import SiteContext, absolute_url
from core.text import german_slugify
from fediverse.pages import FediversePageMixin
from newsletter.models import NewsletterPageMixin

from . import seo
from .authors import Author

__all__ = ["Author", "BlogIndexPage", "BlogPostPage", "BlogTag", "TaggedPost"]


class BlogTag(TagBase):
    """A tag with an ASCII slug that reads well in German ("Führung" -> "fuehrung")."""

    free_tagging = True

    class Meta:
        verbose_name = _("Schlagwort")
        verbose_name_plural = _("Schlagwörter")
        ordering = ["name"]

    def slugify(self, tag, i=None):
        slug = german_slugify(tag) or "tag"
        if i is not None:
            slug += f"-{i}"
        return slug


class TaggedPost(ItemBase):
    tag = models.ForeignKey(
        BlogTag, related_name="tagged_posts", on_delete=models.CASCADE
    )
    content_object = ParentalKey(
        "posts.BlogPostPage", related_name="tagged_items", on_delete=models.CASCADE
    )


def teaser_image_queryset():
    return get_image_model().objects.prefetch_renditions(*filter_specs("teaser"))


class BlogPostQuerySet(SitePageQuerySet):
    def published(self):
        """What readers may see, ready for listings: the query count does not
        grow with the number of posts shown."""
        return (
            self.live()
            .public()
            .defer_streamfields()
            .select_related("author")
            .prefetch_related(
                Prefetch("feature_image", queryset=teaser_image_queryset()),
                Prefetch(
                    "tagged_items",
                    queryset=TaggedPost.objects.select_related("tag").order_by(
                        "tag__name"
                    ),
                ),
            )
            .order_by("-date", "-first_published_at", "-pk")
        )


BlogPostManager = PageManager.from_queryset(BlogPostQuerySet)

# Values in the stream that are not reading matter.
NON_TEXT_KEYS = {"id", "type", "image", "url", "level", "tone", "alt_text"}


def _texts(value):
    """Yield the strings a reader reads in a StreamField's raw data."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in NON_TEXT_KEYS:
                yield from _texts(item)
    elif isinstance(value, list | tuple) or hasattr(value, "__iter__"):
        for item in value:
            yield from _texts(item)


def _plain(html):
    """Rich text or a teaser as one line of readable text, for comparing."""
    text = strip_tags(re.sub(r"<br\s*/?>|</(?:p|li|h\d)>", " ", html or ""))
    return " ".join(unescape(text).split())


class BlogIndexPage(SeoMixin, RoutablePageMixin, Page):
    intro = models.TextField(
        _("Einleitung"),
        blank=True,
        max_length=500,
        help_text=_("Ein, zwei Sätze über dem Artikelverzeichnis."),
    )

    posts_per_page = 10

    objects = SitePageManager()

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["posts.BlogPostPage"]
    max_count = 1

    class Meta:
        verbose_name = _("Blog-Übersicht")

    def seo_title_for(self, context):
        tag = context.get("current_tag")
        if tag:
            return f"Artikel zum Thema „{tag.name}“"
        return super().seo_title_for(context)

    def seo_description_for(self, context):
        tag = context.get("current_tag")
        if tag:
            return f"Alle Artikel zum Thema „{tag.name}“."
        return first_text(self.search_description, self.intro)

    def posts(self):
        return BlogPostPage.objects.child_of(self).published()

    def tags_with_counts(self):
        post_ids = BlogPostPage.objects.child_of(self).live().public().values("pk")
        return (
            BlogTag.objects.filter(tagged_posts__content_object__in=post_ids)
            .annotate(post_count=Count("tagged_posts", distinct=True))
            .order_by("name")
        )

    def paginate(self, request, posts):
        return paginate(request, posts, self.posts_per_page)

    def listing_response(self, request, posts, current_tag=None):
        posts_page = self.paginate(request, posts)
        return self.render(
            request,
            context_overrides={
                "posts": posts_page,
                "tags": self.tags_with_counts(),
                "current_tag": current_tag,
            },
        )

    @path("")
    def all_posts(self, request):
        return self.listing_response(request, self.posts())

    @path("tag/<str:tag_slug>/", name="tag")
    def posts_by_tag(self, request, tag_slug):
        tag = get_object_or_404(BlogTag, slug=tag_slug)
        posts = self.posts().filter(tagged_items__tag=tag)
        if not posts.exists():
            raise Http404
        return self.listing_response(request, posts, current_tag=tag)


class BlogPostPage(NewsletterPageMixin, FediversePageMixin, SeoMixin, Page):
    date = models.DateField(
        _("Datum"),
        default=date.today,
        help_text=_("Wird über dem Artikel angezeigt und bestimmt die Reihenfolge."),
    )
    teaser = models.TextField(
        _("Anreißer"),
        max_length=300,
        help_text=_(
            "Ein, zwei Sätze für Übersichten, Suche und Vorschauen (max. 300 Zeichen)."
        ),
    )
    feature_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("Titelbild"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional. Querformat, mindestens 1200 × 675 Pixel."),
    )
    feature_image_alt = models.CharField(
        _("Alternativtext des Titelbilds"),
        max_length=250,
        blank=True,
        help_text=_(
            "Beschreibt das Titelbild. Leer lassen, um die Beschreibung des Bildes "
            "zu verwenden. Der Bildnachweis kommt vom Bild selbst."
        ),
    )
    author = models.ForeignKey(
        "posts.Author",
        verbose_name=_("Autor/in"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="posts",
        help_text=_(
            "Erscheint unter dem Artikel. Autorinnen und Autoren unter „Snippets“ anlegen."
        ),
    )
    tags = ClusterTaggableManager(
        through=TaggedPost,
        blank=True,
        verbose_name=_("Schlagwörter"),
        help_text=_("Mehrere Schlagwörter mit Komma oder Eingabetaste trennen."),
    )
    body = StreamField(
        BodyBlock(),
        verbose_name=_("Inhalt"),
        help_text=_(
            "Der Artikel: Text, Überschriften, Bilder, Zitate, Videos, Kästen, "
            "Tabellen und Code."
        ),
    )

    objects = BlogPostManager()

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("date"),
                FieldPanel("author"),
                FieldPanel("tags"),
                FieldPanel("teaser"),
            ],
            heading=_("Eckdaten"),
        ),
        MultiFieldPanel(
            [FieldPanel("feature_image"), FieldPanel("feature_image_alt")],
            heading=_("Titelbild"),
        ),
        FieldPanel("body"),
        NewsletterPageMixin.newsletter_panel,
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("teaser"),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("date"),
    ]

    parent_page_types = ["posts.BlogIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Blogartikel")
        verbose_name_plural = _("Blogartikel")

    WORDS_PER_MINUTE = 200
    og_type = "article"

    @property
    def feature_image_alt_text(self):
        image = self.feature_image
        return self.feature_image_alt or (image.description if image else "")

    @property
    def feature_image_credit(self):
        return self.feature_image.credit if self.feature_image else ""

    # SEO: what search engines and link previews read (core.pages.SeoMixin).
    def seo_description_for(self, context):
        return first_text(self.search_description, self.teaser)

    def seo_image(self):
        if self.feature_image:
            return self.feature_image, self.feature_image_alt_text
        return None

    def seo_times(self):
        return seo.published_at(self), seo.modified_at(self)

    def structured_data(self, context, canonical, image):
        return seo.blog_posting(self, canonical, image, context["site_context"].name)

    # What an email of this post shows (newsletter.models.NewsletterPageMixin).
    def newsletter_teaser(self):
        return self.teaser

    def newsletter_standfirst(self):
        return "" if self.teaser_opens_body else self.teaser

    def newsletter_date(self):
        return self.date

    def newsletter_image(self):
        return self.seo_image()

    def newsletter_body(self):
        return self.body

    # What followers on the fediverse get (fediverse.pages.FediversePageMixin).
    def fediverse_summary(self):
        return self.teaser

    def fediverse_body(self):
        return self.body

    def fediverse_image(self):
        return self.seo_image()

    def fediverse_tags(self):
        index = self.get_parent().specific
        return [
            (
                tag.name,
                absolute_url(index.url + index.reverse_subpage("tag", args=[tag.slug])),
            )
            for tag in self.tag_list()
        ]

    def fediverse_published(self):
        return seo.published_at(self)

    @cached_property
    def word_count(self):
        return sum(len(strip_tags(text).split()) for text in _texts(self.body.raw_data))

    @property
    def reading_time(self):
        return max(1, math.ceil(self.word_count / self.WORDS_PER_MINUTE))

    @cached_property
    def teaser_opens_body(self):
        """True when the teaser only repeats the body's first words (as an
        automatic teaser does): the post page then leaves the standfirst out."""
        teaser = _plain(self.teaser).removesuffix("…").strip()
        first = self.body.raw_data[0] if self.body else None
        if not teaser or not first or first["type"] != "paragraph":
            return False
        opening = _plain(first["value"])
        # Whole words only: "Hall" does not open "Hallo zusammen".
        rest = opening.removeprefix(teaser)
        return rest != opening and (
            not rest or rest[0] == " " or not teaser[-1].isalnum()
        )

    def tag_list(self):
        """The post's tags by name; uses the listing's prefetch when there is one."""
        items = self.tagged_items.all()
        if "tagged_items" not in getattr(self, "_prefetched_objects_cache", {}):
            items = items.select_related("tag").order_by("tag__name")
        return [item.tag for item in items]

    def siblings_in_order(self):
        return BlogPostPage.objects.sibling_of(self, inclusive=False).live().public()

    def previous_post(self):
        older = Q(date__lt=self.date) | Q(date=self.date, pk__lt=self.pk)
        return (
            self.siblings_in_order()
            .filter(older)
            .order_by("-date", "-pk")
            .only("title", "url_path", "date")
            .first()
        )

    def next_post(self):
        newer = Q(date__gt=self.date) | Q(date=self.date, pk__gt=self.pk)
        return (
            self.siblings_in_order()
            .filter(newer)
            .order_by("date", "pk")
            .only("title", "url_path", "date")
            .first()
        )

    RELATED_POSTS = 3

    def related_posts(self):
        """Up to three newest published posts sharing a tag with this one."""
        if not self.pk:
            return []
        own_tags = TaggedPost.objects.filter(content_object_id=self.pk).values("tag_id")
        sharing = TaggedPost.objects.filter(tag_id__in=own_tags).values(
            "content_object_id"
        )
        return list(
            BlogPostPage.objects.sibling_of(self, inclusive=False)
            .published()
            .filter(pk__in=sharing)[: self.RELATED_POSTS]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_posts"] = self.related_posts()
        context["previous_post"] = self.previous_post()
        context["next_post"] = self.next_post()
        context["blog_index"] = SiteContext.for_request(request).blog_index
        return context


@receiver(page_published, sender=BlogPostPage)
def index_published_post(sender, instance, **kwargs):
    # The post_save indexing runs before modelcluster saves the tags, so a post
    # would not be found by a new tag; index it again once it is fully saved.
    insert_or_update_object_task.enqueue(
        instance._meta.app_label, instance._meta.model_name, str(instance.pk)
    )
