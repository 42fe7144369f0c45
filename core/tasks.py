"""Work that follows publishing a page, done by the task worker, not by readers."""

from django_tasks import task

from django.db import transaction

from wagtail.images import get_image_model
from wagtail.models import Page

from .images import prepare_renditions


@task()
def prepare_page_renditions(page_id):
    """Create every rendition a published page shows (core.pages.SeoMixin.
    image_sizes), so that no reader waits for an image to be resized."""
    page = Page.objects.filter(pk=page_id, live=True).first()
    if page is None:
        return 0
    page = page.specific
    sizes = getattr(page, "image_sizes", None)
    return prepare_renditions(sizes()) if sizes else 0


@task()
def prepare_image_sizes(image_id, sizes):
    """Create one image's renditions in the named sizes (a changed portrait)."""
    image = get_image_model().objects.filter(pk=image_id).first()
    if image is None:
        return 0
    return prepare_renditions((image, size) for size in sizes)


def enqueue_image_sizes_on_commit(image_id, sizes):
    transaction.on_commit(lambda: prepare_image_sizes.enqueue(image_id, list(sizes)))


def enqueue_renditions_on_publish(sender, instance, **kwargs):
    """page_published: once the publish is committed, queue the renditions."""
    if instance.live and hasattr(instance, "image_sizes"):
        page_id = instance.pk
        transaction.on_commit(lambda: prepare_page_renditions.enqueue(page_id))
