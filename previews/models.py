from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.tokens import hash_token, new_token, plausible

DEFAULT_DAYS = 7
MAX_DAYS = 30


class PreviewLinkQuerySet(models.QuerySet):
    def active(self, now=None):
        now = now or timezone.now()
        return self.filter(revoked_at__isnull=True, expires_at__gt=now)


class PreviewLink(models.Model):
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Seite"),
        related_name="preview_links",
        on_delete=models.CASCADE,
    )
    token_hash = models.CharField(
        _("Token-Hash"), max_length=64, unique=True, editable=False
    )
    label = models.CharField(
        _("Notiz"),
        max_length=100,
        blank=True,
        help_text=_(
            "Für wen ist der Link? Zum Beispiel „Lektorat Anna“. Nur im Admin sichtbar."
        ),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Erstellt von"),
        null=True,
        blank=True,
        related_name="+",
        on_delete=models.SET_NULL,
    )
    created_at = models.DateTimeField(_("Erstellt am"), default=timezone.now)
    expires_at = models.DateTimeField(_("Gültig bis"))
    revoked_at = models.DateTimeField(_("Widerrufen am"), null=True, blank=True)
    view_count = models.PositiveIntegerField(_("Aufrufe"), default=0)
    last_viewed_at = models.DateTimeField(
        _("Zuletzt aufgerufen"), null=True, blank=True
    )

    objects = PreviewLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("Vorschau-Link")
        verbose_name_plural = _("Vorschau-Links")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["page", "expires_at"])]

    def __str__(self):
        return f"{self.page} ({self.label or self.created_at:%d.%m.%Y})"

    @classmethod
    def create_for(cls, page, user, days=DEFAULT_DAYS, label=""):
        """Create a link and return (link, token). Only the hash is stored, so the
        token is the caller's to show once."""
        if not 1 <= days <= MAX_DAYS:
            raise ValueError(f"days must be between 1 and {MAX_DAYS}")
        token = new_token()
        now = timezone.now()
        link = cls.objects.create(
            page=page,
            token_hash=hash_token(token),
            label=label,
            created_by=user,
            created_at=now,
            expires_at=now + timedelta(days=days),
        )
        return link, token

    @classmethod
    def find_active(cls, token):
        """One indexed lookup per request, whatever the token looks like."""
        if not plausible(token):
            return None
        return (
            cls.objects.active()
            .select_related("page")
            .filter(token_hash=hash_token(token))
            .first()
        )

    @property
    def is_active(self):
        return self.revoked_at is None and self.expires_at > timezone.now()

    def revoke(self):
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.save(update_fields=["revoked_at"])

    def record_view(self):
        now = timezone.now()
        type(self).objects.filter(pk=self.pk).update(
            view_count=F("view_count") + 1, last_viewed_at=now
        )
