"""A change of the site settings („Statistik zählen“) reaches the beacon
endpoint at once: its cached view of the site is dropped."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from core.models import SiteSettings
from core.pagecache import invalidate


@receiver(post_save, sender=SiteSettings)
@receiver(post_delete, sender=SiteSettings)
def forget_site_state(sender, instance=None, created=False, **kwargs):
    from .counting import forget_state

    forget_state()
    if created and instance is not None and not instance.stats_enabled:
        # core.invalidation makes cached pages stale when settings change, but
        # not for a new row (settings made on first use, with the defaults);
        # a new row that switches counting off must, or cached pages keep the
        # beacon script.
        transaction.on_commit(invalidate)
