"""Collects body blocks in the shapes posts/blocks.py expects, within its limits."""

import re
from html import escape

from django.utils.translation import gettext as _

from core.blocks import CODE_LANGUAGES, parse_video_url

MAX_HEADING = 120
MAX_QUOTE = 1000
MAX_ATTRIBUTION = 150
MAX_ALT = 250
MAX_CAPTION = 250
MAX_CREDIT = 120
MAX_VIDEO_TITLE = 150
MAX_CELL = 500  # the table block's limits
MAX_NUMBER_CELL = 100
LANGUAGES = {value for value, _label in CODE_LANGUAGES if value}
LANGUAGE_ALIASES = {
    "sh": "bash", "shell": "bash", "zsh": "bash", "console": "bash",
    "shell-session": "bash", "js": "javascript", "node": "javascript",
    "py": "python", "python3": "python", "yml": "yaml", "htm": "html",
    "xhtml": "html", "md": "markdown", "patch": "diff", "mysql": "sql",
    "postgresql": "sql", "sqlite": "sql", "text": "", "txt": "", "plain": "",
    "plaintext": "", "none": "", "nohighlight": "",
}  # fmt: skip

CREDIT = re.compile(r"^(Bild|Bilder|Foto|Fotos|Quelle|Credit|Photo|Image)\s*:", re.I)
CREDIT_AT_END = re.compile(
    r"^(?P<caption>.*?)[\s|/–—-]*(?P<credit>(?:Bild|Foto|Fotos|Quelle|Credit|Photo)\s*:.*)$",
    re.I | re.S,
)
QUOTE_MARKS = "\"'„“”‚‘’«»›‹"
DASHES = "—–-―~ "
SPACES = re.compile(r"[ \t\n\r\f\v]+")  # not \s: a no-break space is typography


def clean_text(text):
    return SPACES.sub(" ", text or "").strip()


def shorten(text, limit):
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] or text[: limit - 1]
    return cut.rstrip(" ,;:-–—") + "…"


def split_credit(caption):
    """'Am Strand. Bild: Jana M.' -> ('Am Strand.', 'Bild: Jana M.')"""
    match = CREDIT_AT_END.match(caption or "")
    if not match:
        return caption or "", ""
    return match["caption"].strip(), match["credit"].strip()


def code_language(name):
    """Our language value for a source's name ("py" -> "python"); None if unknown."""
    name = (name or "").strip().lower()
    name = LANGUAGE_ALIASES.get(name, name)
    return name if name in LANGUAGES or not name else None


def canonical_video_url(url):
    parsed = parse_video_url(url)
    if not parsed:
        return None
    provider, video_id = parsed
    if provider == "youtube":
        return f"https://www.youtube.com/watch?v={video_id}"
    return f"https://vimeo.com/{video_id}"


