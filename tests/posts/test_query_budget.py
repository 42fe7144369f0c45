"""Listing pages fetch posts in one query with tags and images prefetched: the
number of SQL queries must not grow with the number of posts shown."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.memo import memo
from tests.factories import make_image, make_post

pytestmark = pytest.mark.django_db

# Fixed ceilings per page type (measured, with a little headroom).
# A post page also shows its author (1 query) and up to three related posts
# (1 query plus the listing's 3 prefetches).
BUDGET = {"home": 16, "index": 18, "tag": 20, "post": 24}


def count_queries(client, url):
    client.get(url)  # warm-up: renditions are generated on first view
    memo.clear()  # the first render after a change (core.memo)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def add_posts(blog, count, start):
    posts = []
    for number in range(start, start + count):
        image = (
            make_image(size=(160, 90), color=(number * 4 % 255, 90, 140))
            if number % 2 == 0
            else None
        )
        tags = (
            ["Leadership", "Marketing"]
            if number % 3
            else ["Leadership", f"Thema {number}"]
        )
        posts.append(
            make_post(blog, f"Artikel {number}", tags=tags, feature_image=image)
        )
    return posts


def measure(client, blog, post):
    return {
        "home": count_queries(client, "/"),
        "index": count_queries(client, "/blog/"),
        "tag": count_queries(client, "/blog/tag/leadership/"),
        "post": count_queries(client, post.url),
    }


def test_query_counts_do_not_grow_with_the_number_of_posts(client, blog, monkeypatch):
    # Show every post on one index page, so that 60 posts are really rendered.
    monkeypatch.setattr(type(blog), "posts_per_page", 100)
    posts = add_posts(blog, 5, 0)
    with_five = measure(client, blog, posts[2])
    posts += add_posts(blog, 55, 5)
    with_sixty = measure(client, blog, posts[30])
    print("queries per page type (5 posts, 60 posts):", with_five, with_sixty)
    assert with_five == with_sixty
    for page_type, count in with_sixty.items():
        assert count <= BUDGET[page_type], (page_type, count)
