"""How the lines of a plain text file become blocks (docs/import.md, "Plain
text", rules 3 to 10): grouping lines into paragraphs and lists, then guessing
quotes, headings, sign-offs and the rest, conservatively."""

import re
from dataclasses import dataclass, field
from html import escape

from ..builder import CREDIT, canonical_video_url, clean_text

LIST_ITEM = re.compile(r"^(?:[-–•*]|(\d{1,3})[.)])\s+(.*)$")
IMAGE_REF = re.compile(r"^(\S+\.(?:jpe?g|png|gif|webp|avif))(?:\s+(.+))?$", re.I)
DIVIDER = re.compile(r"^(?:-{3,}|_{3,}|\*{3,}|(?:\*\s+){2,}\*)$")
URL = re.compile(r"https?://[^\s<>\"]+[^\s<>\".,;:!?)\]]")
OPENING = "„\"“»«‚'"
CLOSING = "“\"”«»‘'"
DOUBLE_QUOTES = '„“”"»«'
FINAL_PUNCTUATION = ".,:;!?…" + CLOSING
SENTENCE_END = ".!?…:" + CLOSING + ")"
ATTRIBUTION = re.compile(r"^[—–―-]\s*\S")
SIGN_OFF = re.compile(
    r"^(?:(?:(?:\w+\s+){0,3}(?:Grüße|Grüßen|Gruß|Grüsse|Gruss)\b|Herzlichst"
    r"|Alles Gute|Bis bald|Bis dann|Bis zum nächsten Mal|Cheers|Ciao|Tschüss)"
    r"[^.?]{0,25}|(?:Dein|Deine|Euer|Eure|Ihr|Ihre)\s*,?)$",
    re.I,
)
GREETING = re.compile(
    r"^(?:Hallo|Hi|Hey|Moin|Servus|Guten (?:Morgen|Tag|Abend)|Liebe|Lieber"
    r"|Sehr geehrte)\b",
    re.I,
)
MAX_HEADING_WORDS = 10


@dataclass
class Unit:
    """Lines that belong together: a paragraph's lines, or one run of list items."""

    kind: str  # "text" or "list"
    lines: list[str]
    indented: bool = False  # its first line is indented (a list item's paragraph)


@dataclass
class OpenList:
    ordered: bool
    items: list[list[str]] = field(default_factory=list)  # text, then paragraphs
    last_number: int = 0

    def add(self, items):
        for number, text in items:
            self.items.append([text])
            self.last_number = number or self.last_number + 1

    def html(self):
        tag = "ol" if self.ordered else "ul"
        body = "".join(
            "<li>" + "<br/>".join(inline(clean_text(part)) for part in item) + "</li>"
            for item in self.items
        )
        return f"<{tag}>{body}</{tag}>"


def is_quoted(text):
    text = text.rstrip(".,")
    if len(text) <= 2 or text[0] not in OPENING or text[-1] not in CLOSING:
        return False
    # „Eins“ und „Zwei“ starts and ends with a quote mark but is no quotation.
    return not any(mark in text[1:-1] for mark in DOUBLE_QUOTES)


def is_list_item(line):
    return bool(LIST_ITEM.match(line)) and not DIVIDER.match(line)


def is_heading(line):
    return (
        len(line) <= 80
        and len(line.split()) <= MAX_HEADING_WORDS
        and line[-1] not in FINAL_PUNCTUATION
        and line[0] not in OPENING
        and (line[0].isupper() or line[0].isdigit())
        and not is_list_item(line)
        and not IMAGE_REF.match(line)
        and not URL.match(line)
        and not CREDIT.match(line)
        and not GREETING.match(line)
        and not SIGN_OFF.match(line)
        and any(char.isalpha() for char in line)
    )


def wraps(previous, line):
    """A hard-wrapped line: the previous one stops mid-sentence, this one goes on."""
    return previous[-1] not in SENTENCE_END and line[0].islower()


def is_name(line):
    return (
        len(line) <= 60
        and len(line.split()) <= 6
        and line[-1] not in ".!?:"
        and not is_list_item(line)
        and not CREDIT.match(line)
    )


def signs_off_with(unit, line):
    """The name lines below a "Viele Grüße," line belong to it."""
    tail = unit.lines[-2:]
    return (
        unit.kind == "text"
        and is_name(line)
        and any(SIGN_OFF.match(previous) for previous in tail)
        and not (len(tail) == 2 and SIGN_OFF.match(tail[0]) and not is_name(tail[1]))
    )


def units_of(lines):
    """Group the body's lines. With blank lines in the body, they separate
    paragraphs and a paragraph's lines are joined; without any, every line is
    its own paragraph (text copied from a web page) unless it is hard-wrapped."""
    blank_separated = any(not line.strip() for line in lines)
    units, current = [], None
    for raw in lines:
        line = raw.strip()
        if not line:
            current = None
            continue
        indented = raw[:1] in (" ", "\t")
        after_quote = current is not None and is_quoted(current.lines[-1])
        if is_list_item(line) and not (after_quote and ATTRIBUTION.match(line)):
            if current is not None and current.kind == "list":
                current.lines.append(line)
            else:
                current = Unit("list", [line], indented)
                units.append(current)
        elif (
            current is not None
            and current.kind == "list"
            and (indented or wraps(current.lines[-1], line))
        ):
            current.lines.append(line)  # the item goes on
        elif (
            current is not None
            and current.kind == "text"
            and (
                blank_separated
                or wraps(current.lines[-1], line)
                or signs_off_with(current, line)
            )
        ):
            current.lines.append(line)
        else:
            current = Unit("text", [line], indented)
            units.append(current)
    return units, blank_separated


