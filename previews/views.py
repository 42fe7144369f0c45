from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.views.decorators.http import require_safe

from .models import PreviewLink

# Preview responses must stay out of search engines, shared caches and Referer headers
# (the token is the only secret; a Referer would leak it to the next site).
PRIVATE_HEADERS = {
    "X-Robots-Tag": "noindex, nofollow",
    "Cache-Control": "private, no-store",
    "Referrer-Policy": "no-referrer",
}


def _private(response):
    for name, value in PRIVATE_HEADERS.items():
        response[name] = value
    return response


def invalid_link(request):
    # The same answer for unknown, expired and revoked tokens and deleted pages, so
    # the response says nothing about whether a page exists.
    return _private(render(request, "previews/invalid.html", status=404))


@require_safe
def show_preview(request, token):
    link = PreviewLink.find_active(token)
    if link is None:
        return invalid_link(request)
    page = link.page.specific
    if page.live and not page.has_unpublished_changes:
        live_url = page.get_url(request)
        if live_url:
            return _private(HttpResponseRedirect(live_url))

    draft = page.get_latest_revision_as_object()
    # Wagtail's own preview machinery renders any page type as readers see it;
    # the flag lets base.html add the banner and the robots meta tag.
    response = draft.make_preview_request(
        original_request=request,
        preview_mode=draft.default_preview_mode,
        extra_request_attrs={"is_preview_link": True, "preview_link": link},
    )
    if response.status_code == 200:
        link.record_view()
    return _private(response)
