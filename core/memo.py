"""Answers that stay true until the next content change, worked out once per
process instead of once per request.

Every public page asks the same questions: which Site answers this host, which
pages are the blog index and the subscribe page, what the site settings say,
which rows a listing shows, and for a post its previous, next and related
posts. Their answers change only with the changes that make cached
pages stale, so they are kept per *generation* of the page cache
(core.pagecache.Generation): when any such change commits, on any app server,
the generation token changes and every process starts an empty memo on its
next request. A change made in this process empties it at once as well (before
its commit, so tests and the admin process see their own changes).

Unlike the page cache this is no second copy of what readers get: editors,
previews and readers with cookies all render their pages in full, only these
lookups are shared. Values are shared between a process's threads, so they
must be read-only; `get_copy` hands out a copy of a model instance that a
request may change (Wagtail's routing sets attributes on pages).
"""

import copy
import logging
import threading

from django.conf import settings

from . import pagecache

logger = logging.getLogger(__name__)

#: More keys than a site has pages and sections: past it, a generation stops
#: remembering (a hostile Host header cannot grow the memo without bound).
MAX_ENTRIES = 20_000
META_KEY = pagecache.GENERATION_ENVIRON_KEY
NONE = object()  # a remembered None


class GenerationMemo:
    def __init__(self):
        self._lock = threading.Lock()
        self._state = None  # (generation token, local change count)
        self._local = 0
        self._values = {}

    def token(self, request=None):
        """The generation token, read once per request (the WSGI page cache
        has read it already when it ran)."""
        if request is None:
            return pagecache.generation.current()
        token = request.META.get(META_KEY)
        if token is None:
            token = pagecache.generation.current()
            request.META[META_KEY] = token
        return token

    @property
    def changes(self):
        """How many changes this process has made (it grows with each)."""
        return self._local

    def get(self, key, compute, request=None, keep_none=False):
        """The value remembered under `key` in this generation, else
        `compute()` (remembered unless something changed meanwhile). None is
        remembered only with `keep_none` (for keys that are not chosen by a
        visitor, such as "the subscribe page of site 1")."""
        if not settings.GENERATION_MEMO_ENABLED:
            return compute()
        try:
            state = (self.token(request), self._local)
        except Exception:  # the cache is down: work it out, as without a memo
            logger.warning("Generation memo: no token", exc_info=True)
            return compute()
        values = self._values
        if self._state != state:
            with self._lock:
                if self._state != state:
                    self._values = values = {}
                    self._state = state
        try:
            value = values[key]
        except KeyError:
            pass
        else:
            return None if value is NONE else value
        value = compute()
        # Not kept when a change in this process happened during compute(),
        # and None is never kept (a probe for a page that does not exist must
        # not take room).
        unchanged = self._state == state and self._local == state[1]
        if unchanged and len(values) < MAX_ENTRIES and (value is not None or keep_none):
            values[key] = NONE if value is None else value
        return value

    def get_copy(self, key, compute, request=None, keep_none=False):
        value = self.get(key, compute, request, keep_none)
        return copy.copy(value) if value is not None else None

    def clear(self, *args, **kwargs):
        """Forget everything (a signal receiver: a change in this process)."""
        with self._lock:
            self._local += 1
            self._values = {}


memo = GenerationMemo()


def connect():
    """Empty the memo on every change in this process that could alter an
    answer: any page saved, moved or deleted, a view restriction, and the
    models that invalidate the page cache."""
    from django.apps import apps
    from django.db.models.signals import post_delete, post_save

    from wagtail.models import Page, PageViewRestriction
    from wagtail.signals import page_published, page_unpublished, post_page_move

    def on_save(sender, **kwargs):
        if issubclass(sender, Page):
            memo.clear()

    post_save.connect(on_save, dispatch_uid="memo-page-save", weak=False)
    post_delete.connect(on_save, dispatch_uid="memo-page-delete", weak=False)
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(memo.clear, dispatch_uid=f"memo-{id(signal)}", weak=False)
    labels = {*settings.PAGE_CACHE_INVALIDATING_MODELS, "wagtailcore.Site"}
    models = {apps.get_model(label) for label in labels} | {PageViewRestriction}
    for model in models:
        for signal in (post_save, post_delete):
            signal.connect(
                memo.clear,
                sender=model,
                dispatch_uid=f"memo-{model._meta.label}-{id(signal)}",
                weak=False,
            )
