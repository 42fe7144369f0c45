"""What one counted beacon touches, in each store: files beside the `stats`
cache on one machine, one script in Redis with several app servers. The same
beacons give the same counts in both, and in the cache-API path the other
tests use."""

import os
import uuid
from contextlib import contextmanager
from datetime import date, datetime

import pytest

from django.core.cache import caches

from stats import tally
from stats.counting import BERLIN, salt_memo
from stats.models import DailyPageStat, DailySiteStat
from tests.factories import make_post
from tests.redis_server import REDIS_URL, redis_reachable

from .conftest import send

pytestmark = pytest.mark.django_db

NOON = datetime(2026, 12, 1, 12, tzinfo=BERLIN)


@pytest.fixture
def file_store(settings, tmp_path):
    settings.CACHES = {
        **settings.CACHES,
        "stats": {
            "BACKEND": "stats.filecache.StatsFileCache",
            "LOCATION": str(tmp_path / "stats-cache"),
        },
    }
    settings.STATS_MARKER_DIR = str(tmp_path / "stats-cache" / "seen")
    salt_memo.clear()
    yield tmp_path / "stats-cache"
    salt_memo.clear()


@pytest.fixture
def redis_store(settings):
    if not redis_reachable():
        pytest.skip(f"Redis antwortet nicht unter {REDIS_URL} (TEST_REDIS_URL setzen)")
    prefix = f"feder-test-{uuid.uuid4().hex}"
    settings.CACHES = {
        **settings.CACHES,
        "stats": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        },
    }
    salt_memo.clear()
    yield caches["stats"]
    salt_memo.clear()
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    for key in client.scan_iter(match=f"{prefix}:*"):
        client.delete(key)


@contextmanager
def round_trips(cache):
    """The connections taken from the Redis client's pool meanwhile: one per
    round trip (a command, a script or a whole pipeline)."""
    pool = cache._cache.get_client(write=True).connection_pool
    taken = []
    original = pool.get_connection

    def counted(*args, **kwargs):
        taken.append(args)
        return original(*args, **kwargs)

    pool.get_connection = counted
    try:
        yield taken
    finally:
        pool.get_connection = original


@pytest.fixture
def two_posts(blog):
    return (
        make_post(blog, "Erster gezählter Artikel", slug="erster-gezaehlter"),
        make_post(blog, "Zweiter gezählter Artikel", slug="zweiter-gezaehlter"),
    )


def visit(client, two_posts, flushed):
    """Two visitors: one reads both posts (the first twice, and to the end),
    the other opens the first post. Returns the counts after a flush."""
    first, second = two_posts
    send(client, first)
    send(client, first)
    send(client, first, kind="r")
    send(client, first, kind="r")  # a second read of the same page: not counted
    send(client, second)
    send(client, first, ip="198.51.100.4")
    flushed()
    rows = {
        row.page_id: (row.views, row.visitors, row.reads)
        for row in DailyPageStat.objects.all()
    }
    site = DailySiteStat.objects.get()
    return rows, (site.views, site.visitors, site.reads)


EXPECTED_PAGES = {0: (3, 2, 1), 1: (1, 1, 0)}
EXPECTED_SITE = (4, 2, 1)


def assert_expected(result, two_posts):
    rows, site = result
    assert rows == {two_posts[i].pk: v for i, v in EXPECTED_PAGES.items()}
    assert site == EXPECTED_SITE


def test_the_cache_api_path_counts_visitors_once(client, two_posts, flushed):
    assert isinstance(tally.current(), tally.CacheTally)
    assert_expected(visit(client, two_posts, flushed), two_posts)


def test_with_files_markers_are_empty_files_and_count_the_same(
    client, two_posts, flushed, file_store
):
    assert type(tally.current()) is tally.FileTally
    assert_expected(visit(client, two_posts, flushed), two_posts)
    markers = [p for p in (file_store / "seen").rglob("*") if p.is_file()]
    # Site + page for each new visitor, page for the second post, one read.
    assert len(markers) == 2 + 2 + 1 + 1
    assert all(p.stat().st_size == 0 for p in markers)
    # Two file-cache entries: the salt and which pages count; none per beacon.
    assert len(list(file_store.glob("*.djcache"))) == 2


def test_file_markers_are_shared_between_processes(tmp_path):
    one, two = tally.FileTally(tmp_path), tally.FileTally(tmp_path)
    assert one.first_today("stats:seen:x", NOON)
    assert not two.first_today("stats:seen:x", NOON)
    assert two.first_today("stats:seen:y", NOON)
    tomorrow = NOON.replace(day=2)
    assert one.first_today("stats:seen:x", tomorrow)  # a new day, a new marker


def test_the_sweep_removes_days_before_yesterday_only(tmp_path):
    markers = tally.FileTally(tmp_path)
    for day in (28, 29, 30):
        markers.first_today("stats:seen:x", NOON.replace(month=11, day=day))
    markers.first_today("stats:seen:x", NOON)
    (tmp_path / "kein-tag").mkdir()
    assert markers.sweep(date(2026, 12, 1)) == 2
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == ["2026-11-30", "2026-12-01", "kein-tag"]


