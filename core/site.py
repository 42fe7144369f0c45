"""The site's public identity: its address, its name and its landmark pages.

One rule for absolute URLs: settings.PUBLIC_BASE_URL. Canonical tags, feeds, the
sitemap, robots.txt and every email link are built with `absolute_url`; page
URLs follow it through PublicUrlMixin, and the default Wagtail Site is kept in
step with it (see `sync_default_site`) for what Wagtail itself shows.
"""

from functools import cached_property
from urllib.parse import urljoin, urlsplit

from django.apps import apps
from django.conf import settings
from django.core.exceptions import DisallowedHost

from wagtail.models import Site

from .memo import memo


def base_url():
    """The public address of the site, without a trailing slash."""
    return settings.PUBLIC_BASE_URL.rstrip("/")


def absolute_url(url):
    """`url` on the public site; absolute URLs (media on a CDN) stay as they are."""
    if not url:
        return url
    return urljoin(base_url() + "/", url)


def default_site():
    return memo.get(
        ("default-site",),
        lambda: (
            Site.objects.select_related("root_page")
            .filter(is_default_site=True)
            .first()
        ),
        keep_none=True,
    )


def site_name(site):
    """What readers call the blog: the Wagtail Site's name (Einstellungen →
    Websites), else the project's WAGTAIL_SITE_NAME."""
    return (site and site.site_name) or settings.WAGTAIL_SITE_NAME


def address_of(url):
    """(hostname, port) of a base URL, as a Wagtail Site stores them."""
    parts = urlsplit(url)
    default_port = 443 if parts.scheme == "https" else 80
    return parts.hostname, parts.port or default_port


def sync_default_site(**kwargs):
    """Give the default Site the public address (after every migrate)."""
    hostname, port = address_of(settings.PUBLIC_BASE_URL)
    if hostname:
        Site.objects.filter(is_default_site=True).exclude(
            hostname=hostname, port=port
        ).update(hostname=hostname, port=port)


def find_site(request):
    """Site.find_for_request, remembered per host and port (core.memo).
    Only hosts in ALLOWED_HOSTS are remembered: any other Host header is
    answered as Wagtail would and leaves no trace."""
    if not hasattr(request, "_wagtail_site"):
        try:
            host = request.get_host().lower()
        except DisallowedHost:
            return Site.find_for_request(request)
        request._wagtail_site = memo.get(
            ("site", host, request.get_port()),
            lambda: Site._find_for_request(request),
            request,
        )
    return request._wagtail_site


class SiteMiddleware:
    """Finds the request's Site (see find_site) before Wagtail's page view
    asks for it; other views (health check, admin) are left alone."""

    def __init__(self, get_response):
        from wagtail.views import serve

        self.get_response = get_response
        self.page_view = serve

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is self.page_view:
            find_site(request)


class SiteContext:
    """What every public page needs to know about its site, looked up at most
    once per request (or per email) and shared by all templates.

    The landmark pages are named in settings.SITE_PAGES ("blog_index" →
    "posts.BlogIndexPage"), so this kernel knows no page type.
    """

    def __init__(self, site, request=None):
        self.site = site
        self.request = request

    @classmethod
    def for_request(cls, request):
        if not hasattr(request, "_feder_site_context"):
            request._feder_site_context = cls(find_site(request), request)
        return request._feder_site_context

    @classmethod
    def for_default_site(cls):
        return cls(default_site())

    @cached_property
    def name(self):
        return site_name(self.site)

    @property
    def base_url(self):
        return base_url()

    def landmark(self, name):
        """The live page registered as `name` on this site, or None."""
        if self.site is None:
            return None
        model = apps.get_model(settings.SITE_PAGES[name])
        # By content type (indexed): in path order the first match can come
        # after every post of the blog. A copy per request: routing sets
        # attributes on the page.
        return memo.get_copy(
            ("landmark", self.site.pk, name),
            lambda: model.objects.for_site(self.site).exact_type(model).first(),
            self.request,
            keep_none=True,
        )

    @cached_property
    def blog_index(self):
        return self.landmark("blog_index")

    @cached_property
    def subscribe_page(self):
        return self.landmark("subscribe_page")

    @cached_property
    def settings(self):
        from .models import SiteSettings

        if self.site is None:
            return SiteSettings()
        if self.request is not None:
            # Shares the row with {{ settings.core.SiteSettings }}: one query.
            return SiteSettings.for_request(self.request)
        return SiteSettings.for_site(self.site)

    @property
    def voice(self):
        """How the site speaks to readers (core.voice)."""
        return self.settings.voice


def site_context(request):
    """Template context processor: `site_context` on every page."""
    return {"site_context": SiteContext.for_request(request)}
