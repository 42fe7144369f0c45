from django import template
from django.urls import reverse

from wagtail.models import Site

from posts.models import BlogPostPage
from posts.seo import (
    MAX_DESCRIPTION,
    SHARE_IMAGE_SPEC,
    absolute_url,
    blog_posting,
    json_ld,
    modified_at,
    published_at,
    site_name,
    website,
)

register = template.Library()


def _title(page, site, current_tag, context):
    if current_tag:
        return f"Artikel zum Thema „{current_tag.name}“"
    if page is None:
        return context.get("seo_title") or site_name(site)
    if site and page.pk == site.root_page_id:
        return page.seo_title or site_name(site)
    return page.seo_title or page.title


def _description(page, current_tag, context):
    if current_tag:
        return f"Alle Artikel zum Thema „{current_tag.name}“."
    if page is None:
        return context.get("meta_description", "")
    for name in ("search_description", "teaser", "intro", "tagline"):
        text = " ".join((getattr(page, name, "") or "").split())
        if text:
            return text[:MAX_DESCRIPTION]
    return ""


def _canonical(request, page, context):
    """The page's own URL on its Wagtail site, with a routable page's sub-path
    (tag pages) and a page number beyond the first."""
    if page is None or not page.pk:
        return None
    url = page.get_full_url(request)
    path = page.get_url(request)
    if not url:
        return None
    if path and path.startswith("/") and request.path.startswith(path):
        url += request.path[len(path) :]
    number = getattr(context.get("posts"), "number", 1)
    return f"{url}?page={number}" if number > 1 else url


def _share_image(page, root_url):
    image = getattr(page, "feature_image", None)
    if not image:
        return None
    rendition = image.get_rendition(SHARE_IMAGE_SPEC)
    return {
        "url": absolute_url(root_url, rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": getattr(page, "feature_image_alt", ""),
    }


@register.simple_tag(takes_context=True)
def seo_meta(context):
    """Everything includes/seo.html prints, computed in one place."""
    request = context.get("request")
    page = context.get("page")
    if request is None:
        return {}
    site = Site.find_for_request(request)
    root_url = site.root_url if site else request.build_absolute_uri("/").rstrip("/")
    current_tag = context.get("current_tag")
    preview_link = getattr(request, "is_preview_link", False)
    noindex = bool(
        context.get("noindex")
        or context.get("is_preview_link")
        or preview_link
        or getattr(request, "is_preview", False)
    )
    canonical = None if noindex else _canonical(request, page, context)
    is_post = isinstance(page, BlogPostPage)
    image = _share_image(page, root_url) if is_post else None
    meta = {
        "title": _title(page, site, current_tag, context),
        "description": _description(page, current_tag, context),
        "canonical": canonical,
        "noindex": noindex,
        # base.html adds previews/head.html (with its robots tag) for preview links.
        "robots_tag": noindex and not preview_link,
        "site_name": site_name(site),
        "og_type": "article" if is_post else "website",
        "image": image,
    }
    if is_post:
        meta["published"] = published_at(page).isoformat()
        modified = modified_at(page)
        meta["modified"] = modified.isoformat() if modified else None
        meta["json_ld"] = json_ld(blog_posting(page, canonical, image, site))
    elif site and page is not None and page.pk == site.root_page_id:
        search_url = absolute_url(root_url, reverse("search"))
        meta["json_ld"] = json_ld(website(site, search_url))
    return meta