def list_items(lines):
    """(number or None, text) per item; unmarked lines continue the item."""
    items = []
    for line in lines:
        match = LIST_ITEM.match(line)
        if match:
            items.append([int(match[1]) if match[1] else None, match[2]])
        elif items:
            items[-1][1] += " " + line
    return [tuple(item) for item in items]


def inline(text):
    return URL.sub(lambda m: f'<a href="{m[0]}">{m[0]}</a>', escape(text, quote=False))


def paragraph_html(lines):
    """Joined lines; a sign-off keeps the line break before the name."""
    for index, line in enumerate(lines):
        names = lines[index + 1 :]
        if SIGN_OFF.match(line) and 1 <= len(names) <= 2 and all(map(is_name, names)):
            before = (
                f"<p>{inline(clean_text(' '.join(lines[:index])))}</p>" if index else ""
            )
            signed = "<br/>".join(inline(clean_text(part)) for part in lines[index:])
            return f"{before}<p>{signed}</p>"
    return f"<p>{inline(clean_text(' '.join(lines)))}</p>"


def is_paragraph(unit):
    """Running text, as a heading is followed by: not a heading, quote or image."""
    if unit is None:
        return False
    if unit.kind == "list":
        return True
    text = clean_text(" ".join(unit.lines))
    return not (
        (len(unit.lines) == 1 and (is_heading(text) or is_quoted(text)))
        or IMAGE_REF.match(text)
        or DIVIDER.match(text)
        or canonical_video_url(text)
        or CREDIT.match(text)
    ) and (text[-1] in SENTENCE_END or len(text) > 80)


def continues_list(units, position, open_list):
    """An unindented paragraph between item n and item n + 1 is item n's."""
    if not open_list.ordered:
        return False
    for unit in units[position : position + 3]:
        if unit.kind == "list":
            number = list_items(unit.lines)[0][0]
            return number == open_list.last_number + 1
    return False


def convert(units, builder):
    """Add the units' blocks to builder; return the texts taken as headings."""
    headings, open_list, last = [], None, None
    position = 0
    while position < len(units):
        unit = units[position]
        following = units[position + 1] if position + 1 < len(units) else None
        position += 1
        if unit.kind == "list":
            items = list_items(unit.lines)
            ordered = all(number is not None for number, _text in items)
            restarts = (
                ordered and items[0][0] == 1 and open_list and open_list.last_number > 1
            )
            if open_list is None or open_list.ordered != ordered or restarts:
                if open_list:
                    builder.add_rich(open_list.html())
                open_list = OpenList(ordered)
            open_list.add(items)
            last = "list"
            continue
        if open_list and (unit.indented or continues_list(units, position, open_list)):
            open_list.items[-1].append(" ".join(unit.lines))
            continue
        if open_list:
            builder.add_rich(open_list.html())
            open_list = None
        last = add_text(unit, following, last, builder, headings)
        if last == "quote+attribution":
            position += 1  # the attribution line is taken
            last = "quote"
    if open_list:
        builder.add_rich(open_list.html())
    return headings


def add_text(unit, following, last, builder, headings):
    """One unit of text as a block; returns what it became."""
    lines = unit.lines
    first = lines[0]
    image = IMAGE_REF.match(first)
    if len(lines) == 1 and DIVIDER.match(first):
        builder.add_divider()
        return "divider"
    if len(lines) == 1 and canonical_video_url(first):
        builder.add_video(first)
        return "video"
    if image:
        builder.add_image(image[1], alt=image[2] or "")
        rest = lines[1:]
        if rest and CREDIT.match(rest[0]) and builder.set_credit(rest[0]):
            rest = rest[1:]
        if rest:
            builder.add_rich(paragraph_html(rest))
        return "image"
    if (
        len(lines) > 1
        and is_quoted(" ".join(lines[:-1]))
        and len(lines[-1]) <= 150
        and lines[-1][0] not in OPENING
    ):
        builder.add_quote(" ".join(lines[:-1]), lines[-1])
        return "quote"
    if len(lines) == 1 and is_quoted(first):
        attribution = (
            following.lines[0]
            if following
            and following.kind == "text"
            and len(following.lines) == 1
            and ATTRIBUTION.match(following.lines[0])
            and len(following.lines[0]) <= 150
            else ""
        )
        builder.add_quote(first, attribution)
        return "quote+attribution" if attribution else "quote"
    if (
        len(lines) == 1
        and last != "heading"
        and is_heading(first)
        and is_paragraph(following)
        and len(" ".join(following.lines)) > len(first)
    ):
        builder.add_heading(first, "h2")
        headings.append(clean_text(first))
        return "heading"
    if len(lines) == 1 and builder.set_credit(first):
        return "credit"
    builder.add_rich(paragraph_html(lines))
    return "paragraph"
