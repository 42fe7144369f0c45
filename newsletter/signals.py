from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from wagtail.signals import page_published

from .archive import cache_key
from .models import NewsletterPageMixin, PostSend
from .services import send_on_publish


@receiver(page_published, dispatch_uid="newsletter_send_on_publish")
def on_page_published(sender, instance, **kwargs):
    # Fires for manual and scheduled publishing (publish_scheduled), never for
    # a draft save; but also when a publish only schedules the page (go-live in
    # the future), hence the live check. Only the send is created here; the
    # fan-out runs as a task.
    if isinstance(instance, NewsletterPageMixin) and instance.live:
        send_on_publish(instance)


@receiver(post_save, sender=PostSend, dispatch_uid="newsletter_web_version")
def on_send_created(sender, instance, created, **kwargs):
    # The post page links its email version from now on (archive.web_url).
    if created:
        key = cache_key(instance.page_id)
        cache.delete(key)
        # Again after the commit: a reader may have cached "not sent" meanwhile.
        transaction.on_commit(lambda: cache.delete(key))
