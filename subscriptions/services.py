"""The double opt-in state changes, apart from HTTP."""

import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from . import guards
from .models import Subscriber, SubscriberToken
from .tasks import send_confirmation_email

logger = logging.getLogger(__name__)


def sign_up(*, email, first_name, signup_page, consent_text):
    """Store or refresh the sign-up, then enqueue a confirmation email if due.

    The caller answers the same way whatever happens here, so nobody learns
    whether an address is known.
    """
    now = timezone.now()
    consent = {
        "signup_page": signup_page,
        "consent_text": consent_text,
        "created_at": now,
    }
    with transaction.atomic():
        # get_or_create copes with a concurrent insert of the same address: the
        # case-insensitive unique constraint rejects the second row and the
        # loser reads the winner's.
        subscriber, created = Subscriber.objects.get_or_create(
            email__iexact=email,
            defaults={"email": email, "first_name": first_name, **consent},
        )
        if not created:
            subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
            if subscriber.status == Subscriber.Status.CONFIRMED:
                return None  # already subscribed: no new mail, same answer
            if subscriber.status == Subscriber.Status.UNSUBSCRIBED:
                subscriber.status = Subscriber.Status.PENDING
                subscriber.confirmed_at = None
                subscriber.unsubscribed_at = None
            for field, value in consent.items():
                setattr(subscriber, field, value)
            subscriber.first_name = first_name or subscriber.first_name
            subscriber.email_attempts = 0
            subscriber.save()
    if guards.hit(
        "confirmation-mail", email.lower(), settings.SUBSCRIBE_CONFIRMATION_LIMIT
    ):
        enqueue_confirmation(subscriber)
    else:
        logger.info("Confirmation limit reached for subscriber %s", subscriber.pk)
    return subscriber


def enqueue_confirmation(subscriber):
    # The row is committed by now; a queue failure must not lose the sign-up or
    # fail the request (an editor can resend).
    try:
        send_confirmation_email.enqueue(subscriber.pk)
    except Exception:
        logger.exception(
            "Could not enqueue the confirmation for subscriber %s", subscriber.pk
        )
        return False
    return True


def request_new_link(subscriber):
    """From an expired link: send a fresh one, within the per-address limit."""
    if subscriber.status != Subscriber.Status.PENDING:
        return False
    if not guards.hit(
        "confirmation-mail",
        subscriber.email.lower(),
        settings.SUBSCRIBE_CONFIRMATION_LIMIT,
    ):
        return False
    return enqueue_confirmation(subscriber)


def resend_by_editor(subscriber):
    """Editors may resend to pending subscribers without the reader limits."""
    if subscriber.status != Subscriber.Status.PENDING:
        return False
    Subscriber.objects.filter(pk=subscriber.pk).update(email_attempts=0)
    return enqueue_confirmation(subscriber)


def confirm(token):
    """Confirm with an unused, unexpired confirmation token; False otherwise."""
    now = timezone.now()
    with transaction.atomic():
        token = SubscriberToken.objects.select_for_update().filter(pk=token.pk).first()
        if token is None or token.used_at is not None or token.is_expired:
            return False
        subscriber = Subscriber.objects.select_for_update().get(pk=token.subscriber_id)
        if subscriber.status != Subscriber.Status.PENDING:
            return False
        subscriber.status = Subscriber.Status.CONFIRMED
        subscriber.confirmed_at = now
        subscriber.save(update_fields=["status", "confirmed_at"])
        invalidate_confirm_tokens(subscriber, now)
    return True


def unsubscribe(token):
    """Unsubscribe the token's owner; repeating it changes nothing."""
    now = timezone.now()
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().get(pk=token.subscriber_id)
        if subscriber.status != Subscriber.Status.UNSUBSCRIBED:
            subscriber.status = Subscriber.Status.UNSUBSCRIBED
            subscriber.unsubscribed_at = now
            # The name is no longer needed; address and dates stay as proof.
            subscriber.first_name = ""
            subscriber.save(update_fields=["status", "unsubscribed_at", "first_name"])
        # Links from before cannot bring the address back: that needs a new sign-up.
        invalidate_confirm_tokens(subscriber, now)
        SubscriberToken.objects.filter(pk=token.pk, used_at__isnull=True).update(
            used_at=now
        )
    return subscriber


def invalidate_confirm_tokens(subscriber, now):
    subscriber.tokens.filter(
        purpose=SubscriberToken.Purpose.CONFIRM, used_at__isnull=True
    ).update(used_at=now)
