"""The demo inbox: what the demo sends lands in the admin, links and all."""

import html
import re

import pytest

from inbox.models import InboxMessage
from tests.subscriptions.conftest import sign_up

pytestmark = pytest.mark.django_db
BACKEND = "inbox.backend.InboxBackend"


@pytest.fixture
def subscribe_page(home):
    from subscriptions.models import SubscribePage

    page = SubscribePage(title="Abonnieren", slug="abonnieren")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def inbox(settings):
    settings.EMAIL_BACKEND = BACKEND


def test_the_demo_settings_deliver_to_the_inbox():
    import importlib

    dev = importlib.import_module("settings.dev")
    assert dev.EMAIL_BACKEND == BACKEND
    assert dev.TASKS["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"


def test_a_sign_up_can_be_confirmed_from_the_demo_inbox(
    inbox, subscribe_page, client, editor
):
    sign_up(client, email="leserin@example.org")
    message = InboxMessage.objects.get()
    assert message.to == "leserin@example.org"
    assert "bestätigen" in message.subject
    assert message.headers["List-Unsubscribe"].startswith("<http://testserver/abo/")

    client.force_login(editor)
    listing = client.get("/admin/demo-postfach/").content.decode()
    assert html.escape(message.subject) in listing
    assert f'href="/admin/demo-postfach/{message.pk}/"' in listing

    detail = client.get(f"/admin/demo-postfach/{message.pk}/").content.decode()
    # The HTML part is shown in a sandboxed frame whose links open a new tab.
    srcdoc = html.unescape(re.search(r'srcdoc="([^"]*)"', detail).group(1))
    assert '<base target="_blank">' in srcdoc
    confirm = re.search(r'href="http://testserver(/abo/bestaetigen/[^"]+)"', srcdoc)
    assert confirm, srcdoc
    # The text part's links are clickable too.
    assert f'<a href="http://testserver{confirm.group(1)}"' in detail

    client.logout()
    page = client.get(confirm.group(1))
    assert page.status_code == 200
    assert "Anmeldung bestätigen" in page.content.decode()


def test_the_inbox_is_for_administrators_and_can_be_emptied(
    inbox, subscribe_page, client, editor, django_user_model
):
    sign_up(client)
    assert InboxMessage.objects.count() == 1
    from django.contrib.auth.models import Group, Permission

    moderator = django_user_model.objects.create_user("m", "m@example.org", "pw-123")
    moderator.groups.add(Group.objects.get(name="Editors"))
    assert Permission.objects.filter(codename="access_admin").exists()
    client.force_login(moderator)
    # Wagtail answers PermissionDenied with a redirect to the dashboard.
    denied = client.get("/admin/demo-postfach/")
    assert denied.status_code == 302 and denied.url == "/admin/"
    message = InboxMessage.objects.get()
    denied = client.get(f"/admin/demo-postfach/{message.pk}/")
    assert denied.status_code == 302 and denied.url == "/admin/"
    assert "demo-postfach" not in client.get("/admin/").content.decode()

    client.force_login(editor)
    assert "/admin/demo-postfach/" in client.get("/admin/").content.decode()
    response = client.post("/admin/demo-postfach/leeren/")
    assert response.status_code == 302
    assert not InboxMessage.objects.exists()


def test_the_menu_item_hides_when_mail_goes_elsewhere(client, editor, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    client.force_login(editor)
    assert "/admin/demo-postfach/" not in client.get("/admin/").content.decode()
