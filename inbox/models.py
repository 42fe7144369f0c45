from django.db import models
from django.utils.translation import gettext_lazy as _


class InboxMessage(models.Model):
    """One email the demo would have sent, kept whole so it can be opened."""

    sent_at = models.DateTimeField(_("gesendet"), auto_now_add=True, db_index=True)
    from_email = models.CharField(_("Absender"), max_length=500)
    to = models.TextField(_("Empfänger"))
    subject = models.CharField(_("Betreff"), max_length=1000)
    text = models.TextField(_("Textfassung"), blank=True)
    html = models.TextField(_("HTML-Fassung"), blank=True)
    headers = models.JSONField(_("Kopfzeilen"), default=dict)
    raw = models.TextField(_("Quelltext"))

    class Meta:
        ordering = ["-sent_at", "-pk"]
        verbose_name = _("Demo-E-Mail")
        verbose_name_plural = _("Demo-E-Mails")

    def __str__(self):
        return self.subject
