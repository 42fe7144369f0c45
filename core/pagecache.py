"""The full-page cache: anonymous readers are answered before Django runs.

Why a WSGI layer and not pages baked to files: a baked site needs a rebuild
step and a web server rule for every URL shape (`?page=`, tag pages, feeds)
and cannot tell an editor from a reader; a WSGI wrapper sees the request's
cookies, keeps Django's own answer byte for byte (headers included), shares its
store through Django's cache framework (Redis with REDIS_URL) and is switched
off by one setting. A hit costs a cache read and no SQL query.

What is cached is decided in two places, each once:
- `CacheHeadersMiddleware` (Django side) marks a response `public` with
  `s-maxage` and an ETag when a shared cache may keep it, else `private,
  no-store`. A CDN in front follows the same headers.
- `PageCacheMiddleware` (WSGI side) only looks up anonymous GET/HEAD requests
  and only stores responses that the Django side marked public and that set
  no cookie.

Invalidation is a site-wide generation token (`Generation`): every cached
entry remembers the token it was rendered under, and a content change replaces
the token after its transaction commits, so every app server finds every entry
stale on its next request. One token for all pages is deliberate: a post is
shown on its index pages, the home page, its tag pages, the feeds, the
sitemap, and as previous/next or related post on other posts, so nearly every
change touches most URLs, and a miss costs one render.
"""

import hashlib
import logging
import mmap
import os
import secrets
import threading
import time
from collections import OrderedDict
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.http import HttpResponse
from django.http.cookie import parse_cookie
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    set_response_etag,
)

logger = logging.getLogger(__name__)

CACHEABLE_STATUSES = {200, 301, 404}
# Where a lookup puts the generation token it read, for core.memo.
GENERATION_ENVIRON_KEY = "feder.generation"
SHORT_LIVED_STATUSES = {301, 404}
# Headers a stored entry never carries; X-Cache is set per answer.
DROPPED_HEADERS = {"x-cache", "set-cookie"}
# Responses whose Vary names only these may be shared: the cache answers only
# requests without a session or CSRF cookie (and the site renders nothing else
# from cookies), never requests asking for JSON (so Accept can only mean HTML
# here), and keeps gzip and plain answers apart in its key.
HARMLESS_VARY = {"cookie", "accept", "accept-encoding"}
STORED_TYPES = ("text/", "application/rss+xml", "application/atom+xml")


def cookie_names():
    return {settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME}


def has_editor_cookie(cookie_header):
    """True when the request carries a session or CSRF cookie (an editor, or
    someone who used a form): such a request is never answered from the cache."""
    if not cookie_header:
        return False
    names = cookie_names()
    if not any(name in cookie_header for name in names):
        return False
    # Parsed as Django parses it, so both sides agree on who is an editor.
    return bool(names & set(parse_cookie(cookie_header)))


def bypassed_path(path):
    return path.startswith(bypass_prefixes())


def bypass_prefixes():
    return (
        *settings.PAGE_CACHE_BYPASS_PATHS,
        settings.STATIC_URL,
        settings.MEDIA_URL,
    )


# --- Django side: the HTTP headers a shared cache (ours or a CDN) follows ---


def is_anonymous_request(request):
    if request.method not in ("GET", "HEAD"):
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    if cookie_names() & set(request.COOKIES):
        return False
    return not bypassed_path(request.path)


def shared_max_age(status):
    if status in SHORT_LIVED_STATUSES:
        return settings.PAGE_CACHE_SHORT_TIMEOUT
    return settings.PAGE_CACHE_S_MAXAGE


def make_public(response):
    patch_cache_control(
        response,
        public=True,
        max_age=settings.PAGE_CACHE_BROWSER_MAX_AGE,
        s_maxage=shared_max_age(response.status_code),
        stale_while_revalidate=settings.PAGE_CACHE_STALE_WHILE_REVALIDATE,
    )


def make_private(response):
    patch_cache_control(response, private=True, no_store=True)


