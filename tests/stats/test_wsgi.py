"""Beacons answered at the WSGI layer (settings/wsgi.py), before the page
cache and Django's middleware: counted the same way, everything else passes."""

import io

import pytest

from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from stats.models import DailyPageStat
from stats.wsgi import BeaconMiddleware

from .conftest import UA, body

pytestmark = pytest.mark.django_db


@pytest.fixture
def app(monkeypatch):
    # The test's transaction keeps its connection (as Django's test client does).
    monkeypatch.setattr("stats.wsgi.close_old_connections", lambda: None)
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield BeaconMiddleware(WSGIHandler())
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def call(app, path="/statistik/b/", method="POST", data=b"", **headers):
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "testserver",
        "REMOTE_ADDR": "203.0.113.8",
        "CONTENT_TYPE": "text/plain;charset=UTF-8",
        "CONTENT_LENGTH": str(len(data)),
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(data),
        "wsgi.errors": io.StringIO(),
        "wsgi.multithread": True,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    environ.update({f"HTTP_{k.upper()}": v for k, v in headers.items()})
    started = {}

    def start_response(status, response_headers, exc_info=None):
        started["status"] = int(status.split()[0])
        started["headers"] = dict(response_headers)

    result = b"".join(app(environ, start_response))
    return started["status"], started["headers"], result


def test_the_project_wsgi_application_answers_beacons_first():
    from settings.wsgi import application

    assert isinstance(application, BeaconMiddleware)


def test_a_beacon_is_counted_at_the_wsgi_layer(app, post, flushed):
    status, headers, content = call(
        app, data=body(post).encode(), origin="http://testserver", user_agent=UA
    )
    assert (status, content) == (204, b"")
    assert headers["Cache-Control"] == "no-store"
    assert "Set-Cookie" not in headers
    flushed()
    assert DailyPageStat.objects.get(page=post).views == 1


@pytest.mark.parametrize(
    "kwargs",
    [
        {"origin": "https://evil.example", "user_agent": UA},
        {"origin": "http://testserver", "user_agent": "Googlebot/2.1"},
        {"origin": "http://testserver", "user_agent": UA, "dnt": "1"},
        {"origin": "http://testserver", "user_agent": UA, "data": b"x" * 100_000},
        {"origin": "http://testserver", "user_agent": UA, "data": b"{nope"},
        {"origin": "http://testserver", "user_agent": UA, "method": "GET"},
    ],
)
def test_refused_beacons_at_the_wsgi_layer(app, post, flushed, kwargs):
    data = kwargs.pop("data", None)
    status, _headers, _ = call(
        app, data=data if data is not None else body(post).encode(), **kwargs
    )
    assert status == 204
    flushed()
    assert not DailyPageStat.objects.exists()


def test_an_editors_session_is_recognised_without_middleware(
    app, client, editor, post, flushed
):
    client.force_login(editor)
    session = client.cookies["sessionid"].value
    call(
        app,
        data=body(post).encode(),
        origin="http://testserver",
        user_agent=UA,
        cookie=f"sessionid={session}",
    )
    call(
        app,
        data=body(post).encode(),
        origin="http://testserver",
        user_agent=UA,
        cookie="sessionid=unbekannt",
    )
    flushed()
    assert DailyPageStat.objects.get(page=post).views == 1  # only the unknown session


def test_other_paths_pass_through(app, post):
    status, _headers, content = call(app, path=post.url, method="GET")
    assert status == 200 and b"<html" in content
