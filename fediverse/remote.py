"""Requests to other servers: signed GETs of actors and keys (cached), signed
POSTs of activities. Used by the inbox and the delivery tasks only, never
while a reader's request is served."""

import ipaddress
import json
import socket
from datetime import timedelta
from urllib.parse import urldefrag, urlsplit

import requests

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from . import signatures
from .documents import ACTIVITY_JSON, key_id
from .models import ActorKey, RemoteKey

ACCEPT = f'{ACTIVITY_JSON}, application/ld+json; profile="https://www.w3.org/ns/activitystreams"'
MAX_DOCUMENT_BYTES = 1_000_000


class FetchError(Exception):
    pass


def user_agent():
    return f"Feder (+{settings.PUBLIC_BASE_URL})"


def check_url(url):
    """Only public HTTPS servers: a keyId or inbox in a request must not make
    the blog call into its own network (loopback, private ranges)."""
    parts = urlsplit(url or "")
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise FetchError(f"Keine gültige Adresse: {url!r}")
    if parts.scheme == "http" and not settings.FEDIVERSE_ALLOW_HTTP:
        raise FetchError(f"Nur HTTPS ist erlaubt: {url}")
    if settings.FEDIVERSE_ALLOW_LOCAL_ADDRESSES:
        return
    try:
        addresses = {
            info[4][0] for info in socket.getaddrinfo(parts.hostname, parts.port or 443)
        }
    except (OSError, UnicodeError) as error:
        raise FetchError(f"{parts.hostname}: nicht auflösbar") from error
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%")[0])
        if not ip.is_global:
            raise FetchError(f"{parts.hostname}: keine öffentliche Adresse")


def signed_get(url):
    check_url(url)
    own = ActorKey.current()
    headers = signatures.sign(
        "GET",
        url,
        own.private_key(),
        key_id(),
        headers={"accept": ACCEPT, "user-agent": user_agent()},
    )
    try:
        response = requests.get(
            url,
            headers=headers,
            timeout=settings.FEDIVERSE_FETCH_TIMEOUT,
            allow_redirects=False,
            stream=True,
        )
        content = response.raw.read(MAX_DOCUMENT_BYTES + 1, decode_content=True)
    except requests.RequestException as error:
        raise FetchError(f"{url}: {error}") from error
    if response.status_code != 200:
        raise FetchError(f"{url}: HTTP {response.status_code}")
    if len(content) > MAX_DOCUMENT_BYTES:
        raise FetchError(f"{url}: zu groß")
    try:
        document = json.loads(content)
    except ValueError as error:
        raise FetchError(f"{url}: kein JSON") from error
    if not isinstance(document, dict):
        raise FetchError(f"{url}: kein JSON-Objekt")
    return document


def fetch_actor(url, refresh=False):
    """An actor document, cached for a few minutes."""
    cache_key = f"fediverse:actor:{url}"
    document = None if refresh else cache.get(cache_key)
    if document is None:
        document = signed_get(url)
        cache.set(cache_key, document, 600)
    return document


def public_key_of(document, wanted):
    keys = document.get("publicKey")
    if isinstance(keys, dict):
        keys = [keys]
    if document.get("publicKeyPem"):
        keys = [document]
    for key in keys or []:
        if (
            isinstance(key, dict)
            and key.get("id") == wanted
            and key.get("publicKeyPem")
        ):
            owner = key.get("owner") or document.get("id")
            return key["publicKeyPem"], owner
    raise FetchError(f"Schlüssel {wanted} nicht gefunden")


def remote_key(wanted, refresh=False):
    """(public key, owner actor URL) for a keyId; fetched once, then cached."""
    if not refresh:
        fresh_since = timezone.now() - timedelta(
            hours=settings.FEDIVERSE_KEY_CACHE_HOURS
        )
        cached = RemoteKey.objects.filter(
            key_id=wanted, fetched_at__gte=fresh_since
        ).first()
        if cached:
            return signatures.load_public_key(cached.public_key_pem), cached.owner
    if len(wanted) > 500:
        raise FetchError("keyId zu lang")
    document = fetch_actor(urldefrag(wanted).url, refresh=refresh)
    pem, owner = public_key_of(document, wanted)
    if not isinstance(owner, str) or len(owner) > 500:
        raise FetchError(f"Schlüssel {wanted} ohne gültigen Besitzer")
    try:
        key = signatures.load_public_key(pem)
    except ValueError as error:
        raise FetchError(f"Schlüssel {wanted} unlesbar") from error
    RemoteKey.objects.update_or_create(
        key_id=wanted,
        defaults={"owner": owner, "public_key_pem": pem, "fetched_at": timezone.now()},
    )
    return key, owner


def is_cached(wanted):
    return RemoteKey.objects.filter(key_id=wanted).exists()


def post_activity(inbox_url, document):
    """Deliver one activity; returns the HTTP status, raises on network trouble."""
    check_url(inbox_url)
    body = json.dumps(document).encode()
    own = ActorKey.current()
    headers = signatures.sign(
        "POST",
        inbox_url,
        own.private_key(),
        key_id(),
        body=body,
        headers={
            "content-type": ACTIVITY_JSON,
            "accept": ACTIVITY_JSON,
            "user-agent": user_agent(),
        },
    )
    response = requests.post(
        inbox_url,
        data=body,
        headers=headers,
        timeout=settings.FEDIVERSE_DELIVERY_TIMEOUT,
        allow_redirects=False,
    )
    return response.status_code, response.text[:200]
