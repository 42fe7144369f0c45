"""Settings shared by every environment. Whatever varies is read from the environment."""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent


def env_list(name, default=""):
    return [
        item.strip()
        for item in os.environ.get(name, default).split(",")
        if item.strip()
    ]


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "posts",
    "subscriptions",
    "newsletter",
    "previews",
    "imports",
    "inbox",
    "fediverse",
    "stats",
    "core",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.typed_table_block",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtail_modeladmin",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # First: refuses TRACE and unknown methods before anything else runs.
    "core.security.SecurityHeadersMiddleware",
    # Next, so it sees the cookies that the middleware below sets on the way out.
    "core.pagecache.CacheHeadersMiddleware",
    # A request whose database connection died under it runs once more.
    "core.middleware.RetryOnLostConnectionMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # The request's Wagtail Site, remembered per host (core.memo).
    "core.site.SiteMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "settings.urls"
WSGI_APPLICATION = "settings.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "core.site.site_context",
            ],
        },
    },
]


def database_config(url):
    # Persistent connections, checked before each request reuses one: a database
    # restart or a terminated backend then costs a reconnect, never a 500.
    config = dj_database_url.parse(
        url,
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # Django's defaults make concurrent writers fail with "database is locked":
        # take the write lock when a transaction starts, wait for it, and let readers
        # work alongside the writer (WAL).
        # Reads: a connection per thread is kept (CONN_MAX_AGE) with its page
        # cache, and the file is memory-mapped, so a listing does not re-read
        # every post's row from the file through system calls.
        config["OPTIONS"] = {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
                "PRAGMA cache_size=-16000; PRAGMA mmap_size=268435456;"
            ),
        }
    return config


DATABASES = {
    "default": database_config(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "feder"),
        },
        # Whole pages, shared by every app server (core.pagecache).
        "pagecache": {
            "BACKEND": "core.redis_cache.FastRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "feder") + "-page",
        },
        # Reader statistics (stats app): the daily salt, "seen today" markers,
        # rate limits, and the buffer of counted views until they are flushed.
        "stats": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "feder") + "-stats",
        },
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        # Its own store, so pages never push rate-limit counters out.
        "pagecache": {
            "BACKEND": "core.pagecache.PageMemoryCache",
            "LOCATION": "pagecache",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
        # Reader statistics: shared by every process on this machine (gunicorn
        # workers, task workers), so a visitor is one visitor whichever worker
        # answers; never the database (the daily hashes must not reach it).
        "stats": {
            "BACKEND": "stats.filecache.StatsFileCache",
            "LOCATION": os.environ.get(
                "STATS_CACHE_DIR", str(BASE_DIR / "var" / "stats-cache")
            ),
        },
    }

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "de"
LANGUAGES = [("de", "Deutsch")]
TIME_ZONE = "Europe/Berlin"

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Email: SMTP by default; every part comes from the environment.
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "20"))
# An address without a name is sent under the site's name (core.site.site_name).
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "blog@example.org")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# Background work (django-tasks). Production switches to the durable database queue.
# Queues, one worker process each (`manage.py run_worker --queue-name mail`):
# confirmation mail never waits behind newsletter batches, search indexing or
# imports, nor fediverse deliveries behind anything. "default" takes Wagtail's own housekeeping tasks.
TASK_QUEUES = ["mail", "newsletter", "search", "imports", "fediverse", "default"]
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": TASK_QUEUES,
    }
}
# Retries of failed tasks (core.retry.retried_task): attempts and first delay
# (then ×4 each time).
TASK_MAX_ATTEMPTS = int(os.environ.get("TASK_MAX_ATTEMPTS", "5"))
TASK_RETRY_BASE_SECONDS = int(os.environ.get("TASK_RETRY_BASE_SECONDS", "30"))
# A worker that has not reported for this long is dead: its tasks run again
# elsewhere (core.worker). Heartbeat and reaper intervals of `run_worker`.
TASK_LEASE_SECONDS = int(os.environ.get("TASK_LEASE_SECONDS", "180"))
WORKER_HEARTBEAT_SECONDS = float(os.environ.get("WORKER_HEARTBEAT_SECONDS", "10"))
WORKER_REAP_SECONDS = float(
    os.environ.get("WORKER_REAP_SECONDS", str(min(30, TASK_LEASE_SECONDS / 3)))
)
# Each app's own healing, run by the workers' reaper (a callable taking `now`).
WORKER_REAPERS = [
    "newsletter.sending.reap_expired_leases",
    "subscriptions.tasks.reap_unsent_confirmations",
    "stats.buffer.reap",
]

