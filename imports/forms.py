from pathlib import Path

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from .uploads import MAX_UPLOAD_BYTES

ALLOWED = {".md", ".markdown", ".txt", ".json", ".xml", ".zip"}


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Datei"),
        help_text=_(
            "Markdown (.md), Text (.txt), Ghost-Export (.json), WordPress-Export (.xml) "
            "oder ein ZIP-Archiv mit diesen Dateien und ihren Bildern (etwa "
            "wp-content/uploads oder content/images); höchstens 20 MB. Bilder werden "
            "nie aus dem Internet geladen."
        ),
    )
    format = forms.ChoiceField(
        label=_("Format"),
        choices=[
            ("auto", _("Automatisch an der Dateiendung erkennen")),
            ("markdown", _("Markdown")),
            ("text", _("Einfacher Text")),
            ("ghost", _("Ghost (JSON-Export)")),
            ("wxr", _("WordPress (WXR-Export)")),
        ],
        initial="auto",
        help_text=_("Nur ändern, wenn die Dateiendung nicht zum Inhalt passt."),
    )
    publish = forms.BooleanField(
        label=_("Veröffentlichen"),
        required=False,
        help_text=_(
            "Beiträge, die in der Quelle veröffentlicht sind, sofort veröffentlichen. "
            "Ohne Haken wird alles als Entwurf gespeichert."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("Die Datei ist %(size)s groß; erlaubt sind höchstens %(limit)s.")
                % {
                    "size": filesizeformat(upload.size),
                    "limit": filesizeformat(MAX_UPLOAD_BYTES),
                }
            )
        if Path(upload.name).suffix.lower() not in ALLOWED:
            raise forms.ValidationError(
                _(
                    "Dieser Dateityp wird nicht unterstützt (erlaubt: .md, .txt, .json, .xml, .zip)."
                )
            )
        return upload
