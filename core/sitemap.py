"""The sitemap, worked out once per content change (core.memo).

Wagtail's sitemap asks every live page for its URLs on each request, and
Django's template renders each URL through half a dozen template nodes: with a
thousand posts that is a thousand model instances and about 150 ms per
request. The URL list only changes when a page does, so it is remembered per
generation, and the XML is written directly (the same elements as Django's
sitemap template).
"""

import datetime

from django.contrib.sitemaps.views import x_robots_tag
from django.contrib.sites.shortcuts import get_current_site
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.html import escape
from django.utils.http import http_date

from wagtail.contrib.sitemaps import Sitemap

from .memo import memo
from .site import find_site

HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
    'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
)


class RememberedSitemap(Sitemap):
    def get_wagtail_site(self):
        return find_site(self.request) or super().get_wagtail_site()

    @property
    def paginator(self):
        pages = Paginator(self._items(), self.limit)
        # Paginator.count is a cached property: the remembered count takes its place.
        pages.count = memo.get(
            ("sitemap-count", self.get_wagtail_site().pk),
            lambda: Paginator(self._items(), self.limit).count,
            self.request,
        )
        return pages

    def _urls(self, page, protocol, domain):
        number = self.paginator.validate_number(page)  # "01" and "1" are one page
        site = self.get_wagtail_site()

        def work_out():
            urls = super(RememberedSitemap, self)._urls(number, protocol, domain)
            return urls, getattr(self, "latest_lastmod", None)

        urls, latest = memo.get(
            ("sitemap", site.pk, number, protocol, domain), work_out, self.request
        )
        if latest is not None:
            self.latest_lastmod = latest
        return urls


def as_day(value, zone=None):
    """A lastmod as Django's template writes it ({{ value|date:"Y-m-d" }}):
    an aware time in the current time zone (`zone`, looked up once per
    sitemap: per URL it cost more than writing the XML)."""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = value.astimezone(zone or timezone.get_current_timezone())
    return value.strftime("%Y-%m-%d")


def urlset(urls):
    zone = timezone.get_current_timezone()
    parts = [HEAD]
    for url in urls:
        parts.append(f"<url><loc>{escape(url['location'])}</loc>")
        if url.get("lastmod"):
            parts.append(f"<lastmod>{as_day(url['lastmod'], zone)}</lastmod>")
        if url.get("changefreq"):
            parts.append(f"<changefreq>{escape(url['changefreq'])}</changefreq>")
        if url.get("priority"):
            parts.append(f"<priority>{escape(url['priority'])}</priority>")
        for alternate in url.get("alternates") or ():
            parts.append(
                f'<xhtml:link rel="alternate" hreflang="{escape(alternate["lang_code"])}"'
                f' href="{escape(alternate["location"])}"/>'
            )
        parts.append("</url>\n")
    parts.append("</urlset>\n")
    return "".join(parts)


def last_modified(value):
    if not isinstance(value, datetime.datetime):
        value = datetime.datetime.combine(value, datetime.time.min)
    if timezone.is_naive(value):
        value = timezone.make_aware(value, datetime.UTC)
    return http_date(value.timestamp())


@x_robots_tag
def sitemap(request):
    """/sitemap.xml: every live public page of the request's site."""
    source = RememberedSitemap(request)
    try:
        urls = source.get_urls(
            page=request.GET.get("p", 1),
            site=get_current_site(request),
            protocol=request.scheme,
        )
    except (EmptyPage, PageNotAnInteger):
        raise Http404 from None
    latest = getattr(source, "latest_lastmod", None)
    headers = {"Last-Modified": last_modified(latest)} if latest else None
    return HttpResponse(urlset(urls), content_type="application/xml", headers=headers)
