from datetime import date

import pytest
import time_machine

from wagtail.models import Revision

from imports.models import ImportedPost

from .conftest import block_types, posts, snapshot, tag_names


@pytest.mark.parametrize(
    "source",
    ["markdown", "text", "ghost/ghost-export.json", "wxr/export.xml"],
)
def test_second_run_updates_nothing_and_duplicates_nothing(
    run_import, blog, fixtures, source
):
    first = run_import(fixtures / source, "--publish")
    assert "Angelegt: 0" not in first.out
    before = snapshot()
    with time_machine.travel(date(2030, 1, 1)):  # undated posts must not move
        second = run_import(fixtures / source, "--publish")
    assert snapshot() == before
    assert "Angelegt: 0" in second.out and "Aktualisiert: 0" in second.out
    assert "Unverändert seit dem letzten Import." in second.out


def test_changed_source_updates_the_same_page(run_import, blog, fixtures):
    source = fixtures / "markdown" / "2021-03-04-zuhoeren.md"
    run_import(source, "--publish")
    page = posts(blog)["zuhoeren-fuehren"]
    revisions = Revision.objects.filter(object_id=str(page.pk)).count()

    text = source.read_text()
    text = text.replace("tags: [Führung,", "tags: [Führung, Neu,")
    text = text.replace("## Drei Fragen für den Anfang", "## Vier Fragen")
    source.write_text(text)
    result = run_import(source, "--publish")

    assert "Aktualisiert: 1" in result.out
    assert list(posts(blog)) == ["zuhoeren-fuehren"]
    page = posts(blog)["zuhoeren-fuehren"]
    assert page.body[1].value["text"] == "Vier Fragen"
    assert "Neu" in tag_names(page)
    assert Revision.objects.filter(object_id=str(page.pk)).count() == revisions + 1
    assert ImportedPost.objects.count() == 1


def test_update_as_draft_keeps_the_live_version(run_import, blog, fixtures):
    source = fixtures / "markdown" / "2021-03-04-zuhoeren.md"
    run_import(source, "--publish")
    source.write_text(source.read_text().replace("Ende –", "Neues Ende –"))
    run_import(source, "--draft")
    page = posts(blog)["zuhoeren-fuehren"]
    assert page.live and page.has_unpublished_changes
    assert "Neues Ende" not in page.body[-1].value.source
    assert "Neues Ende" in page.get_latest_revision_as_object().body[-1].value.source


def test_dry_run_changes_nothing(run_import, blog, fixtures):
    before = snapshot()
    for source in ("markdown", "text", "ghost", "wxr"):
        result = run_import(fixtures / source, "--dry-run", "--publish")
        assert "Probelauf: nichts wurde gespeichert." in result.out
    assert snapshot() == before
    assert posts(blog) == {}


def test_dry_run_predicts_creates_and_updates(run_import, blog, fixtures):
    preview = run_import(fixtures / "ghost" / "ghost-export.json", "--dry-run")
    assert "Würden angelegt: 6" in preview.out
    run_import(fixtures / "ghost" / "ghost-export.json")
    again = run_import(fixtures / "ghost" / "ghost-export.json", "--dry-run")
    assert "Würden angelegt: 0" in again.out
    assert "Unverändert seit dem letzten Import." in again.out


def test_pages_default_to_drafts(run_import, blog, fixtures):
    run_import(fixtures / "text" / "2020-05-01-fruehling.txt")
    page = posts(blog)["fruehling-im-buero-ein-zwischenruf"]
    assert not page.live and page.date == date(2020, 5, 1)
    assert block_types(page)[0] == "paragraph"


MODES = [
    ("--publish", "--publish"),
    ("--publish", "--draft"),
    ("--draft", "--draft"),
    ("--draft", "--publish"),
]


@pytest.mark.parametrize(("first", "second"), MODES)
@pytest.mark.parametrize("source", ["struktur", "wxr/export.xml"])
def test_unchanged_rerun_adds_no_revision_whatever_the_mode(
    run_import, blog, fixtures, source, first, second
):
    # Before: a run with a different mode than the last one saved a new
    # revision of every post, although nothing in it had changed.
    run_import(fixtures / source, first)
    before = snapshot()
    preview = run_import(fixtures / source, second, "--dry-run")
    again = run_import(fixtures / source, second)
    assert snapshot() == before
    for result in (preview, again):
        summary = result.out.lower()  # "Angelegt: 0", "Würden angelegt: 0"
        assert "angelegt: 0" in summary and "aktualisiert: 0" in summary
        assert "Unverändert seit dem letzten Import" in result.out
    live = {page.slug: page.live for page in posts(blog).values()}
    assert any(live.values()) == (first == "--publish")


def test_unchanged_draft_is_not_published_by_a_rerun_but_says_so(
    run_import, blog, fixtures
):
    source = fixtures / "struktur" / "gruss.txt"
    run_import(source)
    result = run_import(source, "--publish")
    assert "bleibt Entwurf (in Wagtail veröffentlichen)" in result.out
    assert not posts(blog)["danke-fuer-eure-post"].live


def test_hashes_stored_with_the_publish_flag_still_count_as_unchanged(
    run_import, blog, fixtures
):
    from imports.media import MediaResolver
    from imports.sources import read_source
    from imports.writer import content_hash

    source = fixtures / "struktur" / "gruss.txt"
    run_import(source, "--publish")
    (post,) = read_source(source, MediaResolver(source.parent))
    record = ImportedPost.objects.get()
    record.content_hash = content_hash(post, live=True)  # as stored until now
    record.save()
    before = snapshot()
    result = run_import(source, "--draft")
    assert snapshot() == before
    assert "Unverändert seit dem letzten Import." in result.out
    record.refresh_from_db()
    assert record.content_hash == content_hash(post)
