"""Slugs follow German rules in the admin and on the server (core/slugs.py)."""

import json

import pytest
from bs4 import BeautifulSoup

from wagtail.test.utils.form_data import nested_form_data, streamfield

from core.pages import GermanSlugMixin
from home.models import StandardPage

pytestmark = pytest.mark.django_db


def create_standard_page(client, home, **fields):
    data = nested_form_data(
        {"title": "Über Größe", "slug": "", "intro": "", "body": streamfield([])}
        | fields
    )
    return client.post(f"/admin/pages/add/home/standardpage/{home.pk}/", data)


def test_a_typed_slug_with_umlauts_follows_the_german_rules(client, editor, home):
    client.force_login(editor)
    response = create_standard_page(
        client, home, title="Straße", slug="Straße-für-Öfen"
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert StandardPage.objects.get(title="Straße").slug == "strasse-fuer-oefen"


def test_pages_saved_without_a_slug_get_a_free_german_one(home):
    # The admin always sends a slug (its script makes one from the title, see
    # tests/browser/test_editor.py); pages made in code may leave it out.
    for _number in range(2):
        page = StandardPage(title="Führung & Größe", body=[])
        home.add_child(instance=page)
    assert sorted(StandardPage.objects.values_list("slug", flat=True)) == [
        "fuehrung-groesse",
        "fuehrung-groesse-2",
    ]


def test_the_admin_slug_field_replaces_umlauts_in_the_browser(client, editor, home):
    client.force_login(editor)
    html = client.get(f"/admin/pages/add/home/standardpage/{home.pk}/").content.decode()
    slug = BeautifulSoup(html, "html.parser").find("input", attrs={"name": "slug"})
    assert slug["data-controller"] == "w-slug"
    formatters = json.loads(slug["data-w-slug-formatters-value"])
    # [[pattern, flags], replacement] for Wagtail's w-slug controller.
    replacements = {pattern: text for (pattern, _flags), text in formatters}
    assert {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ü": "Ue"}.items() <= (
        replacements.items()
    )


def test_every_page_type_has_german_slugs():
    from wagtail.models import get_page_models

    ours = [
        m
        for m in get_page_models()
        if m._meta.app_label in {"home", "posts", "subscriptions"}
    ]
    assert ours and all(issubclass(model, GermanSlugMixin) for model in ours)
