""" "Beim Veröffentlichen senden": honoured when the page goes live, never on a
draft save."""

from datetime import timedelta

import pytest
import time_machine

from django.core.management import call_command
from django.utils import timezone

from newsletter.models import PostSend
from tests.factories import make_post

from .conftest import newsletter_post, recipients, subscribers

pytestmark = pytest.mark.django_db


@pytest.fixture
def audience(site_tree):
    return subscribers("anna@example.org", "ben@example.org")


def test_scheduled_post_with_send_on_publish_is_sent_when_it_goes_live(
    smtp_server, audience, blog, committed
):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        post = newsletter_post(
            blog,
            send_on_publish=True,
            subject="Frisch erschienen",
            live=False,
            go_live_at=start + timedelta(hours=2),
        )
        # Scheduling is a publish action on a revision; the page is not live yet.
        post.get_latest_revision().publish()
        post.refresh_from_db()
        assert not post.live
        call_command("publish_scheduled")
    assert not PostSend.objects.exists()
    assert smtp_server.inbox.envelopes == []

    with (
        time_machine.travel(start + timedelta(hours=2, minutes=1), tick=False),
        committed(),
    ):
        call_command("publish_scheduled")
    post.refresh_from_db()
    assert post.live
    send = PostSend.objects.get()
    assert send.trigger == "publish"
    assert send.status == PostSend.Status.DONE
    assert recipients(smtp_server.inbox) == ["anna@example.org", "ben@example.org"]
    assert {m["Subject"] for m in smtp_server.inbox.messages} == {"Frisch erschienen"}

    # Publishing an edit later sends nothing again.
    post.title = "Korrigierter Titel"
    with committed():
        post.save_revision().publish()
    assert PostSend.objects.count() == 1
    assert len(smtp_server.inbox.envelopes) == 2


def test_draft_save_with_the_flag_sends_nothing(smtp_server, audience, blog, committed):
    post = make_post(blog, title="Ohne Newsletter")
    post.newsletter_send_on_publish = True
    with committed():
        post.save_revision()  # a draft: the option lives only in the revision
    post.refresh_from_db()
    assert not post.newsletter_send_on_publish
    assert not PostSend.objects.exists()
    assert smtp_server.inbox.envelopes == []

    with committed():
        post.get_latest_revision().publish()
    assert PostSend.objects.get().trigger == "publish"
    assert len(smtp_server.inbox.envelopes) == 2


def test_publishing_without_the_flag_sends_nothing(
    smtp_server, audience, blog, committed
):
    with committed():
        newsletter_post(blog, send_on_publish=False)
        make_post(blog)
    assert not PostSend.objects.exists()
    assert smtp_server.inbox.envelopes == []


def test_publish_through_the_admin_with_the_checkbox(
    client, editor, smtp_server, audience, blog, committed
):
    from wagtail.test.utils.form_data import (
        nested_form_data,
        rich_text,
        streamfield,
    )

    client.force_login(editor)
    data = nested_form_data(
        {
            "title": "Per Admin",
            "slug": "per-admin",
            "date": "2026-11-22",
            "teaser": "Kurz.",
            "tags": "",
            "feature_image_alt": "",
            "body": streamfield([("paragraph", rich_text("<p>Text.</p>"))]),
            "newsletter_send_on_publish": "on",
            "newsletter_subject": "",
            "action-publish": "publish",
        }
    )
    with committed():
        response = client.post(f"/admin/pages/add/posts/blogpostpage/{blog.pk}/", data)
    assert response.status_code == 302, response.context["form"].errors
    send = PostSend.objects.get()
    assert send.subject == "Per Admin"
    assert recipients(smtp_server.inbox) == ["anna@example.org", "ben@example.org"]
