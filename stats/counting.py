"""What one beacon counts, decided at once in the request: who is not counted,
the visitor's daily hash, the rate limit, and the event put into the buffer.

The visitor hash is sha256(daily salt, IP address, user agent, site id). The
salt is random (secrets.token_bytes), made for each day in Europe/Berlin and
kept only in the `stats` cache until shortly after that day's midnight; the
hash is never stored in the database and is useless once the salt is gone.
"seen today" markers (is this visitor new for the site, for this page, has
this page been read) expire with the day; where they live and how a counted
beacon sets them together with the rate limit and the spool append is
stats.tally (Redis, files in memory, or the cache API).
"""

import hashlib
import json
import logging
import re
import secrets
import threading
from datetime import UTC, datetime, time, timedelta
from time import monotonic
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.cache import caches
from django.utils import timezone

from core.pagecache import generation
from core.site import base_url
from subscriptions.guards import client_ip, parse_rate

logger = logging.getLogger(__name__)

BERLIN = ZoneInfo("Europe/Berlin")
MAX_BODY_BYTES = 2048
# Device classes from the viewport width in CSS pixels:
# phone below 768, tablet from 768 below 1200, desktop from 1200.
TABLET_FROM = 768
DESKTOP_FROM = 1200
MAX_WIDTH = 20000
# Markers and the salt outlive midnight by this much (then they expire).
MIDNIGHT_MARGIN = timedelta(hours=1)
FIELDS = {"p", "k", "r", "q", "w"}
KINDS = {"v": "view", "r": "read"}
UTM = ("utm_source", "utm_medium", "utm_campaign")
UTM_VALUE = re.compile(r"^[\w .,:/+@()&'-]{1,100}$")
# Crawlers, link previews, monitors and HTTP libraries (compared in lower case).
BOT_AGENT = re.compile(
    r"bot|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|"
    r"monitor|pingdom|uptime|lighthouse|pagespeed|headlesschrome|phantomjs|"
    r"python-|python/|curl/|wget|httpie|go-http|java/|okhttp|axios|node-fetch|"
    r"libwww|scrapy|feedfetcher|mediapartners|validator|wrk"
)


def store():
    return caches[settings.STATS_CACHE_ALIAS]


def berlin_now():
    return timezone.now().astimezone(BERLIN)


def seconds_until_after_midnight(now):
    tomorrow = datetime.combine(now.date() + timedelta(days=1), time(), tzinfo=BERLIN)
    return int((tomorrow - now + MIDNIGHT_MARGIN).total_seconds())


class SaltMemo:
    """Today's salt as this process last read it from the `stats` cache
    (read again after READ_AGAIN_SECONDS, so all processes agree soon even
    if the cache lost it): one cache read per process and minute instead of
    one per beacon. Only today's is kept; it dies with the day."""

    READ_AGAIN_SECONDS = 60

    def __init__(self):
        self.held = (None, 0.0, None)  # (day, monotonic time read, salt)

    def get(self, now, read):
        day, since, salt = self.held
        clock = monotonic()
        if day == now.date() and clock - since < self.READ_AGAIN_SECONDS:
            return salt
        salt = read(now)
        self.held = (now.date(), clock, salt)
        return salt

    def clear(self):
        self.held = (None, 0.0, None)


salt_memo = SaltMemo()


def read_salt(now):
    """Today's salt: random, in the cache only, gone after midnight."""
    key = f"stats:salt:{now.date().isoformat()}"
    cache = store()
    salt = cache.get(key)
    if salt is None:
        cache.add(key, secrets.token_bytes(32), seconds_until_after_midnight(now))
        salt = cache.get(key)
    return salt


def daily_salt(now):
    return salt_memo.get(now, read_salt)


def visitor_hash(now, ip, agent, site_id):
    digest = hashlib.sha256()
    for part in (daily_salt(now), ip.encode(), agent.encode(), str(site_id).encode()):
        digest.update(len(part).to_bytes(4, "big"))
        digest.update(part)
    return digest.hexdigest()


# --- The site as the endpoint sees it: counting on?, which pages count ---

STATE_KEY = "stats:state:{}"


def state_key():
    return STATE_KEY.format(generation.current())


