"""Plain text files. The rules are listed in docs/import.md; in short:

the first line is the title (optionally followed by "Datum:", "Tags:",
"Anreißer:" lines); blank lines separate blocks, and a file without any blank
line has one block per line; lines starting with "-", "–", "•", "*" or "1." are
list items, and items separated by blank lines or indented paragraphs stay one
list; a quoted line alone is a quote, with a following "– Name" line as its
attribution; a line naming an image file is an image and a following
"Bild: …" line its credit; a short line without final punctuation, followed by
a paragraph, is a heading; a YouTube/Vimeo URL alone is a video; "---" or
"* * *" alone is a divider; everything else is a paragraph.
"""

from django.utils.translation import gettext as _

from ..builder import BlockBuilder, clean_text
from ..data import ImportedPostData, SourceError
from .common import FILENAME_DATE, finish, parse_date, read_text, split_tags
from .text_blocks import convert, units_of

META = {
    "datum": "date", "date": "date", "tags": "tags", "schlagwörter": "tags",
    "anreißer": "teaser", "teaser": "teaser", "slug": "slug",
}  # fmt: skip


def parse(path, name, resolver):
    text, warnings = read_text(path, name)
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines) if line.strip()), None)
    if start is None:
        raise SourceError(_("Die Datei ist leer."), file=name)
    title = lines[start].strip().lstrip("#").strip()
    fields, index = {}, start + 1
    while index < len(lines) and ":" in lines[index]:
        key, value = lines[index].split(":", 1)
        if key.strip().lower() not in META:
            break
        fields[META[key.strip().lower()]] = (value.strip(), index + 1)
        index += 1
    stem_date = FILENAME_DATE.match(path.stem)
    raw_date, date_line = fields.get("date", (stem_date[1] if stem_date else None, 1))
    try:
        post_date, moment = parse_date(raw_date)
    except ValueError:
        raise SourceError(
            _("Datum „%s“ ist nicht lesbar (erwartet z. B. 31.03.2024).") % raw_date,
            file=name,
            location=f"Zeile {date_line}",
        ) from None
    body = lines[index:]
    while body and not body[0].strip():
        body.pop(0)
    while body and not body[-1].strip():
        body.pop()
    units, blank_separated = units_of(body)
    builder = BlockBuilder(resolver, warnings)
    headings = convert(units, builder)
    notes = [_("Erste Zeile als Titel übernommen: „%s“.") % clean_text(title)]
    if not blank_separated and len(units) > 1:
        notes.append(_("Keine Leerzeilen im Text: jede Zeile ist ein eigener Absatz."))
    if headings:
        notes.append(
            _("Zwischenüberschriften erkannt: %(count)d (%(list)s) – bitte prüfen.")
            % {
                "count": len(headings),
                "list": ", ".join(f"„{text}“" for text in headings),
            }
        )
    else:
        notes.append(_("Keine Zwischenüberschriften erkannt."))
    post = ImportedPostData(
        source="text",
        source_id="",
        origin=name,
        title=title,
        slug=fields.get("slug", ("", 0))[0],
        date=post_date,
        published_at=moment,
        tags=split_tags(fields.get("tags", ("", 0))[0]),
        teaser=fields.get("teaser", ("", 0))[0],
        blocks=builder.finish(),
        warnings=warnings,
        notes=notes,
    )
    finish(post)
    post.source_id = post.slug
    yield post
