"""Structured data and robots rules as plain functions of the site and page."""

import json

from django.http import HttpResponse
from django.urls import reverse
from django.utils.safestring import mark_safe

from .site import absolute_url

# JSON inside <script> must not be able to end the element (as Django's json_script).
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld(data):
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return mark_safe(text.translate(JSON_SCRIPT_ESCAPES))


def website(name, search_url=None):
    data = {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": name,
        "url": absolute_url("/"),
        "inLanguage": "de",
    }
    if search_url:
        data["potentialAction"] = {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": f"{search_url}?q={{search_term_string}}",
            },
            "query-input": "required name=search_term_string",
        }
    return data


def robots_lines(disallow):
    return [
        "User-agent: *",
        *(f"Disallow: {path}" for path in disallow),
        "",
        f"Sitemap: {absolute_url(reverse('sitemap'))}",
    ]


def robots_view(disallow):
    """robots.txt keeping crawlers out of `disallow` (the URLconf names them).
    Cached like every public page (core.pagecache)."""

    def robots_txt(request):
        return HttpResponse(
            "\n".join(robots_lines(disallow)) + "\n",
            content_type="text/plain; charset=utf-8",
        )

    return robots_txt
