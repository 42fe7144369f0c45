from datetime import date

from imports.models import ImportedPost

from .conftest import assert_editable, block_types, posts, tag_names


def test_wordpress_export(run_import, blog, fixtures):
    result = run_import(fixtures / "wxr" / "export.xml", "--publish")
    pages = posts(blog)

    classic = pages["wandern-denken"]
    assert classic.title == "Klassischer Beitrag: Wandern & Denken"
    assert classic.date == date(2019, 7, 13)
    assert classic.first_published_at.isoformat() == "2019-07-13T08:15:00+00:00"
    # Categories and tags both become tags; the default category does not.
    assert tag_names(classic) == ["Draußen", "Wandern"]
    assert classic.teaser == "Warum Wandern beim Denken hilft."
    assert classic.feature_image_alt == "Ein Berg im Nebel"
    assert block_types(classic) == [
        "paragraph",
        "image",
        "video",
        "heading",
        "paragraph",
    ]
    blocks = list(classic.body)
    # Classic-editor text without <p>: blank lines are paragraphs.
    assert blocks[0].value.source == (
        "<p>Wandern macht den Kopf frei. Das ist keine neue Erkenntnis – aber eine „wahre“.</p>"
        "<p>Zweiter Absatz mit <b>Fettdruck</b><br/>und einem Zeilenumbruch.</p>"
    )
    assert (
        blocks[1].value["image"].pk == classic.feature_image.pk
    )  # one file, one image
    assert (blocks[1].value["caption"], blocks[1].value.credit()) == (
        "Der Berg ruft.",
        "Foto: Mesut",
    )
    assert blocks[3].value == {"text": "Packliste", "level": "h3"}
    assert (
        blocks[4].value.source
        == "<ul><li>Wasser</li><li>Brot</li></ul><p>Ende [sic].</p>"
    )
    assert "Shortcodes entfernt: contact-form-7" in result.out
    assert (
        "Externes Bild nicht geladen: https://altes-blog.example/wp-content/uploads/2019/07/fehlt.jpg"
        in result.out
    )
    record = ImportedPost.objects.get(page=classic)
    assert record.source_id == "https://altes-blog.example#101"
    assert_editable(classic)

    gutenberg = pages["gutenberg-beitrag"]
    assert tag_names(gutenberg) == ["Technik", "Wandern"]  # "wandern" reuses "Wandern"
    assert block_types(gutenberg) == [
        "paragraph",
        "heading",
        "quote",
        "video",
        "divider",
        "paragraph",
    ]
    assert "javascript" not in gutenberg.body[0].value.source
    assert gutenberg.body[2].value["attribution"] == "Konfuzius (angeblich)"
    assert gutenberg.body[5].value.source == "<p>Rohes <i>HTML</i></p>"
    assert "böse" not in str(gutenberg.body.raw_data)

    draft = pages["entwurf-aus-wordpress"]
    assert not draft.live and draft.date == date(2021, 1, 5)
    assert pages["wandern-denken-2"].title == "Zweimal Wandern"
    assert "impressum" not in pages and "papierkorb" not in pages
    assert "Status „trash“ wird nicht importiert." in result.out
    assert (
        "Leerer Beitrag (export.xml, Eintrag 9 (post_id 107) „Leerer Beitrag“): Kein Inhalt."
        in result.out
    )
    assert (
        "export.xml, Eintrag 10 (post_id 108) „Schlechtes Datum“: Datum „gestern abend“ ist nicht lesbar."
        in result.out
    )
    assert result.failed


def test_broken_and_unsafe_xml(run_import, blog, fixtures):
    broken = run_import(fixtures / "wxr" / "kaputt.xml")
    assert "kaputt.xml, Zeile 6, Spalte 4: Ungültiges XML: mismatched tag" in broken.out
    unsafe = run_import(fixtures / "wxr" / "entities.xml")
    assert (
        "entities.xml: Unsichere XML-Konstrukte (Entities/DTD) werden nicht gelesen."
        in unsafe.out
    )
    assert broken.failed and unsafe.failed
    assert posts(blog) == {}
