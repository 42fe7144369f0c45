"""The web archive: each sent post's email, readable in the browser.

The public copy is rendered from the same templates as the email, without a
subscriber: no unsubscribe token, no name; the footer offers the sign-up instead.
"""

from django.core.cache import cache
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse

from wagtail.models import Page

from core.security import email_policy
from core.site import SiteContext

from .models import NewsletterPageMixin, PostSend
from .rendering import post_context


def first_send(page):
    return PostSend.objects.filter(page_id=page.pk).order_by("generation")


def cache_key(page_id):
    return f"newsletter-web:{page_id}"


def web_url(page):
    """Where the email version of `page` is, once a send exists; else None.

    Remembered in the cache (a send is never undone; creating one clears the
    entry, see signals.py), so a post page asks the database only once.
    """
    if not page.pk:
        return None
    sent = cache.get(cache_key(page.pk))
    if sent is None:
        sent = first_send(page).exists()
        cache.set(cache_key(page.pk), sent, None)
    return reverse("newsletter_web", args=[page.pk]) if sent else None


def web_version(request, page_id):
    page = get_object_or_404(Page.objects.live().public(), pk=page_id).specific
    send = first_send(page).first() if isinstance(page, NewsletterPageMixin) else None
    if send is None:
        raise Http404
    site = SiteContext.for_request(request)
    subscribe = site.subscribe_page
    context = {
        **post_context(page, send.subject),
        "site_name": site.name,
        "site_url": site.base_url + "/",
        "voice": site.voice,
        "web_version": True,
        "sent_at": send.started_at or send.created_at,
        "subscribe_url": subscribe.get_url(request) if subscribe else "",
    }
    response = TemplateResponse(request, "emails/newsletter/post.html", context)
    response["X-Robots-Tag"] = "noindex"
    # Email HTML styles itself inline; the site's strict policy would strip that.
    response["Content-Security-Policy"] = email_policy()
    return response
