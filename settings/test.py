from .base import *  # noqa: F403

SECRET_KEY = "test-only-not-secret"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pagecache": {
        "BACKEND": "core.pagecache.PageMemoryCache",
        "LOCATION": "pagecache",
    },
    "stats": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "stats",
    },
}
STATS_SPOOL_DIR = str(BASE_DIR / "test-artifacts" / "stats-spool")  # noqa: F405
STATS_SPOOL_GRACE_SECONDS = 0
# Written per beacon, so a test's flush sees them (tests/stats/test_buffer.py
# covers the collected writes).
STATS_SPOOL_WRITE_SECONDS = float(os.environ.get("STATS_SPOOL_WRITE_SECONDS", "0"))  # noqa: F405
# The page cache is switched on by the `page_cache` fixture (tests/cache/);
# changes made by other tests still bump the generation, here.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", False)  # noqa: F405
PAGE_CACHE_GENERATION_FILE = os.environ.get(  # noqa: F405
    "PAGE_CACHE_GENERATION_FILE",
    str(BASE_DIR / "test-artifacts" / "pagecache-generation"),  # noqa: F405
)
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": TASK_QUEUES,  # noqa: F405
    }
}
FEDIVERSE_ALLOW_HTTP = FEDIVERSE_ALLOW_LOCAL_ADDRESSES = True
MEDIA_ROOT = BASE_DIR / "test-artifacts" / "media"  # noqa: F405
PUBLIC_BASE_URL = WAGTAILADMIN_BASE_URL = "http://testserver"
LOGGING = {"version": 1, "disable_existing_loggers": False}
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# A file, not shared-cache memory: concurrent tests then see real SQLite locking
# (WAL, busy timeout) instead of "database table is locked".
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    _test_db = BASE_DIR / "test-artifacts" / "test.sqlite3"  # noqa: F405
    _test_db.parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["TEST"] = {"NAME": str(_test_db)}  # noqa: F405
# Keeping the search index up to date on every save is a third of the suite's
# time; tests that search turn it on with the `search_index` fixture.
WAGTAILSEARCH_BACKENDS = {
    "default": {**WAGTAILSEARCH_BACKENDS["default"], "AUTO_UPDATE": False}  # noqa: F405
}
