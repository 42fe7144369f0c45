"""An editor writes and publishes a post in Wagtail's admin, in a real browser."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import EDITOR

pytestmark = pytest.mark.browser

TITLE = "Zuhören, im Browser getestet"


def add_block(page, label):
    page.locator("#body-root .c-sf-add-button").last.click()
    page.get_by_role("option", name=label, exact=True).click()


def test_editor_publishes_a_post_that_readers_find_on_the_home_page(page, new_context):
    from posts.models import BlogIndexPage, BlogPostPage

    blog = BlogIndexPage.objects.get()
    page.goto("/admin/login/")
    page.locator("#id_username").fill(EDITOR[0])
    page.locator("#id_password").fill(EDITOR[1])
    page.get_by_role("button", name=re.compile("Anmelden")).click()
    expect(page).to_have_url(re.compile(r"/admin/$"))

    # The blog allows only one page type, so Wagtail opens its form directly.
    page.goto(f"/admin/pages/{blog.pk}/add_subpage/")
    expect(page).to_have_url(re.compile(r"/admin/pages/add/posts/blogpostpage/\d+/$"))
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_teaser").fill(
        "Ein Artikel, den ein Browser-Test schreibt und veröffentlicht."
    )
    add_block(page, "Zwischenüberschrift")
    page.locator("#body-0-value-text").fill("Was der Test zeigt")
    add_block(page, "Text")
    page.locator(
        "[data-contentpath='body'] [role=textbox][contenteditable=true]"
    ).last.click()
    page.keyboard.type("Ein Absatz, im Editor getippt.")
    add_block(page, "Bild")
    page.locator("[data-contentpath='image'] .chooser__choose-button").last.click()
    modal = page.locator(".modal-dialog")
    modal.get_by_role("link", name="Leises Marketing").click()
    expect(modal).to_be_hidden()
    page.locator("#body-2-value-alt_text").fill("Ein ruhiger Farbverlauf in Orange")
    add_block(page, "Zitat")
    page.locator("#body-3-value-text").fill("Wer zuhört, hat die halbe Antwort schon.")
    page.locator("#body-3-value-attribution").fill("Eine Leserin")

    page.locator("[data-w-dropdown-target='toggle']").last.click()
    page.get_by_role("button", name=re.compile("^Veröffentlichen")).click()
    expect(page.locator(".messages")).to_contain_text("veröffentlicht")
    post = BlogPostPage.objects.get(title=TITLE)
    assert post.live and not post.has_unpublished_changes
    assert [block.block_type for block in post.body] == [
        "heading",
        "paragraph",
        "image",
        "quote",
    ]

    # A reader (no admin session) finds it at the top of the home page, right
    # after the featured post (the demo shows whole posts there).
    reader = new_context().new_page()
    reader.goto("/")
    newest = reader.locator(".post-full:not(.post-full--featured)").first
    expect(newest.locator(".post-full__title")).to_have_text(TITLE)
    newest.get_by_role("link", name=TITLE).click()
    expect(reader.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(
        reader.get_by_role("heading", level=2, name="Was der Test zeigt")
    ).to_be_visible()
    expect(reader.locator(".post__body .rich-text")).to_have_text(
        "Ein Absatz, im Editor getippt."
    )
    image = reader.get_by_role("img", name="Ein ruhiger Farbverlauf in Orange")
    image.scroll_into_view_if_needed()
    expect(image).to_be_visible()
    assert image.evaluate("img => img.complete && img.naturalWidth > 0")
    expect(reader.locator("blockquote")).to_contain_text(
        "Wer zuhört, hat die halbe Antwort schon."
    )


def log_in(page):
    page.goto("/admin/login/")
    page.locator("#id_username").fill(EDITOR[0])
    page.locator("#id_password").fill(EDITOR[1])
    page.get_by_role("button", name=re.compile("Anmelden")).click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def test_the_admin_makes_german_slugs_while_typing(page):
    from posts.models import BlogIndexPage

    log_in(page)
    blog = BlogIndexPage.objects.get()
    page.goto(f"/admin/pages/add/posts/blogpostpage/{blog.pk}/")
    title = page.locator("#id_title")
    title.fill("Führung & Größe im Büro")
    title.blur()  # Wagtail copies the title into the slug on change
    slug = page.locator("#id_slug")
    expect(slug).to_have_value("fuehrung-groesse-im-buero")
    # A slug typed by hand follows the same rules when the field is left.
    page.get_by_role("tab", name=re.compile("Veröffentlichung")).click()
    slug.fill("Über Straßen")
    slug.blur()
    expect(slug).to_have_value("ueber-strassen")
