"""Starting sends: by the editor's action, on publish, or as an admin's resend."""

import logging

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from core.site import absolute_url
from subscriptions.emails import build_message
from subscriptions.models import Subscriber

from .models import PostSend
from .rendering import post_context
from .sending import TEMPLATE
from .tasks import start_send

logger = logging.getLogger(__name__)


def subject_for(page):
    return page.newsletter_subject_line()


def enqueue_on_commit(send):
    def enqueue():
        # The send row is committed; a queue failure must not fail the publish.
        try:
            start_send.enqueue(send.pk)
        except Exception:
            logger.exception("Could not enqueue newsletter send %s", send.pk)

    transaction.on_commit(enqueue)


def create_send(page, user=None, trigger="manual"):
    """The post's first send, or None if it has one already (whoever came first)."""
    try:
        with transaction.atomic():
            send = PostSend.objects.create(
                page=page,
                generation=1,
                subject=subject_for(page),
                created_by=user,
                trigger=trigger,
            )
    except IntegrityError:
        return None
    enqueue_on_commit(send)
    return send


def can_resend(user):
    return user.is_superuser


def create_resend(page, user, only_missing=False):
    """A new generation after a finished send; None if not allowed right now."""
    if not can_resend(user):
        return None
    latest = PostSend.objects.filter(page=page).order_by("-generation").first()
    if latest is None or latest.status != PostSend.Status.DONE:
        return None
    try:
        with transaction.atomic():
            send = PostSend.objects.create(
                page=page,
                generation=latest.generation + 1,
                resend_of=latest,
                only_missing=only_missing,
                subject=subject_for(page),
                created_by=user,
                trigger="resend",
            )
    except IntegrityError:
        return None
    enqueue_on_commit(send)
    return send


def send_on_publish(page):
    """page_published: honour "beim Veröffentlichen senden" once."""
    if not page.newsletter_send_on_publish:
        return None
    if PostSend.objects.filter(page=page).exists():
        return None
    return create_send(page, trigger="publish")


def send_test(page, user):
    """The email as subscribers will get it, to the editor, right now.

    Built from the latest draft so it can be checked before publishing; the
    unsubscribe link is a placeholder (the editor is no subscriber).
    """
    draft = page.get_latest_revision_as_object()
    subject = draft.newsletter_subject_line()
    reader = Subscriber(email=user.email, first_name=user.first_name)
    url = absolute_url(reverse("subscriptions:unsubscribe", args=["test"]))
    headers = {
        "List-Unsubscribe": f"<{url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    message = build_message(
        reader,
        _("[Test] %(subject)s") % {"subject": subject},
        TEMPLATE,
        post_context(draft, subject),
        unsubscribe=(url, headers),
    )
    message.send()
    return message


def recipient_count():
    return Subscriber.objects.filter(status=Subscriber.Status.CONFIRMED).count()
