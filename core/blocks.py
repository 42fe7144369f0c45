"""StreamField blocks for posts and standard pages.

Each block has its own template, icon, description and preview value, so the
editor's block picker shows what the block will look like on the site. Feeds
and emails render a block through blocks/portable/<name>.html when the site's
template needs CSS or JavaScript (see core/portable.py).
"""

import re
from typing import NamedTuple
from urllib.parse import parse_qs, urlparse

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.typed_table_block.blocks import TypedTable, TypedTableBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock

from .images import filter_specs, prefetched_images
from .text import german_slugify

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class HeadingValue(blocks.StructValue):
    def anchor(self):
        return german_slugify(self.get("text")) or "abschnitt"


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(
        label=_("Überschrift"), max_length=120, help_text=_("Kurz und aussagekräftig.")
    )
    level = blocks.ChoiceBlock(
        label=_("Ebene"),
        choices=[("h2", _("Abschnitt (H2)")), ("h3", _("Unterabschnitt (H3)"))],
        default="h2",
        help_text=_("H2 für neue Abschnitte, H3 für Unterpunkte."),
    )

    class Meta:
        icon = "title"
        label = _("Zwischenüberschrift")
        description = _("Gliedert den Text; jede Überschrift bekommt einen Anker-Link.")
        template = "blocks/heading.html"
        value_class = HeadingValue
        preview_value = {"text": "Warum Zuhören Führung ist", "level": "h2"}


class BodyImageChooserBlock(ImageChooserBlock):
    """Fetches all images of a body at once, with the renditions the site shows."""

    def bulk_to_python(self, values):
        known = prefetched_images.get()
        if known is not None and all(not v or v in known for v in values):
            return [known.get(value) for value in values]
        ids = [value for value in values if value]
        images = get_image_model().objects.filter(pk__in=ids)
        by_id = {
            image.pk: image
            for image in images.prefetch_renditions(*filter_specs("body"))
        }
        return [by_id.get(value) for value in values]


class ImageValue(blocks.StructValue):
    def alt(self):
        """The alt text given here, else the image's description."""
        image = self.get("image")
        return self.get("alt_text") or (image.description if image else "")

    def credit(self):
        image = self.get("image")
        return image.credit if image else ""


class ImageBlock(blocks.StructBlock):
    image = BodyImageChooserBlock(label=_("Bild"))
    alt_text = blocks.CharBlock(
        label=_("Alternativtext"),
        max_length=250,
        required=False,
        help_text=_(
            "Beschreibt das Bild für Menschen, die es nicht sehen können. Leer "
            "lassen, um die Beschreibung des Bildes zu verwenden."
        ),
    )
    caption = blocks.CharBlock(
        label=_("Bildunterschrift"),
        max_length=250,
        required=False,
        help_text=_("Optional, erscheint unter dem Bild."),
    )

    class Meta:
        icon = "image"
        label = _("Bild")
        description = _(
            "Ein Bild mit Alternativtext und Bildunterschrift; der Bildnachweis "
            "kommt vom Bild selbst."
        )
        template = "blocks/image.html"
        value_class = ImageValue
        preview_value = {
            "alt_text": "Beispielbild",
            "caption": "Ein Bild sagt mehr als tausend Worte.",
        }

    def clean(self, value):
        value = super().clean(value)
        if value.get("image") and not value.alt():
            raise StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(
                        _(
                            "Bitte einen Alternativtext eingeben oder dem Bild eine "
                            "Beschreibung geben."
                        )
                    )
                }
            )
        return value


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(
        label=_("Zitat"),
        max_length=1000,
        help_text=_("Ohne Anführungszeichen eingeben."),
    )
    attribution = blocks.CharBlock(
        label=_("Quelle"),
        max_length=150,
        required=False,
        help_text=_("Wer hat es gesagt? Optional."),
    )

    class Meta:
        icon = "openquote"
        label = _("Zitat")
        description = _("Ein hervorgehobenes Zitat mit Quellenangabe.")
        template = "blocks/quote.html"
        preview_value = {
            "text": "Wer Kunden verstehen will, muss zuerst zuhören.",
            "attribution": "Aus einem Workshop",
        }


# The only hosts a page may frame, and only after the reader clicks (js/video.js);
# the Content-Security-Policy (core.security) allows exactly these.
VIDEO_PLAYER_ORIGINS = ("https://www.youtube-nocookie.com", "https://player.vimeo.com")

YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
VIMEO_ID = re.compile(r"^\d{6,12}$")


