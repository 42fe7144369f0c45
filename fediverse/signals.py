import logging

from django.db import transaction
from django.db.models.signals import pre_delete
from django.dispatch import receiver

from wagtail.signals import page_published, page_unpublished

from .delivery import record_page_published, record_page_unpublished
from .pages import FediversePageMixin

logger = logging.getLogger(__name__)


def enqueue_on_commit(activity):
    from .tasks import fan_out_activity

    def enqueue():
        # The activity is committed; a queue failure must not fail the publish.
        try:
            fan_out_activity.enqueue(activity.pk)
        except Exception:
            logger.exception("Could not enqueue fediverse activity %s", activity.pk)

    transaction.on_commit(enqueue)


@receiver(page_published, dispatch_uid="fediverse_on_publish")
def on_page_published(sender, instance, **kwargs):
    # Also fired when a publish only schedules the page: hence the live check.
    if isinstance(instance, FediversePageMixin) and instance.live:
        enqueue_on_commit(record_page_published(instance))


@receiver(page_unpublished, dispatch_uid="fediverse_on_unpublish")
def on_page_unpublished(sender, instance, **kwargs):
    if isinstance(instance, FediversePageMixin):
        activity = record_page_unpublished(instance)
        if activity:
            enqueue_on_commit(activity)


@receiver(pre_delete, dispatch_uid="fediverse_on_delete")
def on_page_deleted(sender, instance, **kwargs):
    # Deleting a live page sends no page_unpublished; the followers still
    # learn that the post is gone.
    if isinstance(instance, FediversePageMixin) and instance.live:
        activity = record_page_unpublished(instance)
        if activity:
            enqueue_on_commit(activity)
