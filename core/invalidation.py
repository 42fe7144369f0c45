"""The one place that knows which changes make cached pages stale.

Every change below makes the page cache's generation new after its
transaction commits (never before: a reader on another server could otherwise
cache the old content under the new token), and asks the CDN, when one is
configured (WAGTAILFRONTENDCACHE), to purge the URLs it touches.

Changes that count: a page published (also by `publish_scheduled`),
unpublished, moved or deleted, and saving or deleting any model named in
settings.PAGE_CACHE_INVALIDATING_MODELS (site settings, authors, tags,
images, sites, redirects, view restrictions: a page made private leaves the
cache at once). Tags are saved with the page's publication, so
changing a post's tags is a publish.
"""

import logging

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.urls import NoReverseMatch, reverse

from wagtail.models import Page
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    pre_page_move,
)

from . import pagecache
from .site import absolute_url

logger = logging.getLogger(__name__)


def site_urls():
    """Site-wide URLs outside the page tree (feeds, sitemap, robots.txt)."""
    urls = []
    for name in settings.PAGE_CACHE_PURGE_URL_NAMES:
        try:
            urls.append(absolute_url(reverse(name)))
        except NoReverseMatch:
            logger.warning("Page cache: no URL named %r to purge", name)
    return urls


def page_urls(page):
    """The page's own URLs (with its routable sub-paths) and whatever else
    shows it: its ancestors (index pages with tags and pagination, the home
    page) and what the page type names itself (`frontend_cache_urls`)."""
    page = page.specific_deferred
    urls = set()
    for shown in [page, *page.get_ancestors().live().specific(defer=True)]:
        full_url = shown.get_full_url()
        if full_url:
            urls.update(
                full_url + path.lstrip("/") for path in shown.get_cached_paths()
            )
    extra = getattr(page, "frontend_cache_urls", None)
    if extra:
        urls.update(absolute_url(url) for url in extra())
    return urls


def all_page_urls():
    urls = set()
    for page in Page.objects.live().public().specific(defer=True):
        full_url = page.get_full_url()
        if full_url:
            urls.update(full_url + path.lstrip("/") for path in page.get_cached_paths())
    return urls


def cdn_configured():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def purge(urls):
    """Queue a CDN purge of `urls` and the site-wide URLs (a task: the
    request that published does not wait for the CDN)."""
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    purge_urls_from_cache(sorted(set(urls) | set(site_urls())))


def after_commit(urls_of):
    """Bump the generation and purge the CDN once the transaction commits;
    `urls_of` is called then, so it sees the committed state."""

    def run():
        pagecache.invalidate()
        if not cdn_configured():
            return
        try:
            purge(urls_of())
        except Exception:  # a CDN problem must never break publishing
            logger.exception("Page cache: CDN purge failed")

    transaction.on_commit(run, robust=True)


def on_page_changed(sender, instance, **kwargs):
    after_commit(lambda: page_urls(instance))


def on_page_deleted(sender, instance, **kwargs):
    if not isinstance(instance, Page):
        return
    # Computed now: after the commit the page and its URL are gone.
    try:
        urls = {instance.get_full_url()} - {None}
    except Exception:
        urls = set()
    after_commit(lambda: urls | {u for p in _live(instance) for u in page_urls(p)})


def _live(page):
    """The nearest live ancestors that are still there after a deletion."""
    parent_path = page.path[: -page.steplen]
    return list(Page.objects.filter(path=parent_path).live())


def on_page_moving(sender, instance, parent_page_before=None, **kwargs):
    # Before the move: the old address and the old parent's listings.
    urls = page_urls(instance) if instance.live else set()
    after_commit(lambda: urls)


def on_model_changed(sender, instance, created=False, **kwargs):
    if created and sender._meta.label not in settings.PAGE_CACHE_NEW_ROWS_INVALIDATE:
        return
    after_commit(all_page_urls)


def connect():
    page_published.connect(on_page_changed, dispatch_uid="pagecache-published")
    page_unpublished.connect(on_page_changed, dispatch_uid="pagecache-unpublished")
    pre_page_move.connect(on_page_moving, dispatch_uid="pagecache-pre-move")
    post_page_move.connect(on_page_changed, dispatch_uid="pagecache-post-move")
    post_delete.connect(on_page_deleted, dispatch_uid="pagecache-page-deleted")
    for label in settings.PAGE_CACHE_INVALIDATING_MODELS:
        model = apps.get_model(label)
        post_save.connect(
            on_model_changed, sender=model, dispatch_uid=f"pagecache-save-{label}"
        )
        post_delete.connect(
            on_model_changed, sender=model, dispatch_uid=f"pagecache-delete-{label}"
        )
