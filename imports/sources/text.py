"""Plain text files. The rules are listed in docs/import.md; in short:

the first line is the title (optionally followed by "Datum:", "Tags:",
"Anreißer:" lines); blank lines separate blocks; a block is a list when its
lines start with "-", "•", "*" or "1."; a quoted line followed by an
attribution line is a quote; a line naming an image file is an image and a
following "Bild: …" line its credit; a short single line without final
punctuation, followed by more text, is a heading; a YouTube/Vimeo URL alone
is a video; "---" or "* * *" alone is a divider; everything else is a paragraph.
"""

import re
from html import escape

from django.utils.translation import gettext as _

from ..builder import CREDIT, BlockBuilder, canonical_video_url, clean_text
from ..data import ImportedPostData, SourceError
from .common import FILENAME_DATE, finish, parse_date, read_text, split_tags

LIST_ITEM = re.compile(r"^(?:[-•*]|(\d{1,3})[.)])\s+(.*)$")
IMAGE_REF = re.compile(r"^(\S+\.(?:jpe?g|png|gif|webp|avif))(?:\s+(.+))?$", re.I)
DIVIDER = re.compile(r"^(?:-{3,}|_{3,}|\*{3,}|(?:\*\s+){2,}\*)$")
URL = re.compile(r"https?://[^\s<>\"]+[^\s<>\".,;:!?)\]]")
META = {
    "datum": "date", "date": "date", "tags": "tags", "schlagwörter": "tags",
    "anreißer": "teaser", "teaser": "teaser", "slug": "slug",
}  # fmt: skip
OPENING = "„\"“»«‚'"
CLOSING = "“\"”«»‘'"
FINAL_PUNCTUATION = ".,:;!?…" + CLOSING


def paragraphs(lines, start):
    """Groups of consecutive non-blank lines, with the line number they start at."""
    groups, current = [], None
    for number, line in enumerate(lines, start):
        if line.strip():
            if current is None:
                current = (number, [])
                groups.append(current)
            current[1].append(line.strip())
        else:
            current = None
    return groups


def is_quoted(text):
    text = text.rstrip(".,")
    return len(text) > 2 and text[0] in OPENING and text[-1] in CLOSING


def is_heading(line):
    return (
        len(line) <= 80
        and line[-1] not in FINAL_PUNCTUATION
        and line[0] not in OPENING
        and not LIST_ITEM.match(line)
        and not IMAGE_REF.match(line)
        and not URL.match(line)
        and any(char.isalpha() for char in line)
    )


def inline(text):
    return URL.sub(lambda m: f'<a href="{m[0]}">{m[0]}</a>', escape(text, quote=False))


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
    builder = BlockBuilder(resolver, warnings)
    convert(paragraphs(lines[index:], index + 1), builder)
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
    )
    finish(post)
    post.source_id = post.slug
    yield post


def convert(groups, builder):
    skip = False
    for position, (_number, lines) in enumerate(groups):
        if skip:
            skip = False
            continue
        following = groups[position + 1][1] if position + 1 < len(groups) else None
        first = lines[0]
        image = IMAGE_REF.match(first)
        if len(lines) == 1 and DIVIDER.match(first):
            builder.add_divider()
        elif len(lines) == 1 and canonical_video_url(first):
            builder.add_video(first)
        elif image:
            builder.add_image(image[1], alt=image[2] or "")
            rest = lines[1:]
            if rest and CREDIT.match(rest[0]) and builder.set_credit(rest[0]):
                rest = rest[1:]
            if rest:
                builder.add_rich(f"<p>{inline(' '.join(rest))}</p>")
        elif LIST_ITEM.match(first):
            builder.add_rich(list_html(lines))
        elif (
            is_quoted(" ".join(lines[:-1]) or "x")
            and len(lines[-1]) <= 150
            and lines[-1][0] not in OPENING
        ):
            builder.add_quote(" ".join(lines[:-1]), lines[-1])
        elif (
            len(lines) == 1
            and is_quoted(first)
            and following
            and len(following) == 1
            and following[0][0] in "—–-"
        ):
            builder.add_quote(first, following[0])
            skip = True
        elif (
            len(lines) == 1
            and is_heading(first)
            and following
            and not (len(following) == 1 and is_heading(following[0]))
        ):
            builder.add_heading(first, "h2")
        else:
            joined = clean_text(" ".join(lines))
            if not builder.set_credit(joined):
                builder.add_rich(f"<p>{inline(joined)}</p>")


def list_html(lines):
    items, ordered = [], True
    for line in lines:
        match = LIST_ITEM.match(line)
        if match:
            ordered = ordered and bool(match[1])
            items.append(match[2])
        elif items:
            items[-1] += " " + line  # a wrapped item continues on the next line
    tag = "ol" if ordered else "ul"
    body = "".join(f"<li>{inline(clean_text(item))}</li>" for item in items)
    return f"<{tag}>{body}</{tag}>"
