"""With Redis each process keeps copies of the pages it served (core.pagecache
.LocalCopies): bounded in bytes, never older than the shared entry."""

import time

import pytest

from core.pagecache import LocalCopies


def entry(body=b"x" * 100, status="200 OK", stored_at=None):
    return {
        "status": status,
        "headers": [],
        "body": body,
        "etag": "",
        "generation": "g",
        "stored_at": time.time() if stored_at is None else stored_at,
    }


def test_a_copy_is_handed_out_until_the_shared_entry_would_expire(settings):
    settings.PAGE_CACHE_TIMEOUT = 3600
    settings.PAGE_CACHE_SHORT_TIMEOUT = 60
    copies = LocalCopies()
    fresh, old_404 = entry(), entry(status="404 Not Found", stored_at=time.time() - 61)
    copies.put("a", fresh)
    copies.put("b", old_404)
    assert copies.get("a") is fresh
    assert copies.get("b") is None  # a 404 lives 60 s, here as in Redis
    assert copies.get("c") is None


@pytest.mark.parametrize("limit", [250, 1000])
def test_copies_stay_within_their_byte_limit(settings, limit):
    settings.PAGE_CACHE_LOCAL_COPY_BYTES = limit
    copies = LocalCopies()
    for name in "abcdef":
        copies.put(name, entry())
    kept = [name for name in "abcdef" if copies.get(name) is not None]
    assert kept == list("abcdef")[-(limit // 100) :]
    copies.put("big", entry(body=b"x" * (limit + 1)))
    assert copies.get("big") is None


def test_a_new_copy_replaces_the_old_one(settings):
    settings.PAGE_CACHE_LOCAL_COPY_BYTES = 250
    copies = LocalCopies()
    first, second = entry(), entry()
    copies.put("a", first)
    copies.put("a", second)
    copies.put("b", entry())
    assert copies.get("a") is second
    assert copies.get("b") is not None
