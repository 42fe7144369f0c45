"""What the inbox does with a verified activity. Everything not listed is
accepted and ignored."""

import logging
import re
from urllib.parse import urlsplit

from django.db import transaction
from django.utils.html import strip_tags

from wagtail.models import Page

from . import documents
from .delivery import record_accept
from .models import Follower, Interaction, RemoteKey
from .remote import FetchError, fetch_actor

logger = logging.getLogger(__name__)


class Refused(Exception):
    """The activity cannot be taken (answered 400 with the German reason)."""


MAX_URL = 500  # the length of every URL column


def id_of(value):
    """The id of an object or a link to it; None when absent or too long to keep."""
    if isinstance(value, dict):
        value = value.get("id")
    return value if isinstance(value, str) and len(value) <= MAX_URL else None


def our_page(object_url):
    """The page whose ActivityPub object (or public URL) this is, or None."""
    if not object_url:
        return None
    prefix = documents.url("object", 0).removesuffix("0/")
    match = re.fullmatch(re.escape(prefix) + r"(\d+)/?", object_url)
    if match:
        return Page.objects.filter(pk=match[1]).first()
    return None


def handle(activity, actor):
    kind = activity.get("type")
    handler = HANDLERS.get(kind)
    if handler:
        handler(activity, actor)


def follow(activity, actor):
    if id_of(activity.get("object")) != documents.actor_id():
        return
    try:
        document = fetch_actor(actor)
    except FetchError as error:
        raise Refused(f"Das Konto ist nicht abrufbar: {error}") from error
    inbox = document.get("inbox")
    if not isinstance(inbox, str) or not inbox:
        raise Refused("Das Konto hat keinen Posteingang.")
    endpoints = document.get("endpoints")
    shared = endpoints.get("sharedInbox") if isinstance(endpoints, dict) else None
    profile = document.get("url")
    if isinstance(profile, list):
        profile = profile[0] if profile else ""
    if isinstance(profile, dict):
        profile = profile.get("href", "")
    if not isinstance(profile, str) or len(profile) > MAX_URL:
        profile = ""
    if not isinstance(shared, str) or len(shared) > MAX_URL:
        shared = ""
    if len(inbox) > MAX_URL or len(actor) > MAX_URL:
        raise Refused("Die Adresse des Kontos ist zu lang.")
    # The network is behind us: only now take the database's write lock.
    with transaction.atomic():
        follower, _created = Follower.objects.update_or_create(
            actor_url=actor,
            defaults={
                "username": str(document.get("preferredUsername") or "")[:200],
                "display_name": str(document.get("name") or "")[:200],
                "domain": urlsplit(actor).netloc,
                "inbox_url": inbox,
                "shared_inbox_url": shared,
                "profile_url": profile,
                "follow_activity_id": id_of(activity) or "",
            },
        )
        accept = record_accept(
            {
                key: activity[key]
                for key in ("id", "type", "actor", "object")
                if key in activity
            },
            follower,
        )
        from .signals import enqueue_on_commit

        enqueue_on_commit(accept)


def undo(activity, actor):
    inner = activity.get("object")
    inner_id = id_of(inner)
    inner_type = inner.get("type") if isinstance(inner, dict) else None
    followers = Follower.objects.filter(actor_url=actor)
    if inner_type == "Follow" or (
        inner_id and followers.filter(follow_activity_id=inner_id).exists()
    ):
        followers.delete()
        return
    if inner_id:
        Interaction.objects.filter(activity_id=inner_id, actor_url=actor).delete()


def delete(activity, actor):
    target = id_of(activity.get("object"))
    if target == actor:
        with transaction.atomic():
            Follower.objects.filter(actor_url=actor).delete()
            RemoteKey.objects.filter(owner=actor).delete()
            Interaction.objects.filter(actor_url=actor).delete()
    elif target:
        Interaction.objects.filter(activity_id=target, actor_url=actor).delete()


def create(activity, actor):
    note = activity.get("object")
    if not isinstance(note, dict):
        return
    page = our_page(id_of(note.get("inReplyTo")))
    note_id = id_of(note)
    if page is None or not note_id:
        return
    Interaction.objects.get_or_create(
        activity_id=note_id,
        defaults={
            "kind": Interaction.Kind.REPLY,
            "actor_url": actor,
            "page": page,
            "content": strip_tags(str(note.get("content") or ""))[:5000],
            "url": id_of(note.get("url")) or note_id,
        },
    )


def reaction(kind):
    def handler(activity, actor):
        page = our_page(id_of(activity.get("object")))
        activity_id = id_of(activity)
        if page is None or not activity_id:
            return
        Interaction.objects.get_or_create(
            activity_id=activity_id,
            defaults={"kind": kind, "actor_url": actor, "page": page},
        )

    return handler


HANDLERS = {
    "Follow": follow,
    "Undo": undo,
    "Delete": delete,
    "Create": create,
    "Like": reaction(Interaction.Kind.LIKE),
    "Announce": reaction(Interaction.Kind.ANNOUNCE),
}
