"""Every change a reader would see makes the affected URLs fresh on the next
request: the page, its index pages with pagination, the home page, each tag
page it is or was on, the feeds and the sitemap."""

from datetime import timedelta

import pytest

from django.core.management import call_command
from django.utils import timezone

from core.models import SiteSettings
from posts.models import Author, BlogPostPage
from subscriptions.models import SubscribePage
from tests.factories import make_image, make_post

from .conftest import warm

pytestmark = pytest.mark.django_db

LISTINGS = ["/", "/blog/", "/feed/", "/feed/atom/", "/sitemap.xml"]


@pytest.fixture
def older(blog):
    return make_post(blog, "Ältere Gedanken", slug="aeltere-gedanken", tags=["Führung"])


def fresh(server, url):
    answer = server.get(url)
    assert answer.cache == "miss", f"{url} was answered from a stale entry"
    return answer


def test_publishing_a_new_post_refreshes_every_listing(server, blog, older, committing):
    warm(server, *LISTINGS, "/blog/tag/fuehrung/", older.url)
    with committing():
        make_post(blog, "Brandneuer Artikel", slug="brandneu", tags=["Führung"])

    for url in [*LISTINGS, "/blog/tag/fuehrung/"]:
        assert "brandneu" in fresh(server, url).text, url
    # The older post now links to it as the next post.
    assert "/blog/brandneu/" in fresh(server, older.url).text


def test_publishing_an_edit_refreshes_the_post_and_listings(server, older, committing):
    warm(server, older.url, *LISTINGS)
    with committing():
        older.title = "Neuere Gedanken"
        older.save_revision().publish()
    for url in [older.url, "/", "/blog/", "/feed/", "/feed/atom/"]:
        assert "Neuere Gedanken" in fresh(server, url).text, url
    fresh(server, "/sitemap.xml")  # its lastmod follows the publication


def test_a_draft_changes_nothing(server, older, committing):
    warm(server, older.url)
    with committing():
        older.title = "Nur ein Entwurf"
        older.save_revision()
    answer = server.get(older.url)
    assert answer.cache == "hit"
    assert "Nur ein Entwurf" not in answer.text


def test_unpublishing_removes_the_post_everywhere(server, older, committing):
    url = older.url
    warm(server, url, *LISTINGS, "/blog/tag/fuehrung/")
    with committing():
        older.unpublish()
    assert fresh(server, url).status == 404
    for listing in LISTINGS:
        assert "aeltere-gedanken" not in fresh(server, listing).text, listing
    assert fresh(server, "/blog/tag/fuehrung/").status == 404


def test_deleting_removes_the_post_everywhere(server, older, committing):
    url = older.url
    warm(server, url, *LISTINGS)
    with committing():
        BlogPostPage.objects.get(pk=older.pk).delete()
    assert fresh(server, url).status == 404
    for listing in LISTINGS:
        assert "aeltere-gedanken" not in fresh(server, listing).text, listing


def test_moving_refreshes_old_and_new_address(server, home, older, committing):
    old_url = older.url
    warm(server, old_url, *LISTINGS)
    with committing():
        older.move(home, pos="last-child")
    # Wagtail's redirects app sends the old address on to the new one.
    moved = fresh(server, old_url)
    assert moved.status == 301
    assert moved.headers["location"].endswith("/aeltere-gedanken/")
    assert fresh(server, "/aeltere-gedanken/").status == 200
    assert "aeltere-gedanken" not in fresh(server, "/blog/").text


def test_scheduled_publishing_refreshes_listings(server, blog, older, committing):
    post = make_post(blog, "Geplanter Artikel", slug="geplant", live=False)
    revision = post.save_revision(
        approved_go_live_at=timezone.now() - timedelta(minutes=1)
    )
    assert revision.approved_go_live_at
    warm(server, *LISTINGS)
    with committing():
        call_command("publish_scheduled")
    for url in LISTINGS:
        assert "geplant" in fresh(server, url).text, url


def test_changing_tags_refreshes_old_and_new_tag_pages(server, blog, older, committing):
    make_post(blog, "Anderes Thema", tags=["Kultur"])
    warm(server, "/blog/tag/fuehrung/", "/blog/tag/kultur/", older.url)
    with committing():
        older.tags.set(["Kultur"])
        older.save_revision().publish()
    assert fresh(server, "/blog/tag/fuehrung/").status == 404
    assert "aeltere-gedanken" in fresh(server, "/blog/tag/kultur/").text
    assert "/blog/tag/kultur/" in fresh(server, older.url).text


