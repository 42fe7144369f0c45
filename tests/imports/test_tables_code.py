"""Markdown tables and fenced code, and <table>/<pre> from Ghost and WordPress,
become table and code blocks instead of flat text."""

from .conftest import assert_editable, block_types, posts

STRUKTUR = "struktur"


def table_of(block):
    value = block.value
    return {
        "caption": value.caption,
        "columns": [(c["block"].name, c["heading"]) for c in value.columns],
        "rows": [row["values"] for row in value.row_data],
    }


def test_markdown_table_and_fenced_code(run_import, blog, fixtures):
    result = run_import(fixtures / STRUKTUR / "tabelle-und-code.md", "--publish")
    page = posts(blog)["der-vereinskalender-als-textdatei"]
    assert block_types(page) == [
        "paragraph", "table", "paragraph", "code", "paragraph", "code",
        "paragraph", "code",
    ]  # fmt: skip
    assert table_of(page.body[1]) == {
        "caption": "",
        # A right-aligned Markdown column is a number column.
        "columns": [("text", "Termin"), ("text", "Ort"), ("number", "Boote")],
        "rows": [
            ["Anpaddeln", "Bootshaus Saale", "12"],
            ["Nachtfahrt", "Peißnitzinsel", "8"],
            ["Abpaddeln", "Wehr", "15"],
        ],
    }
    assert "Links in Tabellenzellen als Text übernommen." in result.out
    python = page.body[3].value
    assert python["language"] == "python"
    assert python["code"].startswith("def termine(pfad):\n    with open(pfad")
    assert page.body[5].value["language"] == ""
    assert page.body[5].value["code"] == "2024-05-01;Anpaddeln;Bootshaus Saale"
    assert page.body[7].value["language"] == ""
    assert "Codesprache „rust“ gibt es in der Auswahl nicht" in result.out
    assert_editable(page)


def test_ghost_code_cards_and_tables(run_import, blog, fixtures):
    run_import(fixtures / STRUKTUR / "ghost-technik.json", "--publish")
    pages = posts(blog)

    html_post = pages["chor-wiki"]
    assert block_types(html_post) == ["paragraph", "code", "table", "paragraph"]
    code = html_post.body[1].value
    assert code["language"] == "javascript"
    assert code["code"] == (
        'const stimmen = ["Sopran", "Alt", "Tenor", "Bass"];\n'
        "for (const stimme of stimmen) {\n"
        "  console.log(`Noten für ${stimme} & Klavier`);\n}"
    )
    assert table_of(html_post.body[2]) == {
        "caption": "",
        "columns": [("text", "Stimme"), ("text", "Sängerinnen und Sänger")],
        "rows": [["Sopran", "11"], ["Bass", "6"]],
    }
    assert_editable(html_post)

    lexical = pages["lesegruppe"]
    assert block_types(lexical) == [
        "paragraph", "code", "paragraph", "table", "paragraph",
    ]  # fmt: skip
    assert lexical.body[1].value["language"] == "bash"
    assert lexical.body[1].value["code"].startswith("# jeden zweiten Dienstag")
    assert lexical.body[2].value.source == "<p>Eintrag in der Crontab</p>"
    assert table_of(lexical.body[3]) == {
        "caption": "Gelesen im ersten Halbjahr",
        "columns": [("text", "Monat"), ("text", "Buch"), ("number", "Seiten")],
        "rows": [["Januar", "Der Hals der Giraffe", "224"], ["März", "Kruso", "484"]],
    }
    assert_editable(lexical)


def test_wordpress_pre_code_shortcode_and_table_block(run_import, blog, fixtures):
    run_import(fixtures / STRUKTUR / "wordpress-technik.xml", "--publish")
    pages = posts(blog)

    classic = pages["giessliste"]
    assert block_types(classic) == [
        "paragraph", "code", "paragraph", "code", "paragraph",
    ]  # fmt: skip
    # The blank line inside <pre> is part of it, not a paragraph break.
    assert classic.body[1].value["code"] == (
        "Tomaten      täglich\nBasilikum    alle zwei Tage\n\n"
        "Oleander     zweimal pro Woche"
    )
    php = classic.body[3].value
    assert php["language"] == "php"
    assert php["code"].startswith("<?php\nforeach (file('giessen.txt') as $zeile) {")
    assert_editable(classic)

    gutenberg = pages["aussaatkalender"]
    assert block_types(gutenberg) == ["paragraph", "table", "code"]
    assert table_of(gutenberg.body[1]) == {
        "caption": "Was auf unserem Balkon gut klappt",
        "columns": [
            ("text", "Pflanze"),
            ("text", "Aussaat"),
            ("number", "Tage bis zur Ernte"),
        ],
        "rows": [
            ["Radieschen", "März bis September", "30"],
            ["Pflücksalat", "März bis August", "45"],
        ],
    }
    assert gutenberg.body[2].value["code"] == "Radieschen: 1 cm tief, 3 cm Abstand"
    assert_editable(gutenberg)


def test_imported_table_and_code_render_on_the_post_page(
    run_import, blog, fixtures, client
):
    run_import(fixtures / STRUKTUR / "wordpress-technik.xml", "--publish")
    html = client.get(posts(blog)["giessliste"].url).content.decode()
    assert "&lt;?php" in html and "<?php" not in html
    html = client.get(posts(blog)["aussaatkalender"].url).content.decode()
    assert '<td class="table__number">30</td>' in html
