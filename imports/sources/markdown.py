"""Markdown files with optional YAML front matter."""

import re

import markdown as markdown_lib

from django.utils.translation import gettext as _

from ..data import ImportedPostData, SourceError
from ..html_to_blocks import html_to_blocks
from .common import FILENAME_DATE, finish, parse_date, read_text, split_tags
from .frontmatter import split_front_matter

EXTENSIONS = ["extra", "sane_lists"]
TRUE = {"true", "yes", "ja", "1", "on"}


def first(meta, *keys):
    for key in keys:
        if meta.get(key) not in (None, "", []):
            return meta[key]
    return None


def parse(path, name, resolver):
    text, warnings = read_text(path, name)
    meta, line_of, body, _body_line = split_front_matter(text, name)
    stem_date = FILENAME_DATE.match(path.stem)
    title = first(meta, "title", "titel")
    if not title:
        heading = re.search(r"^#\s+(.+?)\s*#*\s*$", body, re.M)
        if heading:
            title = heading[1]
            body = body[: heading.start()] + body[heading.end() :]
        else:
            title = stem_date[2] if stem_date else path.stem
            title = title.replace("-", " ").replace("_", " ").strip()
            warnings.append(_("Kein Titel gefunden, Dateiname verwendet."))
    raw_date = first(meta, "date", "datum", "published", "pubdate")
    try:
        post_date, moment = parse_date(
            raw_date or (stem_date[1] if stem_date else None)
        )
    except ValueError:
        key = next(k for k in ("date", "datum", "published", "pubdate") if k in meta)
        raise SourceError(
            _("Datum „%s“ ist nicht lesbar (erwartet z. B. 2024-03-31).") % raw_date,
            file=name,
            location=f"Zeile {line_of.get(key, 1)}",
        ) from None
    tags = split_tags(first(meta, "tags", "schlagwörter", "schlagworte") or [])
    tags += split_tags(first(meta, "categories", "kategorien", "category") or [])
    html = markdown_lib.markdown(body, extensions=EXTENSIONS, output_format="html")
    post = ImportedPostData(
        source="markdown",
        source_id="",
        origin=name,
        title=str(title),
        slug=str(first(meta, "slug") or ""),
        date=post_date,
        published_at=moment,
        tags=tags,
        teaser=str(first(meta, "teaser", "description", "excerpt", "summary") or ""),
        authors=split_tags(first(meta, "author", "authors", "autor") or []),
        draft=str(first(meta, "draft", "entwurf") or "").lower() in TRUE
        or str(meta.get("status", "")).lower() == "draft",
        warnings=warnings,
    )
    image = first(meta, "image", "feature_image", "cover", "titelbild")
    if image:
        post.feature_image = resolver.resolve(str(image), warnings)
        post.feature_image_alt = str(
            first(meta, "image_alt", "feature_image_alt") or ""
        )
        post.feature_image_credit = str(
            first(meta, "image_credit", "feature_image_credit") or ""
        )
    post.blocks = html_to_blocks(html, resolver, warnings)
    finish(post)
    post.source_id = post.slug  # files have no ids: the slug is the stable key
    yield post
