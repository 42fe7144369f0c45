"""The editor's side: creating, listing and revoking links in the Wagtail admin."""

import re
from datetime import timedelta

import pytest
import time_machine

from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from wagtail.admin.ui.menus.pages import get_page_header_buttons
from wagtail.models import GroupPagePermission

from previews.models import PreviewLink

URL_RE = re.compile(r'value="(http://testserver/vorschau/[A-Za-z0-9_-]{43}/)"')


def page_links_url(page):
    return reverse("previews_admin:page", args=[page.pk])


@pytest.fixture
def admin_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def author(django_user_model, blog):
    """Admin access and "add" on the blog: may edit only posts they own."""
    group = Group.objects.create(name="Autorinnen")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group, page=blog, permission=Permission.objects.get(codename="add_page")
    )
    user = django_user_model.objects.create_user("autorin", "a@example.org", "pw-12345")
    user.groups.add(group)
    return user


def test_editor_creates_a_link_and_sees_it_once(admin_client, client, draft_post):
    response = admin_client.get(page_links_url(draft_post))
    assert response.status_code == 200
    assert "Keine aktiven Vorschau-Links" in response.content.decode()

    response = admin_client.post(
        page_links_url(draft_post), {"label": "Lektorat Anna", "days": "14"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    url = URL_RE.search(html).group(1)
    assert "nur dieses eine Mal" in html
    assert "Link kopieren" in html
    link = PreviewLink.objects.get()
    assert link.label == "Lektorat Anna"
    assert link.created_by.username == "redaktion"
    assert link.expires_at - link.created_at == timedelta(days=14)

    # The list shows the link, but the URL is gone on the next visit.
    html = admin_client.get(page_links_url(draft_post)).content.decode()
    assert "Lektorat Anna" in html
    assert url not in html

    admin_client.logout()
    preview = client.get(url.removeprefix("http://testserver"))
    assert "Geheimer Entwurfstext." in preview.content.decode()


def test_default_is_seven_days_and_more_than_thirty_is_refused(
    admin_client, draft_post
):
    html = admin_client.get(page_links_url(draft_post)).content.decode()
    assert re.search(r'<option value="7" selected>', html)
    for bad in ("31", "365", "abc"):
        response = admin_client.post(page_links_url(draft_post), {"days": bad})
        assert response.status_code == 400
        assert (
            "Bitte eine der angebotenen Laufzeiten wählen." in response.content.decode()
        )
    response = admin_client.post(page_links_url(draft_post), {"days": ""})
    assert "Dieses Feld muss ausgefüllt werden." in response.content.decode()
    assert not PreviewLink.objects.exists()


def test_user_without_edit_permission_cannot_create_links(
    client, author, draft_post, blog
):
    client.force_login(author)
    # The post belongs to someone else: "add" on the blog does not allow editing it.
    assert not draft_post.permissions_for_user(author).can_edit()
    assert client.get(page_links_url(draft_post)).status_code in (302, 403)
    response = client.post(page_links_url(draft_post), {"days": "7"})
    assert response.status_code in (302, 403)
    assert not PreviewLink.objects.exists()
    buttons = get_page_header_buttons(draft_post, author, "/", "edit")
    assert "Vorschau-Link teilen" not in [str(b.label) for b in buttons]


def test_anonymous_cannot_reach_the_admin_views(client, draft_post, preview):
    response = client.post(page_links_url(draft_post), {"days": "7"})
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    client.post(reverse("previews_admin:revoke", args=[preview["link"].pk]))
    assert PreviewLink.objects.get().revoked_at is None


def test_editor_finds_the_button_in_the_page_editor(admin_client, draft_post):
    html = admin_client.get(
        reverse("wagtailadmin_pages:edit", args=[draft_post.pk])
    ).content.decode()
    assert "Vorschau-Link teilen" in html
    assert page_links_url(draft_post) in html


def test_revoking_kills_the_link(admin_client, client, preview):
    page = preview["page"]
    response = admin_client.post(
        reverse("previews_admin:revoke", args=[preview["link"].pk]),
        {"next": page_links_url(page)},
    )
    assert response.status_code == 302
    assert response["Location"] == page_links_url(page)
    assert PreviewLink.objects.get().revoked_at is not None
    html = admin_client.get(page_links_url(page)).content.decode()
    assert "Keine aktiven Vorschau-Links" in html
    admin_client.logout()
    assert client.get(preview["url"]).status_code == 404


def test_revoke_ignores_foreign_next_and_needs_post(admin_client, preview):
    url = reverse("previews_admin:revoke", args=[preview["link"].pk])
    assert admin_client.get(url).status_code == 405
    response = admin_client.post(url, {"next": "https://example.com/"})
    assert response["Location"] == page_links_url(preview["page"])


def test_author_cannot_revoke_others_links(client, author, preview):
    client.force_login(author)
    client.post(reverse("previews_admin:revoke", args=[preview["link"].pk]))
    assert PreviewLink.objects.get().revoked_at is None


def test_report_lists_active_links_only(admin_client, preview, editor, home):
    expired, _ = PreviewLink.create_for(home, editor, days=1, label="Abgelaufen")
    revoked, _ = PreviewLink.create_for(home, editor, label="Zurückgezogen")
    revoked.revoke()
    with time_machine.travel(expired.expires_at + timedelta(minutes=1), tick=False):
        response = admin_client.get(reverse("previews_admin:report"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Über das Zuhören" in html
    assert "Abgelaufen" not in html
    assert "Zurückgezogen" not in html
    dashboard = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("previews_admin:report") in dashboard


def test_report_hides_pages_the_user_cannot_edit(client, author, preview):
    client.force_login(author)
    html = client.get(reverse("previews_admin:report")).content.decode()
    assert "Über das Zuhören" not in html


def test_creating_and_revoking_show_in_the_page_history(admin_client, draft_post):
    from wagtail.models import PageLogEntry

    admin_client.post(page_links_url(draft_post), {"label": "Anna", "days": "7"})
    link = PreviewLink.objects.get()
    admin_client.post(reverse("previews_admin:revoke", args=[link.pk]))
    admin_client.post(reverse("previews_admin:revoke", args=[link.pk]))
    actions = list(
        PageLogEntry.objects.filter(page=draft_post)
        .filter(action__startswith="previews.")
        .values_list("action", flat=True)
        .order_by("timestamp", "pk")
    )
    assert actions == ["previews.create", "previews.revoke"]
    history = admin_client.get(
        reverse("wagtailadmin_pages:history", args=[draft_post.pk])
    ).content.decode()
    assert "Vorschau-Link erstellt" in history


def test_explorer_rows_offer_the_button(admin_client, blog, draft_post):
    html = admin_client.get(
        reverse("wagtailadmin_explore", args=[blog.pk])
    ).content.decode()
    assert page_links_url(draft_post) in html
