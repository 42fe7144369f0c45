"""A CDN in front is purged on publish (wagtail.contrib.frontend_cache, HTTP
PURGE); the CDN is the one part faked: a loopback server records the purges."""

import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.factories import make_post

pytestmark = pytest.mark.django_db


def free_port(first=8200, last=8249):
    for port in range(first, last + 1):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port in 8200-8249")


class PurgeRecorder(BaseHTTPRequestHandler):
    def do_PURGE(self):
        self.server.purged.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def cdn(settings):
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), PurgeRecorder)
    server.purged = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "http": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    yield server
    server.shutdown()
    server.server_close()


def paths(cdn):
    assert {host for host, _ in cdn.purged} == {"testserver"}
    return {path for _, path in cdn.purged}


def test_publishing_purges_the_post_and_everything_that_shows_it(cdn, blog, committing):
    older = make_post(blog, "Älter", slug="aelter", tags=["Führung"])
    with committing():
        make_post(blog, "Neu", slug="neu", tags=["Führung", "Kultur"])
    purged = paths(cdn)
    assert {
        "/blog/neu/",
        "/blog/",
        "/",
        "/blog/tag/fuehrung/",
        "/blog/tag/kultur/",
        "/feed/",
        "/feed/atom/",
        "/feed/tag/fuehrung/",
        "/feed/tag/kultur/atom/",
        "/sitemap.xml",
        "/robots.txt",
        older.url,  # it shows the new post as next and related
    } <= purged


def test_pagination_pages_are_purged(cdn, blog, committing):
    for number in range(11):
        make_post(blog, f"Beitrag {number}", tags=["Führung"])
    with committing():
        make_post(blog, "Noch einer", tags=["Führung"])
    purged = paths(cdn)
    assert {"/blog/?page=2", "/blog/tag/fuehrung/?page=2"} <= purged


def test_unpublishing_purges_the_post(cdn, blog, committing):
    post = make_post(blog, "Weg damit", slug="weg-damit")
    cdn.purged.clear()
    with committing():
        post.unpublish()
    assert {"/blog/weg-damit/", "/blog/", "/"} <= paths(cdn)


def test_site_settings_purge_every_page(cdn, site_tree, committing):
    from core.models import SiteSettings

    post = make_post(site_tree["blog"], "Irgendwas")
    cdn.purged.clear()
    with committing():
        settings = SiteSettings.for_site(site_tree["site"])
        settings.footer_text = "Neu"
        settings.save()
    assert {post.url, "/", "/blog/", "/feed/"} <= paths(cdn)


def test_nothing_is_purged_without_a_configured_cdn(blog, committing, settings):
    settings.WAGTAILFRONTENDCACHE = {}
    with committing() as callbacks:
        make_post(blog, "Ohne CDN")
    assert callbacks  # the local invalidation still ran
