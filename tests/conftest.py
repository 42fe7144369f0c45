import os
import shutil

import pytest

# Playwright's sync API runs an event loop in the main thread; Django's ORM calls
# made from tests would otherwise refuse to run (see ../shared/BROWSER_TESTS.md).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _empty_cache():
    """Wagtail caches renditions under the image's id (and a file hash that test
    images leave empty); ids repeat after each test's rollback, so a later test
    would get an earlier test's rendition of a different image."""
    from django.core.cache import cache

    cache.clear()


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