def test_editing_site_settings_refreshes_every_page(
    server, site_tree, older, committing
):
    warm(server, "/", older.url, "/blog/")
    settings = SiteSettings.for_site(site_tree["site"])
    with committing():
        settings.footer_text = "© 2026 Mesut Neu"
        settings.save()
    for url in ["/", older.url, "/blog/"]:
        assert "© 2026 Mesut Neu" in fresh(server, url).text, url


def test_editing_the_author_snippet_refreshes_the_posts(server, blog, committing):
    author = Author.objects.create(name="Mesut Alt", bio="Schreibt.")
    post = make_post(blog, "Mit Autor", author=author)
    warm(server, post.url)
    with committing():
        author.name = "Mesut Neu"
        author.save()
    assert "Mesut Neu" in fresh(server, post.url).text


def test_editing_the_subscribe_page_texts_refreshes_the_sign_up_boxes(
    server, home, older, committing
):
    page = SubscribePage(title="Abonnieren", slug="abonnieren")
    home.add_child(instance=page)
    page.save_revision().publish()
    warm(server, "/", older.url, "/abonnieren/")
    page = SubscribePage.objects.get(pk=page.pk)
    with committing():
        page.consent_text = "Ja, schickt mir neue Texte."
        page.save_revision().publish()
    for url in ["/", older.url, "/abonnieren/"]:
        assert "Ja, schickt mir neue Texte." in fresh(server, url).text, url


def test_editing_an_image_refreshes_the_pages_that_show_it(
    server, blog, committing, django_assert_max_num_queries
):
    image = make_image(credit="Bild: Alt")
    post = make_post(blog, "Mit Bild", feature_image=image)
    warm(server, post.url)
    with committing():
        image.credit = "Bild: Neu"
        image.save()
    assert "Bild: Neu" in fresh(server, post.url).text


def test_rendering_images_does_not_invalidate(server, blog):
    # Renditions are created on the first view; that is not a change.
    post = make_post(blog, "Mit Bild", feature_image=make_image())
    server.get(post.url)
    assert server.get(post.url).cache == "hit"
    assert server.get("/").cache == "miss"
    assert server.get("/").cache == "hit"


def test_expiry_by_publish_scheduled_removes_the_post(server, older, committing):
    url = older.url
    warm(server, url, "/blog/")
    older.expire_at = timezone.now() - timedelta(minutes=1)
    older.save()
    with committing():
        call_command("publish_scheduled")
    assert fresh(server, url).status == 404
    assert "aeltere-gedanken" not in fresh(server, "/blog/").text


def test_renaming_the_site_refreshes_every_page(server, site_tree, older, committing):
    warm(server, "/", older.url)
    site = site_tree["site"]
    with committing():
        site.site_name = "Mesuts neuer Blog"
        site.save()
    for url in ["/", older.url]:
        assert "Mesuts neuer Blog" in fresh(server, url).text, url


def test_a_new_redirect_replaces_a_cached_404(server, home, committing):
    from wagtail.contrib.redirects.models import Redirect

    warm(server, "/alte-adresse/")
    with committing():
        Redirect.objects.create(
            old_path="/alte-adresse", redirect_link="/", is_permanent=True
        )
    answer = fresh(server, "/alte-adresse/")
    assert answer.status == 301


def test_site_settings_created_on_first_use_change_nothing(
    server, site_tree, older, committing
):
    warm(server, older.url)
    SiteSettings.objects.all().delete()  # (its invalidation is never committed)
    with committing():
        SiteSettings.for_site(site_tree["site"])  # creates the row with defaults
    assert server.get(older.url).cache == "hit"


@pytest.mark.parametrize("kind", ["password", "login"])
def test_making_a_cached_page_private_removes_it_from_the_cache(
    server, blog, older, committing, kind
):
    from wagtail.models import PageViewRestriction

    warm(server, older.url, "/blog/", "/feed/")
    with committing():
        restriction = PageViewRestriction.objects.create(
            page=older,
            restriction_type=kind,
            password="geheim" if kind == "password" else "",
        )
    answer = fresh(server, older.url)
    assert "Ältere Gedanken" not in answer.text.split("<body", 1)[-1]
    for listing in ["/blog/", "/feed/"]:
        assert "aeltere-gedanken" not in fresh(server, listing).text, listing
    # And public again: shown again at once.
    with committing():
        restriction.delete()
    assert "Ältere Gedanken" in fresh(server, older.url).text
