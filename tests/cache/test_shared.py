"""More than one app server: with Redis the cache and its invalidation are
shared; with local memory every process on the machine reads one generation
file."""

import os
import socket
import subprocess
import sys
import uuid

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


def test_the_generation_file_starts_anew_when_it_grew(page_cache, monkeypatch):
    monkeypatch.setattr(Generation, "MAX_FILE_BYTES", 40)
    tokens = [generation.current()]
    for _ in range(6):
        tokens.append(generation.bump())
        assert generation.current() == tokens[-1]
    assert len(set(tokens)) == len(tokens)
