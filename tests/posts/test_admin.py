import pytest

from tests.factories import make_post

pytestmark = pytest.mark.django_db


def test_tag_field_autocompletes_from_the_blog_tags(client, editor, blog):
    make_post(blog, tags=["Leadership", "Führung & Kultur"])
    client.force_login(editor)
    response = client.get(f"/admin/pages/add/posts/blogpostpage/{blog.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/admin/tag-autocomplete/posts/blogtag/" in html
    suggestions = client.get(
        "/admin/tag-autocomplete/posts/blogtag/", {"term": "fü"}
    ).json()
    assert [
        item["label"] if isinstance(item, dict) else item for item in suggestions
    ] == ["Führung & Kultur"]


def test_admin_is_german(client, editor):
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert 'lang="de"' in html
    assert "Seiten" in html


def test_anonymous_users_are_sent_to_the_login(client, blog):
    response = client.get(f"/admin/pages/{blog.pk}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
