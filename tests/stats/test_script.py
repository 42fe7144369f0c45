"""Which pages carry the beacon script: counted public pages, the same markup
for every reader; none with the setting off, for an editor, on a 404."""

import pytest
from bs4 import BeautifulSoup

from core.models import SiteSettings

pytestmark = pytest.mark.django_db


def scripts(client, url):
    response = client.get(url)
    soup = BeautifulSoup(response.content, "html.parser")
    return response, soup.select('script[src*="stats/beacon"]')


def test_public_pages_load_the_beacon_deferred_with_their_page_id(
    client, home, blog, post
):
    for page in (home, blog, post):
        _response, found = scripts(client, page.url)
        assert len(found) == 1, page.url
        script = found[0]
        assert script.has_attr("defer")
        assert script["data-page"] == str(page.pk)
        assert script["data-url"] == "/statistik/b/"
    html = client.get(post.url).content.decode()
    assert "data-stats-end" in html
    assert html == client.get(post.url).content.decode()  # nothing per reader


def test_no_script_on_a_404_or_for_an_editor(client, post, editor):
    response, found = scripts(client, "/gibt-es-nicht/")
    assert response.status_code == 404 and not found
    client.force_login(editor)
    assert not scripts(client, post.url)[1]


def test_no_script_with_counting_switched_off(client, post, site_tree):
    settings = SiteSettings.for_site(site_tree["site"])
    settings.stats_enabled = False
    settings.save()
    assert not scripts(client, post.url)[1]


def test_a_new_settings_row_makes_cached_pages_stale(
    site_tree, django_capture_on_commit_callbacks
):
    from core.pagecache import generation

    SiteSettings.objects.filter(site=site_tree["site"]).delete()
    before = generation.current()
    with django_capture_on_commit_callbacks(execute=True):
        SiteSettings.objects.create(site=site_tree["site"], stats_enabled=False)
    assert generation.current() != before
