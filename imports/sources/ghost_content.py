"""Ghost's editor formats (Lexical and mobiledoc) rendered to plain HTML.

The HTML then goes through the shared converter, so these renderers only need
to keep structure; they do not clean anything themselves.
"""

from html import escape

import markdown as markdown_lib

from django.utils.translation import gettext as _

from core.blocks import parse_video_url

BOLD, ITALIC = 1, 2
BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "aside"}


def card_html(kind, payload, warnings):
    """Cards exist in both formats with the same fields."""
    payload = payload if isinstance(payload, dict) else {}
    if kind == "image":
        return figure(
            payload.get("src"),
            payload.get("alt") or payload.get("altText"),
            payload.get("caption"),
        )
    if kind == "gallery":
        return "".join(
            figure(image.get("src"), image.get("alt"), image.get("caption"))
            for image in payload.get("images") or []
            if isinstance(image, dict)
        )
    if kind == "markdown":
        return markdown_lib.markdown(
            str(payload.get("markdown") or ""), extensions=["extra", "sane_lists"]
        )
    if kind == "html":
        return str(payload.get("html") or "")
    if kind in ("hr", "horizontalrule"):
        return "<hr>"
    if kind == "callout":
        text = payload.get("calloutText") or ""
        return f'<div class="kg-callout-card"><div class="kg-callout-text">{text}</div></div>'
    if kind == "bookmark":
        url = str(payload.get("url") or "")
        title = (payload.get("metadata") or {}).get("title") or url
        return f'<p><a href="{escape(url)}">{escape(str(title))}</a></p>' if url else ""
    if kind in ("code", "codeblock"):
        language = escape(str(payload.get("language") or ""))
        code = f'<pre><code class="language-{language}">{escape(str(payload.get("code") or ""))}</code></pre>'
        caption = payload.get("caption")
        return (
            f"<figure>{code}<figcaption>{caption}</figcaption></figure>"
            if caption
            else code
        )
    if kind == "embed":
        url = str(payload.get("url") or "")
        if parse_video_url(url):
            return f"<p>{escape(url)}</p>"
        warnings.append(_("Einbettung nicht übernommen, nur verlinkt: %s") % url)
        return f'<p><a href="{escape(url)}">{escape(url)}</a></p>' if url else ""
    warnings.append(_("Ghost-Karte „%s“ nicht übernommen.") % kind)
    return ""


def figure(src, alt, caption):
    if not src:
        return ""
    caption_html = f"<figcaption>{caption}</figcaption>" if caption else ""
    return (
        f'<figure><img src="{escape(str(src))}" alt="{escape(str(alt or ""))}">'
        f"{caption_html}</figure>"
    )


# Lexical ---------------------------------------------------------------------


def lexical_to_html(document, warnings):
    root = document.get("root") if isinstance(document, dict) else None
    if not isinstance(root, dict):
        raise ValueError(_("Lexical-Inhalt ohne „root“."))
    return children_html(root, warnings)


def children_html(node, warnings):
    return "".join(node_html(child, warnings) for child in node.get("children") or [])


def node_html(node, warnings):
    if not isinstance(node, dict):
        return ""
    kind = str(node.get("type", "")).removeprefix("extended-")
    inner = children_html(node, warnings)
    if kind == "text":
        text = escape(str(node.get("text", "")), quote=False)
        style = node.get("format") if isinstance(node.get("format"), int) else 0
        if style & BOLD:
            text = f"<strong>{text}</strong>"
        if style & ITALIC:
            text = f"<em>{text}</em>"
        return text
    if kind == "linebreak":
        return "<br>"
    if kind == "tab":
        return " "
    if kind in ("link", "autolink", "at-link"):
        return f'<a href="{escape(str(node.get("url") or ""))}">{inner}</a>'
    if kind == "paragraph":
        return f"<p>{inner}</p>"
    if kind == "heading":
        tag = node.get("tag") if node.get("tag") in BLOCK_TAGS else "h2"
        return f"<{tag}>{inner}</{tag}>"
    if kind == "list":
        tag = "ol" if node.get("listType") == "number" else "ul"
        return f"<{tag}>{inner}</{tag}>"
    if kind == "listitem":
        return f"<li>{inner}</li>"
    if kind in ("quote", "aside"):
        return f"<blockquote>{inner}</blockquote>"
    if kind in ("root", "") and inner:
        return inner
    return card_html(kind, node, warnings)


# Mobiledoc -------------------------------------------------------------------


def mobiledoc_to_html(document, warnings):
    if not isinstance(document, dict) or not isinstance(document.get("sections"), list):
        raise ValueError(_("Mobiledoc-Inhalt ohne „sections“."))
    markups = document.get("markups") or []
    atoms = document.get("atoms") or []
    cards = document.get("cards") or []
    out = []
    for section in document["sections"]:
        kind = section[0]
        if kind == 1:
            tag = str(section[1]).lower()
            tag = "blockquote" if tag == "aside" else tag if tag in BLOCK_TAGS else "p"
            out.append(f"<{tag}>{markers_html(section[2], markups, atoms)}</{tag}>")
        elif kind == 3:
            tag = "ol" if str(section[1]).lower() == "ol" else "ul"
            items = "".join(
                f"<li>{markers_html(item, markups, atoms)}</li>" for item in section[2]
            )
            out.append(f"<{tag}>{items}</{tag}>")
        elif kind == 10:
            name, payload = cards[section[1]][:2]
            out.append(card_html(name, payload, warnings))
        elif kind == 2:
            out.append(figure(section[1], "", ""))
    return "".join(out)


def markers_html(markers, markups, atoms):
    out, closing = [], []
    for marker_type, opens, closed, value in markers:
        for index in opens:
            tag, *rest = markups[index]
            attrs = dict(zip(rest[0][::2], rest[0][1::2], strict=False)) if rest else {}
            tag = str(tag).lower()
            if tag == "a":
                out.append(f'<a href="{escape(str(attrs.get("href", "")))}">')
            elif tag in ("strong", "b", "em", "i"):
                out.append(f"<{tag}>")
            else:
                tag = "span"
                out.append("<span>")
            closing.append(f"</{tag}>")
        if marker_type == 0:
            out.append(escape(str(value), quote=False))
        else:
            name, text = atoms[value][:2]
            out.append("<br>" if name == "soft-return" else escape(str(text), False))
        for _closed in range(closed):
            out.append(closing.pop())
    out.extend(reversed(closing))
    return "".join(out)
