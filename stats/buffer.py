"""The buffer between beacons and the aggregate tables, and its flush.

A beacon appends one small event (no hash, no address: page, day, hour,
referrer host, campaign, device class, whether the visitor is new today) to a
spool; a flush takes the whole spool out in one atomic step, adds it up in
Python and writes the sums in one transaction, so a thousand beacons a second
are a handful of `INSERT … ON CONFLICT DO UPDATE SET n = n + excluded.n`
statements every few seconds, not a thousand writes.

Two spools, one behaviour:
- Redis (the `stats` cache is Redis): RPUSH onto a list; a flush RENAMEs the
  list to a batch key of its own (atomic: a beacon arriving meanwhile starts a
  new list).
- Without Redis: one spool file under var/, appended to with O_APPEND (each
  process collects its events in memory for a quarter of a second and writes
  them in one write, atomic between processes); a flush renames the file to a
  batch file (atomic) and reads it once no writer can still hold it open.

Nothing is lost or counted twice: the batch stays (key or file) until the
transaction that adds it has committed, and that transaction also records the
batch's id in `FlushedBatch`; a batch left over by a crash is written on the
next flush unless its id is already recorded, in which case it is only
removed. Who flushes: every task worker's reaper (settings.WORKER_REAPERS,
every WORKER_REAP_SECONDS), `manage.py flush_stats`, and the Statistik report
before it reads the tables.
"""

import atexit
import contextlib
import json
import logging
import os
import secrets
import threading
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from .models import (
    DailyCampaign,
    DailyDevice,
    DailyPageStat,
    DailyReferrer,
    DailySiteStat,
    FlushedBatch,
    HourlyPageStat,
)

logger = logging.getLogger(__name__)

# The spool stops growing here when nothing flushes it (events are dropped).
MAX_SPOOL_BYTES = 64 * 1024 * 1024


class RedisSpool:
    KEY = "stats:spool"
    BATCH = "stats:batch:"

    def __init__(self, cache):
        self.cache = cache
        self.client = cache._cache.get_client(write=True)
        self.prefix = cache.make_key("")

    def _key(self, name):
        return self.cache.make_key(name)

    def append(self, event):
        self.client.rpush(self._key(self.KEY), json.dumps(event, separators=(",", ":")))

    def take(self):
        """Move the current spool to a batch of its own; return pending batch ids."""
        batch = secrets.token_hex(8)
        try:
            self.client.rename(self._key(self.KEY), self._key(self.BATCH + batch))
        except Exception as error:  # no spool: nothing arrived since the last flush
            if "no such key" not in str(error).lower():
                raise
        pattern = self._key(self.BATCH + "*")
        found = self.client.scan_iter(match=pattern, count=100)
        cut = len(self._key(self.BATCH))
        return sorted(
            key.decode()[cut:] if isinstance(key, bytes) else key[cut:] for key in found
        )

    def read(self, batch):
        return [
            json.loads(raw)
            for raw in self.client.lrange(self._key(self.BATCH + batch), 0, -1)
        ]

    def drop(self, batch):
        self.client.delete(self._key(self.BATCH + batch))


def grace():
    """A batch file is read once it has not been written to for this long."""
    return settings.STATS_SPOOL_GRACE_SECONDS


class FileSpool:
    # One open spool per process (path, fd, inode); reopened when a flush
    # has renamed it (the inode at the path changed) or the folder changed.
    _open = [None, None, None]
    _lock = threading.Lock()

    def __init__(self, folder):
        self.folder = Path(folder)
        self.path = str(self.folder / "spool.jsonl")
        self._pending = []
        self._pending_lock = threading.Lock()

    def _fd(self):
        path, fd, seen = self._open
        try:
            inode = os.stat(self.path).st_ino
        except FileNotFoundError:
            inode = None
        if fd is not None and path == self.path and inode == seen:
            return fd
        if fd is not None:
            os.close(fd)
        self.folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        self._open[:] = [self.path, fd, os.fstat(fd).st_ino]
        return fd

    def append(self, event):
        """Add one event. Views arrive hundreds a second: they are collected
        in this process's memory and written to the spool together, every
        settings.STATS_SPOOL_WRITE_SECONDS (one write instead of three system
        calls per beacon), by a thread of the process and when it exits. A
        worker killed outright loses at most that moment's views."""
        line = json.dumps(event, separators=(",", ":")).encode() + b"\n"
        window = settings.STATS_SPOOL_WRITE_SECONDS
        if window <= 0:
            self._write([line])
            return
        with self._pending_lock:
            self._pending.append(line)
        start_writer()

    def write_pending(self):
        with self._pending_lock:
            lines, self._pending = self._pending, []
        if lines:
            self._write(lines)

    def _write(self, lines):
        with self._lock:
            fd = self._fd()
            if os.fstat(fd).st_size < MAX_SPOOL_BYTES:
                # One O_APPEND write: never interleaved with another process's.
                os.write(fd, b"".join(lines))

    def batches(self):
        if not self.folder.exists():
            return []
        return sorted(
            path.name.removeprefix("batch-").removesuffix(".jsonl")
            for path in self.folder.glob("batch-*.jsonl")
        )

    def take(self, wait=False):
        """Rename the spool to a new batch. A beacon that opened the spool
        just before the rename may still write to it, so a new batch is read
        only after a pause (`wait`, a real sleep) or by the next flush; no
        clock is compared with file times (tests travel in time)."""
        earlier = self.batches()
        with contextlib.suppress(FileNotFoundError):
            os.rename(self.path, self.folder / f"batch-{secrets.token_hex(8)}.jsonl")
        if not wait:
            return earlier
        if len(self.batches()) > len(earlier) and grace():
            time.sleep(grace())
        return self.batches()

    def read(self, batch):
        events = []
        for line in (self.folder / f"batch-{batch}.jsonl").read_bytes().splitlines():
            try:
                events.append(json.loads(line))
            except ValueError:
                logger.warning("Statistik: unlesbare Zeile im Puffer übersprungen")
        return events

    def drop(self, batch):
        (self.folder / f"batch-{batch}.jsonl").unlink(missing_ok=True)