def site_state():
    """{"enabled": bool, "site": id, "pages": set of live public page ids},
    kept under the page cache's generation token: publishing, unpublishing,
    moving, deleting and restricting a page, and saving the site settings,
    all replace the token, so the lookup is made again after any of them.
    Each process remembers it (core.memo) and asks the `stats` cache only
    after a change, so a beacon does not unpickle every page id.

    Reading the token is a round trip to Redis with several app servers, so
    for STATE_FRESH_SECONDS a process trusts the state it last read without
    asking: a change made on another server reaches its beacons that much
    later (a change in this process at once). A beacon counted meanwhile for
    a page just deleted is dropped by the flush."""
    from core.memo import memo

    held_at, changes, state = _recent_state
    now = monotonic()
    if (
        state is not None
        and changes == memo.changes
        and now - held_at < STATE_FRESH_SECONDS
    ):
        return state
    changes = memo.changes
    state = memo.get("stats:site-state", shared_site_state)
    globals()["_recent_state"] = (now, changes, state)
    return state


STATE_FRESH_SECONDS = 1.0
_recent_state = (0.0, None, None)  # (monotonic time, memo change count, state)


def shared_site_state():
    key = state_key()
    cache = store()
    state = cache.get(key)
    if state is None:
        state = load_state()
        cache.set(key, state, 60 * 60)
    return state


def load_state():
    from wagtail.models import Page, Site

    from core.models import SiteSettings

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return {"enabled": False, "site": None, "pages": frozenset()}
    enabled = SiteSettings.for_site(site).stats_enabled
    root = site.root_page
    pages = frozenset(
        Page.objects.live()
        .public()
        .filter(path__startswith=root.path)
        .values_list("pk", flat=True)
    )
    return {"enabled": enabled, "site": site.pk, "pages": pages}


def forget_state():
    try:
        store().delete(state_key())
    except Exception:  # never let a settings save fail over statistics
        logger.warning("Statistik: Zustand nicht verworfen", exc_info=True)


# --- Who is not counted ---


def refused(request):
    """The reason a beacon is not counted, or None. (Headers are read from
    META: building request.headers costs more than all these checks.)"""
    meta = request.META
    if request.method != "POST":
        return "method"
    if meta.get("HTTP_DNT") == "1" or meta.get("HTTP_SEC_GPC") == "1":
        return "opt-out"
    purpose = (
        f"{meta.get('HTTP_SEC_PURPOSE', '')} {meta.get('HTTP_PURPOSE', '')}".lower()
    )
    if "prefetch" in purpose or "prerender" in purpose:
        return "prefetch"
    if not same_site(request):
        return "origin"
    agent = meta.get("HTTP_USER_AGENT", "").strip()
    if not agent or BOT_AGENT.search(agent.lower()):
        return "bot"
    # A session cookie: an editor's beacon (sent by hand; their pages have none).
    if settings.SESSION_COOKIE_NAME in request.COOKIES and logged_in(request):
        return "editor"
    return None


def logged_in(request):
    """Whether the request's session belongs to a logged-in user, also
    without Django's middleware (stats.wsgi answers before it)."""
    from importlib import import_module

    from django.contrib.auth import get_user

    user = getattr(request, "user", None)
    if user is None:
        engine = import_module(settings.SESSION_ENGINE)
        request.session = engine.SessionStore(
            request.COOKIES[settings.SESSION_COOKIE_NAME]
        )
        user = get_user(request)
    return user.is_authenticated


def same_site(request):
    """Only the site's own pages may send beacons: Origin must be the public
    address (sendBeacon always sends it); without Origin, Sec-Fetch-Site must
    say same-origin."""
    own = base_url().rstrip("/").lower()
    origin = request.META.get("HTTP_ORIGIN")
    if origin is not None:
        return origin.strip().lower() == own
    return request.META.get("HTTP_SEC_FETCH_SITE") == "same-origin"


# --- The body ---


