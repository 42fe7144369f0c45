from django import template

from core import images
from core.pages import first_text
from core.seo import json_ld
from core.site import SiteContext, absolute_url

register = template.Library()


def canonical_url(request, page, context):
    """The page's own public URL, with a routable page's sub-path (tag pages)
    and a page number beyond the first."""
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


def share_image(page):
    found = page.seo_image()
    if not found:
        return None
    image, alt = found
    rendition = images.rendition(image, "share")
    return {
        "url": absolute_url(rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": alt,
    }


def is_noindex(request, context):
    return bool(
        context.get("noindex")
        or context.get("is_preview_link")
        or getattr(request, "is_preview_link", False)
        or getattr(request, "is_preview", False)
    )


@register.simple_tag(takes_context=True)
def seo_meta(context):
    """Everything includes/seo.html prints. Pages answer for themselves
    (core.pages.SeoMixin); views without a page pass `seo_title`,
    `meta_description` and `noindex` in their context."""
    request = context.get("request")
    if request is None:
        return {}
    site = SiteContext.for_request(request)
    page = context.get("page")
    if not hasattr(page, "seo_title_for"):
        page = None
    noindex = is_noindex(request, context)
    preview_link = getattr(request, "is_preview_link", False)
    canonical = None
    if not noindex:
        # Views without a page (author pages) name their own canonical URL.
        canonical = canonical_url(request, page, context) or context.get(
            "canonical_url"
        )
    meta = {
        "title": context.get("seo_title") or site.name,
        "description": first_text(context.get("meta_description")),
        "canonical": canonical,
        "noindex": noindex,
        # base.html adds previews/head.html (with its robots tag) for preview links.
        "robots_tag": noindex and not preview_link,
        "site_name": site.name,
        "og_type": "website",
        "image": None,
    }
    if page is None:
        return meta
    with context.push(site_context=site):
        image = share_image(page)
        meta.update(
            title=page.seo_title_for(context),
            description=page.seo_description_for(context),
            og_type=page.og_type,
            image=image,
        )
        times = page.seo_times()
        if times:
            published, modified = times
            meta["published"] = published.isoformat()
            meta["modified"] = modified.isoformat() if modified else None
        data = page.structured_data(context, canonical, image)
        if data:
            meta["json_ld"] = json_ld(data)
    return meta
