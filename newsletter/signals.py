from django.dispatch import receiver

from wagtail.signals import page_published

from .services import send_on_publish


@receiver(page_published, dispatch_uid="newsletter_send_on_publish")
def on_page_published(sender, instance, **kwargs):
    # Fires for manual and scheduled publishing (publish_scheduled), never for
    # a draft save. Only the send is created here; the fan-out runs as a task.
    from posts.models import BlogPostPage

    if isinstance(instance, BlogPostPage):
        send_on_publish(instance)