class BlockBuilder:
    def __init__(self, resolver, warnings):
        self.resolver = resolver
        self.warnings = warnings
        self.blocks = []
        self._rich = []

    def add_rich(self, html):
        if html and html.strip():
            self._rich.append(html)

    def add_paragraph_text(self, text):
        text = clean_text(text)
        if text:
            self.add_rich(f"<p>{escape(text, quote=False)}</p>")

    def flush(self):
        if self._rich:
            self.blocks.append(("paragraph", "".join(self._rich)))
            self._rich = []

    def _append(self, block_type, value):
        self.flush()
        self.blocks.append((block_type, value))

    def add_heading(self, text, level="h2"):
        text = clean_text(text)
        if not text:
            return
        if len(text) > MAX_HEADING:
            self.warnings.append(
                _("Überschrift zu lang, als fetter Absatz übernommen: %s")
                % shorten(text, 60)
            )
            self.add_rich(f"<p><b>{escape(text, quote=False)}</b></p>")
            return
        self._append("heading", {"text": text, "level": level})

    def add_quote(self, text, attribution=""):
        text = (text or "").strip()
        paragraphs = [clean_text(part) for part in re.split(r"\n\s*\n", text)]
        text = "\n\n".join(part for part in paragraphs if part).strip(QUOTE_MARKS + " ")
        attribution = clean_text(attribution).lstrip(DASHES)
        if not text:
            return
        if len(text) > MAX_QUOTE:
            self.warnings.append(_("Zitat zu lang, als Absatz übernommen."))
            for part in text.split("\n\n"):
                self.add_rich(f"<p><i>{escape(part, quote=False)}</i></p>")
            if attribution:
                self.add_paragraph_text(f"— {attribution}")
            return
        self._append(
            "quote",
            {"text": text, "attribution": shorten(attribution, MAX_ATTRIBUTION)},
        )

    def add_image(self, src, alt="", caption="", credit=""):
        path = self.resolver.resolve(src, self.warnings) if self.resolver else None
        if path is None:
            return False
        caption, split = split_credit(clean_text(caption))
        credit = clean_text(credit) or split
        alt = (
            clean_text(alt) or caption or path.stem.replace("-", " ").replace("_", " ")
        )
        self._append(
            "image",
            {
                "path": str(path),
                "alt_text": shorten(alt, MAX_ALT),
                "caption": shorten(caption, MAX_CAPTION),
                "credit": shorten(credit, MAX_CREDIT),
            },
        )
        return True

    def set_credit(self, text):
        """A 'Bild: …' line right after an image is that image's credit."""
        text = clean_text(text)
        if self._rich or not self.blocks or not CREDIT.match(text):
            return False
        block_type, value = self.blocks[-1]
        if block_type != "image" or value["credit"] or len(text) > MAX_CREDIT:
            return False
        value["credit"] = text
        return True

    def add_video(self, url, title="", caption=""):
        url = canonical_video_url(url)
        if not url:
            return False
        title = clean_text(title)
        if title.startswith(("http://", "https://")):
            title = ""
        self._append(
            "video",
            {
                "url": url,
                "title": shorten(title, MAX_VIDEO_TITLE),
                "caption": shorten(clean_text(caption), MAX_CAPTION),
            },
        )
        return True

    def add_callout(self, html, title=""):
        if html and html.strip():
            self._append(
                "callout",
                {
                    "tone": "info",
                    "title": shorten(clean_text(title), 100),
                    "text": html,
                },
            )

    def add_table(self, headings, rows, caption="", numeric=()):
        """headings: one per column ("" for none); rows: lists of cell texts."""
        width = max([len(headings), *(len(row) for row in rows)], default=0)
        rows = [[clean_text(cell) for cell in row] for row in rows]
        rows = [row + [""] * (width - len(row)) for row in rows if any(row)]
        headings = [clean_text(text) for text in headings]
        headings += [""] * (width - len(headings))
        if not width or not (rows or any(headings)):
            return
        types = [
            "number"
            if index in numeric
            and all(len(row[index]) <= MAX_NUMBER_CELL for row in rows)
            else "text"
            for index in range(width)
        ]
        if any(len(cell) > MAX_CELL for row in rows for cell in row):
            self.warnings.append(
                _("Tabellenzelle zu lang, auf %d Zeichen gekürzt.") % MAX_CELL
            )
            rows = [[shorten(cell, MAX_CELL) for cell in row] for row in rows]
        self._append(
            "table",
            {
                "caption": clean_text(caption),
                "columns": [
                    {"type": kind, "heading": heading}
                    for kind, heading in zip(types, headings, strict=True)
                ],
                "rows": [{"values": row} for row in rows],
            },
        )

    def add_code(self, code, language=""):
        # Blank lines around the code go, indentation stays.
        code = re.sub(r"^(?:[ \t]*\n)+", "", (code or "").replace("\r\n", "\n"))
        code = code.rstrip()
        if not code:
            return
        value = code_language(language)
        if value is None:
            self.warnings.append(
                _(
                    "Codesprache „%s“ gibt es in der Auswahl nicht, Code ohne Sprache übernommen."
                )
                % language.strip()
            )
            value = ""
        self._append("code", {"language": value, "code": code})

    def add_divider(self):
        self.flush()
        if self.blocks and self.blocks[-1][0] != "divider":
            self.blocks.append(("divider", None))

    def finish(self):
        self.flush()
        while self.blocks and self.blocks[-1][0] == "divider":
            self.blocks.pop()
        return self.blocks