# Subscriptions (double opt-in). Rates are "count/period", period s, m, h or d;
# counted in the cache (Redis when REDIS_URL is set, else per process).
SUBSCRIBE_RATE_LIMIT_PER_IP = os.environ.get("SUBSCRIBE_RATE_LIMIT_PER_IP", "10/h")
SUBSCRIBE_RATE_LIMIT_PER_EMAIL = os.environ.get("SUBSCRIBE_RATE_LIMIT_PER_EMAIL", "5/h")
SUBSCRIBE_CONFIRMATION_LIMIT = os.environ.get("SUBSCRIBE_CONFIRMATION_LIMIT", "3/d")
SUBSCRIBE_CONFIRM_TOKEN_HOURS = int(
    os.environ.get("SUBSCRIBE_CONFIRM_TOKEN_HOURS", "48")
)
SUBSCRIBE_EMAIL_MAX_ATTEMPTS = 6  # first try plus retries after 1, 4, 16, 64, 256 min
SUBSCRIBE_EMAIL_RETRY_BASE_SECONDS = int(
    os.environ.get("SUBSCRIBE_EMAIL_RETRY_BASE_SECONDS", "60")
)
SUBSCRIBE_PURGE_PENDING_AFTER_DAYS = int(
    os.environ.get("SUBSCRIBE_PURGE_PENDING_AFTER_DAYS", "30")
)
# Reverse proxies in front of the app that append to X-Forwarded-For (0: none).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# New posts by email (newsletter app): messages per SMTP connection and task,
# attempts per delivery for transient (4xx) errors, retry after 1, 4, 16, 64 min.
NEWSLETTER_BATCH_SIZE = int(os.environ.get("NEWSLETTER_BATCH_SIZE", "200"))
NEWSLETTER_MAX_ATTEMPTS = 5
NEWSLETTER_RETRY_BASE_SECONDS = int(
    os.environ.get("NEWSLETTER_RETRY_BASE_SECONDS", "60")
)
# A claimed batch holds a lease, renewed with every message handed to SMTP;
# once it has expired its worker is taken for dead: deliveries never handed
# over go back to pending, the one in flight becomes "unklar" (never resent
# without an admin's decision).
NEWSLETTER_LEASE_SECONDS = int(os.environ.get("NEWSLETTER_LEASE_SECONDS", "180"))

