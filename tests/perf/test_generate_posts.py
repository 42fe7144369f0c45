"""manage.py generate_posts: N published sample posts, idempotent, growing."""

from io import StringIO

import pytest

from django.core.management import CommandError, call_command
from django.db.models import Count

from wagtail.images import get_image_model
from wagtail.models import Page

from posts.models import BlogPostPage, BlogTag, TaggedPost
from posts.sample_posts import TAGS

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "pages": Page.objects.count(),
        "posts": BlogPostPage.objects.live().count(),
        "tagged": TaggedPost.objects.count(),
        "images": get_image_model().objects.count(),
        "tags": BlogTag.objects.count(),
    }


def test_a_rerun_changes_nothing_and_a_larger_count_adds(client, blog):
    call_command("generate_posts", 12, images=2, stdout=StringIO())
    first = snapshot()
    assert first["posts"] == 12
    assert first["images"] == 2
    assert set(BlogTag.objects.values_list("name", flat=True)) == set(TAGS)
    assert len(TAGS) == 50

    out = StringIO()
    call_command("generate_posts", 12, images=2, stdout=out)
    assert snapshot() == first
    assert "0 Beispielartikel neu angelegt" in out.getvalue()

    call_command("generate_posts", 15, images=2, stdout=StringIO())
    grown = snapshot()
    assert grown["posts"] == 15
    assert grown["pages"] == first["pages"] + 3
    assert grown["images"] == 2


def test_generated_posts_are_real_pages(client, blog):
    call_command("generate_posts", 20, images=2, stdout=StringIO())
    blog.refresh_from_db()
    assert blog.numchild == 20
    # The tree is valid: Wagtail's own structure check finds no problem.
    assert not any(Page.find_problems())
    post = BlogPostPage.objects.live().order_by("-date").first()
    assert post.get_parent().specific == blog
    assert post.word_count > 200  # a realistic body, not a placeholder
    assert len(post.tag_list()) >= 2
    response = client.get(post.url)
    assert response.status_code == 200
    assert post.title in response.content.decode()
    # The tag counts follow the posts.
    counts = dict(
        TaggedPost.objects.values("tag__name")
        .annotate(n=Count("pk"))
        .values_list("tag__name", "n")
    )
    for tag in BlogTag.objects.all():
        assert tag.post_count == counts.get(tag.name, 0), tag.name
    assert client.get("/blog/?page=2").status_code == 200


def test_editors_can_edit_a_generated_post(client, blog, editor):
    # A generated post has no revision yet: the editor starts from the live page.
    call_command("generate_posts", 3, images=1, stdout=StringIO())
    post = BlogPostPage.objects.live().first()
    client.force_login(editor)
    response = client.get(f"/admin/pages/{post.pk}/edit/")
    assert response.status_code == 200


def test_without_a_blog_the_command_explains_in_german(db):
    with pytest.raises(CommandError, match="Blog-Übersicht"):
        call_command("generate_posts", 5, stdout=StringIO())
