"""The post rendered for email: inline styles, absolute URLs, no scripts.

The site's block templates are made for browsers (picture/srcset, a click-to-load
video player); email clients get their own templates in
templates/emails/newsletter/blocks/, chosen here per block type.
"""

import html
import re

from django.template.loader import render_to_string
from django.utils.formats import date_format
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

from wagtail.rich_text import expand_db_html

from subscriptions.emails import absolute_url

EMAIL_IMAGE_SPEC = "width-600|format-jpeg|jpegquality-80"
FEATURE_IMAGE_SPEC = "fill-600x338|format-jpeg|jpegquality-80"

ROOT_RELATIVE = re.compile(r'(\s(?:href|src))="(/[^/"][^"]*|/)"')


def absolutize(markup):
    """Root-relative links (internal page links, media) point at the site."""
    return ROOT_RELATIVE.sub(lambda m: f'{m[1]}="{absolute_url(m[2])}"', markup)


def rendition_url(image, spec):
    url = image.get_rendition(spec).url
    return url if url.startswith(("http://", "https://")) else absolute_url(url)


def post_url(page):
    return absolute_url(page.get_url_parts()[2])


def render_body_html(page, url):
    parts = []
    for block in page.body:
        context = {"value": block.value, "post_url": url, "block_id": block.id}
        if block.block_type == "image" and block.value.get("image"):
            context["image_url"] = rendition_url(block.value["image"], EMAIL_IMAGE_SPEC)
        if block.block_type == "paragraph":
            context["html"] = mark_safe(absolutize(expand_db_html(block.value.source)))
        if block.block_type == "callout":
            context["html"] = mark_safe(
                absolutize(expand_db_html(block.value["text"].source))
            )
        parts.append(
            render_to_string(
                f"emails/newsletter/blocks/{block.block_type}.html", context
            )
        )
    return mark_safe("\n".join(parts))


LINK = re.compile(r'<a\s[^>]*href="([^"]*)"[^>]*>(.*?)</a>', re.S)
BREAKS = re.compile(r"</(p|h[1-6]|li|blockquote)>|<br\s*/?>", re.I)
LIST_ITEM = re.compile(r"<li[^>]*>", re.I)


def html_to_text(markup):
    """Rich text as plain text: links as "text (url)", one paragraph per block."""
    markup = absolutize(markup)
    markup = LINK.sub(lambda m: f"{m[2]} ({html.unescape(m[1])})", markup)
    markup = LIST_ITEM.sub("- ", markup)
    markup = BREAKS.sub("\n", markup)
    text = html.unescape(strip_tags(markup))
    lines = [line.strip() for line in text.splitlines()]
    return "\n".join(line for line in lines if line)


def render_body_text(page, url):
    parts = []
    for block in page.body:
        kind, value = block.block_type, block.value
        if kind == "paragraph":
            parts.append(html_to_text(expand_db_html(value.source)))
        elif kind == "heading":
            parts.append(f"{value['text']}\n{'-' * len(value['text'])}")
        elif kind == "quote":
            quote = f"„{value['text']}“"
            if value.get("attribution"):
                quote += f"\n– {value['attribution']}"
            parts.append(quote)
        elif kind == "callout":
            title = f"{value['title']}: " if value.get("title") else ""
            parts.append(title + html_to_text(expand_db_html(value["text"].source)))
        elif kind == "image":
            parts.append(f"[Bild: {value['alt_text']}]")
        elif kind == "video":
            label = value.get("title") or "Video"
            parts.append(f"[{label} – im Blog ansehen: {url}]")
        elif kind == "divider":
            parts.append("* * *")
        elif kind == "table":
            parts.append(table_to_text(value))
        elif kind == "code":
            parts.append(
                "\n".join(f"    {line}" for line in value["code"].splitlines())
            )
    return "\n\n".join(parts)


def table_to_text(table):
    """One line per row, cells separated by " | "; the caption above."""
    lines = [table.caption] if table.caption else []
    if table.has_header():
        lines.append(" | ".join(cell.text for cell in table.header()))
    lines += [" | ".join(cell.text for cell in row) for row in table.body()]
    return "\n".join(lines)


def post_context(page, subject):
    """Everything the email templates need that is the same for every reader."""
    url = post_url(page)
    feature_image_url = ""
    if page.feature_image_id:
        feature_image_url = rendition_url(page.feature_image, FEATURE_IMAGE_SPEC)
    return {
        "page": page,
        "subject": subject,
        "post_url": url,
        "post_date": date_format(page.date, "j. F Y"),
        "feature_image_url": feature_image_url,
        "body_html": render_body_html(page, url),
        "body_text": render_body_text(page, url),
    }
