from datetime import date

from imports.models import ImportedPost

from .conftest import assert_editable, block_types, posts, tag_names


def test_ghost_export(run_import, blog, fixtures):
    result = run_import(fixtures / "ghost" / "ghost-export.json", "--publish")
    pages = posts(blog)

    html_post = pages["fuehrung-auf-distanz"]
    assert html_post.title == "Führung auf Distanz"
    # 22:30 UTC on 10 May is already 11 May in Berlin, where the blog lives.
    assert html_post.date == date(2022, 5, 11)
    assert html_post.first_published_at.isoformat() == "2022-05-10T22:30:00+00:00"
    assert tag_names(html_post) == ["Führung", "Remote"]  # internal "#intern" left out
    assert html_post.teaser == "Was sich ändert, wenn das Team verteilt arbeitet."
    assert html_post.feature_image.title == "Titelbild Distanz"
    assert html_post.feature_image_alt == "Titelbild Distanz"
    assert html_post.feature_image_credit == "Foto von Unsplash"
    assert block_types(html_post) == [
        "paragraph", "heading", "paragraph", "quote", "image", "video", "paragraph",
    ]  # fmt: skip
    blocks = list(html_post.body)
    assert "„So einfach?“ – Ja. 🚀" in blocks[0].value.source
    assert blocks[3].value["attribution"] == "Ein Teamlead"
    assert blocks[4].value["caption"] == "Der See am Abend."
    assert blocks[4].value.credit() == "Foto: Ana"
    assert "track" not in str(html_post.body.raw_data)
    record = ImportedPost.objects.get(page=html_post)
    assert record.source == "ghost"
    assert record.source_id == "0b7f1a3e-0000-4000-8000-0000000000a1"
    assert record.authors == ["Mesut Beispiel", "Gast Autorin"]
    assert_editable(html_post)

    lexical = pages["lexical-beitrag"]
    assert lexical.date == date(2023, 1, 15)
    assert tag_names(lexical) == ["Technik"]
    assert block_types(lexical) == [
        "paragraph", "heading", "paragraph", "quote", "image", "video",
        "heading", "paragraph", "callout", "divider", "paragraph",
    ]  # fmt: skip
    assert lexical.body[0].value.source == (
        '<p>Hallo <b>fett</b> und <a href="https://example.org"><i>Link</i></a></p>'
    )
    assert lexical.body[1].value["level"] == "h3"
    assert lexical.body[4].value["image"].pk == html_post.body[4].value["image"].pk
    assert "Ghost-Karte „toggle“ nicht übernommen." in result.out
    assert_editable(lexical)

    mobiledoc = pages["mobiledoc-beitrag"]
    assert mobiledoc.date == date(2020, 9, 13)  # epoch milliseconds
    assert block_types(mobiledoc) == ["paragraph", "heading", "paragraph", "quote"]
    assert mobiledoc.body[0].value.source == (
        '<p>Erste Zeile<br/><b>fett</b> und <a href="https://example.org/mobil">verlinkt</a></p>'
    )
    assert (
        "Externes Bild nicht geladen: https://images.unsplash.com/photo-1.jpg"
        in result.out
    )

    assert not pages["entwurf"].live  # a Ghost draft stays a draft
    assert pages["fuehrung-auf-distanz-2"].title == "Führung auf Distanz (Teil 2)"
    assert "Slug „fuehrung-auf-distanz“ ist vergeben" in result.out
    assert "ueber-mich" not in pages
    assert (
        "Über mich (ghost-export.json, posts[4] „Über mich“): Ghost-Seite, kein Beitrag."
        in result.out
    )
    assert (
        "Leerer Beitrag (ghost-export.json, posts[7] „Leerer Beitrag“): Kein Inhalt."
        in result.out
    )
    assert "ghost-export.json, posts[8]: Beitrag ohne Titel." in result.out
    assert (
        "ghost-export.json, posts[9] „Kaputtes Lexical“: „lexical“ ist kein gültiges JSON"
        in result.out
    )
    assert result.failed


def test_broken_ghost_json_names_line_and_column(run_import, blog, fixtures):
    result = run_import(fixtures / "ghost" / "kaputt.json")
    assert result.failed
    assert "kaputt.json, Zeile 6, Spalte 41: Ungültiges JSON" in result.out
    assert posts(blog) == {}


def test_json_that_is_no_ghost_export(run_import, blog, tmp_path):
    source = tmp_path / "package.json"
    source.write_text('{"name": "x"}')
    result = run_import(source)
    assert (
        "package.json: Keine Ghost-Sicherung: „db[0].data.posts“ fehlt." in result.out
    )
