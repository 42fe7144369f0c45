"""Models every app shares: the image model and the site settings."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.images.models import AbstractImage, AbstractRendition, Image

from .memo import memo
from .voice import Address, Sender, voice_of

__all__ = ["CustomImage", "CustomRendition", "SiteSettings", "WorkerHeartbeat"]


class CustomImage(AbstractImage):
    """Wagtail's image plus its credit line, entered once for every use.

    The description (Wagtail's own field) is the default alt text wherever the
    image is placed without one of its own.
    """

    credit = models.CharField(
        _("Bildnachweis"),
        max_length=120,
        blank=True,
        help_text=_(
            "Erscheint unter dem Bild, wo immer es verwendet wird. Zum Beispiel "
            "„Bild: Name / Agentur“."
        ),
    )

    admin_form_fields = (*Image.admin_form_fields, "credit")

    class Meta(AbstractImage.Meta):
        verbose_name = _("Bild")
        verbose_name_plural = _("Bilder")


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(
        CustomImage, on_delete=models.CASCADE, related_name="renditions"
    )

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    # The footer links both pages on every page: load them with the settings.
    select_related = ["impressum_page", "privacy_page"]

    @classmethod
    def for_site(cls, site):
        """The settings of `site`, remembered until they change (core.memo);
        a copy, as Wagtail sets the request on the instance."""
        if site is None:
            return super().for_site(site)
        return memo.get_copy(
            ("site-settings", site.pk), lambda: super(SiteSettings, cls).for_site(site)
        )

    impressum_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Impressum"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Pflicht für deutsche Websites; wird in der Fußzeile verlinkt."),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Datenschutzerklärung"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Pflicht für deutsche Websites; wird in der Fußzeile und im Anmeldeformular verlinkt."
        ),
    )
    footer_text = models.CharField(
        _("Fußzeilentext"),
        max_length=200,
        blank=True,
        help_text=_("Zum Beispiel „© 2026 Mesut“. Optional."),
    )
    mastodon_url = models.URLField(
        _("Mastodon"),
        blank=True,
        help_text=_("Adresse des Mastodon-Profils. Optional."),
    )
    linkedin_url = models.URLField(
        _("LinkedIn"),
        blank=True,
        help_text=_("Adresse des LinkedIn-Profils. Optional."),
    )
    feed_full_content = models.BooleanField(
        _("Ganze Artikel im Feed"),
        default=True,
        help_text=_(
            "An: RSS- und Atom-Feeds enthalten den vollständigen Artikel. "
            "Aus: nur Titelbild und Anreißer mit Link zum Artikel."
        ),
    )

    address = models.CharField(
        _("Anrede"),
        max_length=3,
        choices=Address.choices,
        default=Address.SIE,
        help_text=_(
            "Wie die Website Leserinnen und Leser anspricht: im Anmeldefeld, auf den "
            "Bestätigungs- und Fehlerseiten und in allen E-Mails."
        ),
    )
    sender = models.CharField(
        _("Absender"),
        max_length=3,
        choices=Sender.choices,
        default=Sender.WIR,
        help_text=_(
            "Wer in diesen Texten spricht: eine Person („ich“) oder ein Team („wir“)."
        ),
    )

    class HomeLayout(models.TextChoices):
        FULL = "full", _("ganze Artikel")
        TEASERS = "teasers", _("Anrisse")

    home_layout = models.CharField(
        _("Startseite zeigt"),
        max_length=8,
        choices=HomeLayout.choices,
        default=HomeLayout.TEASERS,
        help_text=_(
            "„ganze Artikel“: die neuesten Artikel vollständig untereinander, mit Datum "
            "und Schlagwörtern darunter. „Anrisse“: Karten mit Bild und Anreißer."
        ),
    )

    stats_enabled = models.BooleanField(
        _("Statistik zählen"),
        default=True,
        help_text=_(
            "An: Aufrufe öffentlicher Seiten werden ohne Cookies und ohne gespeicherte "
            "IP-Adresse gezählt (Berichte → Statistik). Aus: kein Zählskript, "
            "nichts wird gezählt."
        ),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("sender")],
            heading=_("Tonfall"),
        ),
        MultiFieldPanel([FieldPanel("home_layout")], heading=_("Startseite")),
        MultiFieldPanel(
            [PageChooserPanel("impressum_page"), PageChooserPanel("privacy_page")],
            heading=_("Rechtliches"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("footer_text"),
                FieldPanel("mastodon_url"),
                FieldPanel("linkedin_url"),
            ],
            heading=_("Fußzeile"),
        ),
        MultiFieldPanel([FieldPanel("feed_full_content")], heading=_("Feeds")),
        MultiFieldPanel([FieldPanel("stats_enabled")], heading=_("Statistik")),
    ]

    class Meta:
        verbose_name = _("Website-Einstellungen")

    @property
    def voice(self):
        return voice_of(self)

    @property
    def shows_full_posts(self):
        return self.home_layout == self.HomeLayout.FULL


class WorkerHeartbeat(models.Model):
    """A task worker (`manage.py run_worker`) says it is alive, every few
    seconds from a thread of its own. Tasks claimed by a worker that has gone
    quiet for longer than TASK_LEASE_SECONDS are handed to another one."""

    worker_id = models.CharField(max_length=64, primary_key=True)
    queues = models.CharField(_("Warteschlangen"), max_length=200)
    host = models.CharField(_("Rechner"), max_length=200)
    pid = models.PositiveIntegerField(_("Prozess"))
    started_at = models.DateTimeField(_("gestartet"))
    seen_at = models.DateTimeField(_("zuletzt gemeldet"), db_index=True)

    class Meta:
        verbose_name = _("Task-Worker")
        verbose_name_plural = _("Task-Worker")

    def __str__(self):
        return f"{self.host}:{self.pid} ({self.queues})"
