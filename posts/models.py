import math
import re
from datetime import date
from html import unescape

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase, TagBase

from django.db import connection, models
from django.db.models import (
    Count,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    prefetch_related_objects,
)
from django.db.models.functions import Coalesce
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images import get_image_model, get_image_model_string
from wagtail.models import Page, PageManager, PageViewRestriction
from wagtail.search import index
from wagtail.search.tasks import insert_or_update_object_task
from wagtail.signals import page_published, page_unpublished, post_page_move

from core.blocks import BodyBlock
from core.images import filter_specs, prefetched_images
from core.memo import memo
from core.pages import SeoMixin, SitePageManager, SitePageQuerySet, first_text
from core.pagination import paginate
from core.site import SiteContext, absolute_url
from core.text import german_slugify, german_stems
from fediverse.pages import FediversePageMixin
from newsletter.models import NewsletterPageMixin

from . import seo
from .authors import Author

__all__ = ["Author", "BlogIndexPage", "BlogPostPage", "BlogTag", "TaggedPost"]


class BlogTag(TagBase):
    """A tag with an ASCII slug that reads well in German ("Führung" -> "fuehrung")."""

    free_tagging = True

    # Live public posts with this tag, counted when posts are published,
    # unpublished, moved or deleted (refresh_tag_counts), so the tag filter on
    # every listing does not count all posts per request.
    post_count = models.PositiveIntegerField(_("Artikel"), default=0, editable=False)
    description = models.TextField(
        _("Beschreibung"),
        max_length=600,
        blank=True,
        help_text=_(
            "Optional: ein, zwei Sätze über dem Artikelverzeichnis des Schlagworts."
        ),
    )
    image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("Bild"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional: ein Bild für die Schlagwortseite, im Querformat."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("image"),
    ]

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


def renditions_prefetch(lookup, *sizes):
    """Prefetch the renditions of `sizes` where Wagtail looks for them."""
    specs = sorted({spec for size in sizes for spec in filter_specs(size)})
    rendition_model = get_image_model().get_rendition_model()
    return Prefetch(
        lookup,
        queryset=rendition_model.objects.filter(filter_spec__in=specs),
        to_attr="prefetched_renditions",
    )


def tagged_items_prefetch():
    return Prefetch(
        "tagged_items",
        queryset=TaggedPost.objects.select_related("tag").order_by("tag__name"),
    )


