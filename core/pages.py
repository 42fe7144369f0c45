"""Small mixins every page type of the site is built from."""

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr

from wagtail.models import PageManager, PageQuerySet, PageViewRestriction

from .site import SiteContext, base_url

MAX_DESCRIPTION = 300


class SitePageQuerySet(PageQuerySet):
    def for_site(self, site):
        """Live pages of this type within `site` (the landmark lookups)."""
        return self.live().descendant_of(site.root_page, inclusive=True)

    def public_in_query(self):
        """Wagtail's `public()` inside the same SQL query: Wagtail first loads
        every view restriction (one query per call); here a restriction at or
        above a page is a NOT EXISTS on the small restriction table. (The
        search backend knows only plain field filters: search uses public().)"""
        restricted = PageViewRestriction.objects.filter(
            page__path=Substr(OuterRef("path"), 1, Length("page__path"))
        )
        return self.exclude(Exists(restricted))

    def unrestricted(self):
        """Pages without a view restriction of their own. For the siblings of
        a page a reader is allowed to see (they share its ancestors, so only
        their own restrictions can differ): cheaper to build and to run than
        a check of every ancestor."""
        return self.exclude(pk__in=PageViewRestriction.objects.values("page_id"))


SitePageManager = PageManager.from_queryset(SitePageQuerySet)


class PublicUrlMixin:
    """Full URLs of pages follow the one public base URL (core.site), whatever
    host a request came in on, so Wagtail's own links (sitemap, "live ansehen")
    and ours agree."""

    def get_url_parts(self, request=None):
        # A listing links the same landmark page dozens of times (every tag
        # link goes through the blog index's URL): remember the answer for
        # the request it was computed for.
        cached = self.__dict__.get("_url_parts_for")
        if cached is not None and request is not None and cached[0] is request:
            return cached[1]
        parts = super().get_url_parts(request)
        if parts is not None and parts[1] is not None:
            site_id, _root_url, page_path = parts
            parts = site_id, base_url(), page_path
        if request is not None:
            self._url_parts_for = (request, parts)
        return parts


def first_text(*values):
    for value in values:
        text = " ".join((value or "").split())
        if text:
            return text[:MAX_DESCRIPTION]
    return ""


class ReaderPathMixin:
    """Fewer queries on the way from URL to page (every page type has it
    through SeoMixin)."""

    #: Landmark pages of core.site.SiteContext that can be children of this
    #: page: routing reuses the looked-up landmark instead of querying the
    #: child again (the header needs the landmarks on every page anyway).
    landmark_children = ("blog_index", "subscribe_page")

    def route(self, request, path_components):
        if path_components:
            site_context = SiteContext.for_request(request)
            for name in self.landmark_children:
                child = getattr(site_context, name)
                if (
                    child is not None
                    and child.slug == path_components[0]
                    and child.depth == self.depth + 1
                    and child.path.startswith(self.path)
                ):
                    child._cached_parent_obj = self
                    return child.route(request, path_components[1:])
        return super().route(request, path_components)

    def get_view_restrictions(self):
        """The restrictions on this page and its ancestors in one query
        (Wagtail loads the ancestors first). An alias uses its source's."""
        steplen = self.steplen
        paths = [self.path[:end] for end in range(steplen, len(self.path) + 1, steplen)]
        return PageViewRestriction.objects.filter(
            Q(page__path__in=paths, page__alias_of__isnull=True)
            | Q(page__aliases__path__in=paths)
        ).distinct()


class SeoMixin(ReaderPathMixin, PublicUrlMixin):
    """A page answers what search engines and link previews read about it.

    `context` is the page's template context, so routable pages can answer per
    sub-page (a tag page of the blog index). core/templatetags/seo_tags.py asks;
    it never looks at the page's class.
    """

    og_type = "website"

    def seo_title_for(self, context):
        return self.seo_title or self.title

    def seo_description_for(self, context):
        return first_text(self.search_description)

    def seo_image(self):
        """(image, alt text) for link previews, or None."""
        return None

    def image_sizes(self):
        """(image, size name of core.images.SPECS) for every image this page
        shows; core.tasks creates their renditions when the page is published."""
        found = self.seo_image()
        return [(found[0], "share")] if found else []

    def seo_times(self):
        """(published, modified) as aware datetimes for articles, else None."""
        return None

    def structured_data(self, context, canonical, image):
        """JSON-LD for this page as a dict, or None."""
        return None
