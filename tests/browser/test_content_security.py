"""Every public page works under the strict Content-Security-Policy: no console
error, no CSP violation, the video player loads after a click, and the admin
works under its own policy. A real Chromium enforces the headers."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import EDITOR
from .pages import PUBLIC_PAGES, RICH_POST, live_post_paths

pytestmark = pytest.mark.browser

# Registered before any page script runs; CSP does not apply to init scripts.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(
        `${event.effectiveDirective} blocked ${event.blockedURI || "inline"}`
    );
});
"""


class Watch:
    def __init__(self, page):
        self.page = page
        self.console = []
        self.errors = []
        page.add_init_script(RECORD_VIOLATIONS)
        page.on(
            "console",
            lambda message: (
                message.type in ("error", "warning")
                and self.console.append(f"{message.type}: {message.text}")
            ),
        )
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def violations(self):
        return self.page.evaluate("window.__cspViolations")

    def problems(self, path, expected_status=200):
        console = [
            line
            for line in self.console
            # The 404 page's own status is what it should be, not an error.
            if not (expected_status == 404 and "status of 404" in line)
        ]
        return {
            "path": path,
            "csp": self.violations(),
            "console": console,
            "errors": self.errors,
        }


@pytest.fixture
def watch(page):
    return Watch(page)


def clean(path):
    return {"path": path, "csp": [], "console": [], "errors": []}


def public_paths():
    paths = dict.fromkeys(PUBLIC_PAGES.values())
    paths.update(dict.fromkeys(live_post_paths()))
    return list(paths)


def test_every_public_page_runs_under_the_strict_policy(page, watch):
    for path in public_paths():
        watch.console.clear()
        watch.errors.clear()
        response = page.goto(path)
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        page.wait_for_load_state("networkidle")
        status = 404 if "gibt-es-nicht" in path else 200
        assert response.status == status, path
        policy = response.headers["content-security-policy"]
        assert "script-src 'self';" in policy and "'unsafe-inline'" not in policy
        # The stylesheet applied (a blocked one would leave the page unstyled).
        assert (
            page.evaluate(
                "getComputedStyle(document.querySelector('.skip-link')).position"
            )
            == "absolute"
        ), path
        assert watch.problems(path, status) == clean(path)


def test_the_video_player_loads_after_a_click_and_nothing_before(page, watch):
    player_requests = []
    page.route(
        re.compile(r"^https://(www\.youtube-nocookie\.com|player\.vimeo\.com)/"),
        lambda route: (
            player_requests.append(route.request.url),
            route.fulfill(
                body="<title>Player</title><p>Spieler</p>", content_type="text/html"
            ),
        ),
    )
    page.goto(RICH_POST)
    video = page.locator("[data-video-embed]").first
    video.scroll_into_view_if_needed()
    page.wait_for_load_state("networkidle")
    assert player_requests == []
    video.get_by_role("button", name=re.compile("Video abspielen")).click()
    iframe = video.locator("iframe")
    expect(iframe).to_have_count(1)
    # The frame really loaded: CSP frame-src let it through.
    expect(page.frame_locator("[data-video-embed] iframe").locator("p")).to_have_text(
        "Spieler"
    )
    assert len(player_requests) == 1
    assert watch.problems(RICH_POST) == clean(RICH_POST)


def test_signing_up_with_javascript_works_under_the_policy(page, watch):
    page.goto("/")
    box = page.locator("form[action='/abo/anmelden/']").first
    box.locator("input[type=email]").fill("csp-test@example.org")
    box.locator("input[type=checkbox]").first.check()
    with page.expect_response(re.compile(r"/abo/anmelden/$")) as answer:
        box.locator("button[type=submit]").click()
    assert answer.value.status in (200, 303)
    page.wait_for_load_state("networkidle")
    assert watch.problems("/") == clean("/")


def test_admin_and_the_editors_userbar_work_under_their_policies(page, watch):
    from posts.models import BlogPostPage

    page.goto("/admin/login/")
    page.locator("#id_username").fill(EDITOR[0])
    page.locator("#id_password").fill(EDITOR[1])
    page.get_by_role("button", name=re.compile("Anmelden")).click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    post = BlogPostPage.objects.live().order_by("pk").first()
    for path in ("/admin/", f"/admin/pages/{post.pk}/edit/", "/admin/pages/"):
        watch.console.clear()
        response = page.goto(path)
        page.wait_for_load_state("networkidle")
        assert response.status == 200, path
        assert "'unsafe-inline'" in response.headers["content-security-policy"]
        assert watch.problems(path) == clean(path)
    # The public page, logged in: Wagtail's userbar under the strict policy.
    watch.console.clear()
    page.goto(post.url)
    expect(page.locator("wagtail-userbar")).to_have_count(1)
    page.wait_for_load_state("networkidle")
    assert watch.problems(post.url) == clean(post.url)