def parse(body):
    """The beacon's fields, checked one by one; None if anything is off."""
    if not body or len(body) > MAX_BODY_BYTES:
        return None
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or not set(data) <= FIELDS:
        return None
    page, kind = data.get("p"), data.get("k")
    referrer, query, width = data.get("r", ""), data.get("q", ""), data.get("w")
    if type(page) is not int or not 0 < page < 2**31:
        return None
    if kind not in KINDS:
        return None
    if not isinstance(referrer, str) or len(referrer) > 1000:
        return None
    if not isinstance(query, str) or len(query) > 1000:
        return None
    if type(width) is not int or not 0 < width <= MAX_WIDTH:
        return None
    return {
        "page": page,
        "kind": KINDS[kind],
        "referrer": referrer,
        "query": query,
        "width": width,
    }


def device_of(width):
    if width < TABLET_FROM:
        return "phone"
    if width < DESKTOP_FROM:
        return "tablet"
    return "desktop"


def referrer_host(referrer, own_hosts):
    """The referring host only (lower case, without „www.“); the site itself
    and no referrer are „direkt“."""
    if not referrer:
        return "direkt"
    parts = urlsplit(referrer)
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https", "android-app") or not host:
        return "direkt"
    if host in own_hosts:
        return "direkt"
    host = host.removeprefix("www.")
    if len(host) > 100 or not re.fullmatch(r"[a-z0-9.-]+", host):
        return "direkt"
    return host


def campaign_of(query):
    if not query or "utm_" not in query:
        return None
    params = parse_qs(query.lstrip("?"), max_num_fields=30)
    values = []
    for name in UTM:
        value = (params.get(name) or [""])[0].strip()[:100]
        values.append(value if UTM_VALUE.match(value or "-") else "")
    return values if any(values) else None


class LocalWindow:
    """Rate-limit counters in this process, for a `stats` cache without
    atomic increments (files): a file-cache increment is a read and a
    rewrite per beacon, slower and racy. The limit then holds per process
    (with N gunicorn workers a visitor gets at most N × the limit)."""

    MAX_VISITORS = 50_000

    def __init__(self):
        self.lock = threading.Lock()
        self.window = None
        self.counts = {}

    def hit(self, visitor, window):
        with self.lock:
            if window != self.window or len(self.counts) > self.MAX_VISITORS:
                self.window, self.counts = window, {}
            self.counts[visitor] = self.counts.get(visitor, 0) + 1
            return self.counts[visitor]


local_window = LocalWindow()


def shared_counters(cache):
    return cache.__class__.__name__.endswith(("RedisCache", "LocMemCache"))


def rate_ok(visitor, now):
    limit, window = parse_rate(settings.STATS_RATE_LIMIT)
    current = int(now.timestamp() // window)
    cache = store()
    if not shared_counters(cache):
        return local_window.hit(visitor, current) <= limit
    key = f"stats:rl:{visitor}:{current}"
    cache.add(key, 0, timeout=window + 5)
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=window + 5)
        count = 1
    return count <= limit


def first_today(marker, now):
    """True the first time a marker is set today (cache.add is atomic in Redis)."""
    return store().add(marker, 1, timeout=seconds_until_after_midnight(now))


def count(request, body):
    """Count one beacon; returns the event put into the buffer, or None."""
    if refused(request):
        return None
    fields = parse(body)
    if fields is None:
        return None
    state = site_state()
    if not state["enabled"] or fields["page"] not in state["pages"]:
        return None
    now = berlin_now()
    agent = request.META.get("HTTP_USER_AGENT", "")[:500]
    visitor = visitor_hash(now, client_ip(request), agent, state["site"])
    day = now.date().isoformat()
    page = fields["page"]
    seen = f"stats:seen:{day}:{visitor}"
    if fields["kind"] == "read":
        markers = [f"{seen}:{page}:read"]
        event = {"k": "r", "d": day, "p": page}
    else:
        # Page first: a visitor seen on this page today is no new visitor
        # for the site either (stats.tally).
        markers = [f"{seen}:{page}", seen]
        own = {urlsplit(base_url()).hostname or "", request.get_host().split(":")[0]}
        event = {
            "k": "v",
            "d": day,
            "h": now.astimezone(UTC).strftime("%Y-%m-%dT%H"),
            "p": page,
            "r": referrer_host(fields["referrer"], own),
            "c": campaign_of(fields["query"]),
            "dv": device_of(fields["width"]),
        }
    from .tally import current

    return current().record(visitor, now, event, markers)