class BlogPostQuerySet(SitePageQuerySet):
    def published(self, renditions=True):
        """What readers may see, ready for listings: the query count does not
        grow with the number of posts shown (feature images come with the
        posts, their teaser renditions and the tags in one query each)."""
        return self.live().public_in_query()._for_listing(renditions)

    def rows_of(self, ids):
        """Listing rows of `ids` (a sliced, ordered id queryset), in order."""
        return list(self.filter(pk__in=ids)._for_listing(renditions=True))

    def published_for_search(self):
        """The same posts for the search backend (Wagtail's public(): the
        backend cannot filter on a subquery)."""
        return self.live().public()._for_listing(renditions=True)

    def _for_listing(self, renditions):
        prefetches = [tagged_items_prefetch()]
        if renditions:
            prefetches.append(
                renditions_prefetch("feature_image__renditions", "teaser")
            )
        return (
            self.defer_streamfields()
            .select_related("author", "feature_image")
            .prefetch_related(*prefetches)
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

    def front_page_posts(self, count, full=False):
        """The home page's posts: featured ones first, then the newest; with
        their bodies when the home page shows whole posts."""
        posts = self.posts().order_by(
            "-featured", "-date", "-first_published_at", "-pk"
        )
        if full:
            posts = posts.defer(None)
        return posts[:count]

    def remembered_front_page_posts(self, request, count, full=False):
        """front_page_posts, kept until the next content change (core.memo)."""
        return memo.get(
            ("front-page-posts", self.pk, count, full),
            lambda: list(self.front_page_posts(count, full=full)),
            request,
        )

    def tags_with_counts(self):
        """Tags with live posts and their counts, precomputed on publish
        (BlogTag.post_count). There is one blog index (max_count), so the
        counts of all posts are this index's counts."""
        return memo.get(
            ("tags-with-counts", self.pk),
            lambda: list(BlogTag.objects.filter(post_count__gt=0).order_by("name")),
        )

    def paginate(self, request, posts, listing=None):
        """A page of `posts`; `listing` names them (the tag's slug, or "")
        so that their count and rows are remembered (core.pagination)."""
        return paginate(
            request,
            posts.values_list("pk", flat=True),
            self.posts_per_page,
            load=BlogPostPage.objects.rows_of,
            remember=None if listing is None else ("blog", self.pk, listing),
        )

    def latest_posts(self, count):
        return BlogPostPage.objects.rows_of(self.posts().values("pk")[:count])

    def listing_response(self, request, posts, current_tag=None, tags=None):
        listing = current_tag.slug if current_tag else ""
        posts_page = self.paginate(request, posts, listing=listing)
        return self.render(
            request,
            context_overrides={
                "posts": posts_page,
                "tags": self.tags_with_counts() if tags is None else tags,
                "current_tag": current_tag,
            },
        )

    def route(self, request, path_components):
        # A post: fetched as what it is, with what its page shows, in one query
        # (Wagtail would query the child, then its specific row, author and
        # image). No sub-page route has a single component, so none is hidden.
        if len(path_components) == 1 and self.live:
            slug = path_components[0]
            # Remembered with what its page shows until the next content
            # change (core.memo); each request gets its own copy.
            post = memo.get_copy(
                ("post-page", self.pk, slug),
                lambda: BlogPostPage.for_reading(self, slug),
                request,
            )
            if post is not None:
                post._cached_parent_obj = self
                return post.route(request, [])
        return super().route(request, path_components)

    @path("")
    def all_posts(self, request):
        return self.listing_response(request, self.posts())

    @path("tag/<str:tag_slug>/", name="tag")
    def posts_by_tag(self, request, tag_slug):
        # The tag filter lists exactly the tags with live posts: a tag that is
        # not in it has nothing to show.
        tags = self.tags_with_counts()
        tag = next((tag for tag in tags if tag.slug == tag_slug), None)
        if tag is None:
            # /tag/Leadership/ or /tag/Führung/: the tag's one address, for good.
            canonical = german_slugify(tag_slug)
            if canonical != tag_slug and any(t.slug == canonical for t in tags):
                url = self.reverse_subpage("tag", args=[canonical])
                return HttpResponsePermanentRedirect(self.get_url(request) + url)
            raise Http404
        posts = self.posts().filter(tagged_items__tag=tag)
        return self.listing_response(request, posts, current_tag=tag, tags=tags)

    def get_cached_paths(self):
        """Every listing URL under the index, for a CDN purge
        (core.invalidation): its pages and each tag page with its pages."""
        pages = math.ceil(self.posts().count() / self.posts_per_page)
        paths = ["/", *(f"/?page={n}" for n in range(2, pages + 1))]
        for tag in BlogTag.objects.all():  # post_count is kept up to date
            tag_path = "/" + self.reverse_subpage("tag", kwargs={"tag_slug": tag.slug})
            tag_pages = math.ceil(tag.post_count / self.posts_per_page)
            paths.append(tag_path)
            paths += [f"{tag_path}?page={n}" for n in range(2, tag_pages + 1)]
        return paths


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
    featured = models.BooleanField(
        _("hervorheben"),
        default=False,
        help_text=_("Hervorgehobene Artikel stehen auf der Startseite ganz oben."),
    )
    author = models.ForeignKey(
        "posts.Author",
        verbose_name=_("Autor/in"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="posts",
        help_text=_(
            "Erscheint unter dem Artikel. Autorinnen und Autoren unter „Schnipsel“ anlegen."
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
                FieldPanel("featured"),
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
        index.SearchField("search_stems"),
        index.FilterField("date"),
    ]

    parent_page_types = ["posts.BlogIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Blogartikel")
        verbose_name_plural = _("Blogartikel")
        # Listings, previous/next and related posts walk posts by date.
        indexes = [models.Index(fields=["date"], name="posts_post_date_idx")]

    WORDS_PER_MINUTE = 200
    og_type = "article"

    def search_stems(self):
        """German stems of the searchable text, for SQLite's full-text index.

        SQLite's FTS5 knows no German: with these „Kunden“ finds „Kunde“ and
        „fuehrung“ finds „Führung“ (posts.search stems the query the same way).
        PostgreSQL stems with its own `german` configuration and gets nothing.
        """
        if connection.vendor != "sqlite":
            return ""
        texts = [
            self.title,
            self.teaser,
            *self.body.stream_block.get_searchable_content(self.body),
            *(tag.name for tag in self.tags.all()),
        ]
        return " ".join(sorted(set(german_stems(" ".join(texts)))))

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

    def image_sizes(self):
        """Every image size this post appears in: its page, the cards that list
        it, link previews, feeds and emails."""
        sizes = []
        if self.feature_image:
            for size in ("hero", "teaser", "share", "portable_hero"):
                sizes.append((self.feature_image, size))
        for block in self.body:
            if block.block_type == "image" and block.value.get("image"):
                sizes.append((block.value["image"], "body"))
                sizes.append((block.value["image"], "portable_body"))
        if self.author and self.author.portrait:
            sizes.append((self.author.portrait, "portrait"))
        return sizes

    def get_sitemap_urls(self, request=None):
        # lastmod: when the post was last published, as in its JSON-LD.
        urls = super().get_sitemap_urls(request)
        for entry in urls:
            entry["lastmod"] = seo.modified_at(self) or seo.published_at(self)
        return urls

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
        """The other live posts of this blog that a reader of this post may
        see (see SitePageQuerySet.unrestricted)."""
        return (
            BlogPostPage.objects.sibling_of(self, inclusive=False).live().unrestricted()
        )

    def _older(self):
        older = Q(date__lt=self.date) | Q(date=self.date, pk__lt=self.pk)
        return self.siblings_in_order().filter(older).order_by("-date", "-pk")

    def _newer(self):
        newer = Q(date__gt=self.date) | Q(date=self.date, pk__gt=self.pk)
        return self.siblings_in_order().filter(newer).order_by("date", "pk")

    NEIGHBOUR_FIELDS = ("title", "url_path", "date")

    def previous_post(self):
        return self._older().only(*self.NEIGHBOUR_FIELDS).first()

    def next_post(self):
        return self._newer().only(*self.NEIGHBOUR_FIELDS).first()

    def neighbours(self):
        """(previous, next) in one query: two date-ordered LIMIT 1 lookups as
        scalar subqueries (SQLite allows no LIMIT inside a UNION)."""
        if not self.pk:
            return None, None
        found = (
            BlogPostPage.objects.filter(
                Q(pk=Subquery(self._older().values("pk")[:1]))
                | Q(pk=Subquery(self._newer().values("pk")[:1]))
            )
            .only(*self.NEIGHBOUR_FIELDS)
            .order_by()
        )
        previous = following = None
        for post in found:
            if (post.date, post.pk) < (self.date, self.pk):
                previous = post
            else:
                following = post
        return previous, following

    RELATED_POSTS = 3

    def related_posts(self, prefetch=True):
        """Up to three newest published posts sharing a tag with this one
        (a LIMIT on the date-ordered posts, not a count over all of them)."""
        if not self.pk:
            return []
        own_tags = TaggedPost.objects.filter(content_object_id=self.pk).values("tag_id")
        sharing = TaggedPost.objects.filter(tag_id__in=own_tags).values(
            "content_object_id"
        )
        posts = self.siblings_in_order()._for_listing(renditions=prefetch)
        if not prefetch:
            posts = posts.prefetch_related(None)
        return list(posts.filter(pk__in=sharing)[: self.RELATED_POSTS])

    def body_images(self):
        """The images of the body's image blocks, by id, in one query."""
        ids = {
            block["value"].get("image")
            for block in self.body.raw_data
            if block["type"] == "image" and block["value"]
        }
        ids.discard(None)
        if not ids:
            return {}
        return {
            image.pk: image for image in get_image_model().objects.filter(pk__in=ids)
        }

    def prepare_for_reading(self, related):
        """Load what the post page shows with as few queries as possible:
        the tags of the post and its related posts together, the body's images,
        and one query for the renditions of every image on the page."""
        prefetch_related_objects([self, *related], tagged_items_prefetch())
        images = self.body_images()
        if images:
            # The body's image blocks take these images instead of querying.
            token = prefetched_images.set(images)
            try:
                list(self.body)
            finally:
                prefetched_images.reset(token)
        shown = [*images.values(), *(post.feature_image for post in related)]
        if self.feature_image:
            shown.append(self.feature_image)
        if self.author and self.author.portrait:
            shown.append(self.author.portrait)
        shown = [image for image in shown if image is not None]
        if shown:
            prefetch_related_objects(
                shown,
                renditions_prefetch(
                    "renditions", "teaser", "hero", "share", "body", "portrait"
                ),
            )

    @classmethod
    def for_reading(cls, index, slug):
        """The post `slug` of `index`, ready to be read: with its author and
        images in one query, then its tags, body images, related posts and
        neighbours (see `prepare`). None if there is none."""
        post = (
            cls.objects.child_of(index)
            .filter(slug=slug)
            .select_related("author__portrait", "feature_image")
            .first()
        )
        if post is not None and post.live:
            post.prepare()
        return post

    def prepare(self):
        """Load everything the page shows; a prepared post is rendered
        without further queries (it may be shared, read-only, core.memo)."""
        related = self.related_posts(prefetch=False)
        self.prepare_for_reading(related)
        self.prepared_reading = (related, self.neighbours())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if getattr(self, "prepared_reading", None) is None:
            # A draft (preview) or a post not reached through the blog index.
            self.prepare()
        related, neighbours = self.prepared_reading
        context["related_posts"] = related
        context["previous_post"], context["next_post"] = neighbours
        context["blog_index"] = SiteContext.for_request(request).blog_index
        return context

    def frontend_cache_urls(self):
        """What else shows this post, for a CDN purge (core.invalidation):
        its neighbours and related posts, and the tag feeds (of every tag, so
        a tag it was removed from is included)."""
        shown_on = [self.previous_post(), self.next_post(), *self.related_posts()]
        urls = [post.url for post in shown_on if post and post.url]
        for slug in BlogTag.objects.values_list("slug", flat=True):
            urls.append(reverse("tag_feed", kwargs={"tag_slug": slug}))
            urls.append(reverse("tag_feed_atom", kwargs={"tag_slug": slug}))
        return urls


def refresh_tag_counts():
    """Count the live public posts of every tag (BlogTag.post_count): one
    UPDATE, run when a post's visibility or tags change, never per request."""
    visible = BlogPostPage.objects.live().public_in_query().values("pk")
    counted = (
        TaggedPost.objects.filter(tag_id=OuterRef("pk"), content_object_id__in=visible)
        .order_by()
        .values("tag_id")
        .annotate(count=Count("pk"))
        .values("count")
    )
    BlogTag.objects.update(post_count=Coalesce(Subquery(counted), 0))


@receiver(page_published, sender=BlogPostPage)
@receiver(page_unpublished, sender=BlogPostPage)
@receiver(post_delete, sender=BlogPostPage)
def post_visibility_changed(sender, **kwargs):
    refresh_tag_counts()


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
@receiver(post_page_move)
def section_visibility_changed(sender, **kwargs):
    refresh_tag_counts()


@receiver(page_published, sender=BlogPostPage)
def index_published_post(sender, instance, **kwargs):
    # The post_save indexing runs before modelcluster saves the tags, so a post
    # would not be found by a new tag; index it again once it is fully saved.
    insert_or_update_object_task.using(queue_name="search").enqueue(
        instance._meta.app_label, instance._meta.model_name, str(instance.pk)
    )