class CacheHeadersMiddleware:
    """Cache-Control and ETag for every response whose view did not decide.

    First in MIDDLEWARE, so it sees the cookies the session and CSRF
    middleware set on the way out."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("Cache-Control"):
            # The view decided (admin, previews, sign-up, static and media files).
            return response
        if (
            response.status_code in CACHEABLE_STATUSES
            and not response.cookies
            and is_anonymous_request(request)
        ):
            make_public(response)
            if response.status_code == 200 and not response.streaming:
                set_response_etag(response)
                return get_conditional_response(
                    request, etag=response.get("ETag"), response=response
                )
            return response
        make_private(response)
        return response


# --- WSGI side: the store ---


class PageMemoryCache(LocMemCache):
    """The page cache on one machine: Django's local-memory cache without its
    pickling. An entry (status, headers, body) is never changed once stored,
    so the stored object itself can be handed to every thread; unpickling a
    page on every hit cost about a tenth of a cached answer. Keys are the
    page cache's own (fixed length, hex), so they are not validated again."""

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_key(key, version=version)
        with self._lock:
            if self._has_expired(key):
                self._set(key, value, timeout)
                return True
            return False

    def get(self, key, default=None, version=None):
        key = self.make_key(key, version=version)
        with self._lock:
            if self._has_expired(key):
                self._delete(key)
                return default
            value = self._cache[key]
            self._cache.move_to_end(key, last=False)
        return value

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_key(key, version=version)
        with self._lock:
            self._set(key, value, timeout)

    def incr(self, key, delta=1, version=None):
        raise NotImplementedError("The page cache stores pages, not counters.")


_store = (None, None)  # (settings.CACHES it was made for, the cache)


def cache_store():
    """The page cache's store, made once per CACHES setting (Django's handler
    looks it up per thread and request; both stores are thread-safe)."""
    configured, store = _store
    if configured is not settings.CACHES:
        store = caches[settings.PAGE_CACHE_ALIAS]
        globals()["_store"] = (settings.CACHES, store)
    return store


def is_local(store):
    """Whether each process has its own store (nothing shared between app
    servers): then the generation lives in a file on this machine."""
    return isinstance(store, LocMemCache)


class Generation:
    """The token every cached entry is checked against.

    With a shared cache (Redis) the token lives there, so every app server
    sees a change at once. With local memory each process has its own store,
    but every process on the machine (gunicorn workers, the task worker,
    `publish_scheduled` from cron) must see a change: the token then lives in
    a small file (settings.PAGE_CACHE_GENERATION_FILE) that every process maps
    into memory, so reading it on each request costs no system call. A bump
    writes the new token over the old in one write; a reader that catches it
    half-written sees a token nobody stored under, which is one miss."""

    KEY = "pagecache:generation"
    TOKEN_BYTES = 16  # secrets.token_hex(8)
    # How often a process checks that the file it maps is still the one at
    # the path (someone may have deleted or replaced it).
    RECHECK_SECONDS = 1.0

    def __init__(self):
        self._mapped = (None, None, None, 0.0)  # (path, inode, mmap, checked at)
        self._seen = (None, None)  # (raw bytes, token)

    def uses_file(self):
        return is_local(cache_store())

    @property
    def path(self):
        return Path(settings.PAGE_CACHE_GENERATION_FILE)

    def current(self):
        return self.current_and(None)[0]

    def current_and(self, key):
        """(the current token, the entry stored under `key`): with Redis in
        one round trip, and only the token's few bytes when this process
        holds a copy of the entry from this generation."""
        store = cache_store()
        if is_local(store):
            token = self._from_file(settings.PAGE_CACHE_GENERATION_FILE)
            return token, (store.get(key) if key else None)
        copy = copies.get(key) if key else None
        if copy is not None:
            token = store.get(self.KEY)
            if token is not None and copy["generation"] == token:
                return token, copy
        found = store.get_many([self.KEY, key] if key else [self.KEY])
        token = found.get(self.KEY)
        if token is None:
            store.add(self.KEY, secrets.token_hex(8), timeout=None)
            token = store.get(self.KEY)
        entry = found.get(key)
        if entry is not None and entry["generation"] == token:
            copies.put(key, entry)
        return token, entry

    def _from_file(self, path):
        mapped_path, _, mapped, checked = self._mapped
        now = time.monotonic()
        if mapped_path != path or now - checked > self.RECHECK_SECONDS:
            mapped = self._map(path, now)
            if mapped is None:
                return self.bump()
        raw = mapped[: self.TOKEN_BYTES]
        seen, token = self._seen
        if raw != seen:
            if len(raw) < self.TOKEN_BYTES or not raw.isalnum():
                return self.bump()
            token = raw.decode()
            self._seen = (raw, token)
        return token

    def _map(self, path, now):
        """The file at `path` mapped into memory (the one mapped already if it
        is still there), or None when it is missing or too short."""
        mapped_path, inode, mapped, _ = self._mapped
        try:
            info = os.stat(path)
        except FileNotFoundError:
            return None
        if info.st_size < self.TOKEN_BYTES:
            return None
        if mapped is None or mapped_path != path or info.st_ino != inode:
            with open(path, "rb") as file:
                mapped = mmap.mmap(
                    file.fileno(), self.TOKEN_BYTES, access=mmap.ACCESS_READ
                )
        # The old map is left to the garbage collector: another thread may
        # still be reading it.
        self._mapped = (path, info.st_ino, mapped, now)
        return mapped

    def bump(self):
        token = secrets.token_hex(8)
        if not self.uses_file():
            cache_store().set(self.KEY, token, timeout=None)
            return token
        path = self.path
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written in place, never replaced: every process maps this file.
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            os.pwrite(descriptor, token.encode(), 0)
        finally:
            os.close(descriptor)
        return token


