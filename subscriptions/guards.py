"""Abuse protection for the public sign-up endpoint: rate limits and origin check."""

import hashlib
import time
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_rate(rate):
    """ "10/h" -> (10, 3600)."""
    count, _, period = rate.partition("/")
    return int(count), PERIODS[period.strip().lower()[:1]]


def hit(scope, identity, rate):
    """Count one attempt in a fixed window; False once the limit is exceeded."""
    limit, window = parse_rate(rate)
    digest = hashlib.sha256(f"{scope}:{identity}".encode()).hexdigest()[:32]
    key = f"subscriptions:rl:{scope}:{digest}:{int(time.time() // window)}"
    cache.add(key, 0, timeout=window + 5)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, timeout=window + 5)
        count = 1
    return count <= limit


def client_ip(request):
    """The reader's address; behind N trusted proxies, the Nth-last forwarded one."""
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies][:64]
    return request.META.get("REMOTE_ADDR", "")[:64]


def _origin_of(url):
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}".lower()


def is_same_origin(request):
    """Cross-site protection for the sign-up endpoint, instead of a CSRF token.

    Pages carrying the sign-up box are cached for every reader, so they cannot
    hold a per-visitor CSRF token. Browsers tell us where a POST comes from:
    Sec-Fetch-Site (all current browsers), else Origin, else Referer. Anything
    that names another site is refused. A request without any of these headers
    is not from a browser page, so it cannot be a cross-site forgery; it still
    passes the rate limits, and double opt-in makes a forged sign-up harmless.
    """
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site == "same-origin"
    own = f"{request.scheme}://{request.get_host()}".lower()
    allowed = {own, *(o.lower() for o in settings.CSRF_TRUSTED_ORIGINS)}
    origin = request.headers.get("Origin")
    if origin is not None:
        return origin.lower() in allowed
    referer = request.headers.get("Referer")
    if referer is not None:
        return _origin_of(referer) in allowed
    return True
