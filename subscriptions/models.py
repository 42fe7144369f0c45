import hashlib
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


def default_heading():
    return "Neue Artikel per E-Mail"


def default_intro():
    return (
        "Wenn ein neuer Artikel erscheint, bekommen Sie eine kurze E-Mail mit Titel, "
        "Anreißer und Link – nicht mehr. Kein Spam, keine Weitergabe, jederzeit mit "
        "einem Klick abbestellbar."
    )


def default_consent():
    return (
        f"Ja, ich möchte neue Artikel von {SiteContext.for_default_site().name} per "
        "E-Mail erhalten. Meine E-Mail-Adresse und meinen Vornamen (falls angegeben) "
        "verwendet der Blog nur dafür. Ich kann meine Einwilligung jederzeit "
        "widerrufen, zum Beispiel über den Abmeldelink in jeder E-Mail."
    )


def default_success():
    return (
        "Fast geschafft! Wir haben Ihnen eine E-Mail mit einem Bestätigungslink "
        "geschickt. Bitte klicken Sie darauf, um Ihre Anmeldung abzuschließen. Keine "
        "E-Mail da? Schauen Sie bitte auch im Spam-Ordner nach."
    )


def default_error():
    return (
        "Das hat leider nicht geklappt. Bitte prüfen Sie Ihre Angaben und versuchen "
        "Sie es noch einmal."
    )


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
        default=default_intro,
        help_text=_("Was Abonnentinnen und Abonnenten bekommen und wie oft."),
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
    success_message = models.TextField(
        _("Erfolgsmeldung"),
        max_length=500,
        default=default_success,
        help_text=_("Erscheint nach dem Absenden. Bitte an den Spam-Ordner erinnern."),
    )
    error_message = models.TextField(
        _("Fehlermeldung"),
        max_length=500,
        default=default_error,
        help_text=_("Erscheint, wenn die Anmeldung nicht angenommen wurde."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("heading"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("consent_text"),
                FieldPanel("success_message"),
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

    @classmethod
    def texts(cls, site_context):
        """The site's subscribe page, or an unsaved one with the default texts."""
        return site_context.subscribe_page or cls()


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