generation = Generation()


class LocalCopies:
    """With a shared store (Redis), this process's copies of the entries it
    served lately: a hit then fetches only the generation token from Redis
    (a few bytes instead of the page, and no unpickling), and still sees every
    change on any app server at once. Kept at most as long as the shared
    entry and within settings.PAGE_CACHE_LOCAL_COPY_BYTES, the oldest out
    first."""

    def __init__(self):
        self._lock = threading.Lock()
        self._entries = OrderedDict()  # key -> (expires at, size, entry)
        self._bytes = 0

    def get(self, key):
        found = self._entries.get(key)
        if found is None:
            return None
        if found[0] <= time.time():
            with self._lock:
                self._drop(key)
            return None
        return found[2]

    def put(self, key, entry):
        size = len(entry["body"])
        limit = settings.PAGE_CACHE_LOCAL_COPY_BYTES
        if size > limit:
            return
        expires = entry["stored_at"] + timeout_for(entry["status"])
        with self._lock:
            self._drop(key)
            self._entries[key] = (expires, size, entry)
            self._bytes += size
            while self._bytes > limit:
                self._drop(next(iter(self._entries)))

    def _drop(self, key):
        found = self._entries.pop(key, None)
        if found is not None:
            self._bytes -= found[1]

    def clear(self):
        with self._lock:
            self._entries.clear()
            self._bytes = 0


copies = LocalCopies()


def cache_key(environ):
    scheme = environ.get("HTTP_X_FORWARDED_PROTO") or environ.get(
        "wsgi.url_scheme", "http"
    )
    host = (environ.get("HTTP_HOST") or environ.get("SERVER_NAME", "")).lower()
    gzip = "gzip" in environ.get("HTTP_ACCEPT_ENCODING", "").lower()
    target = (
        f"{scheme}://{host}{environ.get('PATH_INFO', '')}"
        f"?{environ.get('QUERY_STRING', '')} {'gzip' if gzip else ''}"
    )
    digest = hashlib.sha256(target.encode("utf-8", "surrogateescape")).hexdigest()
    return f"pagecache:page:{digest}"


def lookup_allowed(environ):
    if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
        return False
    if "HTTP_AUTHORIZATION" in environ:
        return False
    if has_editor_cookie(environ.get("HTTP_COOKIE", "")):
        return False
    # Content negotiation (e.g. ActivityPub asking a post URL for JSON) is
    # answered by Django, never from the HTML in the cache.
    if "json" in environ.get("HTTP_ACCEPT", ""):
        return False
    return not bypassed_path(environ.get("PATH_INFO", ""))


def etag_matches(if_none_match, etag):
    if not if_none_match or not etag:
        return False
    if if_none_match.strip() == "*":
        return True
    own = etag.removeprefix("W/")
    return any(
        candidate.strip().removeprefix("W/") == own
        for candidate in if_none_match.split(",")
    )


