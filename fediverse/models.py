"""The blog as an ActivityPub actor: its settings and key, its followers,
what it sent (activities and their deliveries) and what it received
(replies, likes, boosts)."""

from django.core.validators import RegexValidator
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.images import get_image_model_string

from . import signatures

__all__ = [
    "ActorKey",
    "Delivery",
    "FediverseSettings",
    "Follower",
    "Interaction",
    "OutgoingActivity",
    "RemoteKey",
]


@register_setting(icon="globe")
class FediverseSettings(BaseSiteSetting):
    handle = models.CharField(
        _("Fediverse-Name"),
        max_length=30,
        default="blog",
        validators=[
            RegexValidator(
                r"^[a-z0-9_]+$",
                _("Nur Kleinbuchstaben, Ziffern und Unterstriche."),
            )
        ],
        help_text=_(
            "Der Name vor dem @: Leserinnen folgen dem Blog als @name@ihre-domain. "
            "Nach dem Ändern finden bestehende Follower den Blog weiterhin."
        ),
    )
    summary = models.TextField(
        _("Profiltext"),
        max_length=500,
        blank=True,
        help_text=_(
            "Ein, zwei Sätze über den Blog im Profil auf Mastodon und Co. "
            "Leer lassen für den Namen der Website."
        ),
    )
    icon = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("Profilbild"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional. Quadratisch, mindestens 400 × 400 Pixel."),
    )

    panels = [FieldPanel("handle"), FieldPanel("summary"), FieldPanel("icon")]

    class Meta:
        verbose_name = _("Fediverse")


class ActorKey(models.Model):
    """The blog's RSA key pair, generated once on first use."""

    name = models.CharField(max_length=20, unique=True, default="main")
    private_key_pem = models.TextField()
    public_key_pem = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Schlüssel")

    def __str__(self):
        return self.name

    @classmethod
    def current(cls):
        key = cls.objects.filter(name="main").first()
        if key:
            return key
        private = signatures.generate_private_key()
        try:
            with transaction.atomic():
                return cls.objects.create(
                    name="main",
                    private_key_pem=signatures.private_pem(private),
                    public_key_pem=signatures.public_pem(private),
                )
        except IntegrityError:
            # Another process was first: everyone uses its key.
            return cls.objects.get(name="main")

    def private_key(self):
        return signatures.load_private_key(self.private_key_pem)


class RemoteKey(models.Model):
    """A public key of another server's actor, as fetched (a cache)."""

    key_id = models.URLField(max_length=500, unique=True)
    owner = models.URLField(max_length=500)
    public_key_pem = models.TextField()
    fetched_at = models.DateTimeField()

    def __str__(self):
        return self.key_id


class Follower(models.Model):
    actor_url = models.URLField(_("Konto"), max_length=500, unique=True)
    username = models.CharField(_("Name"), max_length=200, blank=True)
    display_name = models.CharField(_("Anzeigename"), max_length=200, blank=True)
    domain = models.CharField(_("Server"), max_length=253, db_index=True)
    inbox_url = models.URLField(_("Posteingang"), max_length=500)
    shared_inbox_url = models.URLField(
        _("gemeinsamer Posteingang"), max_length=500, blank=True
    )
    profile_url = models.URLField(_("Profil"), max_length=500, blank=True)
    follow_activity_id = models.URLField(max_length=500, blank=True)
    followed_at = models.DateTimeField(_("folgt seit"), auto_now_add=True)

    class Meta:
        verbose_name = _("Follower")
        verbose_name_plural = _("Follower")
        ordering = ["-followed_at"]

    def __str__(self):
        return self.handle

    @property
    def handle(self):
        return f"@{self.username}@{self.domain}" if self.username else self.actor_url

    @property
    def delivery_inbox(self):
        """Where posts go: the server's shared inbox when it has one."""
        return self.shared_inbox_url or self.inbox_url


class OutgoingActivity(models.Model):
    """An activity the blog sent (Create, Update, Delete of a post; Accept of
    a Follow), kept as sent: the outbox and the activity URLs show it."""

    class Kind(models.TextChoices):
        CREATE = "Create", _("Neuer Artikel")
        UPDATE = "Update", _("Artikel geändert")
        DELETE = "Delete", _("Artikel zurückgezogen")
        ACCEPT = "Accept", _("Folgen bestätigt")
        REJECT = "Reject", _("Follower entfernt")

    uuid = models.UUIDField(unique=True)
    kind = models.CharField(_("Art"), max_length=10, choices=Kind.choices)
    page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Artikel"),
    )
    object_id = models.URLField(max_length=500, blank=True)
    payload = models.JSONField()
    created_at = models.DateTimeField(_("erstellt am"), auto_now_add=True)

    class Meta:
        verbose_name = _("Aktivität")
        verbose_name_plural = _("Aktivitäten")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.object_id}"


class Delivery(models.Model):
    """One activity to one inbox. (activity, inbox) is unique, so no inbox
    gets an activity twice; a worker sends only a row it claimed."""

    class Status(models.TextChoices):
        PENDING = "pending", _("ausstehend")
        SENDING = "sending", _("in Arbeit")
        SENT = "sent", _("zugestellt")
        FAILED = "failed", _("aufgegeben")

    activity = models.ForeignKey(
        OutgoingActivity,
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name=_("Aktivität"),
    )
    inbox_url = models.URLField(_("Posteingang"), max_length=500)
    status = models.CharField(
        _("Status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("Fehlversuche"), default=0)
    last_error = models.CharField(_("letzter Fehler"), max_length=300, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    next_attempt_at = models.DateTimeField(_("nächster Versuch"), null=True, blank=True)
    sent_at = models.DateTimeField(_("zugestellt am"), null=True, blank=True)
    created_at = models.DateTimeField(_("erstellt am"), auto_now_add=True)

    class Meta:
        verbose_name = _("Zustellung")
        verbose_name_plural = _("Zustellungen")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "inbox_url"],
                name="fediverse_one_delivery_per_inbox",
            )
        ]

    def __str__(self):
        return f"{self.activity.kind} → {self.inbox_url}: {self.get_status_display()}"


class Interaction(models.Model):
    """A reply, like or boost of one of the blog's posts (admin only)."""

    class Kind(models.TextChoices):
        REPLY = "reply", _("Antwort")
        LIKE = "like", _("Gefällt mir")
        ANNOUNCE = "announce", _("Geteilt")

    kind = models.CharField(_("Art"), max_length=10, choices=Kind.choices)
    activity_id = models.URLField(max_length=500, unique=True)
    actor_url = models.URLField(_("Konto"), max_length=500)
    page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("Artikel"),
    )
    content = models.TextField(_("Text"), blank=True)
    url = models.URLField(_("Adresse"), max_length=500, blank=True)
    received_at = models.DateTimeField(_("erhalten am"), auto_now_add=True)

    class Meta:
        verbose_name = _("Reaktion")
        verbose_name_plural = _("Reaktionen")
        ordering = ["-received_at"]

    def __str__(self):
        return f"{self.get_kind_display()} von {self.actor_url}"
