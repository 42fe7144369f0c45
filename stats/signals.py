"""A change of the site settings („Statistik zählen“) reaches the beacon
endpoint at once: its cached view of the site is dropped."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from core.models import SiteSettings
from core.pagecache import invalidate


@receiver(post_save, sender=SiteSettings)
@receiver(post_delete, sender=SiteSettings)
def forget_site_state(sender, created=False, **kwargs):
    from .counting import forget_state

    forget_state()
    if created:
        # core.invalidation makes cached pages stale when settings change, but
        # not for a new row (settings made on first use); a new row may switch
        # counting off, and cached pages must then lose the beacon script.
        transaction.on_commit(invalidate)