def storable(status, headers):
    code = int(status.split(" ", 1)[0])
    if code not in CACHEABLE_STATUSES:
        return False
    values = {}
    for name, value in headers:
        values.setdefault(name.lower(), []).append(value)
    if "set-cookie" in values:
        return False
    control = ",".join(values.get("cache-control", [])).lower()
    directives = {part.strip().split("=")[0] for part in control.split(",")}
    if "public" not in directives or directives & {"private", "no-store", "no-cache"}:
        return False
    vary = {
        part.strip().lower()
        for value in values.get("vary", [])
        for part in value.split(",")
        if part.strip()
    }
    if not vary <= HARMLESS_VARY:
        return False
    content_type = ",".join(values.get("content-type", [""])).lower()
    return content_type.startswith(STORED_TYPES) or "xml" in content_type


def timeout_for(status):
    code = int(status.split(" ", 1)[0])
    if code in SHORT_LIVED_STATUSES:
        return settings.PAGE_CACHE_SHORT_TIMEOUT
    return settings.PAGE_CACHE_TIMEOUT


class PageCacheMiddleware:
    """WSGI wrapper around Django: answers anonymous GET/HEAD requests for
    public pages from the cache; everything else goes to Django unchanged."""

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        if not settings.PAGE_CACHE_ENABLED or not lookup_allowed(environ):
            return self.app(environ, self._with_state(start_response, "bypass"))
        key = cache_key(environ)
        try:
            token, entry = generation.current_and(key)
        except Exception:
            # The cache is down (Redis restarting): Django answers meanwhile.
            logger.warning("Page cache unavailable", exc_info=True)
            return self.app(environ, self._with_state(start_response, "bypass"))
        if entry is not None and entry["generation"] == token:
            return self._answer(environ, start_response, entry, "hit")
        return self._fill(environ, start_response, key, token)

    @staticmethod
    def _with_state(start_response, state):
        def start(status, headers, exc_info=None):
            return start_response(status, [*headers, ("X-Cache", state)], exc_info)

        return start

    def _answer(self, environ, start_response, entry, state):
        headers = [*entry["headers"], ("X-Cache", state)]
        if entry["status"].startswith("200") and etag_matches(
            environ.get("HTTP_IF_NONE_MATCH"), entry["etag"]
        ):
            kept = {"cache-control", "etag", "vary", "expires", "content-location"}
            headers = [(n, v) for n, v in headers if n.lower() in kept]
            start_response("304 Not Modified", [*headers, ("X-Cache", state)])
            return [b""]
        start_response(entry["status"], headers)
        if environ["REQUEST_METHOD"] == "HEAD":
            return [b""]
        return [entry["body"]]

    def _fill(self, environ, start_response, key, token):
        """Ask Django for the full page (as a GET, unconditionally, so that
        any reader's request can fill the cache), store it, then answer."""
        inner = dict(environ)
        inner["REQUEST_METHOD"] = "GET"
        # The render's lookups (core.memo) use the token read here.
        inner[GENERATION_ENVIRON_KEY] = token
        inner.pop("HTTP_IF_NONE_MATCH", None)
        inner.pop("HTTP_IF_MODIFIED_SINCE", None)
        captured = {}

        def start(status, headers, exc_info=None):
            captured["status"], captured["headers"] = status, headers
            return start_response(status, headers, exc_info) if exc_info else None

        result = self.app(inner, start)
        if not isinstance(result, HttpResponse):
            # A streamed or file answer passes through as it is, never stored.
            start_response(
                captured["status"], [*captured["headers"], ("X-Cache", "miss")]
            )
            return result
        try:
            body = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()
        status, headers = captured["status"], captured["headers"]
        entry = {
            "status": status,
            "headers": [(n, v) for n, v in headers if n.lower() not in DROPPED_HEADERS],
            "body": body,
            "etag": next((v for n, v in headers if n.lower() == "etag"), ""),
            "generation": token,
            "stored_at": time.time(),
        }
        if len(body) <= settings.PAGE_CACHE_MAX_BYTES and storable(status, headers):
            try:
                store = cache_store()
                store.set(key, entry, timeout_for(status))
                if not is_local(store):
                    copies.put(key, entry)
            except Exception:
                logger.warning("Page cache: could not store %s", key, exc_info=True)
            return self._answer(environ, start_response, entry, "miss")
        start_response(status, [*headers, ("X-Cache", "miss")])
        if environ["REQUEST_METHOD"] == "HEAD":
            return [b""]
        return [body]


def invalidate():
    """Make every cached page stale on every app server (call after commit)."""
    generation.bump()
