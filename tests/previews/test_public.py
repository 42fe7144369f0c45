"""The reviewer's side: what an anonymous visitor gets for a preview URL."""

from datetime import timedelta

import pytest
import time_machine

from django.utils import timezone

from home.models import StandardPage
from previews import PREVIEW_PATH_PREFIX
from previews.models import PreviewLink, hash_token
from tests.factories import make_post

from .conftest import body, save_draft

INVALID = "nicht mehr gültig"


def assert_private_headers(response):
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert response["Cache-Control"] == "private, no-store"
    assert response["Referrer-Policy"] == "no-referrer"


def assert_invalid(response):
    assert response.status_code == 404
    html = response.content.decode()
    assert INVALID in html
    # No hint about the page behind the link.
    assert "Zuhören" not in html
    assert "Entwurfstext" not in html
    assert "Entwurfsvorschau" not in html
    assert_private_headers(response)


def test_anonymous_sees_the_draft_not_the_live_text(client, preview):
    response = client.get(preview["url"])
    assert response.status_code == 200
    html = response.content.decode()
    assert "Geheimer Entwurfstext." in html
    assert "Öffentlicher Text." not in html
    assert "Entwurfsvorschau" in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    # The live page is unchanged and has no banner.
    live = client.get(preview["page"].url).content.decode()
    assert "Öffentlicher Text." in live
    assert "Entwurfsvorschau" not in live


def test_a_newer_draft_shows_after_saving_again(client, preview):
    save_draft(preview["page"], "Zweite Fassung des Entwurfs.")
    html = client.get(preview["url"]).content.decode()
    assert "Zweite Fassung des Entwurfs." in html
    assert "Geheimer Entwurfstext." not in html


def test_headers_keep_the_preview_private_and_cookie_free(client, preview):
    response = client.get(preview["url"])
    assert_private_headers(response)
    assert not response.cookies


@pytest.mark.parametrize(
    "when", ["expired", "revoked", "tampered", "unknown", "deleted"]
)
def test_invalid_links_all_get_the_same_page(client, preview, when):
    url = preview["url"]
    if when == "revoked":
        preview["link"].revoke()
    elif when == "tampered":
        token = preview["token"]
        url = f"/vorschau/{token[:-1]}{'A' if token[-1] != 'A' else 'B'}/"
    elif when == "unknown":
        url = "/vorschau/gibt-es-nicht/"
    elif when == "deleted":
        preview["page"].delete()
    if when == "expired":
        with time_machine.travel(
            preview["link"].expires_at + timedelta(seconds=1), tick=False
        ):
            response = client.get(url)
    else:
        response = client.get(url)
    assert_invalid(response)


def test_link_works_until_just_before_expiry(client, preview):
    with time_machine.travel(
        preview["link"].expires_at - timedelta(seconds=1), tick=False
    ):
        assert client.get(preview["url"]).status_code == 200
    with time_machine.travel(preview["link"].expires_at, tick=False):
        assert client.get(preview["url"]).status_code == 404


def test_odd_tokens_never_crash(client, preview):
    for token in ["x" * 500, "%C3%BC", "..", "a b", "' OR 1=1 --"]:
        assert_invalid(client.get(f"/vorschau/{token}/"))
    for path in ["/vorschau/", "/vorschau/a/b/", f"{preview['url']}extra/"]:
        assert_invalid(client.get(path))
    response = client.post(preview["url"])
    assert response.status_code == 405


def test_published_page_without_newer_draft_redirects_to_live(client, preview):
    page = preview["page"]
    page.get_latest_revision().publish()
    response = client.get(preview["url"])
    assert response.status_code == 302
    assert response["Location"] == page.url
    assert_private_headers(response)
    # A new draft after publishing makes the link a preview again.
    save_draft(page, "Nachtrag im Entwurf.")
    assert "Nachtrag im Entwurf." in client.get(preview["url"]).content.decode()


def test_never_published_page(client, blog, editor):
    post = make_post(
        blog, "Noch ganz geheim", body=body("Nie veröffentlicht."), live=False
    )
    assert client.get(post.url).status_code == 404
    _, token = PreviewLink.create_for(post, editor)
    response = client.get(f"/vorschau/{token}/")
    assert response.status_code == 200
    assert "Nie veröffentlicht." in response.content.decode()


def test_every_page_type_renders(client, home, blog, editor):
    standard = StandardPage(
        title="Impressum", slug="impressum", body=body("Alte Adresse.")
    )
    home.add_child(instance=standard)
    standard.save_revision().publish()
    standard.body = body("Neue Adresse.")
    standard.save_revision()

    home_draft = home.get_latest_revision_as_object()
    home_draft.tagline = "Neuer Untertitel im Entwurf"
    home_draft.save_revision()
    blog_draft = blog.get_latest_revision_as_object()
    blog_draft.intro = "Neue Einleitung im Entwurf"
    blog_draft.save_revision()

    for page, expected in [
        (standard, "Neue Adresse."),
        (home, "Neuer Untertitel im Entwurf"),
        (blog, "Neue Einleitung im Entwurf"),
    ]:
        _, token = PreviewLink.create_for(page, editor)
        response = client.get(f"/vorschau/{token}/")
        assert response.status_code == 200, page
        html = response.content.decode()
        assert expected in html, page
        assert "Entwurfsvorschau" in html


def test_only_the_hash_is_stored_and_lookup_is_one_query(
    preview, django_assert_num_queries
):
    token = preview["token"]
    link = PreviewLink.objects.get(pk=preview["link"].pk)
    assert link.token_hash == hash_token(token) != token
    assert len(token) >= 43
    assert not PreviewLink.objects.filter(token_hash=token).exists()
    with django_assert_num_queries(1):
        assert PreviewLink.find_active(token).pk == link.pk


def test_views_are_counted(client, preview):
    client.get(preview["url"])
    client.get(preview["url"])
    link = PreviewLink.objects.get(pk=preview["link"].pk)
    assert link.view_count == 2
    assert link.last_viewed_at is not None
    assert abs(link.last_viewed_at - timezone.now()) < timedelta(minutes=1)


def test_expiry_is_bounded(draft_post, editor):
    for days in (0, 31):
        with pytest.raises(ValueError):
            PreviewLink.create_for(draft_post, editor, days=days)
    link, _ = PreviewLink.create_for(draft_post, editor)
    assert link.expires_at - link.created_at == timedelta(days=7)


def test_path_prefix_constant_matches_the_url(preview):
    assert preview["url"].startswith(PREVIEW_PATH_PREFIX)