_file_spools = {}
_writer = {"pid": None}
# Others that collect beacons for the writer (stats.tally.RedisTally).
_collectors = []


def start_writer(collector=None):
    """The process's spool writer: a thread, started once per process (a
    forked worker starts its own), that writes what beacons collected."""
    if collector is not None and collector not in _collectors:
        with FileSpool._lock:
            if collector not in _collectors:
                _collectors.append(collector)
    if _writer["pid"] == os.getpid():
        return
    with FileSpool._lock:
        if _writer["pid"] == os.getpid():
            return
        _writer["pid"] = os.getpid()
        atexit.register(write_all_pending)

        def run():
            while True:
                time.sleep(max(settings.STATS_SPOOL_WRITE_SECONDS, 0) or 1.0)
                write_all_pending()

        threading.Thread(target=run, name="stats-spool", daemon=True).start()


def write_all_pending():
    """Write the views this process has collected (the writer thread, a
    flush, gunicorn's worker_exit hook, the end of the process)."""
    for found in [*_file_spools.values(), *_collectors]:
        try:
            found.write_pending()
        except Exception:
            logger.exception("Statistik: Puffer nicht geschrieben")


def spool():
    from django.core.cache import caches

    cache = caches[settings.STATS_CACHE_ALIAS]
    if cache.__class__.__name__.endswith("RedisCache"):
        return RedisSpool(cache)
    return file_spool(settings.STATS_SPOOL_DIR)


def file_spool(folder):
    found = _file_spools.get(folder)
    if found is None:
        if len(_file_spools) > 100:  # tests: a folder each
            _file_spools.clear()
        found = _file_spools[folder] = FileSpool(folder)
    return found


# --- Adding up and writing ---


def totals(events):
    """Sums per table and key from a list of events."""
    sums = {
        name: Counter()
        for name in ("site", "page", "hour", "referrer", "campaign", "device")
    }
    for event in events:
        try:
            day, page = event["d"], int(event["p"])
            if event["k"] == "r":
                sums["site"][(day, "reads")] += 1
                sums["page"][(day, page, "reads")] += 1
                continue
            sums["site"][(day, "views")] += 1
            sums["site"][(day, "visitors")] += int(event["ss"])
            sums["page"][(day, page, "views")] += 1
            sums["page"][(day, page, "visitors")] += int(event["ps"])
            sums["hour"][(event["h"], page)] += 1
            sums["referrer"][(day, page, event["r"][:100])] += 1
            if event.get("c"):
                source, medium, campaign = (str(v)[:100] for v in event["c"])
                sums["campaign"][(day, source, medium, campaign)] += 1
            sums["device"][(day, event["dv"])] += 1
        except (KeyError, TypeError, ValueError):
            logger.warning("Statistik: unvollständiges Ereignis übersprungen")
    return sums


def upsert_add(model, keys, counts, rows, chunk=500):
    """INSERT … ON CONFLICT (keys) DO UPDATE SET n = n + excluded.n, in chunks
    (the same SQL on SQLite ≥ 3.24 and PostgreSQL). `rows` are tuples of key
    values followed by count values."""
    if not rows:
        return
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    columns = [model._meta.get_field(name).column for name in (*keys, *counts)]
    conflict = ", ".join(quote(model._meta.get_field(name).column) for name in keys)
    updates = ", ".join(
        f"{quote(c)} = {table}.{quote(c)} + excluded.{quote(c)}"
        for c in columns[len(keys) :]
    )
    placeholders = "(" + ", ".join(["%s"] * len(columns)) + ")"
    for start in range(0, len(rows), chunk):
        part = rows[start : start + chunk]
        sql = (
            f"INSERT INTO {table} ({', '.join(quote(c) for c in columns)}) "
            f"VALUES {', '.join([placeholders] * len(part))} "
            f"ON CONFLICT ({conflict}) DO UPDATE SET {updates}"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [value for row in part for value in row])


