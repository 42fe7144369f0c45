"""One import run, shared by the command and the admin view."""

import logging
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _

from .data import ImportedPostData, Skipped, SourceError
from .media import MediaResolver
from .sources import read_source
from .writer import plan, write

logger = logging.getLogger(__name__)
ACTIONS = {"create": "created", "update": "updated", "unchanged": "unchanged"}


@dataclass
class Report:
    dry_run: bool = False
    created: list = field(default_factory=list)  # (origin, title)
    updated: list = field(default_factory=list)
    skipped: list = field(default_factory=list)  # (origin, title, reason)
    failed: list = field(default_factory=list)  # (origin, reason)
    warnings: list = field(default_factory=list)  # (origin, message)
    notes: list = field(default_factory=list)  # (origin, message): to check
    rows: list = field(default_factory=list)  # preview rows, one per post

    @property
    def ok(self):
        return not self.failed


def run_import(
    source,
    index,
    *,
    fmt="auto",
    publish=False,
    dry_run=False,
    user=None,
    progress=None,
    root=None,
    display_root=None,
):
    """Read every post in source and (unless dry_run) write it under index."""
    source = Path(source)
    root = Path(root) if root else (source if source.is_dir() else source.parent)
    report = Report(dry_run=dry_run)
    items = list(read_source(source, MediaResolver(root), fmt, display_root))
    seen = {}
    for number, item in enumerate(items):
        if progress:
            progress(number, len(items), getattr(item, "title", "") or "")
        if isinstance(item, SourceError):
            report.failed.append((item.origin, item.message))
        elif isinstance(item, Skipped):
            report.skipped.append((item.origin, item.title, item.reason))
        elif isinstance(item, ImportedPostData):
            handle(item, index, report, seen, publish, dry_run, user)
    if progress:
        progress(len(items), len(items), "")
    return report


def handle(post, index, report, seen, publish, dry_run, user):
    key = (post.source, post.source_id)
    if key in seen:
        report.failed.append(
            (
                post.origin,
                _("Kennung/Slug „%(key)s“ doppelt, schon in %(other)s.")
                % {"key": post.source_id, "other": seen[key]},
            )
        )
        return
    seen[key] = post.origin
    if not post.blocks:
        report.skipped.append((post.origin, post.title, _("Kein Inhalt.")))
        return
    try:
        if dry_run:
            action, page = plan(post, publish)
            status = ACTIONS[action]
        else:
            status, page = write(post, index, publish, user)
    except Exception as error:  # one broken post must not stop the others
        logger.exception("Import of %s failed", post.origin)
        report.failed.append((post.origin, str(error) or error.__class__.__name__))
        return
    if status == "unchanged":
        reason = _("Unverändert seit dem letzten Import.")
        if publish and not post.draft and page is not None and not page.live:
            reason = _(
                "Unverändert seit dem letzten Import; bleibt Entwurf "
                "(in Wagtail veröffentlichen)."
            )
        report.skipped.append((post.origin, post.title, reason))
    else:
        getattr(report, status).append((post.origin, post.title))
    report.warnings += [(post.origin, warning) for warning in post.warnings]
    report.notes += [(post.origin, note) for note in post.notes]
    report.rows.append(
        {
            "origin": post.origin,
            "title": post.title,
            "date": post.date,
            "tags": post.tags,
            # Pairs, not a dict: PostgreSQL's jsonb does not keep key order.
            "counts": list(post.block_counts().items()),
            "status": status,
            "draft": post.draft or not publish,
            "warnings": post.warnings,
            "notes": post.notes,
        }
    )
