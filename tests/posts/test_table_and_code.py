"""The table and code blocks: their markup, what an editor's form keeps, no scripts."""

import pytest
from bs4 import BeautifulSoup

from django.core.exceptions import ValidationError

from core.blocks import BodyBlock
from tests.factories import make_post

BODY = BodyBlock()
TABLE = {
    "caption": "Sprechstunden im Mai",
    "columns": [
        {"type": "text", "heading": "Wochentag"},
        {"type": "number", "heading": "Termine"},
    ],
    "rows": [
        {"values": ["Montag", "12"]},
        {"values": ["<b>Freitag</b>", "3"]},
    ],
}
CODE = {
    "language": "python",
    "code": "    eingerückt = True\nif a < b:\n    print('fertig')\n",
}


def render(block_type, value):
    block = BODY.child_blocks[block_type]
    return BeautifulSoup(str(block.render(block.to_python(value))), "html.parser")


def test_table_has_caption_header_row_and_right_aligned_numbers():
    soup = render("table", TABLE)
    assert soup.select_one("table caption").text == "Sprechstunden im Mai"
    headers = soup.select("thead th")
    assert [th.text for th in headers] == ["Wochentag", "Termine"]
    assert all(th["scope"] == "col" for th in headers)
    rows = [[td.text for td in tr.select("td")] for tr in soup.select("tbody tr")]
    assert rows == [["Montag", "12"], ["<b>Freitag</b>", "3"]]  # cells are text
    assert soup.find("b") is None
    assert [td.get("class") for td in soup.select("tbody tr")[0].select("td")] == [
        None,
        ["table__number"],
    ]
    # A wide table scrolls in a named region that keyboard users can reach.
    region = soup.select_one(".table__scroll")
    assert region["tabindex"] == "0" and region["aria-label"] == "Sprechstunden im Mai"


def test_table_without_headings_has_no_empty_header_row():
    soup = render(
        "table",
        {
            "caption": "",
            "columns": [{"type": "text", "heading": ""}] * 2,
            "rows": [{"values": ["a", "b"]}],
        },
    )
    assert soup.find("thead") is None and soup.find("caption") is None
    assert [td.text for td in soup.select("td")] == ["a", "b"]


def test_code_keeps_every_space_and_escapes_markup():
    soup = render("code", CODE)
    code = soup.select_one("pre.code__pre > code.language-python")
    assert code.text == CODE["code"]
    assert "if a &lt; b:" in code.decode_contents()
    assert soup.select_one(".code__language").text == "Python"
    assert soup.select_one("pre")["tabindex"] == "0"


def test_code_without_language_shows_no_label():
    soup = render("code", {"language": "", "code": "Zeile 1\nZeile 2"})
    assert soup.select_one(".code__language") is None
    assert soup.select_one("code").get("class") is None


def test_editor_form_keeps_leading_indentation_of_code():
    block = BODY.child_blocks["code"]
    cleaned = block.clean(block.to_python(CODE))
    assert cleaned["code"].startswith("    eingerückt")


def test_cleaned_table_renders_like_a_stored_one():
    """The admin preview renders what clean() returns, not a stored value."""
    block = BODY.child_blocks["table"]
    cleaned = block.clean(block.normalize(TABLE))
    soup = BeautifulSoup(str(block.render(cleaned)), "html.parser")
    assert [th.text for th in soup.select("thead th")] == ["Wochentag", "Termine"]


def test_table_cell_length_is_limited():
    block = BODY.child_blocks["table"]
    too_long = {**TABLE, "rows": [{"values": ["x" * 501, "1"]}]}
    with pytest.raises(ValidationError):
        block.clean(block.normalize(too_long))


@pytest.mark.django_db
def test_post_with_table_and_code_loads_no_script_for_them(client, blog):
    plain = make_post(blog, "Ohne Tabelle")
    rich = make_post(
        blog, "Mit Tabelle", body=[("table", TABLE), ("code", CODE)], slug="mit"
    )
    scripts = [
        BeautifulSoup(client.get(page.url).content, "html.parser").find_all("script")
        for page in (plain, rich)
    ]
    assert len(scripts[1]) == len(scripts[0])  # no highlighter, no table widget
    html = client.get(rich.url).content.decode()
    assert "Sprechstunden im Mai" in html and "eingerückt = True" in html
