from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The kernel every app may import; it imports none of them."""

    name = "core"
    verbose_name = _("Grundlagen")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published

        from . import slugs
        from .site import sync_default_site
        from .tasks import enqueue_renditions_on_publish

        slugs.register()
        # Wagtail's own links (admin "live ansehen", sitemap) come from the
        # default Site: it takes the public address after every migrate.
        post_migrate.connect(sync_default_site, sender=self)
        route_search_indexing()

        from . import invalidation, memo

        invalidation.connect()
        memo.connect()

        # Publishing a page renders its images ahead of the first reader.
        page_published.connect(
            enqueue_renditions_on_publish, dispatch_uid="core_renditions_on_publish"
        )


def route_search_indexing():
    """Wagtail (modelsearch) enqueues one index update per saved page on the
    default queue; send them to the "search" queue, so a big import's
    thousands of index updates never delay urgent mail."""
    from modelsearch import signal_handlers, tasks

    signal_handlers.insert_or_update_object_task = (
        tasks.insert_or_update_object_task.using(queue_name="search")
    )
