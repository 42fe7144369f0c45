"""Create or update one BlogPostPage per imported post, each in its own transaction."""

import hashlib
import json
from datetime import datetime, time
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.blocks import BodyBlock
from posts.models import BlogIndexPage, BlogPostPage

from .media import image_for_file
from .models import ImportedPost


class SetupError(Exception):
    """The import cannot start (no blog index, wrong page id)."""


def find_index(index_id=None):
    if index_id:
        index = BlogIndexPage.objects.filter(pk=index_id).first()
        if index is None:
            raise SetupError(_("Keine Blog-Übersicht mit der ID %s.") % index_id)
        return index
    indexes = list(BlogIndexPage.objects.all()[:2])
    if not indexes:
        raise SetupError(
            _("Es gibt keine Blog-Übersicht, unter der Beiträge liegen könnten.")
        )
    if len(indexes) > 1:
        raise SetupError(_("Mehrere Blog-Übersichten: bitte eine mit --index wählen."))
    return indexes[0]


def file_digest(path):
    with Path(path).open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def content_hash(post, live=None):
    """Everything the import writes; equal hashes mean nothing to update.

    Publishing is not content: an unchanged post stays unchanged whether the run
    publishes or not. (Hashes stored before this included the publish flag;
    pass `live` to compute one of those.)"""
    blocks = [
        (
            kind,
            {**value, "path": file_digest(value["path"])} if kind == "image" else value,
        )
        for kind, value in post.blocks
    ]
    payload = {
        "title": post.title,
        "date": post.date,
        "tags": post.tags,
        "teaser": post.teaser,
        "blocks": blocks,
        "image": file_digest(post.feature_image) if post.feature_image else None,
        "alt": post.feature_image_alt,
        "credit": post.feature_image_credit,
    }
    if live is not None:
        payload["live"] = live
    encoded = json.dumps(payload, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(encoded.encode()).hexdigest()


def is_unchanged(record, post):
    digest = content_hash(post)
    return record.content_hash in {
        digest,
        content_hash(post, live=True),
        content_hash(post, live=False),
    }


def existing_record(post):
    return (
        ImportedPost.objects.filter(source=post.source, source_id=post.source_id)
        .select_related("page")
        .first()
    )


def plan(post, publish):
    """What write() would do, without writing: "create", "update" or
    "unchanged", and the page if there is one."""
    record = existing_record(post)
    if record is None:
        return "create", None
    return ("unchanged" if is_unchanged(record, post) else "update"), record.page


def unique_slug(index, slug, exclude=None):
    siblings = index.get_children()
    if exclude:
        siblings = siblings.exclude(pk=exclude)
    taken = set(siblings.filter(slug__startswith=slug).values_list("slug", flat=True))
    candidate, number = slug, 1
    while candidate in taken:
        number += 1
        candidate = f"{slug}-{number}"
    return candidate


def build_body(blocks, warnings):
    """Block values as the StreamField wants them; invalid blocks are dropped."""
    stream = BodyBlock()
    body = []
    for kind, value in blocks:
        if kind == "image":
            value = dict(value)
            credit = value.pop("credit", "")
            value["image"] = image_for_file(
                value.pop("path"), value["alt_text"], credit
            )
        block = stream.child_blocks[kind]
        try:
            block.clean(block.normalize(value))
        except ValidationError as error:
            warnings.append(
                _("Block „%(kind)s“ verworfen: %(error)s")
                % {"kind": kind, "error": "; ".join(error.messages) or error}
            )
            continue
        body.append((kind, value))
    return body


def write(post, index, publish, user=None):
    """Return "created", "updated" or "unchanged" and the page."""
    live = publish and not post.draft
    digest = content_hash(post)
    with transaction.atomic():
        record = (
            ImportedPost.objects.select_for_update()
            .filter(source=post.source, source_id=post.source_id)
            .select_related("page")
            .first()
        )
        if record and is_unchanged(record, post):
            if record.content_hash != digest:  # stored before publishing was left out
                record.content_hash = digest
                record.save(update_fields=["content_hash"])
            return "unchanged", record.page
        created = record is None
        body = build_body(post.blocks, post.warnings)
        if not body:
            raise ValueError(_("Kein übernehmbarer Inhalt."))
        if record:
            page = record.page.specific
        else:
            page = BlogPostPage(live=False)
            page.slug = unique_slug(index, post.slug)
            if page.slug != post.slug:
                post.warnings.append(
                    _("Slug „%(old)s“ ist vergeben, neuer Slug „%(new)s“.")
                    % {"old": post.slug, "new": page.slug}
                )
        page.title = post.title
        if post.date:
            page.date = post.date
        elif not record:
            page.date = timezone.localdate()
            post.warnings.append(_("Kein Datum: heutiges Datum eingetragen."))
        page.teaser = post.teaser
        page.body = body
        page.feature_image = (
            image_for_file(
                post.feature_image,
                post.feature_image_alt or post.title,
                post.feature_image_credit,
            )
            if post.feature_image
            else None
        )
        page.feature_image_alt = post.feature_image_alt
        page.tags.set(post.tags)
        if record is None:
            if live:
                page.first_published_at = post.published_at or timezone.make_aware(
                    datetime.combine(page.date, time(12))
                )
            index.add_child(instance=page)
            record = ImportedPost(
                source=post.source, source_id=post.source_id, page=page
            )
        record.content_hash = digest
        record.authors = post.authors
        record.warnings = post.warnings
        record.save()
        revision = page.save_revision(user=user, log_action=True)
        if live:
            revision.publish(user=user)
    return ("created" if created else "updated"), page
