"""Security headers and methods: strict CSP on public pages, a policy of its own
for Wagtail's admin, Permissions-Policy everywhere, TRACE refused."""

import re

import pytest
from bs4 import BeautifulSoup

from django.test import override_settings

from tests.factories import make_post

pytestmark = pytest.mark.django_db

VIDEO_BODY = [
    ("paragraph", "<p>Mit Video.</p>"),
    (
        "video",
        {"url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "title": "Ein Film"},
    ),
]


def directives(header):
    return {
        part.split()[0]: part.split()[1:]
        for part in (chunk.strip() for chunk in header.split(";"))
        if part
    }


@pytest.fixture
def public_paths(blog):
    post = make_post(blog, "Mit Video", tags=["Führung"], body=VIDEO_BODY)
    return [
        "/",
        blog.url,
        post.url,
        "/blog/tag/fuehrung/",
        "/suche/?q=Video",
        "/feed/",
        "/robots.txt",
        "/gibt-es-nicht/",
    ]


def test_public_pages_carry_the_strict_policy(client, public_paths):
    for path in public_paths:
        response = client.get(path)
        assert response.status_code in (200, 404), path
        policy = directives(response["Content-Security-Policy"])
        assert policy["default-src"] == ["'self'"], path
        assert policy["script-src"] == ["'self'"], path
        assert policy["style-src"] == ["'self'"], path
        assert policy["object-src"] == ["'none'"]
        assert policy["frame-ancestors"] == ["'self'"]
        # Frames only from the two privacy-friendly players, nothing else.
        assert sorted(policy["frame-src"]) == [
            "https://player.vimeo.com",
            "https://www.youtube-nocookie.com",
        ]
        assert "'unsafe-inline'" not in response["Content-Security-Policy"]
        assert "camera=()" in response["Permissions-Policy"]
        assert "geolocation=()" in response["Permissions-Policy"]


def test_public_html_needs_nothing_the_policy_forbids(client, public_paths):
    """No inline script, no style element or attribute, no event handler."""
    for path in public_paths:
        response = client.get(path)
        if "html" not in response["Content-Type"]:
            continue
        soup = BeautifulSoup(response.content, "html.parser")
        for script in soup.find_all("script"):
            # JSON-LD is data, which CSP does not govern.
            assert script.get("src") or script.get("type") == "application/ld+json", (
                path,
                script,
            )
        assert soup.find_all("style") == [], path
        assert soup.find_all(style=True) == [], path
        for tag in soup.find_all(True):
            handlers = [name for name in tag.attrs if name.startswith("on")]
            assert handlers == [], (path, tag.name, handlers)
        assert "javascript:" not in response.content.decode(), path


def test_the_video_player_is_one_the_policy_allows(client, blog):
    post = make_post(blog, "Film", body=VIDEO_BODY)
    html = client.get(post.url).content.decode()
    [embed] = re.findall(r'data-video-embed="([^"]+)"', html)
    policy = directives(client.get(post.url)["Content-Security-Policy"])
    assert any(embed.startswith(origin + "/") for origin in policy["frame-src"])
    assert "<iframe" not in html


def test_the_500_page_renders_under_the_policy(client, blog, monkeypatch):
    from posts.models import BlogIndexPage

    def explode(*args, **kwargs):
        raise RuntimeError("kaputt")

    monkeypatch.setattr(BlogIndexPage, "posts", explode)
    client.raise_request_exception = False
    with override_settings(DEBUG=False):
        response = client.get("/blog/")
    assert response.status_code == 500
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find_all("style") == [] and soup.find_all(style=True) == []
    stylesheet = soup.find("link", rel="stylesheet")["href"]
    assert client.get(stylesheet).status_code == 200
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]


def test_admin_gets_its_own_policy_and_still_works(client, editor, blog):
    client.force_login(editor)
    response = client.get("/admin/")
    assert response.status_code == 200
    policy = directives(response["Content-Security-Policy"])
    # Wagtail's admin ships inline scripts (date pickers, inline panels).
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    edit = client.get(f"/admin/pages/{blog.pk}/edit/")
    assert edit.status_code == 200


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("TRACE", "/"),
        ("TRACE", "/admin/"),
        ("TRACE", "/static/css/site.css"),
        ("TRACK", "/"),
        ("PUT", "/"),
        ("DELETE", "/abo/anmelden/"),
        ("PROPFIND", "/blog/"),
    ],
)
def test_methods_the_site_never_answers_are_refused(client, blog, method, path):
    response = client.generic(method, path)
    assert response.status_code == 405
    assert "TRACE" not in response["Allow"]
    assert "nicht unterstützt" in response.content.decode()
    assert response["Content-Security-Policy"]


def test_ordinary_methods_still_work(client, blog):
    assert client.get("/").status_code == 200
    assert client.head("/").status_code == 200
    assert client.options("/healthz/").status_code == 200
