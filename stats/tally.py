"""The shared state one counted beacon touches, in as few steps as the store
allows: the visitor's rate limit, the "seen today" markers (new visitor for
the site, for this page, page already read) and the event appended to the
buffer's spool.

Why a module of its own: a beacon comes with every page view, so its cost is
paid next to a cached page's (docs/statistics.md, benchmarks/stats.sh).
Written as one cache call after another, a view cost seven round trips to
Redis, or two file-cache writes (a temporary file, a rename, now and then a
sweep of the whole folder) without it. Now:

- Redis: one server-side script (EVALSHA) does all of it atomically, in one
  round trip; the beacons of a quarter second share one pipeline.
- Files (one machine, StatsFileCache): a marker is an empty file created
  with O_CREAT | O_EXCL under `<day>/` in the marker folder: one system call,
  atomic between processes; older days' folders are removed by the flush.
  The folder is in memory (/dev/shm) where there is one: creating a file
  there costs a sixth of what it costs on ext4 (about 10 against 60 µs, in a
  folder of a day's markers), and the markers, which hold the daily visitor
  hash, never reach a disk. A restart of the machine forgets them: readers
  of that day then count as new once more. Without /dev/shm, or with
  STATS_MARKER_DIR, a folder of the operator's choice.
  The rate limit is counted in the process (stats.counting.LocalWindow).
- Any other cache (local memory in tests): Django's cache API, as before.

A page marker is only ever set together with (after) the visitor's site
marker, so a visitor already seen on this page today is not new for the site
either, and that second marker is not looked at.
"""

import hashlib
import json
import os
import shutil
import threading
from datetime import date, timedelta
from pathlib import Path

from django.conf import settings

from subscriptions.guards import parse_rate

from . import counting

SCRIPT = """
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('EXPIRE', KEYS[1], ARGV[2]) end
if count > tonumber(ARGV[1]) then return 0 end
local first = redis.call('SET', KEYS[3], '1', 'NX', 'EX', ARGV[3])
if ARGV[5] == 'read' then
  if not first then return 0 end
  redis.call('RPUSH', KEYS[2], ARGV[4] .. '}')
  return 1
end
local site_first = 0
if first and redis.call('SET', KEYS[4], '1', 'NX', 'EX', ARGV[3]) then
  site_first = 1
end
redis.call('RPUSH', KEYS[2],
  ARGV[4] .. ',"ps":' .. (first and 1 or 0) .. ',"ss":' .. site_first .. '}')
return 1
"""


def encoded(event):
    return json.dumps(event, separators=(",", ":"))


class CacheTally:
    """Through Django's cache API: any backend (local memory in tests)."""

    def record(self, visitor, now, event, markers):
        if not self.rate_ok(visitor, now):
            return None
        first = self.first_today(markers[0], now)
        if event["k"] == "r":
            if not first:
                return None
        else:
            # The page marker is set after the site marker has been seen.
            site_first = self.first_today(markers[1], now) if first else False
            event = {**event, "ps": int(first), "ss": int(site_first)}
        self.append(event)
        return event

    def rate_ok(self, visitor, now):
        return counting.rate_ok(visitor, now)

    def first_today(self, marker, now):
        return counting.first_today(marker, now)

    def append(self, event):
        from .buffer import spool

        spool().append(event)

    def sweep(self, today):
        """Markers expire with the cache entries."""


