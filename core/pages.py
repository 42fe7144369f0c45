"""Small mixins every page type of the site is built from."""

from wagtail.models import PageManager, PageQuerySet

from .site import base_url

MAX_DESCRIPTION = 300


class SitePageQuerySet(PageQuerySet):
    def for_site(self, site):
        """Live pages of this type within `site` (the landmark lookups)."""
        return self.live().descendant_of(site.root_page, inclusive=True)


SitePageManager = PageManager.from_queryset(SitePageQuerySet)


class PublicUrlMixin:
    """Full URLs of pages follow the one public base URL (core.site), whatever
    host a request came in on, so Wagtail's own links (sitemap, "live ansehen")
    and ours agree."""

    def get_url_parts(self, request=None):
        parts = super().get_url_parts(request)
        if parts is None or parts[1] is None:
            return parts
        site_id, _root_url, page_path = parts
        return site_id, base_url(), page_path


def first_text(*values):
    for value in values:
        text = " ".join((value or "").split())
        if text:
            return text[:MAX_DESCRIPTION]
    return ""


class SeoMixin(PublicUrlMixin):
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
