"""A draft left by Wagtail's autosave must not leave a newcomer stuck."""

import html
import re

import pytest

from wagtail.test.utils.form_data import nested_form_data, streamfield

from posts.models import BlogPostPage
from tests.factories import make_post

pytestmark = pytest.mark.django_db


def create(client, blog, title, slug, **extra):
    data = nested_form_data(
        # The date comes pre-filled in the form, as the browser sends it.
        {"title": title, "slug": slug, "date": "2026-12-01", "body": streamfield([])}
        | {"tags": ""}
        | extra
    )
    return client.post(f"/admin/pages/add/posts/blogpostpage/{blog.pk}/", data)


def messages_of(response):
    text = html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode()))
    return " ".join(text.split())


def test_an_autosaved_draft_with_the_same_slug_is_named_with_what_to_do(
    client, editor, blog
):
    client.force_login(editor)
    # What autosave does once a title is typed: a draft with deferred fields.
    first = create(client, blog, "Zuhören lernen", "zuhoeren-lernen")
    assert first.status_code == 302
    draft = BlogPostPage.objects.get(slug="zuhoeren-lernen")
    assert not draft.live and not draft.first_published_at

    again = create(client, blog, "Zuhören lernen", "zuhoeren-lernen")
    assert again.status_code == 200
    text = messages_of(again)
    # Not only Wagtail's own message, which names no way out.
    assert "wird innerhalb der übergeordneten Seite bereits verwendet" not in text
    assert "nie veröffentlichten Entwurf mit der Adresse „zuhoeren-lernen“" in text
    assert "„Zuhören lernen“, zuletzt gespeichert am" in text
    assert "Die automatische Speicherung legt einen Entwurf an" in text
    assert "Schreiben Sie in diesem Entwurf weiter" in text
    assert "löschen Sie ihn" in text and "einen anderen Slug" in text
    assert "Diese Adresse ist schon vergeben." in text
    assert BlogPostPage.objects.filter(slug="zuhoeren-lernen").count() == 1

    # Following the advice works: a new slug creates the page.
    assert (
        create(client, blog, "Zuhören lernen", "zuhoeren-lernen-2").status_code == 302
    )


def test_a_published_page_with_the_slug_is_named_too(client, editor, blog):
    make_post(blog, "Marke zeigen", slug="marke-zeigen")
    client.force_login(editor)
    text = messages_of(create(client, blog, "Marke zeigen", "marke-zeigen"))
    assert (
        "gibt es schon die Seite „Marke zeigen“ mit der Adresse „marke-zeigen“" in text
    )
    assert "einen anderen Slug" in text


def test_a_bad_slug_keeps_its_own_message(client, editor, blog):
    client.force_login(editor)
    response = create(client, blog, "Komisch", "kein slug!")
    assert response.status_code == 200
    assert "Diese Adresse ist schon vergeben." not in messages_of(response)
