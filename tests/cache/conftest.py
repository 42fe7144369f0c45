"""The page cache tested through the real WSGI stack: requests go to
settings.wsgi's wrapper around Django, as gunicorn sends them."""

import io
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest

from django.core.cache import caches
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from core.pagecache import PageCacheMiddleware, copies


@dataclass
class Answer:
    status: int
    headers: dict = field(default_factory=dict)
    body: bytes = b""

    @property
    def text(self):
        return self.body.decode()

    @property
    def cache(self):
        return self.headers.get("x-cache")


class Server:
    """One app server: the WSGI wrapper around its own Django handler."""

    def __init__(self):
        self.app = PageCacheMiddleware(WSGIHandler())

    def request(self, url, method="GET", cookies=None, **headers):
        parts = urlsplit(url)
        environ = {
            "REQUEST_METHOD": method,
            "PATH_INFO": parts.path,
            "QUERY_STRING": parts.query,
            "SERVER_NAME": "testserver",
            "SERVER_PORT": "80",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "HTTP_HOST": "testserver",
            "REMOTE_ADDR": "127.0.0.1",
            "wsgi.version": (1, 0),
            "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(b""),
            "wsgi.errors": io.StringIO(),
            "wsgi.multithread": False,
            "wsgi.multiprocess": True,
            "wsgi.run_once": False,
        }
        if cookies:
            environ["HTTP_COOKIE"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
        for name, value in headers.items():
            environ[f"HTTP_{name.upper()}"] = value
        started = {}

        def start_response(status, response_headers, exc_info=None):
            started["status"] = int(status.split(" ", 1)[0])
            started["headers"] = {n.lower(): v for n, v in response_headers}

        # As Django's test client: the test's database connection stays open.
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        try:
            result = self.app(environ, start_response)
            try:
                body = b"".join(result)
            finally:
                if hasattr(result, "close"):
                    result.close()
        finally:
            request_started.connect(close_old_connections)
            request_finished.connect(close_old_connections)
        return Answer(started["status"], started["headers"], body)

    def get(self, url, **kwargs):
        return self.request(url, **kwargs)


@pytest.fixture
def page_cache(settings, tmp_path):
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_GENERATION_FILE = str(tmp_path / "pagecache-generation")
    caches[settings.PAGE_CACHE_ALIAS].clear()
    copies.clear()
    yield
    caches[settings.PAGE_CACHE_ALIAS].clear()
    copies.clear()


@pytest.fixture
def server(page_cache):
    return Server()


@pytest.fixture
def committing(django_capture_on_commit_callbacks):
    """Run the block's on-commit callbacks (the cache invalidation) as a real
    commit would."""

    def run():
        return django_capture_on_commit_callbacks(execute=True)

    return run


def warm(server, *urls):
    """Fetch each URL until it is in the cache; return the cached answers."""
    answers = {}
    for url in urls:
        first = server.get(url)
        second = server.get(url)
        assert second.cache == "hit", (url, first.status, first.headers)
        answers[url] = second
    return answers
