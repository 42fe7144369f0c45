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
