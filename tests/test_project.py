"""Project-level checks: deploy settings, migrations, the error pages."""

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


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_settings_fail_loudly_without_required_environment(missing):
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != missing}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert missing in result.stderr


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


def test_healthz(client):
    response = client.get("/healthz/")
    assert response.status_code == 200 and response.content == b"ok"


@pytest.mark.django_db
def test_admin_pages_request_no_gravatar(client, editor, home):
    client.force_login(editor)
    for path in ["/admin/", f"/admin/pages/{home.pk}/", "/admin/account/"]:
        html = client.get(path).content.decode().lower()
        assert "gravatar" not in html, path
