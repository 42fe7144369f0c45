"""`make run PORT=8101`: every absolute link of the demo says :8101."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command

from newsletter.services import send_test
from posts.models import BlogPostPage
from tests.subscriptions.conftest import sign_up

ROOT = Path(__file__).resolve().parents[2]
BASE = "http://127.0.0.1:8101"
ABSOLUTE = re.compile(r"https?://(?:127\.0\.0\.1|localhost|testserver)(?::\d+)?/?")


def test_make_run_passes_its_host_and_port_on_as_the_public_address():
    result = subprocess.run(
        [
            "make",
            "-s",
            "PORT=8101",
            "--eval=show-base-url: ; @echo $$PUBLIC_BASE_URL",
            "show-base-url",
        ],
        cwd=ROOT,
        # As from a fresh shell (`make test` itself exports the default address).
        env={k: v for k, v in os.environ.items() if k != "PUBLIC_BASE_URL"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == BASE


def test_the_demo_settings_take_the_public_address_from_make():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.PUBLIC_BASE_URL, s.WAGTAILADMIN_BASE_URL, s.DEBUG)"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "settings.dev"}
    env.pop("PUBLIC_BASE_URL", None)
    run = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**env, "PUBLIC_BASE_URL": BASE},
        capture_output=True,
        text=True,
        check=True,
    )
    assert run.stdout.split() == [BASE, BASE, "False"]
    # Without make (manage.py runserver by hand) the default port stays 8000.
    run = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert run.stdout.split()[0] == "http://127.0.0.1:8000"


def only_port_8101(text, where):
    found = set(ABSOLUTE.findall(text))
    assert found, f"{where}: no absolute link"
    wrong = {url for url in found if not url.startswith(BASE)}
    assert not wrong, f"{where}: {wrong}"


@pytest.mark.django_db
@pytest.mark.usefixtures("demo")
def test_every_link_of_the_demo_follows_the_port(client, settings):
    settings.PUBLIC_BASE_URL = settings.WAGTAILADMIN_BASE_URL = BASE
    call_command("load_demo_content", verbosity=0)
    host = {"HTTP_HOST": "127.0.0.1:8101"}
    post = BlogPostPage.objects.live().exclude(feature_image=None).first()

    page = client.get(post.url, **host).content.decode()
    assert f'<link rel="canonical" href="{BASE}{post.url}">' in page
    assert re.search(rf'property="og:url" content="{BASE}{post.url}"', page)
    assert re.search(rf'property="og:image" content="{BASE}/', page)
    for path in ["/feed/", "/feed/atom/", "/sitemap.xml", "/robots.txt"]:
        only_port_8101(client.get(path, **host).content.decode(), path)

    mail.outbox = []
    sign_up(client, email="neu@example.org", HTTP_ORIGIN=BASE, **host)
    (confirmation,) = mail.outbox
    only_port_8101(confirmation.body, "confirmation text")
    only_port_8101(confirmation.alternatives[0][0], "confirmation html")
    assert confirmation.extra_headers["List-Unsubscribe"].startswith(f"<{BASE}/abo/")

    editor = get_user_model().objects.get(username="admin")
    newsletter = send_test(post, editor)
    html = newsletter.alternatives[0][0]
    only_port_8101(html, "newsletter html")
    assert re.search(rf'<img[^>]+src="{BASE}/media/', html), "image"
    assert newsletter.extra_headers["List-Unsubscribe"].startswith(f"<{BASE}/abo/")


def make_dry_run(*targets):
    return subprocess.run(
        ["make", "-n", "-B", *targets],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def test_make_run_installs_only_what_running_needs_and_starts_a_worker():
    run = make_dry_run("run", "PORT=8101")
    assert "pip install --quiet -c requirements.lock -e .\n" in run
    assert "[test]" not in run and "npm" not in run
    assert "manage.py run_worker --queue-name '*'" in run
    assert "manage.py runserver 127.0.0.1:8101" in run
    test = make_dry_run("test")
    assert '-e ".[test]"' in test and "npm ci" in test
