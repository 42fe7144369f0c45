from datetime import date

from .conftest import assert_editable, block_types, posts, tag_names


def test_plain_text_rules(run_import, blog, fixtures):
    result = run_import(fixtures / "text", "--publish")
    post = posts(blog)["fruehling-im-buero-ein-zwischenruf"]
    assert post.title == "Frühling im Büro – ein Zwischenruf"
    assert post.date == date(2020, 5, 1)  # from the file name
    assert tag_names(post) == ["Alltag", "Büro", "Frühling"]
    assert block_types(post) == [
        "paragraph", "heading", "paragraph", "quote", "image", "video",
        "divider", "quote", "paragraph",
    ]  # fmt: skip
    blocks = list(post.body)
    # Wrapped lines join into one paragraph.
    assert blocks[0].value.source.endswith(
        "sitzen. Diese Zeile gehört noch zum ersten Absatz.</p>"
    )
    assert blocks[1].value["text"] == "Was sich ändern sollte"
    rich = blocks[2].value.source
    assert '<a href="https://example.org/fruehling">' in rich
    assert (
        "<ul><li>Fenster auf</li><li>Pflanzen gießen</li><li>Pause draußen, auch wenn es nieselt</li></ul>"
        in rich
    )
    assert "<ol><li>Erstens</li><li>Zweitens</li><li>Drittens</li></ol>" in rich
    assert dict(blocks[3].value) == {
        "text": "Wer nie rausgeht, sieht nie, wie schön es ist.",
        "attribution": "Oma Gerda",
    }
    assert blocks[4].value["alt_text"] == "Ein Waldweg im Mai"
    assert blocks[4].value.credit() == "Bild: Mesut Ö."
    assert blocks[5].value["url"] == "https://vimeo.com/123456789"
    assert blocks[7].value["attribution"] == "Die Redaktion"
    assert "🌷 und „deutsche“ ‚Anführungszeichen‘ – alles da." in blocks[8].value.source
    assert_editable(post)

    assert "Nur ein Titel (leer.txt): Kein Inhalt." in result.out
    assert (
        "falsches-datum.txt, Zeile 2: Datum „45.13.2019“ ist nicht lesbar" in result.out
    )


def test_windows_encoded_text_keeps_umlauts(run_import, blog, fixtures):
    result = run_import(fixtures / "text" / "windows.txt", "--publish")
    assert not result.failed
    post = posts(blog)["windows-text-mit-uemlauten"]
    assert post.title == "Windows-Text mit Ümlauten"
    assert post.date == date(2019, 8, 12)  # "Datum:" line, German format
    assert post.body[0].value.source == "<p>Grüße aus Köln – schön.</p>"
    assert "als Windows-1252 gelesen" in result.out
