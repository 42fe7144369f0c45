"""`{% stats_beacon %}`: the counting script, on public pages that are counted.

The tag renders the same markup for every reader of a page (the page's id and
the endpoint), so pages stay cacheable; it renders nothing for a preview, an
editor's own render (logged in) or with „Statistik zählen“ off."""

from django import template
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html

from wagtail.models import Page

from core.models import SiteSettings

register = template.Library()


def counted(request, page):
    if request is None or not isinstance(page, Page) or not page.pk or not page.live:
        return False
    if getattr(request, "is_preview", False) or getattr(
        request, "is_preview_link", False
    ):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    return SiteSettings.for_request(request).stats_enabled


@register.simple_tag(takes_context=True)
def stats_beacon(context):
    request = context.get("request")
    page = context.get("page")
    if not counted(request, page):
        return ""
    return format_html(
        '<script src="{}" data-url="{}" data-page="{}" defer></script>',
        static("stats/beacon.js"),
        reverse("stats_beacon"),
        page.pk,
    )
