from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from .models import DEFAULT_DAYS, MAX_DAYS, PreviewLink

EXPIRY_CHOICES = [
    (days, ngettext_lazy("%(days)d Tag", "%(days)d Tage", days) % {"days": days})
    for days in (1, 3, 7, 14, MAX_DAYS)
]


class PreviewLinkForm(forms.ModelForm):
    days = forms.TypedChoiceField(
        label=_("Gültig für"),
        choices=EXPIRY_CHOICES,
        coerce=int,
        initial=DEFAULT_DAYS,
        help_text=_(
            "Danach zeigt der Link nur noch „Link nicht mehr gültig“. Höchstens 30 Tage."
        ),
        error_messages={
            "invalid_choice": _("Bitte eine der angebotenen Laufzeiten wählen.")
        },
    )

    class Meta:
        model = PreviewLink
        fields = ["label"]
