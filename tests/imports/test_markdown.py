from datetime import date

from django.utils import timezone

from wagtail.images import get_image_model

from .conftest import assert_editable, block_types, posts, tag_names


def test_markdown_folder_maps_posts_onto_blocks(run_import, blog, fixtures):
    result = run_import(fixtures / "markdown", "--publish")
    pages = posts(blog)

    post = pages["zuhoeren-fuehren"]
    assert post.title == "Zuhören – die unterschätzte Führungsaufgabe"
    assert post.date == date(2021, 3, 4)
    assert post.live
    assert tag_names(post) == ["Führung", "Kommunikation, intern", "Zuhören"]
    assert (
        post.teaser
        == "Warum gute Chefinnen mehr fragen als sagen. Ein Erfahrungsbericht."
    )
    assert block_types(post) == [
        "paragraph", "heading", "paragraph", "quote", "image", "video",
        "paragraph", "heading", "paragraph",
    ]  # fmt: skip
    blocks = list(post.body)
    assert "„Zuhören“ klingt einfach – ist es aber nicht. 🙂" in blocks[0].value.source
    assert blocks[1].value["level"] == "h2" and blocks[7].value["level"] == "h3"
    assert (
        "<ul><li>Was brauchst du <b>gerade</b> von mir?</li>" in blocks[2].value.source
    )
    assert blocks[3].value["text"] == "Wer zuhört, führt."
    assert blocks[3].value["attribution"] == "Jana Beispiel"
    assert blocks[4].value["alt_text"] == "Der Strand am Morgen"
    assert blocks[4].value.credit() == "Bild: Mesut Ö. / privat"
    assert blocks[4].value["image"].file.read()[:2] == b"\xff\xd8"  # a real JPEG
    assert blocks[5].value["url"] == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    links = blocks[6].value.source
    assert '<a href="https://example.org/workshop">' in links
    assert '<a href="mailto:hallo@example.org">' in links
    assert "javascript" not in links and "Trick" in links
    assert "alert" not in str(post.body.raw_data)
    assert_editable(post)

    # Remote images are reported, not fetched; the post still arrives.
    assert (
        "Externes Bild nicht geladen: https://cdn.example.com/fremd.jpg" in result.out
    )
    assert get_image_model().objects.count() == 1


def test_markdown_nasty_cases(run_import, blog, fixtures):
    result = run_import(fixtures / "markdown", "--publish")
    pages = posts(blog)

    # Title from the first "#" heading; no date anywhere: today, with a warning.
    undated = pages["ein-beitrag-ohne-datum"]
    assert undated.date == timezone.localdate()
    assert block_types(undated) == ["paragraph"]
    assert "<ol><li>Erstens</li><li>Zweitens</li></ol>" in undated.body[0].value.source
    assert "ohne-datum.md: Kein Datum: heutiges Datum eingetragen." in result.out

    # Empty body: skipped with its reason, no page.
    assert "Nur ein Titel (leer.md): Kein Inhalt." in result.out
    assert not any(page.title == "Nur ein Titel" for page in pages.values())

    # Two files, one slug: the first wins, the second fails naming both.
    assert pages["gleicher-slug"].title == "Doppelt A"
    assert (
        "doppelt-b.md: Kennung/Slug „gleicher-slug“ doppelt, schon in doppelt-a.md."
        in result.out
    )

    # Broken front matter and unreadable dates name file and line.
    assert "kaputt.md, Zeile 3: Front Matter: erwartet „Schlüssel: Wert“" in result.out
    assert (
        "falsches-datum.md, Zeile 5: Datum „31.02.2021“ ist nicht lesbar" in result.out
    )
    assert result.failed and "3 Einträge fehlgeschlagen" in str(result.error)

    # Scripts, styles, iframes, event handlers and javascript: links are gone;
    # broken nesting is repaired; a draft stays a draft even with --publish.
    markup = pages["kaputtes-markup"]
    assert not markup.live
    assert markup.date == date(2019, 12, 24)
    assert tag_names(markup) == ["Technik", "Weihnachten"]
    html = markup.body[0].value.source
    assert html == (
        "<p>Offenes <b>fett <i>und kursiv</i></b></p><p>Absatz mit Link und Farbe.</p>"
    )
    # A table without a header row stays a table, with no headings.
    assert block_types(markup) == ["paragraph", "table"]
    table = markup.body[1].value
    assert [column["heading"] for column in table.columns] == ["", ""]
    assert [row["values"] for row in table.row_data] == [["Zelle 1", "Zelle 2"]]
    assert "Bild außerhalb des Importordners ignoriert" in result.out
    assert "Bilddatei ist beschädigt oder kein Bild: bilder/kaputt.jpg" in result.out
    assert "Unerlaubtes HTML entfernt: iframe, style" in result.out

    # A very long post arrives whole; an over-long heading and quote are
    # kept as text instead of breaking the blocks' limits.
    long_post = pages["ein-sehr-langer-beitrag"]
    types = block_types(long_post)
    assert types.count("heading") == 40 and len(types) == 80
    assert long_post.word_count > 15000
    tail = long_post.body[79].value.source
    assert "<p><b>Eine viel zu lange Überschrift" in tail
    assert "<p><i>Ein sehr langes Zitat." in tail
    assert_editable(long_post)