def test_a_flush_sweeps_old_markers(client, two_posts, flushed, file_store):
    old = file_store / "seen" / "2020-01-01" / "ab"  # STATS_MARKER_DIR
    old.mkdir(parents=True)
    (old / "cd").touch()
    send(client, two_posts[0])
    flushed()
    assert not (file_store / "seen" / "2020-01-01").exists()
    assert DailySiteStat.objects.get().views == 1


def test_with_redis_one_script_counts_the_same(client, two_posts, flushed, redis_store):
    assert type(tally.current()) is tally.RedisTally
    assert_expected(visit(client, two_posts, flushed), two_posts)


def test_with_redis_the_rate_limit_holds(
    client, two_posts, flushed, redis_store, settings
):
    settings.STATS_RATE_LIMIT = "3/h"
    for _ in range(5):
        send(client, two_posts[0])
    send(client, two_posts[0], ip="198.51.100.9")  # another visitor
    flushed()
    assert DailySiteStat.objects.get().views == 4


def test_with_redis_a_beacon_is_one_round_trip(client, two_posts, redis_store):
    # The first beacons load the script into Redis, and the process then
    # remembers the salt and which pages count (the very first also creates
    # the site settings, a change that empties the memo).
    send(client, two_posts[0])
    send(client, two_posts[0], ip="198.51.100.22")
    with round_trips(redis_store) as commands:
        send(client, two_posts[1], ip="198.51.100.23")
    assert len(commands) == 1  # one EVALSHA: limit, markers and spool


def test_markers_go_to_memory_in_a_folder_of_this_sites_own(settings, tmp_path):
    settings.STATS_MARKER_DIR = ""
    if not (tally.MEMORY.is_dir() and os.access(tally.MEMORY, os.W_OK)):
        assert tally.marker_folder(tmp_path) == tmp_path / "seen"
        return
    folder = tally.marker_folder(tmp_path / "ein-cache")
    other = tally.marker_folder(tmp_path / "anderer-cache")
    try:
        assert folder.parent == tally.MEMORY
        assert folder.stat().st_mode & 0o777 == 0o700
        assert folder.stat().st_uid == os.getuid()
        assert tally.marker_folder(tmp_path / "ein-cache") == folder  # stable
        assert other.parent == tally.MEMORY and other != folder  # per site
        # Opened to others (or someone else's): not used.
        folder.chmod(0o777)
        assert (
            tally.marker_folder(tmp_path / "ein-cache")
            == tmp_path / "ein-cache" / "seen"
        )
    finally:
        for made in (folder, other):
            made.chmod(0o700)
            made.rmdir()


def test_an_explicit_marker_folder_wins(settings, tmp_path):
    settings.STATS_MARKER_DIR = str(tmp_path / "marken")
    assert tally.marker_folder(tmp_path / "cache") == tmp_path / "marken"


def test_a_change_on_another_server_reaches_beacons_within_a_second(
    two_posts, monkeypatch
):
    from core.pagecache import generation
    from stats import counting

    first, second = two_posts
    generation.bump()  # as the posts' commit does
    counting.site_state()  # the very first lookup creates the site settings
    assert second.pk in counting.site_state()["pages"]
    # Another app server unpublishes the post: the rows change and the
    # generation token moves on, but this process is not told.
    type(second).objects.filter(pk=second.pk).update(live=False)
    generation.bump()
    assert second.pk in counting.site_state()["pages"]  # trusted for a moment
    monkeypatch.setattr(counting, "STATE_FRESH_SECONDS", 0)
    assert second.pk not in counting.site_state()["pages"]
    assert first.pk in counting.site_state()["pages"]


def test_with_redis_collected_beacons_share_one_round_trip(
    client, two_posts, flushed, redis_store, settings
):
    # As the file spool: beacons wait in memory for the process's writer
    # (here: the flush), then go to Redis as one pipeline.
    settings.STATS_SPOOL_WRITE_SECONDS = 60
    tally.current().write_pending()
    # The first beacons load the salt and the pages' state.
    send(client, two_posts[0], ip="198.51.100.30")
    send(client, two_posts[1], ip="198.51.100.31")
    client_ = redis_store._cache.get_client(write=True)
    assert client_.llen(redis_store.make_key("stats:spool")) == 0
    tally.current().write_pending()
    assert client_.llen(redis_store.make_key("stats:spool")) == 2
    with round_trips(redis_store) as commands:
        for number in range(5):
            send(client, two_posts[1], ip=f"198.51.100.{40 + number}")
        assert commands == []  # nothing sent per beacon
        tally.current().write_pending()
    assert len(commands) == 1
    flushed()
    rows = {row.page_id: row.visitors for row in DailyPageStat.objects.all()}
    assert rows == {two_posts[0].pk: 1, two_posts[1].pk: 6}
