"""Every email to a subscriber is built here, so each carries an unsubscribe link
and the RFC 8058 one-click headers (the newsletter builds its emails here too)."""

from email.utils import formataddr, parseaddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from core.site import SiteContext, absolute_url
from core.tokens import hash_token

from .models import SubscriberToken


def sender(site_name):
    """DEFAULT_FROM_EMAIL, named after the site unless it names itself."""
    name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    return settings.DEFAULT_FROM_EMAIL if name else formataddr((site_name, address))


def unsubscribe_link(subscriber):
    """A fresh unsubscribe URL for this subscriber and the headers that go with it.

    Tokens are stored hashed, so every email gets its own token; none of them
    expires.
    """
    raw = SubscriberToken.issue(subscriber, SubscriberToken.Purpose.UNSUBSCRIBE)
    url = absolute_url(reverse("subscriptions:unsubscribe", args=[raw]))
    headers = {
        "List-Unsubscribe": f"<{url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    return url, headers


def token_hash_of(url):
    return hash_token(url.rstrip("/").rsplit("/", 1)[-1])


def build_message(subscriber, subject, template, context, unsubscribe=None):
    """Plain text and HTML from templates/emails/<template>.txt/.html.

    `unsubscribe` (url, headers) replaces the issued link, for an editor's test
    email to an address that is no subscriber.
    """
    unsubscribe_url, headers = unsubscribe or unsubscribe_link(subscriber)
    site = SiteContext.for_default_site()
    site_name = context.get("site_name") or site.name
    context = {
        "voice": site.voice,
        **context,
        "subscriber": subscriber,
        "site_name": site_name,
        "site_url": absolute_url("/"),
        "unsubscribe_url": unsubscribe_url,
    }
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"emails/{template}.txt", context),
        from_email=sender(site_name),
        # The bare address: the reader-supplied name never reaches a header.
        to=[subscriber.email],
        headers={**headers, "Auto-Submitted": "auto-generated"},
    )
    message.attach_alternative(
        render_to_string(f"emails/{template}.html", context), "text/html"
    )
    # Lets a failed send withdraw the tokens it issued (see tasks.py).
    message.token_hashes = [token_hash_of(unsubscribe_url)]
    return message


def confirmation_message(subscriber):
    raw = SubscriberToken.issue(subscriber, SubscriberToken.Purpose.CONFIRM)
    confirm_url = absolute_url(reverse("subscriptions:confirm", args=[raw]))
    site = SiteContext.for_default_site()
    site_name = site.name
    subject = site.voice.text("confirm_subject", site=site_name)
    message = build_message(
        subscriber,
        subject,
        "confirmation",
        {
            "site_name": site_name,
            "confirm_url": confirm_url,
            "valid_hours": settings.SUBSCRIBE_CONFIRM_TOKEN_HOURS,
        },
    )
    message.token_hashes.append(hash_token(raw))
    return message
