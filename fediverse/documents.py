"""The JSON documents of the blog's actor: pure functions of the site, the
settings and the pages, so they are tested without HTTP."""

import re
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse

from core.images import rendition
from core.portable import render_body
from core.site import absolute_url, base_url, default_site, site_name

from .models import ActorKey, FediverseSettings

AS_PUBLIC = "https://www.w3.org/ns/activitystreams#Public"
CONTEXT = [
    "https://www.w3.org/ns/activitystreams",
    "https://w3id.org/security/v1",
    {"Hashtag": "as:Hashtag", "sensitive": "as:sensitive"},
]
ACTIVITY_JSON = "application/activity+json"


def url(name, *args):
    return absolute_url(reverse(f"fediverse:{name}", args=args))


def actor_id():
    return url("actor")


def key_id():
    return actor_id() + "#main-key"


def host():
    return urlsplit(base_url()).netloc


def fediverse_settings(site=None):
    return FediverseSettings.for_site(site or default_site())


def handle(site=None):
    return fediverse_settings(site).handle


def acct(site=None):
    return f"acct:{handle(site)}@{host()}"


def page_object_id(page):
    return url("object", page.pk)


def actor_document(site=None):
    site = site or default_site()
    config = fediverse_settings(site)
    name = site_name(site)
    home = absolute_url("/")
    document = {
        "@context": CONTEXT,
        "id": actor_id(),
        "type": "Service",
        "preferredUsername": config.handle,
        "name": name,
        "summary": config.summary or name,
        "url": home,
        "inbox": url("inbox"),
        "outbox": url("outbox"),
        "followers": url("followers"),
        "following": url("following"),
        "endpoints": {"sharedInbox": url("inbox")},
        "manuallyApprovesFollowers": False,
        "discoverable": True,
        "publicKey": {
            "id": key_id(),
            "owner": actor_id(),
            "publicKeyPem": ActorKey.current().public_key_pem,
        },
    }
    if config.icon:
        icon = rendition(config.icon, "portrait")
        document["icon"] = {
            "type": "Image",
            "mediaType": "image/jpeg",
            "url": absolute_url(icon.url),
        }
    return document


def webfinger(site=None):
    return {
        "subject": acct(site),
        "aliases": [actor_id(), absolute_url("/")],
        "links": [
            {"rel": "self", "type": ACTIVITY_JSON, "href": actor_id()},
            {
                "rel": "http://webfinger.net/rel/profile-page",
                "type": "text/html",
                "href": absolute_url("/"),
            },
        ],
    }


def nodeinfo_links():
    return {
        "links": [
            {
                "rel": "http://nodeinfo.diaspora.software/ns/schema/2.1",
                "href": url("nodeinfo"),
            }
        ]
    }


def nodeinfo(local_posts, site=None):
    return {
        "version": "2.1",
        "software": {
            "name": "feder",
            "version": "0.1.0",
            "homepage": absolute_url("/"),
        },
        "protocols": ["activitypub"],
        "services": {"inbound": [], "outbound": ["atom1.0", "rss2.0"]},
        "openRegistrations": False,
        "usage": {
            "users": {"total": 1, "activeMonth": 1, "activeHalfyear": 1},
            "localPosts": local_posts,
        },
        "metadata": {"nodeName": site_name(site or default_site())},
    }


def hashtag_name(name):
    """ "Führung & Kultur" -> "#FührungKultur": Mastodon's hashtags are words."""
    words = re.findall(r"\w+", name)
    return "#" + "".join(word[:1].upper() + word[1:] for word in words)


def article(page, updated=None):
    """The post as an ActivityPub Article (the object of Create and Update)."""
    body = page.fediverse_body()
    content = render_body(page, body) if body is not None else ""
    published = page.fediverse_published()
    document = {
        "id": page_object_id(page),
        "type": "Article",
        "attributedTo": actor_id(),
        "name": page.title,
        "summary": page.fediverse_summary() or "",
        "content": str(content),
        "mediaType": "text/html",
        "url": page.full_url,
        "published": published.isoformat() if published else None,
        "to": [AS_PUBLIC],
        "cc": [url("followers")],
        "tag": [
            {"type": "Hashtag", "name": hashtag_name(name), "href": href}
            for name, href in page.fediverse_tags()
        ],
        "attachment": [],
    }
    if updated:
        document["updated"] = updated.isoformat()
    image = page.fediverse_image()
    if image:
        picture, alt = image
        version = rendition(picture, "portable_hero")
        document["attachment"].append(
            {
                "type": "Image",
                "mediaType": "image/jpeg",
                "url": absolute_url(version.url),
                "name": alt,
                "width": version.width,
                "height": version.height,
            }
        )
    return document


def tombstone(object_id):
    return {"id": object_id, "type": "Tombstone"}


def activity(uuid, kind, obj, to=(AS_PUBLIC,), cc=None, published=None):
    document = {
        "@context": CONTEXT,
        "id": url("activity", uuid),
        "type": kind,
        "actor": actor_id(),
        "object": obj,
        "to": list(to),
    }
    if cc is not None:
        document["cc"] = cc
    if published:
        document["published"] = published.isoformat()
    return document


def page_size():
    return settings.FEDIVERSE_PAGE_SIZE


def collection(collection_id, total, items_on_page, page_number, has_next):
    """An OrderedCollection (page_number None) or one of its pages."""
    if page_number is None:
        return {
            "@context": CONTEXT[0],
            "id": collection_id,
            "type": "OrderedCollection",
            "totalItems": total,
            "first": f"{collection_id}?page=1",
        }
    document = {
        "@context": CONTEXT[0],
        "id": f"{collection_id}?page={page_number}",
        "type": "OrderedCollectionPage",
        "partOf": collection_id,
        "totalItems": total,
        "orderedItems": items_on_page,
    }
    if has_next:
        document["next"] = f"{collection_id}?page={page_number + 1}"
    if page_number > 1:
        document["prev"] = f"{collection_id}?page={page_number - 1}"
    return document
