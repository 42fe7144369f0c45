"""A small, safe reader for the YAML front matter blogs use.

It understands `key: value`, quoted values, `[a, b]` lists, `- item` lists and
`|`/`>` blocks; values stay strings (no YAML type guessing, so a tag "no"
stays "no"). Anything else is an error naming the line.
"""

import re

from django.utils.translation import gettext as _

from ..data import SourceError

KEY = re.compile(r"^([^\s:#][^:]*?)\s*:(?:\s+(.*?))?\s*$")


def split_front_matter(text, name):
    """(meta, key -> line number, body, first line of the body)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, {}, text, 1
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            break
    else:
        raise SourceError(
            _("Front Matter ohne abschließendes „---“."), file=name, location="Zeile 1"
        )
    meta, line_of = parse_block(lines[1:end], name, first_line=2)
    return meta, line_of, "\n".join(lines[end + 1 :]), end + 2


def parse_block(lines, name, first_line):
    meta, line_of = {}, {}
    key, mode, index = None, None, 0
    while index < len(lines):
        raw = lines[index]
        number = first_line + index
        index += 1
        stripped = raw.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if raw[0] in " \t" or stripped.startswith("-"):
            if mode == "list" and (stripped == "-" or stripped.startswith("- ")):
                meta[key].append(scalar(stripped[1:].strip(), name, number))
                continue
            raise SourceError(
                _("Front Matter: unerwartete Zeile „%s“.") % stripped[:40],
                file=name,
                location=f"Zeile {number}",
            )
        match = KEY.match(raw)
        if not match:
            raise SourceError(
                _("Front Matter: erwartet „Schlüssel: Wert“, gefunden „%s“.")
                % stripped[:40],
                file=name,
                location=f"Zeile {number}",
            )
        key, value = match[1].strip().lower(), (match[2] or "").strip()
        line_of[key] = number
        mode = None
        if value in ("|", "|-", ">", ">-"):
            block = []
            while index < len(lines) and (
                not lines[index].strip() or lines[index][0] in " \t"
            ):
                block.append(lines[index].strip())
                index += 1
            meta[key] = ("\n" if value.startswith("|") else " ").join(block).strip()
        elif value == "":
            meta[key], mode = [], "list"
        else:
            meta[key] = scalar(value, name, number)
    return meta, line_of


def scalar(value, name, number):
    def fail(message):
        raise SourceError(message, file=name, location=f"Zeile {number}")

    if value.startswith("["):
        if not value.endswith("]"):
            fail(_("Front Matter: Liste ohne schließende Klammer „]“."))
        items = re.findall(
            r'\s*("(?:[^"\\]|\\.)*"|\'(?:[^\']|\'\')*\'|[^,]+)', value[1:-1]
        )
        return [scalar(item.strip(), name, number) for item in items if item.strip()]
    if value[:1] in ('"', "'"):
        quote = value[0]
        if len(value) < 2 or not value.endswith(quote):
            fail(_("Front Matter: Anführungszeichen nicht geschlossen."))
        inner = value[1:-1]
        if quote == '"':
            return re.sub(r"\\(.)", r"\1", inner)
        return inner.replace("''", "'")
    return re.split(r"\s+#", value, maxsplit=1)[0].strip()
