"""Reader statistics, stored only in aggregate: counts per day (and per hour
for the last 48 hours), never a single view, an address or a user agent.

Every table has one row per key (the unique constraint), which a flush adds to
with `INSERT … ON CONFLICT DO UPDATE SET n = n + excluded.n` (stats.buffer).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DailySiteStat(models.Model):
    """The whole site on one day: a visitor is counted once per day."""

    day = models.DateField(_("Tag"), unique=True)
    views = models.PositiveIntegerField(_("Aufrufe"), default=0)
    visitors = models.PositiveIntegerField(_("Besucher"), default=0)
    reads = models.PositiveIntegerField(_("gelesen"), default=0)

    class Meta:
        verbose_name = _("Tageszahl der Website")
        verbose_name_plural = _("Tageszahlen der Website")

    def __str__(self):
        return f"{self.day}: {self.views}"


class DailyPageStat(models.Model):
    """One page on one day: a visitor is counted once per page and day."""

    day = models.DateField(_("Tag"))
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+"
    )
    views = models.PositiveIntegerField(_("Aufrufe"), default=0)
    visitors = models.PositiveIntegerField(_("Besucher"), default=0)
    reads = models.PositiveIntegerField(_("gelesen"), default=0)

    class Meta:
        verbose_name = _("Tageszahl einer Seite")
        verbose_name_plural = _("Tageszahlen der Seiten")
        constraints = [
            models.UniqueConstraint(fields=["day", "page"], name="stats_daily_page")
        ]
        indexes = [models.Index(fields=["page", "day"], name="stats_daily_page_day")]

    def __str__(self):
        return f"{self.day} {self.page_id}: {self.views}"


class HourlyPageStat(models.Model):
    """Views of one page in one hour (UTC), kept for the last 48 hours."""

    hour = models.DateTimeField(_("Stunde"))
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+"
    )
    views = models.PositiveIntegerField(_("Aufrufe"), default=0)

    class Meta:
        verbose_name = _("Stundenzahl einer Seite")
        verbose_name_plural = _("Stundenzahlen der Seiten")
        constraints = [
            models.UniqueConstraint(fields=["hour", "page"], name="stats_hourly_page")
        ]

    def __str__(self):
        return f"{self.hour:%Y-%m-%d %H} {self.page_id}: {self.views}"


class DailyReferrer(models.Model):
    """Views per referring host (never the full address), page and day;
    the site's own host and an empty referrer are „direkt“."""

    DIRECT = "direkt"

    day = models.DateField(_("Tag"))
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+"
    )
    host = models.CharField(_("Herkunft"), max_length=100)
    views = models.PositiveIntegerField(_("Aufrufe"), default=0)

    class Meta:
        verbose_name = _("Herkunft")
        verbose_name_plural = _("Herkünfte")
        constraints = [
            models.UniqueConstraint(
                fields=["day", "page", "host"], name="stats_daily_referrer"
            )
        ]
        indexes = [models.Index(fields=["page", "day"], name="stats_referrer_page_day")]

    def __str__(self):
        return f"{self.day} {self.host}: {self.views}"


class DailyCampaign(models.Model):
    """Views with utm_source/utm_medium/utm_campaign per day."""

    day = models.DateField(_("Tag"))
    source = models.CharField(_("Quelle"), max_length=100, blank=True)
    medium = models.CharField(_("Medium"), max_length=100, blank=True)
    campaign = models.CharField(_("Kampagne"), max_length=100, blank=True)
    views = models.PositiveIntegerField(_("Aufrufe"), default=0)

    class Meta:
        verbose_name = _("Kampagne")
        verbose_name_plural = _("Kampagnen")
        constraints = [
            models.UniqueConstraint(
                fields=["day", "source", "medium", "campaign"],
                name="stats_daily_campaign",
            )
        ]

    def __str__(self):
        return f"{self.day} {self.source}/{self.medium}/{self.campaign}: {self.views}"


class DailyDevice(models.Model):
    """Views per device class (from the viewport width) per day."""

    class Device(models.TextChoices):
        PHONE = "phone", _("Telefon")
        TABLET = "tablet", _("Tablet")
        DESKTOP = "desktop", _("Desktop")

    day = models.DateField(_("Tag"))
    device = models.CharField(_("Gerät"), max_length=8, choices=Device.choices)
    views = models.PositiveIntegerField(_("Aufrufe"), default=0)

    class Meta:
        verbose_name = _("Geräteklasse")
        verbose_name_plural = _("Geräteklassen")
        constraints = [
            models.UniqueConstraint(fields=["day", "device"], name="stats_daily_device")
        ]

    def __str__(self):
        return f"{self.day} {self.device}: {self.views}"


class FlushedBatch(models.Model):
    """A buffer batch written to the tables above, recorded in the same
    transaction: a batch found again after a crash is never added twice."""

    batch = models.CharField(max_length=64, primary_key=True)
    events = models.PositiveIntegerField(default=0)
    flushed_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("geschriebener Zählerstapel")
        verbose_name_plural = _("geschriebene Zählerstapel")

    def __str__(self):
        return self.batch
