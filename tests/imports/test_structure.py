"""Plain text as people really save it keeps its structure.

Each fixture in fixtures/struktur/ is one case; the comments name what the
importer did with it before."""

from bs4 import BeautifulSoup

from .conftest import assert_editable, block_types, posts

STRUKTUR = "struktur"


def imported(run_import, blog, fixtures, name, *args):
    result = run_import(fixtures / STRUKTUR / name, "--publish", *args)
    assert not result.failed, result.out
    (page,) = posts(blog).values()
    assert_editable(page)
    return page, result


def paragraphs(block):
    soup = BeautifulSoup(block.value.source, "html.parser")
    return [p.decode_contents() for p in soup.find_all("p", recursive=False)]


def test_a_file_without_blank_lines_has_one_paragraph_per_line(
    run_import, blog, fixtures
):
    # Before: the whole post was one paragraph.
    page, result = imported(run_import, blog, fixtures, "zeilen-ohne-leerzeilen.txt")
    assert block_types(page) == ["paragraph"]
    assert paragraphs(page.body[0]) == [
        "Am Freitag hatte der Stadtgarten zum ersten Mal bis Mitternacht geöffnet.",
        "Die Bänke am Teich waren schon um acht Uhr besetzt.",
        # A line that stops mid-sentence is hard-wrapped, not a paragraph.
        "Wer später kam, setzte sich einfach ins Gras und hörte der Blaskapelle zu.",
        "Ein Kiosk verkaufte Holunderlimonade, die nach zwei Stunden ausverkauft war.",
        "Bis bald im Park,<br/>Mira",
    ]
    assert "Keine Leerzeilen im Text: jede Zeile ist ein eigener Absatz." in result.out


def test_list_items_need_no_blank_lines_around_them(run_import, blog, fixtures):
    # Before: "- Flickzeug … – Regenjacke …" ran on inside one paragraph.
    page, _result = imported(run_import, blog, fixtures, "liste-ohne-leerzeilen.txt")
    assert block_types(page) == ["paragraph", "heading", "paragraph"]
    assert page.body[0].value.source == (
        "<p>Für zwei Tage an der Elbe braucht es nicht viel:</p>"
        "<ul><li>Flickzeug und eine kleine Pumpe</li>"
        "<li>Regenjacke, auch wenn die Vorhersage gut ist</li>"
        "<li>Sonnencreme</li><li>Brote für den ersten Tag</li></ul>"
        "<p>Alles andere gibt es unterwegs in den Dörfern.</p>"
    )
    assert page.body[1].value["text"] == "Die Route"
    assert page.body[2].value.source == (
        "<ol><li>Dresden bis Pirna</li><li>Pirna bis Bad Schandau</li></ol>"
    )


def test_numbered_steps_with_blank_lines_and_paragraphs_are_one_list(
    run_import, blog, fixtures
):
    # Before: four lists of one item each ("1. 1. 1. 1."), the step's second
    # paragraph outside its item.
    page, _result = imported(run_import, blog, fixtures, "nummerierte-schritte.txt")
    assert block_types(page) == ["paragraph"]
    soup = BeautifulSoup(page.body[0].value.source, "html.parser")
    (numbered,) = soup.find_all("ol")
    items = [li.decode_contents() for li in numbered.find_all("li")]
    assert items == [
        "Am ersten Tag 50 g Roggenmehl mit 50 ml lauwarmem Wasser verrühren.<br/>"
        "Das Glas nur locker abdecken, der Teig braucht Luft.",
        "Am zweiten Tag wieder je 50 g Mehl und Wasser dazugeben.",
        "Ab dem dritten Tag riecht es säuerlich, und das ist gut so.<br/>"
        "Wenn sich oben Flüssigkeit sammelt, einfach unterrühren.",
        "Am fünften Tag ist der Teig bereit, wenn er sich nach dem Füttern verdoppelt.",
    ]
    assert [p.text for p in soup.find_all("p")] == [
        "Ein eigener Sauerteig braucht nur Mehl, Wasser und etwas Geduld.",
        "Viel Erfolg beim ersten Brot!",
    ]


