"""Project-level checks: deploy settings, migrations, the error pages."""

import ast
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest

from django.core.management import call_command
from django.test import override_settings

ROOT = Path(__file__).resolve().parent.parent

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "settings.production",
    "SECRET_KEY": "Jq8-vR2!mZ5@wL9#tK4$hN7%bX3^cF6&dG1*sP0(eY" + "u8)iO2_aQ5",
    "ALLOWED_HOSTS": "blog.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://blog.example.org",
    "PUBLIC_BASE_URL": "https://blog.example.org",
}


def run_manage(*args, env):
    clean = {
        key: value
        for key, value in os.environ.items()
        if key not in PRODUCTION_ENV and key != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_under_production_settings():
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "PUBLIC_BASE_URL"])
def test_production_settings_fail_loudly_without_required_environment(missing):
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != missing}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert missing in result.stderr


@pytest.mark.parametrize(
    "address",
    [
        "http://127.0.0.1:8000",
        "http://localhost:8000",
        "https://blog.localhost",
        "http://[::1]:8000/",
        "http://127.0.1.1",
        "http://0.0.0.0:8000",
        "blog.example.org",
        "ftp://blog.example.org",
    ],
)
def test_production_refuses_a_public_address_readers_cannot_reach(address):
    result = run_manage("check", env={**PRODUCTION_ENV, "PUBLIC_BASE_URL": address})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "PUBLIC_BASE_URL" in result.stderr


def test_loopback_public_address_only_with_the_explicit_test_switch():
    env = {**PRODUCTION_ENV, "PUBLIC_BASE_URL": "http://127.0.0.1:8123"}
    assert run_manage("check", env=env).returncode != 0
    result = run_manage("check", env={**env, "ALLOW_LOCAL_PUBLIC_BASE_URL": "true"})
    assert result.returncode == 0, result.stderr


def production_values(*expressions, **env):
    """Values of the production settings module, read without starting Django (so
    optional backends such as S3 need not be installed)."""
    code = "import settings.production as s\n" + "\n".join(
        f"print(repr({expression}))" for expression in expressions
    )
    clean = {
        key: value for key, value in os.environ.items() if key not in PRODUCTION_ENV
    }
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, **PRODUCTION_ENV, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return [ast.literal_eval(line) for line in result.stdout.splitlines()]


def test_production_links_follow_the_public_address():
    values = production_values(
        "s.PUBLIC_BASE_URL",
        "s.WAGTAILADMIN_BASE_URL",
        "s.CSRF_TRUSTED_ORIGINS",
        PUBLIC_BASE_URL="https://Blog.Example.org:8443/",
        CSRF_TRUSTED_ORIGINS="",
    )
    assert values == [
        "https://Blog.Example.org:8443",
        "https://Blog.Example.org:8443",
        ["https://Blog.Example.org:8443"],
    ]


def test_postgres_connections_are_persistent_and_health_checked():
    [database] = production_values(
        "s.DATABASES['default']", DATABASE_URL="postgres://feder@db.internal/feder"
    )
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert database["CONN_MAX_AGE"] >= 60
    assert database["CONN_HEALTH_CHECKS"] is True


def test_media_moves_to_s3_when_a_bucket_is_named():
    storage, serve_media, origins = production_values(
        "s.STORAGES['default']",
        "s.SERVE_MEDIA",
        "s.CSP_MEDIA_ORIGINS",
        AWS_STORAGE_BUCKET_NAME="feder-media",
        AWS_S3_ENDPOINT_URL="https://s3.example.net",
        AWS_S3_REGION_NAME="eu-central-1",
    )
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    assert storage["OPTIONS"]["bucket_name"] == "feder-media"
    assert storage["OPTIONS"]["endpoint_url"] == "https://s3.example.net"
    assert storage["OPTIONS"]["querystring_auth"] is False
    assert serve_media is False
    # The pages may show images from there, and from nowhere else.
    assert origins == ["https://s3.example.net", "https://feder-media.s3.example.net"]
    [aws] = production_values(
        "s.CSP_MEDIA_ORIGINS",
        AWS_STORAGE_BUCKET_NAME="feder-media",
        AWS_S3_REGION_NAME="eu-central-1",
    )
    assert aws == [
        "https://feder-media.s3.amazonaws.com",
        "https://feder-media.s3.eu-central-1.amazonaws.com",
    ]
    [cdn] = production_values(
        "s.CSP_MEDIA_ORIGINS",
        AWS_STORAGE_BUCKET_NAME="feder-media",
        AWS_S3_CUSTOM_DOMAIN="media.example.org",
        CSP_MEDIA_ORIGINS="https://cdn.example.org",
    )
    assert cdn == ["https://cdn.example.org", "https://media.example.org"]
    [default] = production_values("s.STORAGES['default']['BACKEND']")
    assert default == "django.core.files.storage.FileSystemStorage"


def test_production_uses_manifest_static_files_and_the_durable_task_queue():
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings as s; print(s.STORAGES['staticfiles']['BACKEND']); print(s.TASKS['default']['BACKEND']); print(s.DEBUG, s.SECURE_HSTS_SECONDS > 0, s.SESSION_COOKIE_SECURE)",
        env=PRODUCTION_ENV,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "whitenoise.storage.CompressedManifestStaticFilesStorage",
        "django_tasks_db.DatabaseBackend",
        "False",
        "True",
        "True",
    ]


@pytest.mark.django_db
def test_no_missing_migrations():
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


def test_sqlite_is_set_up_for_concurrent_writers():
    from settings.base import database_config

    config = database_config("sqlite:////tmp/feder.sqlite3")
    assert config["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert config["OPTIONS"]["timeout"] >= 5
    assert "journal_mode=WAL" in config["OPTIONS"]["init_command"]
    assert "OPTIONS" not in database_config(
        "postgres://u@127.0.0.1/db"
    ) or not database_config("postgres://u@127.0.0.1/db").get("OPTIONS")


@pytest.mark.django_db
def test_german_500_page_renders_without_the_database(client, blog, monkeypatch):
    from posts.models import BlogIndexPage

    def explode(*args, **kwargs):
        raise RuntimeError("kaputt")

    monkeypatch.setattr(BlogIndexPage, "posts", explode)
    client.raise_request_exception = False
    with override_settings(DEBUG=False):
        response = client.get("/blog/")
    assert response.status_code == 500
    html = response.content.decode()
    assert 'lang="de"' in html and "Da ist etwas schiefgegangen" in html


def test_healthz(client, db):
    # It asks the database (tests/test_health.py has the details).
    response = client.get("/healthz/")
    assert response.status_code == 200 and response.content == b"ok"


@pytest.mark.django_db
def test_admin_pages_request_no_gravatar(client, editor, home):
    client.force_login(editor)
    for path in ["/admin/", f"/admin/pages/{home.pk}/", "/admin/account/"]:
        html = client.get(path).content.decode().lower()
        assert "gravatar" not in html, path


def test_the_default_site_follows_the_public_address_after_migrate(settings, db):
    from django.core.management.sql import emit_post_migrate_signal

    from wagtail.models import Site

    settings.PUBLIC_BASE_URL = "https://blog.example.org:8443"
    # What `migrate` sends at its end.
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("blog.example.org", 8443)
