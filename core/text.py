import re

import snowballstemmer

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import slugify

GERMAN_TRANSLITERATION = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"}
)
# What is left after stemming: the stemmer already reads "ue" as "ü" and drops
# the dots, so "Führung" and "fuehrung" both end up as "fuhrung".
STEM_FOLDING = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})
WORD = re.compile(r"\w+")
_stemmer = snowballstemmer.stemmer("german")


def german_slugify(text):
    """An ASCII slug that reads well in German: "Führung" -> "fuehrung"."""
    return slugify((text or "").translate(GERMAN_TRANSLITERATION))


def german_stem(word):
    """The Snowball German stem, umlauts and ß folded: "Kunden" -> "kund"."""
    return _stemmer.stemWord(word.lower()).translate(STEM_FOLDING)


def german_stems(text):
    """The stems of every word in `text`, in order."""
    return [german_stem(word) for word in WORD.findall(text or "")]


def highlight(text, stems):
    """`text` escaped, with every word whose stem is in `stems` in <mark>."""
    stems = set(stems)
    if not stems:
        return escape(text)
    parts, last = [], 0
    for match in WORD.finditer(text or ""):
        if german_stem(match.group()) in stems:
            parts += [escape(text[last : match.start()]), "<mark>"]
            parts += [escape(match.group()), "</mark>"]
            last = match.end()
    parts.append(escape((text or "")[last:]))
    return mark_safe("".join(parts))  # every piece above is escaped
