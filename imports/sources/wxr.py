"""WordPress export files (WXR: Werkzeuge → Daten exportieren)."""

import re
from html import escape, unescape
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import parse as parse_xml

from django.utils.translation import gettext as _

from ..data import ImportedPostData, Skipped, SourceError
from ..html_to_blocks import html_to_blocks
from .common import finish, parse_date

STATUSES = {"publish": False, "draft": True}  # status -> stays a draft
DEFAULT_CATEGORIES = {"uncategorized", "allgemein"}
BLOCK_START = re.compile(
    r"^\s*<(?:p|div|h\d|ul|ol|blockquote|figure|table|pre|hr)\b", re.I
)


def local(tag):
    return tag.rsplit("}", 1)[-1]


def fields(item):
    """Child elements by local name, whatever WXR version's namespace they carry."""
    found = {}
    for child in item:
        name = local(child.tag)
        if name == "encoded" and "excerpt" in child.tag:
            name = "excerpt"
        found.setdefault(name, []).append(child)
    return found


def text_of(found, name):
    elements = found.get(name)
    return (elements[0].text or "").strip() if elements else ""


def parse(path, name, resolver):
    try:
        tree = parse_xml(path)
    except ParseError as error:
        line, column = error.position
        raise SourceError(
            _("Ungültiges XML: %s") % str(error).split(":")[0],
            file=name,
            location=f"Zeile {line}, Spalte {column}",
        ) from None
    except DefusedXmlException:
        raise SourceError(
            _("Unsichere XML-Konstrukte (Entities/DTD) werden nicht gelesen."),
            file=name,
        ) from None
    channel = tree.getroot().find("channel")
    if channel is None or local(tree.getroot().tag) != "rss":
        raise SourceError(
            _("Keine WordPress-Exportdatei (WXR): <rss><channel> fehlt."), file=name
        )
    site = text_of(fields(channel), "base_site_url") or text_of(fields(channel), "link")
    items = [fields(item) for item in channel.findall("item")]
    attachments = {
        text_of(item, "post_id"): item
        for item in items
        if text_of(item, "post_type") == "attachment"
    }
    for index, item in enumerate(items, 1):
        post_type = text_of(item, "post_type") or "post"
        if post_type != "post":
            continue  # pages, attachments, menus: not posts
        title = text_of(item, "title")
        where = f"Eintrag {index} (post_id {text_of(item, 'post_id') or '?'})"
        if title:
            where += f" „{title[:60]}“"
        status = text_of(item, "status")
        if status not in STATUSES:
            yield Skipped(
                f"{name}, {where}",
                title,
                _("Status „%s“ wird nicht importiert.") % status,
            )
            continue
        try:
            yield convert(item, name, where, site, resolver, attachments)
        except SourceError as error:
            yield error
        except (TypeError, ValueError, KeyError, IndexError, AttributeError) as error:
            yield SourceError(
                _("Eintrag nicht lesbar (%s).") % error, file=name, location=where
            )


def convert(item, name, where, site, resolver, attachments):
    def fail(message):
        raise SourceError(message, file=name, location=where)

    title = text_of(item, "title")
    if not title:
        fail(_("Beitrag ohne Titel."))
    post_id = text_of(item, "post_id")
    if not post_id:
        fail(_("Beitrag ohne wp:post_id."))
    raw_date = text_of(item, "post_date")
    if raw_date.startswith("0000"):
        raw_date = ""
    raw_date = raw_date or text_of(item, "pubDate")
    try:
        post_date, _moment = parse_date(raw_date)
    except ValueError:
        fail(_("Datum „%s“ ist nicht lesbar.") % raw_date)
    gmt = text_of(item, "post_date_gmt")
    try:
        moment = parse_date(gmt + "+00:00")[1] if gmt[:4].strip("0") else None
    except ValueError:
        moment = None
    warnings = []
    tags = []
    for category in item.get("category", []):
        label = (category.text or "").strip()
        if category.get("domain") not in ("category", "post_tag") or not label:
            continue
        if category.get("nicename") in DEFAULT_CATEGORIES:
            continue
        tags.append(label)
    content = expand_shortcodes(text_of(item, "encoded"), attachments, warnings)
    post = ImportedPostData(
        source="wxr",
        source_id=f"{site}#{post_id}",
        origin=f"{name}, {where}",
        title=title,
        slug=text_of(item, "post_name"),
        date=post_date,
        published_at=moment,
        tags=tags,
        teaser=text_of(item, "excerpt"),
        authors=[text_of(item, "creator")] if text_of(item, "creator") else [],
        draft=STATUSES[text_of(item, "status")],
        warnings=warnings,
    )
    for meta in item.get("postmeta", []):
        meta_fields = fields(meta)
        if text_of(meta_fields, "meta_key") == "_thumbnail_id":
            attachment = attachments.get(text_of(meta_fields, "meta_value"))
            if attachment:
                post.feature_image = resolver.resolve(
                    text_of(attachment, "attachment_url"), warnings
                )
                post.feature_image_alt = attachment_alt(attachment)
    post.blocks = html_to_blocks(autop(content), resolver, warnings)
    return finish(post)