def test_headings_are_detected_conservatively_and_counted(run_import, blog, fixtures):
    source = fixtures / STRUKTUR / "ueberschriften.txt"
    preview = run_import(source, "--dry-run")
    assert (
        "Zwischenüberschriften erkannt: 2 („Der Anfang war holprig“, "
        "„Was ich gelernt habe“) – bitte prüfen." in preview.out
    )
    page, _result = imported(run_import, blog, fixtures, "ueberschriften.txt")
    assert block_types(page) == [
        "paragraph", "heading", "paragraph", "heading", "paragraph", "quote",
        "paragraph",
    ]  # fmt: skip
    assert [page.body[1].value["text"], page.body[3].value["text"]] == [
        "Der Anfang war holprig",
        "Was ich gelernt habe",
    ]
    # A punchline with a full stop stays text; so does a short line that is
    # followed by a quotation rather than a paragraph (before: a heading).
    assert "<p>Es wurde besser.</p>" in page.body[2].value.source
    assert paragraphs(page.body[4])[-1] == "Ihre letzte Antwort kam nach zehn Tagen"


def test_quotations_standing_alone_become_quotes(run_import, blog, fixtures):
    # Before: the quotation without an attribution was a paragraph.
    page, _result = imported(run_import, blog, fixtures, "zitate.txt")
    assert block_types(page) == [
        "paragraph", "quote", "paragraph", "quote", "quote", "paragraph",
    ]  # fmt: skip
    quotes = [dict(block.value) for block in page.body if block.block_type == "quote"]
    assert quotes == [
        {
            "text": "Gutes Werkzeug kauft man einmal, schlechtes jedes Jahr.",
            "attribution": "mein Vater, beim Aufräumen",  # "– …" is no list item
        },
        {"text": "Wer misst, misst Mist.", "attribution": "ein Schreiner aus Dessau"},
        {"text": "Und wer nicht misst, misst auch Mist.", "attribution": ""},
    ]
    # Starts and ends with quote marks, but is a sentence with two quotations.
    assert page.body[5].value.source.startswith("<p>„Rechts fest, links lose“, sagte")


def test_a_trailing_image_credit_is_no_paragraph(run_import, blog, fixtures):
    # Before: "Bild: Lena Vogt / Harzbild" was published as the last paragraph.
    page, result = imported(run_import, blog, fixtures, "bildnachweis-am-ende.txt")
    assert "Bild:" not in str(page.body.raw_data)
    assert paragraphs(page.body[0])[-1] == (
        "Auf dem Rückweg haben wir in einer Hütte Kräutertee getrunken."
    )
    # Credits belong to images; without one the line is dropped, with a warning.
    assert page.feature_image is None
    assert "Bildnachweis „Bild: Lena Vogt / Harzbild“ am Ende ohne Bild" in result.out
    preview = run_import(fixtures / STRUKTUR / "bildnachweis-am-ende.txt", "--dry-run")
    assert "Bildnachweis „Bild: Lena Vogt / Harzbild“ am Ende ohne Bild" in preview.out


def test_a_sign_off_keeps_its_line_break(run_import, blog, fixtures):
    # Before: "Viele Grüße, Jonas" on one line, run on from the sentence above.
    page, _result = imported(run_import, blog, fixtures, "gruss.txt")
    assert paragraphs(page.body[0])[-2:] == [
        "Ich lese jede einzelne und hebe sie in einem Schuhkarton auf.",
        "Viele Grüße,<br/>Jonas",
    ]


def test_title_from_first_line_and_missing_date_and_tags_are_reported(
    run_import, blog, fixtures
):
    source = fixtures / STRUKTUR / "ohne-datum-und-tags.txt"
    missing = "Weder Datum noch Schlagwörter gefunden"
    preview = run_import(source, "--dry-run")
    assert (
        "ohne-datum-und-tags.txt: Erste Zeile als Titel übernommen: "
        "„Notizen vom Wochenmarkt“." in preview.out
    )
    assert missing in preview.out
    result = run_import(source)
    assert missing in result.out
    assert "Kein Datum: heutiges Datum eingetragen." in result.out


def test_automatic_teaser_is_the_first_sentences_and_not_shown_twice(
    run_import, blog, fixtures, client
):
    # Before: the whole first paragraph, shown above the same paragraph.
    page, _result = imported(run_import, blog, fixtures, "anreisser.txt")
    assert page.teaser == (
        "Am 3. Februar stand ich zwanzig Minuten an der Haltestelle Lindenplatz, "
        "ca. 200 m von meiner Wohnung. Der Bus kam nicht."
    )
    article = BeautifulSoup(client.get(page.url).content, "html.parser").article
    assert article.select_one(".lead") is None
    assert article.text.count("Der Bus kam nicht.") == 1  # in the body only
    assert page.teaser in client.get(blog.url).content.decode()
