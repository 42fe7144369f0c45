from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportedPost(models.Model):
    """Remembers where an imported page came from, so a re-import updates it."""

    source = models.CharField(_("Quelle"), max_length=20)
    source_id = models.CharField(_("Kennung in der Quelle"), max_length=255)
    page = models.ForeignKey(
        "posts.BlogPostPage",
        verbose_name=_("Beitrag"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    content_hash = models.CharField(max_length=64, blank=True)
    authors = models.JSONField(_("Autorinnen und Autoren"), default=list, blank=True)
    warnings = models.JSONField(_("Hinweise beim Import"), default=list, blank=True)
    imported_at = models.DateTimeField(_("Zuletzt importiert"), auto_now=True)

    class Meta:
        verbose_name = _("Importierter Beitrag")
        verbose_name_plural = _("Importierte Beiträge")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "source_id"], name="imports_unique_source_key"
            )
        ]

    def __str__(self):
        return f"{self.source}:{self.source_id}"


class ImportRun(models.Model):
    """One admin import (its dry-run preview, or the confirmed run), run as a
    task on the "imports" queue; the admin's progress page reads it."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("wartet")
        RUNNING = "running", _("läuft")
        DONE = "done", _("abgeschlossen")
        FAILED = "failed", _("fehlgeschlagen")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("gestartet von"),
    )
    name = models.CharField(_("Datei"), max_length=255)
    token = models.CharField(max_length=64)
    format = models.CharField(_("Format"), max_length=20, default="auto")
    publish = models.BooleanField(_("veröffentlichen"), default=False)
    dry_run = models.BooleanField(_("Probelauf"), default=False)
    status = models.CharField(
        _("Status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    total = models.PositiveIntegerField(_("Einträge"), default=0)
    done = models.PositiveIntegerField(_("erledigt"), default=0)
    label = models.CharField(_("zuletzt"), max_length=255, blank=True)
    report = models.JSONField(_("Ergebnis"), null=True, blank=True)
    error = models.TextField(_("Fehler"), blank=True)
    created_at = models.DateTimeField(_("gestartet am"), auto_now_add=True)
    finished_at = models.DateTimeField(_("abgeschlossen am"), null=True, blank=True)

    class Meta:
        verbose_name = _("Importlauf")
        verbose_name_plural = _("Importläufe")

    def __str__(self):
        return f"{self.name} ({self.get_status_display()})"
