import io
import zipfile

import pytest

from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from wagtail.images import get_image_model

from imports import forms as import_forms

from .conftest import FIXTURES, block_types, posts, snapshot

UPLOAD = "/admin/importieren/"
CONFIRM = "/admin/importieren/bestaetigen/"


@pytest.fixture(autouse=True)
def _upload_dir(settings, tmp_path):
    settings.IMPORTS_UPLOAD_DIR = str(tmp_path / "uploads")
    return tmp_path / "uploads"


@pytest.fixture
def admin_client(client, editor, blog):
    client.force_login(editor)
    return client


def upload(client, name, content, **data):
    data.setdefault("format", "auto")
    return client.post(
        UPLOAD, {"file": SimpleUploadedFile(name, content), **data}, follow=True
    )


def fixture_bytes(path):
    return (FIXTURES / path).read_bytes()


def zip_of(files):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as bundle:
        for name, content in files.items():
            bundle.writestr(name, content)
    return buffer.getvalue()


def test_upload_form_is_german_and_protected(admin_client):
    response = admin_client.get(UPLOAD)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Beiträge importieren" in html and "Vorschau anzeigen" in html
    assert "csrfmiddlewaretoken" in html
    assert reverse("imports:upload") == UPLOAD
    assert (
        '"url": "/admin/importieren/"' in admin_client.get("/admin/").content.decode()
    )


