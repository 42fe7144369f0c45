"""Sending a published page to the subscribers.

A page type opts in with NewsletterPageMixin (fields, panel and the content an
email shows); this app knows no page type. One PostSend per page (and per
explicit resend) and one Delivery per subscriber and send.
"""

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from .panels import SendStatusPanel


class NewsletterPageMixin(models.Model):
    """Makes a page type sendable to subscribers.

    The options are page fields, so they live in the page's revisions and reach
    the live row only when the page is published: a draft never changes what
    gets sent. Add `NewsletterPageMixin.newsletter_panel` to the page's panels
    and override the `newsletter_*` methods to say what the email shows.
    """

    newsletter_send_on_publish = models.BooleanField(
        _("beim Veröffentlichen senden"),
        default=False,
        help_text=_(
            "Schickt den Artikel an alle bestätigten Abonnenten, sobald er "
            "veröffentlicht wird – auch bei geplanter Veröffentlichung. Nur einmal."
        ),
    )
    newsletter_subject = models.CharField(
        _("Betreff"),
        max_length=150,
        blank=True,
        help_text=_("Betreffzeile der E-Mail. Leer lassen für den Titel des Artikels."),
    )

    newsletter_panel = MultiFieldPanel(
        [
            FieldPanel("newsletter_send_on_publish"),
            FieldPanel("newsletter_subject"),
            SendStatusPanel(),
        ],
        heading=_("An Abonnenten senden"),
        help_text=_("Gilt ab der nächsten Veröffentlichung."),
        classname="collapsed",
    )

    class Meta:
        abstract = True

    def newsletter_web_url(self):
        """The public copy of the email once it has been sent (the web archive)."""
        from .archive import web_url

        return web_url(self)

    def newsletter_subject_line(self):
        return self.newsletter_subject or self.title

    # What the email shows; page types override what they have.
    def newsletter_teaser(self):
        return self.search_description

    def newsletter_standfirst(self):
        """The teaser shown above the body (the preheader always has it)."""
        return self.newsletter_teaser()

    def newsletter_date(self):
        return (self.first_published_at or self.latest_revision_created_at).date()

    def newsletter_image(self):
        """(image, alt text) shown above the body, or None."""
        return None

    def newsletter_body(self):
        """The StreamField value sent as the email's body, or None."""
        return None


class PostSend(models.Model):
    """One send of one post. (page, generation) is unique, so a double click, a
    second editor or a retried task cannot create a second send; a resend is an
    explicit new generation."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("in der Warteschlange")
        SENDING = "sending", _("wird gesendet")
        DONE = "done", _("abgeschlossen")

    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="newsletter_sends",
        verbose_name=_("Artikel"),
    )
    generation = models.PositiveSmallIntegerField(_("Durchgang"), default=1)
    resend_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("erneuter Versand von"),
    )
    only_missing = models.BooleanField(
        _("nur an bisher nicht Erreichte"),
        default=False,
        help_text=_("Nur bei erneutem Versand."),
    )
    subject = models.CharField(_("Betreff"), max_length=150)
    status = models.CharField(
        _("Status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    trigger = models.CharField(_("Auslöser"), max_length=20, default="manual")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("ausgelöst von"),
    )
    created_at = models.DateTimeField(_("ausgelöst am"), auto_now_add=True)
    started_at = models.DateTimeField(_("begonnen am"), null=True, blank=True)
    # Set once every delivery row exists: a resumed fan-out adds nobody.
    prepared_at = models.DateTimeField(
        _("Empfänger festgelegt am"), null=True, blank=True
    )
    finished_at = models.DateTimeField(_("abgeschlossen am"), null=True, blank=True)
    total = models.PositiveIntegerField(_("Empfänger"), default=0)

    class Meta:
        verbose_name = _("Newsletter-Versand")
        verbose_name_plural = _("Newsletter-Versände")
        ordering = ["page", "-generation"]
        constraints = [
            models.UniqueConstraint(
                fields=["page", "generation"], name="newsletter_one_send_per_generation"
            )
        ]

    def __str__(self):
        return f"{self.subject} (#{self.generation})"

    def counts(self):
        """Deliveries by status, counted in the database on every call."""
        rows = self.deliveries.aggregate(
            **{
                status: Count("pk", filter=Q(status=status))
                for status in Delivery.Status.values
            }
        )
        rows["queued"] = rows["pending"] + rows["sending"]
        return rows


class Delivery(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("ausstehend")
        SENDING = "sending", _("in Arbeit")
        SENT = "sent", _("gesendet")
        FAILED = "failed", _("fehlgeschlagen")
        SKIPPED = "skipped", _("übersprungen (abgemeldet)")
        # Handed to SMTP by a worker that died before it learnt the outcome.
        UNCERTAIN = "uncertain", _("unklar")

    send = models.ForeignKey(
        PostSend, on_delete=models.CASCADE, related_name="deliveries"
    )
    subscriber = models.ForeignKey(
        "subscriptions.Subscriber",
        on_delete=models.CASCADE,
        related_name="newsletter_deliveries",
    )
    status = models.CharField(
        _("Status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("Versuche"), default=0)
    last_error = models.CharField(_("letzter Fehler"), max_length=300, blank=True)
    # A worker claims a batch by writing its token (pending -> sending); only
    # rows it claimed are sent by it. The claim's lease is renewed with every
    # message; handed_at is written right before a message goes to SMTP, so
    # after a crash only that one delivery is uncertain.
    claim_token = models.CharField(max_length=32, blank=True, db_index=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    lease_until = models.DateTimeField(null=True, blank=True)
    handed_at = models.DateTimeField(_("an SMTP übergeben"), null=True, blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(_("gesendet am"), null=True, blank=True)

    class Meta:
        verbose_name = _("Zustellung")
        verbose_name_plural = _("Zustellungen")
        constraints = [
            models.UniqueConstraint(
                fields=["send", "subscriber"], name="newsletter_one_delivery_per_send"
            )
        ]
        indexes = [models.Index(fields=["send", "status"])]

    def __str__(self):
        return f"{self.send_id}/{self.subscriber_id}: {self.status}"
