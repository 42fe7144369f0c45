"""Turn any HTML (Markdown output, Ghost, WordPress) into body blocks.

Only what our blocks can hold survives: paragraphs and lists with bold, italic
and links become rich text; everything else is mapped to a block or reduced to
its text. No raw HTML passes through.
"""

import re
from html import escape

from bs4 import BeautifulSoup, NavigableString
from bs4.element import PreformattedString

from django.utils.translation import gettext as _

from .builder import (
    SPACES,
    BlockBuilder,
    canonical_video_url,
    clean_text,
    code_language,
)

DROP = {
    "script", "style", "noscript", "template", "head", "title", "meta", "link",
    "object", "embed", "applet", "form", "button", "input", "select", "textarea",
    "svg", "math", "canvas", "audio", "video", "source", "track", "map", "area",
    "frame", "frameset", "base", "iframe",
}  # fmt: skip
WARN_ON_DROP = {"script", "style", "iframe", "object", "embed", "form", "applet"}
INLINE = {
    "a", "b", "strong", "i", "em", "u", "span", "font", "small", "big", "sub",
    "sup", "abbr", "acronym", "time", "code", "kbd", "samp", "var", "s", "strike",
    "del", "ins", "mark", "q", "cite", "dfn", "label", "br", "img", "wbr", "tt",
    "bdi", "bdo", "data",
}  # fmt: skip
HEADINGS = {"h1": "h2", "h2": "h2", "h3": "h3", "h4": "h3", "h5": "h3", "h6": "h3"}
SAFE_SCHEMES = {"http", "https", "mailto"}
URL_LINE = re.compile(r"^https?://\S+$")


def safe_href(href):
    href = (href or "").strip().replace("__GHOST_URL__", "")
    compact = re.sub(r"[\x00-\x20\x7f]", "", href).lower()
    if not compact or len(href) > 2000:
        return None
    if compact.startswith("//"):
        return "https:" + href
    scheme = re.match(r"^([a-z][a-z0-9+.-]*):", compact)
    if scheme and scheme.group(1) not in SAFE_SCHEMES:
        return None
    return href.replace(" ", "%20")


def pre_language(node):
    """The language a <pre> (or the <code> inside it) names, as the source spells it."""
    code = node.find("code")
    for element in (code, node):
        if element is None:
            continue
        classes = element.get("class") or []
        for index, name in enumerate(classes):
            prefixed = re.match(r"^(?:language|lang)-(.+)$", name)
            if prefixed:
                return prefixed[1]
            if name.startswith("brush:"):  # SyntaxHighlighter: class="brush: php; …"
                brush = name[6:] or (
                    classes[index + 1] if index + 1 < len(classes) else ""
                )
                return brush.rstrip(";")
        for attribute in ("data-language", "data-lang", "lang"):
            value = element.get(attribute) or ""
            # lang="de" is the human language; only a code language counts.
            if value and (attribute != "lang" or code_language(value)):
                return value
    return ""


def cell_text(converter, cell):
    for element in cell.find_all(["br", "p", "div", "li"]):
        element.insert_after(" ")
    return clean_text(converter.text(cell))


def spread(values, cells):
    """A cell spanning n columns: its text, then n - 1 empty cells (not repeated)."""
    out = []
    for value, cell in zip(values, cells, strict=True):
        try:
            span = min(max(int(cell.get("colspan", 1)), 1), 50)
        except ValueError:
            span = 1
        out += [value] + [""] * (span - 1)
    return out


def alignment(cell):
    """Right-aligned by Markdown's style, HTML's align or Gutenberg's data-align."""
    style = (cell.get("style") or "").replace(" ", "").lower()
    match = re.search(r"text-align:(\w+)", style)
    if match:
        return match[1]
    if "has-text-align-right" in (cell.get("class") or []):
        return "right"
    return (cell.get("align") or cell.get("data-align") or "").lower()


def html_to_blocks(html, resolver, warnings):
    builder = BlockBuilder(resolver, warnings)
    converter = Converter(builder, warnings)
    converter.blocks_of(BeautifulSoup(html or "", "html.parser"))
    blocks = builder.finish()
    if converter.dropped:
        warnings.append(
            _("Unerlaubtes HTML entfernt: %s") % ", ".join(sorted(converter.dropped))
        )
    return blocks


