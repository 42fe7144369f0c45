"""Page bodies as portable HTML: for feed readers and email clients, which run
no JavaScript, load no site CSS and resolve relative URLs badly.

One renderer for feeds and newsletters. Each block renders through
`blocks/portable/<block name>.html` when that template exists (inline styles,
one JPEG instead of a <picture>, a link instead of the click-to-load player),
else through its own site template. Every root-relative URL is made absolute.
The plain-text part of an email is derived from the same HTML (`to_text`).

Rendering many bodies at once (a feed) takes a fixed number of queries: all
images, with their portable renditions, and all rich-text links are loaded in
bulk before the first block renders.
"""

import html
import re

from bs4 import BeautifulSoup, NavigableString

from django.template.loader import select_template
from django.utils.safestring import mark_safe

from wagtail.blocks import StreamValue, StructValue
from wagtail.blocks.list_block import ListValue
from wagtail.images import get_image_model
from wagtail.rich_text import RichText, expand_db_html

from .images import filter_specs, prefetched_images
from .site import absolute_url

ROOT_RELATIVE = re.compile(r'(\s(?:href|src))="(/[^/"][^"]*|/)"')
# Marks where one rich text ends, so all of them are expanded in one pass.
SPLIT = "<!--feder-portable-split-->"


def absolutize(markup):
    """Root-relative links and sources (internal pages, media) point at the site."""
    return ROOT_RELATIVE.sub(lambda m: f'{m[1]}="{absolute_url(m[2])}"', markup)


def _image_ids(raw_blocks):
    for block in raw_blocks:
        value = block.get("value")
        if isinstance(value, dict) and isinstance(value.get("image"), int):
            yield value["image"]


def _rich_texts(value):
    if isinstance(value, RichText):
        yield value
    elif isinstance(value, StructValue):
        for item in value.values():
            yield from _rich_texts(item)
    elif isinstance(value, StreamValue):
        for child in value:
            yield from _rich_texts(child.value)
    elif isinstance(value, ListValue | list):
        for item in value:
            yield from _rich_texts(item)


class PortableBodies:
    """Portable HTML of several pages' StreamField values.

    `bodies` are (page, stream value) pairs; `extra_images` are other image ids
    the caller will render (feature images), loaded in the same query.
    """

    def __init__(self, bodies, extra_images=()):
        self.bodies = list(bodies)
        ids = set(extra_images)
        for _page, stream in self.bodies:
            ids.update(_image_ids(stream.raw_data))
        self.images = self._load_images(ids)

    @staticmethod
    def _load_images(ids):
        if not ids:
            return {}
        specs = filter_specs("portable_hero") + filter_specs("portable_body")
        images = get_image_model().objects.filter(pk__in=ids)
        return {image.pk: image for image in images.prefetch_renditions(*specs)}

    def image(self, image_id):
        return self.images.get(image_id)

    def render(self):
        """{page pk: SafeString} for every body."""
        token = prefetched_images.set(self.images)
        try:
            blocks = [(page, list(stream)) for page, stream in self.bodies]
        finally:
            prefetched_images.reset(token)
        self._expand_rich_texts(bound for _page, bound in blocks)
        rendered = {}
        for page, bound in blocks:
            context = {"page_url": absolute_url(page.url)}
            rendered[page.pk] = mark_safe(
                "\n".join(render_block(block, context) for block in bound)
            )
        return rendered

    @staticmethod
    def _expand_rich_texts(all_blocks):
        """Expand every rich text of every body in one rewrite (one query for
        all internal links), leaving plain HTML in their sources."""
        texts = [
            text
            for blocks in all_blocks
            for block in blocks
            for text in _rich_texts(block.value)
        ]
        if not texts:
            return
        joined = SPLIT.join(text.source.replace(SPLIT, "") for text in texts)
        for text, expanded in zip(
            texts, expand_db_html(joined).split(SPLIT), strict=True
        ):
            text.source = expanded


def render_block(block, context):
    """One bound block as portable HTML."""
    name = block.block_type
    site_template = getattr(block.block.meta, "template", None)
    candidates = [f"blocks/portable/{name}.html"]
    if site_template:
        candidates.append(site_template)
    template = select_template(candidates)
    markup = template.render({**context, "value": block.value, "self": block.value})
    return absolutize(markup.strip())


def render_body(page, stream):
    """Portable HTML of one page's StreamField value."""
    return PortableBodies([(page, stream)]).render()[page.pk]


# Elements that end a paragraph (blank line after) or a line in plain text.
PARAGRAPH_ENDS = {"p", "figure", "ul", "ol", "blockquote"}
LINE_ENDS = {"div", "figcaption", "li"}


def to_text(markup):
    """Portable HTML as plain text: links as "text (url)", headings underlined,
    quotes in German quotation marks, images as [Bild: alt text]."""
    soup = BeautifulSoup(absolutize(str(markup)), "html.parser")
    for element in soup.find_all(["script", "style"]):
        element.decompose()
    # Code keeps its indentation: set aside before whitespace is tidied up.
    code = []
    for pre in soup.find_all("pre"):
        code.append("\n".join(f"    {line}" for line in pre.get_text().splitlines()))
        pre.replace_with(f"\n\n\x00{len(code) - 1}\x00\n\n")
    for table in soup.find_all("table"):
        lines = [caption.get_text(" ", strip=True) for caption in table("caption")]
        for row in table.find_all("tr"):
            cells = [cell.get_text(" ", strip=True) for cell in row(["th", "td"])]
            lines.append(" | ".join(cells))
        table.replace_with("\n\n" + "\n".join(lines) + "\n\n")
    for link in soup.find_all("a", href=True):
        label = link.get_text(" ", strip=True)
        href = html.unescape(link["href"])
        link.replace_with(f"{label} ({href})" if label and label != href else href)
    for image in soup.find_all("img"):
        alt = image.get("alt", "").strip()
        image.replace_with(f"\n[Bild: {alt}]\n" if alt else "")
    for heading in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6"]):
        text = heading.get_text(" ", strip=True)
        heading.replace_with(f"\n\n{text}\n{'-' * len(text)}\n\n")
    for quote in soup.find_all("blockquote"):
        lines = [p.get_text(" ", strip=True) for p in quote.find_all("p")]
        text, *rest = [line for line in lines if line] or [
            quote.get_text(" ", strip=True)
        ]
        quote.replace_with("\n\n" + "\n".join([f"„{text}“", *rest]) + "\n\n")
    for item in soup.find_all("li"):
        item.insert(0, NavigableString("- "))
    for hr in soup.find_all("hr"):
        hr.replace_with("\n\n* * *\n\n")
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for element in soup.find_all(PARAGRAPH_ENDS):
        element.append(NavigableString("\n\n"))
    for element in soup.find_all(LINE_ENDS):
        element.append(NavigableString("\n"))
    lines = [" ".join(line.split()) for line in soup.get_text().splitlines()]
    paragraphs, current = [], []
    for line in [*lines, ""]:
        if line:
            current.append(line)
        elif current:
            paragraphs.append("\n".join(current))
            current = []
    text = "\n\n".join(paragraphs)
    for number, block in enumerate(code):
        text = text.replace(f"\x00{number}\x00", block)
    return text
