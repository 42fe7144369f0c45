"""Publishing on one app server is seen at once on the other."""

import uuid

import pytest
import requests

pytestmark = pytest.mark.system


def test_publish_on_a_is_served_by_b(stack):
    a, b = stack.servers
    marker = f"Neuer Stand {uuid.uuid4().hex[:8]}"
    slug = stack.shell(
        "from posts.models import BlogPostPage\n"
        "post = BlogPostPage.objects.live().order_by('pk').first()\n"
        "print(post.slug)"
    ).strip()
    url = stack.shell(
        f"from posts.models import BlogPostPage\n"
        f"print(BlogPostPage.objects.get(slug='{slug}').url)"
    ).strip()
    # Both servers have served (and, with a page cache, cached) the old version.
    for server in (a, b):
        first = requests.get(f"{server.url}{url}", timeout=10)
        assert first.status_code == 200
        assert marker not in first.text
        requests.get(f"{server.url}{url}", timeout=10)
    # Publish a new revision through server A's process world: a shell on the
    # same database and cache, as the admin on A does.
    stack.shell(
        "from posts.models import BlogPostPage\n"
        f"post = BlogPostPage.objects.get(slug='{slug}')\n"
        f"post.title = '{marker}'\n"
        "post.save_revision().publish()"
    )
    response = requests.get(f"{b.url}{url}", timeout=10)
    assert response.status_code == 200
    assert marker in response.text
    # With the shared page cache in place, B's first answer after the publish
    # must not be a stale hit.
    if "X-Cache" in response.headers:
        assert response.headers["X-Cache"].upper() != "HIT" or marker in response.text
