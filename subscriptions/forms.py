import ipaddress
import re

import idna

from django import forms
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

# Letters (any script), spaces, hyphens, apostrophes and dots: enough for real
# first names, and nothing for header injection or spam links in our emails.
NAME_PATTERN = re.compile(r"^[^\W\d_]+(?:[ .'’-]+[^\W\d_]+)*\.?$")
HONEYPOT_FIELD = "website"
INVALID_EMAIL = _("Das sieht nicht nach einer gültigen E-Mail-Adresse aus.")
LOCAL_DOMAIN = _(
    "Adressen bei „localhost“ oder ohne Domain-Endung erreichen niemanden. "
    "Bitte eine öffentliche E-Mail-Adresse angeben."
)
IP_LITERAL = _(
    "Adressen mit einer IP-Adresse statt eines Domainnamens werden nicht "
    "angenommen. Bitte eine Adresse mit Domainnamen angeben."
)
INVALID_DOMAIN = _(
    "Der Domainname dieser Adresse ist ungültig (fehlerhafte internationale "
    "Schreibweise). Bitte die Adresse prüfen."
)


def normalise_email(value):
    """Trim, lower-case the domain and store IDN domains in their ASCII form."""
    value = (value or "").strip()
    local, at, domain = value.rpartition("@")
    if not at or not local or not domain:
        raise forms.ValidationError(INVALID_EMAIL)
    domain = check_domain(domain.strip().rstrip("."))
    email = f"{local}@{domain}"
    if len(email) > 254:
        raise forms.ValidationError(_("Diese E-Mail-Adresse ist zu lang."))
    try:
        validate_email(email)
    except forms.ValidationError:
        raise forms.ValidationError(INVALID_EMAIL) from None
    return email


def check_domain(domain):
    """The domain's ASCII form, or a German error for a domain no mail reaches."""
    if domain.startswith("[") or _is_ip_address(domain):
        raise forms.ValidationError(IP_LITERAL)
    # IDNA 2008 with UTS 46 mapping (as browsers and registries use it): Unicode
    # domains are folded to their ASCII form, and punycode typed in directly must
    # decode to a valid name, so broken or disguised labels are refused.
    try:
        ascii_domain = idna.encode(domain, uts46=True).decode("ascii").lower()
        idna.decode(ascii_domain)
    except (idna.IDNAError, UnicodeError):
        raise forms.ValidationError(INVALID_DOMAIN) from None
    if (
        ascii_domain == "localhost"
        or ascii_domain.endswith(".localhost")
        or "." not in ascii_domain
    ):
        raise forms.ValidationError(LOCAL_DOMAIN)
    return ascii_domain


def _is_ip_address(domain):
    try:
        ipaddress.ip_address(domain)
    except ValueError:
        return False
    return True


class SubscribeForm(forms.Form):
    email = forms.CharField(
        label=_("E-Mail-Adresse"),
        max_length=254,
        error_messages={
            "required": _("Hier fehlt noch die E-Mail-Adresse."),
            "max_length": _("Diese E-Mail-Adresse ist zu lang."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "inputmode": "email"}),
    )
    first_name = forms.CharField(
        label=_("Vorname"),
        max_length=50,
        required=False,
        error_messages={"max_length": _("Bitte höchstens 50 Zeichen.")},
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    consent = forms.BooleanField(
        required=True,
        error_messages={
            "required": _("Ohne Häkchen bei der Einwilligung geht es leider nicht.")
        },
    )
    # Honeypot: hidden from people, filled in by naive bots.
    website = forms.CharField(
        label=_("Bitte leer lassen"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    # Path of the page the form was on, for the consent record.
    source = forms.CharField(required=False, max_length=300, widget=forms.HiddenInput)

    def __init__(self, *args, id_prefix="abo", **kwargs):
        # Several forms on one page (box and page) need their own element ids.
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, auto_id=f"{id_prefix}-%s", **kwargs)

    def clean_email(self):
        return normalise_email(self.cleaned_data["email"])

    def clean_first_name(self):
        name = " ".join(self.cleaned_data["first_name"].split())
        if name and not NAME_PATTERN.match(name):
            raise forms.ValidationError(
                _("Bitte nur Buchstaben, Leerzeichen, Bindestrich oder Apostroph.")
            )
        return name

    def clean_source(self):
        source = self.cleaned_data["source"].strip()
        # Only our own paths; anything else is not worth keeping as proof.
        if not source.startswith("/") or source.startswith("//") or "\\" in source:
            return ""
        return "".join(ch for ch in source if ch.isprintable())

    @property
    def is_bot(self):
        return bool(self.data.get(HONEYPOT_FIELD))
