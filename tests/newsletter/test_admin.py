"""The editor's side: panel, menu entry, test email, permissions, resend."""

import pytest

from django.contrib.auth.models import Group, Permission

from wagtail.models import GroupPagePermission

from newsletter.models import Delivery, PostSend
from subscriptions.models import Subscriber, SubscriberToken
from tests.factories import make_post

from .conftest import FlakyInbox, newsletter_post, recipients, subscribers

pytestmark = pytest.mark.django_db


@pytest.fixture
def post(blog):
    return newsletter_post(blog, title="Ein Artikel", subject="Neu: Ein Artikel")


def test_edit_view_has_the_panel_and_the_header_menu_links_to_the_send_view(
    client, editor, post
):
    client.force_login(editor)
    response = client.get(f"/admin/pages/{post.pk}/edit/")
    assert response.status_code == 200
    assert "An Abonnenten senden" in response.text
    assert "beim veröffentlichen senden" in response.text.lower()
    assert "Noch nicht an die Abonnenten gesendet." in response.text
    # Linked from the panel and from the header's "more" menu.
    assert response.text.count(f'href="/admin/newsletter/{post.pk}/"') == 2
    # Other page types have no such entry.
    home = client.get(f"/admin/pages/{post.get_parent().pk}/edit/")
    assert "/admin/newsletter/" not in home.text


def test_test_email_goes_to_the_editor_only(client, editor, smtp_server, post):
    subscribers("anna@example.org")
    client.force_login(editor)
    # GET does nothing.
    assert client.get(f"/admin/newsletter/{post.pk}/test/").status_code == 405
    response = client.post(f"/admin/newsletter/{post.pk}/test/", follow=True)
    assert "Die Test-E-Mail ist an redaktion@example.org unterwegs." in response.text
    assert recipients(smtp_server.inbox) == ["redaktion@example.org"]
    message = smtp_server.inbox.messages[0]
    assert message["Subject"] == "[Test] Neu: Ein Artikel"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "Ein Artikel" in message.get_body(("html",)).get_content()
    assert not PostSend.objects.exists()
    assert not SubscriberToken.objects.exists()


def test_test_email_reports_an_smtp_failure(client, editor, smtp, post):
    client.force_login(editor)
    response = client.post(f"/admin/newsletter/{post.pk}/test/", follow=True)
    assert response.status_code == 200
    assert "konnte nicht gesendet werden" in response.text


def test_unpublished_posts_cannot_be_sent(client, editor, smtp_server, blog):
    draft = make_post(blog, live=False)
    subscribers("anna@example.org")
    client.force_login(editor)
    response = client.post(f"/admin/newsletter/{draft.pk}/senden/", follow=True)
    assert "Nur veröffentlichte Artikel" in response.text
    assert not PostSend.objects.exists()


def test_views_need_publish_permission(client, django_user_model, post):
    user = django_user_model.objects.create_user(
        "gast", "gast@example.org", "pw-123456"
    )
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    # Wagtail's admin answers PermissionDenied with a redirect to the dashboard.
    for path in ("", "senden/", "erneut-senden/"):
        assert client.get(f"/admin/newsletter/{post.pk}/{path}").url == "/admin/"
    assert client.post(f"/admin/newsletter/{post.pk}/senden/").url == "/admin/"
    assert not PostSend.objects.exists()
    assert client.get("/admin/newsletter/999999/").status_code == 404


def test_resend_needs_an_admin_and_a_typed_confirmation(
    client, editor, django_user_model, smtp, post, committed
):
    subscribers("anna@example.org", "ben@example.org", "voll@example.org")
    smtp.inbox = FlakyInbox(permanent=["voll@example.org"])
    smtp.start()
    client.force_login(editor)
    with committed():
        client.post(f"/admin/newsletter/{post.pk}/senden/")
    assert recipients(smtp.inbox) == ["anna@example.org", "ben@example.org"]
    # Another post's deliveries do not count as having received this one.
    elsewhere = PostSend.objects.create(page=make_post(post.get_parent()), subject="x")
    Delivery.objects.create(
        send=elsewhere,
        subscriber=Subscriber.objects.get(email="voll@example.org"),
        status=Delivery.Status.SENT,
    )
    smtp.inbox.permanent.clear()  # the mailbox has room again

    # An editor who may publish, but is no admin, cannot resend.
    moderator = django_user_model.objects.create_user(
        "mod", "mod@example.org", "pw-123456"
    )
    group = Group.objects.create(name="Redaktion")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=post.get_parent(),
            permission=Permission.objects.get(
                codename=codename, content_type__app_label="wagtailcore"
            ),
        )
    moderator.groups.add(group)
    other = client.__class__()
    other.force_login(moderator)
    assert other.get(f"/admin/newsletter/{post.pk}/").status_code == 200
    with committed():
        response = other.post(
            f"/admin/newsletter/{post.pk}/erneut-senden/", {"confirm": "erneut senden"}
        )
    assert response.url == "/admin/"
    assert PostSend.objects.filter(page=post).count() == 1

    # The admin must type the confirmation.
    url = f"/admin/newsletter/{post.pk}/erneut-senden/"
    assert "erneut senden" in client.get(url).text
    with committed():
        client.post(url, {"only_missing": "1"})
    assert PostSend.objects.filter(page=post).count() == 1

    # Only missing: the failed address and a new subscriber, the others not again.
    subscribers("neu@example.org")
    with committed():
        client.post(url, {"only_missing": "1", "confirm": "erneut senden"})
    resend = PostSend.objects.get(page=post, generation=2)
    assert resend.resend_of.generation == 1
    assert resend.created_by == editor
    assert recipients(smtp.inbox) == [
        "anna@example.org",
        "ben@example.org",
        "neu@example.org",
        "voll@example.org",
    ]
    assert Delivery.objects.filter(send=resend).count() == 2

    # Everyone: a third generation goes to all confirmed subscribers.
    with committed():
        client.post(url, {"confirm": "erneut senden"})
    assert PostSend.objects.get(page=post, generation=3).total == 4
    assert len(smtp.inbox.envelopes) == 8