def hour_of(text):
    return datetime.strptime(text, "%Y-%m-%dT%H").replace(tzinfo=UTC)


def write(sums):
    """The sums into the tables (inside the caller's transaction)."""
    site = {}
    for (day, field), n in sums["site"].items():
        site.setdefault(day, {"views": 0, "visitors": 0, "reads": 0})[field] += n
    upsert_add(
        DailySiteStat,
        ["day"],
        ["views", "visitors", "reads"],
        [
            (day, c["views"], c["visitors"], c["reads"])
            for day, c in sorted(site.items())
        ],
    )
    pages = {}
    for (day, page, field), n in sums["page"].items():
        pages.setdefault((day, page), {"views": 0, "visitors": 0, "reads": 0})[
            field
        ] += n
    upsert_add(
        DailyPageStat,
        ["day", "page"],
        ["views", "visitors", "reads"],
        [
            (*key, c["views"], c["visitors"], c["reads"])
            for key, c in sorted(pages.items())
        ],
    )
    upsert_add(
        HourlyPageStat,
        ["hour", "page"],
        ["views"],
        [
            (connection.ops.adapt_datetimefield_value(hour_of(hour)), page, n)
            for (hour, page), n in sorted(sums["hour"].items())
        ],
    )
    upsert_add(
        DailyReferrer,
        ["day", "page", "host"],
        ["views"],
        [(*key, n) for key, n in sorted(sums["referrer"].items())],
    )
    upsert_add(
        DailyCampaign,
        ["day", "source", "medium", "campaign"],
        ["views"],
        [(*key, n) for key, n in sorted(sums["campaign"].items())],
    )
    upsert_add(
        DailyDevice,
        ["day", "device"],
        ["views"],
        [(*key, n) for key, n in sorted(sums["device"].items())],
    )


def live_pages(events):
    """Events of pages deleted since they were counted are dropped (their
    rows would break the foreign key)."""
    from wagtail.models import Page

    ids = {int(e.get("p", 0)) for e in events if isinstance(e, dict)}
    existing = set(Page.objects.filter(pk__in=ids).values_list("pk", flat=True))
    return [e for e in events if isinstance(e, dict) and int(e.get("p", 0)) in existing]


def flush(wait=False):
    """Write everything buffered; returns the number of events written."""
    buffer = spool()
    write_all_pending()
    written = 0
    for batch in (
        buffer.take(wait=wait) if isinstance(buffer, FileSpool) else buffer.take()
    ):
        if FlushedBatch.objects.filter(pk=batch).exists():
            buffer.drop(batch)  # written before a crash took its removal away
            continue
        events = buffer.read(batch)
        try:
            with transaction.atomic():
                FlushedBatch.objects.create(batch=batch, events=len(events))
                kept = live_pages(events)
                for start in range(0, len(kept), settings.STATS_FLUSH_BATCH):
                    write(totals(kept[start : start + settings.STATS_FLUSH_BATCH]))
        except IntegrityError:
            if not FlushedBatch.objects.filter(pk=batch).exists():
                raise  # kept for the next flush
            # Another flusher wrote this batch at the same moment.
            logger.info("Statistik: Stapel %s schon geschrieben", batch)
        buffer.drop(batch)
        written += len(events)
    prune_hourly()
    sweep_markers()
    return written


def sweep_markers():
    """Marker files of the days before yesterday go (with Redis they expire)."""
    from .counting import berlin_now
    from .tally import current

    try:
        current().sweep(berlin_now().date())
    except OSError:
        logger.warning("Statistik: alte Besuchsmarken nicht entfernt", exc_info=True)


def prune_hourly(now=None):
    keep = timedelta(hours=settings.STATS_HOURLY_KEEP_HOURS)
    HourlyPageStat.objects.filter(hour__lt=(now or timezone.now()) - keep).delete()


def reap(now=None):
    """The task workers' reaper hook: flush every WORKER_REAP_SECONDS."""
    try:
        flush()
    except Exception:
        logger.exception("Statistik: Puffer nicht geschrieben (nächster Versuch folgt)")


def prune(older_than_days):
    """Delete aggregates older than the given number of days (Berlin dates)."""
    from .counting import berlin_now

    cutoff = berlin_now().date() - timedelta(days=older_than_days)
    deleted = 0
    for model in (
        DailySiteStat,
        DailyPageStat,
        DailyReferrer,
        DailyCampaign,
        DailyDevice,
    ):
        deleted += model.objects.filter(day__lt=cutoff).delete()[0]
    deleted += FlushedBatch.objects.filter(
        flushed_at__lt=timezone.now() - timedelta(days=older_than_days)
    ).delete()[0]
    prune_hourly()
    return deleted