def parse_video_url(url):
    """Return (provider, video id) for a YouTube or Vimeo URL, or None."""
    try:
        parsed = urlparse((url or "").strip())
    except ValueError:
        return None
    if parsed.scheme not in ("http", "https"):
        return None
    host = (parsed.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    parts = [part for part in parsed.path.split("/") if part]
    video_id = None
    if host in ("youtube.com", "youtube-nocookie.com"):
        if parts[:1] == ["watch"]:
            video_id = parse_qs(parsed.query).get("v", [""])[0]
        elif len(parts) >= 2 and parts[0] in ("embed", "shorts", "live", "v"):
            video_id = parts[1]
        if video_id and YOUTUBE_ID.match(video_id):
            return "youtube", video_id
    elif host == "youtu.be":
        if parts and YOUTUBE_ID.match(parts[0]):
            return "youtube", parts[0]
    elif host in ("vimeo.com", "player.vimeo.com"):
        candidates = [part for part in parts if part != "video"]
        if candidates and VIMEO_ID.match(candidates[0]):
            return "vimeo", candidates[0]
    return None


class VideoValue(blocks.StructValue):
    def _parsed(self):
        return parse_video_url(self.get("url")) or (None, None)

    def provider(self):
        return self._parsed()[0]

    def provider_name(self):
        return {"youtube": "YouTube", "vimeo": "Vimeo"}.get(self.provider(), "")

    def embed_url(self):
        provider, video_id = self._parsed()
        if provider == "youtube":
            return f"{VIDEO_PLAYER_ORIGINS[0]}/embed/{video_id}?autoplay=1&rel=0"
        if provider == "vimeo":
            return f"{VIDEO_PLAYER_ORIGINS[1]}/video/{video_id}?autoplay=1&dnt=1"
        return ""

    def watch_url(self):
        provider, video_id = self._parsed()
        if provider == "youtube":
            return f"https://www.youtube.com/watch?v={video_id}"
        if provider == "vimeo":
            return f"https://vimeo.com/{video_id}"
        return ""


class VideoURLBlock(blocks.URLBlock):
    def clean(self, value):
        value = super().clean(value)
        if value and not parse_video_url(value):
            raise ValidationError(
                _("Bitte die Adresse eines YouTube- oder Vimeo-Videos eingeben.")
            )
        return value


class VideoBlock(blocks.StructBlock):
    """A video that loads nothing from YouTube or Vimeo until the reader clicks."""

    url = VideoURLBlock(
        label=_("Video-Adresse"),
        help_text=_("Link zu einem YouTube- oder Vimeo-Video."),
    )
    title = blocks.CharBlock(
        label=_("Titel"),
        max_length=150,
        required=False,
        help_text=_(
            "Wird auf dem Platzhalter angezeigt und von Screenreadern vorgelesen."
        ),
    )
    caption = blocks.CharBlock(
        label=_("Bildunterschrift"),
        max_length=250,
        required=False,
        help_text=_("Optional, erscheint unter dem Video."),
    )

    class Meta:
        icon = "media"
        label = _("Video")
        description = _(
            "YouTube oder Vimeo, datenschutzfreundlich: Das Video lädt erst nach einem Klick."
        )
        template = "blocks/video.html"
        value_class = VideoValue
        preview_value = {
            "url": "https://www.youtube.com/watch?v=aaaaaaaaaaa",
            "title": "Ein Video",
            "caption": "Das Video lädt erst, wenn man auf den Platzhalter klickt.",
        }


CALLOUT_TONES = [("info", _("Info")), ("tip", _("Tipp")), ("warning", _("Achtung"))]
# One symbol per tone, in text presentation (U+FE0E), so no emoji font is needed.
CALLOUT_SYMBOLS = {
    "info": "\u2139\ufe0e",
    "tip": "\u2605\ufe0e",
    "warning": "\u26a0\ufe0e",
}


class CalloutValue(blocks.StructValue):
    def symbol(self):
        return CALLOUT_SYMBOLS.get(self.get("tone"), CALLOUT_SYMBOLS["info"])

    def tone_label(self):
        return dict(CALLOUT_TONES).get(self.get("tone"), CALLOUT_TONES[0][1])


class CalloutBlock(blocks.StructBlock):
    tone = blocks.ChoiceBlock(
        label=_("Art"),
        choices=CALLOUT_TONES,
        default="info",
        help_text=_(
            "Bestimmt Farbe und Symbol des Kastens: ℹ Info, ★ Tipp, ⚠ Achtung."
        ),
    )
    title = blocks.CharBlock(
        label=_("Titel"), max_length=100, required=False, help_text=_("Optional.")
    )
    text = blocks.RichTextBlock(
        label=_("Text"), features=RICH_TEXT_FEATURES, help_text=_("Kurz halten.")
    )

    class Meta:
        icon = "help"
        value_class = CalloutValue
        label = _("Hinweiskasten")
        description = _("Ein hervorgehobener Kasten für Tipps, Infos oder Warnungen.")
        template = "blocks/callout.html"
        preview_value = {
            "tone": "tip",
            "title": "Kurz gesagt",
            "text": "<p>Ein Tipp, der beim Lesen ins Auge fällt.</p>",
        }


class DividerBlock(blocks.StaticBlock):
    class Meta:
        icon = "minus"
        label = _("Trennlinie")
        description = _("Eine dezente Linie zwischen zwei Abschnitten.")
        template = "blocks/divider.html"
        admin_text = _("Trennlinie zwischen zwei Abschnitten.")
        preview_value = None


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        description = _("Absätze mit Fett, Kursiv, Links und Listen.")
        template = "blocks/paragraph.html"
        preview_value = (
            "<p>Gute Texte sind <b>klar</b>, <i>freundlich</i> und kommen schnell "
            "zum Punkt.</p><ul><li>Zuhören</li><li>Verstehen</li><li>Handeln</li></ul>"
        )


# Tables and code ------------------------------------------------------------
# Post bodies only (not StandardBodyBlock). Both render as plain server-side
# markup: no client-side table widget or syntax highlighter reaches the reader.


class TableCell(NamedTuple):
    text: str
    numeric: bool  # right-aligned, so digits line up


class TableValue(TypedTable):
    """The table as its templates read it: cells carry their column's alignment."""

    def _numeric(self):
        return [column["block"].name == "number" for column in self.columns]

    def has_header(self):
        return any(column["heading"] for column in self.columns)

    def header(self):
        return [
            TableCell(column["heading"], numeric)
            for column, numeric in zip(self.columns, self._numeric(), strict=True)
        ]

    def body(self):
        numeric = self._numeric()
        return [
            [
                TableCell(value or "", is_numeric)
                for value, is_numeric in zip(row["values"], numeric, strict=True)
            ]
            for row in self.row_data
        ]


class TableBlock(TypedTableBlock):
    text = blocks.CharBlock(
        label=_("Text"),
        required=False,
        max_length=500,
        help_text=_("Kurzer Zellentext, linksbündig."),
    )
    number = blocks.CharBlock(
        label=_("Zahl"),
        required=False,
        max_length=100,
        help_text=_("Zahlen und Beträge, rechtsbündig, z. B. „12,5 %“."),
    )

    @staticmethod
    def _as_value(table):
        return TableValue(table.columns, table.row_data, table.caption)

    def to_python(self, value):
        return self._as_value(super().to_python(value))

    def normalize(self, value):
        return self._as_value(super().normalize(value))

    def value_from_datadict(self, data, files, prefix):
        return self._as_value(super().value_from_datadict(data, files, prefix))

    def clean(self, value):
        return self._as_value(super().clean(value))

    class Meta:
        icon = "table"
        label = _("Tabelle")
        description = _(
            "Daten in Zeilen und Spalten, mit Kopfzeile und optionaler Beschriftung."
        )
        template = "blocks/table.html"
        preview_value = {
            "caption": "Öffnungszeiten im Sommer",
            "columns": [
                {"type": "text", "heading": "Tag"},
                {"type": "text", "heading": "Geöffnet"},
                {"type": "number", "heading": "Plätze"},
            ],
            "rows": [
                {"values": ["Montag bis Freitag", "9 bis 18 Uhr", "40"]},
                {"values": ["Samstag", "10 bis 14 Uhr", "25"]},
            ],
        }


CODE_LANGUAGES = [
    ("", _("Kein Code / einfacher Text")),
    ("bash", "Shell"),
    ("css", "CSS"),
    ("diff", "Diff"),
    ("html", "HTML"),
    ("javascript", "JavaScript"),
    ("json", "JSON"),
    ("markdown", "Markdown"),
    ("php", "PHP"),
    ("python", "Python"),
    ("sql", "SQL"),
    ("xml", "XML"),
    ("yaml", "YAML"),
]


class CodeValue(blocks.StructValue):
    def language_label(self):
        return (
            dict(CODE_LANGUAGES).get(self.get("language"))
            if self.get("language")
            else ""
        )


class CodeTextBlock(blocks.TextBlock):
    """Keeps leading spaces and blank lines at the edges: indentation is code."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.field_options["strip"] = False


class CodeBlock(blocks.StructBlock):
    language = blocks.ChoiceBlock(
        label=_("Sprache"),
        choices=CODE_LANGUAGES,
        required=False,
        default="",
        help_text=_("Steht als Hinweis über dem Code; Farben gibt es keine."),
    )
    code = CodeTextBlock(
        label=_("Code"),
        rows=6,
        help_text=_(
            "Wird genau so angezeigt, wie er hier steht: in Festbreitenschrift, "
            "mit allen Leerzeichen und Zeilenumbrüchen."
        ),
    )

    class Meta:
        icon = "code"
        label = _("Code")
        description = _(
            "Quelltext oder Befehle in Festbreitenschrift, ohne Zeilen umzubrechen."
        )
        template = "blocks/code.html"
        value_class = CodeValue
        preview_value = {
            "language": "python",
            "code": 'def begruessung(name):\n    return f"Hallo, {name}!"\n',
        }


class BodyBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock()
    heading = HeadingBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    video = VideoBlock()
    callout = CalloutBlock()
    divider = DividerBlock()
    table = TableBlock()
    code = CodeBlock()


class StandardBodyBlock(blocks.StreamBlock):
    """The plainer set for legal pages such as Impressum and Datenschutz."""

    paragraph = ParagraphBlock()
    heading = HeadingBlock()
    callout = CalloutBlock()
