"""A change of the site settings („Statistik zählen“) reaches the beacon
endpoint at once: its cached view of the site is dropped."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from core.models import SiteSettings


@receiver(post_save, sender=SiteSettings)
@receiver(post_delete, sender=SiteSettings)
def forget_site_state(sender, **kwargs):
    from .counting import forget_state

    forget_state()
