"""More than one app server: with Redis the cache and its invalidation are
shared; with local memory every process on the machine reads one generation
file."""

import os
import socket
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from django.core.cache import caches
from django.test import override_settings

from core.pagecache import Generation, generation
from tests.factories import make_post
from tests.redis_server import REDIS_URL, redis_reachable

from .conftest import Server, warm

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_cache(settings, page_cache):
    if not redis_reachable():
        pytest.skip(
            f"Redis antwortet nicht unter {REDIS_URL} (TEST_REDIS_URL setzen): "
            "Test des geteilten Seiten-Caches übersprungen."
        )
    settings.CACHES = {
        **settings.CACHES,
        "pagecache": {
            "BACKEND": "core.redis_cache.FastRedisCache",
            "LOCATION": REDIS_URL,
            # Each test its own keys, so parallel test runs never meet (and no
            # test may clear(): that empties the whole Redis database).
            "KEY_PREFIX": f"feder-test-{uuid.uuid4().hex}",
            "TIMEOUT": 300,
        },
    }
    settings.PAGE_CACHE_TIMEOUT = 60  # what the tests leave in Redis goes soon
    yield
    caches["pagecache"].delete("pagecache:generation")


def test_with_redis_a_page_rendered_on_one_server_is_a_hit_on_another(
    redis_cache, blog, django_assert_num_queries
):
    post = make_post(blog, "Geteilter Cache")
    server_a, server_b = Server(), Server()
    assert server_a.get(post.url).cache == "miss"
    with django_assert_num_queries(0):
        answer = server_b.get(post.url)
    assert answer.cache == "hit"
    assert "Geteilter Cache" in answer.text


def test_with_redis_publishing_on_one_server_refreshes_every_server(
    redis_cache, blog, committing, tmp_path
):
    post = make_post(blog, "Erste Fassung")
    server_a, server_b = Server(), Server()
    warm(server_a, post.url, "/blog/")
    with committing():
        post.title = "Zweite Fassung"
        post.save_revision().publish()
    for url in [post.url, "/blog/"]:
        answer = server_b.get(url)
        assert answer.cache == "miss"
        assert "Zweite Fassung" in answer.text
    # The generation lives in Redis, not in a file.
    assert not (tmp_path / "pagecache-generation").exists()


def test_without_redis_django_answers(page_cache, settings, blog):
    post = make_post(blog, "Redis ist weg")
    free = socket.socket()
    free.bind(("127.0.0.1", 0))
    port = free.getsockname()[1]
    free.close()  # nothing listens there now
    unreachable = {
        **settings.CACHES,
        "pagecache": {
            "BACKEND": "core.redis_cache.FastRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/1",
        },
    }
    with override_settings(CACHES=unreachable):
        answer = Server().get(post.url)
    assert answer.status == 200
    assert answer.cache == "bypass"
    assert "Redis ist weg" in answer.text


def test_with_local_memory_a_change_in_another_process_is_seen(server, blog, settings):
    post = make_post(blog, "Lokal")
    warm(server, post.url)
    # Another process (a second gunicorn worker, the task worker, cron's
    # publish_scheduled) makes the pages stale.
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); "
            "from core.pagecache import invalidate; invalidate()",
        ],
        check=True,
        cwd=settings.BASE_DIR,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "settings.test",
            "PAGE_CACHE_GENERATION_FILE": settings.PAGE_CACHE_GENERATION_FILE,
        },
    )
    assert server.get(post.url).cache == "miss"
    assert server.get(post.url).cache == "hit"


def test_the_generation_file_is_rewritten_in_place(page_cache, settings):
    path = Path(settings.PAGE_CACHE_GENERATION_FILE)
    tokens = [generation.current()]
    inode = path.stat().st_ino
    for _ in range(6):
        tokens.append(generation.bump())
        assert generation.current() == tokens[-1]
    assert len(set(tokens)) == len(tokens)
    # Every process maps this one file: it is never replaced and never grows.
    assert path.stat().st_ino == inode
    assert path.read_bytes() == tokens[-1].encode()


def test_a_replaced_or_broken_generation_file_is_noticed(
    page_cache, settings, monkeypatch
):
    path = Path(settings.PAGE_CACHE_GENERATION_FILE)
    first = generation.current()
    # An operator restores var/ from a backup: a new file at the path.
    scratch = path.with_name("neu")
    scratch.write_text("0123456789abcdef\n")
    os.replace(scratch, path)
    monkeypatch.setattr(Generation, "RECHECK_SECONDS", 0)
    assert generation.current() == "0123456789abcdef" != first
    # A file too short to hold a token, or gone: a new token is written.
    path.write_bytes(b"kurz")
    token = generation.current()
    assert len(token) == 16 and token != "0123456789abcdef"
    path.unlink()
    assert generation.current() not in (token, "0123456789abcdef")
    assert path.read_bytes() == generation.current().encode()


def test_with_redis_a_hit_fetches_only_the_generation_token(
    redis_cache, blog, committing, monkeypatch
):
    post = make_post(blog, "Nur das Token")
    server_a, server_b = Server(), Server()
    warm(server_a, post.url)
    store = caches["pagecache"]
    asked = []
    for name in ("get", "get_many"):
        method = getattr(store, name)

        def spy(keys, *args, method=method, name=name, **kwargs):
            asked.append((name, keys))
            return method(keys, *args, **kwargs)

        monkeypatch.setattr(store, name, spy)
    for _ in range(3):
        answer = server_b.get(post.url)
        assert answer.cache == "hit" and "Nur das Token" in answer.text
    # This process holds a copy: each hit reads the token's few bytes only.
    assert asked == [("get", Generation.KEY)] * 3
    # A change on another app server moves the token on: the copy is stale.
    with committing():
        post.title = "Neues Token"
        post.save_revision().publish()
    assert "Neues Token" in server_b.get(post.url).text
