"""The automatic teaser: the body's first sentences, never cut mid-sentence.

The post page leaves a teaser out when it only repeats the body's opening
(BlogPostPage.teaser_opens_body), so this teaser appears in listings, feeds and
search results, not twice on the post itself.
"""

import re
from html import unescape

from django.utils.html import strip_tags

from .builder import clean_text, shorten

MAX_AUTO_TEASER = 160
# A full stop after these does not end a sentence.
ABBREVIATIONS = {
    "z", "b", "d", "h", "u", "a", "o", "ä", "s", "vgl", "bzw", "ca", "dr", "prof",
    "nr", "str", "st", "usw", "etc", "evtl", "ggf", "inkl", "zzgl", "bspw", "sog",
    "mio", "mrd", "abb", "jh", "jhd", "hr", "fr", "min", "max", "tel", "mind",
}  # fmt: skip
BOUNDARY = re.compile(r"[.!?…][\"“”»«'’)]*(?=\s+[\"„“»«'‚(]*[A-ZÄÖÜ0-9])")


def sentences(text):
    """Split text into sentences, keeping abbreviations and ordinals together."""
    found, start = [], 0
    for match in BOUNDARY.finditer(text):
        word = re.search(r"(\S+)$", text[start : match.start() + 1])
        token = word[1].rstrip(".").split(".")[-1].lower() if word else ""
        if text[match.start()] == "." and (token in ABBREVIATIONS or token.isdigit()):
            continue
        found.append(text[start : match.end()].strip())
        start = match.end()
    rest = text[start:].strip()
    return [*found, rest] if rest else found


def lead_sentences(text, limit=MAX_AUTO_TEASER, count=2):
    """Up to `count` whole sentences within `limit` characters; a first sentence
    that is longer on its own is shortened at a word with "…"."""
    text = clean_text(text)
    taken = ""
    for sentence in sentences(text)[:count]:
        candidate = f"{taken} {sentence}".strip()
        if len(candidate) > limit:
            break
        taken = candidate
    return taken or shorten(text, limit)


def first_paragraph_text(blocks):
    """The readable text of the body's first paragraph, or ""."""
    for block_type, value in blocks:
        if block_type != "paragraph":
            continue
        first = re.match(r"\s*<p>(.*?)</p>", value, re.S)
        html = first[1] if first else value
        html = re.sub(r"<br\s*/?>|</(?:p|li)>", " ", html)
        return clean_text(unescape(strip_tags(html)))
    return ""


def auto_teaser(blocks):
    return lead_sentences(first_paragraph_text(blocks))