class FileTally(CacheTally):
    """Markers as empty files: `<folder>/<day>/<2 hex>/<30 hex>`, named by a
    hash of the marker (which already holds the visitor's daily hash, never
    the address)."""

    def __init__(self, folder):
        self.folder = Path(folder)
        self.root = str(self.folder)

    def path(self, day, marker):
        name = hashlib.blake2b(marker.encode(), digest_size=16).hexdigest()
        # Strings, not pathlib: this runs twice per beacon.
        return f"{self.root}/{day}/{name[:2]}/{name[2:]}"

    def first_today(self, marker, now):
        path = self.path(now.date().isoformat(), marker)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL
        try:
            fd = os.open(path, flags, 0o600)
        except FileExistsError:
            return False
        except FileNotFoundError:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            try:
                fd = os.open(path, flags, 0o600)
            except FileExistsError:
                return False
        os.close(fd)
        return True

    def rate_ok(self, visitor, now):
        limit, window = parse_rate(settings.STATS_RATE_LIMIT)
        return (
            counting.local_window.hit(visitor, int(now.timestamp() // window)) <= limit
        )

    def append(self, event):
        from .buffer import file_spool

        file_spool(settings.STATS_SPOOL_DIR).append(event)

    def sweep(self, today):
        """Remove the folders of days before yesterday (yesterday's markers
        are still asked for in the hour after midnight)."""
        if not self.folder.is_dir():
            return 0
        keep_from = (today - timedelta(days=1)).isoformat()
        removed = 0
        for day in self.folder.iterdir():
            if day.is_dir() and day.name < keep_from and is_day(day.name):
                shutil.rmtree(day, ignore_errors=True)
                removed += 1
        return removed


def is_day(name):
    try:
        date.fromisoformat(name)
    except ValueError:
        return False
    return True


class RedisTally:
    """Everything in one round trip: a script run atomically by Redis. With
    settings.STATS_SPOOL_WRITE_SECONDS the beacons of that moment share the
    round trip: they are collected in memory and sent as one pipeline by the
    process's spool writer (stats.buffer), as the file spool does."""

    def __init__(self, cache):
        self.cache = cache
        self.client = cache._cache.get_client(write=True)
        self.script = self.client.register_script(SCRIPT)
        self._pending = []
        self._lock = threading.Lock()

    def record(self, visitor, now, event, markers):
        from .buffer import RedisSpool, start_writer

        limit, window = parse_rate(settings.STATS_RATE_LIMIT)
        current = int(now.timestamp() // window)
        key = self.cache.make_key
        keys = [
            key(f"stats:rl:{visitor}:{current}"),
            key(RedisSpool.KEY),
            *(key(marker) for marker in markers),
        ]
        kind = "read" if event["k"] == "r" else "view"
        prefix = encoded(event)[:-1]  # the script adds ps, ss and the brace
        ttl = counting.seconds_until_after_midnight(now)
        args = [limit, window + 5, ttl, prefix, kind]
        if settings.STATS_SPOOL_WRITE_SECONDS > 0:
            with self._lock:
                self._pending.append((keys, args))
            start_writer(self)
            return {**event, "ps": None, "ss": None}  # decided in Redis, soon
        if not self.script(keys=keys, args=args):
            return None
        if kind == "read":
            return event
        return {**event, "ps": None, "ss": None}  # decided in Redis

    def write_pending(self):
        with self._lock:
            calls, self._pending = self._pending, []
        if not calls:
            return
        pipe = self.client.pipeline(transaction=False)
        for keys, args in calls:
            self.script(keys=keys, args=args, client=pipe)
        pipe.execute()

    def sweep(self, today):
        """Markers expire in Redis."""


MEMORY = Path("/dev/shm")


def marker_folder(cache_folder):
    """Where the markers go: STATS_MARKER_DIR, else a folder of this site's
    own in /dev/shm (named after the `stats` cache's folder, so two sites on
    one machine never share one), else `seen/` in the cache's folder."""
    if settings.STATS_MARKER_DIR:
        return Path(settings.STATS_MARKER_DIR)
    fallback = Path(cache_folder) / "seen"
    if not (MEMORY.is_dir() and os.access(MEMORY, os.W_OK | os.X_OK)):
        return fallback
    name = hashlib.sha256(str(Path(cache_folder).resolve()).encode()).hexdigest()
    folder = MEMORY / f"feder-statistik-{os.getuid()}-{name[:16]}"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        info = folder.lstat()
    except OSError:
        return fallback
    # /dev/shm is shared by every user of the machine: only a real folder of
    # our own, closed to others, will do.
    if not folder.is_dir() or folder.is_symlink() or info.st_uid != os.getuid():
        return fallback
    if info.st_mode & 0o077:
        return fallback
    return folder


_current = (None, None, None)  # (settings.CACHES, STATS_MARKER_DIR, tally)


def current():
    """The tally for the configured `stats` cache, made once per process
    (and again when the settings name other caches, as tests do)."""
    from django.core.cache import caches

    configured, folder, tally = _current
    if configured is settings.CACHES and folder == settings.STATS_MARKER_DIR:
        return tally
    cache = caches[settings.STATS_CACHE_ALIAS]
    name = cache.__class__.__name__
    if name.endswith("RedisCache"):
        tally = RedisTally(cache)  # its client is safe to share between threads
    elif name == "StatsFileCache":
        tally = FileTally(marker_folder(cache._dir))
    else:
        tally = CacheTally()
    globals()["_current"] = (settings.CACHES, settings.STATS_MARKER_DIR, tally)
    return tally
