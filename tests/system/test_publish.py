"""Publishing on one app server is served by the other on its next request."""

import uuid

import pytest
import requests

pytestmark = pytest.mark.system


def test_publish_on_a_is_served_by_b(stack, admin):
    a, b = stack.servers
    marker = f"Neuer Stand {uuid.uuid4().hex[:8]}"
    pk, url = (
        stack.shell(
            "from posts.models import BlogPostPage\n"
            "post = BlogPostPage.objects.live().order_by('pk').first()\n"
            "print(post.pk, post.url)"
        )
        .strip()
        .split()
    )
    # Both servers have served the old version twice (with a shared page
    # cache, the second answer is a cache hit: the test then proves that the
    # publish made it stale).
    for server in (a, b):
        for _ in range(2):
            old = requests.get(f"{server.url}{url}", timeout=10)
            assert old.status_code == 200
            assert marker not in old.text
        if "X-Cache" in old.headers:
            assert old.headers["X-Cache"].upper().startswith("HIT")
    # A draft with the new title, then „Veröffentlichen“ in the admin on A.
    stack.shell(
        "from posts.models import BlogPostPage\n"
        f"post = BlogPostPage.objects.get(pk={pk})\n"
        f"post.title = '{marker}'\n"
        "post.save_revision()"
    )
    response = admin.post(
        f"/admin/bulk/wagtailcore/page/publish/?id={pk}&next=/admin/",
        {"include_descendants": ""},
    )
    assert response.status_code in (200, 302), response.status_code

    fresh = requests.get(f"{b.url}{url}", timeout=10)
    assert fresh.status_code == 200
    assert marker in fresh.text
    assert marker in requests.get(f"{a.url}{url}", timeout=10).text
