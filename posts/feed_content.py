"""HTML for feed entries: plain markup, absolute URLs, and a fixed number of
queries however many entries there are.

Feed readers run no JavaScript and resolve relative URLs badly, so entries are
not rendered with the site's block templates (picture sets, click-to-load video,
anchor links). All images and rich-text links of all entries are fetched in bulk.
"""

import re

from django.template.defaultfilters import linebreaksbr
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from wagtail.images import get_image_model
from wagtail.rich_text import expand_db_html

from .blocks import CodeBlock, TableBlock, VideoBlock
from .seo import absolute_url

# Both sizes are part of the site's own image specs, so they usually exist already.
FEED_HERO_SPEC = "fill-1200x675|format-jpeg"
FEED_BODY_SPEC = "width-1200|format-jpeg"

# Blocks with one template for feeds and emails (templates/blocks/portable/).
PORTABLE_BLOCKS = {"table": TableBlock(), "code": CodeBlock()}

# Marks where one rich text ends, so all of them are expanded in one pass.
SPLIT = "<!--feder-feed-split-->"
RELATIVE_URL = re.compile(r'(\s(?:href|src)=")(/[^/"][^"]*|/)"')


def absolutize_html(root_url, html):
    return RELATIVE_URL.sub(
        lambda m: f'{m.group(1)}{absolute_url(root_url, m.group(2))}"', html
    )


class FeedContent:
    """Renders the feed HTML of a list of posts whose bodies are loaded."""

    def __init__(self, posts, root_url):
        self.root_url = root_url
        self.images = self._load_images(posts)
        self.rich_texts = self._expand_rich_texts(posts)

    @staticmethod
    def _raw_blocks(post):
        return post.body.raw_data if post.body else []

    def _load_images(self, posts):
        ids = {post.feature_image_id for post in posts if post.feature_image_id}
        for post in posts:
            for block in self._raw_blocks(post):
                if block["type"] == "image" and block["value"].get("image"):
                    ids.add(block["value"]["image"])
        if not ids:
            return {}
        images = get_image_model().objects.filter(pk__in=ids)
        return {
            image.pk: image
            for image in images.prefetch_renditions(FEED_HERO_SPEC, FEED_BODY_SPEC)
        }

    def _expand_rich_texts(self, posts):
        """Expanded rich texts per post, in body order; one rewrite for all posts."""
        owners, sources = [], []
        for post in posts:
            for block in self._raw_blocks(post):
                source = self._rich_text_source(block)
                if source is not None:
                    owners.append(post.pk)
                    sources.append(source.replace(SPLIT, ""))
        expanded = expand_db_html(SPLIT.join(sources)).split(SPLIT) if sources else []
        by_post = {}
        for owner, html in zip(owners, expanded, strict=True):
            by_post.setdefault(owner, []).append(absolutize_html(self.root_url, html))
        return by_post

    @staticmethod
    def _rich_text_source(block):
        if block["type"] == "paragraph":
            return block["value"] or ""
        if block["type"] == "callout":
            return block["value"].get("text") or ""
        return None

    def image_html(self, image_id, spec, alt):
        image = self.images.get(image_id)
        if image is None:
            return ""
        rendition = image.get_rendition(spec)
        return format_html(
            '<img src="{}" width="{}" height="{}" alt="{}">',
            absolute_url(self.root_url, rendition.url),
            rendition.width,
            rendition.height,
            alt,
        )

    def hero(self, post):
        img = self.image_html(
            post.feature_image_id, FEED_HERO_SPEC, post.feature_image_alt
        )
        return format_html("<p>{}</p>", img) if img else ""

    def summary(self, post, link):
        """Image and teaser with a link: the entry when feeds carry no full text."""
        return format_html(
            '{}<p>{}</p><p><a href="{}">Artikel lesen</a></p>',
            self.hero(post),
            post.teaser,
            link,
        )

    def full(self, post):
        texts = iter(self.rich_texts.get(post.pk, ()))
        parts = [self.hero(post)]
        parts += [self.block_html(block, texts) for block in self._raw_blocks(post)]
        return mark_safe("".join(str(part) for part in parts))  # each part is escaped

    def block_html(self, block, texts):
        kind, value = block["type"], block["value"]
        if kind == "paragraph":
            return mark_safe(next(texts))  # editor rich text, as on the site
        if kind == "callout":
            text = mark_safe(next(texts))  # editor rich text, as on the site
            title = format_html("<p><strong>{}</strong></p>", value.get("title") or "")
            return format_html(
                "<blockquote>{}{}</blockquote>",
                title if value.get("title") else "",
                text,
            )
        if kind == "heading":
            tag = "h3" if value.get("level") == "h3" else "h2"
            return format_html("<{}>{}</{}>", tag, value.get("text", ""), tag)
        if kind == "image":
            return self.figure(value)
        if kind == "quote":
            attribution = value.get("attribution")
            return format_html(
                "<blockquote><p>{}</p>{}</blockquote>",
                linebreaksbr(value.get("text", ""), autoescape=True),
                format_html("<p>– {}</p>", attribution) if attribution else "",
            )
        if kind == "video":
            return self.video(value)
        if kind == "divider":
            return mark_safe("<hr>")
        if kind in PORTABLE_BLOCKS:
            value = PORTABLE_BLOCKS[kind].to_python(value)
            return render_to_string(f"blocks/portable/{kind}.html", {"value": value})
        return ""

    def figure(self, value):
        img = self.image_html(
            value.get("image"), FEED_BODY_SPEC, value.get("alt_text", "")
        )
        if not img:
            return ""
        caption = " · ".join(
            part for part in (value.get("caption"), value.get("credit")) if part
        )
        return format_html(
            "<figure>{}{}</figure>",
            img,
            format_html("<figcaption>{}</figcaption>", caption) if caption else "",
        )

    @staticmethod
    def video(value):
        # A link instead of the click-to-load player, which needs the site's JavaScript.
        video = VideoBlock().to_python(value)
        if not video.watch_url():
            return ""
        return format_html(
            '<p><a href="{}">{} auf {} ansehen</a></p>',
            video.watch_url(),
            video.get("title") or "Video",
            video.provider_name(),
        )
