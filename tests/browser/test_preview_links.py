"""An editor shares a draft; a reviewer without an account reads it in Chromium."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from posts.models import BlogIndexPage
from tests.factories import make_post

from .conftest import EDITOR

pytestmark = pytest.mark.browser

# PREVIEW_LINKS_SCREENSHOTS=1 refreshes the screenshots in docs/.
DOCS = Path(__file__).resolve().parents[2] / "docs"
SCREENSHOTS = bool(os.environ.get("PREVIEW_LINKS_SCREENSHOTS"))


def paragraph(text):
    return [("paragraph", f"<p>{text}</p>")]


@pytest.fixture
def draft_post(server_url):
    """A live post with a newer draft on the shared demo site, removed afterwards."""
    post = make_post(
        BlogIndexPage.objects.get(),
        "Über das Zuhören",
        body=paragraph("Öffentlicher Text."),
        slug="zuhoeren-vorschau",
    )
    draft = post.get_latest_revision_as_object()
    draft.body = paragraph("Geheimer Entwurfstext.")
    draft.save_revision()
    yield post
    post.delete()


def test_editor_shares_a_draft_and_revokes_it(server_url, browser, page, draft_post):
    page.set_default_timeout(10_000)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{server_url}/admin/login/")
    page.fill("#id_username", EDITOR[0])
    page.fill("#id_password", EDITOR[1])
    page.locator("form button[type=submit]").click()
    expect(page).to_have_url(f"{server_url}/admin/")

    # The button lives in the "…" menu of the page editor's header.
    page.goto(f"{server_url}/admin/pages/{draft_post.pk}/edit/")
    page.get_by_role("button", name="Aktionen", exact=True).click()
    if SCREENSHOTS:
        expect(page.get_by_role("link", name="Vorschau-Link teilen")).to_be_visible()
        page.screenshot(
            path=str(DOCS / "preview-links-menu.png"),
            animations="disabled",
            clip={"x": 200, "y": 0, "width": 640, "height": 420},
        )
    page.get_by_role("link", name="Vorschau-Link teilen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Vorschau-Link teilen")

    page.get_by_label("Notiz").fill("Lektorat Anna")
    expect(page.get_by_label("Gültig für")).to_have_value("7")
    page.get_by_label("Gültig für").select_option("14")
    page.get_by_role("button", name="Link erstellen").click()

    url_field = page.locator("#preview-link-url")
    preview_url = url_field.input_value()
    assert preview_url.startswith(f"{server_url}/vorschau/")
    page.get_by_role("button", name="Link kopieren").click()
    expect(page.locator("#clipboard-tooltip")).to_contain_text("kopiert")
    if SCREENSHOTS:
        page.screenshot(path=str(DOCS / "preview-links.png"), animations="disabled")

    # A second context shares no cookies: the reviewer has no session.
    reviewer_context = browser.new_context()
    try:
        reviewer = reviewer_context.new_page()
        reviewer.set_default_timeout(10_000)
        response = reviewer.goto(preview_url)
        assert response.status == 200
        assert response.headers["x-robots-tag"] == "noindex, nofollow"
        assert not reviewer_context.cookies()
        expect(reviewer.locator("main")).to_contain_text("Geheimer Entwurfstext.")
        expect(reviewer.locator("main")).not_to_contain_text("Öffentlicher Text.")
        expect(reviewer.locator(".preview-banner")).to_contain_text("Entwurfsvorschau")
        expect(reviewer.locator(".preview-banner")).to_contain_text(
            "noch nicht veröffentlicht"
        )
        if SCREENSHOTS:
            reviewer.set_viewport_size({"width": 1000, "height": 600})
            reviewer.screenshot(
                path=str(DOCS / "preview-links-reviewer.png"), animations="disabled"
            )

        # The editor revokes it from the page's list of links.
        page.goto(f"{server_url}/admin/vorschau-links/seite/{draft_post.pk}/")
        row = page.locator("table[data-preview-links] tr", has_text="Lektorat Anna")
        expect(row.locator("[data-views]")).to_have_text("1")
        row.get_by_role("button", name="Widerrufen").click()
        expect(page.get_by_text("Keine aktiven Vorschau-Links.")).to_be_visible()

        response = reviewer.goto(preview_url)
        assert response.status == 404
        expect(reviewer.locator("main")).to_contain_text("nicht mehr gültig")
        expect(reviewer.locator("body")).not_to_contain_text("Entwurfstext")
    finally:
        reviewer_context.close()
