"""The `stats` cache without Redis: every process sees the same salt and
markers, and a sweep removes only expired entries."""

import time
from unittest import mock

from stats import filecache
from stats.filecache import StatsFileCache


def worker(folder):
    """A cache as a second gunicorn worker process would open it."""
    return StatsFileCache(str(folder), {})


def test_two_workers_share_salt_and_markers(tmp_path):
    one, two = worker(tmp_path), worker(tmp_path)
    assert one.add("stats:salt:2026-12-01", b"salz", 60)
    assert not two.add("stats:salt:2026-12-01", b"anderes", 60)
    assert two.get("stats:salt:2026-12-01") == b"salz"
    assert one.add("stats:seen:x", 1, 60)
    assert not two.add("stats:seen:x", 1, 60)


def test_a_sweep_removes_expired_entries_only(tmp_path):
    cache = worker(tmp_path)
    cache.set("lebt", 1, 60)
    cache.set("abgelaufen", 1, 1)
    for n in range(50):
        cache.set(f"viele-{n}", n, 60)
    time.sleep(1.1)
    with mock.patch.object(filecache.random, "randrange", return_value=0):
        cache.set("noch-einer", 1, 60)  # this write sweeps
    assert cache.get("lebt") == 1
    assert cache.get("viele-49") == 49
    assert len(list(tmp_path.glob("*.djcache"))) == 52
    assert not cache.has_key("abgelaufen")


def test_without_atomic_counters_the_rate_limit_holds_per_process(settings, tmp_path):
    from datetime import datetime

    from django.core.cache import caches

    from stats import counting

    settings.CACHES = {
        **settings.CACHES,
        "stats": {
            "BACKEND": "stats.filecache.StatsFileCache",
            "LOCATION": str(tmp_path),
        },
    }
    settings.STATS_RATE_LIMIT = "5/h"
    assert not counting.shared_counters(caches["stats"])
    now = datetime(2026, 12, 1, 12, tzinfo=counting.BERLIN)
    assert [counting.rate_ok("besucher", now) for _ in range(7)] == [True] * 5 + [
        False
    ] * 2
    assert counting.rate_ok("jemand-anderes", now)
    later = datetime(2026, 12, 1, 13, 1, tzinfo=counting.BERLIN)
    assert counting.rate_ok("besucher", later)  # a new window
    assert not list(tmp_path.glob("*.djcache"))  # no file per beacon for the limit