# Full-page cache (core.pagecache): anonymous GET/HEAD requests for public
# pages are answered before Django runs; every content change makes all cached
# pages stale on every app server (core.invalidation).
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
# Lookups every render repeats (site, landmark pages, settings, a post's
# neighbours and related posts), kept per generation of the page cache
# (core.memo); on whether or not whole pages are cached.
GENERATION_MEMO_ENABLED = env_bool("GENERATION_MEMO_ENABLED", True)
PAGE_CACHE_ALIAS = "pagecache"
# Seconds an entry is kept in our own cache (a change makes it stale sooner).
PAGE_CACHE_TIMEOUT = int(os.environ.get("PAGE_CACHE_TIMEOUT", str(60 * 60)))
# 301 and 404 answers: here and in shared caches.
PAGE_CACHE_SHORT_TIMEOUT = int(os.environ.get("PAGE_CACHE_SHORT_TIMEOUT", "60"))
# Cache-Control for a CDN in front: s-maxage and stale-while-revalidate; browsers
# revalidate every time (max-age=0) with the ETag and get a 304.
PAGE_CACHE_S_MAXAGE = int(os.environ.get("PAGE_CACHE_S_MAXAGE", "300"))
PAGE_CACHE_STALE_WHILE_REVALIDATE = int(
    os.environ.get("PAGE_CACHE_STALE_WHILE_REVALIDATE", "3600")
)
PAGE_CACHE_BROWSER_MAX_AGE = 0
PAGE_CACHE_MAX_BYTES = 1024 * 1024
# With Redis, each process keeps copies of the pages it served lately (at most
# this many bytes of them) and fetches only the generation token per hit.
PAGE_CACHE_LOCAL_COPY_BYTES = int(
    os.environ.get("PAGE_CACHE_LOCAL_COPY_BYTES", str(32 * 1024 * 1024))
)
# Never looked up or stored (static and media files are skipped as well).
PAGE_CACHE_BYPASS_PATHS = [
    "/admin/",
    "/abo/",
    "/vorschau/",
    "/healthz/",
    "/dokumente/",
    "/statistik/",
]
# Without Redis, every process on this machine reads the cache generation here.
PAGE_CACHE_GENERATION_FILE = os.environ.get(
    "PAGE_CACHE_GENERATION_FILE", str(BASE_DIR / "var" / "pagecache-generation")
)
# Saving or deleting one of these makes every cached page stale.
PAGE_CACHE_INVALIDATING_MODELS = [
    "core.SiteSettings",
    "core.CustomImage",
    "posts.Author",
    "posts.BlogTag",
    "wagtailcore.Site",
    "wagtailredirects.Redirect",
    # Making a page private (or public again) changes what readers may see.
    "wagtailcore.PageViewRestriction",
]
# Of those, a new row changes a page at once only for these; any other new row
# (site settings created on first use, an uploaded image, a new author) is shown
# once a page refers to it, and publishing that page makes the pages stale.
PAGE_CACHE_NEW_ROWS_INVALIDATE = [
    "wagtailcore.Site",
    "wagtailredirects.Redirect",
    "wagtailcore.PageViewRestriction",
]
# URLs outside the page tree that a CDN purge always includes.
PAGE_CACHE_PURGE_URL_NAMES = ["feed", "feed_atom", "sitemap", "robots_txt"]


def frontend_cache_backends():
    """A CDN or caching proxy in front, purged on every change (see README).

    wagtail.contrib.frontend_cache's backends and purge task do the work;
    the app itself stays out of INSTALLED_APPS, because its own signal
    handlers purge only the changed page, and core.invalidation purges that
    page together with everything that shows it."""
    backends = {}
    if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
        # Varnish, nginx or any proxy that accepts HTTP PURGE requests.
        backends["http"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
        }
    if os.environ.get("FRONTEND_CACHE_CLOUDFLARE_ZONEID"):
        backends["cloudflare"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "ZONEID": os.environ["FRONTEND_CACHE_CLOUDFLARE_ZONEID"],
            "BEARER_TOKEN": os.environ.get(
                "FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN", ""
            ),
        }
    return backends


WAGTAILFRONTENDCACHE = frontend_cache_backends()

