"""Helpers shared by the source parsers: reading, dates, slugs, final touches."""

import re
from datetime import UTC, date, datetime, time
from email.utils import parsedate_to_datetime
from html import unescape

from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from core.text import german_slugify

from ..builder import MAX_CREDIT, clean_text, shorten
from ..data import SourceError
from ..teaser import auto_teaser

MAX_TAG = 100
MAX_TEASER = 300
FILENAME_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})[-_ ]?(.*)$")


def read_text(path, name):
    """Decode a text file: UTF-8 (with or without BOM), else Windows-1252."""
    raw = path.read_bytes()
    if b"\x00" in raw[:8192]:
        raise SourceError(_("Keine Textdatei (Binärdaten)."), file=name)
    try:
        return raw.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n"), []
    except UnicodeDecodeError as error:
        text = raw.decode("cp1252", errors="replace").replace("\r\n", "\n")
        line = raw[: error.start].count(b"\n") + 1
        return text, [
            _("Kein gültiges UTF-8 (ab Zeile %d), als Windows-1252 gelesen.") % line
        ]


def parse_date(value):
    """(date, aware datetime or None) from the forms exports use; ValueError if unreadable."""
    if value in (None, ""):
        return None, None
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        return value, None
    elif isinstance(value, int | float):  # old Ghost exports: milliseconds
        moment = datetime.fromtimestamp(value / 1000, tz=UTC)
    else:
        text = str(value).strip()
        german = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text)
        if german:
            day, month, year = (int(part) for part in german.groups())
            return date(year, month, day), None
        try:
            moment = datetime.fromisoformat(text.replace(" ", "T", 1))
        except ValueError:
            try:
                moment = parsedate_to_datetime(text)
            except (TypeError, ValueError, IndexError):
                raise ValueError(text) from None
        if len(text) == 10 and moment.time() == time(0):
            return moment.date(), None
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return timezone.localtime(moment).date(), moment


def make_slug(text):
    return german_slugify(text)[:80].strip("-")


def split_tags(value):
    if isinstance(value, str):
        value = value.split(",")
    return [clean_text(str(tag)) for tag in value or [] if clean_text(str(tag))]


# A credit that names no image of its own, as the last line of a post.
TRAILING_CREDIT = re.compile(
    r"^(?:Bild|Bilder|Foto|Fotos|Titelbild|Titelfoto|Aufmacher|Photo|Credit)\s*:\s*\S",
    re.I,
)
LAST_PARAGRAPH = re.compile(r"<p>((?:(?!<p>).)*)</p>\s*$", re.S)


def take_trailing_credit(post):
    """A closing "Bild: Name / Agentur" line is no paragraph: it becomes the
    credit of the post's image, or is left out with a warning."""
    if not post.blocks or post.blocks[-1][0] != "paragraph":
        return
    html = post.blocks[-1][1]
    last = LAST_PARAGRAPH.search(html)
    text = clean_text(unescape(strip_tags(last[1]))) if last else ""
    if not TRAILING_CREDIT.match(text) or len(text) > MAX_CREDIT:
        return
    rest = html[: last.start()]
    if rest.strip():
        post.blocks[-1] = ("paragraph", rest)
    else:
        post.blocks.pop()
    if post.feature_image and not post.feature_image_credit:
        post.feature_image_credit = text
        post.warnings.append(
            _("Bildnachweis „%s“ vom Textende als Nachweis des Titelbilds übernommen.")
            % text
        )
    else:
        # A credit belongs to an image; without one there is nothing to credit.
        post.warnings.append(
            _("Bildnachweis „%s“ am Ende ohne Bild weggelassen.") % text
        )


def finish(post):
    """Defaults every source shares: slug, teaser, unique tags within limits."""
    post.title = shorten(clean_text(post.title), 255)
    post.slug = make_slug(post.slug) or make_slug(post.title) or "beitrag"
    seen, tags = set(), []
    for tag in post.tags:
        tag = shorten(tag, MAX_TAG)
        if tag.lower() not in seen:
            seen.add(tag.lower())
            tags.append(tag)
    post.tags = tags
    take_trailing_credit(post)
    teaser = clean_text(unescape(strip_tags(post.teaser or "")))
    post.teaser = shorten(teaser or auto_teaser(post.blocks) or post.title, MAX_TEASER)
    if not post.date and not post.tags:
        post.warnings.append(
            _(
                "Weder Datum noch Schlagwörter gefunden: bitte in der Quelle ergänzen "
                "oder nach dem Import in Wagtail eintragen."
            )
        )
    post.feature_image_alt = shorten(
        clean_text(strip_tags(post.feature_image_alt)), 250
    )
    credit = clean_text(strip_tags(post.feature_image_credit))
    post.feature_image_credit = shorten(credit, 120)
    post.warnings = list(dict.fromkeys(post.warnings))
    return post