class Converter:
    def __init__(self, builder, warnings):
        self.builder = builder
        self.warnings = warnings
        self.dropped = set()

    # Block level -----------------------------------------------------------

    def blocks_of(self, parent):
        run = []
        for child in list(parent.children):
            if isinstance(child, PreformattedString):
                continue  # comments, doctype, CDATA
            if isinstance(child, NavigableString) or child.name in INLINE:
                run.append(child)
                continue
            self.paragraph(run)
            run = []
            self.block(child)
        self.paragraph(run)

    def block(self, node):
        name = node.name
        classes = set(node.get("class") or [])
        if name == "iframe" and self.builder.add_video(node.get("src")):
            return
        if name in DROP:
            if name in WARN_ON_DROP:
                self.dropped.add(name)
            return
        if name in HEADINGS:
            self.builder.add_heading(node.get_text(" "), HEADINGS[name])
        elif name == "p":
            self.blocks_of(node)  # broken markup may hide blocks in a <p>
        elif name in ("ul", "ol"):
            images = self.take_images(node)
            self.builder.add_rich(self.list_html(node))
            self.add_images(images)
        elif name == "blockquote":
            self.quote(node)
        elif name == "figure":
            self.figure(node, classes)
        elif name == "hr":
            self.builder.add_divider()
        elif name == "pre":
            self.preformatted(node)
        elif name == "table":
            self.table(node)
        elif "kg-callout-card" in classes:
            text = node.select_one(".kg-callout-text") or node
            self.builder.add_callout(f"<p>{self.inline(text.children)}</p>")
        else:
            self.blocks_of(node)  # div, section, article, … are just wrappers

    def paragraph(self, nodes):
        nodes = [node for node in nodes if not isinstance(node, PreformattedString)]
        if not nodes:
            return
        lead = self.text_before_image(nodes)
        images = []
        for node in nodes:
            images += self.take_images(node)
        plain = clean_text("".join(self.text(node) for node in nodes))
        if not images and self.video_line(nodes, plain):
            return
        html = self.inline(nodes)
        if images:
            if plain and not lead and len(plain) <= 250 and len(images) == 1:
                image = images[0]
                self.builder.add_image(
                    image.get("src"), image.get("alt"), caption=plain
                )
                return
            if plain:
                self.builder.add_rich(f"<p>{html}</p>")
            self.add_images(images)
            return
        if plain and not self.builder.set_credit(plain):
            self.builder.add_rich(f"<p>{html}</p>")

    def video_line(self, nodes, plain):
        links = [n for n in nodes if getattr(n, "name", None) == "a"]
        if URL_LINE.match(plain) and canonical_video_url(plain) and len(links) <= 1:
            return self.builder.add_video(plain)
        if len(links) == 1 and plain == clean_text(links[0].get_text()):
            href = links[0].get("href")
            if canonical_video_url(href):
                return self.builder.add_video(href, title=plain)
        return False

    def text_before_image(self, nodes):
        """The text in front of the first image (a caption follows its image)."""
        text = []
        for node in nodes:
            if isinstance(node, NavigableString):
                text.append(self.text(node))
                continue
            first = node if node.name == "img" else node.find("img")
            if first is None:
                text.append(self.text(node))
                continue
            for element in node.descendants:
                if element is first:
                    break
                if isinstance(element, NavigableString):
                    text.append(self.text(element))
            break
        return clean_text("".join(text))

    def take_images(self, node):
        """Detach the images inside node; they become blocks of their own."""
        if isinstance(node, NavigableString):
            return []
        found = [node] if node.name == "img" else node.find_all("img")
        for image in found:
            if image is not node:
                image.extract()
        return found

    def add_images(self, images):
        for image in images:
            self.builder.add_image(
                image.get("src"), image.get("alt"), image.get("title") or ""
            )

    def quote(self, node):
        cite = node.find(["cite", "footer"])
        attribution = cite.get_text(" ") if cite else ""
        if cite:
            cite.extract()
        for br in node.find_all("br"):
            br.replace_with("\n")
        parts = [p.get_text() for p in node.find_all("p")] or [node.get_text()]
        lines = "\n\n".join(parts).strip().split("\n")
        if not attribution and len(lines) > 1 and lines[-1].strip()[:1] in "—–-":
            attribution = lines.pop()
        self.builder.add_quote("\n".join(lines), attribution)

    def figure(self, node, classes):
        caption_node = node.find("figcaption")
        caption = caption_node.get_text(" ") if caption_node else ""
        if caption_node:
            caption_node.extract()
        if "kg-bookmark-card" in classes:
            link = node.find("a")
            title = node.select_one(".kg-bookmark-title")
            href = safe_href(link.get("href")) if link else None
            if href:
                text = escape(clean_text(title.get_text() if title else href), False)
                self.builder.add_rich(f'<p><a href="{escape(href)}">{text}</a></p>')
            return
        frame = node.find("iframe")
        if frame and self.builder.add_video(frame.get("src"), caption=caption):
            return
        images = node.find_all("img")
        table = node.find("table")
        if table and not images:
            self.table(table, caption)
            return
        if images:
            for image in images:
                self.builder.add_image(
                    image.get("src"),
                    image.get("alt"),
                    caption=caption if len(images) == 1 else "",
                )
            return
        self.blocks_of(node)
        if caption:
            self.builder.add_paragraph_text(caption)

    def preformatted(self, node):
        for br in node.find_all("br"):  # some editors break lines in <pre> with <br>
            br.replace_with("\n")
        self.builder.add_code(node.get_text(), pre_language(node))

    def table(self, node, caption=""):
        caption_node = node.find("caption")
        if caption_node:
            caption = caption or caption_node.get_text(" ")
            caption_node.extract()
        rows = [row for row in node.find_all("tr") if row.find_parent("table") is node]
        cells = [row.find_all(["td", "th"], recursive=False) for row in rows]
        everything = [cell for row in cells for cell in row]
        if not everything:
            return
        width = max(len(row) for row in cells)
        if width < 2 or any(
            cell.find(["img", "table", "iframe", "figure"]) for cell in everything
        ):
            # One column or images inside: a layout table, not data.
            self.warnings.append(_("Layout-Tabelle aufgelöst, Inhalt als Text."))
            for cell in everything:
                self.blocks_of(cell)
            return
        if any(cell.find("a", href=True) for cell in everything):
            self.warnings.append(_("Links in Tabellenzellen als Text übernommen."))
        if any(
            cell.get("colspan", "1") != "1" or cell.get("rowspan", "1") != "1"
            for cell in everything
        ):
            self.warnings.append(_("Verbundene Tabellenzellen aufgeteilt."))
        texts = [[cell_text(self, cell) for cell in row] for row in cells]
        texts = [spread(row, cells[index]) for index, row in enumerate(texts)]
        first = cells[0]
        in_head = rows[0].find_parent("thead") is not None
        has_header = in_head or all(cell.name == "th" for cell in first)
        headings, body = (texts[0], texts[1:]) if has_header else ([], texts)
        aligned = spread([alignment(cell) for cell in first], first)
        numeric = {index for index, align in enumerate(aligned) if align == "right"}
        self.builder.add_table(headings, body, caption, numeric)

    # Inline level ------------------------------------------------------------

    def list_html(self, node):
        tag = "ol" if node.name == "ol" else "ul"
        items = []
        for child in node.children:
            if isinstance(child, PreformattedString):
                continue
            if isinstance(child, NavigableString) or child.name != "li":
                content = [child]
            else:
                content = list(child.children)
            nested = [c for c in content if getattr(c, "name", None) in ("ul", "ol")]
            text = [c for c in content if c not in nested]
            html = self.inline(text) + "".join(self.list_html(n) for n in nested)
            if html.strip():
                items.append(f"<li>{html}</li>")
        return f"<{tag}>{''.join(items)}</{tag}>" if items else ""

    def inline(self, nodes):
        html = SPACES.sub(" ", "".join(self.inline_node(node) for node in nodes))
        html = re.sub(r"\s*<br/>\s*", "<br/>", html)
        # Keep line breaks outside bold/italic/link markup, and never doubled.
        for _round in range(3):
            html = re.sub(r"<br/>(</(?:b|i|a)>)", r"\1<br/>", html)
            html = re.sub(r"(<(?:b|i)>)<br/>", r"<br/>\1", html)
        html = re.sub(r"(<br/>)+", "<br/>", html).strip()
        while html.endswith("<br/>"):
            html = html[: -len("<br/>")].rstrip()
        while html.startswith("<br/>"):
            html = html[len("<br/>") :].lstrip()
        return html

    def inline_node(self, node):
        if isinstance(node, PreformattedString):
            return ""
        if isinstance(node, NavigableString):
            return escape(str(node), quote=False)
        name = node.name
        if name in DROP:
            if name in WARN_ON_DROP:
                self.dropped.add(name)
            return ""
        if name == "br":
            return "<br/>"
        inner = "".join(self.inline_node(child) for child in node.children)
        if not clean_text(inner.replace("<br/>", "")):
            return inner if name not in ("b", "strong", "i", "em", "a") else " "
        if name in ("b", "strong"):
            return f"<b>{inner}</b>"
        if name in ("i", "em", "cite", "dfn", "var"):
            return f"<i>{inner}</i>"
        if name == "a":
            href = safe_href(node.get("href"))
            return f'<a href="{escape(href)}">{inner}</a>' if href else inner
        if name in ("p", "div", "li", "blockquote") or name in HEADINGS:
            return f"<br/>{inner}<br/>"  # block markup where only inline belongs
        return inner

    def text(self, node):
        if isinstance(node, PreformattedString):
            return ""
        if isinstance(node, NavigableString):
            return str(node)
        if node.name in DROP:
            return ""
        return "".join(self.text(child) for child in node.children)