def test_preview_changes_nothing_then_confirm_imports(admin_client, blog, _upload_dir):
    before = snapshot()
    response = upload(
        admin_client,
        "ghost-export.json",
        fixture_bytes("ghost/ghost-export.json"),
        publish="on",
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Vorschau für „ghost-export.json“" in html
    assert "Führung auf Distanz" in html and "11.05.2022" in html
    assert "Führung, Remote" in html
    assert "3 × Text, 1 × Überschrift, 1 × Zitat, 1 × Video" in html and "Neu" in html
    # Only the JSON was uploaded, not Ghost's content folder: images are reported.
    assert "Bild nicht gefunden: /content/images/2022/05/see.jpg" in html
    assert "Ghost-Seite, kein Beitrag." in html
    assert "ghost-export.json, posts[8]: Beitrag ohne Titel." in html
    assert snapshot() == before

    response = admin_client.post(CONFIRM, follow=True)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Angelegt: 6, aktualisiert: 0" in html
    pages = posts(blog)
    assert pages["fuehrung-auf-distanz"].live
    assert block_types(pages["lexical-beitrag"])[:2] == ["paragraph", "heading"]
    assert list(_upload_dir.iterdir()) == []  # the upload is gone

    again = upload(
        admin_client, "ghost-export.json", fixture_bytes("ghost/ghost-export.json")
    )
    assert "Unverändert seit dem letzten Import." in again.content.decode()


def test_zip_with_folder_and_images(admin_client, blog):
    archive = zip_of(
        {
            "blog/2021-03-04-zuhoeren.md": fixture_bytes(
                "markdown/2021-03-04-zuhoeren.md"
            ),
            "blog/bilder/strand.jpg": fixture_bytes("markdown/bilder/strand.jpg"),
            "blog/notizen/2020-05-01-fruehling.txt": fixture_bytes(
                "text/2020-05-01-fruehling.txt"
            ),
        }
    )
    preview = upload(admin_client, "altes-blog.zip", archive)
    assert "Zuhören – die unterschätzte Führungsaufgabe" in preview.content.decode()
    admin_client.post(CONFIRM)
    pages = posts(blog)
    assert set(pages) == {"zuhoeren-fuehren", "fruehling-im-buero-ein-zwischenruf"}
    assert not pages["zuhoeren-fuehren"].live  # no "publish" ticked: drafts
    assert get_image_model().objects.count() == 1  # wald.jpg was not in the ZIP


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bild.png", b"\x89PNG", "Dieser Dateityp wird nicht unterstützt"),
        ("boese.zip", zip_of({"../../etc/x.md": "# x\n\nText"}), "unzulässige Pfade"),
        ("kaputt.zip", b"PK\x03\x04 kein zip", "Das ZIP-Archiv ist beschädigt"),
    ],
)
def test_bad_uploads_get_german_errors(admin_client, blog, name, content, message):
    response = upload(admin_client, name, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert posts(blog) == {}


def test_upload_size_limit(admin_client, monkeypatch):
    monkeypatch.setattr(import_forms, "MAX_UPLOAD_BYTES", 10)
    response = upload(admin_client, "gross.md", b"# Titel\n\n" + b"x" * 100)
    assert "erlaubt sind höchstens 10" in response.content.decode()


def test_broken_file_is_reported_not_crashed(admin_client, blog):
    response = upload(admin_client, "export.xml", fixture_bytes("wxr/kaputt.xml"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "export.xml, Zeile 6, Spalte 4: Ungültiges XML: mismatched tag" in html
    assert "disabled" in html  # nothing to confirm


def test_cancel_and_stale_confirm(admin_client, blog, _upload_dir):
    upload(admin_client, "text.txt", fixture_bytes("text/ohne-datum.txt"))
    response = admin_client.post(CONFIRM, {"cancel": "1"})
    assert response.status_code == 302 and posts(blog) == {}
    assert list(_upload_dir.iterdir()) == []
    response = admin_client.post(CONFIRM, follow=True)
    assert "nicht mehr da. Bitte erneut hochladen." in response.content.decode()
    assert admin_client.get(CONFIRM).status_code == 405


def test_only_users_who_may_add_posts(client, blog, django_user_model):
    user = django_user_model.objects.create_user("leserin", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    # Wagtail answers a PermissionDenied in the admin with a redirect and a message.
    assert client.get(UPLOAD).status_code == 302
    assert client.post(CONFIRM).status_code == 302
    assert '"url": "/admin/importieren/"' not in client.get("/admin/").content.decode()

    user.groups.add(Group.objects.get(name="Editors"))  # may add pages anywhere
    assert client.get(UPLOAD).status_code == 200


def test_csrf_is_enforced(editor, blog):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    response = upload(client, "a.md", b"# A\n\nText")
    assert response.status_code == 403


def test_empty_post_shows_form_errors(admin_client):
    response = admin_client.post(UPLOAD, {})
    assert response.status_code == 200
    assert "Dieses Feld muss ausgefüllt werden." in response.content.decode()


def test_preview_shows_what_to_check_and_the_new_block_types(admin_client):
    html = upload(
        admin_client,
        "ueberschriften.txt",
        fixture_bytes("struktur/ueberschriften.txt"),
    ).content.decode()
    assert "Zu prüfen:" in html
    assert (
        "Erste Zeile als Titel übernommen: „Warum ich wieder Briefe schreibe“." in html
    )
    assert "Zwischenüberschriften erkannt: 2" in html
    html = upload(
        admin_client,
        "tabelle-und-code.md",
        fixture_bytes("struktur/tabelle-und-code.md"),
    ).content.decode()
    assert "1 × Tabelle, 3 × Code" in html


def test_preview_and_import_run_as_tasks_with_progress(
    admin_client, blog, settings, _upload_dir
):
    from imports.models import ImportRun
    from imports.tasks import run_import_task

    # A queue that only records: every request returns before the work runs.
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks.backends.dummy.DummyBackend",
            "QUEUES": settings.TASK_QUEUES,
        }
    }
    assert run_import_task.queue_name == "imports"
    response = admin_client.post(
        UPLOAD,
        {
            "file": SimpleUploadedFile(
                "ghost-export.json", fixture_bytes("ghost/ghost-export.json")
            ),
            "format": "auto",
        },
    )
    preview_run = ImportRun.objects.get()
    assert preview_run.dry_run
    assert response["Location"] == f"/admin/importieren/lauf/{preview_run.pk}/"
    waiting = admin_client.get(response["Location"]).content.decode()
    assert "Der Import wartet auf den Hintergrundprozess." in waiting
    assert 'http-equiv="refresh"' in waiting

    run_import_task.call(preview_run.pk)
    preview = admin_client.get(response["Location"]).content.decode()
    assert "Vorschau für „ghost-export.json“" in preview
    assert "Führung auf Distanz" in preview and "11.05.2022" in preview
    assert posts(blog) == {}

    response = admin_client.post(CONFIRM)
    run = ImportRun.objects.exclude(pk=preview_run.pk).get()
    assert response["Location"] == f"/admin/importieren/lauf/{run.pk}/"
    assert posts(blog) == {}
    run_import_task.call(run.pk)
    run.refresh_from_db()
    assert run.status == ImportRun.Status.DONE and run.total > 0
    assert run.done == run.total
    done = admin_client.get(response["Location"]).content.decode()
    assert "Angelegt: 6, aktualisiert: 0" in done
    assert 'http-equiv="refresh"' not in done
    assert len(posts(blog)) == 6
    assert list(_upload_dir.iterdir()) == []
    # Running it again (a worker died after finishing) changes nothing.
    assert run_import_task.call(run.pk) == "nothing to do"
