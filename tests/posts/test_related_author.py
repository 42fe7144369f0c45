from datetime import date

from bs4 import BeautifulSoup

from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.memo import memo
from tests.factories import make_image, make_post
from tests.posts.helpers import make_author


def related_titles(client, post):
    soup = BeautifulSoup(client.get(post.url).content, "html.parser")
    section = soup.find("aside", class_="related")
    if section is None:
        return []
    return [a.get_text(strip=True) for a in section.select(".post-card__title a")]


def test_related_posts_share_a_tag_newest_first_without_the_post_itself(client, blog):
    post = make_post(
        blog, "Der Artikel", tags=["Leadership", "Purpose"], post_date=date(2026, 2, 1)
    )
    make_post(
        blog,
        "Ohne gemeinsames Schlagwort",
        tags=["Branding"],
        post_date=date(2026, 2, 9),
    )
    make_post(
        blog, "Entwurf", tags=["Leadership"], live=False, post_date=date(2026, 2, 8)
    )
    shared = [
        make_post(blog, f"Verwandt {n}", tags=[tag], post_date=date(2026, 1, 1 + n))
        for n, tag in enumerate(["Leadership", "Purpose", "Leadership", "Purpose"])
    ]
    assert related_titles(client, post) == ["Verwandt 3", "Verwandt 2", "Verwandt 1"]
    related = post.related_posts()
    assert post not in related
    own_tags = {tag.pk for tag in post.tag_list()}
    for other in related:
        assert own_tags & {tag.pk for tag in other.tag_list()}
    assert shared[0] not in related


def test_post_without_tags_has_no_related_posts(client, blog):
    post = make_post(blog, "Ohne Schlagwörter")
    make_post(blog, "Anderer", tags=["Leadership"])
    assert post.related_posts() == []
    assert related_titles(client, post) == []


def page_queries(client, url):
    client.get(url)
    memo.clear()  # the first render after a change, as after a publish
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return len(queries)


def test_related_posts_render_with_constant_queries(client, blog):
    post = make_post(blog, "Der Artikel", tags=["Leadership"])
    make_post(blog, "Einer", tags=["Leadership"], feature_image=make_image())
    with_one = page_queries(client, post.url)
    for n in range(2):
        make_post(
            blog, f"Noch einer {n}", tags=["Leadership"], feature_image=make_image()
        )
    assert page_queries(client, post.url) == with_one


def test_author_is_shown_under_the_post(client, blog):
    author = make_author(bio="Schreibt über Marken.")
    author.portrait = make_image(size=(300, 300))
    author.save()
    post = make_post(blog, "Mit Autor", author=author)
    soup = BeautifulSoup(client.get(post.url).content, "html.parser")
    box = soup.find(class_="author-box")
    assert (
        "Mesut Karaca" in box.get_text() and "Schreibt über Marken." in box.get_text()
    )
    assert box.find("img")["src"].endswith(".jpg")


def test_post_without_author_renders(client, blog):
    post = make_post(blog, "Ohne Autor")
    response = client.get(post.url)
    assert response.status_code == 200
    assert b"author-box" not in response.content


def test_author_snippet_is_in_the_admin(client, editor):
    client.force_login(editor)
    assert client.get("/admin/snippets/posts/author/").status_code == 200
    assert client.get("/admin/snippets/posts/author/add/").status_code == 200


def test_editor_chooses_the_author_on_the_post(client, blog, editor):
    author = make_author()
    post = make_post(blog, "Mit Autor", author=author)
    client.force_login(editor)
    html = client.get(f"/admin/pages/{post.pk}/edit/").content.decode()
    assert 'name="author"' in html
    assert "snippet-chooser" in html or "/admin/snippets/choose/posts/author/" in html
