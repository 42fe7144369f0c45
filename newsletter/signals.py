from django.dispatch import receiver

from wagtail.signals import page_published

from .models import NewsletterPageMixin
from .services import send_on_publish


@receiver(page_published, dispatch_uid="newsletter_send_on_publish")
def on_page_published(sender, instance, **kwargs):
    # Fires for manual and scheduled publishing (publish_scheduled), never for
    # a draft save; but also when a publish only schedules the page (go-live in
    # the future), hence the live check. Only the send is created here; the
    # fan-out runs as a task.
    if isinstance(instance, NewsletterPageMixin) and instance.live:
        send_on_publish(instance)
