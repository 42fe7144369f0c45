import ipaddress
import os
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool, env_list

DEBUG = False

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured(
        "SECRET_KEY must be set in the environment (at least 50 random characters)."
    )
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in the environment.")


def public_base_url(value):
    """The public address every link is built from: refuse one readers cannot reach."""
    parts = urlsplit(value.strip())
    host = (parts.hostname or "").lower()
    if parts.scheme not in {"http", "https"} or not host:
        raise ImproperlyConfigured(
            "PUBLIC_BASE_URL must be set in the environment to the site's public "
            "address, e.g. https://blog.example.org (canonical tags, feeds and every "
            "email link are built from it)."
        )
    try:
        local = ipaddress.ip_address(host).is_loopback or host in {"0.0.0.0", "::"}
    except ValueError:
        local = host == "localhost" or host.endswith(".localhost")
    # Only for test harnesses and benchmarks on one machine, never a real site.
    if local and not env_bool("ALLOW_LOCAL_PUBLIC_BASE_URL"):
        raise ImproperlyConfigured(
            f"PUBLIC_BASE_URL points at this machine ({value}); readers and email "
            "recipients could not follow such links. Set it to the public address, "
            "e.g. https://blog.example.org."
        )
    return f"{parts.scheme}://{parts.netloc}"


PUBLIC_BASE_URL = public_base_url(os.environ.get("PUBLIC_BASE_URL", ""))
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", PUBLIC_BASE_URL)
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS") or [PUBLIC_BASE_URL]

# Behind a TLS-terminating proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
SECURE_HSTS_SECONDS = int(
    os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365))
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# Media on S3-compatible storage (django-storages, `pip install .[s3]`) when a
# bucket is named: needed as soon as more than one machine serves the site.
# Credentials come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (read by boto3).
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "default_acl": None,
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", False),
            "file_overwrite": False,
        },
    }
    SERVE_MEDIA = False
    # Where the pages then load images from: the custom domain, else the bucket
    # on its endpoint (path and virtual-host style), for the CSP's img-src.
    _bucket = os.environ["AWS_STORAGE_BUCKET_NAME"]
    if os.environ.get("AWS_S3_CUSTOM_DOMAIN"):
        _media_hosts = [f"https://{os.environ['AWS_S3_CUSTOM_DOMAIN']}"]
    elif os.environ.get("AWS_S3_ENDPOINT_URL"):
        _endpoint = urlsplit(os.environ["AWS_S3_ENDPOINT_URL"])
        _media_hosts = [
            f"{_endpoint.scheme}://{_endpoint.netloc}",
            f"{_endpoint.scheme}://{_bucket}.{_endpoint.netloc}",
        ]
    else:
        _region = os.environ.get("AWS_S3_REGION_NAME")
        _media_hosts = [f"https://{_bucket}.s3.amazonaws.com"] + (
            [f"https://{_bucket}.s3.{_region}.amazonaws.com"] if _region else []
        )
    CSP_MEDIA_ORIGINS = [*CSP_MEDIA_ORIGINS, *_media_hosts]  # noqa: F405

# Emails and other follow-up work go through the durable database queue;
# run `python manage.py run_worker` (one per queue) next to gunicorn.
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": TASK_QUEUES,  # noqa: F405
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