def attachment_alt(attachment):
    for meta in attachment.get("postmeta", []):
        meta_fields = fields(meta)
        if text_of(meta_fields, "meta_key") == "_wp_attachment_image_alt":
            return text_of(meta_fields, "meta_value")
    return text_of(attachment, "title")


CAPTION = re.compile(r"\[caption[^\]]*\](.*?)\[/caption\]", re.S)
# SyntaxHighlighter's shortcodes; the code inside is stored as typed.
CODE_SHORTCODE = re.compile(
    r"\[(code|sourcecode|source)(\s[^\]]*)?\](.*?)\[/\1\]", re.S
)
EMBED = re.compile(r"\[embed[^\]]*\](.*?)\[/embed\]", re.S)
GALLERY = re.compile(r"\[gallery[^\]]*?ids=\"([\d,\s]+)\"[^\]]*\]")
SHORTCODE = re.compile(r"\[(/?)([a-z_][\w-]*)(\s[^\]]*)?\]")
# Bare words in brackets ("[sic]") are text; these are known shortcodes.
KNOWN_SHORTCODES = {"audio", "video", "playlist", "gallery", "caption", "embed", "more"}


def expand_shortcodes(content, attachments, warnings):
    def caption(match):
        inner = match[1]
        image = re.search(r"<img[^>]*>", inner)
        if not image:
            return inner
        text = inner.replace(image[0], "")
        text = re.sub(r"</?a[^>]*>", "", text).strip()
        return f"<figure>{image[0]}<figcaption>{text}</figcaption></figure>"

    def gallery(match):
        images = []
        for attachment_id in match[1].split(","):
            attachment = attachments.get(attachment_id.strip())
            if attachment:
                url = text_of(attachment, "attachment_url")
                images.append(f'<figure><img src="{url}" alt=""></figure>')
        return "".join(images)

    def code(match):
        attributes = dict(re.findall(r'(\w+)="([^"]*)"', match[2] or ""))
        language = attributes.get("language") or attributes.get("lang") or ""
        body = escape(unescape(match[3]).strip("\n"), quote=False)
        return f'\n\n<pre data-language="{escape(language)}">{body}</pre>\n\n'

    content = CODE_SHORTCODE.sub(code, content)
    content = CAPTION.sub(caption, content)
    content = EMBED.sub(lambda m: f"\n\n{m[1].strip()}\n\n", content)
    content = GALLERY.sub(gallery, content)
    removed = set()

    def strip(match):
        closing, name, attributes = match.groups()
        if closing or (attributes and "=" in attributes) or name in KNOWN_SHORTCODES:
            removed.add(name)
            return ""
        return match[0]

    content = SHORTCODE.sub(strip, content)
    if removed:
        warnings.append(_("Shortcodes entfernt: %s") % ", ".join(sorted(removed)))
    return content


# Blank lines inside these are content, not paragraph breaks.
VERBATIM = re.compile(r"<(pre|table)\b.*?</\1\s*>", re.I | re.S)
PLACEHOLDER = re.compile(r"^\x00(\d+)\x00$")


def autop(content):
    """WordPress's classic editor stores paragraphs as blank lines, not <p>."""
    if re.search(r"<p[\s>]", content, re.I):
        return content
    kept = []

    def keep(match):
        kept.append(match[0])
        return f"\n\n\x00{len(kept) - 1}\x00\n\n"

    chunks = [
        chunk.strip() for chunk in re.split(r"\n\s*\n", VERBATIM.sub(keep, content))
    ]
    out = []
    for chunk in chunks:
        placeholder = PLACEHOLDER.match(chunk)
        if placeholder:
            out.append(kept[int(placeholder[1])])
        elif BLOCK_START.match(chunk):
            out.append(chunk)
        elif chunk:
            out.append(f"<p>{chunk.replace(chr(10), '<br>')}</p>")
    return "".join(out)
