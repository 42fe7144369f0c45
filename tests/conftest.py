import os
import shutil

import pytest

from tests.smtp import SMTPServer, free_port, point_django_at

# Playwright's sync API runs an event loop in the main thread; Django's ORM calls
# made from tests (browser tests) would otherwise refuse to run.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def restore_initial_data():
    """Put back what the test database was created with (Wagtail's root page,
    site, collection, groups), after a flush emptied it."""
    from django.db import connection

    connection.creation.deserialize_db_from_string(connection._test_serialized_contents)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """pytest-django empties the database after a transactional test; whatever
    runs next (in any order, on any xdist worker) finds the initial data again.
    A hook wrapper, because this must follow pytest-django's flush."""
    result = yield
    marker = item.get_closest_marker("django_db")
    # After the last test the test database is gone (and the connection points
    # at the real one again): nothing to restore then.
    if nextitem is not None and marker and marker.kwargs.get("transaction"):
        from pytest_django.plugin import blocking_manager_key

        with item.config.stash[blocking_manager_key].unblock():
            restore_initial_data()
    return result


def pytest_collection_modifyitems(items):
    """No test may depend on the order tests run in (pytest-xdist shares them
    out between workers): a test that commits real transactions asks for the
    initial data to be serialized, so it can be put back after it."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        if (
            marker
            and marker.kwargs.get("transaction")
            and not marker.kwargs.get("serialized_rollback")
        ):
            raise pytest.UsageError(
                f"{item.nodeid}: django_db(transaction=True) needs "
                "serialized_rollback=True, or later tests see an empty database."
            )


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts with an empty cache: rate-limit counters live there, and
    Wagtail caches renditions under the image's id (and a file hash that test
    images leave empty); ids repeat after each test's rollback, so a later test
    would get an earlier test's rendition of a different image."""
    from django.core.cache import cache, caches

    from core.memo import memo
    from stats.counting import salt_memo

    cache.clear()
    memo.clear()  # row ids repeat after a rollback, too
    caches["stats"].clear()
    salt_memo.clear()
    yield
    cache.clear()
    memo.clear()
    caches["stats"].clear()
    salt_memo.clear()


@pytest.fixture(autouse=True)
def _stats_spool(settings, tmp_path):
    """Each test buffers its reader statistics in a folder of its own."""
    settings.STATS_SPOOL_DIR = str(tmp_path / "stats-spool")


@pytest.fixture
def search_index(settings):
    """The search index follows every save, as in production (off by default in
    the test settings, for speed)."""
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {**settings.WAGTAILSEARCH_BACKENDS["default"], "AUTO_UPDATE": True}
    }


@pytest.fixture
def smtp(settings):
    """Django's SMTP backend pointed at a real SMTP server on loopback, not yet
    started (a test may start it later, to simulate an outage)."""
    server = SMTPServer(free_port())
    point_django_at(settings, server)
    yield server
    server.stop()


@pytest.fixture
def smtp_server(smtp):
    smtp.start()
    return smtp


@pytest.fixture
def site_tree(db):
    from tests.factories import build_site

    home, blog, site = build_site()
    return {"home": home, "blog": blog, "site": site}


@pytest.fixture
def home(site_tree):
    return site_tree["home"]


@pytest.fixture
def blog(site_tree):
    return site_tree["blog"]


@pytest.fixture
def editor(db, django_user_model):
    return django_user_model.objects.create_superuser(
        "redaktion", "redaktion@example.org", "geheim-123"
    )


# Browser tests (tests/browser/) launch Debian's Chromium, never a downloaded one.
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not CHROMIUM:
        pytest.skip(
            "Chromium ist nicht installiert (apt-get install chromium): Browser-Tests übersprungen."
        )
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            *browser_type_launch_args.get("args", []),
            # Keep Chromium off the network: only the live server on loopback resolves.
            "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost",
        ],
    }
