"""Browser tests: one live server and one demo site for all of tests/browser/.

Loading the demo content takes seconds, so it is built once per package and
committed. pytest-django's `live_server` would pull in the real
`transactional_db`, which empties the database after every test; instead
`transactional_db` is overridden below: it tells pytest-django that these tests
use the database outside a wrapping transaction (so the test database is set up
and these tests run after all `db` tests), and it only opens the database
blocker. When the package is done the database is put back into the state it
was created in, as every transactional test leaves it (serialized rollback).

So every browser test uses this site (`server_url`); one that needs more data
creates it and removes it again (tests/browser/test_preview_links.py), and
none may flush the database (`django_db(transaction=True)`, `live_server`).
"""

import json
from pathlib import Path

import pytest

from django.core.cache import caches
from django.core.management import call_command
from django.test import override_settings

from tests.conftest import restore_initial_data

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
PHONE = {"width": 390, "height": 844}
EDITOR = ("redaktion", "geheim-123")


@pytest.fixture(autouse=True)
def _media_root():
    """The root conftest points MEDIA_ROOT at a fresh folder per test; the shared
    demo images must stay where the session put them."""


@pytest.fixture(autouse=True)
def transactional_db(django_db_setup, django_db_blocker):
    # Test code and the live-server thread both use the committed demo data.
    with django_db_blocker.unblock():
        yield


def _restore_database():
    """Back to the state the test database was created in (Wagtail's initial
    data), as every transactional test leaves it."""
    # Without post_migrate: the serialized data brings the content types back
    # with their old ids.
    call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
    restore_initial_data()
    # Row ids start again after a flush: cached renditions would point at the
    # files of images from this package.
    for cache in caches.all():
        cache.clear()
    from core.memo import memo

    memo.clear()


class LiveServer:
    """Django's live-server thread, answering one request at a time.

    With in-memory SQLite every request shares the test's connection, and the
    admin sends overlapping requests (autosave while publishing): handled in
    parallel they break each other's transactions.
    """

    def __init__(self, address):
        from django.contrib.staticfiles.handlers import StaticFilesHandler
        from django.core.servers.basehttp import WSGIServer
        from django.db import connections
        from django.test.testcases import LiveServerThread

        class SerialServer(WSGIServer):
            def __init__(self, *args, connections_override=None, **kwargs):
                # Requests run in the server's own thread, which already uses
                # the shared connections.
                super().__init__(*args, **kwargs)

        class SerialLiveServerThread(LiveServerThread):
            server_class = SerialServer

        self.shared = {
            c.alias: c
            for c in connections.all()
            if c.vendor == "sqlite" and c.is_in_memory_db()
        }
        for connection in self.shared.values():
            connection.inc_thread_sharing()
        host, _, port = address.partition(":")
        self.thread = SerialLiveServerThread(
            host,
            static_handler=StaticFilesHandler,
            connections_override=self.shared,
            port=int(port or 0),
        )
        self.thread.daemon = True
        self.thread.start()
        self.thread.is_ready.wait()
        if self.thread.error:
            self.stop()
            raise self.thread.error
        self.host = host
        self.url = f"http://{host}:{self.thread.port}"

    def stop(self):
        self.thread.terminate()
        for connection in self.shared.values():
            connection.dec_thread_sharing()


@pytest.fixture(scope="package")
def site_server(request, django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo blog served over real HTTP on loopback."""
    from django.contrib.auth import get_user_model

    from core.site import sync_default_site

    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("browser-media"))
    media.enable()
    with django_db_blocker.unblock():
        from django.db import connection

        if not hasattr(connection, "_test_serialized_contents"):
            # What `_restore_database` puts back (pytest-django serializes the
            # database only when some selected test asks for it).
            connection._test_serialized_contents = (
                connection.creation.serialize_db_to_string()
            )
        call_command("load_demo_content", verbosity=0)
        get_user_model().objects.create_superuser(
            EDITOR[0], "redaktion@example.org", EDITOR[1]
        )
    # Chromium resolves only loopback names (see the root conftest).
    server = LiveServer(request.config.getvalue("liveserver") or "127.0.0.1")
    # Absolute links (emails, feeds, canonical URLs) must point at this server.
    address = override_settings(PUBLIC_BASE_URL=server.url)
    address.enable()
    with django_db_blocker.unblock():
        sync_default_site()
    yield server
    server.stop()
    address.disable()
    with django_db_blocker.unblock():
        _restore_database()
    media.disable()


@pytest.fixture(scope="package")
def server_url(site_server):
    return site_server.url


@pytest.fixture(scope="package")
def browser_context_args(server_url):
    # Not `base_url`: pytest-base-url checks that one once per session.
    return {"base_url": server_url, "locale": "de-DE"}


class RequestLog:
    """Every request a page makes, for the third-party and page-weight checks."""

    def __init__(self, page, base_url):
        self.base_url = base_url
        self.requests = []
        page.on("request", lambda request: self.requests.append(request))

    def foreign(self):
        return [
            r.url for r in self.requests if not r.url.startswith(self.base_url + "/")
        ]


@pytest.fixture
def request_log(page, server_url):
    return RequestLog(page, server_url)


@pytest.fixture
def smtp_inbox(smtp_server):
    """What the real SMTP server on loopback received."""
    return smtp_server.inbox


@pytest.fixture(scope="package")
def quality_report():
    """Figures for people (axe, validator, page weight), written to test-artifacts/."""
    report = {}
    yield report
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "browser-report.json").write_text(
        json.dumps(report, indent=2, sort_keys=True, ensure_ascii=False)
    )
