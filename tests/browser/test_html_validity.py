"""Every public page type passes the Nu HTML Checker (vnu-jar from npm) without errors."""

import json
import shutil
import subprocess
import urllib.error
import urllib.request
from datetime import date
from pathlib import Path

import pytest

from .pages import HAS_SUBSCRIBE_PAGE, PUBLIC_PAGES, live_post_paths

pytestmark = pytest.mark.browser

VNU = (
    Path(__file__).resolve().parents[2]
    / "node_modules"
    / "vnu-jar"
    / "build"
    / "dist"
    / "vnu.jar"
)
EXTRA_PAGES = {
    "datenschutz": "/datenschutz/",
    "tag-2": "/blog/tag/leadership/",
    "index-2": "/blog/?page=2",
}
if HAS_SUBSCRIBE_PAGE:
    EXTRA_PAGES["abo-pending"] = "/abo/bitte-bestaetigen/"
    EXTRA_PAGES["abo-invalid-link"] = "/abo/bestaetigen/kein-gueltiger-link/"
NOT_FOUND = {"404", "abo-invalid-link"}


def ensure_second_index_page():
    from posts.models import BlogIndexPage, BlogPostPage
    from tests.factories import make_post

    blog = BlogIndexPage.objects.get()
    if BlogPostPage.objects.live().count() <= blog.posts_per_page:
        # The oldest post: it changes no other post's neighbours.
        make_post(blog, "Ein Artikel für Seite zwei", post_date=date(2024, 1, 1))


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


@pytest.fixture
def vnu():
    # Asked for before the live server, so a skip does not build the demo site.
    java = shutil.which("java")
    if not java or not VNU.exists():
        pytest.skip(
            "Java oder node_modules/vnu-jar fehlt (make setup führt npm ci aus): HTML-Prüfung übersprungen."
        )
    return [java, "-jar", str(VNU)]


# `browser_name` (no browser is started) puts this test in the same group as the
# other browser tests when pytest orders by parameters, so the package's demo
# site is built once, not twice.
def test_public_pages_are_valid_html(
    vnu, browser_name, server_url, tmp_path, quality_report
):
    ensure_second_index_page()
    pages = {**PUBLIC_PAGES, **EXTRA_PAGES}
    # Every demo post, not just one: their bodies use different blocks.
    for path in live_post_paths():
        pages[f"post {path}"] = path
    files = {}
    for name, path in pages.items():
        status, body = fetch(server_url + path)
        assert status == (404 if name in NOT_FOUND else 200), (name, status)
        target = tmp_path / f"page-{len(files):02d}.html"
        target.write_bytes(body)
        files[str(target)] = name

    # One JVM for all pages: starting it is most of the checker's time.
    result = subprocess.run(
        [*vnu, "--format", "json", "--stdout", *files],
        capture_output=True,
        text=True,
        timeout=180,
    )
    messages = json.loads(result.stdout)["messages"]
    problems = {name: [] for name in files.values()}
    for message in messages:
        name = files.get(message.get("url", "").removeprefix("file:"), "?")
        problems.setdefault(name, []).append(message)
    quality_report["vnu"] = {
        name: {
            "errors": sum(m["type"] == "error" for m in found),
            "warnings": sum(m["type"] != "error" for m in found),
        }
        for name, found in problems.items()
    }
    errors = [
        f"{name}: line {m.get('lastLine')}: {m['message']}"
        for name, found in problems.items()
        for m in found
        if m["type"] == "error"
    ]
    assert not errors, "\n".join(errors)
    assert result.returncode == 0
