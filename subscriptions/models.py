import hashlib
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page

from core import tokens
from core.pages import SeoMixin, SitePageManager, first_text
from core.site import SiteContext

# Editorial defaults are callables, so the copy lives here and not in migrations.
# Texts an editor leaves empty follow the site's voice (core.voice), so they
# switch with the „Anrede“ and „Absender“ settings.


def default_heading():
    return "Neue Artikel per E-Mail"


def default_consent():
    # Written without pronouns, so it holds for every form of address.
    return (
        f"Einverstanden: {SiteContext.for_default_site().name} schickt neue Artikel "
        "per E-Mail. E-Mail-Adresse und Vorname (falls angegeben) dienen nur diesem "
        "Zweck. Die Einwilligung lässt sich jederzeit widerrufen, zum Beispiel über "
        "den Abmeldelink in jeder E-Mail."
    )


# Referenced by migration 0001; the texts now come from the voice.
def default_intro():
    return ""


default_success = default_error = default_intro


@dataclass(frozen=True)
class SubscribeTexts:
    """What the sign-up box, page and answers say: the editor's texts, and the
    voice's defaults where the editor left a field empty."""

    heading: str
    intro: str
    consent_text: str
    success_heading: str
    success_message: str
    error_heading: str
    error_message: str


class SubscribePage(SeoMixin, Page):
    """The full sign-up page; the compact box elsewhere reuses its texts."""

    heading = models.CharField(
        _("Überschrift"),
        max_length=120,
        default=default_heading,
        help_text=_("Große Überschrift über dem Formular."),
    )
    intro = models.TextField(
        _("Einleitung"),
        max_length=1000,
        blank=True,
        help_text=_(
            "Was Abonnentinnen und Abonnenten bekommen und wie oft. Leer lassen für "
            "den Standardtext in der gewählten Anrede."
        ),
    )
    consent_text = models.TextField(
        _("Einwilligungstext"),
        max_length=1000,
        default=default_consent,
        help_text=_(
            "Steht neben dem Häkchen. Wird bei jeder Anmeldung als Nachweis "
            "gespeichert; der Link zur Datenschutzerklärung wird automatisch angehängt."
        ),
    )
    success_heading = models.CharField(
        _("Überschrift der Erfolgsmeldung"),
        max_length=120,
        blank=True,
        help_text=_(
            "Kurz, gern mit Emoji. Leer lassen für den Standardtext in der gewählten "
            "Anrede."
        ),
    )
    success_message = models.TextField(
        _("Erfolgsmeldung"),
        max_length=500,
        blank=True,
        help_text=_(
            "Erscheint nach dem Absenden. Bitte an den Spam-Ordner erinnern. Leer "
            "lassen für den Standardtext in der gewählten Anrede."
        ),
    )
    error_heading = models.CharField(
        _("Überschrift der Fehlermeldung"),
        max_length=120,
        blank=True,
        help_text=_(
            "Zum Beispiel „Ups.“. Leer lassen für den Standardtext in der gewählten "
            "Anrede."
        ),
    )
    error_message = models.TextField(
        _("Fehlermeldung"),
        max_length=500,
        blank=True,
        help_text=_(
            "Erscheint, wenn die Anmeldung nicht angenommen wurde. Leer lassen für "
            "den Standardtext in der gewählten Anrede."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("heading"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("consent_text"),
                FieldPanel("success_heading"),
                FieldPanel("success_message"),
                FieldPanel("error_heading"),
                FieldPanel("error_message"),
            ],
            heading=_("Formulartexte"),
        ),
    ]

    objects = SitePageManager()

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("Abonnieren-Seite")
        verbose_name_plural = _("Abonnieren-Seiten")

    def seo_description_for(self, context):
        return first_text(self.search_description, self.intro)

    def texts_in(self, voice):
        """This page's texts, the voice's defaults filling what is left empty."""
        return SubscribeTexts(
            heading=self.heading or default_heading(),
            intro=self.intro or voice.text("subscribe_intro"),
            consent_text=self.consent_text or default_consent(),
            success_heading=self.success_heading or voice.text("success_heading"),
            success_message=self.success_message or voice.text("success_message"),
            error_heading=self.error_heading or voice.text("error_heading"),
            error_message=self.error_message or voice.text("error_message"),
        )

    @classmethod
    def texts(cls, site_context):
        """The texts of the site's subscribe page (or the defaults without one)."""
        page = site_context.subscribe_page or cls()
        return page.texts_in(site_context.voice)


class Subscriber(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("ausstehend")
        CONFIRMED = "confirmed", _("bestätigt")
        UNSUBSCRIBED = "unsubscribed", _("abgemeldet")

    # Stored normalised (trimmed, ASCII/punycode domain in lower case); unique
    # regardless of case through the constraint below.
    email = models.EmailField(_("E-Mail-Adresse"), max_length=254)
    first_name = models.CharField(_("Vorname"), max_length=50, blank=True)
    status = models.CharField(
        _("Status"),
        max_length=12,
        choices=Status.choices,
        default=Status.PENDING,
        db_index=True,
    )
    created_at = models.DateTimeField(_("Angemeldet am"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("Bestätigt am"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("Abgemeldet am"), null=True, blank=True)

    # Consent proof: when, from which page and with which text the reader signed
    # up (created_at is the time of the latest sign-up) and when they confirmed.
    signup_page = models.CharField(_("Anmeldeseite"), max_length=300, blank=True)
    consent_text = models.TextField(_("Einwilligungstext"), blank=True)

    # Delivery state of the latest confirmation email, for editors and retries.
    email_attempts = models.PositiveSmallIntegerField(_("Zustellversuche"), default=0)
    last_email_error = models.CharField(
        _("Letzter Zustellfehler"), max_length=300, blank=True
    )
    last_email_sent_at = models.DateTimeField(
        _("Letzte E-Mail gesendet am"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("Abonnent")
        verbose_name_plural = _("Abonnenten")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="subscriber_email_ci_unique"),
        ]

    def __str__(self):
        return self.email

    @property
    def consent_version(self):
        """Short fingerprint of the stored consent text, to compare sign-ups."""
        return hashlib.sha256(self.consent_text.encode()).hexdigest()[:12]


class SubscriberToken(models.Model):
    """A random token, stored only as its hash; each is good for one purpose."""

    class Purpose(models.TextChoices):
        CONFIRM = "confirm", _("Anmeldung bestätigen")
        UNSUBSCRIBE = "unsubscribe", _("Abmelden")

    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="tokens"
    )
    purpose = models.CharField(max_length=12, choices=Purpose.choices)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("Token")
        verbose_name_plural = _("Tokens")

    def __str__(self):
        return f"{self.get_purpose_display()} ({self.created_at:%Y-%m-%d})"

    @classmethod
    def issue(cls, subscriber, purpose):
        """Create a token and return the raw value (it is never stored)."""
        raw = tokens.new_token()
        cls.objects.create(
            subscriber=subscriber, purpose=purpose, token_hash=tokens.hash_token(raw)
        )
        return raw

    @classmethod
    def lookup(cls, raw, purpose):
        if not tokens.plausible(raw, max_length=100):
            return None
        return (
            cls.objects.select_related("subscriber")
            .filter(purpose=purpose, token_hash=tokens.hash_token(raw))
            .first()
        )

    @property
    def is_expired(self):
        if self.purpose != self.Purpose.CONFIRM:
            return False  # unsubscribe links never expire
        max_age = timedelta(hours=settings.SUBSCRIBE_CONFIRM_TOKEN_HOURS)
        return timezone.now() > self.created_at + max_age
