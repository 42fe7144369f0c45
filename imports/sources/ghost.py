"""Ghost JSON exports (Settings → Labs → Export)."""

import json
from collections import defaultdict

from django.utils.translation import gettext as _

from ..data import ImportedPostData, Skipped, SourceError
from ..html_to_blocks import html_to_blocks
from .common import finish, parse_date, read_text
from .ghost_content import lexical_to_html, mobiledoc_to_html

DRAFT_STATUSES = {"draft", "scheduled", "sent"}


def load_tables(path, name):
    text, _warnings = read_text(path, name)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise SourceError(
            _("Ungültiges JSON: %s") % error.msg,
            file=name,
            location=f"Zeile {error.lineno}, Spalte {error.colno}",
        ) from None
    db = data.get("db") if isinstance(data, dict) else None
    holder = db[0] if isinstance(db, list) and db else data
    tables = holder.get("data") if isinstance(holder, dict) else None
    if not isinstance(tables, dict) or not isinstance(tables.get("posts"), list):
        raise SourceError(
            _("Keine Ghost-Sicherung: „db[0].data.posts“ fehlt."), file=name
        )
    return tables


def rows(tables, key):
    return [row for row in tables.get(key) or [] if isinstance(row, dict)]


def parse(path, name, resolver):
    tables = load_tables(path, name)
    tags = {tag.get("id"): tag for tag in rows(tables, "tags")}
    users = {user.get("id"): user for user in rows(tables, "users")}
    meta = {row.get("post_id"): row for row in rows(tables, "posts_meta")}
    tags_of, authors_of = defaultdict(list), defaultdict(list)
    for link in sorted(
        rows(tables, "posts_tags"), key=lambda r: r.get("sort_order") or 0
    ):
        tags_of[link.get("post_id")].append(tags.get(link.get("tag_id")))
    for link in sorted(
        rows(tables, "posts_authors"), key=lambda r: r.get("sort_order") or 0
    ):
        authors_of[link.get("post_id")].append(users.get(link.get("author_id")))
    for index, entry in enumerate(tables["posts"]):
        where = f"posts[{index}]"
        if not isinstance(entry, dict):
            yield SourceError(_("Eintrag ist kein Objekt."), file=name, location=where)
            continue
        title = str(entry.get("title") or "").strip()
        if title:
            where += f" „{title[:60]}“"
        try:
            yield convert(
                entry, name, where, resolver, tags_of, authors_of, meta, users
            )
        except SourceError as error:
            yield error
        except (TypeError, ValueError, KeyError, IndexError, AttributeError) as error:
            yield SourceError(
                _("Eintrag nicht lesbar (%s).") % error, file=name, location=where
            )


def convert(entry, name, where, resolver, tags_of, authors_of, meta, users):
    def fail(message):
        raise SourceError(message, file=name, location=where)

    title = str(entry.get("title") or "").strip()
    if entry.get("type", "post") != "post":
        return Skipped(f"{name}, {where}", title, _("Ghost-Seite, kein Beitrag."))
    if not title:
        fail(_("Beitrag ohne Titel."))
    key = entry.get("uuid") or entry.get("id")
    if not key:
        fail(_("Beitrag ohne „id“/„uuid“."))
    raw_date = entry.get("published_at") or entry.get("created_at")
    try:
        post_date, moment = parse_date(raw_date)
    except ValueError:
        fail(_("Datum „%s“ ist nicht lesbar.") % raw_date)
    warnings = []
    html = entry.get("html")
    if not (isinstance(html, str) and html.strip()):
        html = content_html(entry, fail, warnings)
    post_id = entry.get("id")
    post_meta = meta.get(post_id, {})
    authors = authors_of.get(post_id) or [users.get(entry.get("author_id"))]
    post = ImportedPostData(
        source="ghost",
        source_id=str(key),
        origin=f"{name}, {where}",
        title=title,
        slug=str(entry.get("slug") or ""),
        date=post_date,
        published_at=moment,
        tags=[
            str(tag.get("name"))
            for tag in tags_of.get(post_id, [])
            if tag
            and tag.get("name")
            and tag.get("visibility") != "internal"
            and not str(tag.get("name")).startswith("#")
        ],
        teaser=str(entry.get("custom_excerpt") or ""),
        authors=[str(a.get("name")) for a in authors if a and a.get("name")],
        draft=entry.get("status") in DRAFT_STATUSES,
        warnings=warnings,
    )
    if entry.get("feature_image"):
        post.feature_image = resolver.resolve(entry["feature_image"], warnings)
        post.feature_image_alt = str(
            entry.get("feature_image_alt") or post_meta.get("feature_image_alt") or ""
        )
        caption = entry.get("feature_image_caption") or post_meta.get(
            "feature_image_caption"
        )
        post.feature_image_credit = str(caption or "")
    post.blocks = html_to_blocks(html, resolver, warnings)
    return finish(post)


def content_html(entry, fail, warnings):
    for field, render in (
        ("lexical", lexical_to_html),
        ("mobiledoc", mobiledoc_to_html),
    ):
        raw = entry.get(field)
        if not raw:
            continue
        try:
            document = json.loads(raw) if isinstance(raw, str) else raw
            return render(document, warnings)
        except json.JSONDecodeError as error:
            fail(
                _("„%(field)s“ ist kein gültiges JSON (Spalte %(col)d): %(msg)s")
                % {"field": field, "col": error.colno, "msg": error.msg}
            )
        except (ValueError, TypeError, KeyError, IndexError) as error:
            fail(
                _("„%(field)s“ nicht lesbar: %(error)s")
                % {"field": field, "error": error}
            )
    return ""
