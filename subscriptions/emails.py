"""Every email to a subscriber is built here, so each carries an unsubscribe link
and the RFC 8058 one-click headers. Issue 5 (new posts by email) reuses
`unsubscribe_link` and `build_message`."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from .models import SubscriberToken, hash_token


def absolute_url(path):
    base = (settings.SUBSCRIPTIONS_BASE_URL or settings.WAGTAILADMIN_BASE_URL).rstrip(
        "/"
    )
    return f"{base}{path}"


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
    context = {
        **context,
        "subscriber": subscriber,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "site_url": absolute_url("/"),
        "unsubscribe_url": unsubscribe_url,
    }
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"emails/{template}.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
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
    subject = _("Bitte bestätigen Sie Ihre Anmeldung bei %(site)s") % {
        "site": settings.WAGTAIL_SITE_NAME
    }
    message = build_message(
        subscriber,
        subject,
        "confirmation",
        {
            "confirm_url": confirm_url,
            "valid_hours": settings.SUBSCRIBE_CONFIRM_TOKEN_HOURS,
        },
    )
    message.token_hashes.append(hash_token(raw))
    return message
