"""SQL queries per public page: at most 12 for home, index, tag and post
pages, and the same with 10 and with 1,000 posts (made by generate_posts)."""

import pytest

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.memo import memo
from core.models import SiteSettings
from posts.models import BlogPostPage, BlogTag
from subscriptions.models import SubscribePage
from tests.factories import make_standard_page

pytestmark = pytest.mark.django_db

BUDGET = 12


def queries(client, url):
    response = client.get(url)  # warm-up: renditions, Wagtail's site root paths
    assert response.status_code == 200, url
    memo.clear()  # the budget holds for the first render after a change
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def probe_post():
    """A post with a feature image, an image block in its body and tags: the
    most a post page shows."""
    for post in BlogPostPage.objects.live().order_by("date"):
        if post.feature_image_id and any(
            block["type"] == "image" for block in post.body.raw_data
        ):
            return post
    raise AssertionError("generate_posts made no post with both kinds of image")


def measure(client, post, tag, deep_page):
    counts = {
        "home": queries(client, "/"),
        "index": queries(client, "/blog/"),
        "index_deep": queries(client, f"/blog/?page={deep_page}"),
        "tag": queries(client, f"/blog/tag/{tag.slug}/"),
        "post": queries(client, post.url),
        "feed": queries(client, "/feed/"),
    }
    print("queries", deep_page, counts)
    return counts


def complete_site(home):
    """What a real site has around the blog: the subscribe page, the footer's
    legal pages."""
    home.add_child(instance=SubscribePage(title="Abonnieren", slug="abonnieren"))
    settings = SiteSettings.for_site(home.get_site())
    settings.impressum_page = make_standard_page(home, "Impressum", "impressum")
    settings.privacy_page = make_standard_page(home, "Datenschutz", "datenschutz")
    settings.save()


def test_query_counts_are_flat_from_10_to_1000_posts(client, home, blog):
    complete_site(home)
    call_command("generate_posts", 10, images=2, verbosity=0)
    post = probe_post()
    tag = post.tag_list()[0]
    few = measure(client, post, tag, deep_page=1)

    call_command("generate_posts", 1000, images=2, verbosity=0)
    assert BlogPostPage.objects.live().count() == 1000
    # The tag has more posts now; the probe post has more related posts.
    assert BlogTag.objects.get(pk=tag.pk).post_count > tag.post_count
    many = measure(client, post, tag, deep_page=40)

    assert many == few
    for page_type in ("home", "index", "index_deep", "tag", "post"):
        assert many[page_type] <= BUDGET, (page_type, many[page_type])
