"""What search engines and link previews read: meta data, JSON-LD, robots.txt."""

import json
from datetime import datetime, time
from urllib.parse import urljoin

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.cache import cache_control

from wagtail.models import Site

# Large enough for every sharing preview, in the aspect ratio they expect.
SHARE_IMAGE_SPEC = "fill-1200x630|format-jpeg"
MAX_DESCRIPTION = 300

# JSON inside <script> must not be able to end the element (as Django's json_script).
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def absolute_url(root_url, url):
    return urljoin(root_url.rstrip("/") + "/", url) if url else url


def published_at(post):
    """When a post appeared: its date, at the time it first went live if that
    was the same (local) day, otherwise at midnight local time."""
    first = post.first_published_at and timezone.localtime(post.first_published_at)
    if first and first.date() == post.date:
        return first.replace(microsecond=0)
    return timezone.make_aware(datetime.combine(post.date, time.min))


def modified_at(post):
    updated = post.last_published_at
    if not updated:
        return None
    updated = timezone.localtime(updated).replace(microsecond=0)
    return max(published_at(post), updated)


def site_name(site):
    return (site and site.site_name) or settings.WAGTAIL_SITE_NAME


def json_ld(data):
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return mark_safe(text.translate(JSON_SCRIPT_ESCAPES))


def blog_posting(post, canonical, image, site):
    data = {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "headline": post.title,
        "description": post.teaser,
        "datePublished": published_at(post).isoformat(),
        "dateModified": (modified_at(post) or published_at(post)).isoformat(),
        "inLanguage": "de",
        "url": canonical,
        "mainEntityOfPage": canonical,
        "publisher": {"@type": "Organization", "name": site_name(site)},
    }
    if post.author:
        data["author"] = {"@type": "Person", "name": post.author.name}
    if image:
        data["image"] = image["url"]
    keywords = [tag.name for tag in post.tag_list()]
    if keywords:
        data["keywords"] = keywords
    return {key: value for key, value in data.items() if value}


def website(site, search_url):
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": site_name(site),
        "url": site.root_url + "/",
        "inLanguage": "de",
        "potentialAction": {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": f"{search_url}?q={{search_term_string}}",
            },
            "query-input": "required name=search_term_string",
        },
    }


@cache_control(public=True, max_age=60 * 60)
def robots_txt(request):
    site = Site.find_for_request(request)
    root = site.root_url if site else request.build_absolute_uri("/").rstrip("/")
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /vorschau/",
        f"Disallow: {reverse('search')}",
        "",
        f"Sitemap: {absolute_url(root, reverse('sitemap'))}",
    ]
    return HttpResponse(
        "\n".join(lines) + "\n", content_type="text/plain; charset=utf-8"
    )
