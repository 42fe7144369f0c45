"""Editor's side: the modeladmin list, filter, search, export, resend, dashboard."""

import io
from datetime import timedelta
from urllib.parse import quote

import pytest
from openpyxl import load_workbook

from django.core import mail
from django.utils import timezone

from subscriptions.models import Subscriber

pytestmark = pytest.mark.django_db

INDEX = "/admin/subscriptions/subscriber/"


@pytest.fixture
def subscribers():
    now = timezone.now()
    return [
        Subscriber.objects.create(email="anna@example.org", first_name="Anna"),
        Subscriber.objects.create(
            email="bernd@example.org",
            first_name="Bernd",
            status=Subscriber.Status.CONFIRMED,
            confirmed_at=now,
            signup_page="/blog/",
            consent_text="Ja, bitte.",
        ),
        Subscriber.objects.create(
            email="carla@example.org",
            status=Subscriber.Status.UNSUBSCRIBED,
            created_at=now - timedelta(days=90),
        ),
    ]


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.mark.parametrize(
    "url",
    [
        INDEX,
        f"{INDEX}?status__exact=confirmed",
        f"{INDEX}?q=anna",
        f"{INDEX}?export=csv",
        f"{INDEX}?export=xlsx",
    ],
)
def test_anonymous_users_are_kept_out(client, subscribers, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_editor_without_permission_is_forbidden(client, django_user_model, subscribers):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("gast", password="geheim-123")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(INDEX).status_code in (302, 403)
    assert b"anna@example.org" not in client.get(f"{INDEX}?export=csv").content


def test_list_shows_subscribers_with_status(editor_client, subscribers):
    response = editor_client.get(INDEX)
    assert response.status_code == 200
    body = response.content.decode()
    for address in ("anna@example.org", "bernd@example.org", "carla@example.org"):
        assert address in body
    for label in ("ausstehend", "bestätigt", "abgemeldet"):
        assert label in body
    assert "Bestätigung erneut senden" in body  # for the pending one


def test_menu_item(editor_client):
    response = editor_client.get("/admin/")
    assert response.status_code == 200
    assert "Abonnenten" in response.content.decode()


def test_filter_by_status_and_date(editor_client, subscribers):
    body = editor_client.get(f"{INDEX}?status__exact=confirmed").content.decode()
    assert "bernd@example.org" in body
    assert "anna@example.org" not in body
    # The "last 7 days" link of the date filter, with an aware timestamp.
    since = quote(
        timezone.localtime(timezone.now() - timedelta(days=7)).isoformat(sep=" ")
    )
    body = editor_client.get(f"{INDEX}?created_at__gte={since}").content.decode()
    assert "anna@example.org" in body
    assert "carla@example.org" not in body


def test_search_by_email_and_name(editor_client, subscribers):
    body = editor_client.get(f"{INDEX}?q=Bernd").content.decode()
    assert "bernd@example.org" in body
    assert "anna@example.org" not in body
    body = editor_client.get(f"{INDEX}?q=carla@").content.decode()
    assert "carla@example.org" in body
    assert "bernd@example.org" not in body


def test_csv_export(editor_client, subscribers):
    response = editor_client.get(f"{INDEX}?export=csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "abonnenten.csv" in response["Content-Disposition"]
    content = b"".join(response.streaming_content).decode()
    lines = content.strip().splitlines()
    assert len(lines) == 4
    # The list's own headings, not modeladmin's title case („Anmeldung Auf Seite“).
    assert lines[0] == (
        "E-Mail-Adresse,Vorname,Status,Angemeldet am,Bestätigt am,Abgemeldet am,"
        "Anmeldeseite,Version des Einwilligungstexts"
    )
    bernd = next(line for line in lines if line.startswith("bernd@"))
    confirmed = timezone.localtime(subscribers[1].confirmed_at).strftime(
        "%Y-%m-%d %H:%M"
    )
    assert bernd.startswith("bernd@example.org,Bernd,bestätigt,")
    assert f",{confirmed}," in bernd
    assert "/blog/" in bernd


def test_xlsx_export(editor_client, subscribers):
    response = editor_client.get(f"{INDEX}?export=xlsx&status__exact=pending")
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(workbook.active.values)
    assert len(rows) == 2
    assert rows[1][:3] == ("anna@example.org", "Anna", "ausstehend")


def test_inspect_shows_consent_proof(editor_client, subscribers):
    response = editor_client.get(f"{INDEX}inspect/{subscribers[1].pk}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Ja, bitte." in body
    assert "/blog/" in body


def test_no_adding_or_editing_by_hand(editor_client, subscribers):
    assert editor_client.get(f"{INDEX}create/").status_code in (302, 403)
    assert editor_client.get(f"{INDEX}edit/{subscribers[0].pk}/").status_code in (
        302,
        403,
    )


def test_delete_for_erasure(editor_client, subscribers):
    target = subscribers[1]
    url = f"{INDEX}delete/{target.pk}/"
    assert editor_client.get(url).status_code == 200
    response = editor_client.post(url)
    assert response.status_code == 302
    assert not Subscriber.objects.filter(pk=target.pk).exists()


def test_resend_confirmation(editor_client, subscribers):
    pending = subscribers[0]
    url = f"{INDEX}resend/{pending.pk}/"
    page = editor_client.get(url)
    assert page.status_code == 200
    assert mail.outbox == []  # a GET sends nothing
    response = editor_client.post(url)
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["anna@example.org"]
    # Confirmed and unsubscribed subscribers get no confirmation mail.
    for other in subscribers[1:]:
        editor_client.post(f"{INDEX}resend/{other.pk}/")
    assert len(mail.outbox) == 1


def test_resend_is_forbidden_for_anonymous(client, subscribers):
    response = client.post(f"{INDEX}resend/{subscribers[0].pk}/")
    assert response.status_code == 302
    assert mail.outbox == []


def test_dashboard_panel_counts(editor_client, subscribers):
    body = editor_client.get("/admin/").content.decode()
    assert "Abonnenten" in body
    assert "Anmeldungen in den letzten 30 Tagen" in body
    panel = body[body.index("abonnenten-panel-titel") :]
    panel = panel[: panel.index("</section>")]
    assert '<span class="w-summary__count">1</span> ausstehend' in panel
    assert '<span class="w-summary__count">1</span> bestätigt' in panel
    assert '<span class="w-summary__count">1</span> abgemeldet' in panel
    assert '<span class="w-summary__count">2</span> Anmeldungen' in panel


def test_admin_labels_start_with_a_capital_and_name_the_snippets_menu(
    editor_client, subscribers
):
    from posts.models import BlogPostPage
    from subscriptions.models import Subscriber

    for field in Subscriber._meta.get_fields():
        label = str(getattr(field, "verbose_name", "") or "")
        if label:
            assert label[0].isupper(), (field.name, label)
    # Wagtail's German admin calls the snippets menu „Schnipsel“.
    help_text = str(BlogPostPage._meta.get_field("author").help_text)
    assert "„Schnipsel“" in help_text and "Snippets" not in help_text
    assert '"label": "Schnipsel"' in editor_client.get("/admin/").content.decode()