# Reader statistics (stats app, docs/statistics.md): counted by a first-party
# beacon, buffered in the `stats` cache (a spool file under var/ without
# Redis) and written to aggregate tables in batches by every task worker's
# reaper (and `manage.py flush_stats`).
STATS_CACHE_ALIAS = "stats"
STATS_SPOOL_DIR = os.environ.get(
    "STATS_SPOOL_DIR", str(BASE_DIR / "var" / "stats-spool")
)
# Without Redis a flush reads a spool file once no beacon wrote to it for this long.
STATS_SPOOL_GRACE_SECONDS = 1.0
# Without Redis each process collects views in memory and appends them to the
# spool this often (0: at once, per beacon).
STATS_SPOOL_WRITE_SECONDS = float(os.environ.get("STATS_SPOOL_WRITE_SECONDS", "0.25"))
# Without Redis, the "seen today" markers are empty files: in /dev/shm where
# the machine has it (stats.tally.marker_folder), else in this folder.
STATS_MARKER_DIR = os.environ.get("STATS_MARKER_DIR", "")
# Beacons per visitor (daily hash) and window; more are dropped.
STATS_RATE_LIMIT = os.environ.get("STATS_RATE_LIMIT", "120/h")
# Aggregates older than this are deleted by `manage.py prune_stats`.
STATS_RETENTION_DAYS = int(os.environ.get("STATS_RETENTION_DAYS", "730"))
# Hourly counts are kept for this many hours (the flush prunes older ones).
STATS_HOURLY_KEEP_HOURS = 48
# A flush writes at most this many events per database transaction.
STATS_FLUSH_BATCH = int(os.environ.get("STATS_FLUSH_BATCH", "5000"))

# The blog as an ActivityPub actor (fediverse app): deliveries retry after
# 1, 4, 16, 64 and 256 minutes and give up after the sixth failed attempt.
FEDIVERSE_MAX_ATTEMPTS = 6
FEDIVERSE_RETRY_BASE_SECONDS = 60
# Requests to other servers (keys, actors; deliveries) wait at most this long.
FEDIVERSE_FETCH_TIMEOUT = 5
FEDIVERSE_DELIVERY_TIMEOUT = 10
FEDIVERSE_KEY_CACHE_HOURS = 24
# A signed request's Date may differ from our clock by at most this much.
FEDIVERSE_SIGNATURE_MAX_AGE_SECONDS = 300
FEDIVERSE_PAGE_SIZE = 20
# A claimed delivery without outcome after this long means its worker died.
FEDIVERSE_STALE_CLAIM_MINUTES = 30
# Plain-HTTP peers and peers on loopback or private addresses (development and
# tests only): otherwise a keyId or inbox URL could make the blog call into
# its own network.
FEDIVERSE_ALLOW_HTTP = env_bool("FEDIVERSE_ALLOW_HTTP", False)
FEDIVERSE_ALLOW_LOCAL_ADDRESSES = env_bool("FEDIVERSE_ALLOW_LOCAL_ADDRESSES", False)

# The one public address of the site: canonical tags, feeds, sitemap, robots.txt
# and every email link are built from it (core.site), and the default Wagtail
# Site follows it after every `migrate`.
PUBLIC_BASE_URL = os.environ.get("PUBLIC_BASE_URL", "http://127.0.0.1:8000")
# The landmark pages every template may need, looked up once per request
# (core.site.SiteContext); named here so that the kernel knows no page type.
SITE_PAGES = {
    "blog_index": "posts.BlogIndexPage",
    "subscribe_page": "subscriptions.SubscribePage",
}

# Wagtail. The blog's public name is the Wagtail Site's name; this one names
# the admin (and the blog while its Site has none).
WAGTAIL_SITE_NAME = os.environ.get("WAGTAIL_SITE_NAME", "Feder")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", PUBLIC_BASE_URL)
WAGTAILADMIN_PERMITTED_LANGUAGES = [("de", "Deutsch")]
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No request to Gravatar from the admin (the CSP would block it anyway): Wagtail
# shows its own default avatar or an uploaded one.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILIMAGES_IMAGE_MODEL = "core.CustomImage"
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        "SEARCH_CONFIG": "german",
    }
}
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
TAGGIT_CASE_INSENSITIVE = True

# Hosts outside the site that serve uploads (S3, a CDN): allowed as image and media
# sources by the Content-Security-Policy (core.security). Empty: media is served here.
CSP_MEDIA_ORIGINS = env_list("CSP_MEDIA_ORIGINS")

# Links from the blog to other sites tell them which site, not which page.
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Task and page-event chatter; warnings and errors still show.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}
